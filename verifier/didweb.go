package verifier

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	jose "github.com/go-jose/go-jose/v4"

	"github.com/tanu-edu/tanu/dataintegrity"
)

// DIDWebURL is the address of a did:web DID's document.
func DIDWebURL(did string) (string, error) {
	rest, ok := strings.CutPrefix(did, "did:web:")
	if !ok || rest == "" {
		return "", fmt.Errorf("%q is not a did:web DID", did)
	}
	segs := strings.Split(rest, ":")
	host, err := url.PathUnescape(segs[0])
	if err != nil || host == "" || strings.ContainsAny(host, "/?#@") {
		return "", fmt.Errorf("%q has no valid host", did)
	}
	path := "/.well-known"
	if len(segs) > 1 {
		path = ""
		for _, s := range segs[1:] {
			p, err := url.PathUnescape(s)
			if err != nil || p == "" || strings.Contains(p, "/") {
				return "", fmt.Errorf("%q has an invalid path", did)
			}
			path += "/" + url.PathEscape(p)
		}
	}
	return "https://" + host + path + "/did.json", nil
}

// KeyInDIDDocument returns the public key of verification method kid in a
// DID document of did, which must list it under assertionMethod.
func KeyInDIDDocument(doc []byte, did, kid string) (*jose.JSONWebKey, error) {
	var d struct {
		ID                 string            `json:"id"`
		VerificationMethod []json.RawMessage `json:"verificationMethod"`
		AssertionMethod    []json.RawMessage `json:"assertionMethod"`
	}
	if err := json.Unmarshal(doc, &d); err != nil {
		return nil, fmt.Errorf("%w: the DID document is not JSON", ErrUnknownKey)
	}
	if d.ID != did {
		return nil, fmt.Errorf("%w: the DID document is of %q, not %q", ErrUnknownKey, d.ID, did)
	}
	abs := func(id string) string {
		if strings.HasPrefix(id, "#") {
			return did + id
		}
		return id
	}
	type vm struct {
		ID                 string          `json:"id"`
		Type               string          `json:"type"`
		Controller         string          `json:"controller"`
		PublicKeyMultibase string          `json:"publicKeyMultibase"`
		PublicKeyJwk       json.RawMessage `json:"publicKeyJwk"`
	}
	var found *vm
	asserts := false
	for _, raw := range append(append([]json.RawMessage(nil), d.VerificationMethod...), d.AssertionMethod...) {
		var ref string
		if json.Unmarshal(raw, &ref) == nil {
			continue
		}
		var m vm
		if json.Unmarshal(raw, &m) == nil && abs(m.ID) == kid {
			found = &m
		}
	}
	for _, raw := range d.AssertionMethod {
		var ref string
		var m vm
		if json.Unmarshal(raw, &ref) == nil && abs(ref) == kid || json.Unmarshal(raw, &m) == nil && abs(m.ID) == kid {
			asserts = true
		}
	}
	if found == nil || !asserts {
		return nil, fmt.Errorf("%w: %s is not an assertion method of %s", ErrUnknownKey, kid, did)
	}
	if found.Controller != "" && found.Controller != did {
		return nil, fmt.Errorf("%w: %s is controlled by %s", ErrUnknownKey, kid, found.Controller)
	}
	switch {
	case found.PublicKeyMultibase != "":
		pub, err := dataintegrity.ParseMultikeyEd25519(found.PublicKeyMultibase)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrUnknownKey, kid, err)
		}
		return &jose.JSONWebKey{Key: pub, KeyID: kid, Algorithm: string(jose.EdDSA)}, nil
	case len(found.PublicKeyJwk) > 0:
		var k jose.JSONWebKey
		if err := json.Unmarshal(found.PublicKeyJwk, &k); err != nil || !k.Valid() || !k.IsPublic() {
			return nil, fmt.Errorf("%w: %s holds no valid public JWK", ErrUnknownKey, kid)
		}
		k.KeyID = kid
		return &k, nil
	}
	return nil, fmt.Errorf("%w: %s has no public key", ErrUnknownKey, kid)
}

// sameIssuer reports whether a status list's issuer may answer for a
// credential's: the same id, or a did:web and an https Profile URL on the
// same host (one organization's DID and its earlier Profile id).
func sameIssuer(list, cred string) bool {
	if list == cred {
		return true
	}
	if strings.HasPrefix(list, "did:web:") == strings.HasPrefix(cred, "did:web:") {
		return false
	}
	h := hostOf(list)
	return h != "" && strings.EqualFold(h, hostOf(cred))
}

// hostOf is the host of a did:web or an http(s) URL.
func hostOf(id string) string {
	if rest, ok := strings.CutPrefix(id, "did:web:"); ok {
		host, _, _ := strings.Cut(rest, ":")
		host, _ = url.PathUnescape(host)
		return host
	}
	u, err := url.Parse(id)
	if err != nil {
		return ""
	}
	return u.Host
}
