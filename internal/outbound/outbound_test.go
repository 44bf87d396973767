package outbound_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/internal/outbound"
)

// fakeDNS maps host names to addresses; nothing is ever asked of a real
// resolver.
type fakeDNS map[string][]string

func (f fakeDNS) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	var out []netip.Addr
	for _, s := range f[host] {
		out = append(out, netip.MustParseAddr(s))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no such host %s", host)
	}
	return out, nil
}

// target is a test server on 127.0.0.1 counting what reaches it.
type target struct {
	srv  *httptest.Server
	ap   netip.AddrPort
	hits atomic.Int64
}

func newTarget(t *testing.T, h http.HandlerFunc) *target {
	tg := &target{}
	tg.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tg.hits.Add(1)
		h(w, r)
	}))
	t.Cleanup(tg.srv.Close)
	tg.ap = netip.MustParseAddrPort(strings.TrimPrefix(tg.srv.URL, "http://"))
	return tg
}

// client returns a client whose every approved dial goes to tg (the
// Rewrite hook) and which lets only tg's own address through the guard
// (the Permit hook): a refusal is proved by tg receiving nothing, and no
// other machine is ever contacted.
func client(tg *target, dns fakeDNS, log *slog.Logger) *outbound.Client {
	return outbound.New(outbound.Config{
		Resolver:  dns,
		AllowHTTP: true,
		Log:       log,
		Permit:    func(ap netip.AddrPort) bool { return ap == tg.ap },
		Rewrite:   func(netip.AddrPort) netip.AddrPort { return tg.ap },
	})
}

func TestRefusesInternalAddresses(t *testing.T) {
	tg := newTarget(t, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "secret internal page") })
	var logBuf bytes.Buffer
	c := client(tg, nil, slog.New(slog.NewTextHandler(&logBuf, nil)))
	// Logical addresses use port 80; only tg's own address (another port)
	// is permitted, so the hooks cannot excuse a refusal.
	const port = 80
	refused := []string{
		"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
		"100.64.0.1", "0.0.0.0", "0.1.2.3", "224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1",
		"198.18.0.1", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "fec0::1",
		"::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a00:1", "64:ff9b::7f00:1",
		"2002:7f00:1::1", "2002:c0a8:101::1", "::127.0.0.1", "2001:db8::1",
	}
	for _, ip := range refused {
		t.Run(ip, func(t *testing.T) {
			before := tg.hits.Load()
			// As a name resolving to ip (what DNS rebinding produces)…
			dns := fakeDNS{"issuer.test": {ip}}
			cn := client(tg, dns, nil)
			_, err := cn.Get(context.Background(), fmt.Sprintf("http://issuer.test:%d/jwks.json", port), "", 0)
			if !errors.Is(err, outbound.ErrUnreachable) || err.Error() != "could not reach the issuer" {
				t.Fatalf("name → %s: err %v", ip, err)
			}
			// …and as a literal address.
			host := ip
			if strings.Contains(ip, ":") {
				host = "[" + ip + "]"
			}
			_, err = c.Get(context.Background(), fmt.Sprintf("http://%s:%d/", host, port), "", 0)
			if !errors.Is(err, outbound.ErrUnreachable) {
				t.Fatalf("literal %s: err %v", ip, err)
			}
			if n := tg.hits.Load() - before; n != 0 {
				t.Fatalf("%s reached the server %d times", ip, n)
			}
		})
	}
	if strings.Contains(logBuf.String(), "secret") || !strings.Contains(logBuf.String(), "not a public address") {
		t.Fatalf("log: %s", logBuf.String())
	}
	// The positive control: a public address (rewritten to the test server,
	// never contacted) passes the guard.
	cn := client(tg, fakeDNS{"issuer.test": {"8.8.8.8"}}, nil)
	r, err := cn.Get(context.Background(), fmt.Sprintf("http://issuer.test:%d/", port), "", 0)
	if err != nil || string(r.Body) != "secret internal page" || tg.hits.Load() != 1 {
		t.Fatalf("public address: %v hits %d", err, tg.hits.Load())
	}
}

// TestUnpermittedLoopback: without the test hooks, the real dialler's
// Control refuses the test server itself.
func TestUnpermittedLoopback(t *testing.T) {
	tg := newTarget(t, func(w http.ResponseWriter, r *http.Request) {})
	c := outbound.New(outbound.Config{AllowHTTP: true})
	for _, u := range []string{tg.srv.URL, strings.Replace(tg.srv.URL, "127.0.0.1", "localhost", 1), strings.Replace(tg.srv.URL, "127.0.0.1", "[::ffff:127.0.0.1]", 1)} {
		if _, err := c.Get(context.Background(), u, "", 0); !errors.Is(err, outbound.ErrUnreachable) {
			t.Fatalf("%s: %v", u, err)
		}
	}
	if tg.hits.Load() != 0 {
		t.Fatalf("loopback reached %d times", tg.hits.Load())
	}
	// https only unless AllowHTTP.
	strict := outbound.New(outbound.Config{Permit: func(netip.AddrPort) bool { return true }})
	if _, err := strict.Get(context.Background(), tg.srv.URL, "", 0); err == nil || tg.hits.Load() != 0 {
		t.Fatalf("plain http fetched: %v", err)
	}
}

// TestRebinding: the guard runs at every dial, on the address resolved
// then, not on an earlier answer.
func TestRebinding(t *testing.T) {
	tg := newTarget(t, func(w http.ResponseWriter, r *http.Request) { w.Header().Set("Connection", "close") })
	var n atomic.Int64
	dns := rebinder{n: &n}
	c := outbound.New(outbound.Config{Resolver: dns, AllowHTTP: true,
		Permit:  func(ap netip.AddrPort) bool { return ap == tg.ap },
		Rewrite: func(netip.AddrPort) netip.AddrPort { return tg.ap }})
	u := "http://rebind.test/"
	if _, err := c.Get(context.Background(), u, "", 0); err != nil {
		t.Fatalf("first (public) answer: %v", err)
	}
	if _, err := c.Get(context.Background(), u, "", 0); !errors.Is(err, outbound.ErrUnreachable) {
		t.Fatalf("second (loopback) answer: %v", err)
	}
	if tg.hits.Load() != 1 {
		t.Fatalf("hits %d", tg.hits.Load())
	}
}

type rebinder struct{ n *atomic.Int64 }

func (r rebinder) LookupNetIP(context.Context, string, string) ([]netip.Addr, error) {
	if r.n.Add(1) == 1 {
		return []netip.Addr{netip.MustParseAddr("8.8.4.4")}, nil
	}
	return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
}

func TestRedirects(t *testing.T) {
	other := newTarget(t, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "elsewhere") })
	tg := newTarget(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/same":
			http.Redirect(w, r, "/final", http.StatusFound)
		case "/final":
			fmt.Fprint(w, "final")
		case "/cross":
			http.Redirect(w, r, other.srv.URL+"/x", http.StatusFound)
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		}
	})
	c := outbound.New(outbound.Config{AllowHTTP: true, Permit: func(ap netip.AddrPort) bool { return ap == tg.ap || ap == other.ap }})
	r, err := c.Get(context.Background(), tg.srv.URL+"/same", "", 0)
	if err != nil || string(r.Body) != "final" {
		t.Fatalf("same-origin redirect: %v", err)
	}
	if _, err := c.Get(context.Background(), tg.srv.URL+"/cross", "", 0); !errors.Is(err, outbound.ErrUnreachable) {
		t.Fatalf("cross-origin redirect followed: %v", err)
	}
	if other.hits.Load() != 0 {
		t.Fatal("the other origin was contacted")
	}
	if _, err := c.Get(context.Background(), tg.srv.URL+"/loop", "", 0); !errors.Is(err, outbound.ErrUnreachable) {
		t.Fatalf("redirect loop: %v", err)
	}
}

func TestLimits(t *testing.T) {
	release := make(chan struct{})
	var inFlight, peak atomic.Int64
	tg := newTarget(t, func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		if r.URL.Path == "/slow" {
			<-release
		}
		inFlight.Add(-1)
		if r.URL.Path == "/big" {
			w.Write(bytes.Repeat([]byte("x"), 2000))
		}
		if r.URL.Path == "/404" {
			http.NotFound(w, r)
		}
	})
	c := outbound.New(outbound.Config{AllowHTTP: true, MaxPerHost: 2, Timeout: 2 * time.Second,
		Permit: func(ap netip.AddrPort) bool { return ap == tg.ap }})
	if _, err := c.Get(context.Background(), tg.srv.URL+"/big", "", 1000); !errors.Is(err, outbound.ErrUnreachable) {
		t.Fatalf("over size: %v", err)
	}
	if _, err := c.Get(context.Background(), tg.srv.URL+"/404", "", 0); !errors.Is(err, outbound.ErrUnreachable) {
		t.Fatalf("404: %v", err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 6)
	for range 6 {
		wg.Go(func() {
			_, err := c.Get(context.Background(), tg.srv.URL+"/slow", "", 0)
			errs <- err
		})
	}
	time.Sleep(300 * time.Millisecond)
	if p := peak.Load(); p != 2 {
		t.Fatalf("%d fetches in flight to one host, want 2", p)
	}
	close(release)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("queued fetch: %v", err)
		}
	}
}

func TestMaxAge(t *testing.T) {
	for _, tc := range []struct {
		cc   string
		want time.Duration
	}{{"", -1}, {"public, max-age=300", 300 * time.Second}, {"no-store", 0}, {"max-age=x", -1}, {"no-cache, max-age=60", 0}} {
		h := http.Header{}
		if tc.cc != "" {
			h.Set("Cache-Control", tc.cc)
		}
		if got := outbound.MaxAge(h); got != tc.want {
			t.Errorf("%q: %v, want %v", tc.cc, got, tc.want)
		}
	}
}
