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
	// Incomplete, when set, is why nothing may be issued under this
	// identity yet (the organization's identity lacks names: see
	// credential.Organization.IncompleteError).
	Incomplete error
}

// Validate checks the identity.
func (id *Identity) Validate() error {
	u, err := url.Parse(id.BaseURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("issuer: public URL %q must be an absolute http(s) URL", id.BaseURL)
	}
	if id.Name.Get("kk") == "" && id.Incomplete == nil {
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

// IssuerIDs returns every id this issuer has signed credentials as, under
// every base URL, current first: the did:web (credentials since tanu had a
// DID) and the Profile URL {base}/issuer (earlier ones).
func (id *Identity) IssuerIDs() []string {
	var out []string
	for _, b := range id.Bases() {
		out = append(out, DIDWeb(b), b+"/issuer")
	}
	return out
}

// OwnIssuerID reports whether issuerID is this issuer's DID or Profile id
// under the current or a previous base URL.
func (id *Identity) OwnIssuerID(issuerID string) bool {
	return issuerID != "" && slices.Contains(id.IssuerIDs(), issuerID)
}

// IsIssuerID is OwnIssuerID.
func (id *Identity) IsIssuerID(s string) bool { return id.OwnIssuerID(s) }

// CurrentKeyURL maps a kid under any trusted base, a key URL or a DID URL,
// to the same key's URL under the current base; other kids come back
// unchanged.
func (id *Identity) CurrentKeyURL(kid string) string {
	if tp, ok := id.KeyThumbprint(kid); ok {
		return id.KeyURL(tp)
	}
	return kid
}

// IssuerID is the issuer's id in every credential and status list issued
// now: its did:web identifier (see DIDWeb).
func (id *Identity) IssuerID() string { return id.DID() }

// ProfileURL is the address of the issuer's Profile document,
// {base}/issuer. Credentials issued before tanu had a DID name it as
// their issuer id, and still verify.
func (id *Identity) ProfileURL() string { return id.Base() + "/issuer" }

// KeyURL is the URL of a public key: {base}/issuer/keys/{kid}. It was the
// kid of every JWS signed before tanu had a DID, and still answers with the
// key.
func (id *Identity) KeyURL(kid string) string { return id.Base() + "/issuer/keys/" + kid }

// VerificationMethod is the DID URL of a key, {did}#{kid}: the JWS kid and
// the Data Integrity verificationMethod of what the key signs now.
func (id *Identity) VerificationMethod(kid string) string { return id.DID() + "#" + kid }

// KeyThumbprint returns the key thumbprint a kid names, a DID URL or a key
// URL of this issuer under any of its base URLs, and whether it named one.
func (id *Identity) KeyThumbprint(kid string) (string, bool) {
	for _, b := range id.Bases() {
		if tp, ok := strings.CutPrefix(kid, DIDWeb(b)+"#"); ok && tp != "" {
			return tp, true
		}
		if tp, ok := strings.CutPrefix(kid, b+"/issuer/keys/"); ok && tp != "" {
			return tp, true
		}
	}
	return "", false
}

// CredentialURL is the public page of a credential: {base}/c/{id}.
func (id *Identity) CredentialURL(credID string) string { return id.Base() + "/c/" + credID }

// AchievementURL identifies a program version.
func (id *Identity) AchievementURL(regno string, version int) string {
	return fmt.Sprintf("%s/achievements/%s/%d", id.Base(), url.PathEscape(regno), version)
}

// NQFURL is the page describing the levels of Kazakhstan's National
// Qualifications Framework, and NQFLevelURL one level's anchor on it.
func (id *Identity) NQFURL() string { return id.Base() + "/frameworks/nqf-kz" }

// NQFLevelURL is the alignment target of an NQF level.
func (id *Identity) NQFLevelURL(level int) string {
	return fmt.Sprintf("%s#level-%d", id.NQFURL(), level)
}

// StatusListURL is the URL of a status list credential.
func (id *Identity) StatusListURL(purpose string, list int) string {
	return fmt.Sprintf("%s/status/%s-%d", id.Base(), purpose, list)
}

// DID returns the did:web identifier of the public base URL.
func (id *Identity) DID() string { return DIDWeb(id.BaseURL) }

// DIDWeb is the did:web identifier of a public base URL: the host (a port
// written %3A) and the path segments, colon-separated. It is the one
// mapping from base URLs to DIDs (an earlier public URL maps the same way).
func DIDWeb(baseURL string) string {
	u, err := url.Parse(strings.TrimRight(baseURL, "/"))
	if err != nil || u.Host == "" {
		return ""
	}
	d := "did:web:" + strings.ReplaceAll(strings.ToLower(u.Host), ":", "%3A")
	for _, seg := range strings.Split(strings.Trim(u.Path, "/"), "/") {
		if seg != "" {
			d += ":" + url.PathEscape(seg)
		}
	}
	return d
}

// ProfileName is the one name the issuer carries under its id: in the
// default language (kk unless configured). The other languages are in the
// Profile document's description.
func (id *Identity) ProfileName() string {
	lang := id.DefaultLang
	if lang == "" {
		lang = "kk"
	}
	return id.Name.Get(lang)
}

// Profile returns the issuer's OB3 Profile as credentials embed it: the
// same id and name whatever the credential's language.
func (id *Identity) Profile() credential.Profile {
	return credential.Profile{
		ID: id.IssuerID(), Type: []string{"Profile"}, Name: id.ProfileName(),
		URL: id.URL, Email: id.Email,
	}
}
