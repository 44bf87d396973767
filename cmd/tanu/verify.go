package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/outbound"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/verifier"
)

// errNotVerified makes `tanu verify` exit non-zero without a second message.
type errNotVerified string

func (e errNotVerified) Error() string { return "credential is " + string(e) }

func cmdVerify(ctx context.Context, e *env, args []string) error {
	fs := flagSet(e, "verify", "FILE|URL|ID")
	c := configFlags(e, fs)
	langFlag := fs.String("lang", "", lang.EN.T(lang.CLILangFlag))
	if err := fs.Parse(args); err != nil {
		return err
	}
	l, err := cliLang(e, *langFlag, "")
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("verify: give one file, URL or credential id")
	}
	if err := finish(c); err != nil {
		return err
	}
	arg := fs.Arg(0)
	var b []byte
	switch {
	case strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://"):
		b, err = fetchCredential(ctx, arg)
	case fileExists(arg) || arg == "-":
		b, err = readFile(e, arg)
	default:
		b = []byte(arg) // a credential id or certificate number
	}
	if err != nil {
		return err
	}
	x, err := verifier.Extract(ctx, b)
	switch {
	case errors.Is(err, verifier.ErrNoCredential):
		return printResult(e, l, &verifier.Result{Status: verifier.StatusInvalid, Verdict: verifier.VerdictNoCredential,
			Checks: []verifier.Check{verifier.NewCheck("format", false, lang.VerifyNoCredential)}})
	case err != nil:
		return printResult(e, l, &verifier.Result{Status: verifier.StatusInvalid, Verdict: verifier.StatusInvalid,
			Checks: []verifier.Check{extractCheck(err)}})
	case x.Kind == verifier.KindReference:
		return verifyReference(ctx, e, l, c, x.Reference)
	}
	v, closeFn, err := localVerifier(ctx, c)
	if err != nil {
		return err
	}
	defer closeFn()
	return printResult(e, l, v.VerifyExtracted(ctx, x))
}

// extractCheck is the format check of input Extract refused: its catalog
// message when it has one.
func extractCheck(err error) verifier.Check {
	var ce *credential.Error
	if errors.As(err, &ce) && ce.Msg != "" {
		return verifier.NewCheck("format", false, ce.Msg, ce.Args...)
	}
	if errors.Is(err, verifier.ErrTooLarge) {
		return verifier.NewCheck("format", false, lang.VerifyFileTooLarge)
	}
	return verifier.NewCheck("format", false, lang.VerifyUnreadableFile)
}

// verifyReference verifies a credential of this installation's registry
// named by its id or certificate number.
func verifyReference(ctx context.Context, e *env, l lang.Tag, c *app.Config, ref string) error {
	st, err := openStore(ctx, c, false)
	if err != nil {
		return err
	}
	defer st.Close()
	kind, val, _ := strings.Cut(ref, ":")
	var rec *credential.Record
	switch kind {
	case "id":
		rec, err = st.Credential(ctx, val)
	case "number":
		n, _ := strconv.ParseInt(val, 10, 64)
		rec, err = st.CredentialByNumber(ctx, n)
	default:
		err = fmt.Errorf("verify: %q is not a file, an http(s) URL, a credential id or a certificate number", val)
	}
	if credential.IsNotFound(err) {
		return printResult(e, l, &verifier.Result{Status: verifier.StatusNotFound, Verdict: verifier.StatusNotFound,
			Checks: []verifier.Check{verifier.NewCheck("registry", false, lang.VerifyNoSuchID, val)}})
	}
	if err != nil {
		return err
	}
	v, closeFn, err := localVerifier(ctx, c)
	if err != nil {
		return err
	}
	defer closeFn()
	return printResult(e, l, v.VerifyJWS(ctx, rec.JWS))
}

// localVerifier verifies with this installation's registry when it has one
// (its own credentials, with status), and with the key sets and status
// lists other issuers publish, fetched over HTTPS from public addresses
// only (internal/outbound).
func localVerifier(ctx context.Context, c *app.Config) (*verifier.Verifier, func(), error) {
	fetch := outbound.New(outbound.Config{})
	if st, err := openStore(ctx, c, false); err == nil {
		id := c.Identity()
		v, err := app.NewVerifier(st, &id, fetch)
		return v, func() { st.Close() }, err
	}
	remote := &verifier.HTTPKeys{Fetcher: fetch}
	v, err := verifier.New(remote, verifier.WithStatus(&verifier.StatusLists{Keys: remote, Fetcher: fetch}))
	return v, func() {}, err
}

// printResult prints a verification result as JSON, its checks' title and
// text in l.
func printResult(e *env, l lang.Tag, r *verifier.Result) error {
	r.Localize(l)
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return err
	}
	if !r.Verified {
		return errNotVerified(r.Status)
	}
	return nil
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// readFile reads a file (or stdin) of any supported kind, at most one
// byte more than the verifier accepts.
func readFile(e *env, path string) ([]byte, error) {
	var r io.Reader = e.stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	return io.ReadAll(io.LimitReader(r, verifier.MaxFileBytes+1))
}

// fetchCredential downloads a credential: a /c/{id} page URL is turned
// into its credential.jwt.
func fetchCredential(ctx context.Context, u string) ([]byte, error) {
	if i := strings.Index(u, "/c/"); i >= 0 && !strings.Contains(u[i+3:], "/") {
		u = strings.TrimRight(strings.SplitN(u, "?", 2)[0], "/") + "/credential.jwt"
	}
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return io.ReadAll(io.LimitReader(resp.Body, verifier.MaxFileBytes+1))
}
