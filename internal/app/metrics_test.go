package app_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/internal/app/apptest"
)

// scrape reads /metrics into series → value ("name{a="x",b="y"}" as the
// exposition writes it, labels sorted).
func scrape(t *testing.T, h *apptest.Harness) map[string]float64 {
	t.Helper()
	resp, body := h.Do(t, "admin", "GET", "/metrics", "", nil) // /metrics needs an admin token
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("metrics: %d", resp.StatusCode)
	}
	out := map[string]float64{}
	for _, line := range strings.Split(string(body), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err == nil {
			out[line[:i]] = v
		}
	}
	return out
}

// TestMetricsMove issues, runs a batch, revokes, verifies through every
// channel and renders a PDF, and checks that each metric moved by as much.
func TestMetricsMove(t *testing.T) {
	for _, eng := range apptest.Engines(t) {
		t.Run(eng, func(t *testing.T) {
			h := startBatch(t, eng, nil)
			regno := createProgram(t, h)
			before := scrape(t, h)
			one := issue(t, h, regno, "S-metrics")
			b := submit(t, h, regno, "cohort.csv", cohort(5), "")
			waitBatch(t, h, b.ID)
			if resp, body := h.Do(t, "registrar", "POST", "/api/v1/credentials/"+one.ID+"/suspend", "application/json", strings.NewReader(`{"reason":"checking"}`)); resp.StatusCode != http.StatusOK {
				t.Fatalf("suspend: %d %s", resp.StatusCode, body)
			}
			if resp, body := h.Do(t, "registrar", "POST", "/api/v1/credentials/"+one.ID+"/reinstate", "application/json", strings.NewReader(`{"reason":"checked"}`)); resp.StatusCode != http.StatusOK {
				t.Fatalf("reinstate: %d %s", resp.StatusCode, body)
			}
			verdict(t, h, "GET", "/api/v1/verify/"+one.ID, nil)
			_, jws := h.Do(t, "", "GET", "/c/"+one.ID+"/credential.jwt", "", nil)
			verdict(t, h, "POST", "/api/v1/verify", bytes.NewReader(jws))
			req, _ := http.NewRequest("GET", h.URL+"/c/"+one.ID, nil)
			req.Header.Set("Accept", "text/html")
			if resp, err := h.Client.Do(req); err != nil || resp.StatusCode != 200 {
				t.Fatalf("page: %v", err)
			} else {
				resp.Body.Close()
			}
			var form bytes.Buffer
			mw := multipart.NewWriter(&form)
			fw, _ := mw.CreateFormFile("file", "credential.jwt")
			fw.Write(jws)
			mw.Close()
			if resp, body := h.Do(t, "", "POST", "/api/v1/verify", mw.FormDataContentType(), &form); resp.StatusCode != 200 {
				t.Fatalf("upload: %d %s", resp.StatusCode, body)
			}
			if resp, _ := h.Do(t, "", "GET", "/c/"+one.ID+"/certificate.pdf", "", nil); resp.StatusCode != 200 {
				t.Fatalf("pdf: %d", resp.StatusCode)
			}

			issued := `tanu_credentials_issued_total{kind="microqualification",program="` + regno + `"}`
			var after map[string]float64
			deadline := time.Now().Add(10 * time.Second) // the registry's counts are cached a moment
			for after = scrape(t, h); after[issued] != 6 && time.Now().Before(deadline); after = scrape(t, h) {
				time.Sleep(100 * time.Millisecond)
			}
			for series, delta := range map[string]float64{
				issued: 6,
				`tanu_batch_rows_total{outcome="issued"}`:                    5,
				`tanu_batches{state="done"}`:                                 1,
				`tanu_credentials{status="valid"}`:                           6,
				`tanu_status_changes_total{action="suspend"}`:                1,
				`tanu_status_changes_total{action="reinstate"}`:              1,
				`tanu_verifications_total{channel="api",verdict="valid"}`:    2,
				`tanu_verifications_total{channel="page",verdict="valid"}`:   1,
				`tanu_verifications_total{channel="upload",verdict="valid"}`: 1,
				`tanu_pdf_render_seconds_count`:                              1,
				`tanu_registry_stats_up`:                                     0,
			} {
				if got := after[series] - before[series]; got != delta {
					t.Errorf("%s moved by %v, want %v", series, got, delta)
				}
			}
			if after[`tanu_registry_stats_up`] != 1 {
				t.Error("tanu_registry_stats_up is not 1")
			}
			found := false
			for s, v := range after {
				if strings.HasPrefix(s, `tanu_signing_key_age_seconds{kid="`) && strings.HasSuffix(s, `",state="active"}`) && v >= 0 && v < 3600 {
					found = true
				}
			}
			if !found {
				t.Error("no age of the active signing key")
			}
		})
	}
}
