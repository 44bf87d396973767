package app_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/app/apptest"
)

func TestServeRefusesExampleKeys(t *testing.T) {
	dir := t.TempDir()
	keys := filepath.Join(dir, "keys")
	if err := os.MkdirAll(keys, 0o700); err != nil {
		t.Fatal(err)
	}
	ents, _ := os.ReadDir("../../keys.example")
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".json") {
			b, _ := os.ReadFile(filepath.Join("../../keys.example", e.Name()))
			_ = os.WriteFile(filepath.Join(keys, e.Name()), b, 0o600)
		}
	}
	cfg := app.Config{DataDir: dir, KeysDir: keys, PublicURL: "https://credentials.example.edu", Migrate: true, Org: app.DefaultOrg()}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if _, err := app.Open(context.Background(), cfg, log); err == nil || !strings.Contains(err.Error(), "example key") {
		t.Fatalf("serve with example keys: %v", err)
	}
	cfg.AllowExampleKeys = true
	a, err := app.Open(context.Background(), cfg, log)
	if err != nil {
		t.Fatalf("demo with example keys: %v", err)
	}
	a.Close()
}

func TestServeRefusesOldSchema(t *testing.T) {
	dir := t.TempDir()
	cfg := app.Config{DataDir: dir, PublicURL: "https://credentials.example.edu", Org: app.DefaultOrg()}
	_, err := app.Open(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err == nil || !strings.Contains(err.Error(), "tanu migrate") {
		t.Fatalf("unmigrated database: %v", err)
	}
}

// TestOneClock: the clock given to Open reaches the store (issued_at,
// status_changed_at), the issuer (validFrom) and the verifier (a credential
// valid from a future date verifies as valid on that date).
func TestOneClock(t *testing.T) {
	at := time.Date(2027, 6, 1, 9, 30, 0, 0, time.UTC) // after today, within the program's validity
	h := apptest.Start(t, "sqlite", apptest.Options{Now: func() time.Time { return at }})
	regno := createProgram(t, h)
	id := issueTB(t, h, regno)
	resp, body := h.Do(t, "registrar", "POST", "/api/v1/credentials/"+id+"/revoke", "application/json", strings.NewReader(`{"reason":"clock test"}`))
	if resp.StatusCode != 200 {
		t.Fatalf("revoke: %d %s", resp.StatusCode, body)
	}
	resp, body = h.Do(t, "viewer", "GET", "/api/v1/credentials/"+id, "", nil)
	if resp.StatusCode != 200 {
		t.Fatalf("get: %d %s", resp.StatusCode, body)
	}
	rec := decode[struct {
		IssuedAt        time.Time `json:"issued_at"`
		ValidFrom       time.Time `json:"valid_from"`
		StatusChangedAt time.Time `json:"status_changed_at"`
	}](t, body)
	for name, got := range map[string]time.Time{"issued_at (store)": rec.IssuedAt, "valid_from (issuer)": rec.ValidFrom, "status_changed_at (store)": rec.StatusChangedAt} {
		if !got.Equal(at) {
			t.Errorf("%s = %v, want the instance's clock %v", name, got, at)
		}
	}
	resp, body = h.Do(t, "", "GET", "/api/v1/verify/"+id, "", nil)
	v := decode[struct {
		Checks []struct {
			Name   string `json:"name"`
			OK     bool   `json:"ok"`
			Detail string `json:"detail"`
		} `json:"checks"`
	}](t, body)
	timed := false
	for _, c := range v.Checks {
		if c.Name == "time" {
			timed = true
			if !c.OK {
				t.Errorf("the verifier does not read the instance's clock: %s", c.Detail)
			}
		}
	}
	if !timed {
		t.Fatalf("verify: no time check in %d %s", resp.StatusCode, body)
	}
}
