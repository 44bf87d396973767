package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	jose "github.com/go-jose/go-jose/v4"

	"github.com/tanu-edu/tanu/account"
	"github.com/tanu-edu/tanu/batch"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/dataintegrity"
	"github.com/tanu-edu/tanu/holder"
	"github.com/tanu-edu/tanu/internal/certificate"
	"github.com/tanu-edu/tanu/internal/httpapi"
	"github.com/tanu-edu/tanu/internal/outbound"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/keyring"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/notify"
	"github.com/tanu-edu/tanu/oid4vci"
	"github.com/tanu-edu/tanu/render"
	"github.com/tanu-edu/tanu/stacking"
	"github.com/tanu-edu/tanu/store"
	"github.com/tanu-edu/tanu/store/postgres"
	"github.com/tanu-edu/tanu/store/sqlite"
	"github.com/tanu-edu/tanu/teachhub"
	"github.com/tanu-edu/tanu/templates"
	"github.com/tanu-edu/tanu/verifier"
)

// App is a wired tanu instance.
type App struct {
	Config Config
	Log    *slog.Logger
	Store  *store.Store
	Ring   *keyring.Ring
	Signer *LiveSigner
	// Keys lists and rotates the signing keys for the console.
	Keys     *KeyAdmin
	Issuer   *issuer.Issuer
	Verifier *verifier.Verifier
	Server   *httpapi.Server
	// Certificates renders PDFs and badges of stored credentials.
	Certificates *certificate.Service
	// TeachHub runs participant cards and their completion records.
	TeachHub *teachhub.Service
	// Batches issues spreadsheets in the background (started by Run).
	Batches *batch.Service
	// Accounts runs staff users, sessions and API tokens; SSO single
	// sign-on (nil when no provider is configured).
	Accounts *account.Service
	SSO      *account.SSO
	// Mail sends the outbox's messages to holders (started by Run).
	Mail *notify.Sender
	// Holder runs the holder's page /my; Wallet issues to wallets over
	// OpenID4VCI.
	Holder *holder.Service
	Wallet *oid4vci.Service
	// Stacking runs pathways to nano-diplomas, learner records (CLR 2.0)
	// and credit transfers.
	Stacking *stacking.Service
	Now      func() time.Time
	// org keeps the identity in step with the database.
	org *orgSync
}

// OpenStore opens the configured database: PostgreSQL for a postgres://
// URL, otherwise the embedded SQLite file in the data directory.
func OpenStore(ctx context.Context, cfg Config, opts ...store.Option) (*store.Store, error) {
	u := cfg.DatabaseURL
	switch {
	case strings.HasPrefix(u, "postgres://"), strings.HasPrefix(u, "postgresql://"):
		return postgres.Open(ctx, u, opts...)
	case u == "" || strings.HasPrefix(u, "sqlite://") || strings.HasPrefix(u, "file:"):
		path, err := cfg.SQLitePath()
		if err != nil {
			return nil, err
		}
		return sqlite.Open(ctx, path, opts...)
	default:
		return nil, fmt.Errorf("config: database URL must start with postgres:// or sqlite:// (got %q)", redact(u))
	}
}

// redact hides a password in a URL.
func redact(u string) string {
	if i := strings.Index(u, "@"); i > 0 {
		if j := strings.Index(u, "://"); j > 0 && j < i {
			return u[:j+3] + "***" + u[i:]
		}
	}
	return u
}

// KeysPath returns the key directory: KeysDir, or DataDir/keys.
func (c *Config) KeysPath() string {
	if c.KeysDir != "" {
		return c.KeysDir
	}
	return filepath.Join(c.DataDir, "keys")
}

// Option configures Open.
type Option func(*App)

// WithClock sets the one clock the store, issuer, verifier, batches and
// TeachHub read (default time.Now).
func WithClock(now func() time.Time) Option { return func(a *App) { a.Now = now } }

// Open wires an instance: it opens the store (migrating if asked, else
// refusing an out-of-date schema), loads or creates the signing key,
// publishes the public keys, and builds issuer, verifier, services and
// server, all on one clock.
func Open(ctx context.Context, cfg Config, log *slog.Logger, opts ...Option) (_ *App, err error) {
	if cfg.PublicURL == "" {
		return nil, errors.New("config: the public URL (TANU_PUBLIC_URL) is required: it goes into every QR code")
	}
	a := &App{Config: cfg, Log: log, Now: time.Now}
	for _, o := range opts {
		o(a)
	}
	if a.Now == nil {
		return nil, errors.New("app: nil clock")
	}
	st, err := OpenStore(ctx, cfg, store.WithClock(a.Now))
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			st.Close()
		}
	}()
	a.Store = st
	if cfg.Migrate {
		n, err := st.Migrate(ctx)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			log.Info("database migrated", "applied", n)
		}
	}
	if err := st.CheckSchema(ctx); err != nil {
		return nil, err
	}
	if err := a.openKeys(ctx); err != nil {
		return nil, err
	}
	// The organization's identity lives in the database: seeded from the
	// organization file when the database has none.
	if seeded, err := seedOrganization(ctx, st, cfg.Org); err != nil {
		return nil, err
	} else if seeded {
		log.Info("organization identity stored from the organization file", "file", cfg.ConfigFile)
	}
	a.org = &orgSync{a: a}
	org, _, err := st.Organization(ctx)
	if err != nil {
		return nil, err
	}
	id := cfg.identityOf(org)
	if id.Incomplete != nil {
		log.Warn("the organization's identity is incomplete: nothing can be issued until an admin completes it in the console", "missing", credential.ErrorMessage(id.Incomplete))
	}
	suite, err := dataintegrity.New(nil)
	if err != nil {
		return nil, err
	}
	if a.Issuer, err = issuer.New(id, st, a.Signer, issuer.WithClock(a.Now), issuer.WithDataIntegrity(suite, ProofKeys{a.Ring}),
		issuer.WithRefresh(a.org.Refresh)); err != nil {
		return nil, err
	}
	a.Verifier, err = NewVerifier(st, &id, a.outbound(), verifier.WithClock(a.Now))
	if err != nil {
		return nil, err
	}
	a.TeachHub = teachhub.New(st, a.Issuer, teachhub.WithScale(id.Scale), teachhub.WithClock(a.Now), teachhub.WithNames(actorNames(st)))
	bc := cfg.Batch
	if bc.MaxBytes <= 0 {
		bc.MaxBytes = cfg.MaxUploadBytes
	}
	a.Batches = batch.New(st, a.Issuer, bc, log, batch.WithClock(a.Now))
	if a.Certificates, err = a.openCertificates(&id); err != nil {
		return nil, err
	}
	if err := a.org.reload(ctx); err != nil {
		return nil, err
	}
	if a.Mail, err = notify.New(st, cfg.Mail, id.Base(), id.Name, log, notify.WithClock(a.Now), notify.WithPDF(a.Certificates.PDF)); err != nil {
		return nil, err
	}
	clr, err := verifier.LoadSchema(verifier.SchemaCLR)
	if err != nil {
		return nil, err
	}
	a.Stacking = stacking.New(st, a.Issuer, clr, a.Now)
	a.Certificates.AddExtras(a.Stacking.CertificateExtras)
	a.Certificates.AddExtras(cardExtras(st))
	programDocs, err := a.openProgramDocuments(&id)
	if err != nil {
		return nil, err
	}
	a.Accounts = account.New(st, cfg.Accounts, a.Now)
	a.Holder = holder.New(st, cfg.Holder, a.Now, a.Mail)
	a.Wallet = oid4vci.New(st, a.Signer, id.Base(), id.Name, a.Now, cfg.Wallet, a.Mail.Wake)
	var sso httpapi.SSO
	if cfg.SSO != nil && len(cfg.SSO.Providers) > 0 {
		if a.SSO, err = account.NewSSO(a.Accounts, id.BaseURL, cfg.SSO); err != nil {
			return nil, err
		}
		sso = a.SSO
	}
	a.Server, err = httpapi.New(httpapi.Config{MaxUploadBytes: cfg.MaxUploadBytes, MaxVerifications: cfg.MaxVerifications, Ready: a.ready, Now: a.Now,
		Limits: cfg.Limits, TrustedProxies: cfg.TrustedProxies, MetricsToken: cfg.MetricsToken, MetricsElsewhere: cfg.MetricsListen != "",
		LinkedInOrganizationID: cfg.LinkedInOrganizationID, HideIssuedCounts: cfg.Org.Catalog.HideIssuedCounts()}, httpapi.Services{
		Store: st, Issuer: a.Issuer, Verifier: a.Verifier,
		Status: st, StatusSigner: a.Issuer,
		Certificates: a.Certificates,
		Batches:      a.Batches, TeachHub: a.TeachHub,
		Accounts: a.Accounts, SSO: sso,
		Outbox: st, Mailer: a.Mail, Keys: a.Keys, Organization: a.org,
		Delivery:         &httpapi.Delivery{Holder: a.Holder, Wallet: a.Wallet, PerClientPerMinute: cfg.HolderPerMinute},
		Annotators:       []httpapi.Annotator{httpapi.RecognitionAnnotator(a.TeachHub), httpapi.StackingAnnotator(a.Stacking)},
		Stacking:         a.Stacking,
		ProgramDocuments: programDocs,
		Log:              log, Now: a.Now,
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// outbound is the guarded client other issuers' key sets and status lists
// are fetched with.
func (a *App) outbound() *outbound.Client {
	oc := a.Config.Outbound
	oc.Log = a.Log
	if a.Config.InsecureLoopback {
		oc.AllowHTTP = true
		oc.Permit = func(ap netip.AddrPort) bool { return ap.Addr().Unmap().IsLoopback() }
	}
	return outbound.New(oc)
}

func (a *App) ready(ctx context.Context) error {
	if a.Signer == nil {
		return errors.New("no signing key")
	}
	return nil
}

// openKeys loads the key ring, generating a key on first start, and
// publishes every key's public half in the registry.
func (a *App) openKeys(ctx context.Context) error {
	ring, err := keyring.Open(a.Config.KeysPath(), keyring.WithClock(a.Now))
	if err != nil {
		return err
	}
	if _, err := ring.Active(); errors.Is(err, keyring.ErrNoKey) {
		if err := refuseNewKey(ctx, a.Store, ring.Dir()); err != nil {
			return err
		}
		k, err := ring.Generate(a.Config.KeyAlg)
		if err != nil {
			return err
		}
		a.Log.Info("no signing key found: generated one", "kid", k.KID, "alg", k.Alg, "dir", ring.Dir())
	}
	active, err := ring.Active()
	if err != nil {
		return err
	}
	if _, err := ring.ActiveFor(keyring.PurposeDataIntegrity); errors.Is(err, keyring.ErrNoKey) {
		k, err := ring.GenerateFor(keyring.PurposeDataIntegrity, keyring.EdDSA)
		if err != nil {
			return err
		}
		a.Log.Info("no Data Integrity key found: generated one", "kid", k.KID, "dir", ring.Dir())
	}
	if active.Example && !a.Config.AllowExampleKeys {
		return fmt.Errorf("keys: the active key %s is an example key from keys.example/: it is public and must never sign real credentials; run `tanu keys rotate`", active.KID)
	}
	id := a.Config.Identity()
	if err := PublishKeys(ctx, a.Store, ring); err != nil {
		return err
	}
	a.Ring = ring
	s, err := keyring.NewSigner(active, id.VerificationMethod(active.KID))
	if err != nil {
		return err
	}
	a.Signer = NewLiveSigner(s)
	a.Keys = &KeyAdmin{dir: ring.Dir(), now: a.Now, st: a.Store, signer: a.Signer, vm: id.VerificationMethod}
	return nil
}

// refuseNewKey refuses to generate a signing key when the database already
// has published keys: this instance would be looking in the wrong key
// directory, and a key invented here would be published beside the real ones.
func refuseNewKey(ctx context.Context, st *store.Store, dir string) error {
	pub, err := st.PublicKeys(ctx)
	if err != nil {
		return err
	}
	if len(pub) == 0 {
		return nil
	}
	kids := make([]string, len(pub))
	for i, k := range pub {
		kids[i] = k.KID
	}
	abs, _ := filepath.Abs(dir)
	return fmt.Errorf("keys: no signing key in %s, but the database already has %d published key(s) (%s): "+
		"this instance is probably looking in the wrong directory. Point TANU_KEYS_DIR (or --keys, or TANU_DATA_DIR) at the key directory "+
		"the other instances use, or restore it from the key backup; to give this instance a key of its own on purpose, run `tanu keys generate` with the same settings first",
		abs, len(pub), strings.Join(kids, ", "))
}

// ProofKeys gives the issuer the ring's data-integrity keys.
type ProofKeys struct{ Ring *keyring.Ring }

// SignerAt implements issuer.ProofKeys.
func (p ProofKeys) SignerAt(t time.Time, vm func(kid string) string) (dataintegrity.Signer, error) {
	return p.Ring.DataIntegritySignerAt(t, vm)
}

// openCertificates builds the PDF renderer (embedded templates, or the
// configured template directory) and the badge service, parsing fonts and
// templates once.
func (a *App) openCertificates(id *issuer.Identity) (*certificate.Service, error) {
	var tfs fs.FS = templates.FS
	if a.Config.TemplateDir != "" {
		tfs = os.DirFS(a.Config.TemplateDir)
	}
	org := a.Config.Org
	// The organization's name and images come from the database (orgSync
	// applies them); the colours from the organization file.
	brand := render.Branding{Name: id.Name, PrimaryColor: org.PrimaryColor, AccentColor: org.AccentColor}
	r, err := render.New(render.Options{Templates: tfs, Branding: brand})
	if err != nil {
		return nil, fmt.Errorf("certificates: %w", err)
	}
	a.org.base = r
	return certificate.New(a.Store, id, r, org.PrimaryColor, org.AccentColor), nil
}

// Run runs the instance's background work (batch workers and the mail
// sender) until ctx ends.
func (a *App) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	defer wg.Wait()
	wg.Go(func() { a.watchKeys(ctx) })
	done := make(chan error, 1)
	go func() { done <- a.Mail.Run(ctx) }()
	wg.Go(func() { _ = a.Holder.Run(ctx) })
	err := a.Batches.Run(ctx)
	if merr := <-done; err == nil {
		err = merr
	}
	return err
}

// PublishKeys records the public half of every key of ring in the
// registry, and marks retired keys retired, so every instance serves and
// trusts the whole key set. Publishing again is a no-op.
func PublishKeys(ctx context.Context, st *store.Store, ring *keyring.Ring) error {
	for _, k := range ring.Keys() {
		jwk := k.Public("")
		b, err := jwk.MarshalJSON()
		if err != nil {
			return fmt.Errorf("keys: %w", err)
		}
		if err := st.PublishKey(ctx, credential.PublicKey{KID: k.KID, Alg: k.Alg, JWK: b, CreatedAt: k.Created}); err != nil {
			return err
		}
		if k.Retired != nil {
			if err := st.RetireKey(ctx, k.KID); err != nil {
				return err
			}
		}
	}
	return nil
}

// Close releases the store.
func (a *App) Close() error { return a.Store.Close() }

// NewVerifier builds the verifier: keys this issuer published (from the
// registry) for its own credentials; for others', the key sets and status
// lists they publish, fetched through fetch (nil: the guarded
// internal/outbound client with its defaults).
func NewVerifier(st *store.Store, id *issuer.Identity, fetch verifier.Fetcher, opts ...verifier.Option) (*verifier.Verifier, error) {
	local := &verifier.LocalKeys{IssuerID: id.IssuerID(), Load: func(ctx context.Context) ([]jose.JSONWebKey, error) {
		return st.PublishedJWKs(ctx, id.KeyURL)
	}}
	if fetch == nil {
		fetch = outbound.New(outbound.Config{})
	}
	remoteKeys := &verifier.HTTPKeys{Fetcher: fetch}
	keys := &issuerKeys{local: local, id: id, remote: remoteKeys}
	lists := &verifier.StatusLists{Keys: keys, Fetcher: fetch}
	reg := &ownRecords{st: st, id: id, remote: lists}
	opts = append([]verifier.Option{verifier.WithRegistry(reg), verifier.WithStatus(reg)}, opts...)
	v, err := verifier.New(keys, opts...)
	if err != nil {
		return nil, err
	}
	// Other issuers' documents expire on the verifier's clock.
	remoteKeys.Now, lists.Now = v.Clock(), v.Clock()
	return v, nil
}

// issuerKeys routes key look-ups: this issuer's from the registry (under
// its current or a previous base URL), others' over HTTP.
type issuerKeys struct {
	local  verifier.Keys
	id     *issuer.Identity
	remote verifier.Keys
}

func (k *issuerKeys) Key(ctx context.Context, issuerID, kid string) (*jose.JSONWebKey, error) {
	if k.id.OwnIssuerID(issuerID) {
		return k.local.Key(ctx, k.id.IssuerID(), k.id.CurrentKeyURL(kid))
	}
	return k.remote.Key(ctx, issuerID, kid)
}

// ownRecords answers the verifier's registry and status questions for this
// issuer's credentials.
type ownRecords struct {
	st     *store.Store
	id     *issuer.Identity // this issuer, with its previous base URLs
	remote verifier.Status  // other issuers' status lists
}

// record reads a credential, reusing the one the request already loaded.
func (r *ownRecords) record(ctx context.Context, id string) (*credential.Record, error) {
	if rec, ok := credential.RecordFrom(ctx, id); ok {
		return rec, nil
	}
	return r.st.Credential(ctx, id)
}

func (r *ownRecords) Lookup(ctx context.Context, issuerID, id string) (string, bool, error) {
	if !r.id.OwnIssuerID(issuerID) {
		return "", false, nil
	}
	rec, err := r.record(ctx, strings.TrimPrefix(id, "urn:uuid:"))
	if err != nil {
		return "", true, err
	}
	return rec.JWS, true, nil
}

func (r *ownRecords) Status(ctx context.Context, p *verifier.Parsed) (verifier.StatusResult, error) {
	if !r.id.OwnIssuerID(p.IssuerID()) {
		return r.remote.Status(ctx, p)
	}
	rec, err := r.record(ctx, strings.TrimPrefix(p.Str("id"), "urn:uuid:"))
	if err != nil {
		return verifier.StatusResult{}, err
	}
	res := verifier.StatusResult{Status: rec.Status, Reason: rec.StatusReason, Since: rec.StatusChangedAt}
	switch rec.Status {
	case credential.StatusValid:
		res.Detail, res.Message = "not revoked or suspended", lang.VerifyStatusOK
	case credential.StatusRevoked:
		res.Detail, res.Message = "revoked", lang.VerifyStatusRevoked
	case credential.StatusSuspended:
		res.Detail, res.Message = "suspended", lang.VerifyStatusSuspended
	}
	return res, nil
}
