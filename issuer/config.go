package issuer

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// Identity is the issuing organization, as configured.
type Identity struct {
	BaseURL string // public base URL, e.g. https://credentials.example.edu
	// PreviousBaseURLs are base URLs the issuer published under before a
	// domain move: credentials issued under them (issuer id, kid URLs,
	// status lists, QR codes) stay this issuer's. New credentials use BaseURL.
	PreviousBaseURLs []string
	Name             credential.Text // organization name in kk, ru, en
	URL              string          // web site
	Email            string
	DefaultLang      string
	HeadName         credential.Text // head who signs certificates
	HeadTitle        credential.Text
	Scale            credential.GradeScale
}

// Validate checks the identity.
func (id *Identity) Validate() error {
	u, err := url.Parse(id.BaseURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("issuer: public URL %q must be an absolute http(s) URL", id.BaseURL)
	}
	if id.Name.Get("kk") == "" {
		return fmt.Errorf("issuer: the organization name is required")
	}
	if id.DefaultLang != "" && !lang.Valid(id.DefaultLang) {
		return fmt.Errorf("issuer: default language %q must be kk, ru or en", id.DefaultLang)
	}
	return id.Scale.Validate()
}

// Base returns the base URL without a trailing slash.
func (id *Identity) Base() string { return strings.TrimRight(id.BaseURL, "/") }

// Bases returns every base URL of the issuer, without trailing slashes:
// the current one first, then the previous ones (duplicates dropped). It is
// the one list of aliases: issuer ids, kid URLs and did:web identifiers of
// credentials issued under any of them are this issuer's.
func (id *Identity) Bases() []string {
	out := []string{id.Base()}
	for _, b := range id.PreviousBaseURLs {
		b = strings.TrimRight(strings.TrimSpace(b), "/")
		if b != "" && !slices.Contains(out, b) {
			out = append(out, b)
		}
	}
	return out
}

// Trusted reports whether base (with or without a trailing slash) is the
// current or a previous base URL of the issuer.
func (id *Identity) Trusted(base string) bool {
	return slices.Contains(id.Bases(), strings.TrimRight(base, "/"))
}

// IssuerIDs returns the Profile id under every base URL, current first.
func (id *Identity) IssuerIDs() []string {
	bases := id.Bases()
	out := make([]string, len(bases))
	for i, b := range bases {
		out[i] = b + "/issuer"
	}
	return out
}

// OwnIssuerID reports whether issuerID is this issuer's Profile id under
// the current or a previous base URL.
func (id *Identity) OwnIssuerID(issuerID string) bool {
	b, ok := strings.CutSuffix(issuerID, "/issuer")
	return ok && id.Trusted(b)
}

// CurrentKeyURL maps a kid URL under any trusted base to the same key's
// URL under the current base; other kids come back unchanged.
func (id *Identity) CurrentKeyURL(kid string) string {
	for _, b := range id.Bases()[1:] {
		if thumb, ok := strings.CutPrefix(kid, b+"/issuer/keys/"); ok {
			return id.KeyURL(thumb)
		}
	}
	return kid
}

// IssuerID is the issuer's Profile id: {base}/issuer.
func (id *Identity) IssuerID() string { return id.Base() + "/issuer" }

// KeyURL is the URL of a public key: {base}/issuer/keys/{kid}. It is the
// kid of every JWS signed with that key.
func (id *Identity) KeyURL(kid string) string { return id.Base() + "/issuer/keys/" + kid }

// CredentialURL is the public page of a credential: {base}/c/{id}.
func (id *Identity) CredentialURL(credID string) string { return id.Base() + "/c/" + credID }

// AchievementURL identifies a program version.
func (id *Identity) AchievementURL(regno string, version int) string {
	return fmt.Sprintf("%s/achievements/%s/%d", id.Base(), url.PathEscape(regno), version)
}

// StatusListURL is the URL of a status list credential.
func (id *Identity) StatusListURL(purpose string, list int) string {
	return fmt.Sprintf("%s/status/%s-%d", id.Base(), purpose, list)
}

// DID returns the did:web identifier of the base URL.
func (id *Identity) DID() string {
	u, _ := url.Parse(id.Base())
	d := "did:web:" + strings.ReplaceAll(u.Host, ":", "%3A")
	for _, seg := range strings.Split(strings.Trim(u.Path, "/"), "/") {
		if seg != "" {
			d += ":" + seg
		}
	}
	return d
}

// Profile returns the issuer's OB3 Profile in lang.
func (id *Identity) Profile(lang string) credential.Profile {
	return credential.Profile{
		ID: id.IssuerID(), Type: []string{"Profile"}, Name: id.Name.Get(lang),
		URL: id.URL, Email: id.Email,
	}
}
