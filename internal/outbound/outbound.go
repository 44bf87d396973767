// Package outbound is tanu's one HTTP client for fetches made on behalf of
// whoever sent a request (other issuers' key sets and status lists, fetched
// while verifying a credential posted by anyone). It
//
//   - refuses every address that is not public unicast (loopback, private,
//     link-local, multicast, unique-local, unspecified, carrier-grade NAT,
//     reserved, and the IPv4-mapped, NAT64 and 6to4 forms of those), checked
//     at dial time on the address actually dialled, after DNS resolution,
//     so neither a URL naming an internal host nor DNS rebinding gets in;
//   - speaks https only, never uses a proxy from the environment, and
//     follows a redirect only to the same origin (at most three);
//   - bounds each fetch in time and size, and the fetches in flight, in all
//     and per host;
//   - reports every failure to its caller as ErrUnreachable ("could not
//     reach the issuer"), logging the details (address, status, cause).
package outbound

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// ErrUnreachable is what every failed fetch is, as its caller sees it.
var ErrUnreachable = errors.New("could not reach the issuer")

// Defaults of Config.
const (
	DefaultTimeout     = 5 * time.Second
	DefaultMaxInFlight = 16
	DefaultMaxPerHost  = 2
	DefaultMaxBytes    = 256 << 10
	maxRedirects       = 3
)

// Resolver resolves host names; *net.Resolver is one.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// Config configures a Client. The zero value is safe for production.
type Config struct {
	// Timeout bounds one fetch, waiting for a slot included (default 5 s).
	Timeout time.Duration
	// MaxInFlight bounds the fetches in flight (default 16).
	MaxInFlight int
	// MaxPerHost bounds the fetches in flight to one host (default 2).
	MaxPerHost int
	// Log receives the details of failures (default: discarded).
	Log *slog.Logger
	// RootCAs replaces the system's roots (tests).
	RootCAs *x509.CertPool

	// Resolver replaces the system resolver (tests).
	Resolver Resolver
	// Permit lets an otherwise refused address through. Tests only: it is
	// how a test server on 127.0.0.1 is reached.
	Permit func(netip.AddrPort) bool
	// Rewrite changes the address dialled after the guard approved the
	// resolved one. Tests only: it sends what would reach another machine
	// to a test server on 127.0.0.1 instead, so a test can prove a refusal
	// without ever contacting another address.
	Rewrite func(netip.AddrPort) netip.AddrPort
	// AllowHTTP permits plain http URLs. Tests only.
	AllowHTTP bool
}

// Client fetches documents from other hosts. It is safe for concurrent use.
type Client struct {
	cfg  Config
	http *http.Client
	log  *slog.Logger
	all  chan struct{}

	mu    sync.Mutex
	hosts map[string]*hostSlots
}

type hostSlots struct {
	ch    chan struct{}
	users int
}

// New returns a client.
func New(cfg Config) *Client {
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxInFlight <= 0 {
		cfg.MaxInFlight = DefaultMaxInFlight
	}
	if cfg.MaxPerHost <= 0 {
		cfg.MaxPerHost = DefaultMaxPerHost
	}
	if cfg.Resolver == nil {
		cfg.Resolver = net.DefaultResolver
	}
	c := &Client{cfg: cfg, log: cfg.Log, all: make(chan struct{}, cfg.MaxInFlight), hosts: map[string]*hostSlots{}}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	tr := &http.Transport{
		Proxy:                  nil, // never: a proxy would dial for us, past the guard
		DialContext:            c.dial,
		TLSClientConfig:        &tls.Config{RootCAs: cfg.RootCAs, MinVersion: tls.VersionTLS12},
		TLSHandshakeTimeout:    cfg.Timeout,
		ResponseHeaderTimeout:  cfg.Timeout,
		MaxIdleConns:           cfg.MaxInFlight,
		MaxIdleConnsPerHost:    1,
		IdleConnTimeout:        30 * time.Second,
		MaxResponseHeaderBytes: 32 << 10,
		ForceAttemptHTTP2:      true,
	}
	c.http = &http.Client{Transport: tr, Timeout: cfg.Timeout, CheckRedirect: c.checkRedirect}
	return c
}

// Response is a fetched document.
type Response struct {
	Body []byte
	// MaxAge is the response's Cache-Control max-age; -1 when it has none,
	// 0 for no-store or no-cache.
	MaxAge time.Duration
}

// Get fetches url (https only) and returns its body when it answers 200 OK
// within maxBytes (0: DefaultMaxBytes). Any failure is ErrUnreachable; the
// cause is logged.
func (c *Client) Get(ctx context.Context, rawURL, accept string, maxBytes int64) (*Response, error) {
	r, err := c.get(ctx, rawURL, accept, maxBytes)
	if err != nil {
		c.log.WarnContext(ctx, "outbound fetch failed", slog.String("url", rawURL), slog.Any("error", err))
		return nil, ErrUnreachable
	}
	return r, nil
}

// Fetch is Get in the shape the verifier asks for.
func (c *Client) Fetch(ctx context.Context, rawURL, accept string, maxBytes int64) ([]byte, time.Duration, error) {
	r, err := c.Get(ctx, rawURL, accept, maxBytes)
	if err != nil {
		return nil, 0, err
	}
	return r.Body, r.MaxAge, nil
}

func (c *Client) get(ctx context.Context, rawURL, accept string, maxBytes int64) (*Response, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("parse URL: %w", err)
	}
	if err := c.checkURL(u); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	release, err := c.acquire(ctx, strings.ToLower(u.Hostname()))
	if err != nil {
		return nil, err
	}
	defer release()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	req.Header.Set("User-Agent", "tanu-verifier")
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("answered %s", resp.Status)
	}
	if resp.ContentLength > maxBytes {
		return nil, fmt.Errorf("document of %d bytes is over the limit of %d", resp.ContentLength, maxBytes)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(b)) > maxBytes {
		return nil, fmt.Errorf("document is over the limit of %d bytes", maxBytes)
	}
	return &Response{Body: b, MaxAge: MaxAge(resp.Header)}, nil
}

func (c *Client) checkURL(u *url.URL) error {
	switch {
	case u.Scheme == "https":
	case u.Scheme == "http" && c.cfg.AllowHTTP:
	default:
		return fmt.Errorf("scheme %q refused: https only", u.Scheme)
	}
	if u.Host == "" || u.User != nil {
		return errors.New("URL without a host, or with user information")
	}
	return nil
}

// checkRedirect follows same-origin redirects only.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return fmt.Errorf("more than %d redirects", maxRedirects)
	}
	first := via[0].URL
	if req.URL.Scheme != first.Scheme || !strings.EqualFold(req.URL.Host, first.Host) {
		return fmt.Errorf("redirect from %s to another origin %s refused", first, req.URL)
	}
	return c.checkURL(req.URL)
}

// acquire takes a slot in all fetches and one of host's.
func (c *Client) acquire(ctx context.Context, host string) (func(), error) {
	c.mu.Lock()
	hs := c.hosts[host]
	if hs == nil {
		hs = &hostSlots{ch: make(chan struct{}, c.cfg.MaxPerHost)}
		c.hosts[host] = hs
	}
	hs.users++
	c.mu.Unlock()
	done := func() {
		c.mu.Lock()
		if hs.users--; hs.users == 0 {
			delete(c.hosts, host)
		}
		c.mu.Unlock()
	}
	select {
	case hs.ch <- struct{}{}:
	case <-ctx.Done():
		done()
		return nil, fmt.Errorf("too many fetches in flight to %s: %w", host, ctx.Err())
	}
	select {
	case c.all <- struct{}{}:
	case <-ctx.Done():
		<-hs.ch
		done()
		return nil, fmt.Errorf("too many fetches in flight: %w", ctx.Err())
	}
	return func() { <-c.all; <-hs.ch; done() }, nil
}

// dial resolves addr's host, refuses what Allowed refuses, and dials the
// rest through a net.Dialer whose Control checks again the address
// actually dialled.
func (c *Client) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	host, portStr, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	port, err := strconv.ParseUint(portStr, 10, 16)
	if err != nil {
		return nil, fmt.Errorf("port %q: %w", portStr, err)
	}
	var ips []netip.Addr
	if ip, err := netip.ParseAddr(host); err == nil {
		ips = []netip.Addr{ip}
	} else {
		ips, err = c.cfg.Resolver.LookupNetIP(ctx, "ip", host)
		if err != nil {
			return nil, fmt.Errorf("resolve %s: %w", host, err)
		}
	}
	d := &net.Dialer{Timeout: c.cfg.Timeout, Control: c.control}
	var errs []error
	for _, ip := range ips {
		ap := netip.AddrPortFrom(ip, uint16(port))
		if err := c.check(ap); err != nil {
			errs = append(errs, err)
			continue
		}
		if c.cfg.Rewrite != nil {
			ap = c.cfg.Rewrite(ap)
		}
		conn, err := d.DialContext(ctx, network, ap.String())
		if err == nil {
			return conn, nil
		}
		errs = append(errs, err)
	}
	if len(errs) == 0 {
		return nil, fmt.Errorf("resolve %s: no address", host)
	}
	return nil, errors.Join(errs...)
}

// control runs on the socket about to connect: the last word.
func (c *Client) control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("refused address %q: %w", address, err)
	}
	return c.check(ap)
}

func (c *Client) check(ap netip.AddrPort) error {
	if Allowed(ap.Addr()) || (c.cfg.Permit != nil && c.cfg.Permit(ap)) {
		return nil
	}
	return fmt.Errorf("address %s refused: not a public address", ap)
}

// refused are ranges no fetch may reach, besides those the netip
// predicates name (loopback, private, link-local, multicast, unspecified).
var refused = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, broadcast
	netip.MustParsePrefix("::/96"),           // IPv4-compatible (deprecated)
	netip.MustParsePrefix("100::/64"),        // discard
	netip.MustParsePrefix("2001::/32"),       // Teredo
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("fec0::/10"),       // site-local (deprecated)
}

var (
	nat64  = netip.MustParsePrefix("64:ff9b::/96")
	nat64L = netip.MustParsePrefix("64:ff9b:1::/48")
	sixTo4 = netip.MustParsePrefix("2002::/16")
)

// Allowed reports whether ip is a public unicast address a fetch may reach.
// IPv4-mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4
// (2002:aabb:ccdd::) addresses are judged by the IPv4 address they carry.
func Allowed(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.Zone() != "" {
		return false
	}
	if ip.Is6() {
		b := ip.As16()
		switch {
		case nat64.Contains(ip):
			return Allowed(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}))
		case nat64L.Contains(ip):
			return false
		case sixTo4.Contains(ip):
			return Allowed(netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}))
		}
	}
	if ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() || !ip.IsGlobalUnicast() {
		return false
	}
	for _, p := range refused {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// MaxAge reads Cache-Control: max-age in h; -1 when absent, 0 for no-store
// or no-cache.
func MaxAge(h http.Header) time.Duration {
	age := time.Duration(-1)
	for _, v := range h.Values("Cache-Control") {
		for _, d := range strings.Split(v, ",") {
			d = strings.ToLower(strings.TrimSpace(d))
			switch {
			case d == "no-store" || d == "no-cache":
				return 0
			case strings.HasPrefix(d, "max-age="):
				n, err := strconv.ParseInt(strings.Trim(d[len("max-age="):], `"`), 10, 64)
				if err == nil && n >= 0 {
					if n > 1<<31 {
						n = 1 << 31
					}
					age = time.Duration(n) * time.Second
				}
			}
		}
	}
	return age
}
