package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/internal/demo"
)

// TestProgramDocumentCLI writes the registry's documents of a program
// with `tanu program document` and refuses a wrong document or language.
func TestProgramDocumentCLI(t *testing.T) {
	dir := t.TempDir()
	getenv := func(k string) string {
		return map[string]string{"TANU_DATA_DIR": dir, "TANU_PUBLIC_URL": "http://127.0.0.1:8080", "TANU_CONFIG": "testdata/org.json",
			"LANG": "en_US.UTF-8"}[k]
	}
	tanu := func(args ...string) (string, string, error) {
		var out, errOut bytes.Buffer
		err := run(context.Background(), args, strings.NewReader(""), &out, &errOut, getenv)
		return out.String(), errOut.String(), err
	}
	prog, _ := json.Marshal(demo.Microqualification())
	progFile := filepath.Join(dir, "program.json")
	if err := os.WriteFile(progFile, prog, 0o600); err != nil {
		t.Fatal(err)
	}
	regno, errOut, err := tanu("program", "add", "--file", progFile)
	if err != nil {
		t.Fatalf("program add: %v %s", err, errOut)
	}
	regno = strings.TrimSpace(regno)
	for _, doc := range []string{"title", "note", "application"} {
		out := filepath.Join(dir, doc+".pdf")
		got, errOut, err := tanu("program", "document", "--doc", doc, "--lang", "ru", "--out", out, regno)
		if err != nil || strings.TrimSpace(got) != out {
			t.Fatalf("program document %s: %v %q %s", doc, err, got, errOut)
		}
		if b, err := os.ReadFile(out); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Fatalf("%s: not a PDF (%v)", out, err)
		}
	}
	for _, bad := range [][]string{
		{"program", "document", "--doc", "passport", regno},
		{"program", "document", "--doc", "note", "--lang", "de", regno},
		{"program", "document", "--doc", "note", "MQ-1999-0001"},
		{"program", "document", "--doc", "note"},
	} {
		if _, _, err := tanu(bad...); err == nil {
			t.Errorf("%v: no error", bad)
		}
	}
}
