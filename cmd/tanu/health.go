package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// cmdHealth asks the server on this machine whether it is ready (GET
// /readyz on the listen address), for container health checks where no
// curl exists. It exits non-zero when the answer is not 200.
func cmdHealth(ctx context.Context, e *env, args []string) error {
	fs := flagSet(e, "health", "[flags]")
	listen := fs.String("listen", envOr(e, "TANU_LISTEN", "127.0.0.1:8080"), "the server's listen address (env TANU_LISTEN)")
	timeout := fs.Duration("timeout", 3*time.Second, "how long to wait for the answer")
	if err := fs.Parse(args); err != nil {
		return err
	}
	host, port, err := net.SplitHostPort(*listen)
	if err != nil {
		return fmt.Errorf("health: listen address %q: %w", *listen, err)
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1" // the server listens on every address: ask it on loopback
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	u := "http://" + net.JoinHostPort(host, port) + "/readyz"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("health: %s: %w", u, err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("health: %s answered %s", u, resp.Status)
	}
	fmt.Fprintln(e.stdout, "ok")
	return nil
}
