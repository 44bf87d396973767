package stacking

import (
	"bytes"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
)

// fakeJWS wraps a payload in a compact JWS shape (unsigned: componentOf
// only reads what tanu stored).
func fakeJWS(t *testing.T, payload any) string {
	b, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	return "e30." + base64.RawURLEncoding.EncodeToString(b) + ".c2ln"
}

func TestComponentGrade(t *testing.T) {
	scale := credential.DefaultGradeScale()
	prog := &credential.Program{RegistrationNumber: "MQ-2026-0001", Version: 1, Name: credential.Text{"kk": "Деректер", "en": "Data"}, Credits: 3, Hours: 90}
	for _, tc := range []struct {
		name    string
		results []map[string]string
		grade   string
		percent float64
	}{
		{"percents", []map[string]string{
			{"resultDescription": "a#LO1", "value": "B+"}, {"resultDescription": "a#LO1-percent", "value": "86"},
			{"resultDescription": "a#LO2", "value": "A"}, {"resultDescription": "a#LO2-percent", "value": "96"}}, "A-", 91},
		{"letters only", []map[string]string{{"resultDescription": "a#LO1", "value": "A"}, {"resultDescription": "a#LO2", "value": "C"}}, "B", 0}, // (97.5+64.5)/2 = 81
		{"no results", nil, "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			jws := fakeJWS(t, map[string]any{"certificateNumber": "000007", "credentialSubject": map[string]any{
				"creditsEarned": 4, "activityStartDate": "2026-02-02T00:00:00Z", "activityEndDate": "2026-04-24T00:00:00Z",
				"achievement": map[string]any{"id": "https://x/achievements/MQ-2026-0001/1", "academicHours": 120}, "result": tc.results}})
			r := &credential.Record{ID: "c1", ProgramRegNo: "MQ-2026-0001", ProgramVersion: 1, CertificateNumber: 7, JWS: jws}
			c := componentOf(r, prog, scale, "en")
			if c.Grade != tc.grade || c.Percent != tc.percent || c.Credits != 4 || c.Hours != 120 || c.Name != "Data" ||
				c.CertificateNumber != "000007" || c.From.Format(time.DateOnly) != "2026-02-02" {
				t.Fatalf("component %+v", c)
			}
		})
	}
}

// stubIssuer gives the export its identity.
type stubIssuer struct{ Issuer }

func (stubIssuer) Identity() *issuer.Identity {
	return &issuer.Identity{BaseURL: "https://certs.example.edu", Scale: credential.DefaultGradeScale()}
}

func TestWriteCSV(t *testing.T) {
	s := New(nil, stubIssuer{}, nil, func() time.Time { return time.Date(2026, 6, 30, 8, 0, 0, 0, time.UTC) })
	rows := []credential.TransferRow{{Transfer: credential.Transfer{ID: "t1", CredentialID: "c1", StudentID: "S1",
		ProgramCode: "6B06101", ProgramName: "=HYPERLINK(\"x\")", Form: credential.TransferCredits, Credits: 2.5, CreditSystem: credential.CreditsECTS,
		Grade: "B+", Body: "Совет; учёный", DecisionDate: "2026-06-10", DecisionNumber: "12",
		Validation: &credential.Validation{Kind: credential.ValidationTest, Result: "ok", Passed: true}, RecordedAt: time.Date(2026, 6, 11, 9, 0, 0, 0, time.UTC)},
		Holder: "Әбенова Мөлдір", Microqualification: "MQ-2026-0001", CertificateNumber: 7}}
	for _, l := range []lang.Tag{lang.KK, lang.RU, lang.EN} {
		var buf bytes.Buffer
		if err := s.WriteCSV(&buf, rows, l); err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte("\ufeff")) {
			t.Fatalf("%s: no BOM", l)
		}
		r := csv.NewReader(bytes.NewReader(buf.Bytes()[3:]))
		r.Comma = ';'
		recs, err := r.ReadAll()
		if err != nil || len(recs) != 2 || len(recs[0]) != len(csvColumns) || len(recs[1]) != len(csvColumns) {
			t.Fatalf("%s: %v %q", l, err, recs)
		}
		if recs[0][7] != l.T(lang.StackColProgramName) || recs[1][7] != `'=HYPERLINK("x")` || recs[1][13] != "Совет; учёный" ||
			recs[1][10] != "2.5" || recs[1][4] != "000007" || recs[1][19] != "true" || recs[1][20] != "https://certs.example.edu/c/c1" {
			t.Fatalf("%s: %q", l, recs)
		}
	}
	var buf bytes.Buffer
	if err := s.WriteJSON(&buf, rows); err != nil {
		t.Fatal(err)
	}
	var ex Export
	if err := json.Unmarshal(buf.Bytes(), &ex); err != nil || ex.Format != ExportFormat || len(ex.Transfers) != 1 ||
		ex.Transfers[0].DegreeProgramName != `=HYPERLINK("x")` || ex.GeneratedAt != "2026-06-30T08:00:00Z" || !strings.HasPrefix(ex.Issuer, "did:web:") {
		t.Fatalf("JSON export %s", buf.String())
	}
}

func TestTransferText(t *testing.T) {
	tr := PublicTransfer{ProgramCode: "6B06101", ProgramName: "Информатика", Form: credential.TransferModulePart, Course: "Деректер",
		Grade: "A", Body: "Кеңес", DecisionDate: "2026-06-10", DecisionNumber: "7"}
	for l, want := range map[lang.Tag]string{lang.KK: "«Деректер» модулінің бөлігі ретінде", lang.RU: "как часть модуля «Деректер»", lang.EN: "as part of the module “Деректер”"} {
		if got := TransferText(tr, l); !strings.Contains(got, want) || !strings.Contains(got, "10.06.2026") {
			t.Errorf("%s: %s", l, got)
		}
	}
}
