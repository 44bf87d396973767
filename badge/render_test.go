package badge

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"math"
	"strings"
	"testing"
	"unicode/utf8"
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
			l := r.layout()
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
			for _, want := range []string{r.abbrev, r.layout().primaryTop.hex(), r.accent.hex()} {
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
	kazakh := "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
	all := kazakh + strings.ToLower(kazakh) + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,-–—«»“”’&()№"
	for _, r := range all {
		adv, path, ok := glyphData(r)
		if !ok || adv <= 0 {
			t.Errorf("no glyph for %q", r)
			continue
		}
		if r == ' ' {
			continue
		}
		s := glyphShape(path, 0.1, func(u, v float64) pt { return pt{u, -v} })
		if len(s) == 0 {
			t.Errorf("empty outline for %q", r)
		}
		for _, poly := range s {
			for _, p := range poly {
				if math.IsNaN(p.x) || math.IsNaN(p.y) || math.Abs(p.x) > 200 || math.Abs(p.y) > 200 {
					t.Fatalf("bad point %v in %q", p, r)
				}
			}
		}
	}
	if _, _, ok := glyphData('中'); ok {
		t.Error("unexpected CJK glyph")
	}
	if n := utf8.RuneCountInString(kazakh); n != 42 {
		t.Errorf("Kazakh alphabet has %d letters here, want 42", n)
	}
}

func TestMaskCoverage(t *testing.T) {
	// A 10×10 square at (5.5, 5.5) covers 100 px²: interior pixels fully,
	// edge pixels half, corner pixels a quarter.
	m := newMask(20, 20)
	m.fill(shape{{{5.5, 5.5}, {15.5, 5.5}, {15.5, 15.5}, {5.5, 15.5}}})
	img := image.NewRGBA(image.Rect(0, 0, 20, 20))
	m.paint(img, rgba{1, 1, 1, 1}, nil)
	total := 0.0
	for i := 3; i < len(img.Pix); i += 4 {
		total += float64(img.Pix[i]) / 255
	}
	if math.Abs(total-100) > 0.5 {
		t.Errorf("covered area %.2f, want 100", total)
	}
	tests := []struct {
		x, y int
		want uint8
	}{{10, 10, 255}, {5, 10, 128}, {5, 5, 64}, {4, 4, 0}, {16, 10, 0}}
	for _, tt := range tests {
		if a := img.RGBAAt(tt.x, tt.y).A; math.Abs(float64(a)-float64(tt.want)) > 1 {
			t.Errorf("alpha at %d,%d = %d, want %d", tt.x, tt.y, a, tt.want)
		}
	}
	// The mask is cleared after painting.
	for _, v := range m.a {
		if v != 0 {
			t.Fatal("mask not cleared")
		}
	}
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
