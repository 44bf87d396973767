package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/httpapi"
)

func cmdServe(ctx context.Context, e *env, args []string) error {
	fs := flagSet(e, "serve", "[flags]")
	c := configFlags(e, fs)
	fs.BoolVar(&c.Migrate, "migrate", false, "apply pending database migrations before serving")
	batchFlags(e, fs, c)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := finish(c); err != nil {
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
	log.Info("tanu serving", "listen", ln.Addr().String(), "public_url", c.PublicURL, "database", a.Store.Dialect(), "kid", a.Signer.Key().KID)
	return serveApp(ctx, a, ln)
}

// serveApp runs the app's server and its background workers until ctx ends.
func serveApp(ctx context.Context, a *app.App, ln net.Listener) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	err := httpapi.Serve(ctx, ln, a.Server.Handler(), a.Log, 10*time.Second)
	cancel()
	return errors.Join(err, <-done)
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
