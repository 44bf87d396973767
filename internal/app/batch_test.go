package app_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/csv"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/app/apptest"
	"github.com/tanu-edu/tanu/verifier"
)

// batchView is the JSON of GET /api/v1/batches/{id}.
type batchView struct {
	ID        string         `json:"id"`
	Program   string         `json:"program"`
	Status    string         `json:"status"`
	DryRun    bool           `json:"dry_run"`
	Total     int            `json:"total"`
	Processed int            `json:"processed"`
	Issued    int            `json:"issued"`
	Skipped   int            `json:"skipped"`
	Failed    int            `json:"failed"`
	Error     string         `json:"error"`
	Format    string         `json:"format"`
	Warnings  []problemView  `json:"warnings"`
	Rows      []batchRowView `json:"rows"`
}

type batchRowView struct {
	Row               int           `json:"row"`
	OK                bool          `json:"ok"`
	Status            string        `json:"status"`
	StudentID         string        `json:"student_id"`
	CredentialID      *string       `json:"credential_id"`
	CertificateNumber string        `json:"certificate_number"`
	URL               string        `json:"url"`
	Errors            []problemView `json:"errors"`
}

type problemView struct {
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// sheetNow is the clock of the sheet package's fixtures: their dates are
// in the past (or, deliberately, the future) as seen from it.
func sheetNow() time.Time { return time.Date(2026, 12, 31, 10, 0, 0, 0, time.UTC) }

// startBatch starts an instance on the fixtures' clock, running from
// sheetNow. The store, issuer and batches all read it, so batches order by
// it and the retention purge sees batches finished a moment ago as a
// moment old.
func startBatch(t *testing.T, engine string, configure func(*app.Config)) *apptest.Harness {
	start := time.Now()
	now := func() time.Time { return sheetNow().Add(time.Since(start)) }
	return apptest.Start(t, engine, apptest.Options{Now: now, Configure: func(c *app.Config) {
		if configure != nil {
			configure(c)
		}
	}})
}

// forEachEngineBatch runs fn on every engine, in parallel.
func forEachEngineBatch(t *testing.T, fn func(t *testing.T, h *apptest.Harness)) {
	for _, eng := range apptest.Engines(t) {
		t.Run(eng, func(t *testing.T) {
			t.Parallel()
			fn(t, startBatch(t, eng, nil))
		})
	}
}

// fixture reads a spreadsheet fixture of the sheet package.
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "sheet", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// upload posts a spreadsheet as the multipart field "file", with the
// program as a multipart field and extra query parameters.
func upload(t testing.TB, h *apptest.Harness, regno, name string, data []byte, query string) (*http.Response, []byte) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	if err := mw.WriteField("program", regno); err != nil {
		t.Fatal(err)
	}
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = fw.Write(data)
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	path := "/api/v1/batches"
	if query != "" {
		path += "?" + query
	}
	return h.Do(t, "registrar", "POST", path, mw.FormDataContentType(), &body)
}

// submit uploads and returns the accepted batch.
func submit(t testing.TB, h *apptest.Harness, regno, name string, data []byte, query string) batchView {
	t.Helper()
	resp, body := upload(t, h, regno, name, data, query)
	if resp.StatusCode != http.StatusAccepted && resp.StatusCode != http.StatusOK {
		t.Fatalf("upload %s: %d %s", name, resp.StatusCode, body)
	}
	b := decode[batchView](t, body)
	if loc := resp.Header.Get("Location"); loc != "/api/v1/batches/"+b.ID {
		t.Fatalf("Location %q for batch %s", loc, b.ID)
	}
	return b
}

// waitBatch polls a batch until it is done or failed.
func waitBatch(t testing.TB, h *apptest.Harness, id string) batchView {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, body := h.Do(t, "viewer", "GET", "/api/v1/batches/"+id, "", nil)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("get batch: %d %s", resp.StatusCode, body)
		}
		b := decode[batchView](t, body)
		if b.Status == "done" || b.Status == "failed" {
			return b
		}
		if time.Now().After(deadline) {
			t.Fatalf("batch %s still %s after 60 s: %d of %d processed", id, b.Status, b.Processed, b.Total)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func readCSV(t testing.TB, body []byte) [][]string {
	t.Helper()
	body = bytes.TrimPrefix(body, []byte("\ufeff"))
	r := csv.NewReader(bytes.NewReader(body))
	r.Comma, r.FieldsPerRecord = ';', -1
	if bytes.IndexByte(bytes.SplitN(body, []byte("\n"), 2)[0], ';') < 0 {
		r.Comma = ','
	}
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("csv: %v\n%s", err, body)
	}
	return recs
}

// TestBatchCohortInEveryFormat uploads the same 40-row cohort in every
// supported encoding and format: the first upload issues 40 credentials,
// each later one issues nothing and points every row at the credential
// issued first.
func TestBatchCohortInEveryFormat(t *testing.T) {
	forEachEngineBatch(t, func(t *testing.T, h *apptest.Harness) {
		regno := createProgram(t, h)
		first := waitBatch(t, h, submit(t, h, regno, "cohort-en.csv", fixture(t, "cohort-en.csv"), "").ID)
		if first.Total != 40 || first.Issued != 40 || first.Skipped != 0 || first.Failed != 0 || first.Processed != 40 || len(first.Rows) != 40 {
			t.Fatalf("first upload: %+v", first)
		}
		byRow := map[int]string{}
		certs := map[string]bool{}
		for i, r := range first.Rows {
			if r.Row != i+2 || !r.OK || r.Status != "issued" || r.CredentialID == nil || r.URL != h.URL+"/c/"+*r.CredentialID || len(r.Errors) != 0 {
				t.Fatalf("row %+v", r)
			}
			byRow[r.Row] = *r.CredentialID
			certs[r.CertificateNumber] = true
		}
		if len(certs) != 40 {
			t.Fatalf("%d distinct certificate numbers", len(certs))
		}
		for _, f := range []struct{ name, format string }{
			{"cohort-kk-excel.csv", "csv utf-8-bom semicolon"},
			{"cohort-utf16le.txt", "csv utf-16le tab"},
			{"cohort-utf16be.csv", "csv utf-16be semicolon"},
			{"cohort-cp1251.csv", "csv windows-1251 semicolon"},
			{"cohort-tab.tsv", "csv utf-8 tab"},
			{"cohort.xlsx", "xlsx Когорта"},
			{"cohort.ods", "ods Когорта"},
			{"cohort.xls", "xls Когорта"},
			{"cohort.html", "html"},
			{"cohort-en.csv", "csv utf-8 comma"},
		} {
			b := waitBatch(t, h, submit(t, h, regno, f.name, fixture(t, f.name), "").ID)
			if b.Issued != 0 || b.Skipped != 40 || b.Failed != 0 || !strings.HasPrefix(b.Format, f.format) {
				t.Fatalf("%s: %+v", f.name, b)
			}
			for _, r := range b.Rows {
				if r.Status != "already_issued" || !r.OK || r.CredentialID == nil || *r.CredentialID != byRow[r.Row] {
					t.Fatalf("%s row %d: %+v, want already issued as %s", f.name, r.Row, r, byRow[r.Row])
				}
			}
		}
		resp, body := h.Do(t, "viewer", "GET", "/api/v1/credentials?program="+regno+"&limit=1000", "", nil)
		if n := len(decode[struct{ Credentials []any }](t, body).Credentials); resp.StatusCode != 200 || n != 40 {
			t.Fatalf("%d credentials in the registry, want 40", n)
		}
	})
}

// TestBatchRowProblems uploads the broken fixtures through the API and
// checks every rejected row's number, column (as written) and message
// language; good rows of the same files issue.
func TestBatchRowProblems(t *testing.T) {
	type want struct {
		row          int
		column, code string
	}
	tests := []struct {
		file   string
		lang   string
		issued int
		want   []want
	}{
		{"bad-iin.csv", "kk", 1, []want{{3, "ЖСН", "invalid_iin"}, {4, "ЖСН", "invalid_iin"}, {5, "ЖСН", "invalid_iin"},
			{6, "ЖСН", "invalid_iin"}, {7, "ЖСН", "invalid_iin"}}},
		{"reversed-period.csv", "ru", 1, []want{{2, "Аяқталуы", "period_reversed"}, {3, "Шешім күні", "decision_before_period"},
			{4, "Аяқталуы", "future_date"}}},
		{"bad-grade.csv", "en", 1, []want{{2, "LO1", "invalid_grade"}, {3, "LO2", "invalid_grade"}, {4, "LO3", "invalid_grade"},
			{5, "LO1", "invalid_grade"}, {6, "LO2", "required"}}},
		{"truncated.csv", "en", 2, []want{{4, "", "field_count"}}},
		{"bad-quotes.csv", "ru", 1, []want{{2, "", "bad_quote"}, {4, "", "bad_quote"}}},
		{"duplicate-row.csv", "kk", 3, []want{{4, "student_id", "duplicate_row"}}},
		{"bad-misc.csv", "en", 1, []want{{3, "email", "invalid_email"}, {4, "language", "invalid_language"},
			{5, "hours", "invalid_number"}, {6, "credits", "invalid_number"}}},
	}
	forEachEngineBatch(t, func(t *testing.T, h *apptest.Harness) {
		regno := createProgram(t, h)
		for _, tt := range tests {
			b := waitBatch(t, h, submit(t, h, regno, tt.file, fixture(t, tt.file), "lang="+tt.lang).ID)
			var got []want
			failedRows := map[int]bool{}
			for _, r := range b.Rows {
				if r.OK != (len(r.Errors) == 0) {
					t.Errorf("%s row %d: ok %v with errors %v", tt.file, r.Row, r.OK, r.Errors)
				}
				for _, e := range r.Errors {
					got = append(got, want{r.Row, e.Column, e.Code})
					if e.Message == "" || (tt.lang != "en") != hasCyrillic(e.Message) {
						t.Errorf("%s row %d: message %q is not in %s", tt.file, r.Row, e.Message, tt.lang)
					}
				}
				if !r.OK {
					failedRows[r.Row] = true
					if r.CredentialID != nil {
						t.Errorf("%s: failed row %d has a credential", tt.file, r.Row)
					}
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s problems:\n got %v\nwant %v", tt.file, got, tt.want)
			}
			if b.Issued+b.Skipped != tt.issued || b.Failed != len(failedRows) || b.Processed != b.Total {
				t.Errorf("%s counters %+v, want %d issued", tt.file, b, tt.issued)
			}
		}
	})
}

// hasCyrillic reports whether s has a Cyrillic letter outside quotes (the
// quoted values and headers of English messages may be Cyrillic).
func hasCyrillic(s string) bool {
	quoted := false
	for _, r := range s {
		switch {
		case r == '"' || r == '«' || r == '»':
			quoted = !quoted
		case !quoted && unicode.Is(unicode.Cyrillic, r):
			return true
		}
	}
	return false
}

// TestBatchErrorsAndResultsCSV: errors.csv gives back the rejected rows with
// their original columns and an errors column, ready to re-upload; fixing
// them and uploading errors.csv issues exactly the fixed rows. results.csv
// lists every credential.
func TestBatchErrorsAndResultsCSV(t *testing.T) {
	forEachEngineBatch(t, func(t *testing.T, h *apptest.Harness) {
		regno := createProgram(t, h)
		b := waitBatch(t, h, submit(t, h, regno, "bad-iin.csv", fixture(t, "bad-iin.csv"), "lang=kk").ID)
		resp, body := h.Do(t, "viewer", "GET", "/api/v1/batches/"+b.ID+"/errors.csv", "", nil)
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") ||
			!strings.Contains(resp.Header.Get("Content-Disposition"), "errors.csv") || !bytes.HasPrefix(body, []byte("\ufeff")) {
			t.Fatalf("errors.csv: %d %v", resp.StatusCode, resp.Header)
		}
		recs := readCSV(t, body)
		line := strings.SplitN(string(fixture(t, "bad-iin.csv")), "\n", 2)[0]
		header := strings.Split(strings.TrimSuffix(strings.TrimPrefix(line, "\ufeff"), "\r"), ";")
		if !reflect.DeepEqual(recs[0], append(header, "қателер")) || len(recs) != 6 {
			t.Fatalf("errors.csv:\n%s", body)
		}
		if recs[1][0] != "S18302983" || recs[1][5] != "760227487798" || !strings.HasPrefix(recs[1][12], "3-жол: ЖСН: ") {
			t.Fatalf("first rejected row %q", recs[1])
		}
		// Fix the IINs and upload errors.csv itself: the errors column is
		// only a warning, and the fixed rows issue.
		good := []string{"050421595512", "931107461016", "820323439990", "760227487797", "050421595512"}
		var fixed bytes.Buffer
		w := csv.NewWriter(&fixed)
		w.Comma = ';'
		_ = w.Write(recs[0])
		for i, r := range recs[1:] {
			r[0] = fmt.Sprintf("FIX%d", i) // new students: the IIN is not what identifies an award
			r[5] = good[i]
			_ = w.Write(r)
		}
		w.Flush()
		again := waitBatch(t, h, submit(t, h, regno, "errors.csv", fixed.Bytes(), "lang=kk").ID)
		if again.Issued != 5 || again.Failed != 0 || len(again.Warnings) != 1 || again.Warnings[0].Column != "қателер" || again.Warnings[0].Row != 1 {
			t.Fatalf("re-upload: %+v", again)
		}
		resp, body = h.Do(t, "viewer", "GET", "/api/v1/batches/"+again.ID+"/results.csv?sep=comma", "", nil)
		recs = readCSV(t, body)
		if resp.StatusCode != 200 || len(recs) != 6 || !reflect.DeepEqual(recs[0], []string{"row", "student_id", "name", "credential_id", "certificate_number", "url", "status"}) {
			t.Fatalf("results.csv: %d\n%s", resp.StatusCode, body)
		}
		for i, r := range recs[1:] {
			if r[0] != fmt.Sprint(i+2) || r[1] != fmt.Sprintf("FIX%d", i) || r[3] == "" || len(r[4]) != 6 || r[5] != h.URL+"/c/"+r[3] || r[6] != "issued" {
				t.Errorf("results row %q", r)
			}
		}
		// The same cohort again: every row already issued.
		third := waitBatch(t, h, submit(t, h, regno, "errors.csv", fixed.Bytes(), "").ID)
		_, body = h.Do(t, "viewer", "GET", "/api/v1/batches/"+third.ID+"/results.csv", "", nil)
		for _, r := range readCSV(t, body)[1:] {
			if r[6] != "already issued" {
				t.Errorf("third upload row %q", r)
			}
		}
	})
}

// TestBatchDryRun validates without issuing, reporting rows already issued.
func TestBatchDryRun(t *testing.T) {
	forEachEngineBatch(t, func(t *testing.T, h *apptest.Harness) {
		regno := createProgram(t, h)
		data := fixture(t, "bad-iin.csv")
		dry := submit(t, h, regno, "bad-iin.csv", data, "dry_run=true")
		if !dry.DryRun || dry.Status != "done" || dry.Issued != 0 || dry.Failed != 5 || dry.Skipped != 0 || len(dry.Rows) != 6 ||
			dry.Rows[0].Status != "valid" || !dry.Rows[0].OK || dry.Rows[0].CredentialID != nil {
			t.Fatalf("dry run: %+v", dry)
		}
		if recs, _ := h.App.Store.Credentials(context.Background(), credential.CredentialFilter{}); len(recs) != 0 {
			t.Fatalf("a dry run issued %d credentials", len(recs))
		}
		real := waitBatch(t, h, submit(t, h, regno, "bad-iin.csv", data, "").ID)
		dry = submit(t, h, regno, "bad-iin.csv", data, "dry_run=1")
		if dry.Skipped != 1 || dry.Rows[0].Status != "already_issued" || *dry.Rows[0].CredentialID != *real.Rows[0].CredentialID {
			t.Fatalf("dry run after issuing: %+v", dry.Rows[0])
		}
	})
}

// TestBatchConcurrentSameFile: two uploads of one file at the same moment
// issue every award once; each row is issued by one batch and reported
// already issued by the other.
func TestBatchConcurrentSameFile(t *testing.T) {
	forEachEngineBatch(t, func(t *testing.T, h *apptest.Harness) {
		regno := createProgram(t, h)
		data := fixture(t, "cohort-en.csv")
		ids := make([]string, 2)
		var wg sync.WaitGroup
		for i := range ids {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ids[i] = submit(t, h, regno, "cohort-en.csv", data, "").ID
			}()
		}
		wg.Wait()
		a, b := waitBatch(t, h, ids[0]), waitBatch(t, h, ids[1])
		if a.Issued+b.Issued != 40 || a.Skipped+b.Skipped != 40 || a.Failed+b.Failed != 0 {
			t.Fatalf("counters %+v / %+v", a, b)
		}
		for i := range a.Rows {
			ra, rb := a.Rows[i], b.Rows[i]
			if *ra.CredentialID != *rb.CredentialID || (ra.Status == "issued") == (rb.Status == "issued") {
				t.Fatalf("row %d: %+v / %+v", ra.Row, ra, rb)
			}
		}
		recs, _ := h.App.Store.Credentials(context.Background(), credential.CredentialFilter{Limit: 1000})
		if len(recs) != 40 {
			t.Fatalf("%d credentials for 40 awards", len(recs))
		}
	})
}

// TestBatchUploadErrors: files that cannot be used at all answer in the
// JSON error shape with the right status; uploads need a registrar.
func TestBatchUploadErrors(t *testing.T) {
	h := startBatch(t, "sqlite", func(c *app.Config) {
		c.MaxUploadBytes = 64 << 10
		c.Batch.MaxRows = 30
	})
	regno := createProgram(t, h)
	big := bytes.Repeat([]byte("x"), 70<<10)
	tests := []struct {
		name, regno, file string
		data              []byte
		status            int
		code, detail      string
	}{
		{"too many rows", regno, "cohort-en.csv", fixture(t, "cohort-en.csv"), 400, "invalid", "too_many_rows"},
		{"too large", regno, "big.csv", big, 413, "too_large", ""},
		{"missing columns", regno, "missing-columns.csv", fixture(t, "missing-columns.csv"), 400, "invalid", "missing_column"},
		{"empty", regno, "empty.csv", fixture(t, "empty.csv"), 400, "invalid", "empty"},
		{"header only", regno, "header-only.csv", fixture(t, "header-only.csv"), 400, "invalid", "no_rows"},
		{"legacy xls", regno, "old.xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), 415, "unsupported", "unsupported_format"},
		{"pipes", regno, "pipe-delimited.csv", fixture(t, "pipe-delimited.csv"), 400, "invalid", "bad_delimiter"},
		{"unknown program", "MQ-1999-9999", "cohort-en.csv", fixture(t, "bad-iin.csv"), 404, "not_found", ""},
		{"no program", "", "cohort-en.csv", fixture(t, "bad-iin.csv"), 400, "invalid", ""},
	}
	for _, tt := range tests {
		resp, body := upload(t, h, tt.regno, tt.file, tt.data, "")
		e := decode[apiError](t, body)
		if resp.StatusCode != tt.status || e.Error.Code != tt.code || e.Error.Message == "" {
			t.Errorf("%s: %d %s", tt.name, resp.StatusCode, body)
			continue
		}
		if tt.detail != "" && !strings.Contains(string(body), `"code":"`+tt.detail+`"`) {
			t.Errorf("%s: no detail %s in %s", tt.name, tt.detail, body)
		}
	}
	// The server is healthy after all that, and a good upload works.
	if resp, _ := h.Do(t, "", "GET", "/healthz", "", nil); resp.StatusCode != 200 {
		t.Fatalf("healthz %d", resp.StatusCode)
	}
	if b := waitBatch(t, h, submit(t, h, regno, "bad-iin.csv", fixture(t, "bad-iin.csv"), "").ID); b.Issued != 1 {
		t.Fatalf("after errors: %+v", b)
	}
	// Raw body with its content type, program in the query.
	resp, body := h.Do(t, "registrar", "POST", "/api/v1/batches?program="+regno+"&dry_run=true", "text/csv", bytes.NewReader(fixture(t, "bad-iin.csv")))
	if resp.StatusCode != 200 || decode[batchView](t, body).Total != 6 {
		t.Fatalf("raw body: %d %s", resp.StatusCode, body)
	}
	// Roles.
	resp, _ = h.Do(t, "viewer", "POST", "/api/v1/batches?program="+regno, "text/csv", bytes.NewReader(fixture(t, "bad-iin.csv")))
	if resp.StatusCode != 403 {
		t.Fatalf("viewer upload: %d", resp.StatusCode)
	}
	resp, _ = h.Do(t, "", "GET", "/api/v1/batches/x", "", nil)
	if resp.StatusCode != 401 {
		t.Fatalf("anonymous read: %d", resp.StatusCode)
	}
	resp, body = h.Do(t, "viewer", "GET", "/api/v1/batches/nope", "", nil)
	if resp.StatusCode != 404 || decode[apiError](t, body).Error.Code != "not_found" {
		t.Fatalf("unknown batch: %d %s", resp.StatusCode, body)
	}
}

// TestBatchCertificatesZIP: the ZIP holds results.csv and, per credential
// in row order, its PDF and badges; it is refused while the batch runs.
func TestBatchCertificatesZIP(t *testing.T) {
	h := startBatch(t, "sqlite", nil)
	regno := createProgram(t, h)
	b := waitBatch(t, h, submit(t, h, regno, "bad-iin.csv", fixture(t, "bad-iin.csv"), "").ID)
	b2 := waitBatch(t, h, submit(t, h, regno, "cohort-en.csv", fixture(t, "cohort-en.csv"), "").ID)

	// Real certificates for the small batch.
	resp, body := h.Do(t, "viewer", "GET", "/api/v1/batches/"+b.ID+"/certificates.zip", "", nil)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/zip" {
		t.Fatalf("zip: %d %s", resp.StatusCode, body)
	}
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		switch filepath.Ext(f.Name) {
		case ".pdf":
			if !bytes.HasPrefix(data, []byte("%PDF-")) || f.Method != zip.Store {
				t.Errorf("%s is not a stored PDF", f.Name)
			}
		case ".png":
			if !bytes.HasPrefix(data, []byte("\x89PNG")) {
				t.Errorf("%s is not a PNG", f.Name)
			}
		case ".svg":
			if !bytes.Contains(data, []byte("<svg")) {
				t.Errorf("%s is not an SVG", f.Name)
			}
		}
	}
	cert := b.Rows[0].CertificateNumber + "-S22633920"
	if want := []string{"results.csv", cert + ".pdf", "badges/" + cert + ".png", "badges/" + cert + ".svg"}; !reflect.DeepEqual(names, want) {
		t.Fatalf("zip entries %q, want %q", names, want)
	}

	// Every credential of the 40-row batch, in row order, each PDF in the
	// asked language and carrying its own credential.
	resp, body = h.Do(t, "viewer", "GET", "/api/v1/batches/"+b2.ID+"/certificates.zip?lang=ru&badges=false", "", nil)
	if resp.StatusCode != 200 {
		t.Fatalf("zip: %d %s", resp.StatusCode, body)
	}
	zr, err = zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != 41 {
		t.Fatalf("%d entries, want results.csv and 40 PDFs", len(zr.File))
	}
	for i, f := range zr.File[1:] {
		r := b2.Rows[i]
		if f.Name != r.CertificateNumber+"-"+r.StudentID+".pdf" {
			t.Fatalf("entry %d is %s, want row %d", i, f.Name, r.Row)
		}
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if !bytes.Contains(data, []byte("/Lang (ru)")) {
			t.Fatalf("%s is not in Russian", f.Name)
		}
		x, err := verifier.Extract(t.Context(), data)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		jws := x.JWS
		parts := strings.Split(jws, ".")
		payload, err := base64.RawURLEncoding.DecodeString(parts[1])
		if err != nil || !strings.Contains(string(payload), *r.CredentialID) {
			t.Fatalf("%s carries %s, not credential %s (%v)", f.Name, payload, *r.CredentialID, err)
		}
	}
}

// TestBatchQueued: an instance without workers keeps the batch queued,
// with its rows pending; the ZIP is refused until the batch is done;
// running it (as tanu issue does) finishes it.
func TestBatchQueued(t *testing.T) {
	h := startBatch(t, "sqlite", func(c *app.Config) { c.Batch.Workers = -1 })
	regno := createProgram(t, h)
	b := submit(t, h, regno, "bad-iin.csv", fixture(t, "bad-iin.csv"), "")
	if b.Status != "queued" || b.Processed != 5 || b.Rows[0].Status != "pending" || !b.Rows[0].OK || b.Rows[0].CredentialID != nil {
		t.Fatalf("queued batch %+v", b)
	}
	resp, body := h.Do(t, "viewer", "GET", "/api/v1/batches/"+b.ID+"/certificates.zip", "", nil)
	if resp.StatusCode != 409 || decode[apiError](t, body).Error.Code != "conflict" {
		t.Fatalf("zip of a queued batch: %d %s", resp.StatusCode, body)
	}
	resp, body = h.Do(t, "viewer", "GET", "/api/v1/batches/"+b.ID+"?rows=failed", "", nil)
	if v := decode[batchView](t, body); resp.StatusCode != 200 || len(v.Rows) != 5 || v.Rows[0].Row != 3 {
		t.Fatalf("failed rows: %d %s", resp.StatusCode, body)
	}
	done, err := h.App.Batches.RunBatch(context.Background(), b.ID, nil)
	if err != nil || done.Status != "done" || done.Issued != 1 {
		t.Fatalf("run: %+v %v", done, err)
	}
}

// batchListView is the JSON of GET /api/v1/batches.
type batchListView struct {
	Items []struct {
		batchView
		File       string            `json:"file"`
		UploadedBy string            `json:"uploaded_by"`
		CreatedAt  time.Time         `json:"created_at"`
		Links      map[string]string `json:"links"`
	} `json:"items"`
	NextCursor *string `json:"next_cursor"`
}

// listBatches gets one page of batches as a viewer.
func listBatches(t testing.TB, h *apptest.Harness, query string) batchListView {
	t.Helper()
	resp, body := h.Do(t, "viewer", "GET", "/api/v1/batches?"+query, "", nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("list batches ?%s: %d %s", query, resp.StatusCode, body)
	}
	raw := decode[struct {
		Items []map[string]any `json:"items"`
	}](t, body)
	if raw.Items == nil {
		t.Fatalf("list batches ?%s: no items array in %s", query, body)
	}
	for _, it := range raw.Items {
		if _, ok := it["rows"]; ok {
			t.Fatalf("list batches ?%s: an item has rows: %s", query, body)
		}
	}
	return decode[batchListView](t, body)
}

// TestBatchList: GET /api/v1/batches lists the batches newest first,
// without rows, filtered by program and status, page by page with an
// opaque cursor; bad parameters answer 400 in the JSON error shape.
func TestBatchList(t *testing.T) {
	for _, eng := range apptest.Engines(t) {
		t.Run(eng, func(t *testing.T) {
			t.Parallel()
			// No workers: real uploads stay queued, dry runs are done at once.
			h := startBatch(t, eng, func(c *app.Config) { c.Batch.Workers = -1 })
			progA, progB := createProgram(t, h), createProgram(t, h)
			data := fixture(t, "bad-iin.csv")
			var ids []string // in upload order
			for _, u := range []struct{ regno, query string }{{progA, ""}, {progA, "dry_run=true"}, {progB, ""}, {progA, ""}, {progB, "dry_run=true"}} {
				ids = append(ids, submit(t, h, u.regno, "bad-iin.csv", data, u.query).ID)
			}
			newest := func(idx ...int) []string {
				out := make([]string, len(idx))
				for i, j := range idx {
					out[i] = ids[j]
				}
				return out
			}
			itemIDs := func(l batchListView) []string {
				out := make([]string, len(l.Items))
				for i, it := range l.Items {
					out[i] = it.ID
				}
				return out
			}

			all := listBatches(t, h, "")
			if got, want := itemIDs(all), newest(4, 3, 2, 1, 0); !reflect.DeepEqual(got, want) || all.NextCursor != nil {
				t.Fatalf("all batches %v next %v, want %v and no next_cursor", got, all.NextCursor, want)
			}
			first := all.Items[4]
			if first.Program != progA || first.Status != "queued" || first.DryRun || first.File != "bad-iin.csv" || first.UploadedBy != "token:registrar" ||
				first.Total != 6 || first.Failed != 5 || first.Issued != 0 || first.CreatedAt.IsZero() || first.Links["self"] != "/api/v1/batches/"+ids[0] {
				t.Fatalf("listed batch %+v", first)
			}
			if dry := all.Items[3]; dry.Status != "done" || !dry.DryRun {
				t.Fatalf("listed dry run %+v", dry)
			}
			// The single batch carries the same summary.
			if one := getBatchNow(t, h, ids[0]); one.Total != first.Total || one.Status != first.Status {
				t.Fatalf("GET /batches/{id} %+v, list %+v", one, first)
			}

			// Page by page.
			var paged []string
			query, pages := "limit=2", 0
			for {
				p := listBatches(t, h, query)
				pages++
				paged = append(paged, itemIDs(p)...)
				if p.NextCursor == nil {
					break
				}
				if len(p.Items) != 2 || *p.NextCursor == "" || pages > 5 {
					t.Fatalf("page %d: %d items, next %q", pages, len(p.Items), *p.NextCursor)
				}
				query = "limit=2&cursor=" + url.QueryEscape(*p.NextCursor)
			}
			if want := newest(4, 3, 2, 1, 0); !reflect.DeepEqual(paged, want) || pages != 3 {
				t.Fatalf("paged %v in %d pages, want %v in 3", paged, pages, want)
			}

			// Filters.
			for q, want := range map[string][]string{
				"program=" + progA:             newest(3, 1, 0),
				"program=" + progB:             newest(4, 2),
				"status=queued":                newest(3, 2, 0),
				"status=done":                  newest(4, 1),
				"status=running":               {},
				"status=done&program=" + progA: newest(1),
				"program=" + progA + "&status=queued&limit=1": newest(3),
				"program=MQ-1999-0001":                        {},
			} {
				if got := itemIDs(listBatches(t, h, q)); !reflect.DeepEqual(got, want) {
					t.Errorf("?%s: %v, want %v", q, got, want)
				}
			}
			if p := listBatches(t, h, "program="+progA+"&status=queued&limit=1"); p.NextCursor == nil {
				t.Error("a filtered page with more to come has no next_cursor")
			} else if got := itemIDs(listBatches(t, h, "program="+progA+"&status=queued&limit=1&cursor="+url.QueryEscape(*p.NextCursor))); !reflect.DeepEqual(got, newest(0)) {
				t.Errorf("second filtered page %v, want %v", got, newest(0))
			}
			if p := listBatches(t, h, "limit=200"); len(p.Items) != 5 || p.NextCursor != nil {
				t.Errorf("limit=200: %d items, next %v", len(p.Items), p.NextCursor)
			}

			// Bad parameters.
			for q, field := range map[string]string{
				"status=finished": "status",
				"status=DONE":     "status",
				"limit=201":       "limit",
				"limit=0":         "limit",
				"limit=-3":        "limit",
				"limit=ten":       "limit",
				"cursor=nonsense": "cursor",
				"cursor=%00":      "cursor",
			} {
				resp, body := h.Do(t, "viewer", "GET", "/api/v1/batches?"+q, "", nil)
				e := decode[apiError](t, body)
				if resp.StatusCode != http.StatusBadRequest || e.Error.Code != "invalid" || e.Error.Message == "" ||
					len(e.Error.Details) != 1 || e.Error.Details[0].Field != field {
					t.Errorf("?%s: %d %s, want 400 invalid on %s", q, resp.StatusCode, body, field)
				}
			}
			if resp, body := h.Do(t, "", "GET", "/api/v1/batches", "", nil); resp.StatusCode != http.StatusUnauthorized ||
				decode[apiError](t, body).Error.Code != "unauthorized" {
				t.Errorf("without a token: %d %s", resp.StatusCode, body)
			}
		})
	}
}

// getBatchNow gets a batch, without its rows, as it is now.
func getBatchNow(t testing.TB, h *apptest.Harness, id string) batchView {
	t.Helper()
	resp, body := h.Do(t, "viewer", "GET", "/api/v1/batches/"+id+"?rows=none", "", nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("get batch %s: %d %s", id, resp.StatusCode, body)
	}
	return decode[batchView](t, body)
}
