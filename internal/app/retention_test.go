package app_test

import (
	"context"
	"net/http"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/app/apptest"
)

// TestBatchCellsRetention runs the retention purge in a real instance on
// each engine: the configured retention reaches the workers; once it has
// passed they purge the batch, GET /api/v1/batches/{id} shows
// cells_purged_at, and errors.csv still lists every rejected row with its
// row number and problems, but none of the IINs, e-mails or names the
// spreadsheet held.
func TestBatchCellsRetention(t *testing.T) {
	for _, eng := range apptest.Engines(t) {
		t.Run(eng, func(t *testing.T) {
			t.Parallel()
			// The instance's one clock (store, issuer, batches) runs ahead of
			// the real one by offset.
			var offset atomic.Int64
			now := func() time.Time { return time.Now().Add(time.Duration(offset.Load())) }
			week := 7 * 24 * time.Hour
			h := apptest.Start(t, eng, apptest.Options{Now: now, Configure: func(c *app.Config) {
				c.Batch.CellsRetention = week
				c.Batch.Poll = 10 * time.Millisecond
			}})
			if got := h.App.Batches.Config().CellsRetention; got != week {
				t.Fatalf("the workers' retention is %v, want the configured %v", got, week)
			}
			regno := createProgram(t, h)
			b := waitBatch(t, h, submit(t, h, regno, "bad-iin.csv", fixture(t, "bad-iin.csv"), "lang=en").ID)
			if b.Issued != 1 || b.Failed != 5 {
				t.Fatalf("batch %+v", b)
			}
			fixtureRows := strings.Split(strings.TrimSpace(string(fixture(t, "bad-iin.csv"))), "\n")[2:] // the rejected rows
			var secrets []string                                                                         // IINs, e-mails and names of the rejected rows
			for _, line := range fixtureRows {
				f := strings.Split(strings.TrimSpace(line), ";")
				secrets = append(secrets, f[1], f[2], f[3], f[4], f[5])
			}

			errorsCSV := func() (string, [][]string) {
				t.Helper()
				resp, body := h.Do(t, "viewer", "GET", "/api/v1/batches/"+b.ID+"/errors.csv", "", nil)
				if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
					t.Fatalf("errors.csv: %d %s", resp.StatusCode, body)
				}
				return string(body), readCSV(t, body)
			}
			raw, before := errorsCSV()
			if len(before) != 6 {
				t.Fatalf("errors.csv before the purge:\n%s", raw)
			}
			for _, s := range secrets {
				if !strings.Contains(raw, s) {
					t.Fatalf("errors.csv before the purge lacks %q:\n%s", s, raw)
				}
			}
			resp, body := h.Do(t, "viewer", "GET", "/api/v1/batches/"+b.ID+"?rows=none", "", nil)
			if resp.StatusCode != http.StatusOK || strings.Contains(string(body), "cells_purged_at") {
				t.Fatalf("batch before the purge: %d %s", resp.StatusCode, body)
			}

			// Within the retention: nothing to purge.
			offset.Store(int64(week - time.Hour))
			if n, err := h.App.Batches.PurgeCells(context.Background()); err != nil || n != 0 {
				t.Fatalf("purge within the retention: %d, err %v", n, err)
			}

			// Past it: the workers purge the batch.
			offset.Store(int64(week + time.Hour))
			h.App.Batches.Wake()
			type purgedView struct {
				CellsPurgedAt *time.Time `json:"cells_purged_at"`
				FinishedAt    *time.Time `json:"finished_at"`
				Failed        int        `json:"failed"`
				Issued        int        `json:"issued"`
			}
			var purged purgedView
			deadline := time.Now().Add(30 * time.Second)
			for purged.CellsPurgedAt == nil {
				if time.Now().After(deadline) {
					t.Fatal("the workers did not purge the batch within 30 s")
				}
				time.Sleep(10 * time.Millisecond)
				resp, body := h.Do(t, "viewer", "GET", "/api/v1/batches/"+b.ID+"?rows=none", "", nil)
				if resp.StatusCode != http.StatusOK {
					t.Fatalf("batch: %d %s", resp.StatusCode, body)
				}
				purged = decode[purgedView](t, body)
			}
			if purged.FinishedAt == nil || purged.CellsPurgedAt.Before(*purged.FinishedAt) || purged.Failed != 5 || purged.Issued != 1 {
				t.Fatalf("purged batch %+v", purged)
			}

			raw, after := errorsCSV()
			for _, s := range secrets {
				if strings.Contains(raw, s) {
					t.Errorf("errors.csv after the purge holds %q", s)
				}
			}
			if len(after) != len(before) || !reflect.DeepEqual(after[0], before[0]) {
				t.Fatalf("errors.csv after the purge:\n%s", raw)
			}
			last := len(before[0]) - 1
			for i, rec := range after[1:] {
				if len(rec) != len(before[0]) || strings.Join(rec[:last], "") != "" {
					t.Errorf("record %q after the purge: want %d empty cells and the errors", rec, last)
					continue
				}
				if rec[last] != before[i+1][last] {
					t.Errorf("errors %q after the purge, %q before", rec[last], before[i+1][last])
				}
			}
			if !strings.HasPrefix(after[1][last], "row 3: ") || !strings.HasPrefix(after[5][last], "row 7: ") {
				t.Errorf("row numbers after the purge: %q … %q", after[1][last], after[5][last])
			}

			// The rows keep their states and problems.
			resp, body = h.Do(t, "viewer", "GET", "/api/v1/batches/"+b.ID, "", nil)
			rows := decode[batchView](t, body).Rows
			if resp.StatusCode != http.StatusOK || len(rows) != 6 || rows[0].Status != "issued" || rows[0].CredentialID == nil {
				t.Fatalf("rows after the purge: %d %s", resp.StatusCode, body)
			}
			for _, r := range rows[1:] {
				if r.Status != "failed" || len(r.Errors) == 0 {
					t.Errorf("row after the purge %+v", r)
				}
			}

			// Audited once, by the system.
			resp, body = h.Do(t, "admin", "GET", "/api/v1/audit?object_id="+b.ID+"&action="+credential.ActionBatchCellsPurged, "", nil)
			audit := decode[struct {
				Entries []credential.AuditEntry `json:"entries"`
			}](t, body).Entries
			if resp.StatusCode != http.StatusOK || len(audit) != 1 || audit[0].Actor != "system" {
				t.Fatalf("audit: %d %s", resp.StatusCode, body)
			}
		})
	}
}
