package render_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/render"
	"github.com/tanu-edu/tanu/verifier"
)

// testJWS has the shape of a compact JWS; the renderer checks only that.
const testJWS = "eyJhbGciOiJFUzI1NiJ9.eyJqdGkiOiJ1cm46dXVpZDoxIn0.c2lnbmF0dXJl"

// TestCredentialAttachment checks, with poppler's pdfdetach, that a
// certificate carries its signed credential as the attachment
// credential.jwt, that verifier.Extract finds the same bytes, and that a
// certificate rendered without one has no attachment.
func TestCredentialAttachment(t *testing.T) {
	pdfdetach := needPoppler(t, "pdfdetach")
	r := newRenderer(t)
	c := micro("kk")
	c.Credential = testJWS
	pdf := renderPDF(t, r, c)
	file := writeTemp(t, pdf)
	list, err := exec.Command(pdfdetach, "-list", file).Output()
	if err != nil || !strings.Contains(string(list), "1 embedded files") || !strings.Contains(string(list), "credential.jwt") {
		t.Fatalf("pdfdetach -list: %v\n%s", err, list)
	}
	out := filepath.Join(t.TempDir(), "credential.jwt")
	if b, err := exec.Command(pdfdetach, "-save", "1", "-o", out, file).CombinedOutput(); err != nil {
		t.Fatalf("pdfdetach -save: %v %s", err, b)
	}
	if got, _ := os.ReadFile(out); string(got) != testJWS {
		t.Errorf("pdfdetach saved %q", got)
	}
	if got, err := verifier.Extract(t.Context(), pdf); err != nil || got.JWS != testJWS || got.Kind != verifier.KindPDF {
		t.Errorf("verifier.Extract = %+v, %v", got, err)
	}

	plain := renderPDF(t, r, micro("kk"))
	if _, err := verifier.Extract(t.Context(), plain); !errors.Is(err, verifier.ErrNoCredential) {
		t.Errorf("verifier.Extract of a certificate rendered without a credential: %v", err)
	}
	c.Credential = "not a jws"
	if err := r.Render(t.Context(), new(strings.Builder), c); !errors.Is(err, render.ErrInvalid) {
		t.Errorf("Render with a malformed credential: %v", err)
	}
}
