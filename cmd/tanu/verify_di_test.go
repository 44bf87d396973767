package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/internal/app/apptest"
	"github.com/tanu-edu/tanu/internal/demo"
)

// TestVerifyDataIntegrityCLI: `tanu verify` reads credential.json with its
// Data Integrity proof and gives the verdicts a JWT gets: valid, and
// invalid once tampered.
func TestVerifyDataIntegrityCLI(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	do := func(method, path, body string) []byte {
		req, _ := http.NewRequest(method, h.URL+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+h.Tokens["registrar"])
		req.Header.Set("Content-Type", "application/json")
		resp, err := h.Client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var b bytes.Buffer
		_, _ = b.ReadFrom(resp.Body)
		return b.Bytes()
	}
	prog, _ := json.Marshal(demo.Microqualification())
	var p struct {
		Regno string `json:"registration_number"`
	}
	_ = json.Unmarshal(do("POST", "/api/v1/programs", string(prog)), &p)
	req, _ := json.Marshal(map[string]any{"program": p.Regno, "student_id": "S22633920", "family_name": "Жұмабекова", "given_name": "Мөлдір",
		"patronymic": "Нұрланқызы", "email": "s1@students.example.edu", "iin": "760227487797", "date_from": "2026-02-02",
		"date_to": "2026-04-24", "decision_date": "2026-05-06", "grades": map[string]any{"LO1": 86, "LO2": "B+", "LO3": 76}, "language": "kk"})
	var c struct{ ID string }
	if b := do("POST", "/api/v1/credentials", string(req)); json.Unmarshal(b, &c) != nil || c.ID == "" {
		t.Fatalf("issue: %s", b)
	}
	doc := do("GET", "/c/"+c.ID+"/credential.json", "")
	if !bytes.Contains(doc, []byte("eddsa-rdfc-2022")) {
		t.Fatalf("credential.json: %s", doc)
	}
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "credential.json"), filepath.Join(dir, "tampered.json")
	_ = os.WriteFile(good, doc, 0o600)
	_ = os.WriteFile(bad, bytes.Replace(doc, []byte("Мөлдір"), []byte("Молдир"), 1), 0o600)
	getenv := func(k string) string {
		switch k {
		case "TANU_DATA_DIR":
			return h.App.Config.DataDir
		case "TANU_PUBLIC_URL":
			return h.URL
		}
		return ""
	}
	tanu := func(args ...string) (string, error) {
		var out, errOut bytes.Buffer
		err := run(context.Background(), args, strings.NewReader(""), &out, &errOut, getenv)
		return out.String() + errOut.String(), err
	}
	if out, err := tanu("verify", good); err != nil || !strings.Contains(out, `"status": "valid"`) || !strings.Contains(out, "eddsa-rdfc-2022") {
		t.Fatalf("tanu verify credential.json: %v\n%s", err, out)
	}
	if out, err := tanu("verify", bad); err == nil || !strings.Contains(out, `"status": "invalid"`) {
		t.Fatalf("tanu verify tampered: %v\n%s", err, out)
	}
}
