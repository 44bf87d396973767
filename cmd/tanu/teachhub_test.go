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

// TestTeachHubCLI enrols a staff list with the CLI, lists the cards and
// prints the (empty) report, on the embedded database.
func TestTeachHubCLI(t *testing.T) {
	dir := t.TempDir()
	getenv := func(k string) string {
		switch k {
		case "TANU_DATA_DIR":
			return dir
		case "LANG":
			return "en_US.UTF-8"
		}
		return ""
	}
	tanu := func(args ...string) (string, string, error) {
		var out, errOut bytes.Buffer
		err := run(context.Background(), args, strings.NewReader(""), &out, &errOut, getenv)
		return out.String(), errOut.String(), err
	}
	prog, _ := json.Marshal(demo.TeachHub())
	progFile, staffFile := filepath.Join(dir, "program.json"), filepath.Join(dir, "staff.csv")
	staff := "staff_id,family_name,given_name,department,position\nKZ-1,Сейітқали,Әсел,Хирургия,доцент\nKZ-2,Омаров,Ерлан,Хирургия,\n"
	if err := os.WriteFile(progFile, prog, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(staffFile, []byte(staff), 0o600); err != nil {
		t.Fatal(err)
	}
	regno, _, err := tanu("program", "add", "--file", progFile)
	if err != nil {
		t.Fatal(err)
	}
	regno = strings.TrimSpace(regno)
	out, summary, err := tanu("teachhub", "enrol", "--program", regno, "--file", staffFile, "--stream", "2026-1")
	if err == nil || !strings.Contains(err.Error(), "1 rows failed") || !strings.Contains(out, "enrolled") ||
		!strings.Contains(summary, "2 rows: 1 enrolled, 0 already enrolled, 1 failed") {
		t.Fatalf("enrol: %v\n%s%s", err, out, summary)
	}
	out, _, err = tanu("teachhub", "cards", "--program", regno, "--status", "registered")
	if err != nil || !strings.Contains(out, "KZ-1") || !strings.Contains(out, "Сейітқали Әсел") || strings.Contains(out, "KZ-2") {
		t.Fatalf("cards: %v\n%s", err, out)
	}
	out, _, err = tanu("teachhub", "report", "--from", "2026-01-01", "--to", "2026-12-31")
	if err != nil || !strings.HasPrefix(out, "\ufeffActivities\r\nDepartment;Staff ID;") || !strings.Contains(out, "\r\ntotal;") ||
		!strings.Contains(out, ";KZ-1;Сейітқали Әсел;доцент;") {
		t.Fatalf("report: %v\n%s", err, out)
	}
	// The report speaks the language asked for: its headers and its rows.
	out, _, err = tanu("teachhub", "report", "--from", "2026-01-01", "--to", "2026-12-31", "--lang", "kz")
	if err != nil || !strings.HasPrefix(out, "\ufeffІс-шаралар\r\nҚұрылымдық бөлімше;Қызметкердің табель нөмірі;") || !strings.Contains(out, "\r\nбарлығы;") {
		t.Fatalf("report in Kazakh: %v\n%s", err, out)
	}
	if _, _, err := tanu("teachhub", "report", "--from", "2026-13-01"); err == nil {
		t.Fatal("a bad date gives no error")
	}
}
