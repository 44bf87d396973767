package verifier

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/tanu-edu/tanu/dataintegrity"
	"github.com/tanu-edu/tanu/lang"
)

// VerifyDataIntegrity verifies a credential secured with an embedded
// eddsa-rdfc-2022 Data Integrity proof, with the same checks and verdicts
// as VerifyJWS: the proof with a key the issuer published (its
// verification method must be a DID URL of the issuer), the official
// schema, the validity period, the issuer's registry and the status.
func (v *Verifier) VerifyDataIntegrity(ctx context.Context, doc []byte) *Result {
	r := &Result{Status: StatusInvalid, Verdict: StatusInvalid}
	doc = bytes.TrimSpace(doc)
	if len(doc) > MaxTokenBytes {
		return r.fail("format", fmt.Sprintf("the credential is larger than %d bytes", MaxTokenBytes), lang.VerifyTooLarge, MaxTokenBytes)
	}
	var m map[string]any
	if err := json.Unmarshal(doc, &m); err != nil {
		return r.fail("format", "the credential is not a JSON object", lang.VerifyDINotObject)
	}
	proof, err := dataintegrity.ProofOf(m)
	if err != nil {
		return r.fail("format", err.Error(), lang.VerifyDIProof)
	}
	if proof.ProofPurpose != dataintegrity.PurposeAssertion {
		return r.fail("proof", "the proof's purpose must be assertionMethod, not "+proof.ProofPurpose, lang.VerifyDIPurpose, proof.ProofPurpose)
	}
	body := make(map[string]any, len(m))
	for k, x := range m {
		if k != "proof" {
			body[k] = x
		}
	}
	issuerID := issuerIDOf(body)
	if issuerID == "" {
		return r.fail("claims", "the credential names no issuer", lang.VerifyDINoIssuer)
	}
	if !strings.HasPrefix(proof.VerificationMethod, issuerID+"#") {
		return r.fail("key", "the proof's verification method "+proof.VerificationMethod+" is not a key of the issuer "+issuerID, lang.VerifyDIMethod, proof.VerificationMethod, issuerID)
	}
	key, err := v.keys.Key(ctx, issuerID, proof.VerificationMethod)
	if err != nil {
		r.fail("key", "the key "+proof.VerificationMethod+" is not a key the issuer published: "+err.Error(), lang.VerifyUnknownKey, proof.VerificationMethod)
		r.markUnreachable(err)
		return r
	}
	pub, ok := key.Key.(ed25519.PublicKey)
	if !ok {
		return r.fail("key", "the key "+proof.VerificationMethod+" is not an Ed25519 key", lang.VerifyDINotEd25519, proof.VerificationMethod)
	}
	if err := v.suite.Verify(m, proof, pub); err != nil {
		return r.fail("signature", "the Data Integrity proof does not verify: "+strings.TrimPrefix(err.Error(), "dataintegrity: "), lang.VerifyDIBadProof)
	}
	r.add("signature", true, "eddsa-rdfc-2022 Data Integrity proof by "+proof.VerificationMethod, lang.VerifyDISignatureOK, proof.VerificationMethod)
	raw, err := json.Marshal(body)
	if err != nil {
		return r.fail("format", err.Error(), lang.VerifyPayloadObject)
	}
	p := &Parsed{KID: proof.VerificationMethod, Alg: dataintegrity.Cryptosuite, Payload: body, Raw: raw, Proof: proof}
	r.Parsed = p
	if !v.checkStaticDocument(r, p, doc) {
		return r
	}
	return v.checkDynamic(ctx, r, p)
}

func issuerIDOf(pl map[string]any) string {
	switch x := pl["issuer"].(type) {
	case string:
		return x
	case map[string]any:
		s, _ := x["id"].(string)
		return s
	}
	return ""
}

// checkStaticDocument checks a Data Integrity credential's type, dates
// and schema (what VerifyJWS checks of a payload, without JWT claims).
func (v *Verifier) checkStaticDocument(r *Result, p *Parsed, doc []byte) bool {
	pl := p.Payload
	types, _ := pl["type"].([]any)
	if !hasType(types, "VerifiableCredential") || !(hasType(types, "OpenBadgeCredential") || hasType(types, "AchievementCredential")) {
		r.fail("claims", "type must contain VerifiableCredential and OpenBadgeCredential", lang.VerifyTypes)
		return false
	}
	var problems, fields []string
	from, err := parseTime(p.Str("validFrom"))
	if err != nil {
		problems, fields = append(problems, "validFrom is not a date-time"), append(fields, "validFrom")
	}
	if vu := p.Str("validUntil"); vu != "" {
		t, err := parseTime(vu)
		if err != nil {
			problems, fields = append(problems, "validUntil is not a date-time"), append(fields, "validUntil")
		}
		p.until = t
	}
	if p.Str("id") == "" {
		problems, fields = append(problems, "the credential has no id"), append(fields, "id")
	}
	if len(problems) > 0 {
		r.fail("claims", strings.Join(problems, "; "), lang.VerifyDIClaimsBad, strings.Join(fields, ", "))
		return false
	}
	p.from, p.issuerID = from, issuerIDOf(pl)
	r.add("claims", true, "issuer, id and dates are well formed; the proof's key is the issuer's", lang.VerifyDIClaimsOK)
	r.Credential = summarize(pl)
	if err := v.schema.Validate(doc); err != nil {
		r.fail("schema", "does not conform to the Open Badges 3.0 schema: "+firstLine(err.Error()), lang.VerifySchemaBad)
		return false
	}
	r.add("schema", true, "conforms to the Open Badges 3.0 AchievementCredential schema", lang.VerifySchemaOK)
	return true
}

// sameCredential reports whether a registry's stored JWS secures the
// credential p holds: the same token, or (for a Data Integrity credential)
// the same content as the JWS payload without its JWT claims.
func sameCredential(stored string, p *Parsed) bool {
	if p.JWS != "" {
		return stored == p.JWS || holderCopy(stored, p)
	}
	parts := strings.Split(stored, ".")
	if len(parts) != 3 {
		return false
	}
	var m map[string]any
	if err := decodeSegment(parts[1], &m); err != nil {
		return false
	}
	for _, k := range []string{"iss", "jti", "sub", "nbf", "exp", "iat"} {
		delete(m, k)
	}
	a, err1 := json.Marshal(m)
	b, err2 := json.Marshal(p.Payload)
	return err1 == nil && err2 == nil && bytes.Equal(a, b)
}

// holderCopy reports whether p's JWS payload is the stored credential's
// payload bound to a holder's key, as issued to a wallet (OpenID4VCI): the
// same in everything but credentialSubject.id and sub. The signature was
// checked before: only the issuer makes such a copy.
func holderCopy(stored string, p *Parsed) bool {
	parts := strings.Split(stored, ".")
	if len(parts) != 3 {
		return false
	}
	var m map[string]any
	if err := decodeSegment(parts[1], &m); err != nil {
		return false
	}
	unbind := func(doc map[string]any) map[string]any {
		out := make(map[string]any, len(doc))
		for k, v := range doc {
			out[k] = v
		}
		delete(out, "sub")
		if subj, ok := doc["credentialSubject"].(map[string]any); ok {
			cs := make(map[string]any, len(subj))
			for k, v := range subj {
				cs[k] = v
			}
			delete(cs, "id")
			out["credentialSubject"] = cs
		}
		return out
	}
	a, err1 := json.Marshal(unbind(m))
	b, err2 := json.Marshal(unbind(p.Payload))
	return err1 == nil && err2 == nil && bytes.Equal(a, b)
}
