package httpapi

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// ProgramDocuments renders the program registry's own documents (package
// programdoc): the title page, the explanatory note and the application
// for entry into the registry.
type ProgramDocuments interface {
	// Render writes document ("title", "note" or "application") of p in l.
	Render(ctx context.Context, w io.Writer, document string, p *credential.Program, l lang.Tag) error
}

// programDocumentNames are the documents GET
// /api/v1/programs/{regno}/documents/{name}.pdf serves.
var programDocumentNames = []string{"title", "note", "application"}

// programDocument serves a program's registry document to staff: PDF in
// ?lang= (default: the program's language), of ?version= (default: the
// latest).
func (s *Server) programDocument(c *gin.Context) {
	name, ok := strings.CutSuffix(c.Param("file"), ".pdf")
	if !ok || !slices.Contains(programDocumentNames, name) {
		s.fail(c, credential.Errorm(credential.CodeNotFound, lang.RegdocErrDocument))
		return
	}
	if s.programDocs == nil {
		s.fail(c, credential.Errorf(credential.CodeUnavailable, "the registry's documents are not configured on this server"))
		return
	}
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
	l, ok := lang.Parse(c.Query("lang"))
	switch {
	case c.Query("lang") == "":
		l = lang.ParseOr(p.Language, lang.Default)
	case !ok:
		s.fail(c, credential.Errorm(credential.CodeInvalid, lang.ErrLang))
		return
	}
	var buf bytes.Buffer
	if err := s.programDocs.Render(c.Request.Context(), &buf, name, p, l); err != nil {
		s.fail(c, err)
		return
	}
	sum := sha256.Sum256(buf.Bytes())
	etag := `"` + hex.EncodeToString(sum[:12]) + `"`
	c.Header("ETag", etag)
	c.Header("Cache-Control", "private, no-cache") // staff only: never in a shared cache
	c.Header("Content-Disposition", `inline; filename="`+p.RegistrationNumber+"-v"+strconv.Itoa(p.Version)+"-"+name+"-"+string(l)+`.pdf"`)
	if strings.Contains(c.GetHeader("If-None-Match"), etag) {
		c.Status(http.StatusNotModified)
		return
	}
	c.Data(http.StatusOK, "application/pdf", buf.Bytes())
}
