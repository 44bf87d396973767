package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
)

// Organization keeps and changes the organization's identity, shared by
// every instance.
type Organization interface {
	// Refresh brings this instance's identity up to date (cheap: at most
	// one version query every few seconds).
	Refresh(ctx context.Context) error
	// State returns the identity, its images (no bytes), version and what
	// it lacks.
	State(ctx context.Context) (*credential.OrgState, error)
	// Put validates and stores the identity.
	Put(ctx context.Context, org *credential.Organization) (*credential.OrgState, error)
	// PutImage checks and stores an image; no data removes it.
	PutImage(ctx context.Context, kind string, data []byte) (*credential.OrgState, error)
	// Image returns one image with its bytes.
	Image(ctx context.Context, kind string) (*credential.OrgImage, error)
}

// Reissuer corrects credentials (see issuer.Issuer.Reissue).
type Reissuer interface {
	Reissue(ctx context.Context, oldID string, changes json.RawMessage, reason string) (*credential.Record, error)
}

// refreshOrg brings the instance's identity up to date before each
// request: another instance may have changed it.
func (s *Server) refreshOrg() gin.HandlerFunc {
	return func(c *gin.Context) {
		if s.org != nil {
			if err := s.org.Refresh(c.Request.Context()); err != nil && c.Request.Context().Err() == nil {
				s.log.WarnContext(c.Request.Context(), "organization identity not refreshed", slog.Any("error", err))
			}
		}
		c.Next()
	}
}

// organizationRoutes serves the organization's identity (read by any
// staff member, changed by an admin) and corrections of credentials.
func (s *Server) organizationRoutes(api *gin.RouterGroup) {
	small := s.limitBody(s.cfg.MaxBodyBytes)
	registrar := s.authenticate(credential.RoleRegistrar)
	api.POST("/credentials/:id/reissue", registrar, small, s.reissueCredential)
	viewer, admin := s.authenticate(credential.RoleViewer), s.authenticate(credential.RoleAdmin)
	org := s.needOrg()
	api.GET("/organization", viewer, org, s.getOrganization)
	api.PUT("/organization", admin, org, small, s.putOrganization)
	api.GET("/organization/images/:kind", viewer, org, s.getOrgImage)
	api.PUT("/organization/images/:kind", admin, org, s.limitBody(credential.MaxImageBytes+1), s.putOrgImage)
	api.DELETE("/organization/images/:kind", admin, org, s.deleteOrgImage)
}

// needOrg answers 404 when the server keeps no organization identity
// (Services.Organization is nil).
func (s *Server) needOrg() gin.HandlerFunc {
	return func(c *gin.Context) {
		if s.org == nil {
			s.fail(c, credential.Errorf(credential.CodeNotFound, "this server keeps no organization identity"))
			return
		}
		c.Next()
	}
}

func (s *Server) getOrganization(c *gin.Context) {
	st, err := s.org.State(c.Request.Context())
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, st)
}

func (s *Server) putOrganization(c *gin.Context) {
	var o credential.Organization
	if err := bindJSON(c, &o); err != nil {
		s.fail(c, err)
		return
	}
	st, err := s.org.Put(c.Request.Context(), &o)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, st)
}

func (s *Server) getOrgImage(c *gin.Context) {
	im, err := s.org.Image(c.Request.Context(), c.Param("kind"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "private, no-cache")
	c.Header("X-Content-Type-Options", "nosniff")
	c.Data(http.StatusOK, im.ContentType, im.Data)
}

// putOrgImage takes the image as the body (image/png or image/jpeg; the
// bytes decide), at most credential.MaxImageBytes.
func (s *Server) putOrgImage(c *gin.Context) {
	data, err := io.ReadAll(c.Request.Body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			err = credential.Errorf(credential.CodeTooLarge, "the image is larger than %d KB", credential.MaxImageBytes>>10)
		}
		s.fail(c, err)
		return
	}
	if len(data) == 0 {
		s.fail(c, credential.Errorf(credential.CodeInvalid, "the body is empty: send the PNG or JPEG file (DELETE removes an image)"))
		return
	}
	st, err := s.org.PutImage(c.Request.Context(), c.Param("kind"), data)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, st)
}

func (s *Server) deleteOrgImage(c *gin.Context) {
	st, err := s.org.PutImage(c.Request.Context(), c.Param("kind"), nil)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, st)
}

// reissueCredential corrects a credential: the body is a JSON object with
// "reason" (required) and the fields to change, named as in POST
// /api/v1/credentials.
func (s *Server) reissueCredential(c *gin.Context) {
	ri, ok := s.issuer.(Reissuer)
	if !ok {
		s.fail(c, credential.Errorf(credential.CodeNotFound, "this registry does not reissue"))
		return
	}
	var body map[string]json.RawMessage
	if err := bindJSON(c, &body); err != nil {
		s.fail(c, err)
		return
	}
	var reason string
	if raw, ok := body["reason"]; ok {
		if err := json.Unmarshal(raw, &reason); err != nil {
			s.fail(c, credential.Errorf(credential.CodeInvalid, "reason must be a string"))
			return
		}
		delete(body, "reason")
	}
	changes, err := json.Marshal(body)
	if err != nil {
		s.fail(c, err)
		return
	}
	rec, err := ri.Reissue(c.Request.Context(), credID(c.Param("id")), changes, reason)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Location", "/api/v1/credentials/"+rec.ID)
	c.JSON(http.StatusCreated, s.out(rec, false, false))
}

// orgImageURL is the console's address of an organization image, with the
// version so browsers fetch a changed one.
func orgImageURL(kind string, version int64) string {
	return "/api/v1/organization/images/" + kind + "?v=" + strconv.FormatInt(version, 10)
}

// reissueLink is the credential page's line linking a correction and the
// credential it replaced.
type reissueLink struct {
	Label, Text, Href string
}

// reissueLink links r to its replacement, or to the credential it
// replaced (nil when r is neither).
func (s *Server) reissueLink(c *gin.Context, l lang.Tag, r *credential.Record) *reissueLink {
	other, label := r.ReplacedBy, lang.ReissueReplacedBy
	if other == "" {
		other, label = r.Replaces, lang.ReissueOf
	}
	if other == "" {
		return nil
	}
	out := &reissueLink{Label: l.T(label), Text: other, Href: "/c/" + other}
	if o, err := s.store.Credential(c.Request.Context(), other); err == nil {
		out.Text = l.T(lang.ReissueLink, issuer.FormatCertificateNumber(o.CertificateNumber), o.BookNumber)
	}
	return out
}
