package httpapi

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// Certificates renders a stored credential's documents: the PDF
// certificate and the baked badge images.
type Certificates interface {
	// PDF writes the certificate in lang (kk, ru or en).
	PDF(ctx context.Context, w io.Writer, rec *credential.Record, lang string) error
	// BadgePNG writes the badge image with the credential baked in.
	BadgePNG(ctx context.Context, w io.Writer, rec *credential.Record) error
	// BadgeSVG writes the SVG badge with the credential baked in.
	BadgeSVG(ctx context.Context, w io.Writer, rec *credential.Record) error
}

// svgCSP is the policy of a served SVG badge: it may use its own inline
// styles and data: images and fonts, and nothing else; sandboxed.
const svgCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; sandbox"

func (s *Server) documentRoutes() {
	s.engine.GET("/c/:id/certificate.pdf", s.certificatePDF)
	s.engine.GET("/c/:id/badge.png", s.badgeFile("png"))
	s.engine.GET("/c/:id/badge.svg", s.badgeFile("svg"))
}

// sendDocument writes rendered bytes with a strong ETag, so clients and
// CDNs cache: the same credential renders to the same bytes.
func sendDocument(c *gin.Context, contentType, filename string, b []byte) {
	sum := sha256.Sum256(b)
	etag := `"` + hex.EncodeToString(sum[:12]) + `"`
	c.Header("ETag", etag)
	c.Header("Cache-Control", "public, max-age=3600")
	c.Header("Content-Disposition", `inline; filename="`+filename+`"`)
	if strings.Contains(c.GetHeader("If-None-Match"), etag) {
		c.Status(http.StatusNotModified)
		return
	}
	c.Data(http.StatusOK, contentType, b)
}

func (s *Server) certificatePDF(c *gin.Context) {
	r, ok := s.record(c)
	if !ok {
		return
	}
	l, ok := lang.Parse(c.Query("lang"))
	switch {
	case c.Query("lang") == "":
		l = lang.ParseOr(r.Language, lang.Default)
	case !ok:
		s.fail(c, credential.Errorm(credential.CodeInvalid, lang.ErrLang))
		return
	}
	var buf bytes.Buffer
	if err := s.certs.PDF(c.Request.Context(), &buf, r, string(l)); err != nil {
		s.fail(c, err)
		return
	}
	sendDocument(c, "application/pdf", "certificate-"+r.ID+"-"+string(l)+".pdf", buf.Bytes())
}

func (s *Server) badgeFile(format string) gin.HandlerFunc {
	return func(c *gin.Context) {
		r, ok := s.record(c)
		if !ok {
			return
		}
		var buf bytes.Buffer
		var err error
		ct := "image/png"
		if format == "svg" {
			ct = "image/svg+xml"
			// An SVG opened on its own is a document: no script, no fetch.
			c.Header("Content-Security-Policy", svgCSP)
			err = s.certs.BadgeSVG(c.Request.Context(), &buf, r)
		} else {
			err = s.certs.BadgePNG(c.Request.Context(), &buf, r)
		}
		if err != nil {
			s.fail(c, err)
			return
		}
		sendDocument(c, ct, "badge-"+r.ID+"."+format, buf.Bytes())
	}
}
