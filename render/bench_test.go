package render_test

import (
	"context"
	"fmt"
	"io"
	"syscall"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/render"
)

type countWriter struct{ n int }

func (c *countWriter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

// cpuTime returns the user+system CPU time of the process so far. The
// benchmarks report it per operation because wall time on a shared machine
// includes other processes' load.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func benchRender(b *testing.B, c render.Certificate) {
	r := newRenderer(b) // templates and fonts are loaded once, outside the loop
	ctx := context.Background()
	var cw countWriter
	if err := r.Render(ctx, &cw, c); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		if err := r.Render(ctx, io.Discard, c); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(cw.n), "pdf-bytes")
}

// BenchmarkRenderMicrocertificate renders a microcertificate: the certificate
// page and the transcript page.
func BenchmarkRenderMicrocertificate(b *testing.B) { benchRender(b, micro("kk")) }

// BenchmarkRenderTeachHub renders the one-page TeachHub completion certificate.
func BenchmarkRenderTeachHub(b *testing.B) { benchRender(b, teachhub("kk")) }

// cohortNames are combined into distinct holders, so each certificate of
// BenchmarkRenderCohort uses a different set of glyphs and a different QR
// code, as in a batch, rather than hitting every per-process cache.
var (
	cohortFamily = []string{"Әбілқасымова", "Жұмабеков", "Серікбаева", "Оспанов", "Нұрғалиева", "Төлеуов", "Ысқақова", "Қайратұлы", "Ережепова", "Шәріпов", "Мұратова", "Ivanov", "Petrova", "O'Connor", "Müller", "Ким"}
	cohortGiven  = []string{"Қарлығаш", "Дәулет", "Әйгерім", "Ерлан", "Гүлнұр", "Нұрсұлтан", "Айжан", "Тимур", "Өмірзақ", "Ұлжан", "Һәдия", "Ілияс", "Maria", "Seán", "Jürgen", "Юлия"}
)

// BenchmarkRenderCohort renders microcertificates for distinct holders, ids
// and certificate numbers: the figure for a batch.
func BenchmarkRenderCohort(b *testing.B) {
	r := newRenderer(b)
	ctx := context.Background()
	b.ReportAllocs()
	start := cpuTime()
	i := 0
	for b.Loop() {
		c := micro("kk")
		c.FamilyName = cohortFamily[i%len(cohortFamily)]
		c.GivenName = cohortGiven[(i/len(cohortFamily))%len(cohortGiven)]
		c.ID = fmt.Sprintf("5f0c7f0e-3b1d-4f6a-9a53-%012d", i)
		c.URL = "https://tanu.satbayev.university/c/" + c.ID
		c.CertificateNumber = fmt.Sprintf("%06d", i+1)
		if err := r.Render(ctx, io.Discard, c); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}
