package httpapi

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/verifier"
)

// lang picks the page language: ?lang=, else Accept-Language, else the
// issuer's default.
func (s *Server) lang(c *gin.Context) string {
	if l := c.Query("lang"); credential.ValidLang(l) {
		return l
	}
	for _, part := range strings.Split(c.GetHeader("Accept-Language"), ",") {
		tag := strings.ToLower(strings.TrimSpace(strings.SplitN(part, ";", 2)[0]))
		if len(tag) >= 2 && credential.ValidLang(tag[:2]) {
			return tag[:2]
		}
	}
	if l := s.issuer.Identity().DefaultLang; l != "" {
		return l
	}
	return "kk"
}

// wantsJSON reports whether the client prefers JSON to HTML.
func wantsJSON(c *gin.Context) bool {
	a := c.GetHeader("Accept")
	return strings.Contains(a, "application/json") && !strings.Contains(a, "text/html")
}

// credID normalizes an id from the URL: a bare UUID or urn:uuid:….
func credID(raw string) string {
	return strings.TrimPrefix(strings.TrimSpace(raw), "urn:uuid:")
}

// record loads a credential or writes 404.
func (s *Server) record(c *gin.Context) (*credential.Record, bool) {
	r, err := s.store.Credential(c.Request.Context(), credID(c.Param("id")))
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	return r, true
}

// verifyRecord verifies a stored credential and adds the registry's
// annotations to the result; it returns them too, for the page.
func (s *Server) verifyRecord(c *gin.Context, r *credential.Record, channel string) (*verifier.Result, []Annotation) {
	res := s.verifier.VerifyJWS(credential.WithRecord(c.Request.Context(), r), r.JWS)
	s.metrics.verification(res.Status, channel)
	anns := s.annotations(c, r)
	for _, an := range anns {
		if res.Annotations == nil {
			res.Annotations = map[string]any{}
		}
		res.Annotations[an.Key] = an.Value
	}
	return res, anns
}

// annotations collects the annotators' facts; a failing annotator is
// logged and skipped, never fatal to verification.
func (s *Server) annotations(c *gin.Context, r *credential.Record) []Annotation {
	var out []Annotation
	for _, a := range s.annotators {
		as, err := a(c.Request.Context(), r)
		if err != nil {
			s.log.WarnContext(c.Request.Context(), "annotator failed", "credential", r.ID, "error", err)
			continue
		}
		out = append(out, as...)
	}
	return out
}

func notFoundResult(id string) *verifier.Result {
	return &verifier.Result{Verified: false, Status: verifier.StatusNotFound,
		Checks: []verifier.Check{{Name: "registry", OK: false, Detail: "no credential " + id + " in this registry"}}}
}

// statusCode is the HTTP status of a verification result.
func statusCode(r *verifier.Result) int {
	switch r.Status {
	case verifier.StatusNotFound:
		return http.StatusNotFound
	default:
		return http.StatusOK
	}
}

func (s *Server) verifyByID(c *gin.Context) {
	id := credID(c.Param("id"))
	r, err := s.store.Credential(c.Request.Context(), id)
	if credential.IsNotFound(err) {
		c.JSON(http.StatusNotFound, notFoundResult(id))
		return
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	res, _ := s.verifyRecord(c, r, ChannelAPI)
	c.JSON(statusCode(res), res)
}

// verifyPosted verifies a credential someone holds: a compact JWS, OB3 JSON
// (with the JWS in a proof or matching this registry), a baked PNG or SVG,
// or a certificate PDF (which carries its credential as an attachment).
func (s *Server) verifyPosted(c *gin.Context) {
	body, err := io.ReadAll(c.Request.Body)
	if err != nil {
		s.fail(c, err)
		return
	}
	channel := ChannelAPI
	if wantsHTMLForm(c) {
		channel = ChannelPage
	}
	if ct := c.ContentType(); ct == "multipart/form-data" || ct == "application/x-www-form-urlencoded" {
		c.Request.Body = io.NopCloser(bytes.NewReader(body)) // the form is parsed from the body read above
		var file bool
		body, file, err = formCredential(c)
		if err != nil {
			s.fail(c, err)
			return
		}
		if file {
			channel = ChannelUpload
		}
	}
	if isFile(body) {
		channel = ChannelUpload
	}
	if doc, ok := dataIntegrityBody(body); ok {
		s.verifyDataIntegrity(c, doc, channel)
		return
	}
	token, err := s.extractToken(c, body)
	if err != nil {
		res := &verifier.Result{Status: verifier.StatusInvalid, Checks: []verifier.Check{{Name: "format", OK: false, Detail: credential.ErrorMessage(err)}}}
		s.metrics.verification(res.Status, channel)
		if wantsHTMLForm(c) {
			s.renderVerdict(c, http.StatusBadRequest, res, nil, nil)
			return
		}
		c.JSON(http.StatusBadRequest, res)
		return
	}
	res := s.verifier.VerifyJWS(c.Request.Context(), token)
	s.metrics.verification(res.Status, channel)
	code := http.StatusOK
	if res.Status == verifier.StatusInvalid && res.Parsed == nil {
		code = http.StatusBadRequest
	}
	if wantsHTMLForm(c) {
		s.renderVerdict(c, code, res, nil, nil)
		return
	}
	c.JSON(code, res)
}

func wantsHTMLForm(c *gin.Context) bool {
	return strings.Contains(c.GetHeader("Accept"), "text/html")
}

// formCredential reads the credential from a form: a "file" upload
// (file=true) or a "credential" text field.
func formCredential(c *gin.Context) (body []byte, file bool, err error) {
	if fh, err := c.FormFile("file"); err == nil {
		f, err := fh.Open()
		if err != nil {
			return nil, true, err
		}
		defer f.Close()
		b, err := io.ReadAll(f)
		return b, true, err
	}
	if v := c.PostForm("credential"); v != "" {
		return []byte(v), false, nil
	}
	return nil, false, credential.Errorf(credential.CodeInvalid, "send the credential as the body, or as a form field \"credential\" or a file \"file\"")
}

// isFile reports whether a posted body is a document rather than text: a
// PNG, a PDF or an SVG image.
func isFile(body []byte) bool {
	head := body[:min(len(body), 512)]
	return bytes.HasPrefix(head, []byte("\x89PNG")) || bytes.HasPrefix(head, []byte("%PDF")) || bytes.Contains(head, []byte("<svg"))
}

// Extractor pulls a compact JWS out of an uploaded file of some other kind
// (a baked PNG or SVG, a certificate PDF). It returns ok=false when the body
// is not its kind.
type Extractor func(body []byte) (jws string, ok bool, err error)

// extractToken finds the compact JWS in a posted body.
func (s *Server) extractToken(c *gin.Context, body []byte) (string, error) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return "", credential.Errorf(credential.CodeInvalid, "the body is empty: send a compact JWS, OB3 JSON, a baked PNG/SVG badge or a certificate PDF")
	}
	for _, x := range s.extractors {
		jws, ok, err := x(trimmed)
		if ok {
			if err != nil {
				return "", credential.Wrap(credential.CodeInvalid, err, "the file holds no readable credential: "+err.Error())
			}
			return jws, nil
		}
	}
	if trimmed[0] == '{' {
		return s.tokenFromJSON(c, trimmed)
	}
	if trimmed[0] == '"' {
		var sv string
		if json.Unmarshal(trimmed, &sv) == nil {
			return strings.TrimSpace(sv), nil
		}
	}
	if strings.Count(string(trimmed), ".") == 2 && isBase64URLish(trimmed) {
		return string(trimmed), nil
	}
	return "", credential.Errorf(credential.CodeInvalid, "not a credential: expected a compact JWS, OB3 JSON, a baked PNG or SVG badge, or a certificate PDF")
}

func isBase64URLish(b []byte) bool {
	for _, c := range b {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '=') {
			return false
		}
	}
	return true
}

// tokenFromJSON accepts OB3 JSON: a wrapper {"jws"|"credential"|"compactJwsString": …},
// a credential with a JWT proof, or a bare credential whose id is in this
// registry (then the registry's signed copy is verified, and the JSON must
// equal its payload).
func (s *Server) tokenFromJSON(c *gin.Context, body []byte) (string, error) {
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		return "", credential.Errorf(credential.CodeInvalid, "the JSON is malformed: %v", err)
	}
	for _, k := range []string{"jws", "jwt", "credential", "compactJwsString"} {
		if v, ok := m[k].(string); ok && strings.Count(v, ".") == 2 {
			return v, nil
		}
	}
	if proofs, ok := m["proof"].([]any); ok {
		for _, p := range proofs {
			if pm, ok := p.(map[string]any); ok {
				if jwt, ok := pm["jwt"].(string); ok {
					return jwt, nil
				}
			}
		}
	}
	id, _ := m["id"].(string)
	if id == "" {
		return "", credential.Errorf(credential.CodeInvalid, "the JSON is not an Open Badges credential (no id)")
	}
	r, err := s.store.Credential(c.Request.Context(), credID(id))
	if err != nil {
		return "", credential.Errorf(credential.CodeInvalid, "the JSON carries no proof and is not in this registry; send the signed form (compact JWS)")
	}
	stored, err := decodePayload(r.JWS)
	if err != nil {
		return "", err
	}
	for _, k := range []string{"iss", "jti", "sub", "nbf", "exp"} {
		delete(stored, k)
		if _, ok := m["proof"]; !ok {
			delete(m, k)
		}
	}
	a, _ := json.Marshal(stored)
	b, _ := json.Marshal(m)
	if !bytes.Equal(a, b) {
		return "", credential.Errorf(credential.CodeInvalid, "the JSON differs from the credential %s in this registry: it was altered", id)
	}
	return r.JWS, nil
}

// decodePayload returns the claims of a stored credential's JWS.
func decodePayload(jws string) (map[string]any, error) {
	var m map[string]any
	if err := credential.DecodePayload(jws, &m); err != nil {
		return nil, err
	}
	return m, nil
}

func (s *Server) credentialJWT(c *gin.Context) {
	r, ok := s.record(c)
	if !ok {
		return
	}
	c.Header("Content-Disposition", `inline; filename="credential-`+r.ID+`.jwt"`)
	c.Header("Cache-Control", "public, max-age=86400, immutable")
	c.Data(http.StatusOK, MediaTypeJWT, []byte(r.JWS))
}

// credentialJSON serves the credential as JSON: for credentials issued
// under the issuer's DID, with an embedded Data Integrity proof over the
// content the VC-JWT secures; earlier ones as their JWT payload, without
// the JWT claims.
func (s *Server) credentialJSON(c *gin.Context) {
	r, ok := s.record(c)
	if !ok {
		return
	}
	b, err := s.securedJSON(r)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Content-Disposition", `inline; filename="credential-`+r.ID+`.json"`)
	c.Header("Cache-Control", "public, max-age=86400, immutable")
	c.Data(http.StatusOK, "application/json", b)
}

// achievement serves a program version as an OB3 Achievement (valid
// against the official schema: criteria and a description always).
func (s *Server) achievement(c *gin.Context) {
	v, err := strconv.Atoi(c.Param("version"))
	if err != nil || v < 1 {
		s.fail(c, credential.Errorf(credential.CodeNotFound, "no such achievement"))
		return
	}
	p, err := s.store.Program(c.Request.Context(), c.Param("regno"), v)
	if err != nil {
		s.fail(c, err)
		return
	}
	lang := s.lang(c)
	id := s.issuer.Identity()
	achID := id.AchievementURL(p.RegistrationNumber, p.Version)
	ach := issuer.AchievementOf(id, p, lang)
	c.JSON(http.StatusOK, gin.H{
		"@context": []any{credential.ContextVC2, credential.ContextOB3, credential.TanuContext()},
		"id":       achID, "type": []string{"Achievement"},
		"achievementType": ach.AchievementType,
		"name":            ach.Name, "description": ach.Description, "criteria": ach.Criteria,
		"humanCode": p.RegistrationNumber, "version": strconv.Itoa(p.Version), "inLanguage": lang,
		"alignment": ach.Alignment, "creator": id.Profile(),
	})
}
