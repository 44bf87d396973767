// Command tanu issues and verifies digital credentials for universities:
// Open Badges 3.0 credentials signed as VC-JWT, PDF certificates with a QR
// code, and a public registry. Run `tanu help` for the commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// defaultMemoryLimit is the Go heap's soft limit when GOMEMLIMIT is unset.
const defaultMemoryLimit = 512 << 20

func main() {
	// Signing and PDF rendering are allocation-bound and the live heap is
	// small: a GC target of 400 % (unless GOGC says otherwise) trades a little
	// memory for much less collector time (measured: 1.7x on the PDF path).
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	// That target must not let a burst of large requests (spreadsheets
	// read in parallel) grow the heap five times over: unless GOMEMLIMIT
	// says otherwise, the collector works harder as the heap nears 512 MiB.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(os.Stderr, "tanu:", err)
		os.Exit(1)
	}
}

// env is how commands read the environment (injected for tests).
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

type command struct {
	name, summary string
	run           func(ctx context.Context, e *env, args []string) error
}

func commands() []command {
	return []command{
		{"serve", "run the HTTP server", cmdServe},
		{"demo", "run the server on a fresh embedded database with sample credentials", cmdDemo},
		{"migrate", "apply database migrations", cmdMigrate},
		{"keys", "manage signing keys: generate, list, rotate", cmdKeys},
		{"program", "manage the program registry: add, list, show, document (the registry's PDFs)", cmdProgram},
		{"verify", "verify a credential: a file (JWT, JSON, PNG, SVG, certificate PDF), a URL or an id", cmdVerify},
		{"user", "staff accounts: user add --email E --role R (prints a setup link), list, disable, enable, role, reset", cmdUser},
		{"token", "API tokens: token create --role ROLE [--owner EMAIL], list, revoke ID", cmdToken},
		{"issue", "issue a cohort spreadsheet: issue --program REGNO --file FILE [--out DIR] [--dry-run]", cmdIssue},
		{"teachhub", "TeachHub participant cards: enrol a staff list, list cards, HR report", cmdTeachHub},
		{"revoke", "revoke a credential for good: revoke ID --reason TEXT", cmdStatus("revoke")},
		{"reissue", "correct a credential: reissue ID --reason TEXT --set field=value …; the old one is revoked as replaced by the new", cmdReissue},
		{"suspend", "suspend a credential: suspend ID --reason TEXT", cmdStatus("suspend")},
		{"reinstate", "lift a suspension: reinstate ID --reason TEXT", cmdStatus("reinstate")},
		// Operations.
		{"doctor", "check a configuration: database, keys, public URL, clock, SMTP, disk", cmdDoctor},
		{"backup", "back the embedded database up while tanu serves: backup FILE", cmdBackup},
		{"restore", "restore an embedded-database backup (tanu stopped): restore [--force] FILE", cmdRestore},
		{"health", "exit 0 when the server on this machine is ready (for container health checks)", cmdHealth},
	}
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) error {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		if len(args) == 0 {
			return errors.New("no command given")
		}
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, e, args[1:])
		}
	}
	usage(stderr)
	return fmt.Errorf("unknown command %q", args[0])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "tanu — verifiable digital credentials for universities")
	fmt.Fprintln(w, "\nUsage: tanu COMMAND [flags]   (tanu COMMAND --help for its flags)")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nConfiguration comes from flags, with TANU_* environment variables as defaults:")
	fmt.Fprintln(w, "  TANU_DATABASE_URL (empty: embedded SQLite in TANU_DATA_DIR; postgres://… for PostgreSQL),")
	fmt.Fprintln(w, "  TANU_DATA_DIR, TANU_KEYS_DIR, TANU_PUBLIC_URL, TANU_LISTEN, TANU_CONFIG, TANU_TEMPLATES, TANU_LOG_LEVEL,")
	fmt.Fprintln(w, "  TANU_SSO_CONFIG, TANU_SESSION_IDLE, TANU_SESSION_MAX (serve; see docs/accounts.md)")
}
