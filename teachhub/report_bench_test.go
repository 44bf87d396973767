package teachhub

import (
	"context"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// benchReport is a report over the most activities one report may list.
func benchReport(b *testing.B) *credential.CardReport {
	b.Helper()
	cards := make([]*credential.Card, credential.MaxReportCards)
	for i := range cards {
		cards[i] = card(fmt.Sprintf("KZ-%05d", i), fmt.Sprintf("Кафедра %d", i%40), 36, credential.CardRecognized,
			at("2026-03-02"), at("2026-03-03"), "2026-03-31", 1.2)
	}
	s := New(reportStore{cards: cards}, nil, WithClock(func() time.Time { return time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC) }))
	rep, err := s.Report(context.Background(), credential.ReportFilter{From: "2026-03-01", To: "2026-03-31"}, lang.RU)
	if err != nil {
		b.Fatal(err)
	}
	return rep
}

// BenchmarkReportCSV writes the CSV of a report of 20 000 activities.
func BenchmarkReportCSV(b *testing.B) {
	rep := benchReport(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteReportCSV(io.Discard, rep); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReportXLSX writes the workbook of a report of 20 000 activities.
func BenchmarkReportXLSX(b *testing.B) {
	rep := benchReport(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteReportXLSX(io.Discard, rep); err != nil {
			b.Fatal(err)
		}
	}
}
