package app

import (
	"bufio"
	"context"
	"crypto"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	jose "github.com/go-jose/go-jose/v4"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/keyring"
	"github.com/tanu-edu/tanu/store"
)

// Severity grades a doctor finding.
type Severity int

// Severities, from fine to fatal.
const (
	OK Severity = iota
	Warn
	Fail
)

func (s Severity) String() string {
	return [...]string{"ok", "warning", "PROBLEM"}[s]
}

// Finding is one check's verdict in plain words.
type Finding struct {
	Check    string
	Severity Severity
	Message  string
}

// DoctorOptions tune the doctor's checks (zero values: defaults).
type DoctorOptions struct {
	// SMTPURL is the mail server to reach (smtp://host:port or
	// smtps://host:port); empty skips the check.
	SMTPURL string
	// MinFreeBytes is the least free space wanted in the data directory
	// (default 1 GiB).
	MinFreeBytes uint64
	// SkipPublic skips fetching the public URL's JWKS.
	SkipPublic bool
	// MaxSkew is the largest clock difference to the database accepted
	// (default 2 s).
	MaxSkew time.Duration
	// Now is this machine's clock (default time.Now).
	Now func() time.Time
	// Timeout bounds each network check (default 5 s).
	Timeout time.Duration
}

// maxJWKSBytes bounds the JWKS the doctor reads from the public URL.
const maxJWKSBytes = 1 << 20

// Doctor checks a configuration and says what is wrong in plain words:
// the public URL and organization, the database (reachable, migrated, its
// clock), the signing keys (present, matching what is published), the
// public URL answering with this instance's keys, SMTP when configured,
// and the data directory's free space. It changes nothing except creating
// the data directory of an embedded database.
func Doctor(ctx context.Context, cfg Config, o DoctorOptions) []Finding {
	if o.MinFreeBytes == 0 {
		o.MinFreeBytes = 1 << 30
	}
	if o.MaxSkew == 0 {
		o.MaxSkew = 2 * time.Second
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Timeout == 0 {
		o.Timeout = 5 * time.Second
	}
	var out []Finding
	add := func(check string, sev Severity, format string, args ...any) {
		out = append(out, Finding{Check: check, Severity: sev, Message: fmt.Sprintf(format, args...)})
	}

	publicOK := true
	if err := cfg.CheckPublicURL(); err != nil {
		publicOK = false
		add("public URL", Fail, "%s", strings.TrimPrefix(err.Error(), "config: "))
	} else {
		add("public URL", OK, "%s", cfg.PublicURL)
	}
	orgFileOK := true
	if err := cfg.CheckOrg(); err != nil {
		orgFileOK = false
		add("organization", Fail, "%s", strings.TrimPrefix(err.Error(), "config: "))
	}

	st := doctorDatabase(ctx, cfg, o, add)
	if st != nil {
		defer st.Close()
	}
	if orgFileOK {
		doctorOrganization(ctx, cfg, st, add)
	}
	active := doctorKeys(ctx, cfg, st, add)
	if publicOK && !o.SkipPublic {
		doctorPublic(ctx, cfg, o, active, add)
	}
	doctorSMTP(ctx, o, add)
	doctorDisk(cfg, o, add)
	return out
}

type addFunc func(check string, sev Severity, format string, args ...any)

// doctorDatabase checks the database and its clock; it returns the store
// when the schema is current, else nil.
func doctorDatabase(ctx context.Context, cfg Config, o DoctorOptions, add addFunc) *store.Store {
	what := "the embedded database"
	if cfg.IsPostgres() {
		what = "PostgreSQL at " + redact(cfg.DatabaseURL)
	} else if p, err := cfg.SQLitePath(); err == nil {
		what = "the embedded database " + p
	}
	cctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	st, err := OpenStore(cctx, cfg)
	if err == nil {
		err = st.Ping(cctx)
		if err != nil {
			st.Close()
		}
	}
	if err != nil {
		add("database", Fail, "cannot reach %s: %v (is the server running, and TANU_DATABASE_URL right?)", what, err)
		return nil
	}
	cur, latest, err := st.SchemaVersion(cctx)
	switch {
	case err != nil:
		add("database", Fail, "cannot read the schema version of %s: %v", what, err)
	case cur < latest:
		add("database", Fail, "%s is at schema version %d, this tanu needs %d: run `tanu migrate` once (then start or restart the instances)", what, cur, latest)
	case cur > latest:
		add("database", Fail, "%s is at schema version %d, newer than this tanu knows (%d): upgrade this tanu to the release the other instances run", what, cur, latest)
	default:
		add("database", OK, "%s reachable, schema version %d of %d", what, cur, latest)
	}
	if err != nil || cur != latest {
		st.Close()
		return nil
	}
	before := o.Now()
	dbNow, err := st.DatabaseNow(cctx)
	after := o.Now()
	if err != nil {
		add("clock", Fail, "cannot read the database's clock: %v", err)
		return st
	}
	skew := before.Add(after.Sub(before) / 2).Sub(dbNow)
	if skew.Abs() > o.MaxSkew {
		dir := "ahead of"
		if skew < 0 {
			dir = "behind"
		}
		add("clock", Fail, "this machine's clock is %s %s the database's: issue and status times would be wrong; synchronize the clocks (NTP: `timedatectl set-ntp true`)", skew.Abs().Round(100*time.Millisecond), dir)
	} else {
		add("clock", OK, "within %s of the database's", o.MaxSkew)
	}
	return st
}

// doctorKeys checks the key directory against the published keys; it
// returns the active key, if any.
func doctorKeys(ctx context.Context, cfg Config, st *store.Store, add addFunc) *keyring.Key {
	dir := cfg.KeysPath()
	var published []credential.PublicKey
	if st != nil {
		var err error
		if published, err = st.PublicKeys(ctx); err != nil {
			add("keys", Fail, "cannot read the published keys: %v", err)
			return nil
		}
	}
	var ring *keyring.Ring
	if _, err := os.Stat(dir); err == nil {
		if ring, err = keyring.Open(dir); err != nil {
			add("keys", Fail, "cannot read the key directory %s: %v", dir, err)
			return nil
		}
	}
	var active *keyring.Key
	if ring != nil {
		active, _ = ring.Active()
	}
	if active == nil {
		if len(published) > 0 {
			add("keys", Fail, "no signing key in %s, but the database has %d published key(s): serve would refuse to start. Point TANU_KEYS_DIR at the directory the other instances use, or restore it from the key backup", dir, len(published))
		} else {
			add("keys", Warn, "no signing key in %s yet: serve generates one at first start (or run `tanu keys generate`); back that directory up then", dir)
		}
		return nil
	}
	if active.Example {
		add("keys", Fail, "the active key %s in %s is an example key from keys.example/: it is public; run `tanu keys rotate`", active.KID, dir)
		return active
	}
	pub := map[string]credential.PublicKey{}
	for _, k := range published {
		pub[k.KID] = k
	}
	if st != nil {
		for _, k := range ring.Keys() {
			p, ok := pub[k.KID]
			if !ok {
				continue
			}
			if !sameJWK(p.JWK, k) {
				add("keys", Fail, "key %s in %s differs from the key published under that kid: the key file was changed; restore it from the key backup", k.KID, dir)
				return active
			}
		}
		if _, ok := pub[active.KID]; !ok {
			add("keys", Warn, "the active key %s (%s) is not published yet: serve publishes it at start", active.KID, dir)
			return active
		}
	}
	others := 0
	for kid := range pub {
		found := false
		for _, k := range ring.Keys() {
			found = found || k.KID == kid
		}
		if !found {
			others++
		}
	}
	msg := fmt.Sprintf("active key %s (%s) in %s, published", active.KID, active.Alg, dir)
	if others > 0 {
		msg += fmt.Sprintf("; %d other published key(s) belong to other instances or earlier key directories", others)
	}
	add("keys", OK, "%s", msg)
	return active
}

// sameJWK compares a published public JWK with a key's public half.
func sameJWK(published []byte, k *keyring.Key) bool {
	var p jose.JSONWebKey
	if err := p.UnmarshalJSON(published); err != nil {
		return false
	}
	a, err1 := p.Thumbprint(crypto.SHA256)
	pk := k.Public("")
	b, err2 := pk.Thumbprint(crypto.SHA256)
	return err1 == nil && err2 == nil && string(a) == string(b)
}

// doctorPublic fetches the public URL's JWKS (the administrator's own
// address: a timeout and a size limit, no address filter) and looks for
// this instance's key.
func doctorPublic(ctx context.Context, cfg Config, o DoctorOptions, active *keyring.Key, add addFunc) {
	id := cfg.Identity()
	u := id.Base() + "/.well-known/jwks.json"
	cctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(cctx, http.MethodGet, u, nil)
	if err != nil {
		add("public URL answers", Fail, "cannot ask %s: %v", u, err)
		return
	}
	req.Header.Set("Accept", "application/json")
	resp, err := (&http.Client{Timeout: o.Timeout}).Do(req)
	if err != nil {
		add("public URL answers", Fail, "%s does not answer: %v (is tanu running, and does the reverse proxy forward to it?)", u, err)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		add("public URL answers", Fail, "%s answered %s instead of the key set: the reverse proxy or DNS points somewhere else", u, resp.Status)
		return
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxJWKSBytes+1))
	if err != nil || len(b) > maxJWKSBytes {
		add("public URL answers", Fail, "%s did not give a key set of at most %d bytes", u, maxJWKSBytes)
		return
	}
	var set struct {
		Keys []struct {
			KID string `json:"kid"`
		} `json:"keys"`
	}
	if err := json.Unmarshal(b, &set); err != nil || set.Keys == nil {
		add("public URL answers", Fail, "%s answered something that is not a key set (JWKS): the address serves another site", u)
		return
	}
	if active == nil {
		add("public URL answers", Warn, "%s answers with %d key(s); this instance has no key to look for", u, len(set.Keys))
		return
	}
	want := id.KeyURL(active.KID)
	for _, k := range set.Keys {
		if k.KID == want {
			add("public URL answers", OK, "%s lists this instance's key", u)
			return
		}
	}
	add("public URL answers", Fail, "%s does not list this instance's key %s: the public URL leads to another tanu (another database or an old instance), or this instance has not started since the key was made", u, want)
}

// doctorSMTP checks that the mail server answers with its greeting.
func doctorSMTP(ctx context.Context, o DoctorOptions, add addFunc) {
	if o.SMTPURL == "" {
		add("smtp", OK, "not configured (TANU_SMTP_URL is empty): no e-mail is sent")
		return
	}
	u, err := url.Parse(o.SMTPURL)
	if err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Hostname() == "" {
		add("smtp", Fail, "TANU_SMTP_URL %q must look like smtp://host:587 or smtps://host:465", redact(o.SMTPURL))
		return
	}
	host := u.Host
	if u.Port() == "" {
		host = net.JoinHostPort(u.Hostname(), map[string]string{"smtp": "587", "smtps": "465"}[u.Scheme])
	}
	d := &net.Dialer{Timeout: o.Timeout}
	cctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	var conn net.Conn
	if u.Scheme == "smtps" {
		conn, err = (&tls.Dialer{NetDialer: d, Config: &tls.Config{ServerName: u.Hostname(), MinVersion: tls.VersionTLS12}}).DialContext(cctx, "tcp", host)
	} else {
		conn, err = d.DialContext(cctx, "tcp", host)
	}
	if err != nil {
		add("smtp", Fail, "cannot reach the SMTP server %s: %v", host, err)
		return
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(o.Timeout))
	line, err := bufio.NewReader(io.LimitReader(conn, 4096)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) || !strings.HasPrefix(line, "220") {
		add("smtp", Fail, "the SMTP server %s did not greet with 220 (got %q): is it a mail server?", host, strings.TrimSpace(line))
		return
	}
	add("smtp", OK, "%s answers", host)
}

// doctorDisk checks the free space of the data directory.
func doctorDisk(cfg Config, o DoctorOptions, add addFunc) {
	dir := cfg.DataDir
	if dir == "" {
		add("disk", OK, "no data directory configured")
		return
	}
	free, err := freeBytes(dir)
	if err != nil {
		add("disk", Warn, "cannot measure the free space of %s: %v", dir, err)
		return
	}
	if free < o.MinFreeBytes {
		add("disk", Fail, "only %s free in %s (want at least %s): the database, backups and logs need room; free space or move the data directory", humanBytes(free), dir, humanBytes(o.MinFreeBytes))
		return
	}
	add("disk", OK, "%s free in %s", humanBytes(free), dir)
}

func humanBytes(n uint64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := uint64(unit), 0
	for m := n / unit; m >= unit && exp < 4; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTP"[exp])
}

// doctorOrganization checks the organization's identity in the database
// (or, before the first start, the file that will seed it).
func doctorOrganization(ctx context.Context, cfg Config, st *store.Store, add addFunc) {
	org := cfg.Org.Organization()
	if st != nil {
		stored, v, err := st.Organization(ctx)
		if err != nil {
			add("organization", Fail, "cannot read the organization's identity: %v", err)
			return
		}
		if v > 0 {
			org = stored
		}
	}
	if err := org.IncompleteError(); err != nil {
		add("organization", Warn, "%s", credential.ErrorMessage(err))
		return
	}
	add("organization", OK, "%s", org.Name.Get("en"))
}
