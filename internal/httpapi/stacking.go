package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/stacking"
	"github.com/tanu-edu/tanu/verifier"
)

// Stacking is what the pathway, learner record and credit transfer
// endpoints need (package stacking implements it).
type Stacking interface {
	CreatePathway(ctx context.Context, p credential.Pathway) (*credential.Pathway, error)
	Pathway(ctx context.Context, id string) (*credential.Pathway, error)
	Pathways(ctx context.Context, status string) ([]*credential.Pathway, error)
	Candidates(ctx context.Context, id string, l lang.Tag) ([]stacking.Candidate, error)
	Evaluate(ctx context.Context, id, holder string, l lang.Tag) (*credential.Pathway, credential.Eligibility, []*credential.Record, error)
	Issue(ctx context.Context, id string, req stacking.IssueRequest) (*stacking.Issued, error)
	Diplomas(ctx context.Context, id string, review bool) ([]stacking.Diploma, error)
	Review(ctx context.Context, nanoID string) ([]credential.ReviewFlag, error)
	NanoComponents(ctx context.Context, nano *credential.Record, l lang.Tag) ([]credential.Component, []*credential.Record, error)
	LearnerRecord(ctx context.Context, holder string, l lang.Tag) (*stacking.LearnerRecord, error)
	HolderOf(ctx context.Context, credID string) (string, error)
	RecordTransfer(ctx context.Context, credID string, t credential.Transfer) (*credential.Transfer, error)
	Transfers(ctx context.Context, f credential.TransferFilter) ([]credential.TransferRow, error)
	WriteJSON(w io.Writer, rows []credential.TransferRow) error
	WriteCSV(w io.Writer, rows []credential.TransferRow, l lang.Tag) error
}

// CLRVerifier verifies CLR 2.0 learner records (package verifier).
type CLRVerifier interface {
	VerifyCLR(ctx context.Context, token string) *verifier.Result
}

// stackingRoutes registers pathways (viewers read, registrars define,
// see candidates and issue), learner records and credit transfers, and
// the public learner record of a credential's holder.
func (s *Server) stackingRoutes(api *gin.RouterGroup) {
	small := s.limitBody(s.cfg.MaxBodyBytes)
	viewer, registrar := s.authenticate(credential.RoleViewer), s.authenticate(credential.RoleRegistrar)
	api.POST("/pathways", registrar, small, s.createPathway)
	api.GET("/pathways", viewer, s.listPathways)
	api.GET("/pathways/:id", viewer, s.getPathway)
	api.GET("/pathways/:id/candidates", registrar, s.pathwayCandidates)
	api.GET("/pathways/:id/eligibility", registrar, s.pathwayEligibility)
	api.POST("/pathways/:id/issue", registrar, small, s.issueNano)
	api.GET("/pathways/:id/diplomas", registrar, s.pathwayDiplomas)
	api.GET("/holders/:ref/clr", registrar, s.holderCLR)
	api.GET("/holders/:ref/transfers", registrar, s.holderTransfers)
	api.POST("/credentials/:id/transfers", registrar, small, s.recordTransfer)
	api.GET("/credentials/:id/transfers", viewer, s.credentialTransfers)
	api.GET("/transfers/export", registrar, s.exportTransfers)
	verifyLimit := s.limitVerify()
	api.POST("/verify/clr", verifyLimit, s.limitBody(verifier.MaxCLRBytes+1024), s.verifyCLR)
	s.engine.GET("/c/:id/clr.json", verifyLimit, s.publicCLR(false))
	s.engine.GET("/c/:id/clr.jwt", verifyLimit, s.publicCLR(true))
}

// needStacking answers 503 when the server runs without the service.
func (s *Server) needStacking(c *gin.Context) bool {
	if s.stacking == nil {
		s.fail(c, credential.Errorf(credential.CodeUnavailable, "stacking is not configured"))
		return false
	}
	return true
}

func (s *Server) createPathway(c *gin.Context) {
	if !s.needStacking(c) {
		return
	}
	var p credential.Pathway
	if err := bindJSON(c, &p); err != nil {
		s.fail(c, err)
		return
	}
	out, err := s.stacking.CreatePathway(c.Request.Context(), p)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Location", "/api/v1/pathways/"+out.ID)
	c.JSON(http.StatusCreated, out)
}

func (s *Server) listPathways(c *gin.Context) {
	if !s.needStacking(c) {
		return
	}
	ps, err := s.stacking.Pathways(c.Request.Context(), c.Query("status"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"pathways": ps})
}

func (s *Server) getPathway(c *gin.Context) {
	if !s.needStacking(c) {
		return
	}
	p, err := s.stacking.Pathway(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, p)
}

func (s *Server) pathwayCandidates(c *gin.Context) {
	if !s.needStacking(c) {
		return
	}
	cs, err := s.stacking.Candidates(c.Request.Context(), c.Param("id"), s.lang(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"pathway": strings.ToUpper(c.Param("id")), "candidates": cs})
}

func (s *Server) pathwayEligibility(c *gin.Context) {
	if !s.needStacking(c) {
		return
	}
	_, e, _, err := s.stacking.Evaluate(c.Request.Context(), c.Param("id"), c.Query("holder"), s.lang(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, e)
}

func (s *Server) issueNano(c *gin.Context) {
	if !s.needStacking(c) {
		return
	}
	var req stacking.IssueRequest
	if err := bindJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	if req.Language != "" && !lang.Valid(req.Language) {
		s.fail(c, &credential.Error{Code: credential.CodeInvalid, Message: "language must be kk, ru or en", Msg: lang.StackLanguage,
			Details: []credential.Detail{credential.DetailMsg("language", lang.StackLanguage)}})
		return
	}
	res, err := s.stacking.Issue(c.Request.Context(), c.Param("id"), req)
	if err != nil {
		s.fail(c, err)
		return
	}
	status := http.StatusCreated
	if res.Result.Existed {
		status = http.StatusOK
	}
	c.Header("Location", "/api/v1/credentials/"+res.Result.Record.ID)
	c.JSON(status, gin.H{"credential": s.out(res.Result.Record, res.Result.Existed, false), "eligibility": res.Eligibility})
}

func (s *Server) pathwayDiplomas(c *gin.Context) {
	if !s.needStacking(c) {
		return
	}
	review := c.Query("review") == "1" || c.Query("review") == "true"
	ds, err := s.stacking.Diplomas(c.Request.Context(), c.Param("id"), review)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"pathway": strings.ToUpper(c.Param("id")), "diplomas": ds})
}

// sendCLR writes a learner record: the VC-JWT, or the JSON of the
// credential it carries.
func (s *Server) sendCLR(c *gin.Context, lr *stacking.LearnerRecord, asJWT bool, name string) {
	c.Header("Cache-Control", "private, no-store")
	if asJWT {
		c.Header("Content-Disposition", `attachment; filename="`+name+`.jwt"`)
		c.Data(http.StatusOK, MediaTypeJWT, []byte(lr.JWT))
		return
	}
	c.Header("Content-Disposition", `inline; filename="`+name+`.json"`)
	c.JSON(http.StatusOK, lr)
}

// holderCLR serves a holder's learner record to the registrar: JSON with
// the VC-JWT and the credential, or ?format=jwt the VC-JWT alone.
func (s *Server) holderCLR(c *gin.Context) {
	if !s.needStacking(c) {
		return
	}
	lr, err := s.stacking.LearnerRecord(c.Request.Context(), c.Param("ref"), s.lang(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	s.sendCLR(c, lr, c.Query("format") == "jwt", "clr")
}

// publicCLR serves the learner record of the holder of a valid credential,
// from its public page: the same holder's valid credentials only, as the
// public pages show them one by one.
func (s *Server) publicCLR(asJWT bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		if !s.needStacking(c) {
			return
		}
		// Building a record signs: it takes a verification slot, so a
		// burst of them waits its turn like verifications do.
		done, ok := s.slot(c, s.verifying, verifySlotWait)
		if !ok {
			return
		}
		defer done()
		id := credID(c.Param("id"))
		holder, err := s.stacking.HolderOf(c.Request.Context(), id)
		if err != nil {
			s.fail(c, err)
			return
		}
		lr, err := s.stacking.LearnerRecord(c.Request.Context(), holder, s.lang(c))
		if err != nil {
			s.fail(c, err)
			return
		}
		s.sendCLR(c, lr, asJWT, "clr-"+id)
	}
}

// verifyCLR verifies a posted CLR 2.0 learner record (the VC-JWT, raw or
// as the JSON holderCLR answers).
func (s *Server) verifyCLR(c *gin.Context) {
	if s.clrVerifier == nil {
		s.fail(c, credential.Errorf(credential.CodeUnavailable, "CLR verification is not configured"))
		return
	}
	release, ok := s.slot(c, s.reading, 0)
	if !ok {
		return
	}
	defer release()
	body, err := io.ReadAll(c.Request.Body)
	if err != nil {
		s.fail(c, err)
		return
	}
	done, ok := s.slot(c, s.verifying, verifySlotWait)
	if !ok {
		return
	}
	defer done()
	token := string(bytes.TrimSpace(body))
	if strings.HasPrefix(token, "{") {
		var lr struct {
			JWT string `json:"clr_jwt"`
		}
		if json.Unmarshal(body, &lr) == nil && lr.JWT != "" {
			token = lr.JWT
		}
	}
	res := s.clrVerifier.VerifyCLR(c.Request.Context(), token)
	s.metrics.verification(res.Status, ChannelAPI)
	code := http.StatusOK
	if res.Status == verifier.StatusInvalid && res.Parsed == nil {
		code = http.StatusBadRequest
	}
	s.writeJSON(c, code, res)
}

func (s *Server) recordTransfer(c *gin.Context) {
	if !s.needStacking(c) {
		return
	}
	var t credential.Transfer
	if err := bindJSON(c, &t); err != nil {
		s.fail(c, err)
		return
	}
	out, err := s.stacking.RecordTransfer(c.Request.Context(), credID(c.Param("id")), t)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, out)
}

func (s *Server) credentialTransfers(c *gin.Context) {
	if !s.needStacking(c) {
		return
	}
	r, ok := s.record(c)
	if !ok {
		return
	}
	ts, err := s.stacking.Transfers(c.Request.Context(), credential.TransferFilter{CredentialID: r.ID})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"credential": r.ID, "transfers": ts})
}

func (s *Server) holderTransfers(c *gin.Context) {
	if !s.needStacking(c) {
		return
	}
	ts, err := s.stacking.Transfers(c.Request.Context(), credential.TransferFilter{StudentID: strings.TrimSpace(c.Param("ref"))})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"holder": c.Param("ref"), "transfers": ts})
}

// exportTransfers exports credit transfers for the academic records
// system: ?format=csv (default) or json, ?from= and ?to= bound the
// decision dates, ?holder= one holder.
func (s *Server) exportTransfers(c *gin.Context) {
	if !s.needStacking(c) {
		return
	}
	format := c.DefaultQuery("format", "csv")
	if format != "csv" && format != "json" {
		s.fail(c, &credential.Error{Code: credential.CodeInvalid, Message: "format must be csv or json", Msg: lang.StackExportFormat,
			Details: []credential.Detail{credential.DetailMsg("format", lang.StackExportFormat)}})
		return
	}
	f := credential.TransferFilter{StudentID: c.Query("holder"), From: c.Query("from"), To: c.Query("to")}
	for _, d := range []struct{ field, v string }{{"from", f.From}, {"to", f.To}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d.v); err != nil {
			s.fail(c, &credential.Error{Code: credential.CodeInvalid, Message: d.field + " must be a date YYYY-MM-DD", Msg: lang.StackInvalid, Args: []any{d.field},
				Details: []credential.Detail{credential.DetailMsg(d.field, lang.StackDate)}})
			return
		}
	}
	rows, err := s.stacking.Transfers(c.Request.Context(), f)
	if err != nil {
		s.fail(c, err)
		return
	}
	var buf bytes.Buffer
	name := "credit-transfers-" + s.now().UTC().Format("2006-01-02")
	if format == "json" {
		err = s.stacking.WriteJSON(&buf, rows)
	} else {
		err = s.stacking.WriteCSV(&buf, rows, s.lang(c))
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Content-Disposition", `attachment; filename="`+name+`.`+format+`"`)
	c.Header("Cache-Control", "private, no-store")
	ct := "text/csv; charset=utf-8"
	if format == "json" {
		ct = "application/json"
	}
	c.Data(http.StatusOK, ct, buf.Bytes())
}

// StackingAnnotator shows on a credential's page and verification result
// its credit transfers (annotations.credit_transfers) and, for a
// nano-diploma, the components it was built on (annotations.components)
// and those no longer valid (annotations.review), naming which.
func StackingAnnotator(st Stacking) Annotator {
	return func(ctx context.Context, rec *credential.Record) ([]Annotation, error) {
		var out []Annotation
		rows, err := st.Transfers(ctx, credential.TransferFilter{CredentialID: rec.ID, Limit: 100})
		if err != nil {
			return nil, err
		}
		if len(rows) > 0 {
			pub := stacking.Public(rows)
			out = append(out, Annotation{Key: "credit_transfers", Value: pub, Label: lang.StackTransfers,
				Text: func(l lang.Tag) string {
					parts := make([]string, len(pub))
					for i, t := range pub {
						parts[i] = stacking.TransferText(t, l)
					}
					return strings.Join(parts, " · ")
				}})
		}
		if !stacking.IsNano(rec) {
			return out, nil
		}
		comps, recs, err := st.NanoComponents(ctx, rec, lang.Tag(rec.Language))
		if err != nil {
			return nil, err
		}
		type compOut struct {
			CredentialID      string  `json:"credential_id"`
			URL               string  `json:"url"`
			Program           string  `json:"program"`
			CertificateNumber string  `json:"certificate_number"`
			Credits           float64 `json:"credits"`
			Grade             string  `json:"grade,omitempty"`
			Status            string  `json:"status"`
		}
		status := map[string]string{}
		for _, r := range recs {
			status[r.ID] = r.Status
		}
		var total float64
		vals := make([]compOut, len(comps))
		for i, c := range comps {
			vals[i] = compOut{c.CredentialID, c.URL, c.Program, c.CertificateNumber, c.Credits, c.Grade, status[c.CredentialID]}
			total += c.Credits
		}
		out = append(out, Annotation{Key: "components", Value: vals, Label: lang.StackComponents,
			Text: func(l lang.Tag) string {
				parts := make([]string, len(vals))
				for i, v := range vals {
					parts[i] = v.Program + " (№ " + v.CertificateNumber + ")"
				}
				return l.T(lang.StackComponentsText, len(vals), strconv.FormatFloat(total, 'f', -1, 64), strings.Join(parts, ", "))
			}})
		flags, err := st.Review(ctx, rec.ID)
		if err != nil || len(flags) == 0 {
			return out, err
		}
		out = append(out, Annotation{Key: "review", Value: flags, Label: lang.StackReview,
			Text: func(l lang.Tag) string {
				parts := make([]string, len(flags))
				for i, f := range flags {
					parts[i] = stackingFlagText(f, l)
				}
				return strings.Join(parts, " · ")
			}})
		return out, nil
	}
}

// nanoResults heads a nano-diploma's results as its components and names
// each component program in the page's language.
func (s *Server) nanoResults(c *gin.Context, v *credentialView, l lang.Tag) {
	v.ResultsTitle = l.T(lang.StackComponentsTitle)
	for i := range v.Results {
		if p, err := s.store.Program(c.Request.Context(), v.Results[i].Code, 0); err == nil {
			v.Results[i].Title = p.Name.Get(string(l))
		}
	}
}

// stackingFlagText says which component of a nano-diploma is no longer
// valid, and since when, in l.
func stackingFlagText(f credential.ReviewFlag, l lang.Tag) string {
	word := l.T(lang.StackStatusRevoked)
	if f.Status == credential.StatusSuspended {
		word = l.T(lang.StackStatusSuspended)
	}
	since := ""
	if f.Since != nil {
		since = f.Since.Format("02.01.2006")
	}
	return l.T(lang.StackReviewText, f.Program, issuer.FormatCertificateNumber(f.CertificateNumber), word, since)
}
