package verifier_test

import (
	"bytes"
	"context"
	"encoding/json"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/render"
	"github.com/tanu-edu/tanu/templates"
	"github.com/tanu-edu/tanu/verifier"
)

// shown is what a certificate PDF prints, independently of the credential
// it carries.
type shown struct {
	id, number, holder string
}

func shownOf(t *testing.T, jws string) shown {
	t.Helper()
	var p struct {
		ID                string `json:"id"`
		CertificateNumber string `json:"certificateNumber"`
		Subject           struct {
			Identifier []struct {
				Hash string `json:"identityHash"`
				Type string `json:"identityType"`
			} `json:"identifier"`
		} `json:"credentialSubject"`
	}
	if err := json_(part(t, jws, 1), &p); err != nil {
		t.Fatal(err)
	}
	s := shown{id: strings.TrimPrefix(p.ID, "urn:uuid:"), number: p.CertificateNumber}
	for _, i := range p.Subject.Identifier {
		if i.Type == "name" {
			s.holder = i.Hash
		}
	}
	return s
}

// certificatePDF renders the certificate tanu prints for what s shows, in
// lang, carrying the credential jws as its attachment.
func certificatePDF(t *testing.T, s shown, jws, lang string) []byte {
	t.Helper()
	r, err := render.New(render.Options{Templates: templates.FS})
	if err != nil {
		t.Fatal(err)
	}
	c := render.Certificate{Kind: render.KindMicroqualification, Lang: lang, ID: s.id, URL: base + "/c/" + s.id,
		CertificateNumber: s.number, BookNumber: "2026/000001", Organization: "Үлгі университеті", FamilyName: s.holder,
		DateFrom: time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC), DateTo: time.Date(2026, 4, 24, 0, 0, 0, 0, time.UTC),
		DecisionDate: time.Date(2026, 5, 6, 0, 0, 0, 0, time.UTC), IssueDate: time.Date(2026, 5, 10, 0, 0, 0, 0, time.UTC),
		ProgramName: "Python", ProgramRegNo: "MQ-2026-0001", Hours: 90, Credits: 3, NQFLevel: 6, Credential: jws}
	var buf bytes.Buffer
	if err := r.Render(context.Background(), &buf, c); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func verifyFile(t *testing.T, v *verifier.Verifier, file []byte) *verifier.Result {
	t.Helper()
	x, err := verifier.Extract(context.Background(), file)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	return v.VerifyExtracted(context.Background(), x)
}

// TestCertificatePDFShowsItsCredential: a certificate PDF verifies only
// when what it shows belongs to the credential it carries. A PDF printed
// for one holder with another holder's valid credential attached is
// altered, never valid; so is any mix of the two.
func TestCertificatePDFShowsItsCredential(t *testing.T) {
	f := newFixture(t)
	a := f.issue(t, nil)
	b := f.issue(t, func(r *issuer.Request) {
		r.StudentID = "S2"
		r.FamilyName, r.GivenName = "Серікбаев", "Айдос"
	})
	v := f.verifier(t, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	sa, sb := shownOf(t, a), shownOf(t, b)
	if sa.number == sb.number || sa.holder == sb.holder {
		t.Fatalf("fixtures alike: %+v %+v", sa, sb)
	}
	for _, lang := range []string{"kk", "ru", "en"} {
		r := verifyFile(t, v, certificatePDF(t, sb, b, lang))
		if r.Status != verifier.StatusValid || r.Verdict != verifier.StatusValid {
			t.Fatalf("%s: genuine certificate: %s/%s %+v", lang, r.Status, r.Verdict, r.Checks)
		}
	}
	cases := map[string]shown{
		"another holder's certificate": sa,
		"only the name changed":        {id: sb.id, number: sb.number, holder: sa.holder},
		"only the number changed":      {id: sb.id, number: sa.number, holder: sb.holder},
		"only the id and QR changed":   {id: sa.id, number: sb.number, holder: sb.holder},
	}
	for name, s := range cases {
		r := verifyFile(t, v, certificatePDF(t, s, b, "ru"))
		if r.Status != verifier.StatusInvalid || r.Verified || r.Verdict != verifier.VerdictAltered {
			t.Errorf("%s: %s/%s %+v", name, r.Status, r.Verdict, r.Checks)
		}
	}
}

// TestExtractPDFBounded: a 2 MiB PDF of repeated attachment markers (44 s
// of CPU with the old extractor, which searched the rest of the file once
// per marker) is refused in bounded time and memory, and a cancelled
// request stops the work.
func TestExtractPDFBounded(t *testing.T) {
	bomb := []byte("%PDF-1.7\n")
	for len(bomb) < verifier.MaxPDFBytes-64 {
		bomb = append(bomb, "/Type /EmbeddedFile "...)
	}
	objs := []byte("%PDF-1.7\n")
	for i := 1; len(objs) < verifier.MaxPDFBytes-64; i++ {
		objs = append(objs, "1 0 obj << /Type /EmbeddedFile >> stream\n"...)
	}
	for name, pdf := range map[string][]byte{"markers": bomb, "objects": objs} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		start := time.Now()
		_, err := verifier.Extract(context.Background(), pdf)
		d := time.Since(start)
		runtime.ReadMemStats(&after)
		if err == nil {
			t.Errorf("%s: a credential was extracted", name)
		}
		if d > 2*time.Second {
			t.Errorf("%s: took %v", name, d)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
			t.Errorf("%s: allocated %d MiB", name, alloc>>20)
		}
	}
	big := append(bytes.Clone(bomb), make([]byte, verifier.MaxPDFBytes)...)
	if _, err := verifier.Extract(context.Background(), big); err == nil || !strings.Contains(err.Error(), "larger") {
		t.Errorf("oversized PDF: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := verifier.Extract(ctx, objs); err == nil {
		t.Error("cancelled extraction went on")
	}
}

func json_(b []byte, v any) error { return json.Unmarshal(b, v) }

// TestCertificatePDFEditedAfterIssue: a genuine certificate with an
// incremental update appended (how PDF editors save a change) is altered.
func TestCertificatePDFEditedAfterIssue(t *testing.T) {
	f := newFixture(t)
	jws := f.issue(t, nil)
	v := f.verifier(t, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	pdf := certificatePDF(t, shownOf(t, jws), jws, "kk")
	edited := append(bytes.Clone(pdf), "3 0 obj\n<< /Title (changed) >>\nendobj\nxref\n3 1\n0000000000 00000 n \ntrailer\n<< /Size 4 >>\nstartxref\n0\n%%EOF\n"...)
	if r := verifyFile(t, v, edited); r.Verdict != verifier.VerdictAltered || r.Verified {
		t.Errorf("edited PDF: %s/%s %+v", r.Status, r.Verdict, r.Checks)
	}
}

// FuzzExtract feeds the extractor arbitrary bytes, seeded with a genuine
// certificate PDF: it must never panic, and never take long.
func FuzzExtract(f *testing.F) {
	fx := newFixture(&testing.T{})
	jws := fx.issue(&testing.T{}, nil)
	f.Add(certificatePDF(&testing.T{}, shownOf(&testing.T{}, jws), jws, "ru"))
	f.Add([]byte(jws))
	f.Add([]byte(`{"proof":[{"jwt":"` + jws + `"}],"id":"x"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		x, err := verifier.Extract(context.Background(), b)
		if err == nil && x == nil {
			t.Fatal("nil result without an error")
		}
	})
}

// BenchmarkExtractPDF measures reading a genuine certificate PDF: the
// attachment, the visible text, the links and the QR code.
func BenchmarkExtractPDF(b *testing.B) {
	t := &testing.T{}
	f := newFixture(t)
	jws := f.issue(t, nil)
	pdf := certificatePDF(t, shownOf(t, jws), jws, "kk")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := verifier.Extract(context.Background(), pdf); err != nil {
			b.Fatal(err)
		}
	}
}
