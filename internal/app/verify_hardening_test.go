package app_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/app/apptest"
	"github.com/tanu-edu/tanu/render"
	"github.com/tanu-edu/tanu/templates"
	"github.com/tanu-edu/tanu/verifier"
)

// postVerify posts body to /api/v1/verify with a deadline, returning the
// status, the body and how long the answer took.
func postVerify(t *testing.T, h *apptest.Harness, ct, accept string, body io.Reader, deadline time.Duration) (int, string, time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "POST", h.URL+"/api/v1/verify?lang="+langOf(accept), body)
	if err != nil {
		t.Fatal(err)
	}
	if ct != "" {
		req.Header.Set("Content-Type", ct)
	}
	req.Header.Set("Accept", strings.SplitN(accept, ";", 2)[0])
	start := time.Now()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("POST /api/v1/verify: %v after %v", err, time.Since(start))
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), time.Since(start)
}

// langOf reads "text/html;lang=ru" as ru.
func langOf(accept string) string {
	if _, l, ok := strings.Cut(accept, ";lang="); ok {
		return l
	}
	return "en"
}

// TestVerifyPDFBombOverHTTP: 2 MiB PDFs of repeated markers or objects
// are answered within a second or two (the old extractor spent 44 s of CPU
// on the first, and went on after the client left), allocating little.
func TestVerifyPDFBombOverHTTP(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	markers := []byte("%PDF-1.7\n")
	for len(markers) < verifier.MaxPDFBytes-64 {
		markers = append(markers, "/Type /EmbeddedFile "...)
	}
	objects := []byte("%PDF-1.7\n")
	for len(objects) < verifier.MaxPDFBytes-64 {
		objects = append(objects, "1 0 obj << /Type /EmbeddedFile >> stream\n"...)
	}
	for name, pdf := range map[string][]byte{"markers": markers, "objects": objects} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		code, body, took := postVerify(t, h, "application/pdf", "application/json", bytes.NewReader(pdf), 10*time.Second)
		runtime.ReadMemStats(&after)
		if code != http.StatusBadRequest && code != http.StatusRequestEntityTooLarge {
			t.Errorf("%s: %d %.300s", name, code, body)
		}
		if took > 3*time.Second {
			t.Errorf("%s: answered after %v", name, took)
		}
		alloc := after.TotalAlloc - before.TotalAlloc
		t.Logf("%s: %d in %v, %d KiB allocated", name, code, took, alloc>>10)
		if alloc > 64<<20 {
			t.Errorf("%s: %d MiB allocated", name, alloc>>20)
		}
	}
}

// endlessJSON is a JSON body of n bytes produced as it is read, sent
// without a Content-Length.
type endlessJSON struct{ n, sent int }

func (e *endlessJSON) Read(p []byte) (int, error) {
	if e.sent >= e.n {
		return 0, io.EOF
	}
	k := min(len(p), e.n-e.sent)
	for i := range k {
		switch {
		case e.sent+i == 0:
			p[i] = '['
		case e.sent+i == e.n-1:
			p[i] = ']'
		case (e.sent+i)%2 == 1:
			p[i] = '1'
		default:
			p[i] = ','
		}
	}
	e.sent += k
	return k, nil
}

// TestVerifyLargeBodiesBounded: 16 MiB JSON bodies, with and without a
// Content-Length, ten at once, are refused with 413 before they are read
// whole (one such body took the process from 133 to 693 MB; ten killed a
// 3 GiB instance), and the heap they cost stays small.
func TestVerifyLargeBodiesBounded(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	const size = 16 << 20
	// The five bodies with a Content-Length are built before measuring, so
	// that what is counted is the server's (and the client's copying).
	sized := make([][]byte, 10)
	for i := 0; i < len(sized); i += 2 {
		sized[i], _ = io.ReadAll(&endlessJSON{n: size})
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var wg sync.WaitGroup
	codes := make([]int, 10)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var body io.Reader = &endlessJSON{n: size}
			if sized[i] != nil {
				body = bytes.NewReader(sized[i]) // with a Content-Length
			}
			req, _ := http.NewRequest("POST", h.URL+"/api/v1/verify", body)
			req.Header.Set("Content-Type", "application/json")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				codes[i] = -1 // the server may close the connection on an oversized body
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			codes[i] = resp.StatusCode
		}()
	}
	wg.Wait()
	runtime.ReadMemStats(&after)
	for i, c := range codes {
		if c != http.StatusRequestEntityTooLarge && c != http.StatusServiceUnavailable && c != -1 {
			t.Errorf("body %d: %d", i, c)
		}
	}
	// Ten bodies of 16 MiB: the server's share must stay small.
	alloc := int64(after.TotalAlloc - before.TotalAlloc)
	t.Logf("codes %v; about %d MiB allocated by the server", codes, alloc>>20)
	if alloc > 96<<20 {
		t.Errorf("the server allocated about %d MiB for ten refused bodies", alloc>>20)
	}
}

// TestVerifySaturated: when every place for a body being received is
// taken (here by bodies that never finish: four per verification slot),
// more are answered 503 with Retry-After at once, and served again when
// the places free up.
func TestVerifySaturated(t *testing.T) {
	h := apptest.Start(t, "sqlite", apptest.Options{Configure: func(c *app.Config) { c.MaxVerifications = 2 }})
	var writers []*io.PipeWriter
	var wg sync.WaitGroup
	for range 4 * 2 {
		pr, pw := io.Pipe()
		writers = append(writers, pw)
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequest("POST", h.URL+"/api/v1/verify", pr)
			if resp, err := http.DefaultClient.Do(req); err == nil {
				resp.Body.Close()
			}
		}()
		pw.Write([]byte("eyJ"))
	}
	deadline := time.Now().Add(5 * time.Second)
	var resp *http.Response
	for time.Now().Before(deadline) {
		var err error
		resp, err = http.Post(h.URL+"/api/v1/verify", "text/plain", strings.NewReader("a.b.c"))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusServiceUnavailable {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("saturated: %d, Retry-After %q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	for _, w := range writers {
		w.Close()
	}
	wg.Wait()
	if code, body, _ := postVerify(t, h, "text/plain", "application/json", strings.NewReader("a.b.c"), 5*time.Second); code != http.StatusBadRequest {
		t.Errorf("after the slots freed: %d %s", code, body)
	}
}

// TestVerifyPageAnswers: the verify form answers a pasted credential URL,
// a bare id and a certificate number by looking them up in this registry,
// in the page's language; an empty form, a photo and an image without a
// credential get the neutral "no credential found" answer, never the red
// verdict reserved for forgeries.
func TestVerifyPageAnswers(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	regno := createProgram(t, h)
	c := issue(t, h, regno, "S22633920")
	valid := map[string]string{"kk": "Түпнұсқа және жарамды", "ru": "Подлинный и действительный", "en": "Genuine and valid"}
	notFound := map[string]string{"kk": "Тізілімде табылмады", "ru": "Не найден в реестре", "en": "Not found in the registry"}
	none := map[string]string{"kk": "Файлда куәлік табылмады", "ru": "В файле не найден сертификат", "en": "No credential found in this file"}
	form := func(v string) (string, io.Reader) {
		return "application/x-www-form-urlencoded", strings.NewReader(url.Values{"credential": {v}}.Encode())
	}
	file := func(name string, data []byte) (string, io.Reader) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		mw.WriteField("credential", "")
		fw, _ := mw.CreateFormFile("file", name)
		fw.Write(data)
		mw.Close()
		return mw.FormDataContentType(), &buf
	}
	var photo bytes.Buffer
	png.Encode(&photo, image.NewGray(image.Rect(0, 0, 40, 30)))
	for _, lang := range []string{"kk", "ru", "en"} {
		accept := "text/html;lang=" + lang
		for name, in := range map[string]string{
			"page URL":        h.URL + "/c/" + c.ID,
			"page URL + lang": h.URL + "/c/" + c.ID + "?lang=ru",
			"id":              c.ID,
			"urn":             "urn:uuid:" + c.ID,
			"number":          c.CertificateNumber,
			"№ number":        "№ " + c.CertificateNumber,
		} {
			ct, body := form(in)
			code, page, _ := postVerify(t, h, ct, accept, body, 10*time.Second)
			if code != 200 || !strings.Contains(page, valid[lang]) || !strings.Contains(page, "Жұмабекова") || !strings.Contains(page, `lang="`+lang+`"`) {
				t.Errorf("%s %s: %d %.400s", lang, name, code, page)
			}
		}
		for name, in := range map[string]string{
			"unknown number":      "999999",
			"unknown id":          "8f14e45f-ceea-467f-a8f0-6c0b1d2f0000",
			"another site's page": "https://elsewhere.example.org/c/" + c.ID,
		} {
			ct, body := form(in)
			code, page, _ := postVerify(t, h, ct, accept, body, 10*time.Second)
			if code != 404 || !strings.Contains(page, notFound[lang]) || strings.Contains(page, `class="verdict v-invalid"`) || !strings.Contains(page, `class="verdict v-not_found"`) {
				t.Errorf("%s %s: %d %.400s", lang, name, code, page)
			}
		}
		for name, mk := range map[string]func() (string, io.Reader){
			"empty form": func() (string, io.Reader) { return form("") },
			"photo (JPEG)": func() (string, io.Reader) {
				return file("scan.jpg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00"))
			},
			"image without one": func() (string, io.Reader) { return file("scan.png", photo.Bytes()) },
			"empty multipart":   func() (string, io.Reader) { return file("", nil) },
		} {
			ct, body := mk()
			code, page, _ := postVerify(t, h, ct, accept, body, 10*time.Second)
			if code != 400 || !strings.Contains(page, none[lang]) || !strings.Contains(page, `class="verdict v-no_credential"`) || strings.Contains(page, "✖") {
				t.Errorf("%s %s: %d %.600s", lang, name, code, page)
			}
		}
	}
	// A PDF heavier than any certificate: the page says so, in its language.
	for lang, want := range map[string]string{"kk": "Файл тым үлкен", "ru": "Файл слишком большой", "en": "The file is too large"} {
		ct, body := file("big.pdf", append([]byte("%PDF-1.7\n"), make([]byte, 3<<20)...))
		code, page, _ := postVerify(t, h, ct, "text/html;lang="+lang, body, 10*time.Second)
		if code != http.StatusRequestEntityTooLarge || !strings.Contains(page, want) || strings.Contains(page, `class="verdict v-invalid"`) {
			t.Errorf("%s big PDF: %d %.400s", lang, code, page)
		}
	}
	// The JSON answer keeps the contract's status and says why.
	ct, body := form("")
	if code, out, _ := postVerify(t, h, ct, "application/json", body, 5*time.Second); code != 400 || !strings.Contains(out, `"verdict":"no_credential"`) || !strings.Contains(out, `"status":"invalid"`) {
		t.Errorf("empty form, JSON: %d %s", code, out)
	}
}

// TestVerifyAlteredPDFOverHTTP: the certificate PDF printed for one holder
// carrying another holder's valid credential is reported altered, never
// valid, in every language of the page.
func TestVerifyAlteredPDFOverHTTP(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	regno := createProgram(t, h)
	a := issue(t, h, regno, "S1")
	other := issueBody(regno, "S2")
	other["family_name"], other["given_name"] = "Серікбаев", "Айдос"
	resp, out := h.Do(t, "registrar", "POST", "/api/v1/credentials", "application/json", mustJSON(t, other))
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("issue: %d %s", resp.StatusCode, out)
	}
	b := decode[issued](t, out)
	ctx := context.Background()
	recA, err := h.App.Store.Credential(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	recB, err := h.App.Store.Credential(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	r, err := render.New(render.Options{Templates: templates.FS})
	if err != nil {
		t.Fatal(err)
	}
	cert, err := h.App.Certificates.Certificate(ctx, recA, "ru")
	if err != nil {
		t.Fatal(err)
	}
	cert.Credential = recB.JWS // № and name of A, B's valid credential attached
	var pdf bytes.Buffer
	if err := r.Render(ctx, &pdf, *cert); err != nil {
		t.Fatal(err)
	}
	code, body, _ := postVerify(t, h, "application/pdf", "application/json", bytes.NewReader(pdf.Bytes()), 10*time.Second)
	if strings.Contains(body, `"status":"valid"`) || !strings.Contains(body, `"verdict":"altered"`) {
		t.Errorf("PDF of A carrying B's credential: %d %s", code, body)
	}
	for lang, want := range map[string]string{"kk": "Файл өзгертілген", "ru": "Файл изменён", "en": "This file has been altered"} {
		code, page, _ := postVerify(t, h, "application/pdf", "text/html;lang="+lang, bytes.NewReader(pdf.Bytes()), 10*time.Second)
		if !strings.Contains(page, want) || !strings.Contains(page, `class="verdict v-altered"`) {
			t.Errorf("%s: %d %.400s", lang, code, page)
		}
	}
	// The genuine certificate of B still verifies.
	_, genuine := h.Do(t, "", "GET", "/c/"+b.ID+"/certificate.pdf?lang=kk", "", nil)
	if code, body, _ := postVerify(t, h, "application/pdf", "application/json", bytes.NewReader(genuine), 10*time.Second); code != 200 || !strings.Contains(body, `"verdict":"valid"`) || !strings.Contains(body, `"in_registry":true`) {
		t.Errorf("genuine PDF: %d %s", code, body)
	}
}
