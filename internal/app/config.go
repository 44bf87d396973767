// Package app wires tanu together from its configuration: store, keys,
// issuer, verifier and HTTP server. The CLI, the demo and the end-to-end
// tests all build tanu through it.
package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/tanu-edu/tanu/holder"
	"github.com/tanu-edu/tanu/notify"
	"github.com/tanu-edu/tanu/oid4vci"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/tanu-edu/tanu/account"
	"github.com/tanu-edu/tanu/batch"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/httpapi"
	"github.com/tanu-edu/tanu/internal/outbound"
	"github.com/tanu-edu/tanu/issuer"
)

// Config is tanu's configuration.
type Config struct {
	DatabaseURL string // empty: embedded SQLite in DataDir; postgres://… for PostgreSQL
	DataDir     string
	KeysDir     string // default DataDir/keys
	PublicURL   string
	// PreviousPublicURLs are base URLs this issuer published under before
	// (a domain move): credentials issued under them stay this issuer's and
	// keep verifying. See Identity.Bases.
	PreviousPublicURLs []string
	// AllowHTTPPublicURL accepts an http:// public URL that is not a
	// loopback address (CheckPublicURL refuses it otherwise).
	AllowHTTPPublicURL bool
	Listen             string
	ConfigFile         string // optional JSON file with the issuer's identity and branding
	TemplateDir        string // optional directory overriding the embedded templates
	KeyAlg             string // algorithm of a key generated on first start
	Migrate            bool   // apply migrations at start
	// AllowExampleKeys lets the server sign with keys.example keys (demo only).
	AllowExampleKeys bool
	MaxUploadBytes   int64
	// MaxVerifications caps the posted credentials verified at once by
	// this instance (default 8); more are answered 503 with Retry-After.
	MaxVerifications int
	// Batch sets the batch workers, upload limits and the retention of
	// rejected rows' cells (zero: defaults; Batch.MaxBytes defaults to
	// MaxUploadBytes; Batch.CellsRetention < 0 keeps the cells for ever).
	Batch batch.Config
	// InsecureLoopback lets verification fetch keys and status lists of
	// other issuers over plain http on loopback addresses (tests only).
	InsecureLoopback bool
	// Outbound bounds the fetches from other issuers (zero: defaults).
	Outbound outbound.Config
	// Limits bound what one client may ask of the server (zero fields:
	// httpapi.DefaultLimits).
	Limits httpapi.Limits
	// TrustedProxies may name the client in X-Forwarded-For (default none).
	TrustedProxies []string
	// MetricsListen, when set, is the only address /metrics is served on.
	MetricsListen string
	// MetricsToken, when set, is the bearer token /metrics requires on the
	// main address (otherwise an admin token).
	MetricsToken string
	Org          OrgConfig
	// Accounts sets session lifetimes and login throttling (zero: defaults).
	Accounts account.Config
	// SSO configures single sign-on providers (nil: none); see
	// docs/accounts.md and account.LoadSSOConfig.
	SSO *account.SSOConfig
	// LinkedInOrganizationID is the issuer's LinkedIn organization id, put
	// in the credential page's "add to LinkedIn profile" link.
	LinkedInOrganizationID string
	// Mail configures the e-mail to holders (no SMTP URL: messages are
	// marked skipped).
	Mail notify.Config
	// Holder bounds the holder's page /my (sign-in links, sessions);
	// HolderPerMinute caps the sign-in links one client asks for a minute
	// (default 5). Wallet bounds the OpenID4VCI offers, tokens and nonces.
	Holder          holder.Config
	HolderPerMinute int
	Wallet          oid4vci.Config
}

// OrgConfig is the issuing organization: identity and branding.
type OrgConfig struct {
	Name         credential.Text        `json:"name"`
	URL          string                 `json:"url,omitempty"`
	Email        string                 `json:"email,omitempty"`
	DefaultLang  string                 `json:"default_language,omitempty"`
	HeadName     credential.Text        `json:"head_name,omitempty"`
	HeadTitle    credential.Text        `json:"head_title,omitempty"`
	GradeScale   *credential.GradeScale `json:"grade_scale,omitempty"`
	PrimaryColor string                 `json:"primary_color,omitempty"`
	AccentColor  string                 `json:"accent_color,omitempty"`
	Logo         string                 `json:"logo,omitempty"`      // path to PNG/JPEG
	Signature    string                 `json:"signature,omitempty"` // path to PNG
	Seal         string                 `json:"seal,omitempty"`      // path to PNG
	// Catalog sets what the public catalog of programs (/programs) shows.
	Catalog CatalogConfig `json:"catalog,omitzero"`
}

// CatalogConfig sets what the public catalog of programs shows.
type CatalogConfig struct {
	// ShowIssuedCount publishes how many credentials were issued under each
	// program (default true).
	ShowIssuedCount *bool `json:"show_issued_count,omitempty"`
}

// HideIssuedCounts reports whether the catalog keeps the counts of issued
// credentials to itself.
func (c CatalogConfig) HideIssuedCounts() bool {
	return c.ShowIssuedCount != nil && !*c.ShowIssuedCount
}

// DefaultOrg is the demo's sample organization (and the tests'). A real
// deployment never runs with it: its identity comes from the database,
// seeded from an organization file or set on the console's setup page.
func DefaultOrg() OrgConfig {
	return OrgConfig{
		Name: credential.Text{
			"kk": "Үлгі университеті",
			"ru": "Примерный университет",
			"en": "Example University",
		},
		URL: "https://www.example.edu", Email: "registrar@example.edu", DefaultLang: "kk",
		HeadName:     credential.Text{"kk": "А. Б. Жетекшиев", "ru": "А. Б. Жетекшиев", "en": "A. B. Zhetekshiyev"},
		HeadTitle:    credential.Text{"kk": "Ректор", "ru": "Ректор", "en": "Rector"},
		PrimaryColor: "#1f3a93", AccentColor: "#c9a227",
	}
}

// LoadOrg reads an organization file (none: an empty identity, to be set
// on the console's setup page). Only the colours and the default language
// have defaults: what the file leaves out stays empty, and issuing says
// what is missing.
func LoadOrg(path string) (OrgConfig, error) {
	def := DefaultOrg()
	o := OrgConfig{DefaultLang: def.DefaultLang, PrimaryColor: def.PrimaryColor, AccentColor: def.AccentColor}
	if path == "" {
		return o, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return o, fmt.Errorf("config: %w", err)
	}
	var f OrgConfig
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return o, fmt.Errorf("config %s: %w", path, err)
	}
	if len(f.Name) > 0 {
		o.Name = f.Name
	}
	for _, p := range []struct {
		dst *string
		src string
	}{{&o.URL, f.URL}, {&o.Email, f.Email}, {&o.DefaultLang, f.DefaultLang}, {&o.PrimaryColor, f.PrimaryColor},
		{&o.AccentColor, f.AccentColor}, {&o.Logo, rel(path, f.Logo)}, {&o.Signature, rel(path, f.Signature)}, {&o.Seal, rel(path, f.Seal)}} {
		if p.src != "" {
			*p.dst = p.src
		}
	}
	if len(f.HeadName) > 0 {
		o.HeadName = f.HeadName
	}
	if len(f.HeadTitle) > 0 {
		o.HeadTitle = f.HeadTitle
	}
	if f.GradeScale != nil {
		o.GradeScale = f.GradeScale
	}
	if f.Catalog.ShowIssuedCount != nil {
		o.Catalog.ShowIssuedCount = f.Catalog.ShowIssuedCount
	}
	return o, nil
}

func rel(cfgPath, p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(filepath.Dir(cfgPath), p)
}

// Identity returns the issuer identity of the configuration.
func (c *Config) Identity() issuer.Identity {
	scale := credential.DefaultGradeScale()
	if c.Org.GradeScale != nil {
		scale = *c.Org.GradeScale
	}
	return issuer.Identity{
		BaseURL: strings.TrimRight(c.PublicURL, "/"), PreviousBaseURLs: c.PreviousPublicURLs, Name: c.Org.Name, URL: c.Org.URL, Email: c.Org.Email,
		DefaultLang: c.Org.DefaultLang, HeadName: c.Org.HeadName, HeadTitle: c.Org.HeadTitle, Scale: scale,
	}
}

// CheckServing reports, in plain words, every setting that would put
// something wrong into printed certificates: the checks `tanu serve` and
// `tanu issue` run before opening anything (the demo does not).
func (c *Config) CheckServing() error {
	return errors.Join(c.CheckPublicURL(), c.CheckOrg())
}

// CheckPublicURL refuses a missing public URL, one that is not an absolute
// http(s) URL, and an http:// URL unless it is a loopback address or
// AllowHTTPPublicURL is set. Previous public URLs must be absolute http(s)
// URLs too.
func (c *Config) CheckPublicURL() error {
	if strings.TrimSpace(c.PublicURL) == "" {
		return errors.New("config: no public URL: set TANU_PUBLIC_URL (or --public-url) to the https address people will open, e.g. https://credentials.example.edu; it is printed in every QR code")
	}
	u, err := parseBase(c.PublicURL)
	if err != nil {
		return fmt.Errorf("config: public URL %q: %w", c.PublicURL, err)
	}
	if u.Scheme == "http" && !loopbackHost(u.Hostname()) && !c.AllowHTTPPublicURL {
		return fmt.Errorf("config: public URL %q is plain http: browsers and verifiers will not trust it and it would be printed in every QR code; use https (TLS at a reverse proxy, see docs/operations.md), or set TANU_ALLOW_HTTP_PUBLIC_URL=1 (--allow-http-public-url) if this is really meant", c.PublicURL)
	}
	for _, p := range c.PreviousPublicURLs {
		if _, err := parseBase(p); err != nil {
			return fmt.Errorf("config: previous public URL %q (TANU_PREVIOUS_PUBLIC_URLS): %w", p, err)
		}
	}
	return nil
}

// parseBase parses a base URL: absolute http(s), a host, no query or fragment.
func parseBase(s string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, errors.New("it must be an absolute URL starting with https:// (e.g. https://credentials.example.edu)")
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return nil, errors.New("it must not carry a query, a fragment or a user name")
	}
	return u, nil
}

func loopbackHost(h string) bool {
	if h == "localhost" {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// CheckOrg refuses an organization file naming the sample organization of
// DefaultOrg (only the demo runs with it): certificates would name "Example
// University". No file is fine: the identity lives in the database, and
// the console's setup page asks an admin for it.
func (c *Config) CheckOrg() error {
	def := DefaultOrg()
	if c.ConfigFile == "" {
		return nil
	}
	if c.Org.Name.Get("en") == def.Name.Get("en") || c.Org.Name.Get("kk") == def.Name.Get("kk") {
		return fmt.Errorf("config: %s still names the placeholder organization %q: write your organization's names in kk, ru and en", c.ConfigFile, def.Name.Get("en"))
	}
	return nil
}
