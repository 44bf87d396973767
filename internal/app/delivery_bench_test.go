package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/batch"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/app/apptest"
)

// mailpitTotal is how many messages Mailpit holds.
func (m *mailpit) total(b testing.TB) int {
	resp, err := http.Get(m.webURL + "/api/v1/messages?limit=1")
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Total int `json:"total"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		b.Fatal(err)
	}
	return out.Total
}

// BenchmarkDelivery measures, in one run on 127.0.0.1: batch issuance
// without e-mails and with them (the outbox rows written in the same
// transactions), and then how fast one instance's outbox sender delivers
// the queued messages to a local SMTP server (Mailpit; one SMTP
// connection per message, rate limit off). The sender sleeps while the
// batches run (a poll of an hour) and is woken for the delivery.
//
//	go test -run='^$' -bench=Delivery -benchtime=1x -cpu=2 ./internal/app
func BenchmarkDelivery(b *testing.B) {
	mp := newMailpit(b)
	mp.start(b)
	n := 500
	if v := os.Getenv("TANU_BENCH_ROWS"); v != "" {
		n = benchRows(b)
	}
	h := apptest.Start(b, "sqlite", apptest.Options{Configure: func(c *app.Config) {
		c.Batch.Workers = -1
		mailConfig(mp)(c)
		c.Mail.PerMinute, c.Mail.Poll = 1_000_000, time.Hour
	}})
	ctx := credential.WithActor(context.Background(), "bench")
	data := cohort(n)
	run := func(notify bool) time.Duration {
		regno := createProgramTB(b, h)
		start := time.Now()
		bt, err := h.App.Batches.Submit(ctx, batch.Upload{Program: regno, Filename: "cohort.csv", Body: bytes.NewReader(data), Lang: "kk", NoNotify: !notify})
		if err != nil {
			b.Fatal(err)
		}
		done, err := h.App.Batches.RunBatch(ctx, bt.ID, nil)
		if err != nil || done.Issued != n {
			b.Fatalf("issued %v of %d: %v", done, n, err)
		}
		return time.Since(start)
	}
	run(true) // warm up: the first batch pays for empty tables and cold caches
	h.App.Mail.Wake()
	for mp.total(b) < n {
		time.Sleep(20 * time.Millisecond)
	}
	b.ResetTimer()
	var without, with, send time.Duration
	for i := 0; i < b.N; i++ {
		before := mp.total(b)
		// Alternate the order, so neither kind always runs on a colder
		// or a fuller database.
		if i%2 == 0 {
			without += run(false)
			with += run(true)
		} else {
			with += run(true)
			without += run(false)
		}
		start := time.Now()
		h.App.Mail.Wake()
		deadline := start.Add(10 * time.Minute)
		for mp.total(b) < before+n {
			if time.Now().After(deadline) {
				b.Fatalf("%d of %d messages within 10 minutes", mp.total(b)-before, n)
			}
			time.Sleep(20 * time.Millisecond)
		}
		send += time.Since(start)
	}
	b.ReportMetric(float64(n*b.N)/without.Seconds(), "credentials/s-no-mail")
	b.ReportMetric(float64(n*b.N)/with.Seconds(), "credentials/s-with-mail")
	b.ReportMetric(float64(n*b.N)/send.Seconds(), "messages/s")
	fmt.Printf("delivery: %d credentials a batch; %.0f credentials/s without e-mail, %.0f with; %.0f messages/s to Mailpit\n",
		n, float64(n*b.N)/without.Seconds(), float64(n*b.N)/with.Seconds(), float64(n*b.N)/send.Seconds())
}
