package badge

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"
)

func TestAbbreviate(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Computer Science", "CS"},
		{"Master of Business Administration", "MBA"},
		{"Information and Communication Technologies", "ICT"},
		{"Информационные системы", "ИС"},
		{"Системы и технологии в образовании", "СТО"},
		{"Қазақ әдебиеті", "ҚӘ"},
		{"Әлеуметтік ғылымдар және өнер", "ӘҒӨ"},
		{"Ұлттық қауіпсіздік", "ҰҚ"},
		{"Mathematics", "MAT"},
		{"Data Science, Machine Learning, AI and Robotics Engineering", "DSML"},
		{"  ", ""},
		{"и", "И"},
		{"5G networks", "5N"},
		{"中文 программа", "ПРО"},
		{"中文", ""},
		{"Ἀθῆναι Studies", "STU"},
	}
	for _, tt := range tests {
		if got := Abbreviate(tt.title); got != tt.want {
			t.Errorf("Abbreviate(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestDesignErrors(t *testing.T) {
	tests := []struct {
		name string
		d    Design
	}{
		{"bad colour", Design{Title: "X Y", Primary: "blue"}},
		{"short hex", Design{Title: "X Y", Accent: "#12345"}},
		{"non-hex", Design{Title: "X Y", Accent: "#12345g"}},
		{"size too small", Design{Title: "X Y", Size: 10}},
		{"size too large", Design{Title: "X Y", Size: MaxSize + 1}},
		{"negative size", Design{Title: "X Y", Size: -1}},
		{"abbreviation too long", Design{Abbreviation: "ABCDE"}},
		{"abbreviation with punctuation", Design{Abbreviation: "A.B"}},
		{"abbreviation in another script", Design{Abbreviation: "中文"}},
		{"invalid UTF-8", Design{Title: "\xff\xfe"}},
		{"custom image not PNG", Design{Image: []byte("GIF89a")}},
		{"custom image truncated", Design{Image: testPNG(t)[:60]}},
		{"custom image too large", Design{Image: hugePNGHeader(100000, 100000)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := RenderPNG(tt.d); !errors.Is(err, ErrInvalidDesign) {
				t.Errorf("RenderPNG error = %v, want ErrInvalidDesign", err)
			}
			if _, err := RenderSVG(tt.d); !errors.Is(err, ErrInvalidDesign) {
				t.Errorf("RenderSVG error = %v, want ErrInvalidDesign", err)
			}
		})
	}
}

// hugePNGHeader is a PNG signature and IHDR declaring w×h pixels, with no
// image data.
func hugePNGHeader(w, h uint32) []byte {
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 6, 0, 0, 0)
	c := binary.BigEndian.AppendUint32(nil, uint32(len(ihdr)))
	c = append(c, "IHDR"...)
	c = append(c, ihdr...)
	c = binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(c[4:]))
	return append([]byte(pngSignature), c...)
}

func sampleDesigns() []Design {
	return []Design{
		{Title: "Информационные системы", Issuer: "Евразийский национальный университет им. Л. Н. Гумилёва"},
		{Title: "Қазақ әдебиеті", Issuer: "Әл-Фараби атындағы Қазақ ұлттық университеті", Primary: "#0b6e4f", Accent: "#e0e0e0"},
		{Abbreviation: "cs", Title: "Computer Science", Issuer: "Astana IT University", Primary: "#5b2a86", Accent: "#F2B134", Size: 256},
		{Abbreviation: "ҰҒӨҮ", Primary: "#fff", Accent: "#000", Size: MinSize},
		{Title: "中文 программа", Issuer: "Université d’Été — Алматы", Size: 300},
	}
}

func TestRenderPNG(t *testing.T) {
	for _, d := range sampleDesigns() {
		t.Run(d.Title+d.Abbreviation, func(t *testing.T) {
			out, err := RenderPNG(d)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := RenderPNG(d)
			if !bytes.Equal(out, again) {
				t.Fatal("RenderPNG is not deterministic")
			}
			img, err := png.Decode(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			size := d.Size
			if size == 0 {
				size = DefaultSize
			}
			if img.Bounds() != image.Rect(0, 0, size, size) {
				t.Fatalf("bounds %v, want %d×%d", img.Bounds(), size, size)
			}
			r, _ := d.resolve()
			l := r.artwork()
			k := float64(size) / unit
			// Corners are transparent; the ring has the accent colour; the
			// medallion the primary gradient (sampled off the text).
			if _, _, _, a := img.At(0, 0).RGBA(); a != 0 {
				t.Errorf("corner alpha %d, want 0", a)
			}
			ringPt := image.Pt(int(center*k), int((center+(rBand+rEdge)/2)*k))
			if l.bottom.text == "" {
				assertColor(t, img, ringPt, l.accent, "ring")
			}
			assertColor(t, img, image.Pt(int(center*k), int((center-rBand+30)*k)), l.primaryTop.mix(l.primaryBottom, 30/(2*rBand)), "medallion top")
			baked, err := BakePNG(out, testJWS("r"))
			if err != nil {
				t.Fatal(err)
			}
			if got, err := ExtractPNG(baked); err != nil || got != testJWS("r") {
				t.Fatalf("ExtractPNG = %q, %v", got, err)
			}
		})
	}
}

func assertColor(t *testing.T, img image.Image, p image.Point, want rgba, what string) {
	t.Helper()
	c := color.NRGBAModel.Convert(img.At(p.X, p.Y)).(color.NRGBA)
	diff := math.Abs(float64(c.R)-want.r*255) + math.Abs(float64(c.G)-want.g*255) + math.Abs(float64(c.B)-want.b*255)
	if diff > 12 || c.A != 255 {
		t.Errorf("%s pixel at %v = %v, want %s", what, p, c, want.hex())
	}
}

func TestRenderSVG(t *testing.T) {
	for _, d := range sampleDesigns() {
		t.Run(d.Title+d.Abbreviation, func(t *testing.T) {
			out, err := RenderSVG(d)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := RenderSVG(d)
			if !bytes.Equal(out, again) {
				t.Fatal("RenderSVG is not deterministic")
			}
			if Sniff(out) != KindSVG {
				t.Fatal("Sniff does not see an SVG")
			}
			if _, err := ExtractSVG(out); !errors.Is(err, ErrNoCredential) {
				t.Fatalf("fresh badge: ExtractSVG error = %v", err)
			}
			baked, err := BakeSVG(out, testJWS("r"))
			if err != nil {
				t.Fatal(err)
			}
			if got, err := ExtractSVG(baked); err != nil || got != testJWS("r") {
				t.Fatalf("ExtractSVG = %q, %v", got, err)
			}
			r, _ := d.resolve()
			for _, want := range []string{r.abbrev, r.artwork().primaryTop.hex(), r.accent.hex()} {
				if !bytes.Contains(out, []byte(want)) {
					t.Errorf("SVG lacks %q", want)
				}
			}
			if d.Title != "" && !bytes.Contains(out, []byte("<title>"+d.Title)) {
				t.Errorf("SVG title lacks %q", d.Title)
			}
		})
	}
}

func TestRenderEscapesText(t *testing.T) {
	out, err := RenderSVG(Design{Title: `A <b>&"c"`, Issuer: "x</title><script>"})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte("<script>")) || bytes.Contains(out, []byte("<b>")) {
		t.Fatalf("unescaped text in SVG:\n%s", out)
	}
	if _, err := ExtractSVG(out); !errors.Is(err, ErrNoCredential) {
		t.Fatalf("SVG not well-formed: %v", err)
	}
}

func TestRenderCustomImage(t *testing.T) {
	src := testPNG(t)
	out, err := RenderPNG(Design{Image: src, Title: "ignored"})
	if err != nil || !bytes.Equal(out, src) {
		t.Fatalf("RenderPNG with Image: %v", err)
	}
	svg, err := RenderSVG(Design{Image: src, Title: "Custom", Size: 200})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(svg, []byte(`width="200"`)) || !bytes.Contains(svg, []byte("data:image/png;base64,")) {
		t.Fatalf("SVG does not embed the image:\n%.300s", svg)
	}
	if _, err := BakeSVG(svg, testJWS("c")); err != nil {
		t.Fatal(err)
	}
}

func TestGlyphCoverage(t *testing.T) {
	f := badgeFace()
	if math.Abs(f.cap-0.714) > 0.001 {
		t.Errorf("cap height %.3f em, want Noto Sans Bold's 0.714", f.cap)
	}
	kazakh := "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
	all := kazakh + strings.ToLower(kazakh) + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,-–—«»“”’&()№"
	var buf sfnt.Buffer
	for _, r := range all {
		g, adv, ok := f.glyph(&buf, r)
		if !ok || adv <= 0 {
			t.Errorf("no glyph for %q", r)
			continue
		}
		if r == ' ' {
			continue
		}
		s, err := f.outline(&buf, g, 100, func(u, v float64) pt { return pt{u, -v} })
		if err != nil || len(s) == 0 {
			t.Errorf("empty outline for %q: %v", r, err)
		}
		for _, poly := range s {
			for _, p := range poly {
				if math.IsNaN(p.x) || math.IsNaN(p.y) || math.Abs(p.x) > 200 || math.Abs(p.y) > 200 {
					t.Fatalf("bad point %v in %q", p, r)
				}
			}
		}
	}
	if _, _, ok := f.glyph(&buf, '中'); ok {
		t.Error("unexpected CJK glyph")
	}
	if n := utf8.RuneCountInString(kazakh); n != 42 {
		t.Errorf("Kazakh alphabet has %d letters here, want 42", n)
	}
}

// TestLooksAsBefore compares each sample badge with the PNG the previous,
// hand-written rasterizer drew from its own copy of the glyphs
// (testdata/golden, made before the switch to golang.org/x/image): the
// same shapes in the same places, anti-aliased edges allowed to differ a
// little. On failure it writes the new image and a diff image (red where
// they differ) into a new temporary directory and names it.
func TestLooksAsBefore(t *testing.T) {
	for i, d := range sampleDesigns() {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			want, err := os.ReadFile(fmt.Sprintf("testdata/golden/design%d.png", i))
			if err != nil {
				t.Fatal(err)
			}
			got, err := RenderPNG(d)
			if err != nil {
				t.Fatal(err)
			}
			cmp := comparePNG(t, want, got)
			t.Logf("mean difference %.3f levels, %d of %d pixels differ by more than %d (worst %d)", cmp.mean, cmp.off, cmp.pixels, offLevel, cmp.worst)
			// Edges may differ by rounding and by outline flattening; a
			// missing or moved shape would change thousands of pixels.
			if cmp.mean > 0.25 || float64(cmp.off) > 0.002*float64(cmp.pixels) {
				dir, err := os.MkdirTemp("", "badge-diff-") // kept for the reader
				if err != nil {
					t.Fatal(err)
				}
				_ = os.WriteFile(filepath.Join(dir, "got.png"), got, 0o644)
				_ = os.WriteFile(filepath.Join(dir, "diff.png"), cmp.diff, 0o644)
				t.Errorf("badge %d differs from testdata/golden/design%d.png: mean %.3f, %d pixels off; see %s/got.png and diff.png", i, i, cmp.mean, cmp.off, dir)
			}
		})
	}
}

// offLevel is the channel difference above which a pixel counts as off.
const offLevel = 48

type pngComparison struct {
	mean        float64 // mean absolute channel difference, 0–255
	off, pixels int
	worst       int
	diff        []byte // PNG: the old image faded, off pixels in red
}

func comparePNG(t *testing.T, a, b []byte) pngComparison {
	t.Helper()
	ia, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	ib, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if ia.Bounds() != ib.Bounds() {
		t.Fatalf("size %v, want %v", ib.Bounds(), ia.Bounds())
	}
	r := ia.Bounds()
	diff := image.NewNRGBA(r)
	var c pngComparison
	var sum float64
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			ca := color.NRGBAModel.Convert(ia.At(x, y)).(color.NRGBA)
			cb := color.NRGBAModel.Convert(ib.At(x, y)).(color.NRGBA)
			// Compare premultiplied, so invisible colour does not count.
			pa, pb := premul(ca), premul(cb)
			worst := 0
			for k := range 4 {
				d := pa[k] - pb[k]
				if d < 0 {
					d = -d
				}
				sum += float64(d)
				worst = max(worst, d)
			}
			c.worst = max(c.worst, worst)
			c.pixels++
			g := uint8(255 - (255-int(ca.R)*int(ca.A)/255)/4)
			diff.SetNRGBA(x, y, color.NRGBA{g, g, g, 255})
			if worst > offLevel {
				c.off++
				diff.SetNRGBA(x, y, color.NRGBA{255, 0, 0, 255})
			}
		}
	}
	c.mean = sum / float64(4*c.pixels)
	var buf bytes.Buffer
	if err := png.Encode(&buf, diff); err != nil {
		t.Fatal(err)
	}
	c.diff = buf.Bytes()
	return c
}

func premul(c color.NRGBA) [4]int {
	a := int(c.A)
	return [4]int{int(c.R) * a / 255, int(c.G) * a / 255, int(c.B) * a / 255, a}
}

func BenchmarkBakePNG(b *testing.B) {
	d := Design{Title: "Информационные системы", Issuer: "Евразийский национальный университет"}
	jws := testJWS("bench")
	b.Run("render+bake", func(b *testing.B) {
		var n int
		for b.Loop() {
			img, err := RenderPNG(d)
			if err != nil {
				b.Fatal(err)
			}
			out, err := BakePNG(img, jws)
			if err != nil {
				b.Fatal(err)
			}
			n = len(out)
		}
		b.ReportMetric(float64(n), "png-bytes")
	})
	b.Run("bake", func(b *testing.B) {
		img, err := RenderPNG(d)
		if err != nil {
			b.Fatal(err)
		}
		var n int
		for b.Loop() {
			out, err := BakePNG(img, jws)
			if err != nil {
				b.Fatal(err)
			}
			n = len(out)
		}
		b.ReportMetric(float64(n), "png-bytes")
	})
}

func BenchmarkRenderSVG(b *testing.B) {
	d := Design{Title: "Информационные системы", Issuer: "Евразийский национальный университет"}
	var n int
	for b.Loop() {
		out, err := RenderSVG(d)
		if err != nil {
			b.Fatal(err)
		}
		n = len(out)
	}
	b.ReportMetric(float64(n), "svg-bytes")
}
