package app_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/tanu-edu/tanu/batch"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/app/apptest"
)

// benchRows is the cohort size of the batch benchmarks: 10,000, or
// TANU_BENCH_ROWS.
func benchRows(b *testing.B) int {
	if v := os.Getenv("TANU_BENCH_ROWS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			b.Fatalf("TANU_BENCH_ROWS=%q", v)
		}
		return n
	}
	return 10_000
}

// iin returns a valid 12-digit IIN for a person born on 1995-MM-DD with
// serial n.
func iin(n int) string {
	for serial := n; ; serial += 7919 {
		s := fmt.Sprintf("95%02d%02d3%04d", n%12+1, n%28+1, serial%10000)
		var d [11]int
		for i := range d {
			d[i] = int(s[i] - '0')
		}
		if c, ok := credential.IINCheckDigit(d); ok {
			return s + strconv.Itoa(c)
		}
	}
}

// cohort returns a CSV cohort of n valid rows, as registrars export it:
// Kazakh headers, semicolons, DD.MM.YYYY, IIN, e-mail, three grades.
func cohort(n int) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeffБілім алушы ID;Тегі;Аты;Әкесінің аты;Эл. пошта;ЖСН;Басталуы;Аяқталуы;Шешім күні;LO1;LO2;LO3\r\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "S%07d;Жұмабекова;Мөлдір;Нұрланқызы;s%07d@students.example.edu;%s;02.02.2026;24.04.2026;06.05.2026;%d;B+;%d\r\n",
			i, i, iin(i), 60+i%40, 55+i%45)
	}
	return b.Bytes()
}

// BenchmarkBatchIssue10k measures a whole cohort from CSV to signed, stored
// credentials: reading and validating the spreadsheet, storing the batch,
// and issuing every row (numbers, ES256 signature, registry row, audit)
// in steps of 500, on the embedded store and on PostgreSQL. The metric is
// credentials per second; both-proofs-credentials/s adds the time to make
// every credential's Data Integrity proof (credential.json makes it on
// first request), measured in the same run.
//
//	go test -run='^$' -bench=BatchIssue10k -benchtime=3x -cpu=2 ./internal/app
func BenchmarkBatchIssue10k(b *testing.B) {
	n := benchRows(b)
	data := cohort(n)
	for _, eng := range apptest.Engines(b) {
		b.Run(eng, func(b *testing.B) {
			h := apptest.Start(b, eng, apptest.Options{Configure: func(c *app.Config) { c.Batch.Workers = -1 }})
			ctx := credential.WithActor(context.Background(), "bench")
			var elapsed, proofs time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				regno := createProgramTB(b, h) // a fresh program: nothing issued yet
				b.StartTimer()
				start := time.Now()
				bt, err := h.App.Batches.Submit(ctx, batch.Upload{Program: regno, Filename: "cohort.csv", Body: bytes.NewReader(data), Lang: "kk"})
				if err != nil {
					b.Fatal(err)
				}
				done, err := h.App.Batches.RunBatch(ctx, bt.ID, nil)
				if err != nil {
					b.Fatal(err)
				}
				elapsed += time.Since(start)
				if done.Issued != n {
					b.Fatalf("issued %d of %d: %+v", done.Issued, n, done)
				}
				// The Data Integrity proofs of the same credentials, as
				// credential.json makes them, on every core.
				start = time.Now()
				secureBatch(b, h, bt.ID, n)
				proofs += time.Since(start)
			}
			b.ReportMetric(float64(n*b.N)/elapsed.Seconds(), "credentials/s")
			b.ReportMetric(float64(n*b.N)/(elapsed+proofs).Seconds(), "both-proofs-credentials/s")
			b.ReportMetric(float64(proofs.Microseconds())/float64(n*b.N), "µs-DI-proof/credential")
		})
	}
}

// secureBatch makes the Data Integrity proof of every credential of a
// batch, GOMAXPROCS at a time.
func secureBatch(b *testing.B, h *apptest.Harness, batchID string, n int) {
	ctx := context.Background()
	var recs []*credential.Record
	for off := 0; off < n; off += 1000 {
		page, err := h.App.Store.Credentials(ctx, credential.CredentialFilter{BatchID: batchID, Limit: 1000, Offset: off})
		if err != nil {
			b.Fatal(err)
		}
		recs = append(recs, page...)
	}
	if len(recs) != n {
		b.Fatalf("%d credentials in the batch, want %d", len(recs), n)
	}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, r := range recs {
		g.Go(func() error {
			_, ok, err := h.App.Issuer.SecuredDocument(r)
			if err == nil && !ok {
				err = fmt.Errorf("no proof for %s", r.ID)
			}
			return err
		})
	}
	if err := g.Wait(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkBatchZIP10k measures GET /api/v1/batches/{id}/certificates.zip
// of a 10,000-credential batch over HTTP on 127.0.0.1: every PDF rendered
// (and, in "badges", the PNG and SVG badges baked) and streamed into the
// archive. The metric is PDFs per second.
//
//	go test -run='^$' -bench=BatchZIP10k -benchtime=1x -cpu=2 ./internal/app
func BenchmarkBatchZIP10k(b *testing.B) {
	n := benchRows(b)
	h := apptest.Start(b, "sqlite", apptest.Options{Configure: func(c *app.Config) { c.Batch.Workers = -1 }})
	ctx := credential.WithActor(context.Background(), "bench")
	regno := createProgramTB(b, h)
	bt, err := h.App.Batches.Submit(ctx, batch.Upload{Program: regno, Filename: "cohort.csv", Body: bytes.NewReader(cohort(n)), Lang: "kk"})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := h.App.Batches.RunBatch(ctx, bt.ID, nil); err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct{ name, query string }{{"pdf", "?badges=false"}, {"badges", ""}} {
		b.Run(tc.name, func(b *testing.B) {
			var elapsed time.Duration
			var size int64
			for i := 0; i < b.N; i++ {
				start := time.Now()
				req, _ := http.NewRequest("GET", h.URL+"/api/v1/batches/"+bt.ID+"/certificates.zip"+tc.query, nil)
				req.Header.Set("Authorization", "Bearer "+h.Tokens["viewer"])
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				size, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if err != nil || resp.StatusCode != 200 {
					b.Fatalf("zip: %d %v", resp.StatusCode, err)
				}
				elapsed += time.Since(start)
			}
			b.ReportMetric(float64(n*b.N)/elapsed.Seconds(), "PDFs/s")
			b.ReportMetric(float64(size)/float64(n), "bytes/credential")
		})
	}
}
