package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/httpapi"
)

func cmdServe(ctx context.Context, e *env, args []string) error {
	fs := flagSet(e, "serve", "[flags]")
	c := configFlags(e, fs)
	fs.BoolVar(&c.Migrate, "migrate", false, "apply pending database migrations before serving")
	batchFlags(e, fs, c)
	limitFlags(e, fs, c)
	loadAccounts := accountFlags(e, fs, c)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := finish(c); err != nil {
		return err
	}
	if err := loadAccounts(); err != nil {
		return err
	}
	if err := c.CheckServing(); err != nil {
		return err
	}
	log := logger(e, e.stderr)
	// Bind first: a busy port fails at once, before migrating or touching
	// keys.
	ln, err := net.Listen("tcp", c.Listen)
	if err != nil {
		return fmt.Errorf("listen %s: %w", c.Listen, err)
	}
	defer ln.Close()
	a, err := app.Open(ctx, *c, log)
	if err != nil {
		return err
	}
	defer a.Close()
	log.Info("tanu serving", "listen", ln.Addr().String(), "public_url", c.PublicURL, "database", a.Store.Dialect(), "kid", a.Signer.Current().Key().KID)
	return serveApp(ctx, a, ln)
}

// serveApp runs the app's server (and its metrics listener, when one is
// configured) and its background workers until ctx ends.
func serveApp(ctx context.Context, a *app.App, ln net.Listener) error {
	var mln net.Listener
	if addr := a.Config.MetricsListen; addr != "" {
		var err error
		if mln, err = net.Listen("tcp", addr); err != nil {
			return fmt.Errorf("metrics listen %s: %w", addr, err)
		}
		a.Log.Info("metrics serving", "listen", mln.Addr().String())
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan error, 2)
	go func() { done <- a.Run(ctx) }()
	if mln != nil {
		mux := http.NewServeMux()
		mux.Handle("GET /metrics", a.Server.MetricsHandler())
		go func() { done <- httpapi.ServeWith(ctx, mln, mux, a.Log, 5*time.Second, 0) }()
	}
	err := httpapi.ServeWith(ctx, ln, a.Server.Handler(), a.Log, 10*time.Second, a.Server.BodyTimeout())
	cancel()
	err = errors.Join(err, <-done)
	if mln != nil {
		err = errors.Join(err, <-done)
	}
	return err
}

func cmdMigrate(ctx context.Context, e *env, args []string) error {
	fs := flagSet(e, "migrate", "[flags]")
	c := configFlags(e, fs)
	status := fs.Bool("status", false, "only print the schema version")
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, err := app.OpenStore(ctx, *c)
	if err != nil {
		return err
	}
	defer st.Close()
	if !*status {
		n, err := st.Migrate(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "applied %d migration(s)\n", n)
	}
	cur, latest, err := st.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "schema version %d of %d (%s)\n", cur, latest, st.Dialect())
	return nil
}
