package app_test

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/internal/app/apptest"
	"github.com/tanu-edu/tanu/internal/bombs"
)

// TestTeachHubImportBombs posts the spreadsheet bombs to
// POST /api/v1/teachhub/cards/import with a coordinator's token (the
// 874-byte ODS of issue 10 killed the instance there): each is answered
// 400 or 413 in the JSON error shape, with the sheet's code in the
// details, in seconds and without the process growing by more than 256 MB.
func TestTeachHubImportBombs(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	x := newTH(t, h)
	for _, tt := range []struct {
		name string
		data []byte
		code string
	}{
		{"bomb.ods", bombs.ODS(), "too_many_problems"},
		{"bomb.xlsx", bombs.XLSX(), "too_many_cells"},
		{"bomb.csv", bombs.CSV(), "too_many_columns"},
		{"bomb.html", bombs.HTML(), "too_many_cells"},
	} {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		_ = mw.WriteField("program", x.regno)
		fw, _ := mw.CreateFormFile("file", tt.name)
		_, _ = fw.Write(tt.data)
		_ = mw.Close()
		runtime.GC()
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		start := time.Now()
		resp, body := h.Do(t, "coordinator", "POST", "/api/v1/teachhub/cards/import?lang=en", mw.FormDataContentType(), &buf)
		el := time.Since(start)
		runtime.ReadMemStats(&m1)
		var e struct {
			Error struct {
				Code    string
				Message string
				Details []struct{ Code, Field string }
			}
		}
		_ = json.Unmarshal(body, &e)
		t.Logf("%s: %d in %v, %d MB allocated: %.120s", tt.name, resp.StatusCode, el.Round(time.Millisecond), (m1.TotalAlloc-m0.TotalAlloc)>>20, e.Error.Message)
		if resp.StatusCode != http.StatusBadRequest || len(e.Error.Details) != 1 || e.Error.Details[0].Code != tt.code ||
			e.Error.Details[0].Field != "file" || !strings.Contains(e.Error.Message, "limit") {
			t.Errorf("%s: %d %.300s", tt.name, resp.StatusCode, body)
		}
		if el > 20*time.Second || m1.HeapInuse > m0.HeapInuse+256<<20 {
			t.Errorf("%s: %v, heap in use %d → %d MB", tt.name, el, m0.HeapInuse>>20, m1.HeapInuse>>20)
		}
	}
}
