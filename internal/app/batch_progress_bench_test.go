package app_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/batch"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/app/apptest"
)

// BenchmarkBatchPolling measures what watching a batch costs it: a
// 10,000-row cohort (TANU_BENCH_ROWS) is checked as a preview and
// confirmed the console's way (the preview's rows submitted for real),
// then issued to the end, three times in the same run on fresh programs:
// with nobody watching, with a client polling the progress answer
// (GET /api/v1/batches/{id}/progress) every second as the console's batch
// page does, and with a client polling the old full answer
// (GET /api/v1/batches/{id}, every row) every second. It also measures one
// answer of each on the finished batch: bytes and median latency over 20
// requests, on 127.0.0.1.
//
//	go test -run='^$' -bench=BatchPolling -benchtime=1x -cpu=2 ./internal/app
func BenchmarkBatchPolling(b *testing.B) {
	n := benchRows(b)
	data := cohort(n)
	h := apptest.Start(b, "sqlite", apptest.Options{Configure: func(c *app.Config) { c.Batch.Workers = -1 }})
	ctx := credential.WithActor(context.Background(), "bench")
	run := func(poll string) (time.Duration, int, string) {
		regno := createProgramTB(b, h)
		pv, err := h.App.Batches.Submit(ctx, batch.Upload{Program: regno, Filename: "cohort.csv", Body: bytes.NewReader(data), Lang: "kk", DryRun: true, Keep: true})
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		bt, err := h.App.Batches.Submit(ctx, batch.Upload{Program: regno, From: pv.ID, Lang: "kk"})
		if err != nil {
			b.Fatal(err)
		}
		stop := make(chan struct{})
		var wg sync.WaitGroup
		polls, pollErrors := 0, 0
		if poll != "" {
			wg.Add(1)
			go func() {
				defer wg.Done()
				t := time.NewTicker(time.Second)
				defer t.Stop()
				for {
					select {
					case <-stop:
						return
					case <-t.C:
					}
					if get(b, h, poll+bt.ID+suffix(poll)) < 0 {
						pollErrors++
					}
					polls++
				}
			}()
		}
		done, err := h.App.Batches.RunBatch(ctx, bt.ID, nil)
		elapsed := time.Since(start)
		close(stop)
		wg.Wait()
		if err != nil || done.Issued != n {
			b.Fatalf("issued %v of %d: %v", done, n, err)
		}
		if pollErrors > 0 {
			b.Logf("%d of %d polls of %s failed", pollErrors, polls, poll)
		}
		return elapsed, polls, bt.ID
	}
	for i := 0; i < b.N; i++ {
		quiet, _, id := run("")
		cheap, cheapPolls, _ := run("/api/v1/batches/")
		full, fullPolls, _ := run("/api/v1/batches/full/")
		b.ReportMetric(quiet.Seconds(), "s-unwatched")
		b.ReportMetric(cheap.Seconds(), "s-polling-progress")
		b.ReportMetric(full.Seconds(), "s-polling-full")
		b.ReportMetric(float64(cheapPolls), "progress-polls")
		b.ReportMetric(float64(fullPolls), "full-polls")
		pb, pl := oneAnswer(b, h, "/api/v1/batches/"+id+"/progress")
		fb, fl := oneAnswer(b, h, "/api/v1/batches/"+id)
		b.ReportMetric(float64(pb), "B-progress")
		b.ReportMetric(float64(pl.Microseconds())/1000, "ms-progress")
		b.ReportMetric(float64(fb), "B-full")
		b.ReportMetric(float64(fl.Microseconds())/1000, "ms-full")
	}
}

// suffix completes a polled path: the progress answer, or (for the
// "full/" marker) the batch with every row.
func suffix(poll string) string {
	if poll == "/api/v1/batches/" {
		return "/progress"
	}
	return ""
}

// get reads a path as a viewer would (the "full/" marker stripped) and
// returns the body's size, or -1 for an answer other than 200 (logged).
func get(b *testing.B, h *apptest.Harness, path string) int {
	path = strings.Replace(path, "/full/", "/", 1)
	req, _ := http.NewRequest("GET", h.URL+path, nil)
	req.Header.Set("Authorization", "Bearer "+h.Tokens["viewer"])
	resp, err := h.Client.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	if err != nil {
		b.Fatalf("GET %s: %v", path, err)
	}
	if resp.StatusCode != http.StatusOK {
		b.Logf("GET %s: %d", path, resp.StatusCode)
		return -1
	}
	return int(n)
}

// oneAnswer returns the size of one answer and the median latency of 20.
func oneAnswer(b *testing.B, h *apptest.Harness, path string) (int, time.Duration) {
	var ds []time.Duration
	size := 0
	for i := 0; i < 20; i++ {
		start := time.Now()
		size = get(b, h, path)
		ds = append(ds, time.Since(start))
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return size, ds[len(ds)/2]
}
