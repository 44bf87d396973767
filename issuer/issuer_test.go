package issuer_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	crand "crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/keyring"
	"github.com/tanu-edu/tanu/verifier"
)

var update = flag.Bool("update", false, "rewrite golden files")

type memStore struct {
	progs map[string]*credential.Program
	n     int64
}

func (m *memStore) Program(_ context.Context, regno string, _ int) (*credential.Program, error) {
	p, ok := m.progs[regno]
	if !ok {
		return nil, credential.Errorf(credential.CodeNotFound, "program %s not found", regno)
	}
	return p, nil
}

func (m *memStore) IssueAwards(_ context.Context, keys []string, build credential.BuildFunc) ([]credential.Outcome, error) {
	out := make([]credential.Outcome, len(keys))
	for i := range keys {
		m.n++
		r, err := build(i, credential.Numbers{Certificate: m.n, Book: "2026/00000" + string(rune('0'+m.n)), StatusList: 1, StatusIndex: 4242}, time.Date(2026, 5, 10, 9, 30, 0, 0, time.UTC))
		if err != nil {
			return nil, err
		}
		out[i] = credential.Outcome{Record: r}
	}
	return out, nil
}

var clock = func() time.Time { return time.Date(2026, 5, 10, 9, 30, 0, 0, time.UTC) }

func programs() map[string]*credential.Program {
	micro := &credential.Program{RegistrationNumber: "MQ-2026-0001", Version: 1, Status: credential.ProgramActive, Kind: credential.KindMicroqualification,
		Name: credential.Text{"kk": "Деректерді талдауға арналған Python", "en": "Python for Data Analysis"}, Hours: 90, Credits: 3, NQFLevel: 6, FormOfStudy: "blended",
		Competencies: []credential.Competency{
			{Code: "LO1", Title: credential.Text{"kk": "Деректерді жинау және тазалау", "en": "Collecting and cleaning data"}},
			{Code: "LO2", Title: credential.Text{"kk": "Статистикалық талдау"}},
			{Code: "LO3", Title: credential.Text{"kk": "Визуализация"}, Optional: true},
		}, ValidFrom: "2026-01-01", ValidUntil: "2027-12-31"}
	th := &credential.Program{RegistrationNumber: "TH-2026-0001", Version: 2, Status: credential.ProgramActive, Kind: credential.KindTeachHubModule,
		Name: credential.Text{"kk": "Симуляциялық оқытудағы кері байланыс"}, Hours: 36, ContactHours: 24, SelfStudyHours: 12, NQFLevel: 7,
		Facilitators: []string{"Facilitator One"},
		Competencies: []credential.Competency{{Code: "TH1", Title: credential.Text{"kk": "Дебрифинг құрылымы"}}}}
	draft := &credential.Program{RegistrationNumber: "MQ-2026-0002", Version: 1, Status: credential.ProgramDraft, Kind: credential.KindMicroqualification,
		Name: credential.Text{"kk": "Жоба"}, Hours: 30, Credits: 1, NQFLevel: 5, Competencies: micro.Competencies}
	return map[string]*credential.Program{micro.RegistrationNumber: micro, th.RegistrationNumber: th, draft.RegistrationNumber: draft}
}

func newIssuer(t testing.TB) (*issuer.Issuer, *keyring.Signer) {
	t.Helper()
	ring, err := keyring.Open(t.TempDir(), keyring.WithRand(rand.NewChaCha8([32]byte{1})))
	if err != nil {
		t.Fatal(err)
	}
	k, err := ring.Generate(keyring.ES256)
	if err != nil {
		t.Fatal(err)
	}
	id := issuer.Identity{BaseURL: "https://credentials.example.edu", Name: credential.Text{"kk": "Үлгі университеті", "en": "Example University"},
		URL: "https://www.example.edu", Email: "registrar@example.edu", DefaultLang: "kk", Scale: credential.DefaultGradeScale()}
	s, err := keyring.NewSigner(k, id.KeyURL(k.KID))
	if err != nil {
		t.Fatal(err)
	}
	is, err := issuer.New(id, &memStore{progs: programs()}, s, issuer.WithClock(clock), issuer.WithRand(rand.NewChaCha8([32]byte{2})))
	if err != nil {
		t.Fatal(err)
	}
	return is, s
}

func request() issuer.Request {
	return issuer.Request{Program: "MQ-2026-0001", StudentID: "S22633920", FamilyName: "Жұмабекова", GivenName: "Мөлдір", Patronymic: "Нұрланқызы",
		Email: "s22633920@students.example.edu", IIN: "760227487797", DateFrom: "2026-02-02", DateTo: "24.04.2026", DecisionDate: "2026-05-06",
		Grades: map[string]any{"LO1": 86.0, "LO2": "B+", "LO3": 76}}
}

func payload(t *testing.T, jws string) []byte {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(strings.Split(jws, ".")[1])
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestSchema validates representative credentials against the official
// formal AchievementCredential schema.
func TestSchema(t *testing.T) {
	schema, err := verifier.LoadSchema(verifier.SchemaFormal)
	if err != nil {
		t.Fatal(err)
	}
	lenient, err := verifier.LoadSchema(verifier.SchemaJSONLD)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]func(*issuer.Request){
		"microqualification full":      func(*issuer.Request) {},
		"letters only, no contact":     func(r *issuer.Request) { r.Email, r.IIN = "", ""; r.Grades = map[string]any{"LO1": "A", "LO2": "D"} },
		"optional competency left out": func(r *issuer.Request) { delete(r.Grades, "LO3") },
		"russian, expiring":            func(r *issuer.Request) { r.Language = "ru"; r.ValidUntil = "2030-07-01" },
		"english, no patronymic":       func(r *issuer.Request) { r.Language = "en"; r.Patronymic = "" },
		"teachhub": func(r *issuer.Request) {
			r.Program, r.DecisionDate, r.Grades, r.Department, r.Position = "TH-2026-0001", "", map[string]any{"TH1": 90}, "Хирургия кафедрасы", "аға оқытушы"
		},
	}
	for name, mod := range cases {
		t.Run(name, func(t *testing.T) {
			is, _ := newIssuer(t)
			r := request()
			mod(&r)
			res, err := is.Issue(context.Background(), r)
			if err != nil {
				t.Fatal(err)
			}
			pl := payload(t, res.Record.JWS)
			if err := schema.Validate(pl); err != nil {
				t.Fatalf("formal schema: %v\n%s", err, pl)
			}
			if err := lenient.Validate(pl); err != nil {
				t.Fatalf("JSON-LD adaptation schema: %v", err)
			}
			// No national id or e-mail in clear, anywhere.
			for _, secret := range []string{"760227487797", "s22633920@students.example.edu", "S22633920"} {
				if bytes.Contains([]byte(res.Record.JWS), []byte(secret)) || bytes.Contains(pl, []byte(secret)) {
					t.Fatalf("%s appears in clear in the credential", secret)
				}
			}
		})
	}
}

// TestPayloadGolden pins the credential shape and the JWT claims.
func TestPayloadGolden(t *testing.T) {
	is, signer := newIssuer(t)
	res, err := is.Issue(context.Background(), request())
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(res.Record.JWS, ".")
	hdr, _ := base64.RawURLEncoding.DecodeString(parts[0])
	var h map[string]any
	_ = json.Unmarshal(hdr, &h)
	if h["alg"] != "ES256" || h["typ"] != "JWT" || h["kid"] != signer.KID() || len(h) != 3 {
		t.Fatalf("header %v", h)
	}
	var m map[string]any
	if err := json.Unmarshal(payload(t, res.Record.JWS), &m); err != nil {
		t.Fatal(err)
	}
	subj := m["credentialSubject"].(map[string]any)
	if m["iss"] != m["issuer"].(map[string]any)["id"] || m["jti"] != m["id"] || m["sub"] != subj["id"] {
		t.Fatalf("claims do not match: iss %v jti %v sub %v", m["iss"], m["jti"], m["sub"])
	}
	if int64(m["nbf"].(float64)) != clock().Unix() || m["validFrom"] != "2026-05-10T09:30:00Z" {
		t.Fatalf("nbf %v validFrom %v", m["nbf"], m["validFrom"])
	}
	got, _ := json.MarshalIndent(m, "", "  ")
	golden := "testdata/credential.golden.json"
	if *update {
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
		t.Fatalf("credential differs from %s (run go test ./issuer -update):\n%s", golden, got)
	}
}

func TestIdentityHashVector(t *testing.T) {
	if got := issuer.IdentityHash("a@example.com", "Kosher"); got != "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399" {
		t.Fatalf("got %s", got)
	}
}

func TestRefusals(t *testing.T) {
	cases := []struct {
		name  string
		mod   func(*issuer.Request)
		code  credential.Code
		field string
	}{
		{"failing grade in a required competency", func(r *issuer.Request) { r.Grades["LO2"] = 42 }, credential.CodeInvalid, "grades.LO2"},
		{"F as a letter", func(r *issuer.Request) { r.Grades["LO1"] = "F" }, credential.CodeInvalid, "grades.LO1"},
		{"missing required grade", func(r *issuer.Request) { delete(r.Grades, "LO1") }, credential.CodeInvalid, "grades.LO1"},
		{"grade out of range", func(r *issuer.Request) { r.Grades["LO1"] = 101 }, credential.CodeInvalid, "grades.LO1"},
		{"unknown letter", func(r *issuer.Request) { r.Grades["LO1"] = "E" }, credential.CodeInvalid, "grades.LO1"},
		{"unknown competency", func(r *issuer.Request) { r.Grades["LO9"] = 90 }, credential.CodeInvalid, "grades.LO9"},
		{"reversed period", func(r *issuer.Request) { r.DateFrom, r.DateTo = "2026-05-01", "2026-04-01" }, credential.CodeInvalid, "date_to"},
		{"impossible date", func(r *issuer.Request) { r.DateFrom = "31.02.2026" }, credential.CodeInvalid, "date_from"},
		{"bad IIN", func(r *issuer.Request) { r.IIN = "760227487798" }, credential.CodeInvalid, "iin"},
		{"no decision date", func(r *issuer.Request) { r.DecisionDate = "" }, credential.CodeInvalid, "decision_date"},
		{"no family name", func(r *issuer.Request) { r.FamilyName = " " }, credential.CodeInvalid, "family_name"},
		{"bad e-mail", func(r *issuer.Request) { r.Email = "not-mail" }, credential.CodeInvalid, "email"},
		{"bad language", func(r *issuer.Request) { r.Language = "de" }, credential.CodeInvalid, "language"},
		// Issue 10, item 10: the JSON API validates as much as the spreadsheet.
		{"year 0000", func(r *issuer.Request) { r.DateFrom = "0000-01-01" }, credential.CodeInvalid, "date_from"},
		{"year 9999", func(r *issuer.Request) { r.DateTo = "9999-12-31" }, credential.CodeInvalid, "date_to"},
		{"end of study in the future", func(r *issuer.Request) { r.DateTo, r.DecisionDate = "2099-01-01", "2099-01-02" }, credential.CodeInvalid, "date_to"},
		{"decision in the future", func(r *issuer.Request) { r.DecisionDate = "2099-01-02" }, credential.CodeInvalid, "decision_date"},
		{"already expired", func(r *issuer.Request) { r.ValidUntil = "2020-01-01T00:00:00Z" }, credential.CodeInvalid, "valid_until"},
		{"valid until 9999", func(r *issuer.Request) { r.ValidUntil = "9999-12-31" }, credential.CodeInvalid, "valid_until"},
		{"1e308 hours", func(r *issuer.Request) { h := 1e308; r.Hours = &h }, credential.CodeInvalid, "hours"},
		{"negative contact hours", func(r *issuer.Request) { h := -5.0; r.ContactHours = &h }, credential.CodeInvalid, "contact_hours"},
		{"negative self-study hours", func(r *issuer.Request) { h := -1.0; r.SelfStudyHours = &h }, credential.CodeInvalid, "self_study_hours"},
		{"credits beyond the limit", func(r *issuer.Request) { c := 1e6; r.Credits = &c }, credential.CodeInvalid, "credits"},
		{"NUL in a name", func(r *issuer.Request) { r.FamilyName = "Ким\x00" }, credential.CodeInvalid, "family_name"},
		{"right-to-left override", func(r *issuer.Request) { r.GivenName = "\u202eЛи" }, credential.CodeInvalid, "given_name"},
		{"markup in a name", func(r *issuer.Request) { r.FamilyName = "<script>alert(1)</script>" }, credential.CodeInvalid, "family_name"},
		{"multi-line name", func(r *issuer.Request) { r.GivenName = "Ли\nКим" }, credential.CodeInvalid, "given_name"},
		{"invalid UTF-8", func(r *issuer.Request) { r.Patronymic = "\xff\xfe" }, credential.CodeInvalid, "patronymic"},
		{"100 KB student id", func(r *issuer.Request) { r.StudentID = strings.Repeat("S", 100_000) }, credential.CodeInvalid, "student_id"},
		{"formula student id", func(r *issuer.Request) { r.StudentID = "@SUM(1+1)" }, credential.CodeInvalid, "student_id"},
		{"bidi in a department", func(r *issuer.Request) { r.Department = "Кафедра\u2066x" }, credential.CodeInvalid, "department"},
		{"21 facilitators", func(r *issuer.Request) { r.Facilitators = make([]string, 21) }, credential.CodeInvalid, "facilitators"},
		{"5,000 grades", func(r *issuer.Request) {
			for i := range 5000 {
				r.Grades[fmt.Sprintf("X%d", i)] = 90
			}
		}, credential.CodeInvalid, "grades"},
		{"huge e-mail", func(r *issuer.Request) { r.Email = strings.Repeat("a", 100_000) + "@example.edu" }, credential.CodeInvalid, "email"},
		{"draft program", func(r *issuer.Request) { r.Program = "MQ-2026-0002" }, credential.CodeNotAcceptable, ""},
		{"unknown program", func(r *issuer.Request) { r.Program = "MQ-1990-0001" }, credential.CodeNotFound, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			is, _ := newIssuer(t)
			r := request()
			tc.mod(&r)
			_, err := is.Issue(context.Background(), r)
			if credential.ErrorCode(err) != tc.code {
				t.Fatalf("err %v, want code %s", err, tc.code)
			}
			if tc.field != "" {
				found := false
				for _, d := range credential.ErrorDetails(err) {
					// The message names the field and never echoes a huge value.
					found = found || (d.Field == tc.field && len(d.Message) < 500 &&
						strings.Contains(strings.ToLower(d.Message), strings.ToLower(strings.TrimPrefix(tc.field, "grades."))))
				}
				if !found {
					t.Fatalf("no detail for %s in %.2000v", tc.field, credential.ErrorDetails(err))
				}
			}
		})
	}
}

func TestCheckIIN(t *testing.T) {
	valid := []string{"760227487797", "050421595512", "931107461016", "000503699647", "040314631915"}
	for _, v := range valid {
		if err := issuer.CheckIIN(v); err != nil {
			t.Errorf("%s: %v", v, err)
		}
	}
	invalid := []string{"", "76022748779", "7602274877970", "76022748779x", "760227487798", "761327487797", "760230487797", "760227787797"}
	for _, v := range invalid {
		if err := issuer.CheckIIN(v); err == nil {
			t.Errorf("%s accepted", v)
		}
	}
}

func TestCreditUnits(t *testing.T) {
	for _, tc := range []struct{ h, want float64 }{{36, 1.2}, {30, 1}, {20, 0.67}, {0, 0}} {
		if got := issuer.CreditUnits(tc.h); got != tc.want {
			t.Errorf("CreditUnits(%v) = %v, want %v", tc.h, got, tc.want)
		}
	}
}

func BenchmarkIssueOne(b *testing.B) {
	is, _ := newIssuer(b)
	r := request()
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := is.Issue(ctx, r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRawES256 is the floor: one ES256 signature of a SHA-256 digest,
// to compare BenchmarkIssueOne against in the same run.
func BenchmarkRawES256(b *testing.B) {
	k, _ := ecdsa.GenerateKey(elliptic.P256(), crand.Reader)
	d := sha256.Sum256([]byte("payload"))
	for b.Loop() {
		if _, err := ecdsa.SignASN1(crand.Reader, k, d[:]); err != nil {
			b.Fatal(err)
		}
	}
}
