package app_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/internal/app"
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
