package app_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/dataintegrity"
	"github.com/tanu-edu/tanu/internal/app/apptest"
)

// interopDir holds the npm verifiers (package.json, package-lock.json;
// .ci/run installs node_modules with npm ci).
const interopDir = "testdata/interop"

type interopOut struct {
	File          string `json:"file"`
	DigitalBazaar struct {
		Verified, Signature, Revoked bool
		Error                        string
	} `json:"digitalbazaar"`
	DCC struct {
		Signature bool
		Revoked   *bool
		Error     string
		Log       json.RawMessage
	} `json:"dcc"`
}

// TestIndependentVerifiers runs Digital Bazaar's @digitalbazaar/vc with
// the eddsa-rdfc-2022 cryptosuite and the Digital Credentials Consortium's
// @digitalcredentials/verifier-core, on Node, against credential.json as
// tanu serves it over HTTP on 127.0.0.1 (its did:web resolved there):
// both accept a fresh credential, report a revoked one as revoked, and
// reject a tampered one.
func TestIndependentVerifiers(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("interop test skipped: node is not installed")
	}
	if _, err := os.Stat(filepath.Join(interopDir, "node_modules", "@digitalcredentials", "verifier-core")); err != nil {
		t.Skipf("interop test skipped: run `npm ci` in internal/app/%s (.ci/run does)", interopDir)
	}
	h := apptest.Start(t, "sqlite")
	regno := createProgram(t, h)
	fresh := issue(t, h, regno, "S22633920")
	revoked := issue(t, h, regno, "S22633921")
	resp, body := h.Do(t, "registrar", "POST", "/api/v1/credentials/"+revoked.ID+"/revoke", "application/json", strings.NewReader(`{"reason":"issued in error"}`))
	if resp.StatusCode != 200 {
		t.Fatalf("revoke: %d %s", resp.StatusCode, body)
	}
	// The status list in its Data Integrity form, as those verifiers ask.
	req, _ := http.NewRequest("GET", h.URL+"/status/revocation-1", nil)
	req.Header.Set("Accept", "application/ld+json")
	lr, err := h.Client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	lb, _ := io.ReadAll(lr.Body)
	lr.Body.Close()
	if lr.StatusCode != 200 || !bytes.Contains(lb, []byte(`"eddsa-rdfc-2022"`)) || lr.Header.Get("Content-Type") != "application/ld+json" {
		t.Fatalf("status list as JSON-LD: %d %s %s", lr.StatusCode, lr.Header.Get("Content-Type"), lb)
	}
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	get := func(id string) []byte {
		resp, b := h.Do(t, "", "GET", "/c/"+id+"/credential.json", "", nil)
		if resp.StatusCode != 200 || !bytes.Contains(b, []byte(`"eddsa-rdfc-2022"`)) {
			t.Fatalf("credential.json: %d %s", resp.StatusCode, b)
		}
		return b
	}
	freshDoc := get(fresh.ID)
	tampered := bytes.Replace(freshDoc, []byte("Жұмабекова Мөлдір"), []byte("Жұмабеков Мөлдір"), 1)
	if bytes.Equal(tampered, freshDoc) {
		t.Fatal("tampering changed nothing")
	}
	ctxs := map[string]json.RawMessage{}
	for _, u := range []string{dataintegrity.ContextVC2, dataintegrity.ContextOB3, dataintegrity.ContextExtensions} {
		b, _ := dataintegrity.ContextDocument(u)
		ctxs[u] = b
	}
	// The official schema the credentials name, which verifier-core checks.
	schema, err := os.ReadFile("../../verifier/spec/schemas/jsonld_achievementcredential.json")
	if err != nil {
		t.Fatal(err)
	}
	ctxs[credential.SchemaOB3] = schema
	cb, _ := json.Marshal(ctxs)
	files := map[string]string{
		write("fresh.json", freshDoc):          "fresh",
		write("revoked.json", get(revoked.ID)): "revoked",
		write("tampered.json", tampered):       "tampered",
	}
	args := []string{"verify.mjs", write("contexts.json", cb)}
	for f := range files {
		args = append(args, f)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, args...)
	cmd.Dir = interopDir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s\n%s", err, out, stderr.Bytes())
	}
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 4<<20)
	for sc.Scan() {
		if !bytes.HasPrefix(sc.Bytes(), []byte(`{"file"`)) {
			t.Logf("node: %s", sc.Bytes())
			continue
		}
		var r interopOut
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("node output %s: %v", sc.Bytes(), err)
		}
		kind := files[r.File]
		seen[kind] = true
		db, dcc := r.DigitalBazaar, r.DCC
		t.Logf("%s: digitalbazaar %+v; verifier-core signature=%v revoked=%v %s", kind, db, dcc.Signature, fmtBool(dcc.Revoked), dcc.Error)
		switch kind {
		case "fresh":
			if !db.Verified || !db.Signature || db.Revoked {
				t.Errorf("@digitalbazaar/vc does not accept a fresh credential: %+v", db)
			}
			if !dcc.Signature || dcc.Revoked == nil || *dcc.Revoked {
				t.Errorf("verifier-core does not accept a fresh credential: %s %s", dcc.Error, dcc.Log)
			}
		case "revoked":
			if !db.Signature || !db.Revoked {
				t.Errorf("@digitalbazaar/vc does not report the revoked credential as revoked: %+v", db)
			}
			if !dcc.Signature || dcc.Revoked == nil || !*dcc.Revoked {
				t.Errorf("verifier-core does not report the revoked credential as revoked: %s %s", dcc.Error, dcc.Log)
			}
		case "tampered":
			if db.Verified || db.Signature {
				t.Errorf("@digitalbazaar/vc accepts a tampered credential: %+v", db)
			}
			if dcc.Signature {
				t.Errorf("verifier-core accepts a tampered credential: %s", dcc.Log)
			}
		}
	}
	if len(seen) != 3 {
		t.Fatalf("node answered for %v only\n%s\n%s", seen, out, stderr.Bytes())
	}
}

func fmtBool(b *bool) string {
	if b == nil {
		return "n/a"
	}
	if *b {
		return "true"
	}
	return "false"
}
