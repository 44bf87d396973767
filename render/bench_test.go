package render_test

import (
	"context"
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
