// Package notify e-mails holders about their credentials: messages queued
// in the outbox with the credential are claimed by background senders on
// every instance and sent through SMTP, with retries, backoff and a
// per-minute rate limit.
package notify

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	gomail "github.com/wneessen/go-mail"

	"github.com/tanu-edu/tanu/credential"
)

// NotConfigured is the reason stored on messages when no SMTP server is
// configured.
const NotConfigured = "SMTP not configured (TANU_SMTP_URL)"

// Outbox is what the sender needs from the registry.
type Outbox interface {
	ClaimMessages(ctx context.Context, owner string, n int, lease time.Duration) ([]credential.Message, error)
	MessageSent(ctx context.Context, id int64, owner string) (bool, error)
	RetryMessage(ctx context.Context, id int64, owner string, next time.Time, reason string) (bool, error)
	GiveUpMessage(ctx context.Context, id int64, owner, state, reason string) (bool, error)
	Credential(ctx context.Context, id string) (*credential.Record, error)
	Program(ctx context.Context, regno string, version int) (*credential.Program, error)
}

// Transport delivers one message.
type Transport interface {
	Send(ctx context.Context, m *gomail.Msg) error
}

// Config configures the sender.
type Config struct {
	// SMTPURL is smtp://user:pass@host:port?tls=starttls|tls|none; empty
	// means messages are marked skipped.
	SMTPURL string
	// From is the sender address (required with SMTPURL).
	From string
	// PerMinute caps the messages this instance sends a minute (default 60).
	PerMinute int
	// MaxAttempts is how often a message is tried before it fails (default 8).
	MaxAttempts int
	// Backoff is the wait after the first failed attempt, doubled after
	// each next one up to MaxBackoff (defaults 1 minute and 6 hours).
	Backoff, MaxBackoff time.Duration
	// Poll is how often an idle sender looks for due messages (default 5 s).
	Poll time.Duration
	// Lease is how long a claimed message stays with its sender (default
	// 2 minutes); a sender that dies releases it when the lease runs out.
	Lease time.Duration
	// Timeout bounds one SMTP conversation (default 30 s).
	Timeout time.Duration
	// AttachPDF attaches the PDF certificate to the message about an
	// issued credential; otherwise (the default) the message links to it.
	AttachPDF bool
}

// PDFFunc renders a credential's PDF certificate in a language.
type PDFFunc func(ctx context.Context, w io.Writer, rec *credential.Record, lang string) error

// WithPDF sets the renderer of the attached certificates (Config.AttachPDF).
func WithPDF(f PDFFunc) Option { return func(s *Sender) { s.pdf = f } }

// Sender sends the outbox's messages.
type Sender struct {
	cfg   Config
	out   Outbox
	tr    Transport
	base  string
	org   credential.Text
	log   *slog.Logger
	now   func() time.Time
	owner string
	wake  chan struct{}

	mu   sync.Mutex
	next time.Time // rate limit: when the next message may go
	pdf  PDFFunc
}

// Option configures a Sender.
type Option func(*Sender)

// WithClock sets the clock.
func WithClock(now func() time.Time) Option { return func(s *Sender) { s.now = now } }

// WithTransport replaces the SMTP transport.
func WithTransport(t Transport) Option { return func(s *Sender) { s.tr = t } }

// New returns a sender for the issuer at base (its public URL) named org.
func New(out Outbox, cfg Config, base string, org credential.Text, log *slog.Logger, opts ...Option) (*Sender, error) {
	if cfg.PerMinute <= 0 {
		cfg.PerMinute = 60
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = 8
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = time.Minute
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = 6 * time.Hour
	}
	if cfg.Poll <= 0 {
		cfg.Poll = 5 * time.Second
	}
	if cfg.Lease <= 0 {
		cfg.Lease = 2 * time.Minute
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	s := &Sender{cfg: cfg, out: out, base: strings.TrimRight(base, "/"), org: org, log: log, now: time.Now,
		owner: "mail-" + uuid.NewString(), wake: make(chan struct{}, 1)}
	if cfg.SMTPURL != "" {
		smtp, err := ParseSMTPURL(cfg.SMTPURL)
		if err != nil {
			return nil, err
		}
		if cfg.From == "" {
			return nil, errors.New("config: TANU_SMTP_FROM is required with TANU_SMTP_URL")
		}
		s.tr = &smtpTransport{cfg: smtp, timeout: cfg.Timeout}
	}
	for _, o := range opts {
		o(s)
	}
	return s, nil
}

// Configured reports whether messages are sent (rather than skipped).
func (s *Sender) Configured() bool { return s.tr != nil }

// Wake makes an idle sender look for due messages now.
func (s *Sender) Wake() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Run sends due messages until ctx ends.
func (s *Sender) Run(ctx context.Context) error {
	t := time.NewTicker(s.cfg.Poll)
	defer t.Stop()
	for {
		n, err := s.Drain(ctx)
		if err != nil && ctx.Err() == nil {
			s.log.Warn("mail: outbox", "err", err)
		}
		if n > 0 {
			continue
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		case <-s.wake:
		}
	}
}

// Drain claims and handles one round of due messages and returns how many.
func (s *Sender) Drain(ctx context.Context) (int, error) {
	// Claim no more than can be sent, at the rate limit and with every
	// conversation taking its whole timeout, before the lease runs out:
	// otherwise another instance could take a message over and send it too.
	gap := time.Minute / time.Duration(s.cfg.PerMinute)
	batch := max(1, min(10, int(s.cfg.Lease/(gap+s.cfg.Timeout))))
	ms, err := s.out.ClaimMessages(ctx, s.owner, batch, s.cfg.Lease)
	if err != nil {
		return 0, err
	}
	for _, m := range ms {
		if err := s.handle(ctx, m); err != nil {
			return len(ms), err
		}
	}
	return len(ms), nil
}

// handle sends one claimed message and records the outcome.
func (s *Sender) handle(ctx context.Context, m credential.Message) error {
	if s.tr == nil {
		_, err := s.out.GiveUpMessage(ctx, m.ID, s.owner, credential.MessageSkipped, NotConfigured)
		return err
	}
	if m.Recipient == "" {
		_, err := s.out.GiveUpMessage(ctx, m.ID, s.owner, credential.MessageFailed, "no address")
		return err
	}
	msg, err := s.compose(ctx, m)
	if err != nil {
		return s.failed(ctx, m, err)
	}
	if err := s.wait(ctx); err != nil {
		return err
	}
	sctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
	err = s.tr.Send(sctx, msg)
	cancel()
	if err != nil {
		return s.failed(ctx, m, err)
	}
	if ok, err := s.out.MessageSent(ctx, m.ID, s.owner); err != nil || !ok {
		if err == nil {
			s.log.Warn("mail: lease lost before a sent message was recorded", "message", m.ID)
		}
		return err
	}
	s.log.Info("mail: sent", "message", m.ID, "credential", m.CredentialID, "attempt", m.Attempts)
	return nil
}

// failed retries m later or, after the last attempt or a permanent
// refusal, gives it up, keeping the server's answer.
func (s *Sender) failed(ctx context.Context, m credential.Message, cause error) error {
	reason := cause.Error()
	if len(reason) > 500 {
		reason = reason[:500]
	}
	if permanent(cause) || m.Attempts >= s.cfg.MaxAttempts {
		s.log.Warn("mail: given up", "message", m.ID, "credential", m.CredentialID, "attempts", m.Attempts, "err", reason)
		_, err := s.out.GiveUpMessage(ctx, m.ID, s.owner, credential.MessageFailed, reason)
		return err
	}
	wait := s.cfg.Backoff
	for i := 1; i < m.Attempts && wait < s.cfg.MaxBackoff; i++ {
		wait *= 2
	}
	wait = min(wait, s.cfg.MaxBackoff)
	s.log.Info("mail: will retry", "message", m.ID, "attempt", m.Attempts, "in", wait, "err", reason)
	_, err := s.out.RetryMessage(ctx, m.ID, s.owner, s.now().Add(wait), reason)
	return err
}

// wait holds until the rate limit lets the next message go.
func (s *Sender) wait(ctx context.Context) error {
	gap := time.Minute / time.Duration(s.cfg.PerMinute)
	s.mu.Lock()
	now := time.Now()
	at := s.next
	if at.Before(now) {
		at = now
	}
	s.next = at.Add(gap)
	s.mu.Unlock()
	if d := at.Sub(now); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
	return nil
}

// compose renders m for its credential.
func (s *Sender) compose(ctx context.Context, m credential.Message) (*gomail.Msg, error) {
	l, err := s.letter(ctx, m)
	if err != nil {
		return nil, err
	}
	msg := gomail.NewMsg()
	if err := msg.From(s.cfg.From); err != nil {
		return nil, fmt.Errorf("from address: %w", err)
	}
	if err := msg.To(m.Recipient); err != nil {
		return nil, fmt.Errorf("recipient: %w", err)
	}
	msg.Subject(l.Subject)
	// A stable Message-ID per outbox message lets a receiving server drop a
	// copy sent again after a sender died between sending and recording.
	host := strings.TrimPrefix(strings.TrimPrefix(s.base, "https://"), "http://")
	if i := strings.IndexAny(host, ":/"); i >= 0 {
		host = host[:i]
	}
	msg.SetMessageIDWithValue(fmt.Sprintf("outbox-%d-%s@%s", m.ID, cmp.Or(m.CredentialID, m.Purpose), host))
	msg.SetGenHeader(gomail.HeaderContentLang, m.Language)
	msg.SetBodyString(gomail.TypeTextPlain, l.Text)
	msg.AddAlternativeString(gomail.TypeTextHTML, l.HTML)
	if s.cfg.AttachPDF && s.pdf != nil && m.Purpose == credential.PurposeIssued {
		rec, err := s.out.Credential(ctx, m.CredentialID)
		if err != nil {
			return nil, err
		}
		var pdf bytes.Buffer
		if err := s.pdf(ctx, &pdf, rec, m.Language); err != nil {
			return nil, fmt.Errorf("attach the certificate: %w", err)
		}
		name := fmt.Sprintf("certificate-%d.pdf", rec.CertificateNumber)
		if err := msg.AttachReader(name, &pdf, gomail.WithFileContentType(gomail.TypeAppOctetStream)); err != nil {
			return nil, fmt.Errorf("attach the certificate: %w", err)
		}
	}
	return msg, nil
}

// letter renders m: the message about an issued credential, or one of the
// holder's page (a sign-in link, a wallet's transaction code).
func (s *Sender) letter(ctx context.Context, m credential.Message) (*Letter, error) {
	if m.Purpose == credential.PurposeSignIn || m.Purpose == credential.PurposeTxCode {
		return renderHolder(m, s.base, s.org)
	}
	rec, err := s.out.Credential(ctx, m.CredentialID)
	if err != nil {
		return nil, err
	}
	p, err := s.out.Program(ctx, rec.ProgramRegNo, rec.ProgramVersion)
	if err != nil {
		return nil, err
	}
	return render(m.Language, s.base, s.org, rec, p)
}
