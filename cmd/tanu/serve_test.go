package main

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeBindsFirst: with the port taken, serve fails on the port before
// it migrates the database or generates a key.
func TestServeBindsFirst(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	dir := t.TempDir()
	env := map[string]string{"TANU_DATA_DIR": dir, "TANU_PUBLIC_URL": "https://credentials.example.edu", "TANU_LISTEN": ln.Addr().String()}
	var out, errOut bytes.Buffer
	err = run(context.Background(), []string{"serve", "--migrate"}, strings.NewReader(""), &out, &errOut, func(k string) string { return env[k] })
	if err == nil || !strings.Contains(err.Error(), "listen "+ln.Addr().String()) {
		t.Fatalf("serve on a busy port: %v\n%s", err, errOut.String())
	}
	for _, p := range []string{"tanu.db", "keys"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err == nil {
			t.Errorf("serve created %s before finding the port busy", p)
		}
	}
}
