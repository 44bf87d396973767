package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os/user"
	"strings"

	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/store"
)

// flagSetT is a command's flag set.
type flagSetT = *flag.FlagSet

// flagSet returns a flag set that prints its usage to stderr and never
// exits the process.
func flagSet(e *env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet("tanu "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: tanu %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// configFlags registers the shared configuration flags, defaulting to the
// TANU_* environment.
func configFlags(e *env, fs *flag.FlagSet) *app.Config {
	c := &app.Config{}
	def := func(k, d string) string { return envOr(e, k, d) }
	fs.StringVar(&c.DatabaseURL, "db", def("TANU_DATABASE_URL", ""), "database URL: empty for the embedded SQLite database, or postgres://… (env TANU_DATABASE_URL)")
	fs.StringVar(&c.DataDir, "data", def("TANU_DATA_DIR", "tanu-data"), "data directory of the embedded database and keys (env TANU_DATA_DIR)")
	fs.StringVar(&c.KeysDir, "keys", def("TANU_KEYS_DIR", ""), "signing key directory, default DATA/keys (env TANU_KEYS_DIR)")
	// The public address: what is printed in QR codes, and where it was before.
	fs.StringVar(&c.PublicURL, "public-url", def("TANU_PUBLIC_URL", ""), "public base URL printed in QR codes, https://… (env TANU_PUBLIC_URL; required by serve and issue)")
	fs.Func("previous-public-urls", "comma-separated base URLs this issuer published under before a domain move; their credentials keep verifying (env TANU_PREVIOUS_PUBLIC_URLS)", func(v string) error {
		c.PreviousPublicURLs = splitList(v)
		return nil
	})
	c.PreviousPublicURLs = splitList(e.getenv("TANU_PREVIOUS_PUBLIC_URLS"))
	c.AllowHTTPPublicURL = envBool(e.getenv("TANU_ALLOW_HTTP_PUBLIC_URL"))
	fs.BoolVar(&c.AllowHTTPPublicURL, "allow-http-public-url", c.AllowHTTPPublicURL, "accept a plain http:// public URL that is not a loopback address (env TANU_ALLOW_HTTP_PUBLIC_URL=1)")
	fs.StringVar(&c.Listen, "listen", def("TANU_LISTEN", "127.0.0.1:8080"), "address to listen on (env TANU_LISTEN)")
	fs.StringVar(&c.ConfigFile, "config", def("TANU_CONFIG", ""), "JSON file with the organization's identity and branding (env TANU_CONFIG)")
	fs.StringVar(&c.TemplateDir, "templates", def("TANU_TEMPLATES", ""), "directory overriding the embedded certificate templates (env TANU_TEMPLATES)")
	fs.StringVar(&c.LinkedInOrganizationID, "linkedin-org-id", def("TANU_LINKEDIN_ORG_ID", ""), "the issuer's LinkedIn organization id, for the \"add to LinkedIn profile\" link (env TANU_LINKEDIN_ORG_ID)")
	fs.StringVar(&c.KeyAlg, "key-alg", def("TANU_KEY_ALG", "ES256"), "algorithm of a key generated on first start: ES256, EdDSA or RS256")
	return c
}

// envOr returns the environment variable k, or d when it is unset.
func envOr(e *env, k, d string) string {
	if v := e.getenv(k); v != "" {
		return v
	}
	return d
}

// splitList splits a comma-separated list, dropping empty items.
func splitList(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// envBool reads a yes/no environment value: 1, true, yes or on.
func envBool(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "true", "yes", "on":
		return true
	}
	return false
}

// finish loads the organization file into c.
func finish(c *app.Config) error {
	org, err := app.LoadOrg(c.ConfigFile)
	if err != nil {
		return err
	}
	c.Org = org
	return nil
}

func logger(e *env, w io.Writer) *slog.Logger {
	lvl := slog.LevelInfo
	switch strings.ToLower(e.getenv("TANU_LOG_LEVEL")) {
	case "debug":
		lvl = slog.LevelDebug
	case "warn":
		lvl = slog.LevelWarn
	case "error":
		lvl = slog.LevelError
	}
	if strings.ToLower(e.getenv("TANU_LOG_FORMAT")) == "json" {
		return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: lvl}))
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: lvl}))
}

// cliActor names who acts from the command line in the audit trail:
// "cli:<user>", or "cli" when the user is unknown.
func cliActor() string {
	if u, err := user.Current(); err == nil {
		return "cli:" + u.Username
	}
	return "cli"
}

// openStore opens the configured store, migrating when asked.
func openStore(ctx context.Context, c *app.Config, migrate bool) (*store.Store, error) {
	st, err := app.OpenStore(ctx, *c)
	if err != nil {
		return nil, err
	}
	if migrate {
		if _, err := st.Migrate(ctx); err != nil {
			st.Close()
			return nil, err
		}
	}
	if err := st.CheckSchema(ctx); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}
