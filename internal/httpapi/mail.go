package httpapi

import (
	"context"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// Outbox holds the e-mail to holders.
type Outbox interface {
	Messages(ctx context.Context, credentialID string) ([]credential.Message, error)
	RequeueMessage(ctx context.Context, credentialID, purpose, lang, to string) (int64, error)
}

// Mailer is woken when a message is queued (optional).
type Mailer interface{ Wake() }

// credentialDetail is a credential with its messages to the holder.
type credentialDetail struct {
	credentialOut
	Messages []credential.Message `json:"messages"`
}

// notifyIn is the body of POST /api/v1/credentials/{id}/notify. The
// address is needed again: tanu keeps it only until a message is sent.
type notifyIn struct {
	Email    string `json:"email"`
	Language string `json:"language,omitempty"`
}

func (s *Server) mailRoutes(api *gin.RouterGroup, registrar gin.HandlerFunc, small gin.HandlerFunc) {
	api.POST("/credentials/:id/notify", registrar, small, s.notifyHolder)
}

// notifyHolder queues the message about a credential to its holder again.
func (s *Server) notifyHolder(c *gin.Context) {
	if s.outbox == nil {
		s.fail(c, credential.Errorm(credential.CodeUnavailable, lang.ErrMailOff))
		return
	}
	r, ok := s.record(c)
	if !ok {
		return
	}
	var in notifyIn
	if err := bindJSON(c, &in); err != nil {
		s.fail(c, err)
		return
	}
	in.Email = strings.TrimSpace(in.Email)
	if !credential.ValidEmail(in.Email) {
		e := credential.Errorm(credential.CodeInvalid, lang.ErrMailHolder)
		e.Details = []credential.Detail{credential.DetailMsg("email", lang.ErrMailHolderWhat)}
		s.fail(c, e)
		return
	}
	l := in.Language
	if l == "" {
		l = r.Language
	}
	if !lang.Valid(l) {
		e := credential.Errorm(credential.CodeInvalid, lang.ValueLanguage)
		e.Details = []credential.Detail{credential.DetailMsg("language", lang.ValueLanguage)}
		s.fail(c, e)
		return
	}
	if _, err := s.outbox.RequeueMessage(c.Request.Context(), r.ID, credential.PurposeIssued, l, in.Email); err != nil {
		s.fail(c, err)
		return
	}
	if s.mailer != nil {
		s.mailer.Wake()
	}
	ms, err := s.outbox.Messages(c.Request.Context(), r.ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusAccepted, gin.H{"messages": ms})
}

// messages returns a credential's messages (none without an outbox).
func (s *Server) messages(ctx context.Context, id string) ([]credential.Message, error) {
	if s.outbox == nil {
		return []credential.Message{}, nil
	}
	return s.outbox.Messages(ctx, id)
}
