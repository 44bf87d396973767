package stacking

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
)

// LearnerRecord is a holder's CLR 2.0 learner record, signed.
type LearnerRecord struct {
	// JWT is the ClrCredential as a VC-JWT, signed like every credential.
	JWT string `json:"clr_jwt"`
	// Credential is the ClrCredential the JWT carries.
	Credential *credential.ClrCredential `json:"credential"`
}

// jwtClaims are the VC-JWT claims of a credential's payload, which the
// credential itself does not have.
var jwtClaims = []string{"iss", "jti", "sub", "nbf", "exp"}

// LearnerRecord assembles the CLR 2.0 ClrCredential of a holder: every
// valid credential this issuer gave them (at most MaxHolderCredentials,
// then partial), each as its own secured document (with its Data Integrity
// proof when it has one), their achievements, and for each nano-diploma an
// isParentOf association with its components. It is checked against the
// official ClrCredential schema and signed as a VC-JWT. The subject is
// named as in the credentials; the student id only salted and hashed.
func (s *Service) LearnerRecord(ctx context.Context, holder string, l lang.Tag) (*LearnerRecord, error) {
	holder = strings.TrimSpace(holder)
	if holder == "" {
		return nil, credential.Errorm(credential.CodeInvalid, lang.StackHolderRef)
	}
	recs, err := s.st.ValidCredentialsOf(ctx, holder, MaxHolderCredentials+1)
	if err != nil {
		return nil, err
	}
	partial := len(recs) > MaxHolderCredentials
	if partial {
		recs = recs[:MaxHolderCredentials]
	}
	kept := recs[:0]
	for _, r := range recs {
		if s.valid(r) {
			kept = append(kept, r)
		}
	}
	recs = kept
	if len(recs) == 0 {
		return nil, credential.Errorm(credential.CodeNotFound, lang.StackNoCredentials, holder)
	}
	id := s.is.Identity()
	subjID, err := s.is.NewID()
	if err != nil {
		return nil, err
	}
	clrID, err := s.is.NewID()
	if err != nil {
		return nil, err
	}
	salt := make([]byte, 16)
	if _, err := io.ReadFull(rand.Reader, salt); err != nil {
		return nil, fmt.Errorf("stacking: salt: %w", err)
	}
	name := recs[len(recs)-1].HolderName
	subj := credential.ClrSubject{ID: subjID, Type: []string{"ClrSubject"},
		Identifier: []credential.IdentityObject{
			{Type: "IdentityObject", IdentityType: "name", Hashed: false, IdentityHash: name},
			{Type: "IdentityObject", IdentityType: "sisSourcedId", Hashed: true, IdentityHash: issuer.IdentityHash(holder, hex.EncodeToString(salt)), Salt: hex.EncodeToString(salt)},
		}}
	achOf := map[string]string{} // credential id → achievement id
	seenAch := map[string]bool{}
	for _, r := range recs {
		doc, ok, err := s.securedDocument(r)
		if err != nil {
			return nil, err
		}
		if !ok {
			if err := credential.DecodePayload(r.JWS, &doc); err != nil {
				return nil, err
			}
			for _, k := range jwtClaims {
				delete(doc, k)
			}
		}
		subj.VerifiableCredential = append(subj.VerifiableCredential, doc)
		var c credential.OB3Credential
		if err := credential.DecodePayload(r.JWS, &c); err != nil {
			return nil, err
		}
		ach := c.CredentialSubject.Achievement
		achOf[r.ID] = ach.ID
		if !seenAch[ach.ID] {
			seenAch[ach.ID] = true
			subj.Achievement = append(subj.Achievement, ach)
		}
	}
	for _, r := range recs {
		if !IsNano(r) {
			continue
		}
		comps, err := s.st.NanoComponents(ctx, r.ID)
		if err != nil {
			return nil, err
		}
		for _, c := range comps {
			if target, ok := achOf[c]; ok {
				subj.Association = append(subj.Association, credential.Association{Type: "Association",
					AssociationType: "isParentOf", SourceID: achOf[r.ID], TargetID: target})
			}
		}
	}
	now := s.now().UTC().Truncate(time.Second).Format(time.RFC3339)
	org := id.Name.Get(string(l))
	c := &credential.ClrCredential{
		Context: []any{credential.ContextVC2, credential.ContextCLR, credential.ContextOB3},
		ID:      clrID, Type: []string{"VerifiableCredential", "ClrCredential"},
		Name:        l.T(lang.StackCLRName, name),
		Description: l.T(lang.StackCLRDescription, name, org, len(recs)),
		Issuer:      id.Profile(), ValidFrom: now, AwardedDate: now, Partial: partial,
		CredentialSubject: subj,
		CredentialSchema:  []credential.CredentialSchema{{ID: credential.SchemaCLR, Type: "1EdTechJsonSchemaValidator2019"}},
	}
	if s.schema != nil {
		b, err := json.Marshal(c)
		if err != nil {
			return nil, fmt.Errorf("stacking: encode learner record: %w", err)
		}
		if err := s.schema.Validate(b); err != nil {
			return nil, fmt.Errorf("stacking: learner record does not conform to the CLR 2.0 schema: %w", err)
		}
	}
	jwt, err := s.is.SignCLR(c)
	if err != nil {
		return nil, err
	}
	return &LearnerRecord{JWT: jwt, Credential: c}, nil
}

// HolderOf returns the holder (student id) of a stored credential that is
// valid now; other credentials name no one's record.
func (s *Service) HolderOf(ctx context.Context, credID string) (string, error) {
	r, err := s.st.Credential(ctx, credID)
	if err != nil {
		return "", err
	}
	if !s.valid(r) {
		return "", credential.Errorm(credential.CodeNotAcceptable, lang.StackNotValid, r.ID, r.Status)
	}
	return r.StudentID, nil
}
