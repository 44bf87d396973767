package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/stacking"
)

// bindJSON decodes a JSON body strictly (unknown fields are errors).
func bindJSON(c *gin.Context, v any) error {
	dec := json.NewDecoder(c.Request.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		if errors.Is(err, io.EOF) {
			return credential.Errorf(credential.CodeInvalid, "the request body is empty: send JSON")
		}
		return credential.Wrap(credential.CodeInvalid, err, "the request body is not valid JSON for this endpoint: "+err.Error())
	}
	if dec.More() {
		return credential.Errorf(credential.CodeInvalid, "the request body has data after the JSON object")
	}
	return nil
}

func (s *Server) createProgram(c *gin.Context) {
	var p credential.Program
	if err := bindJSON(c, &p); err != nil {
		s.fail(c, err)
		return
	}
	p.RegistrationNumber, p.Version = "", 0
	if p.Kind == credential.KindNanoDiploma {
		s.fail(c, &credential.Error{Code: credential.CodeInvalid, Message: "nano-diploma programs are created through /api/v1/pathways",
			Msg: lang.StackNanoDirect, Details: []credential.Detail{credential.DetailMsg("kind", lang.StackNanoDirect)}})
		return
	}
	if err := p.Validate(); err != nil {
		s.fail(c, err)
		return
	}
	out, err := s.store.CreateProgram(c.Request.Context(), p)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Location", "/api/v1/programs/"+out.RegistrationNumber)
	c.JSON(http.StatusCreated, out)
}

func (s *Server) listPrograms(c *gin.Context) {
	ps, err := s.store.Programs(c.Request.Context(), c.Query("kind"), c.Query("status"))
	if err != nil {
		s.fail(c, err)
		return
	}
	if ps == nil {
		ps = []*credential.Program{}
	}
	c.JSON(http.StatusOK, gin.H{"programs": ps})
}

func (s *Server) getProgram(c *gin.Context) {
	v := 0
	if q := c.Query("version"); q != "" {
		n, err := strconv.Atoi(q)
		if err != nil || n < 1 {
			s.fail(c, credential.Errorf(credential.CodeInvalid, "version must be a positive number"))
			return
		}
		v = n
	}
	p, err := s.store.Program(c.Request.Context(), c.Param("regno"), v)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, p)
}

// updateProgram applies a JSON merge patch to the latest version.
func (s *Server) updateProgram(c *gin.Context) {
	body, err := io.ReadAll(c.Request.Body)
	if err != nil {
		s.fail(c, err)
		return
	}
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(body, &probe); err != nil {
		s.fail(c, credential.Wrap(credential.CodeInvalid, err, "the request body is not a JSON object"))
		return
	}
	for _, k := range []string{"registration_number", "version", "created_at", "updated_at"} {
		if _, ok := probe[k]; ok {
			s.fail(c, credential.Errorf(credential.CodeInvalid, "%s cannot be changed", k))
			return
		}
	}
	p, err := s.store.UpdateProgram(c.Request.Context(), c.Param("regno"), func(p *credential.Program) error {
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(p); err != nil {
			return credential.Wrap(credential.CodeInvalid, err, "the patch does not fit a program: "+err.Error())
		}
		return nil
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, p)
}

// credentialOut is the API view of an issued credential.
type credentialOut struct {
	*credential.Record
	CertificateNumber string         `json:"certificate_number"`
	URL               string         `json:"url"`
	Existed           bool           `json:"existed,omitempty"`
	Credential        map[string]any `json:"credential,omitempty"`
	// Secured is the credential with its Data Integrity proof, as
	// credential.json serves it.
	Secured map[string]any `json:"credential_data_integrity,omitempty"`
}

func (s *Server) out(r *credential.Record, existed, full bool) credentialOut {
	o := credentialOut{Record: r, CertificateNumber: issuer.FormatCertificateNumber(r.CertificateNumber),
		URL: s.issuer.Identity().CredentialURL(r.ID), Existed: existed}
	if full {
		o.Credential, _ = decodePayload(r.JWS)
		o.Secured = s.securedDocument(r)
	}
	return o
}

func (s *Server) issueCredential(c *gin.Context) {
	var req issuer.Request
	if err := bindJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	if req.Program == "" {
		s.fail(c, &credential.Error{Code: credential.CodeInvalid, Message: "program (the registration number) is required",
			Details: []credential.Detail{{Field: "program", Message: "program is required"}}})
		return
	}
	res, err := s.issuer.Issue(c.Request.Context(), req)
	if err != nil {
		s.fail(c, err)
		return
	}
	status := http.StatusCreated
	if res.Existed {
		status = http.StatusOK
	}
	c.JSON(status, s.out(res.Record, res.Existed, false))
}

func (s *Server) listCredentials(c *gin.Context) {
	limit, _ := strconv.Atoi(c.DefaultQuery("limit", "100"))
	offset, _ := strconv.Atoi(c.DefaultQuery("offset", "0"))
	if limit < 1 || limit > 1000 || offset < 0 {
		s.fail(c, credential.Errorf(credential.CodeInvalid, "limit must be 1–1000 and offset not negative"))
		return
	}
	rs, err := s.store.Credentials(c.Request.Context(), credential.CredentialFilter{
		Program: c.Query("program"), StudentID: c.Query("student_id"), BatchID: c.Query("batch"),
		Status: c.Query("status"), Query: c.Query("q"), Limit: limit, Offset: offset})
	if err != nil {
		s.fail(c, err)
		return
	}
	out := make([]credentialOut, len(rs))
	for i, r := range rs {
		out[i] = s.out(r, false, false)
	}
	c.JSON(http.StatusOK, gin.H{"credentials": out, "limit": limit, "offset": offset})
}

func (s *Server) getCredential(c *gin.Context) {
	r, ok := s.record(c)
	if !ok {
		return
	}
	ms, err := s.messages(c.Request.Context(), r.ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	d := credentialDetail{credentialOut: s.out(r, false, true), Messages: ms}
	if s.stacking != nil && stacking.IsNano(r) {
		if d.Review, err = s.stacking.Review(c.Request.Context(), r.ID); err != nil {
			s.fail(c, err)
			return
		}
	}
	c.JSON(http.StatusOK, d)
}
