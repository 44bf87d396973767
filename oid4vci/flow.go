package oid4vci

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	jose "github.com/go-jose/go-jose/v4"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/dataintegrity"
	"github.com/tanu-edu/tanu/lang"
)

// proofAlgs are the algorithms a key proof may be signed with.
var proofAlgs = []jose.SignatureAlgorithm{jose.ES256, jose.EdDSA}

// IssuerMetadata is the credential issuer metadata
// (/.well-known/openid-credential-issuer).
func (s *Service) IssuerMetadata() map[string]any {
	var display, cdisplay []map[string]any
	for _, l := range lang.All() {
		display = append(display, map[string]any{"name": s.name.Get(string(l)), "locale": string(l)})
		cdisplay = append(cdisplay, map[string]any{"name": lang.Tag(l).T(lang.HolderTitle), "locale": string(l),
			"background_color": "#1f3a93", "text_color": "#ffffff"})
	}
	cfg := map[string]any{
		"format": "jwt_vc_json",
		"scope":  "OpenBadgeCredential",
		"cryptographic_binding_methods_supported": []string{"jwk", "did:jwk", "did:key"},
		"credential_signing_alg_values_supported": []string{s.sig.Alg()},
		"proof_types_supported": map[string]any{
			"jwt": map[string]any{"proof_signing_alg_values_supported": []string{"ES256", "EdDSA"}},
		},
		"credential_definition": map[string]any{"type": []string{"VerifiableCredential", "OpenBadgeCredential"}},
		"credential_metadata":   map[string]any{"display": cdisplay},
	}
	return map[string]any{
		"credential_issuer":                   s.base,
		"authorization_servers":               []string{s.base},
		"credential_endpoint":                 s.base + "/oid4vci/credential",
		"nonce_endpoint":                      s.base + "/oid4vci/nonce",
		"display":                             display,
		"credential_configurations_supported": map[string]any{ConfigurationID: cfg},
	}
}

// AuthorizationServerMetadata is the OAuth 2.0 authorization server
// metadata (/.well-known/oauth-authorization-server): the pre-authorized
// code grant, anonymous.
func (s *Service) AuthorizationServerMetadata() map[string]any {
	return map[string]any{
		"issuer":                                          s.base,
		"token_endpoint":                                  s.base + "/oid4vci/token",
		"response_types_supported":                        []string{},
		"grant_types_supported":                           []string{GrantPreAuthorized},
		"token_endpoint_auth_methods_supported":           []string{"none"},
		"pre-authorized_grant_anonymous_access_supported": true,
	}
}

// Token is the token endpoint's answer.
type Token struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int    `json:"expires_in"`
}

// Token redeems a pre-authorized code (with its transaction code when the
// offer has one) for an access token. The offer is used once: a second
// redemption, an expired offer and a wrong transaction code are
// invalid_grant; five wrong codes end the offer.
func (s *Service) Token(ctx context.Context, grantType, code, txCode string) (*Token, error) {
	if grantType != GrantPreAuthorized {
		return nil, oauthErr(http.StatusBadRequest, "unsupported_grant_type", "grant_type must be %s", GrantPreAuthorized)
	}
	if code == "" || len(code) > 100 {
		return nil, oauthErr(http.StatusBadRequest, "invalid_request", "pre-authorized_code is required")
	}
	now := s.now().UTC()
	ch := hash(code)
	o, err := s.st.WalletOffer(ctx, ch, true)
	if credential.IsNotFound(err) {
		return nil, oauthErr(http.StatusBadRequest, "invalid_grant", "unknown pre-authorized_code")
	}
	if err != nil {
		return nil, err
	}
	if o.RedeemedAt != nil || !now.Before(o.ExpiresAt) || o.TxFailures >= s.cfg.MaxTxFailures {
		return nil, oauthErr(http.StatusBadRequest, "invalid_grant", "the offer has expired or was already used")
	}
	if o.TxHash != "" {
		if txCode == "" {
			return nil, oauthErr(http.StatusBadRequest, "invalid_request", "tx_code is required: it was sent to the holder's e-mail")
		}
		if subtle.ConstantTimeCompare([]byte(hash(ch+"\x00"+txCode)), []byte(o.TxHash)) != 1 {
			if err := s.st.WalletOfferTxFailed(ctx, ch); err != nil {
				return nil, err
			}
			return nil, oauthErr(http.StatusBadRequest, "invalid_grant", "wrong tx_code")
		}
	}
	ok, err := s.st.RedeemWalletOffer(ctx, ch, now)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, oauthErr(http.StatusBadRequest, "invalid_grant", "the offer has expired or was already used")
	}
	tok, err := newSecret()
	if err != nil {
		return nil, err
	}
	if err := s.st.CreateWalletToken(ctx, hash(tok), o.CredentialID, now, now.Add(s.cfg.TokenTTL)); err != nil {
		return nil, err
	}
	return &Token{AccessToken: tok, TokenType: "Bearer", ExpiresIn: int(s.cfg.TokenTTL / time.Second)}, nil
}

// Nonce returns a fresh c_nonce for one key proof.
func (s *Service) Nonce(ctx context.Context) (string, error) {
	n, err := newSecret()
	if err != nil {
		return "", err
	}
	now := s.now().UTC()
	if err := s.st.CreateWalletNonce(ctx, hash(n), now, now.Add(s.cfg.NonceTTL)); err != nil {
		return "", err
	}
	return n, nil
}

// CredentialRequest is the body of a credential request: 1.0's
// credential_configuration_id and proofs, and the single proof of the
// drafts before it.
type CredentialRequest struct {
	ConfigurationID string `json:"credential_configuration_id"`
	Format          string `json:"format"`
	Proofs          *struct {
		JWT []string `json:"jwt"`
	} `json:"proofs"`
	Proof *struct {
		ProofType string `json:"proof_type"`
		JWT       string `json:"jwt"`
	} `json:"proof"`
}

// Issued is the credential endpoint's answer.
type Issued struct {
	Credentials []struct {
		Credential string `json:"credential"`
	} `json:"credentials"`
	// Holder is the DID the credential is bound to.
	Holder string `json:"-"`
}

// Credential answers a credential request made with an access token: it
// checks the key proof (signature, audience, a fresh nonce used once) and
// returns the stored credential bound to the proven key. The access token
// is used up only by a successful answer, so a wallet told invalid_nonce
// can ask again with a new nonce.
func (s *Service) Credential(ctx context.Context, accessToken string, req *CredentialRequest) (*Issued, error) {
	now := s.now().UTC()
	if accessToken == "" || len(accessToken) > 100 {
		return nil, oauthErr(http.StatusUnauthorized, "invalid_token", "an access token from the token endpoint is required")
	}
	id, err := s.st.WalletToken(ctx, hash(accessToken), now)
	if credential.IsNotFound(err) {
		return nil, oauthErr(http.StatusUnauthorized, "invalid_token", "the access token is unknown, expired or used")
	}
	if err != nil {
		return nil, err
	}
	switch {
	case req.ConfigurationID == ConfigurationID:
	case req.ConfigurationID == "" && req.Format == "jwt_vc_json":
	default:
		return nil, oauthErr(http.StatusBadRequest, "unknown_credential_configuration", "credential_configuration_id must be %s", ConfigurationID)
	}
	var proof string
	switch {
	case req.Proofs != nil && len(req.Proofs.JWT) == 1:
		proof = req.Proofs.JWT[0]
	case req.Proofs != nil:
		return nil, oauthErr(http.StatusBadRequest, "invalid_proof", "proofs.jwt must hold exactly one proof (no batch issuance)")
	case req.Proof != nil && req.Proof.ProofType == "jwt":
		proof = req.Proof.JWT
	default:
		return nil, oauthErr(http.StatusBadRequest, "invalid_proof", "a jwt key proof is required (proofs.jwt)")
	}
	holder, err := s.checkProof(ctx, proof, now)
	if err != nil {
		return nil, err
	}
	rec, err := s.st.Credential(ctx, id)
	if err != nil {
		return nil, err
	}
	jwt, err := s.bind(rec, holder)
	if err != nil {
		return nil, err
	}
	if _, err := s.st.UseWalletToken(ctx, hash(accessToken), now); credential.IsNotFound(err) {
		return nil, oauthErr(http.StatusUnauthorized, "invalid_token", "the access token was used meanwhile")
	} else if err != nil {
		return nil, err
	}
	out := &Issued{Holder: holder}
	out.Credentials = append(out.Credentials, struct {
		Credential string `json:"credential"`
	}{jwt})
	return out, nil
}

// checkProof verifies a key proof JWT and returns the holder's DID.
func (s *Service) checkProof(ctx context.Context, proof string, now time.Time) (string, error) {
	bad := func(format string, args ...any) error {
		return oauthErr(http.StatusBadRequest, "invalid_proof", format, args...)
	}
	if len(proof) > 16<<10 {
		return "", bad("the proof is longer than 16 KiB")
	}
	jws, err := jose.ParseSignedCompact(proof, proofAlgs)
	if err != nil || len(jws.Signatures) != 1 {
		return "", bad("the proof is not a compact JWS signed with ES256 or EdDSA")
	}
	h := jws.Signatures[0].Protected
	if typ, _ := h.ExtraHeaders[jose.HeaderType].(string); typ != ProofType {
		return "", bad("the proof's typ must be %s", ProofType)
	}
	var (
		key    any
		holder string
	)
	switch {
	case h.JSONWebKey != nil:
		if !h.JSONWebKey.IsPublic() || !h.JSONWebKey.Valid() {
			return "", bad("the proof's jwk must be a public key")
		}
		key = h.JSONWebKey.Key
		pub, err := h.JSONWebKey.MarshalJSON()
		if err != nil {
			return "", bad("the proof's jwk: %v", err)
		}
		holder = "did:jwk:" + base64.RawURLEncoding.EncodeToString(pub)
	case strings.HasPrefix(h.KeyID, "did:"):
		did, _, _ := strings.Cut(h.KeyID, "#")
		if key, err = resolveDID(did); err != nil {
			return "", bad("the proof's kid: %v", err)
		}
		holder = did
	default:
		return "", bad("the proof must carry its key as jwk, or as a did:jwk or did:key kid")
	}
	payload, err := jws.Verify(key)
	if err != nil {
		return "", bad("the proof's signature does not verify with its key")
	}
	var claims struct {
		Aud   any    `json:"aud"`
		Iat   *int64 `json:"iat"`
		Nonce string `json:"nonce"`
	}
	if err := json.Unmarshal(payload, &claims); err != nil {
		return "", bad("the proof's claims are not JSON")
	}
	if !audience(claims.Aud, s.base) {
		return "", bad("the proof's aud must be %s", s.base)
	}
	if claims.Iat == nil || time.Unix(*claims.Iat, 0).After(now.Add(5*time.Minute)) || time.Unix(*claims.Iat, 0).Before(now.Add(-s.cfg.NonceTTL-5*time.Minute)) {
		return "", bad("the proof's iat must be the time it was made")
	}
	if claims.Nonce == "" || len(claims.Nonce) > 100 {
		return "", oauthErr(http.StatusBadRequest, "invalid_nonce", "the proof must carry a c_nonce from the nonce endpoint")
	}
	ok, err := s.st.UseWalletNonce(ctx, hash(claims.Nonce), now)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", oauthErr(http.StatusBadRequest, "invalid_nonce", "the proof's nonce is unknown, expired or used: get a new one from the nonce endpoint")
	}
	return holder, nil
}

func audience(aud any, want string) bool {
	switch a := aud.(type) {
	case string:
		return a == want
	case []any:
		for _, x := range a {
			if x == want {
				return true
			}
		}
	}
	return false
}

// resolveDID returns the public key of a did:jwk or did:key (Ed25519,
// P-256).
func resolveDID(did string) (any, error) {
	switch {
	case strings.HasPrefix(did, "did:jwk:"):
		b, err := base64.RawURLEncoding.DecodeString(strings.TrimPrefix(did, "did:jwk:"))
		if err != nil || len(b) > 4<<10 {
			return nil, fmt.Errorf("did:jwk is not base64url")
		}
		var k jose.JSONWebKey
		if err := k.UnmarshalJSON(b); err != nil || !k.IsPublic() {
			return nil, fmt.Errorf("did:jwk does not hold a public JWK")
		}
		return k.Key, nil
	case strings.HasPrefix(did, "did:key:z"):
		b, err := dataintegrity.Base58Decode(strings.TrimPrefix(did, "did:key:z"))
		if err != nil {
			return nil, fmt.Errorf("did:key is not base58btc")
		}
		switch {
		case len(b) == 34 && b[0] == 0xed && b[1] == 0x01:
			return ed25519.PublicKey(b[2:]), nil
		case len(b) == 35 && b[0] == 0x80 && b[1] == 0x24:
			x, y := elliptic.UnmarshalCompressed(elliptic.P256(), b[2:])
			if x == nil {
				return nil, fmt.Errorf("did:key: not a P-256 point")
			}
			raw := make([]byte, 65)
			raw[0] = 4
			x.FillBytes(raw[1:33])
			y.FillBytes(raw[33:])
			return ecdsa.ParseUncompressedPublicKey(elliptic.P256(), raw)
		}
		return nil, fmt.Errorf("did:key: only Ed25519 and P-256 keys")
	}
	return nil, fmt.Errorf("only did:jwk and did:key")
}

// bind returns the stored credential with credentialSubject.id (and sub)
// the holder's DID, signed by the issuer's key. Everything else, its id
// and status entries included, is the stored credential's.
func (s *Service) bind(rec *credential.Record, holder string) (string, error) {
	parts := strings.Split(rec.JWS, ".")
	if len(parts) != 3 {
		return "", fmt.Errorf("oid4vci: credential %s: stored JWS malformed", rec.ID)
	}
	b, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return "", fmt.Errorf("oid4vci: credential %s: %w", rec.ID, err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		return "", fmt.Errorf("oid4vci: credential %s: %w", rec.ID, err)
	}
	subj, ok := doc["credentialSubject"].(map[string]any)
	if !ok {
		return "", fmt.Errorf("oid4vci: credential %s has no credentialSubject", rec.ID)
	}
	subj["id"] = holder
	doc["sub"] = holder
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return "", fmt.Errorf("oid4vci: credential %s: %w", rec.ID, err)
	}
	jws, err := s.sig.Sign(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	if err != nil {
		return "", fmt.Errorf("oid4vci: sign: %w", err)
	}
	return jws, nil
}
