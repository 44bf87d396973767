package render_test

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/render"
)

// The layout goldens pin what a reader of the certificate sees, in a form
// a reviewer can read in a diff:
//
//   - testdata/golden/<case>.words.txt: every word pdftotext -bbox finds,
//     one a line: page, left, top, right, bottom (points from the page's
//     top-left corner) and the word;
//   - testdata/golden/<case>.p<N>.png: page N at goldenDPI in grey.
//
// A word that moves by more than wordTolerance points, appears or goes
// fails the test with the words named; a page whose pixels differ beyond
// the tolerance fails with a diff image written to a kept temporary
// directory (red: darker than the golden, blue: lighter). After an
// intended change, look at the diff images, then run
//
//	go test ./render -run TestGolden -update
//
// and review the changed .words.txt and .png files in the commit.
// TestDeterministic pins the bytes of the same input rendered twice.

const (
	goldenDPI     = 40
	wordTolerance = 0.5 // points
	pixelLevel    = 48  // grey levels: a pixel further off than this counts as changed
	pixelShare    = 0.0002
)

func goldenCases() map[string]render.Certificate {
	return map[string]render.Certificate{
		"micro-kk":      micro("kk"),
		"micro-ru":      micro("ru"),
		"micro-en":      micro("en"),
		"micro-long-kk": microLong("kk"),
		"teachhub-kk":   teachhub("kk"),
		"nonformal-en":  nonformal("en"),
	}
}

func TestGolden(t *testing.T) {
	r := newRenderer(t)
	dir := filepath.Join("testdata", "golden")
	for name, c := range goldenCases() {
		t.Run(name, func(t *testing.T) {
			pdf := renderPDF(t, r, c)
			pages := pdfWords(t, pdf)
			words := wordLines(pages)
			wordsFile := filepath.Join(dir, name+".words.txt")
			if *update {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				old, _ := filepath.Glob(filepath.Join(dir, name+".p*.png"))
				for _, f := range old {
					_ = os.Remove(f)
				}
				if err := os.WriteFile(wordsFile, []byte(words), 0o644); err != nil {
					t.Fatal(err)
				}
				for p := range pages {
					var buf bytes.Buffer
					if err := png.Encode(&buf, grey(rasterize(t, pdf, p+1, goldenDPI))); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(pageFile(dir, name, p+1), buf.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			want, err := os.ReadFile(wordsFile)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := compareWords(string(want), words); diff != "" {
				t.Errorf("words moved, appeared or went (golden %s):\n%s", wordsFile, diff)
			}
			for p := range pages {
				wantImg := readPNG(t, pageFile(dir, name, p+1))
				got := grey(rasterize(t, pdf, p+1, goldenDPI))
				if msg, diff := compareGrey(wantImg, got); msg != "" {
					keep, err := os.MkdirTemp("", "render-golden-")
					if err != nil {
						t.Fatal(err)
					}
					var gb, db bytes.Buffer
					_ = png.Encode(&gb, got)
					_ = png.Encode(&db, diff)
					_ = os.WriteFile(filepath.Join(keep, "got.png"), gb.Bytes(), 0o644)
					_ = os.WriteFile(filepath.Join(keep, "diff.png"), db.Bytes(), 0o644)
					t.Errorf("page %d looks different from %s: %s; see %s/got.png and diff.png", p+1, pageFile(dir, name, p+1), msg, keep)
				}
			}
		})
	}
}

func pageFile(dir, name string, page int) string {
	return filepath.Join(dir, fmt.Sprintf("%s.p%d.png", name, page))
}

// wordLines formats the word boxes, one a line, to a tenth of a point.
func wordLines(pages []bboxPage) string {
	var b strings.Builder
	for i, p := range pages {
		for _, w := range p.Words {
			fmt.Fprintf(&b, "%d %6.1f %6.1f %6.1f %6.1f %s\n", i+1, w.XMin, w.YMin, w.XMax, w.YMax, w.Text)
		}
	}
	return b.String()
}

type placedWord struct {
	page       int
	box        [4]float64
	text, line string
}

func parseWords(s string) []placedWord {
	var out []placedWord
	for _, line := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		f := strings.Fields(line)
		if len(f) < 6 {
			continue
		}
		w := placedWord{text: strings.Join(f[5:], " "), line: line}
		w.page, _ = strconv.Atoi(f[0])
		for i := range 4 {
			w.box[i], _ = strconv.ParseFloat(f[i+1], 64)
		}
		out = append(out, w)
	}
	return out
}

// compareWords lists, in reading order, the words of want that are
// missing or moved in got and the words got adds.
func compareWords(want, got string) string {
	ws, gs := parseWords(want), parseWords(got)
	used := make([]bool, len(gs))
	var b strings.Builder
	for _, w := range ws {
		found, moved := -1, -1
		for j, g := range gs {
			if used[j] || g.page != w.page || g.text != w.text {
				continue
			}
			if near(g.box, w.box) {
				found = j
				break
			}
			if moved < 0 {
				moved = j
			}
		}
		switch {
		case found >= 0:
			used[found] = true
		case moved >= 0:
			used[moved] = true
			fmt.Fprintf(&b, "  moved: %s\n     to: %s\n", w.line, gs[moved].line)
		default:
			fmt.Fprintf(&b, "   gone: %s\n", w.line)
		}
	}
	for j, g := range gs {
		if !used[j] {
			fmt.Fprintf(&b, "    new: %s\n", g.line)
		}
	}
	return b.String()
}

func near(a, b [4]float64) bool {
	for i := range 4 {
		if math.Abs(a[i]-b[i]) > wordTolerance {
			return false
		}
	}
	return true
}

func grey(img image.Image) *image.Gray {
	g := image.NewGray(img.Bounds())
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			g.Set(x, y, img.At(x, y))
		}
	}
	return g
}

func readPNG(t *testing.T, path string) *image.Gray {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return grey(img)
}

// compareGrey returns why got differs from want beyond the tolerance ("" if
// it does not), and a diff image: want faded, changed pixels in red where
// got is darker and blue where it is lighter.
func compareGrey(want, got *image.Gray) (string, image.Image) {
	if want.Bounds() != got.Bounds() {
		return fmt.Sprintf("size %v, want %v", got.Bounds().Size(), want.Bounds().Size()), got
	}
	r := want.Bounds()
	diff := image.NewRGBA(r)
	changed := 0
	var sum float64
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			w, g := int(want.GrayAt(x, y).Y), int(got.GrayAt(x, y).Y)
			d := g - w
			sum += math.Abs(float64(d))
			f := uint8(255 - (255-w)/4)
			c := color.RGBA{f, f, f, 255}
			switch {
			case d < -pixelLevel:
				c, changed = color.RGBA{220, 0, 0, 255}, changed+1
			case d > pixelLevel:
				c, changed = color.RGBA{0, 80, 230, 255}, changed+1
			}
			diff.SetRGBA(x, y, c)
		}
	}
	n := r.Dx() * r.Dy()
	if float64(changed) > pixelShare*float64(n) || sum/float64(n) > 1 {
		return fmt.Sprintf("%d of %d pixels changed by more than %d levels, mean difference %.2f", changed, n, pixelLevel, sum/float64(n)), diff
	}
	return "", diff
}
