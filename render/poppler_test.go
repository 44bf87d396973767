package render_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/render"
)

// Helpers around poppler-utils (pdftotext, pdftoppm). Tests that need them
// skip with a clear message when they are not installed.

func needPoppler(t testing.TB, tool string) string {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err != nil {
		t.Skipf("%s not found: install poppler-utils (apt-get install -y poppler-utils) to run this test", tool)
	}
	return p
}

func renderPDF(t testing.TB, r *render.Renderer, c render.Certificate) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := r.Render(context.Background(), &buf, c); err != nil {
		t.Fatalf("Render(%s/%s): %v", c.Kind, c.Lang, err)
	}
	return buf.Bytes()
}

func writeTemp(t testing.TB, pdf []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "c.pdf")
	if err := os.WriteFile(p, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// pdfText returns the text of the PDF as pdftotext extracts it.
func pdfText(t testing.TB, pdf []byte, args ...string) string {
	t.Helper()
	bin := needPoppler(t, "pdftotext")
	args = append(args, writeTemp(t, pdf), "-")
	out, err := exec.Command(bin, args...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// flat collapses all whitespace to single spaces.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// word is one word box from pdftotext -bbox, in points from the top-left corner.
type word struct {
	Text                   string  `xml:",chardata"`
	XMin, YMin, XMax, YMax float64 `xml:"-"`
}

type bboxPage struct {
	Width, Height float64
	Words         []word
}

// pdfWords returns the word boxes of each page.
func pdfWords(t testing.TB, pdf []byte) []bboxPage {
	t.Helper()
	html := pdfText(t, pdf, "-bbox")
	dec := xml.NewDecoder(strings.NewReader(html))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	var pages []bboxPage
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		attr := func(n string) float64 {
			for _, a := range se.Attr {
				if a.Name.Local == n {
					v, _ := strconv.ParseFloat(a.Value, 64)
					return v
				}
			}
			return 0
		}
		switch se.Name.Local {
		case "page":
			pages = append(pages, bboxPage{Width: attr("width"), Height: attr("height")})
		case "word":
			w := word{XMin: attr("xMin"), YMin: attr("yMin"), XMax: attr("xMax"), YMax: attr("yMax")}
			if err := dec.DecodeElement(&w, &se); err != nil {
				t.Fatal(err)
			}
			if len(pages) == 0 {
				t.Fatal("pdftotext -bbox: word outside a page")
			}
			pages[len(pages)-1].Words = append(pages[len(pages)-1].Words, w)
		}
	}
	if len(pages) == 0 {
		t.Fatal("pdftotext -bbox: no pages")
	}
	return pages
}

// rasterize renders page (1-based) at dpi with pdftoppm.
func rasterize(t testing.TB, pdf []byte, page, dpi int) image.Image {
	t.Helper()
	bin := needPoppler(t, "pdftoppm")
	dir := t.TempDir()
	in := filepath.Join(dir, "c.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	p := strconv.Itoa(page)
	cmd := exec.Command(bin, "-r", strconv.Itoa(dpi), "-f", p, "-l", p, "-singlefile", "-png", in, filepath.Join(dir, "page"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}
