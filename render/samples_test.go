package render_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/tanu-edu/tanu/render"
	"github.com/tanu-edu/tanu/templates"
)

var samplesDir = flag.String("samples", "", "write sample PDFs to this directory")

func newRenderer(tb testing.TB) *render.Renderer {
	tb.Helper()
	r, err := render.New(render.Options{Templates: templates.FS, Branding: testBranding()})
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

func testBranding() render.Branding {
	return render.Branding{
		Name:         map[string]string{"kk": "Сәтбаев университеті", "ru": "Satbayev University", "en": "Satbayev University"},
		PrimaryColor: "#1f3a93",
		AccentColor:  "#b08d3c",
	}
}

// TestSamples writes sample PDFs when -samples is set (for looking at them).
func TestSamples(t *testing.T) {
	if *samplesDir == "" {
		t.Skip("set -samples DIR to write sample PDFs")
	}
	r := newRenderer(t)
	cases := map[string]render.Certificate{
		"micro-kk": micro("kk"), "micro-ru": micro("ru"), "micro-en": micro("en"),
		"micro-long-kk": microLong("kk"), "micro-long-ru": microLong("ru"), "micro-long-en": microLong("en"),
		"teachhub-kk": teachhub("kk"), "teachhub-ru": teachhub("ru"), "teachhub-en": teachhub("en"),
		"nonformal-kk": nonformal("kk"),
	}
	for name, c := range cases {
		var buf bytes.Buffer
		if err := r.Render(context.Background(), &buf, c); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(*samplesDir, name+".pdf"), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
