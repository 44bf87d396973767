package verifier

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/tanu-edu/tanu/lang"
)

// CLR limits.
const (
	// MaxNestedCredentials bounds the credentials of one CLR verified.
	MaxNestedCredentials = 500
	// MaxCLRBytes bounds a CLR 2.0 learner record (a VC-JWT) verified by
	// VerifyCLR: it carries many credentials, each with its own proof.
	MaxCLRBytes = 8 << 20
)

// VerifyCLR verifies a CLR 2.0 ClrCredential secured as a VC-JWT (up to
// MaxCLRBytes): its signature and claims, the official ClrCredential
// schema, and every credential it bundles (see checkNested). Anything but
// a ClrCredential is refused as invalid.
func (v *Verifier) VerifyCLR(ctx context.Context, token string) *Result {
	r := v.verifyJWS(ctx, token, MaxCLRBytes)
	if r.Parsed != nil && !r.Parsed.clr {
		return (&Result{Checks: r.Checks}).fail("claims", "not a ClrCredential", lang.VerifyTypes)
	}
	return r
}

// checkCLRSchema validates a CLR 2.0 ClrCredential against the official
// schema (a learner record: checkDynamic then verifies what it bundles).
func (v *Verifier) checkCLRSchema(r *Result, p *Parsed) bool {
	if err := v.clr.Validate(p.Raw); err != nil {
		r.fail("schema", "does not conform to the CLR 2.0 ClrCredential schema: "+firstLine(err.Error()), lang.StackCLRSchemaBad)
		return false
	}
	r.add("schema", true, "conforms to the CLR 2.0 ClrCredential schema", lang.StackCLRSchemaOK)
	if subj, _ := p.Payload["credentialSubject"].(map[string]any); subj != nil && r.Credential != nil {
		if ids, ok := subj["identifier"].([]any); ok {
			for _, x := range ids {
				if m, _ := x.(map[string]any); m["identityType"] == "name" && m["hashed"] == false {
					r.Credential.Holder, _ = m["identityHash"].(string)
				}
			}
		}
		r.Credential.Achievement, _ = p.Payload["name"].(string)
	}
	return true
}

// checkNested verifies every credential a CLR bundles, each on its own:
// one secured with a Data Integrity proof by that proof; one without by the
// registry of its issuer, which must hold exactly it. The CLR is valid
// only when every one of them is; otherwise its status is the first
// failing one's, and the check names it.
func (v *Verifier) checkNested(ctx context.Context, r *Result, p *Parsed, expired bool) *Result {
	subj, _ := p.Payload["credentialSubject"].(map[string]any)
	var nested []any
	switch x := subj["verifiableCredential"].(type) {
	case []any:
		nested = x
	case map[string]any:
		nested = []any{x}
	}
	if len(nested) > MaxNestedCredentials {
		return r.fail("components", fmt.Sprintf("more than %d credentials", MaxNestedCredentials), lang.VerifyTooLarge, MaxNestedCredentials)
	}
	r.Status = StatusValid
	for _, x := range nested {
		doc, _ := x.(map[string]any)
		id, _ := doc["id"].(string)
		res := v.verifyNested(ctx, doc)
		if res.Status != StatusValid {
			r.add("components", false, "included credential "+id+": "+res.Status, lang.StackComponentBad, id, res.Status)
			r.Status = res.Status
			if res.Status == StatusNotFound || res.Status == StatusUnknown {
				r.Status = StatusInvalid
			}
			r.Verified = false
			return r
		}
	}
	r.add("components", true, fmt.Sprintf("all %d included credentials are valid", len(nested)), lang.StackComponentsOK, len(nested))
	if expired {
		r.Status = StatusExpired
	}
	r.Verified = r.Status == StatusValid
	return r
}

// verifyNested verifies one credential of a CLR.
func (v *Verifier) verifyNested(ctx context.Context, doc map[string]any) *Result {
	b, err := json.Marshal(doc)
	if err != nil || doc == nil {
		return &Result{Status: StatusInvalid}
	}
	if _, ok := doc["proof"]; ok {
		return v.VerifyDataIntegrity(ctx, b)
	}
	// Without a proof: its issuer's registry must hold it, unchanged.
	id, _ := doc["id"].(string)
	if v.registry == nil || id == "" {
		return &Result{Status: StatusInvalid}
	}
	stored, handled, err := v.registry.Lookup(ctx, issuerIDOf(doc), id)
	if err != nil || !handled {
		return &Result{Status: StatusNotFound}
	}
	res := v.VerifyJWS(ctx, stored)
	if res.Parsed == nil || !sameCredential(stored, &Parsed{Payload: doc}) {
		return &Result{Status: StatusInvalid}
	}
	return res
}
