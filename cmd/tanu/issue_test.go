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

// TestIssueCLI issues spreadsheets with `tanu issue` on the embedded
// database: a dry run, a file with rejected rows (exit status, report,
// results.csv, errors.csv, PDF and badges in --out), and the same cohort
// twice (nothing issued the second time).
func TestIssueCLI(t *testing.T) {
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
	if _, _, err := tanu("migrate"); err != nil {
		t.Fatal(err)
	}
	regno, _, err := tanu("program", "add", "--file", progFile)
	if err != nil {
		t.Fatal(err)
	}
	regno = strings.TrimSpace(regno)
	cohort := filepath.Join("..", "..", "sheet", "testdata", "cohort-en.csv")
	badIIN := filepath.Join("..", "..", "sheet", "testdata", "bad-iin.csv")

	out, errOut, err := tanu("issue", "--program", regno, "--file", cohort, "--dry-run")
	if err != nil || !strings.Contains(out, "dry run: 40 rows, 40 valid, 0 already issued, 0 failed") {
		t.Fatalf("dry run: %v\n%s%s", err, out, errOut)
	}

	outDir := filepath.Join(dir, "out")
	out, errOut, err = tanu("issue", "--program", regno, "--file", badIIN, "--out", outDir, "--lang", "ru")
	// --lang ru: the summary, the problems and errors.csv are Russian.
	if err == nil || !strings.Contains(err.Error(), "строк с ошибками: 5 из 6") ||
		!strings.Contains(out, "строк 6: выдано 1, уже выданных 0, с ошибками 5") || !strings.Contains(errOut, "строка 3, ЖСН: ") {
		t.Fatalf("issue with bad rows: %v\n%s%s", err, out, errOut)
	}
	results, _ := os.ReadFile(filepath.Join(outDir, "results.csv"))
	errorsCSV, _ := os.ReadFile(filepath.Join(outDir, "errors.csv"))
	if lines := strings.Split(strings.TrimSpace(string(results)), "\r\n"); len(lines) != 2 || !strings.HasSuffix(lines[1], ";issued") {
		t.Fatalf("results.csv:\n%s", results)
	}
	if lines := strings.Split(strings.TrimSpace(string(errorsCSV)), "\r\n"); len(lines) != 6 || !strings.HasSuffix(lines[0], ";ошибки") {
		t.Fatalf("errors.csv:\n%s", errorsCSV)
	}
	pdfs, _ := filepath.Glob(filepath.Join(outDir, "*.pdf"))
	badges, _ := filepath.Glob(filepath.Join(outDir, "badges", "*"))
	if len(pdfs) != 1 || len(badges) != 2 {
		t.Fatalf("documents: %q %q", pdfs, badges)
	}
	if b, _ := os.ReadFile(pdfs[0]); !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("%s is not a PDF", pdfs[0])
	}
	// The certificate and the badges verify as files, offline.
	for _, f := range append(pdfs, badges...) {
		if out, _, err := tanu("verify", f); err != nil || !strings.Contains(out, `"status": "valid"`) {
			t.Errorf("tanu verify %s: %v\n%s", filepath.Base(f), err, out)
		}
	}

	out, errOut, err = tanu("issue", "--program", regno, "--file", cohort)
	// S22633920 was issued from bad-iin.csv (same student, program and period).
	if err != nil || !strings.Contains(out, "40 rows: 39 issued, 1 already issued, 0 failed") || !strings.Contains(errOut, "issuing") ||
		strings.Contains(errOut, "level=INFO") {
		t.Fatalf("cohort: %v\n%s%s", err, out, errOut)
	}
	out, _, err = tanu("issue", "--program", regno, "--file", cohort)
	if err != nil || !strings.Contains(out, "40 rows: 0 issued, 40 already issued, 0 failed") {
		t.Fatalf("cohort again: %v\n%s", err, out)
	}
	if _, _, err := tanu("issue", "--program", regno); err == nil {
		t.Fatal("issue without --file succeeded")
	}
}
