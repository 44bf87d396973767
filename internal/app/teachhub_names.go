package app

import (
	"context"
	"strings"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/certificate"
	"github.com/tanu-edu/tanu/render"
	"github.com/tanu-edu/tanu/store"
)

// actorNames names an audit-trail actor for people: the name of the staff
// account behind "user:EMAIL" (also "user:EMAIL via token:…"), or "" for
// anyone else or an account without a name.
func actorNames(st *store.Store) func(ctx context.Context, actor string) string {
	return func(ctx context.Context, actor string) string {
		email, ok := strings.CutPrefix(actor, "user:")
		if !ok {
			return ""
		}
		email, _, _ = strings.Cut(email, " ")
		u, err := st.UserByEmail(ctx, email)
		if err != nil {
			return ""
		}
		return strings.TrimSpace(u.Name)
	}
}

// cardExtras puts on a TeachHub or non-formal completion certificate what
// its card knows and the credential does not: the coordinator's name (the
// signature line) and the recognized SB once recognized.
func cardExtras(st *store.Store) certificate.Extras {
	return func(ctx context.Context, rec *credential.Record, c *render.Certificate) error {
		if c.Kind != render.KindTeachHubModule && c.Kind != render.KindNonformalActivity {
			return nil
		}
		card, err := st.CardByCredential(ctx, rec.ID)
		if credential.IsNotFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
		c.Coordinator = card.Coordinator
		if card.Status == credential.CardRecognized && card.RecognizedSB != nil {
			c.RecognizedSB = *card.RecognizedSB
		}
		return nil
	}
}
