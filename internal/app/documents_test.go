package app_test

import (
	"bytes"
	"image"
	_ "image/png"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"github.com/tanu-edu/tanu/internal/app/apptest"
	"github.com/tanu-edu/tanu/verifier"
)

func needPoppler(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not found: install poppler-utils to run the PDF tests", tool)
		}
	}
}

// TestCertificateDownloads fetches the PDF in each language as a graduate
// would, reads its text and scans its QR code; then verifies the baked
// badges by uploading them.
func TestCertificateDownloads(t *testing.T) {
	needPoppler(t)
	h := apptest.Start(t, "sqlite")
	regno := createProgram(t, h)
	c := issue(t, h, regno, "S22633920")
	dir := t.TempDir()
	for lang, words := range map[string][]string{
		"kk": {"Жұмабекова Мөлдір Нұрланқызы", "Деректерді талдауға арналған Python", c.CertificateNumber, "М.О."},
		"ru": {"Жұмабекова Мөлдір Нұрланқызы", "Python для анализа данных", c.CertificateNumber},
		"en": {"Жұмабекова Мөлдір Нұрланқызы", "Python for Data Analysis", c.CertificateNumber},
	} {
		resp, pdf := h.Do(t, "", "GET", "/c/"+c.ID+"/certificate.pdf?lang="+lang, "", nil)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" || resp.Header.Get("ETag") == "" {
			t.Fatalf("%s pdf: %d %v", lang, resp.StatusCode, resp.Header)
		}
		_, again := h.Do(t, "", "GET", "/c/"+c.ID+"/certificate.pdf?lang="+lang, "", nil)
		if !bytes.Equal(pdf, again) {
			t.Fatalf("%s: the same credential rendered to different bytes", lang)
		}
		path := filepath.Join(dir, lang+".pdf")
		if err := os.WriteFile(path, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(string(out)), " ")
		for _, w := range append(words, c.URL) {
			if !strings.Contains(text, strings.Join(strings.Fields(w), " ")) {
				t.Errorf("%s certificate lacks %q", lang, w)
			}
		}
		if strings.Contains(text, "760227487797") {
			t.Errorf("%s certificate shows the IIN", lang)
		}
		if lang == "kk" {
			if got := scanQR(t, path, dir); got != c.URL {
				t.Fatalf("QR decodes to %q, want %q", got, c.URL)
			}
		}
	}
	for _, f := range []struct{ path, ct string }{{"badge.png", "image/png"}, {"badge.svg", "image/svg+xml"}} {
		resp, img := h.Do(t, "", "GET", "/c/"+c.ID+"/"+f.path, "", nil)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != f.ct {
			t.Fatalf("%s: %d", f.path, resp.StatusCode)
		}
		resp, body := h.Do(t, "", "POST", "/api/v1/verify", f.ct, bytes.NewReader(img))
		r := decode[verifier.Result](t, body)
		if resp.StatusCode != 200 || r.Status != "valid" || r.Credential.ID != "urn:uuid:"+c.ID {
			t.Fatalf("verify baked %s: %d %s", f.path, resp.StatusCode, body)
		}
		// Sniffed without a content type too.
		_, body = h.Do(t, "", "POST", "/api/v1/verify", "", bytes.NewReader(img))
		if r := decode[verifier.Result](t, body); r.Status != "valid" {
			t.Fatalf("verify sniffed %s: %s", f.path, body)
		}
	}
	// The page offers the downloads.
	_, html := h.Do(t, "", "GET", "/c/"+c.ID, "", nil)
	for _, link := range []string{"certificate.pdf?lang=kk", "badge.png", "badge.svg", "credential.jwt", "linkedin.com/profile/add", `property="og:title"`} {
		if !bytes.Contains(html, []byte(link)) {
			t.Errorf("page lacks %s", link)
		}
	}
}

// scanQR rasterizes page 1 and decodes its QR code like a phone would,
// taking a few "frames": 150, 200 and 300 dpi. ZXing-family decoders (this
// is a Go port) miss about one valid symbol in a hundred at a given
// resolution; a phone retries until a frame reads. Any frame that reads
// must read the right URL.
func scanQR(t *testing.T, pdf, dir string) string {
	t.Helper()
	var errs []string
	for _, dpi := range []string{"150", "200", "300"} {
		prefix := filepath.Join(dir, "page"+dpi)
		if out, err := exec.Command("pdftoppm", "-r", dpi, "-f", "1", "-l", "1", "-png", pdf, prefix).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v %s", err, out)
		}
		matches, _ := filepath.Glob(prefix + "*.png")
		if len(matches) == 0 {
			t.Fatal("no page image")
		}
		f, err := os.Open(matches[0])
		if err != nil {
			t.Fatal(err)
		}
		img, _, err := image.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		bmp, err := gozxing.NewBinaryBitmapFromImage(img)
		if err != nil {
			t.Fatal(err)
		}
		res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true})
		if err != nil {
			errs = append(errs, dpi+" dpi: "+err.Error())
			continue
		}
		return res.GetText()
	}
	t.Fatalf("no QR code read from the page: %v", errs)
	return ""
}

// TestVerifyCertificatePDF uploads a served certificate PDF to
// POST /api/v1/verify: the signed credential it carries verifies; the same
// PDF with a byte of the credential's payload changed, a certificate of
// a revoked credential, and a PDF re-saved with compressed streams (which
// hides the attachment) each get the answer they deserve.
func TestVerifyCertificatePDF(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	regno := createProgram(t, h)
	c := issue(t, h, regno, "S22633920")
	_, pdf := h.Do(t, "", "GET", "/c/"+c.ID+"/certificate.pdf?lang=en", "", nil)

	resp, body := h.Do(t, "", "POST", "/api/v1/verify", "application/pdf", bytes.NewReader(pdf))
	if r := decode[verifier.Result](t, body); resp.StatusCode != 200 || r.Status != "valid" || r.Credential.ID != "urn:uuid:"+c.ID {
		t.Fatalf("verify PDF: %d %s", resp.StatusCode, body)
	}
	// Sniffed, through the web form's multipart upload.
	var form bytes.Buffer
	mw := multipart.NewWriter(&form)
	fw, _ := mw.CreateFormFile("file", "certificate.pdf")
	fw.Write(pdf)
	mw.Close()
	resp, body = h.Do(t, "", "POST", "/api/v1/verify", mw.FormDataContentType(), &form)
	if r := decode[verifier.Result](t, body); resp.StatusCode != 200 || r.Status != "valid" {
		t.Fatalf("verify PDF by form: %d %s", resp.StatusCode, body)
	}

	// Tamper with the embedded credential's payload (one character of the
	// base64url payload, inside the attachment).
	start := bytes.Index(pdf, []byte("/Type /EmbeddedFile "))
	dot := bytes.IndexByte(pdf[start:], '.')
	if start < 0 || dot < 0 {
		t.Fatal("no embedded credential in the PDF")
	}
	forged := bytes.Clone(pdf)
	i := start + dot + 20
	if forged[i] == 'A' {
		forged[i] = 'B'
	} else {
		forged[i] = 'A'
	}
	_, body = h.Do(t, "", "POST", "/api/v1/verify", "application/pdf", bytes.NewReader(forged))
	if r := decode[verifier.Result](t, body); r.Status != "invalid" {
		t.Fatalf("tampered PDF verified as %s: %s", r.Status, body)
	}

	if qpdf, err := exec.LookPath("qpdf"); err == nil {
		dir := t.TempDir()
		in, out := filepath.Join(dir, "in.pdf"), filepath.Join(dir, "out.pdf")
		if err := os.WriteFile(in, pdf, 0o600); err != nil {
			t.Fatal(err)
		}
		if b, err := exec.Command(qpdf, "--compress-streams=y", "--object-streams=generate", in, out).CombinedOutput(); err != nil {
			t.Fatalf("qpdf: %v %s", err, b)
		}
		resaved, _ := os.ReadFile(out)
		resp, body = h.Do(t, "", "POST", "/api/v1/verify", "application/pdf", bytes.NewReader(resaved))
		if resp.StatusCode != 400 || !strings.Contains(string(body), "QR code") {
			t.Fatalf("re-saved PDF: %d %s", resp.StatusCode, body)
		}
	}

	h.Do(t, "registrar", "POST", "/api/v1/credentials/"+c.ID+"/revoke", "application/json", strings.NewReader(`{"reason":"test"}`))
	_, body = h.Do(t, "", "POST", "/api/v1/verify", "application/pdf", bytes.NewReader(pdf))
	if r := decode[verifier.Result](t, body); r.Status != "revoked" {
		t.Fatalf("revoked credential's PDF verified as %s", r.Status)
	}
}

// TestVerifyForm posts the verify page's form both ways a browser does:
// a file upload (multipart) and the pasted text (urlencoded), asking for
// JSON and for the HTML verdict.
func TestVerifyForm(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	regno := createProgram(t, h)
	c := issue(t, h, regno, "S22633920")
	_, jws := h.Do(t, "", "GET", "/c/"+c.ID+"/credential.jwt", "", nil)
	_, png := h.Do(t, "", "GET", "/c/"+c.ID+"/badge.png", "", nil)

	post := func(ct string, body []byte, accept string) (int, string) {
		req, err := http.NewRequest("POST", h.URL+"/api/v1/verify", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", ct)
		req.Header.Set("Accept", accept)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	multi := func(name string, data []byte) (string, []byte) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		fw, _ := mw.CreateFormFile("file", name)
		fw.Write(data)
		mw.Close()
		return mw.FormDataContentType(), buf.Bytes()
	}
	ct, body := multi("badge.png", png)
	if code, out := post(ct, body, "application/json"); code != 200 || !strings.Contains(out, `"status":"valid"`) {
		t.Errorf("file upload: %d %s", code, out)
	}
	if code, out := post(ct, body, "text/html"); code != 200 || !strings.Contains(out, "<html") || !strings.Contains(out, "Жұмабекова") {
		t.Errorf("file upload, HTML verdict: %d %.300s", code, out)
	}
	// What a browser sends when text is pasted and no file chosen: the
	// textarea, and an empty file part with an empty file name.
	var page bytes.Buffer
	mw := multipart.NewWriter(&page)
	mw.WriteField("credential", string(jws))
	h2 := make(textproto.MIMEHeader)
	h2.Set("Content-Disposition", `form-data; name="file"; filename=""`)
	h2.Set("Content-Type", "application/octet-stream")
	mw.CreatePart(h2)
	mw.Close()
	if code, out := post(mw.FormDataContentType(), page.Bytes(), "text/html"); code != 200 || !strings.Contains(out, "Жұмабекова") {
		t.Errorf("page form with pasted text: %d %.300s", code, out)
	}
	// The pages' icon: browsers ask for /favicon.ico on their own.
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if resp, err := noRedirect.Get(h.URL + "/favicon.ico"); err != nil || resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/favicon.svg" {
		t.Errorf("/favicon.ico: %v %v", err, resp)
	} else {
		resp.Body.Close()
	}
	if resp, icon := h.Do(t, "", "GET", "/favicon.svg", "", nil); resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/svg+xml" || !bytes.HasPrefix(icon, []byte("<svg")) {
		t.Errorf("/favicon.svg: %d %s", resp.StatusCode, icon)
	}
	// The page's form keeps the page's language for the verdict.
	if _, page := h.Do(t, "", "GET", "/verify?lang=ru", "", nil); !bytes.Contains(page, []byte(`action="/api/v1/verify?lang=ru"`)) {
		t.Errorf("the ru verify page's form does not ask for a ru verdict")
	}
	form := []byte(url.Values{"credential": {string(jws)}}.Encode())
	if code, out := post("application/x-www-form-urlencoded", form, "application/json"); code != 200 || !strings.Contains(out, `"status":"valid"`) {
		t.Errorf("pasted text: %d %s", code, out)
	}
	if code, out := post("application/x-www-form-urlencoded", []byte("credential="), "application/json"); code != 400 {
		t.Errorf("empty form: %d %s", code, out)
	}
}
