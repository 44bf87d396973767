// Package verifier checks Open Badges 3.0 credentials secured as VC-JWT:
// the signature with an allowed algorithm and a key the issuer published,
// the JWT claims against the credential, the official schema, the validity
// period, the issuer's registry and the credential's status. It can be used
// on its own: keys, registry and status come in through small interfaces.
package verifier

import (
	"context"
	"crypto"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	jose "github.com/go-jose/go-jose/v4"

	"github.com/tanu-edu/tanu/dataintegrity"
	"github.com/tanu-edu/tanu/lang"
)

// Verdicts.
const (
	StatusValid     = "valid"
	StatusRevoked   = "revoked"
	StatusSuspended = "suspended"
	StatusExpired   = "expired"
	StatusNotFound  = "not_found"
	StatusInvalid   = "invalid"
	// StatusUnknown means the signature is good but the issuer's status list
	// could not be read: never reported as valid.
	StatusUnknown = "unknown"
)

// AllowedAlgorithms are the only JWS algorithms accepted.
var AllowedAlgorithms = []jose.SignatureAlgorithm{jose.ES256, jose.EdDSA, jose.RS256}

// MaxTokenBytes bounds the size of a compact JWS accepted for verification.
const MaxTokenBytes = MaxCredentialBytes

// Cache bounds: entries, and the bytes they keep alive (DefaultCacheBytes).
const (
	DefaultCacheEntries = 4096
	DefaultCacheBytes   = 16 << 20
)

// Keys finds the public key an issuer published under a kid.
type Keys interface {
	// Key returns the key for kid, which issuerID claims to have published.
	// It returns an error when the key is unknown or not the issuer's.
	Key(ctx context.Context, issuerID, kid string) (*jose.JSONWebKey, error)
}

// Registry tells whether a credential is in an issuer's registry.
type Registry interface {
	// Lookup returns the stored JWS of a credential id (the jti), found=false
	// when this registry does not hold credentials of issuerID at all.
	Lookup(ctx context.Context, issuerID, credentialID string) (jws string, handled bool, err error)
}

// StatusResult is a credential's status as its issuer publishes it.
type StatusResult struct {
	Status string // valid, revoked, suspended, or "" when unknown
	Reason string
	Since  *time.Time
	Detail string
	// Message and Args say Detail for people (see Result.Localize).
	Message lang.Key
	Args    []any
}

// Status checks revocation and suspension.
type Status interface {
	Status(ctx context.Context, c *Parsed) (StatusResult, error)
}

// Check is one step of a verification. Name and Detail are English, for
// programs and logs; Title and Text say the same for people in the
// language Localize was given.
type Check struct {
	Name   string `json:"name"`
	OK     bool   `json:"ok"`
	Detail string `json:"detail,omitempty"`
	Title  string `json:"title,omitempty"`
	Text   string `json:"text,omitempty"`
	// Code names a failure a page can word in its language:
	// CodeIssuerUnreachable.
	Code string `json:"code,omitempty"`

	msg  lang.Key // Detail as a catalog message, for Localize
	args []any
}

// CodeIssuerUnreachable marks a check that failed because another
// issuer's key set or status list could not be fetched.
const CodeIssuerUnreachable = "issuer_unreachable"

// markUnreachable sets the last check's code when err is ErrUnreachable.
func (r *Result) markUnreachable(err error) {
	if errors.Is(err, ErrUnreachable) && len(r.Checks) > 0 {
		r.Checks[len(r.Checks)-1].Code = CodeIssuerUnreachable
	}
}

// NewCheck returns a check whose detail is catalog message msg with args
// (its English wording is the Detail).
func NewCheck(name string, ok bool, msg lang.Key, args ...any) Check {
	return Check{Name: name, OK: ok, Detail: lang.EN.T(msg, args...), msg: msg, args: args}
}

// Localize fills in each check's Title and Text in t. A check with no
// catalog message (from an older cache or another producer) says only
// whether it passed.
func (r *Result) Localize(t lang.Tag) {
	for i := range r.Checks {
		c := &r.Checks[i]
		c.Title = c.Name
		if _, ok := lang.Lookup(lang.Key("check." + c.Name)); ok {
			c.Title = t.T(lang.Key("check." + c.Name))
		}
		switch {
		case c.Code == CodeIssuerUnreachable:
			c.Text = t.T(lang.PageIssuerUnreachable)
		case c.msg != "":
			c.Text = t.T(c.msg, c.args...)
		case t == lang.EN || c.Detail == "":
			c.Text = c.Detail
		case c.OK:
			c.Text = t.T(lang.VerifyPassed)
		default:
			c.Text = t.T(lang.VerifyFailed)
		}
	}
}

// Summary describes the verified credential for display.
type Summary struct {
	ID                string `json:"id"`
	Holder            string `json:"holder"`
	Achievement       string `json:"achievement"`
	AchievementType   string `json:"achievement_type,omitempty"`
	Issued            string `json:"issued"`
	ValidUntil        string `json:"valid_until,omitempty"`
	Issuer            string `json:"issuer"`
	IssuerID          string `json:"issuer_id"`
	CertificateNumber string `json:"certificate_number,omitempty"`
	RegistrationNo    string `json:"registration_number,omitempty"`
	Program           string `json:"program,omitempty"`
}

// Verdicts finer than Status, for people: what a page says.
const (
	// VerdictForeign is a genuine credential signed by another issuer:
	// valid, but not in this registry.
	VerdictForeign = "foreign"
	// VerdictAltered is a file whose visible content does not belong to
	// the credential it carries (or cannot be confirmed to).
	VerdictAltered = "altered"
	// VerdictNoCredential is input that holds no credential at all (an
	// empty form, a scan or photo): no verdict on any credential.
	VerdictNoCredential = "no_credential"
)

// Result is the outcome of a verification.
type Result struct {
	Verified bool   `json:"verified"`
	Status   string `json:"status"`
	// Verdict refines Status for display: Status itself, or VerdictForeign,
	// VerdictAltered, VerdictNoCredential.
	Verdict string `json:"verdict"`
	// IssuerID is who signed the credential (a URL or DID), when known.
	IssuerID string `json:"issuer_id,omitempty"`
	// InRegistry is true only when this registry holds the credential, and
	// holds exactly this one.
	InRegistry   bool       `json:"in_registry"`
	Checks       []Check    `json:"checks"`
	Credential   *Summary   `json:"credential,omitempty"`
	StatusReason string     `json:"status_reason,omitempty"`
	StatusSince  *time.Time `json:"status_since,omitempty"`
	// Annotations are facts the registry adds about the credential (e.g. a
	// TeachHub recognition decision), keyed by name.
	Annotations map[string]any `json:"annotations,omitempty"`
	// Parsed is the credential, when it could be read.
	Parsed *Parsed `json:"-"`
}

// add records a check: detail in English, and the same as catalog message
// msg with args for people.
func (r *Result) add(name string, ok bool, detail string, msg lang.Key, args ...any) bool {
	r.Checks = append(r.Checks, Check{Name: name, OK: ok, Detail: detail, msg: msg, args: args})
	return ok
}

func (r *Result) fail(name, detail string, msg lang.Key, args ...any) *Result {
	r.add(name, false, detail, msg, args...)
	r.Status, r.Verdict, r.Verified, r.InRegistry = StatusInvalid, StatusInvalid, false, false
	return r
}

// day shows a time as a date people read in every language.
func day(t time.Time) string { return t.Format("02.01.2006") }

// Parsed is a credential whose signature has been checked.
type Parsed struct {
	JWS     string
	KID     string
	Alg     string
	Payload map[string]any // read-only: it may be shared between results
	Raw     []byte         // payload bytes
	// Proof is the Data Integrity proof of a credential secured that way
	// (JWS is then empty).
	Proof *dataintegrity.Proof

	from, until time.Time
	issuerID    string
	// clr marks a CLR 2.0 ClrCredential (clr.go).
	clr bool
}

// IssuerID returns the issuer id the checks found (issuer.id, which a
// VC-JWT's iss repeats).
func (p *Parsed) IssuerID() string {
	if p.issuerID != "" {
		return p.issuerID
	}
	return p.Str("iss")
}

// Str returns a top-level string member.
func (p *Parsed) Str(key string) string { s, _ := p.Payload[key].(string); return s }

// Object returns a top-level object member.
func (p *Parsed) Object(key string) map[string]any { m, _ := p.Payload[key].(map[string]any); return m }

// Verifier verifies credentials.
type Verifier struct {
	keys     Keys
	registry Registry
	status   Status
	schema   *Schema
	clr      *Schema
	now      func() time.Time
	leeway   time.Duration
	cache    *cache
	suite    *dataintegrity.Suite
}

// Option configures a Verifier.
type Option func(*Verifier)

// WithRegistry sets the registry check.
func WithRegistry(r Registry) Option { return func(v *Verifier) { v.registry = r } }

// WithStatus sets the status check.
func WithStatus(s Status) Option { return func(v *Verifier) { v.status = s } }

// WithClock sets the clock.
func WithClock(now func() time.Time) Option { return func(v *Verifier) { v.now = now } }

// WithCacheSize bounds the cache of signature and schema checks (0
// disables it). Credentials never change once signed, so a token whose
// signature, claims and schema checked out is not checked again; time,
// registry and status are checked on every call.
func WithCacheSize(n int) Option {
	return func(v *Verifier) { v.cache = newCache(n, v.cache.bytes, 10*time.Minute) }
}

// WithCacheBytes bounds the bytes the cache keeps alive (default
// DefaultCacheBytes); an entry larger than an eighth of it is not kept.
func WithCacheBytes(n int64) Option {
	return func(v *Verifier) { v.cache = newCache(v.cache.max, n, 10*time.Minute) }
}

// WithSchema replaces the schema credentials are validated against.
func WithSchema(s *Schema) Option { return func(v *Verifier) { v.schema = s } }

// New returns a Verifier that trusts keys from keys.
func New(keys Keys, opts ...Option) (*Verifier, error) {
	s, err := LoadSchema(SchemaJSONLD)
	if err != nil {
		return nil, err
	}
	suite, err := dataintegrity.New(nil)
	if err != nil {
		return nil, err
	}
	clr, err := LoadSchema(SchemaCLR)
	if err != nil {
		return nil, err
	}
	v := &Verifier{keys: keys, schema: s, clr: clr, now: time.Now, leeway: time.Minute, cache: newCache(DefaultCacheEntries, DefaultCacheBytes, 10*time.Minute), suite: suite}
	for _, o := range opts {
		o(v)
	}
	return v, nil
}

// Clock returns the verifier's clock, for the sources it reads (key sets
// and status lists of other issuers) to share it.
func (v *Verifier) Clock() func() time.Time { return v.now }

// ErrMalformed marks input that is not a credential at all.
var ErrMalformed = errors.New("verifier: malformed credential")

// VerifyJWS verifies a compact JWS credential. The result is never nil; its
// Status is invalid for anything tampered, malformed, signed with a key the
// issuer did not publish or with an algorithm not allowed.
func (v *Verifier) VerifyJWS(ctx context.Context, token string) *Result {
	return v.verifyJWS(ctx, token, MaxTokenBytes)
}

// verifyJWS is VerifyJWS for tokens up to max bytes.
func (v *Verifier) verifyJWS(ctx context.Context, token string, max int) *Result {
	r := &Result{Status: StatusInvalid, Verdict: StatusInvalid}
	token = strings.TrimSpace(token)
	if e, ok := v.cache.get(token); ok {
		r.Checks = append(make([]Check, 0, len(e.checks)+3), e.checks...)
		r.Credential, r.Parsed = e.summary, e.parsed
		return v.checkDynamic(ctx, r, e.parsed)
	}
	if len(token) > max {
		return r.fail("format", fmt.Sprintf("token is larger than %d bytes", max), lang.VerifyTooLarge, max)
	}
	if strings.Count(token, ".") != 2 {
		return r.fail("format", "not a compact JWS (three base64url parts separated by dots)", lang.VerifyNotCompact)
	}
	obj, err := jose.ParseSignedCompact(token, AllowedAlgorithms)
	if err != nil {
		return r.fail("format", "cannot parse the JWS or its algorithm is not allowed (ES256, EdDSA, RS256): "+err.Error(), lang.VerifyUnparsable)
	}
	if len(obj.Signatures) != 1 {
		return r.fail("format", "exactly one signature expected", lang.VerifyOneSignature)
	}
	h := obj.Signatures[0].Protected
	if typ, ok := h.ExtraHeaders[jose.HeaderType]; ok && typ != "JWT" {
		return r.fail("header", fmt.Sprintf("typ must be JWT, got %v", typ), lang.VerifyTyp, typ)
	}
	for k := range h.ExtraHeaders {
		switch k {
		case jose.HeaderType:
		default:
			return r.fail("header", fmt.Sprintf("header parameter %q is not allowed", k), lang.VerifyHeaderParam, k)
		}
	}
	// Read the claimed issuer before trusting anything, to find its keys.
	unverified := obj.UnsafePayloadWithoutVerification()
	var claims struct {
		Iss    string `json:"iss"`
		Issuer any    `json:"issuer"`
	}
	if err := json.Unmarshal(unverified, &claims); err != nil {
		return r.fail("format", "payload is not JSON", lang.VerifyPayloadJSON)
	}
	issuerID := claims.Iss
	if issuerID == "" {
		return r.fail("claims", "iss claim is missing", lang.VerifyNoIss)
	}
	var key *jose.JSONWebKey
	switch {
	case h.KeyID != "":
		key, err = v.keys.Key(ctx, issuerID, h.KeyID)
		if err != nil {
			r.fail("key", "the key "+h.KeyID+" is not a key the issuer published: "+err.Error(), lang.VerifyUnknownKey, h.KeyID)
			r.markUnreachable(err)
			return r
		}
	case h.JSONWebKey != nil:
		// An embedded key proves integrity, not authorship: accept it only
		// when it is one of the issuer's published keys.
		key, err = v.embeddedKey(ctx, issuerID, h.JSONWebKey)
		if err != nil {
			r.fail("key", err.Error(), lang.VerifyEmbeddedUnknown)
			r.markUnreachable(err)
			return r
		}
	default:
		return r.fail("key", "the header names no key (kid or jwk)", lang.VerifyNoKey)
	}
	if key.Algorithm != "" && key.Algorithm != h.Algorithm {
		return r.fail("key", fmt.Sprintf("the key is for %s, the JWS says %s", key.Algorithm, h.Algorithm), lang.VerifyKeyAlg, key.Algorithm, h.Algorithm)
	}
	payload, err := obj.Verify(key.Key)
	if err != nil {
		return r.fail("signature", "the signature does not match the content: the credential was altered or signed by someone else", lang.VerifyBadSignature)
	}
	if h.KeyID != "" {
		r.add("signature", true, h.Algorithm+" signature by "+h.KeyID, lang.VerifySignatureOK, h.Algorithm, h.KeyID)
	} else {
		r.add("signature", true, h.Algorithm+" signature by embedded key", lang.VerifySignatureOK, h.Algorithm, lang.VerifyEmbeddedKey)
	}
	p := &Parsed{JWS: token, KID: h.KeyID, Alg: h.Algorithm, Raw: payload}
	if err := json.Unmarshal(payload, &p.Payload); err != nil {
		return r.fail("format", "payload is not a JSON object", lang.VerifyPayloadObject)
	}
	r.Parsed = p
	if !v.checkStatic(r, p) {
		return r
	}
	v.cache.put(token, r.Checks, r.Credential, p)
	return v.checkDynamic(ctx, r, p)
}

func (v *Verifier) embeddedKey(ctx context.Context, issuerID string, jwk *jose.JSONWebKey) (*jose.JSONWebKey, error) {
	tp, err := jwk.Thumbprint(crypto.SHA256)
	if err != nil {
		return nil, fmt.Errorf("embedded jwk: %w", err)
	}
	kid := base64.RawURLEncoding.EncodeToString(tp)
	k, err := v.keys.Key(ctx, issuerID, kid)
	if err != nil {
		return nil, fmt.Errorf("the embedded key is not one the issuer published: %w", err)
	}
	return k, nil
}

// checkStatic checks claims and schema: what depends on the token alone.
func (v *Verifier) checkStatic(r *Result, p *Parsed) bool {
	pl := p.Payload
	types, _ := pl["type"].([]any)
	p.clr = hasType(types, "VerifiableCredential") && hasType(types, "ClrCredential")
	if !p.clr && (!hasType(types, "VerifiableCredential") || !(hasType(types, "OpenBadgeCredential") || hasType(types, "AchievementCredential"))) {
		r.fail("claims", "type must contain VerifiableCredential and OpenBadgeCredential", lang.VerifyTypes)
		return false
	}
	issuer := pl["issuer"]
	issuerID, _ := issuer.(string)
	if m, ok := issuer.(map[string]any); ok {
		issuerID, _ = m["id"].(string)
	}
	subj, _ := pl["credentialSubject"].(map[string]any)
	subjID, _ := subj["id"].(string)
	var problems, claims []string
	if p.Str("iss") != issuerID || issuerID == "" {
		problems, claims = append(problems, "iss does not match issuer.id"), append(claims, "iss")
	}
	if p.Str("jti") != p.Str("id") || p.Str("id") == "" {
		problems, claims = append(problems, "jti does not match id"), append(claims, "jti")
	}
	if p.Str("sub") != subjID || subjID == "" {
		problems, claims = append(problems, "sub does not match credentialSubject.id"), append(claims, "sub")
	}
	from, ferr := time.Parse(time.RFC3339, p.Str("validFrom"))
	nbf, _ := pl["nbf"].(float64)
	if ferr != nil || int64(nbf) != from.Unix() {
		problems, claims = append(problems, "nbf does not equal validFrom"), append(claims, "nbf")
	}
	if vu := p.Str("validUntil"); vu != "" {
		t, err := time.Parse(time.RFC3339, vu)
		exp, _ := pl["exp"].(float64)
		if err != nil || int64(exp) != t.Unix() {
			problems, claims = append(problems, "exp does not equal validUntil"), append(claims, "exp")
		}
		p.until = t
	} else if _, ok := pl["exp"]; ok {
		problems, claims = append(problems, "exp is set but validUntil is not"), append(claims, "exp")
	}
	if len(problems) > 0 {
		r.fail("claims", strings.Join(problems, "; "), lang.VerifyClaimsBad, strings.Join(claims, ", "))
		return false
	}
	p.from, p.issuerID = from, issuerID
	r.add("claims", true, "iss, jti, sub, nbf match the credential", lang.VerifyClaimsOK)
	r.Credential = summarize(pl)
	if p.clr {
		return v.checkCLRSchema(r, p)
	}
	if err := v.schema.Validate(p.Raw); err != nil {
		r.fail("schema", "does not conform to the Open Badges 3.0 schema: "+firstLine(err.Error()), lang.VerifySchemaBad)
		return false
	}
	r.add("schema", true, "conforms to the Open Badges 3.0 AchievementCredential schema", lang.VerifySchemaOK)
	return true
}

// checkDynamic checks what can change after issuance: time, registry and
// status.
func (v *Verifier) checkDynamic(ctx context.Context, r *Result, p *Parsed) *Result {
	now := v.now()
	from, until, issuerID := p.from, p.until, p.issuerID
	r.IssuerID = issuerID
	foreign := false
	defer func() {
		r.Verdict = r.Status
		if foreign && r.Status == StatusValid {
			r.Verdict = VerdictForeign
		}
	}()
	if now.Add(v.leeway).Before(from) {
		return r.fail("time", "not valid before "+from.Format(time.RFC3339), lang.VerifyNotBefore, day(from))
	}
	expired := !until.IsZero() && now.After(until.Add(v.leeway))
	if expired {
		r.add("time", false, "expired on "+until.Format(time.RFC3339), lang.VerifyExpiredOn, day(until))
	} else {
		r.add("time", true, "valid since "+from.Format(time.RFC3339), lang.VerifyValidSince, day(from))
	}
	if p.clr {
		return v.checkNested(ctx, r, p, expired)
	}
	if v.registry != nil {
		stored, handled, err := v.registry.Lookup(ctx, issuerID, p.Str("id"))
		switch {
		case err != nil && !handled:
			return r.fail("registry", "registry lookup failed: "+err.Error(), lang.VerifyRegistryFailed)
		case !handled:
			r.add("registry", true, "issued by another organization ("+issuerID+"): not in this registry", lang.VerifyOtherIssuer, issuerID)
			foreign = true
		case err != nil:
			r.Status = StatusNotFound
			r.add("registry", false, "the issuer's registry has no such credential", lang.VerifyNotInRegistry)
			return r
		case !sameCredential(stored, p):
			return r.fail("registry", "the credential differs from the one in the issuer's registry", lang.VerifyRegistryDiffers)
		default:
			r.add("registry", true, "present in the issuer's registry and identical", lang.VerifyRegistryOK)
			r.InRegistry = true
		}
	}
	status := StatusResult{Status: StatusValid}
	if v.status != nil {
		st, err := v.status.Status(ctx, p)
		if err != nil || st.Status == "" {
			detail := st.Detail
			if err != nil {
				detail = err.Error()
			}
			r.add("status", false, "unknown: "+detail, lang.VerifyStatusUnknown)
			r.markUnreachable(err)
			r.Status, r.Verified = StatusUnknown, false
			if expired {
				r.Status = StatusExpired
			}
			return r
		}
		status = st
		r.add("status", st.Status == StatusValid, st.Detail, st.Message, st.Args...)
	}
	switch {
	case status.Status == StatusRevoked:
		r.Status = StatusRevoked
	case status.Status == StatusSuspended:
		r.Status = StatusSuspended
	case expired:
		r.Status = StatusExpired
	default:
		r.Status = StatusValid
	}
	r.StatusReason, r.StatusSince = status.Reason, status.Since
	r.Verified = r.Status == StatusValid
	return r
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i > 0 {
		rest := strings.TrimSpace(s[i+1:])
		if j := strings.IndexByte(rest, '\n'); j > 0 {
			rest = rest[:j]
		}
		return strings.TrimSpace(s[:i]) + " " + rest
	}
	return s
}

func hasType(types []any, t string) bool {
	for _, x := range types {
		if x == t {
			return true
		}
	}
	return false
}

func summarize(pl map[string]any) *Summary {
	s := &Summary{}
	s.ID, _ = pl["id"].(string)
	s.Issued, _ = pl["validFrom"].(string)
	s.ValidUntil, _ = pl["validUntil"].(string)
	s.CertificateNumber, _ = pl["certificateNumber"].(string)
	s.RegistrationNo, _ = pl["registrationNumber"].(string)
	switch x := pl["issuer"].(type) {
	case string:
		s.IssuerID, s.Issuer = x, x
	case map[string]any:
		s.IssuerID, _ = x["id"].(string)
		s.Issuer, _ = x["name"].(string)
	}
	subj, _ := pl["credentialSubject"].(map[string]any)
	if ach, ok := subj["achievement"].(map[string]any); ok {
		s.Achievement, _ = ach["name"].(string)
		s.AchievementType, _ = ach["achievementType"].(string)
		s.Program, _ = ach["humanCode"].(string)
	}
	if ids, ok := subj["identifier"].([]any); ok {
		for _, x := range ids {
			m, _ := x.(map[string]any)
			if m["identityType"] == "name" && m["hashed"] == false {
				s.Holder, _ = m["identityHash"].(string)
			}
		}
	}
	return s
}

func parseTime(s string) (time.Time, error) { return time.Parse(time.RFC3339, s) }

func decodeSegment(seg string, v any) error {
	b, err := base64.RawURLEncoding.DecodeString(seg)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}
