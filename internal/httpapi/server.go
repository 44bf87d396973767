// Package httpapi is tanu's HTTP surface: the public credential pages and
// verification API, the registrar API, and the operational endpoints. It
// is the only package that imports gin. Handlers are thin: bind, validate,
// call one service, render.
package httpapi

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	jose "github.com/go-jose/go-jose/v4"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/dataintegrity"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/verifier"
)

// Store is what the handlers need of the store.
type Store interface {
	CreateProgram(ctx context.Context, p credential.Program) (*credential.Program, error)
	Program(ctx context.Context, regno string, version int) (*credential.Program, error)
	Programs(ctx context.Context, kind, status string) ([]*credential.Program, error)
	UpdateProgram(ctx context.Context, regno string, fn func(*credential.Program) error) (*credential.Program, error)
	Credential(ctx context.Context, id string) (*credential.Record, error)
	CredentialByNumber(ctx context.Context, number int64) (*credential.Record, error)
	Credentials(ctx context.Context, f credential.CredentialFilter) ([]*credential.Record, error)
	PublishedJWKs(ctx context.Context, kidURL func(kid string) string) ([]jose.JSONWebKey, error)
	Ping(ctx context.Context) error
	// ConsoleStore: the console's counts, search and versions.
	ConsoleStore
}

// Issuer issues credentials.
type Issuer interface {
	Issue(ctx context.Context, r issuer.Request) (*issuer.Result, error)
	Identity() *issuer.Identity
	// SecuredDocument returns a stored credential with its Data Integrity
	// proof (ok=false: one issued before the DID, without).
	SecuredDocument(rec *credential.Record) (doc map[string]any, ok bool, err error)
}

// Verifier verifies credentials.
type Verifier interface {
	VerifyJWS(ctx context.Context, token string) *verifier.Result
	// VerifyDataIntegrity verifies a credential secured with an embedded
	// Data Integrity proof.
	VerifyDataIntegrity(ctx context.Context, doc []byte) *verifier.Result
	VerifyExtracted(ctx context.Context, x *verifier.Extracted) *verifier.Result
}

// Config holds the server's settings.
type Config struct {
	// MaxBodyBytes caps JSON request bodies (default 1 MiB).
	MaxBodyBytes int64
	// MaxUploadBytes caps uploads: credentials to verify, spreadsheets
	// (default 16 MiB).
	MaxUploadBytes int64
	// Ready reports extra readiness problems (e.g. keys not loaded).
	Ready func(ctx context.Context) error
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Limits bound what one client may ask (zero fields: DefaultLimits).
	Limits Limits
	// TrustedProxies are the proxies (addresses or CIDRs) whose
	// X-Forwarded-For names the client; none by default, so the rate
	// limits key on the connection's address.
	TrustedProxies []string
	// MetricsToken, when set, is the bearer token GET /metrics requires;
	// otherwise /metrics requires an admin token.
	MetricsToken string
	// MetricsElsewhere removes /metrics from this handler (it is served on
	// its own listener through MetricsHandler).
	MetricsElsewhere bool
	// LinkedInOrganizationID is the issuer's LinkedIn organization id, put
	// in the "add to LinkedIn profile" link (optional).
	LinkedInOrganizationID string
	// MaxVerifications caps the verifications of posted credentials in
	// flight (default 8), and four times as many bodies being received;
	// more are answered 503 with Retry-After.
	MaxVerifications int
	// HideIssuedCounts keeps the number of credentials issued under each
	// program off the public catalog (/programs) and its exports; shown by
	// default.
	HideIssuedCounts bool
}

// Services are the server's collaborators. New requires every one but
// Annotators: the server is built whole, so no handler needs to ask
// whether a service is there.
type Services struct {
	Store    Store
	Issuer   Issuer
	Verifier Verifier
	// Status changes credential statuses and lists them; StatusSigner signs
	// the status lists.
	Status       StatusStore
	StatusSigner StatusSigner
	// Certificates renders PDFs and badges.
	Certificates Certificates
	// Batches runs batch issuance from spreadsheets.
	Batches Batches
	// Now is the clock of the metrics' ages (default time.Now).
	Now func() time.Time
	// TeachHub runs participant cards.
	TeachHub TeachHub
	// Accounts runs staff users, sessions and API tokens; SSO single
	// sign-on (optional: nil when no provider is configured).
	Accounts Accounts
	SSO      SSO
	// Outbox lists and requeues the e-mail to holders; Mailer is woken
	// when a message is queued (both optional).
	Outbox Outbox
	// Keys lists and rotates the signing keys (optional: the console's
	// keys page says it is unavailable without).
	Keys   Keys
	Mailer Mailer
	// Delivery is the holder's page /my and the OpenID4VCI endpoints
	// (optional).
	Delivery *Delivery
	// Annotators add registry facts to verification results and pages
	// (optional).
	Annotators []Annotator
	// Stacking runs pathways, learner records and credit transfers
	// (optional: its endpoints answer 503 without it).
	Stacking Stacking
	// Organization keeps the organization's identity (optional: without
	// it the identity is the issuer's, fixed, and cannot be changed).
	Organization Organization
	// ProgramDocuments renders the registry's documents of a program
	// (optional: without it their endpoint answers 503).
	ProgramDocuments ProgramDocuments
	Log              *slog.Logger
}

// check names the first missing service.
func (v *Services) check() error {
	for _, m := range []struct {
		name    string
		missing bool
	}{
		{"Store", v.Store == nil}, {"Issuer", v.Issuer == nil}, {"Verifier", v.Verifier == nil},
		{"Status", v.Status == nil}, {"StatusSigner", v.StatusSigner == nil},
		{"Certificates", v.Certificates == nil},
		{"Batches", v.Batches == nil}, {"TeachHub", v.TeachHub == nil}, {"Accounts", v.Accounts == nil}, {"Log", v.Log == nil},
	} {
		if m.missing {
			return fmt.Errorf("httpapi: no %s service", m.name)
		}
	}
	for i, a := range v.Annotators {
		if a == nil {
			return fmt.Errorf("httpapi: annotator %d is nil", i)
		}
	}
	return nil
}

// Server is the HTTP API.
type Server struct {
	cfg      Config
	store    Store
	issuer   Issuer
	verifier Verifier
	log      *slog.Logger
	metrics  *metrics
	engine   *gin.Engine
	pages    *pages
	// reading holds a token per posted credential being received,
	// verifying one per credential being verified.
	reading, verifying chan struct{}
	// downloads lists the download formats shown on the credential page.
	downloads []Download
	// annotators add registry facts to verification results and pages.
	annotators []Annotator
	// status management (revocation, status lists, audit).
	statusStore  StatusStore
	statusSigner StatusSigner
	lists        *statusLists
	// certs renders PDFs and badges.
	certs Certificates
	// batches runs batch issuance from spreadsheets (batch.go).
	batches Batches
	// teachhub runs participant cards (teachhub.go).
	teachhub TeachHub
	// outbox and mailer serve the e-mail to holders (mail.go).
	outbox Outbox
	keys   Keys
	mailer Mailer
	// delivery is the holder's page and the wallets (holder.go, oid4vci.go).
	delivery *Delivery
	// limits and their state (limits.go).
	limits     Limits
	verifyRate *limiter
	uploadRate *limiter
	uploads    *slots
	// accounts runs users, sessions and tokens; sso single sign-on (auth.go).
	accounts Accounts
	sso      SSO
	// cop refuses cross-site form posts to the console and cookie-signed
	// API calls.
	cop *http.CrossOriginProtection
	// secured caches credentials with their Data Integrity proofs.
	secured *docCache
	// linkedInOrg is LinkedIn's organizationId for the "add to profile" link.
	linkedInOrg string
	// stacking runs pathways, learner records and credit transfers;
	// clrVerifier verifies learner records (stacking.go).
	stacking    Stacking
	clrVerifier CLRVerifier
	// org keeps the organization's identity (organization.go).
	org Organization
	// programDocs renders the registry's documents (programdocs.go).
	programDocs ProgramDocuments
}

// Annotation is a fact about a credential shown on its page and in its
// verification result (under "annotations", keyed by Key).
type Annotation struct {
	Key   string                // JSON key, e.g. "recognition"
	Value any                   // JSON value
	Label lang.Key              // page label
	Text  func(lang.Tag) string // page text in a language
}

// Annotator returns annotations for a stored credential.
type Annotator func(ctx context.Context, rec *credential.Record) ([]Annotation, error)

// Download is a link offered on the credential page.
type Download struct {
	Label lang.Key // what the file is, for people
	Path  string   // relative to /c/{id}/, e.g. "certificate.pdf?lang=kk"
}

// credentialDownloads are the documents every credential page offers.
func credentialDownloads() []Download {
	return []Download{
		{Label: lang.PageDownloadPDFKK, Path: "certificate.pdf?lang=kk"},
		{Label: lang.PageDownloadPDFRU, Path: "certificate.pdf?lang=ru"},
		{Label: lang.PageDownloadPDFEN, Path: "certificate.pdf?lang=en"},
		{Label: lang.PageDownloadPNG, Path: "badge.png"},
		{Label: lang.PageDownloadSVG, Path: "badge.svg"},
	}
}

// New builds the server and its routes from every service it needs; it
// refuses a missing one.
func New(cfg Config, svc Services) (*Server, error) {
	if err := svc.check(); err != nil {
		return nil, err
	}
	return newServer(cfg, svc)
}

// newServer builds the server without checking svc (the OpenAPI test lists
// the routes of a server without services).
func newServer(cfg Config, svc Services) (*Server, error) {
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = 1 << 20
	}
	if cfg.MaxUploadBytes == 0 {
		cfg.MaxUploadBytes = 16 << 20
	}
	if cfg.MaxVerifications <= 0 {
		cfg.MaxVerifications = 8
	}
	if cfg.MaxBodyBytes < 0 || cfg.MaxUploadBytes < 0 {
		return nil, fmt.Errorf("httpapi: negative body limit (%d, %d)", cfg.MaxBodyBytes, cfg.MaxUploadBytes)
	}
	pg, err := loadPages()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, store: svc.Store, issuer: svc.Issuer, verifier: svc.Verifier, log: svc.Log, metrics: newMetrics(), pages: pg,
		reading: make(chan struct{}, 4*cfg.MaxVerifications), verifying: make(chan struct{}, cfg.MaxVerifications), downloads: credentialDownloads(), annotators: svc.Annotators,
		statusStore: svc.Status, statusSigner: svc.StatusSigner, lists: &statusLists{cache: map[string]cachedList{}},
		certs: svc.Certificates, batches: svc.Batches, teachhub: svc.TeachHub, accounts: svc.Accounts, sso: svc.SSO,
		secured: newDocCache(4096), linkedInOrg: cfg.LinkedInOrganizationID,
		outbox: svc.Outbox, mailer: svc.Mailer, keys: svc.Keys, programDocs: svc.ProgramDocuments, delivery: svc.Delivery, org: svc.Organization}
	if s.certs != nil {
		s.certs = timedCertificates{Certificates: s.certs, m: s.metrics}
	}
	s.stacking = svc.Stacking
	if cv, ok := svc.Verifier.(CLRVerifier); ok {
		s.clrVerifier = cv
	}
	if s.stacking != nil {
		s.downloads = append(s.downloads, Download{Label: lang.StackDownloadCLR, Path: "clr.json"})
	}
	if src, ok := svc.Store.(StatsSource); ok { // the registry's counts, read at scrape time
		rc := newRegistryCollector(src, 2*time.Second)
		if svc.Now != nil {
			rc.now = svc.Now
		}
		s.metrics.reg.MustRegister(rc)
	}
	s.limits = cfg.Limits.withDefaults()
	s.verifyRate = newLimiter(s.limits.VerifyPerMinute, s.limits.VerifyBurst, s.limits.MaxClients, s.now)
	s.uploadRate = newLimiter(s.limits.UploadPerMinute, s.limits.UploadBurst, s.limits.MaxClients, s.now)
	s.uploads = &slots{max: s.limits.UploadsPerUser, n: map[string]int{}}
	gin.SetMode(gin.ReleaseMode)
	e := gin.New()
	if err := e.SetTrustedProxies(cfg.TrustedProxies); err != nil {
		return nil, fmt.Errorf("trusted proxies: %w", err)
	}
	e.HandleMethodNotAllowed = true
	if err := e.SetTrustedProxies(cfg.TrustedProxies); err != nil {
		return nil, fmt.Errorf("httpapi: trusted proxies: %w", err)
	}
	s.cop = http.NewCrossOriginProtection()
	if base := originOf(svc.Issuer.Identity().BaseURL); base != "" {
		if err := s.cop.AddTrustedOrigin(base); err != nil {
			return nil, fmt.Errorf("httpapi: public URL as an origin: %w", err)
		}
	}
	e.ContextWithFallback = true
	e.Use(withRequestID(), s.accessLog(), s.recovery(), s.refreshOrg())
	e.NoRoute(func(c *gin.Context) {
		s.fail(c, credential.Errorf(credential.CodeNotFound, "no such endpoint: %s %s", c.Request.Method, c.Request.URL.Path))
	})
	e.NoMethod(func(c *gin.Context) {
		s.fail(c, credential.Errorf(credential.CodeMethodNotAllowed, "%s is not allowed on %s (allowed: %s)", c.Request.Method, c.Request.URL.Path, c.Writer.Header().Get("Allow")))
	})
	s.engine = e
	s.routes()
	return s, nil
}

func (s *Server) now() time.Time {
	if s.cfg.Now != nil {
		return s.cfg.Now()
	}
	return time.Now()
}

// Handler returns the server as an http.Handler.
func (s *Server) Handler() http.Handler { return s.engine }

func (s *Server) routes() {
	e := s.engine
	small := s.limitBody(s.cfg.MaxBodyBytes)
	e.GET("/healthz", s.healthz)
	e.GET("/readyz", s.readyz)
	if !s.cfg.MetricsElsewhere {
		e.GET("/metrics", s.metricsAuth(), gin.WrapH(s.metrics.handler()))
	}
	e.GET("/openapi.yaml", s.openapi)
	e.GET("/.well-known/jwks.json", s.jwks)
	e.GET("/.well-known/did.json", s.didDocument)
	e.GET("/issuer", s.issuerProfile)
	e.GET("/issuer/keys/:kid", s.publicKey)
	e.GET("/achievements/:regno/:version", s.achievement)
	e.GET("/frameworks/nqf-kz", s.nqfFramework)
	e.GET("/", s.home)
	e.GET("/favicon.svg", s.favicon)
	e.GET("/favicon.ico", func(c *gin.Context) { c.Redirect(http.StatusMovedPermanently, "/favicon.svg") })
	e.GET("/verify", s.verifyPage)
	e.GET("/c/:id", s.credentialPage)
	e.HEAD("/c/:id", s.credentialPage) // net/http drops the body of a HEAD answer
	e.GET("/c/:id/credential.jwt", s.credentialJWT)
	e.GET("/c/:id/credential.json", s.credentialJSON)
	verifyLimit := s.limitVerify()
	e.GET("/api/v1/verify/:id", verifyLimit, s.verifyByID)
	// The form may carry a phone photo larger than any credential: it is
	// recognized from its first bytes; every other body is capped at
	// verifyBodyLimit by the handler.
	e.POST("/api/v1/verify", verifyLimit, s.limitBody(max(verifyBodyLimit, s.cfg.MaxUploadBytes)), s.verifyPosted)

	api := e.Group("/api/v1")
	viewer, registrar := s.authenticate(credential.RoleViewer), s.authenticate(credential.RoleRegistrar)
	api.POST("/programs", registrar, small, s.createProgram)
	api.GET("/programs", viewer, s.listPrograms)
	api.GET("/programs/:regno", viewer, s.getProgram)
	api.PATCH("/programs/:regno", registrar, small, s.updateProgram)
	api.GET("/programs/:regno/documents/:file", viewer, s.programDocument)
	api.POST("/credentials", registrar, small, s.issueCredential)
	api.GET("/credentials", viewer, s.listCredentials)
	api.GET("/credentials/:id", viewer, s.getCredential)
	s.mailRoutes(api, registrar, small)
	s.statusRoutes(api)
	s.batchRoutes(api)
	s.teachhubRoutes(api)
	s.stackingRoutes(api)
	s.documentRoutes()
	s.accountRoutes(api)
	s.organizationRoutes(api)
	s.consoleRoutes()
	s.catalogRoutes()
	s.holderRoutes()
	s.walletRoutes()
}

// MetricsHandler serves the Prometheus metrics, for a listener of their
// own (Config.MetricsElsewhere).
func (s *Server) MetricsHandler() http.Handler { return s.metrics.handler() }

// BodyTimeout is how long reading one request may take, body included
// (uploads get longer: Limits.UploadBodyTimeout).
func (s *Server) BodyTimeout() time.Duration { return s.limits.BodyTimeout }

// metricsAuth guards /metrics on the public listener: the metrics token
// when one is configured, else an admin token.
func (s *Server) metricsAuth() gin.HandlerFunc {
	if s.cfg.MetricsToken == "" {
		return s.authenticate(credential.RoleAdmin)
	}
	want := sha256.Sum256([]byte(s.cfg.MetricsToken))
	return func(c *gin.Context) {
		tok, _ := bearerToken(c.GetHeader("Authorization"))
		got := sha256.Sum256([]byte(tok))
		if subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
			c.Header("WWW-Authenticate", `Bearer realm="tanu-metrics"`)
			s.fail(c, credential.Errorf(credential.CodeUnauthorized, "/metrics needs the metrics token: Authorization: Bearer <token>"))
			return
		}
		c.Next()
	}
}

// Serve runs the server on ln until ctx ends, then shuts down gracefully
// within grace; reading a request may take DefaultLimits.BodyTimeout.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger, grace time.Duration) error {
	return ServeWith(ctx, ln, h, log, grace, 0)
}

// ServeWith is Serve with the time reading one request may take, body
// included (0: DefaultLimits.BodyTimeout). Routes may extend it (uploads).
func ServeWith(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger, grace, readTimeout time.Duration) error {
	if readTimeout <= 0 {
		readTimeout = DefaultLimits.BodyTimeout
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       readTimeout,
		WriteTimeout:      5 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("http: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down", slog.Duration("grace", grace))
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("http shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// favicon is a check mark in a disc, in the pages' brand colour.
func (s *Server) favicon(c *gin.Context) {
	c.Header("Cache-Control", "public, max-age=86400")
	c.Data(http.StatusOK, "image/svg+xml", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="15" fill="#1f3a93"/><path d="M9 16.5l5 5 9-11" fill="none" stroke="#fff" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/></svg>`))
}

func (s *Server) healthz(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"status": "ok"}) }

func (s *Server) readyz(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 2*time.Second)
	defer cancel()
	checks := gin.H{}
	ok := true
	if err := s.store.Ping(ctx); err != nil {
		// The cause (user, host, port of the database) goes to the log only.
		s.log.WarnContext(ctx, "readiness: database unreachable", slog.String("request_id", requestID(c)), slog.Any("error", err))
		checks["database"], ok = string(credential.CodeUnavailable), false
	} else {
		checks["database"] = "ok"
	}
	if s.cfg.Ready != nil {
		if err := s.cfg.Ready(ctx); err != nil {
			s.log.WarnContext(ctx, "readiness: keys", slog.String("request_id", requestID(c)), slog.Any("error", err))
			checks["keys"], ok = string(credential.CodeUnavailable), false
		} else {
			checks["keys"] = "ok"
		}
	}
	status := http.StatusOK
	if !ok {
		status = http.StatusServiceUnavailable
	}
	c.JSON(status, gin.H{"ready": ok, "checks": checks})
}

// publicKeys returns every key published for the issuer, as JWKs whose kid
// is the key's URL.
func (s *Server) publicKeys(ctx context.Context) ([]jose.JSONWebKey, error) {
	return s.store.PublishedJWKs(ctx, s.issuer.Identity().KeyURL)
}

func (s *Server) jwks(c *gin.Context) {
	keys, err := s.publicKeys(c.Request.Context())
	if err != nil {
		s.fail(c, err)
		return
	}
	// Each key twice: under its key URL (the kid of credentials signed
	// before the DID) and under its DID URL (the kid since), so a JOSE
	// library matches either kid in the set.
	id := s.issuer.Identity()
	out := make([]jose.JSONWebKey, 0, 2*len(keys))
	for _, k := range keys {
		out = append(out, k)
		if tp, ok := id.KeyThumbprint(k.KeyID); ok {
			k.KeyID = id.VerificationMethod(tp)
			out = append(out, k)
		}
	}
	c.Header("Cache-Control", "public, max-age=300")
	c.JSON(http.StatusOK, jose.JSONWebKeySet{Keys: out})
}

func (s *Server) publicKey(c *gin.Context) {
	keys, err := s.publicKeys(c.Request.Context())
	if err != nil {
		s.fail(c, err)
		return
	}
	want := s.issuer.Identity().KeyURL(c.Param("kid"))
	for _, k := range keys {
		if k.KeyID == want {
			b, err := k.MarshalJSON()
			if err != nil {
				s.fail(c, err)
				return
			}
			c.Header("Cache-Control", "public, max-age=3600")
			c.Data(http.StatusOK, "application/jwk+json", b)
			return
		}
	}
	s.fail(c, credential.Errorf(credential.CodeNotFound, "no published key %s", c.Param("kid")))
}

// didDocument serves the did:web document: every published key (retired
// ones too, so what they signed still verifies) as a verification method
// under assertionMethod. Ed25519 keys are Multikeys (publicKeyMultibase),
// as Data Integrity verifiers read them; the others JsonWebKey2020.
func (s *Server) didDocument(c *gin.Context) {
	keys, err := s.publicKeys(c.Request.Context())
	if err != nil {
		s.fail(c, err)
		return
	}
	id := s.issuer.Identity()
	did := id.DID()
	vms := []gin.H{}
	refs := []string{}
	for _, k := range keys {
		tp, ok := id.KeyThumbprint(k.KeyID)
		if !ok {
			continue
		}
		vmID := id.VerificationMethod(tp)
		if pub, ok := k.Key.(ed25519.PublicKey); ok {
			vms = append(vms, gin.H{"id": vmID, "type": "Multikey", "controller": did, "publicKeyMultibase": dataintegrity.MultikeyEd25519(pub)})
		} else {
			k.KeyID = ""
			vms = append(vms, gin.H{"id": vmID, "type": "JsonWebKey2020", "controller": did, "publicKeyJwk": k})
		}
		refs = append(refs, vmID)
	}
	c.Header("Cache-Control", "public, max-age=300")
	c.JSON(http.StatusOK, gin.H{
		"@context":           []string{"https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1", "https://w3id.org/security/suites/jws-2020/v1"},
		"id":                 did,
		"alsoKnownAs":        []string{id.ProfileURL()},
		"verificationMethod": vms,
		"assertionMethod":    refs,
	})
}

// issuerProfile serves the issuer's Profile: id its DID, one name (in the
// default language; the three names in the description), the Profile URL
// of earlier credentials as another identifier.
func (s *Server) issuerProfile(c *gin.Context) {
	id := s.issuer.Identity()
	p := id.Profile()
	out := gin.H{
		"@context": []string{credential.ContextVC2, credential.ContextOB3},
		"id":       p.ID, "type": p.Type, "name": p.Name,
		"description": strings.Join(nonEmpty(id.Name.Get("kk"), id.Name.Get("ru"), id.Name.Get("en")), " · "),
		"otherIdentifier": []credential.IdentifierEntry{
			{Type: "IdentifierEntry", Identifier: id.DID(), IdentifierType: "identifier"},
			{Type: "IdentifierEntry", Identifier: id.ProfileURL(), IdentifierType: "identifier"},
		},
	}
	if p.URL != "" {
		out["url"] = p.URL
	}
	if p.Email != "" {
		out["email"] = p.Email
	}
	c.JSON(http.StatusOK, out)
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
