package httpapi

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/verifier"
)

// lang picks the language of a page or an answer: ?lang= (kk, kz, ru,
// en, қаз, рус, …), else Accept-Language, else the issuer's default, else
// lang.Default.
func (s *Server) lang(c *gin.Context) lang.Tag {
	if t, ok := lang.Parse(c.Query("lang")); ok {
		return t
	}
	if t, ok := lang.Accept(c.GetHeader("Accept-Language")); ok {
		return t
	}
	return lang.ParseOr(s.issuer.Identity().DefaultLang, lang.Default)
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
	return &verifier.Result{Verified: false, Status: verifier.StatusNotFound, Verdict: verifier.StatusNotFound,
		Checks: []verifier.Check{verifier.NewCheck("registry", false, lang.VerifyNoSuchID, id)}}
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
		s.writeJSON(c, http.StatusNotFound, notFoundResult(id))
		return
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	res, _ := s.verifyRecord(c, r, ChannelAPI)
	s.writeJSON(c, statusCode(res), res)
}

// verifyBodyLimit caps POST /api/v1/verify: the largest credential file
// (verifier.MaxFileBytes) plus room for a multipart form's framing.
const verifyBodyLimit = verifier.MaxFileBytes + 64<<10

// verifyPosted verifies a credential someone holds: a compact JWS, OB3 JSON
// (with the JWS in a proof or matching this registry), a baked PNG or SVG,
// or a certificate PDF (which carries its credential as an attachment).
// Text that names a credential (its page URL, id or certificate number) is
// looked up in this registry. Input without a credential gets a neutral
// answer, never the verdict reserved for forgeries.
func (s *Server) verifyPosted(c *gin.Context) {
	// Two budgets: bodies being read (each up to verifyBodyLimit in memory,
	// and a slow client holds one only while it sends), then verifications
	// (CPU), waited for briefly.
	release, ok := s.slot(c, s.reading, 0)
	if !ok {
		return
	}
	defer release()
	body, file, err := readVerifyBody(c)
	if err != nil {
		if credential.ErrorCode(err) == credential.CodeTooLarge && wantsHTMLForm(c) {
			s.renderVerdict(c, http.StatusRequestEntityTooLarge, &verifier.Result{Status: verifier.StatusInvalid, Verdict: "too_large",
				Checks: []verifier.Check{formatCheck(err)}}, nil, nil)
			return
		}
		s.fail(c, err)
		return
	}
	channel := ChannelAPI
	switch {
	case file:
		channel = ChannelUpload
	case wantsHTMLForm(c):
		channel = ChannelPage
	}
	done, ok := s.slot(c, s.verifying, verifySlotWait)
	if !ok {
		return
	}
	defer done()
	x, err := verifier.Extract(c.Request.Context(), body)
	switch {
	case credential.ErrorCode(err) == credential.CodeTooLarge && wantsHTMLForm(c):
		s.renderVerdict(c, http.StatusRequestEntityTooLarge, &verifier.Result{Status: verifier.StatusInvalid, Verdict: "too_large",
			Checks: []verifier.Check{formatCheck(err)}}, nil, nil)
		return
	case errors.Is(err, verifier.ErrNoCredential):
		res := &verifier.Result{Status: verifier.StatusInvalid, Verdict: verifier.VerdictNoCredential,
			Checks: []verifier.Check{verifier.NewCheck("format", false, lang.VerifyNoCredential)}}
		s.answer(c, http.StatusBadRequest, res, channel)
		return
	case err != nil && credential.ErrorCode(err) == credential.CodeInvalid:
		res := &verifier.Result{Status: verifier.StatusInvalid, Verdict: verifier.StatusInvalid,
			Checks: []verifier.Check{formatCheck(err)}}
		s.answer(c, http.StatusBadRequest, res, channel)
		return
	case err != nil:
		s.fail(c, err)
		return
	case x.Kind == verifier.KindReference:
		s.verifyReference(c, x.Reference, channel)
		return
	}
	res := s.verifier.VerifyExtracted(c.Request.Context(), x)
	code := http.StatusOK
	if res.Status == verifier.StatusInvalid && res.Parsed == nil {
		code = http.StatusBadRequest
	}
	if x.Kind == verifier.KindPNG || x.Kind == verifier.KindSVG || x.Kind == verifier.KindPDF {
		channel = ChannelUpload
	}
	s.answer(c, code, res, channel)
}

// answer writes a verification result: the verdict page for a browser's
// form, else JSON.
func (s *Server) answer(c *gin.Context, code int, res *verifier.Result, channel string) {
	s.metrics.verification(res.Status, channel)
	s.respond(c, code, res, nil, nil)
}

// respond writes a result already counted.
func (s *Server) respond(c *gin.Context, code int, res *verifier.Result, r *credential.Record, anns []Annotation) {
	if wantsHTMLForm(c) {
		s.renderVerdict(c, code, res, r, anns)
		return
	}
	s.writeJSON(c, code, res)
}

// writeJSON writes a verification result as JSON, its checks worded in
// the request's language too (title, text).
func (s *Server) writeJSON(c *gin.Context, code int, res *verifier.Result) {
	res.Localize(s.lang(c))
	c.JSON(code, res)
}

// formatCheck is the format check of input that could not be read as a
// credential: its catalog message when it has one, with the English cause
// kept for programs.
func formatCheck(err error) verifier.Check {
	var e *credential.Error
	if errors.As(err, &e) && e.Msg != "" {
		check := verifier.NewCheck("format", false, e.Msg, e.Args...)
		check.Detail = e.Message
		return check
	}
	key := lang.VerifyUnreadableFile
	if credential.ErrorCode(err) == credential.CodeTooLarge {
		key = lang.VerifyFileTooLarge
	}
	check := verifier.NewCheck("format", false, key)
	check.Detail = credential.ErrorMessage(err)
	return check
}

// verifyReference answers a credential page URL, a credential id or a
// certificate number typed into the verify form by looking it up in this
// registry. Another site's address is not fetched.
func (s *Server) verifyReference(c *gin.Context, ref, channel string) {
	ctx := c.Request.Context()
	kind, val, _ := strings.Cut(ref, ":")
	var (
		r   *credential.Record
		err error
	)
	switch kind {
	case "url":
		id := verifier.ReferenceID(val)
		if !strings.HasPrefix(strings.ToLower(val), strings.ToLower(s.issuer.Identity().Base())+"/c/") {
			res := notFoundResult(id)
			res.Checks[0] = verifier.NewCheck("registry", false, lang.VerifyNotOurAddress)
			s.answer(c, http.StatusNotFound, res, channel)
			return
		}
		r, err = s.store.Credential(ctx, id)
		val = id
	case "id":
		r, err = s.store.Credential(ctx, val)
	case "number":
		n, perr := strconv.ParseInt(val, 10, 64)
		if perr != nil {
			err = credential.Errorm(credential.CodeNotFound, lang.VerifyNoSuchNumber, val)
			break
		}
		r, err = s.store.CredentialByNumber(ctx, n)
		val = "№ " + val
	}
	if credential.IsNotFound(err) || r == nil && err == nil {
		s.answer(c, http.StatusNotFound, notFoundResult(val), channel)
		return
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	res, anns := s.verifyRecord(c, r, channel)
	s.respond(c, statusCode(res), res, r, anns)
}

// verifySlotWait is how long a read credential waits for a verification
// slot before the answer is 503.
const verifySlotWait = 2 * time.Second

// slot takes one of the places of sem, waiting up to wait for one to
// free up; when none does it answers 503 with Retry-After.
func (s *Server) slot(c *gin.Context, sem chan struct{}, wait time.Duration) (func(), bool) {
	release := func() { <-sem }
	select {
	case sem <- struct{}{}:
		return release, true
	default:
	}
	if wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		select {
		case sem <- struct{}{}:
			return release, true
		case <-c.Request.Context().Done():
			s.fail(c, c.Request.Context().Err())
			return nil, false
		case <-t.C:
		}
	}
	c.Header("Retry-After", "1")
	if wantsHTMLForm(c) {
		s.renderVerdict(c, http.StatusServiceUnavailable, &verifier.Result{Status: verifier.StatusUnknown, Verdict: "busy"}, nil, nil)
		c.Abort()
		return nil, false
	}
	s.fail(c, credential.Errorm(credential.CodeUnavailable, lang.ErrVerifyBusy))
	return nil, false
}

func wantsHTMLForm(c *gin.Context) bool {
	return strings.Contains(c.GetHeader("Accept"), "text/html")
}

// readVerifyBody reads what was posted for verification, never holding
// more than verifyBodyLimit: the body itself, or from a form the file
// "file" (a photo or scan is recognized from its first bytes and not read
// further) or else the text field "credential".
func readVerifyBody(c *gin.Context) (body []byte, file bool, err error) {
	tooLarge := credential.Errorm(credential.CodeTooLarge, lang.ErrTooLarge, verifyBodyLimit)
	switch c.ContentType() {
	case "multipart/form-data":
		return readVerifyForm(c)
	case "application/x-www-form-urlencoded":
		if c.Request.ContentLength > verifier.MaxCredentialBytes*3+1024 {
			return nil, false, tooLarge
		}
		b, err := io.ReadAll(http.MaxBytesReader(c.Writer, c.Request.Body, verifier.MaxCredentialBytes*3+1024))
		if err != nil {
			return nil, false, err
		}
		q, err := url.ParseQuery(string(b))
		if err != nil {
			return nil, false, formMalformed(err)
		}
		return []byte(q.Get("credential")), false, nil
	}
	if c.Request.ContentLength > verifyBodyLimit {
		return nil, false, tooLarge
	}
	body, err = io.ReadAll(http.MaxBytesReader(c.Writer, c.Request.Body, verifyBodyLimit))
	return body, false, err
}

// formMalformed is the error of a verify form that cannot be parsed.
func formMalformed(err error) error {
	e := credential.Errorm(credential.CodeInvalid, lang.VerifyFormMalformed)
	e.Err = err
	return e
}

// maxFormParts bounds the parts of a verify form read.
const maxFormParts = 8

// readVerifyForm reads a multipart verify form part by part.
func readVerifyForm(c *gin.Context) (body []byte, file bool, err error) {
	mr, err := c.Request.MultipartReader()
	if err != nil {
		return nil, false, formMalformed(err)
	}
	var text []byte
	for range maxFormParts {
		p, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, false, err
		}
		switch p.FormName() {
		case "file":
			head := make([]byte, 16)
			n, err := io.ReadFull(p, head)
			if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
				return nil, true, err
			}
			if n == 0 {
				continue // no file chosen
			}
			if verifier.IsPhoto(head[:n]) {
				return head[:n], true, nil // a scan or photo: no need to read it
			}
			rest, err := io.ReadAll(io.LimitReader(p, int64(verifier.MaxFileBytes+1-n)))
			if err != nil {
				return nil, true, err
			}
			if n+len(rest) > verifier.MaxFileBytes {
				return nil, true, credential.Errorm(credential.CodeTooLarge, lang.VerifyInputTooLarge, verifier.MaxFileBytes)
			}
			return append(head[:n], rest...), true, nil
		case "credential":
			if text, err = io.ReadAll(io.LimitReader(p, verifier.MaxCredentialBytes+1)); err != nil {
				return nil, false, err
			}
		}
	}
	return text, false, nil
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
		s.fail(c, credential.Errorm(credential.CodeNotFound, lang.ErrNoAchievement))
		return
	}
	p, err := s.store.Program(c.Request.Context(), c.Param("regno"), v)
	if err != nil {
		s.fail(c, err)
		return
	}
	l := string(s.lang(c))
	id := s.issuer.Identity()
	achID := id.AchievementURL(p.RegistrationNumber, p.Version)
	ach := issuer.AchievementOf(id, p, l)
	c.JSON(http.StatusOK, gin.H{
		"@context": []any{credential.ContextVC2, credential.ContextOB3, credential.TanuContext()},
		"id":       achID, "type": []string{"Achievement"},
		"achievementType": ach.AchievementType,
		"name":            ach.Name, "description": ach.Description, "criteria": ach.Criteria,
		"humanCode": p.RegistrationNumber, "version": strconv.Itoa(p.Version), "inLanguage": l,
		"alignment": ach.Alignment, "creator": id.Profile(),
	})
}
