package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/tanu-edu/tanu/badge"
	"github.com/tanu-edu/tanu/dataintegrity"
	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/outbound"
	"github.com/tanu-edu/tanu/render"
	"github.com/tanu-edu/tanu/verifier"
)

// errNotVerified makes `tanu verify` exit non-zero without a second message.
type errNotVerified string

func (e errNotVerified) Error() string { return "credential is " + string(e) }

var uuidRE = regexp.MustCompile(`^(urn:uuid:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

func cmdVerify(ctx context.Context, e *env, args []string) error {
	fs := flagSet(e, "verify", "FILE|URL|ID")
	c := configFlags(e, fs)
	if err := fs.Parse(args); err != nil {
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
	var (
		token string
		err   error
	)
	switch {
	case strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://"):
		token, err = fetchToken(ctx, arg)
	case fileExists(arg) || arg == "-":
		token, err = readToken(e, arg)
	case uuidRE.MatchString(arg):
		st, oerr := openStore(ctx, c, false)
		if oerr != nil {
			return oerr
		}
		defer st.Close()
		rec, gerr := st.Credential(ctx, strings.TrimPrefix(arg, "urn:uuid:"))
		if gerr != nil {
			return printResult(e, &verifier.Result{Status: verifier.StatusNotFound, Checks: []verifier.Check{{Name: "registry", Detail: "no credential " + arg + " in this registry"}}})
		}
		token = rec.JWS
	default:
		return fmt.Errorf("verify: %q is not a file, an http(s) URL or a credential id", arg)
	}
	if err != nil {
		return printResult(e, &verifier.Result{Status: verifier.StatusInvalid, Checks: []verifier.Check{{Name: "format", Detail: err.Error()}}})
	}
	v, closeFn, err := localVerifier(ctx, c)
	if err != nil {
		return err
	}
	defer closeFn()
	if strings.HasPrefix(token, "{") {
		return printResult(e, v.VerifyDataIntegrity(ctx, []byte(token)))
	}
	return printResult(e, v.VerifyJWS(ctx, token))
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

func printResult(e *env, r *verifier.Result) error {
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

// readToken reads a JWS from a file of any supported kind.
func readToken(e *env, path string) (string, error) {
	var (
		b   []byte
		err error
	)
	if path == "-" {
		b, err = io.ReadAll(io.LimitReader(e.stdin, verifier.MaxTokenBytes*4))
	} else {
		b, err = os.ReadFile(path)
	}
	if err != nil {
		return "", err
	}
	return tokenFrom(b)
}

func tokenFrom(b []byte) (string, error) {
	if render.IsPDF(b) {
		return render.ExtractCredential(b)
	}
	switch badge.Sniff(b) {
	case badge.KindPNG:
		return badge.ExtractPNG(b)
	case badge.KindSVG:
		return badge.ExtractSVG(b)
	case badge.KindJSON:
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			return "", err
		}
		for _, k := range []string{"jws", "jwt", "credential", "compactJwsString"} {
			if s, ok := m[k].(string); ok {
				return s, nil
			}
		}
		if _, err := dataintegrity.ProofOf(m); err == nil {
			return string(b), nil // a credential with a Data Integrity proof
		}
		return "", fmt.Errorf("the JSON carries no signed credential: verify the .jwt file or the credential's URL instead")
	default:
		return strings.TrimSpace(string(b)), nil
	}
}

// fetchToken downloads a credential: a /c/{id} page URL is turned into its
// credential.jwt.
func fetchToken(ctx context.Context, u string) (string, error) {
	if i := strings.Index(u, "/c/"); i >= 0 && !strings.Contains(u[i+3:], "/") {
		u = strings.TrimRight(strings.SplitN(u, "?", 2)[0], "/") + "/credential.jwt"
	}
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, 8<<20))
	if err != nil {
		return "", err
	}
	return tokenFrom(b)
}
