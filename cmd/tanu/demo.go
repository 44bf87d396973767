package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/demo"
)

// cmdDemo starts tanu on a fresh embedded database with sample programs and
// credentials, and prints where to look.
func cmdDemo(ctx context.Context, e *env, args []string) error {
	fs := flagSet(e, "demo", "[flags]")
	const defListen = "127.0.0.1:8080"
	listen := fs.String("listen", envOr(e, "TANU_LISTEN", defListen), "address to listen on (env TANU_LISTEN; a free port is used if the default is taken)")
	publicURL := fs.String("public-url", e.getenv("TANU_PUBLIC_URL"), "public base URL printed in QR codes, e.g. http://192.168.1.20:8080 to open the demo on a phone (env TANU_PUBLIC_URL; default: the address listened on)")
	data := fs.String("data", "", "data directory (default: a new temporary directory)")
	exit := fs.Bool("exit", false, "seed, print the URLs and exit instead of serving")
	lim := &app.Config{}
	limitFlags(e, fs, lim)
	if err := fs.Parse(args); err != nil {
		return err
	}
	dir := *data
	if dir == "" {
		d, err := os.MkdirTemp("", "tanu-demo-")
		if err != nil {
			return err
		}
		dir = d
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil && *listen == defListen {
		ln, err = net.Listen("tcp", "127.0.0.1:0")
	}
	if err != nil {
		return fmt.Errorf("demo: listen: %w", err)
	}
	defer ln.Close()
	base := strings.TrimRight(*publicURL, "/")
	if base == "" {
		base = "http://" + ln.Addr().String()
	}
	cfg := app.Config{DataDir: dir, KeysDir: filepath.Join(dir, "keys"), PublicURL: base, Migrate: true, AllowExampleKeys: true, Org: app.DefaultOrg(),
		Limits: lim.Limits, TrustedProxies: lim.TrustedProxies, MetricsListen: lim.MetricsListen, MetricsToken: lim.MetricsToken, Outbound: lim.Outbound}
	a, err := app.Open(ctx, cfg, logger(e, e.stderr))
	if err != nil {
		return err
	}
	defer a.Close()
	seeded, err := demo.Seed(ctx, a.Store, a.Issuer)
	if err != nil {
		return err
	}
	cards, err := demo.SeedTeachHub(ctx, a.TeachHub, seeded.Programs[1].RegistrationNumber, a.Now().UTC().Format(time.DateOnly))
	if err != nil {
		return err
	}
	admin, err := demo.SeedAdmin(ctx, a.Accounts)
	if err != nil {
		return err
	}
	w := e.stdout
	fmt.Fprintf(w, "tanu demo — data in %s\n\n", dir)
	fmt.Fprintf(w, "Programs:\n")
	for _, p := range seeded.Programs {
		fmt.Fprintf(w, "  %s  %s\n", p.RegistrationNumber, p.Name.Get("kk"))
	}
	fmt.Fprintf(w, "\nCredentials (open in a browser; each should say valid):\n")
	for _, r := range seeded.Credentials {
		fmt.Fprintf(w, "  %s  %s\n", a.Issuer.Identity().CredentialURL(r.ID), r.HolderName)
	}
	fmt.Fprintf(w, "\nTeachHub participants (%s):\n", seeded.Programs[1].RegistrationNumber)
	for _, c := range cards {
		line := fmt.Sprintf("  %-9s %-28s %-26s", c.StaffID, c.Holder, c.Status)
		if c.CredentialID != "" {
			line += " " + a.Issuer.Identity().CredentialURL(c.CredentialID)
		}
		fmt.Fprintln(w, strings.TrimRight(line, " "))
	}
	fmt.Fprintf(w, "\nVerify one:      curl %s/api/v1/verify/%s\n", base, seeded.Credentials[0].ID)
	fmt.Fprintf(w, "Public keys:     %s/.well-known/jwks.json\n", base)
	fmt.Fprintf(w, "Verify page:     %s/verify\n", base)
	fmt.Fprintf(w, "API docs:        %s/openapi.yaml\n", base)
	fmt.Fprintf(w, "Console:         %s/console/login\n", base)
	fmt.Fprintf(w, "                 e-mail %s, password %s\n", admin.Email, admin.Password)
	fmt.Fprintf(w, "Admin token:     %s\n", admin.Token)
	fmt.Fprintf(w, "                 curl -H 'Authorization: Bearer %s' %s/api/v1/credentials\n\n", admin.Token, base)
	if *exit {
		return nil
	}
	fmt.Fprintf(w, "Serving %s on %s — press Ctrl-C to stop.\n", base, ln.Addr())
	return serveApp(ctx, a, ln)
}
