package notify

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// SMTP is where messages are sent, from TANU_SMTP_URL:
// smtp://user:pass@host:port?tls=starttls|tls|none.
type SMTP struct {
	Host, User, Password string
	Port                 int
	// TLS is "starttls" (the default; required), "tls" (implicit TLS) or
	// "none".
	TLS string
}

// ParseSMTPURL reads an SMTP URL. The port defaults to 587 for starttls,
// 465 for tls and 25 for none.
func ParseSMTPURL(raw string) (*SMTP, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("smtp url: %w", err)
	}
	if u.Scheme != "smtp" && u.Scheme != "smtps" {
		return nil, fmt.Errorf("smtp url: scheme must be smtp or smtps, not %q", u.Scheme)
	}
	s := &SMTP{Host: u.Hostname(), TLS: u.Query().Get("tls")}
	if s.Host == "" {
		return nil, errors.New("smtp url: no host")
	}
	if s.TLS == "" {
		s.TLS = map[bool]string{true: "tls", false: "starttls"}[u.Scheme == "smtps"]
	}
	def := map[string]int{"starttls": 587, "tls": 465, "none": 25}
	p, ok := def[s.TLS]
	if !ok {
		return nil, fmt.Errorf("smtp url: tls must be starttls, tls or none, not %q", s.TLS)
	}
	if ps := u.Port(); ps != "" {
		if p, err = strconv.Atoi(ps); err != nil || p < 1 || p > 65535 {
			return nil, fmt.Errorf("smtp url: bad port %q", ps)
		}
	}
	s.Port = p
	if u.User != nil {
		s.User = u.User.Username()
		s.Password, _ = u.User.Password()
	}
	return s, nil
}

// String is the URL without its password.
func (s *SMTP) String() string {
	u := url.URL{Scheme: "smtp", Host: fmt.Sprintf("%s:%d", s.Host, s.Port), RawQuery: "tls=" + s.TLS}
	if s.User != "" {
		u.User = url.User(s.User)
	}
	return u.String()
}

// smtpTransport sends through one SMTP server, a connection per message.
type smtpTransport struct {
	cfg     *SMTP
	timeout time.Duration
}

func (t *smtpTransport) Send(ctx context.Context, m *gomail.Msg) error {
	opts := []gomail.Option{gomail.WithPort(t.cfg.Port), gomail.WithTimeout(t.timeout),
		gomail.WithTLSConfig(&tls.Config{ServerName: t.cfg.Host, MinVersion: tls.VersionTLS12})}
	switch t.cfg.TLS {
	case "tls":
		opts = append(opts, gomail.WithSSL())
	case "none":
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if t.cfg.User != "" {
		// Over TLS the strongest mechanism the server offers; without TLS
		// (tls=none, a relay on a trusted network) PLAIN, as asked.
		auth := gomail.SMTPAuthAutoDiscover
		if t.cfg.TLS == "none" {
			auth = gomail.SMTPAuthPlainNoEnc
		}
		opts = append(opts, gomail.WithSMTPAuth(auth),
			gomail.WithUsername(t.cfg.User), gomail.WithPassword(t.cfg.Password))
	}
	c, err := gomail.NewClient(t.cfg.Host, opts...)
	if err != nil {
		return fmt.Errorf("smtp client: %w", err)
	}
	return c.DialAndSendWithContext(ctx, m)
}

// permanent reports whether the server refused for good (a 5xx answer).
func permanent(err error) bool {
	var se *gomail.SendError
	if errors.As(err, &se) {
		code := se.ErrorCode()
		return code >= 500 && code < 600
	}
	return false
}
