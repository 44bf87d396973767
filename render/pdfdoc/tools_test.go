package pdfdoc_test

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/render/pdfdoc"
)

// These tests read what pdfdoc writes with independent tools: poppler
// (pdftotext, pdftoppm, pdffonts) and qpdf. Each skips, saying so, when its
// tool is not installed; .ci/run installs them.

func tool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not found: install %s (apt-get install -y %s) to run this test", name, pkg, pkg)
	}
	return p
}

func run(t *testing.T, bin string, args ...string) string {
	t.Helper()
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(bin), strings.Join(args, " "), err, out)
	}
	return string(out)
}

func loadFont(t *testing.T, file, name string) *pdfdoc.Font {
	t.Helper()
	data, err := os.ReadFile("../../templates/fonts/" + file)
	if err != nil {
		t.Fatal(err)
	}
	f, err := pdfdoc.LoadFont(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func write(t *testing.T, d *pdfdoc.Doc) string {
	t.Helper()
	if err := d.Err(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := d.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(p, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

var kazakhLines = []string{
	"Әбілқасымова Қарлығаш Нұрланқызы",
	"ӘҒҚҢӨҰҮҺІ әғқңөұүһі ЙйЁё",
	"Python for Data Analysis — 90 «сағат»",
	"Müller Seán O'Connor № 000042",
}

// TestTextReadsBack checks with poppler that every line comes back as the
// same Unicode text, at the width Font.Width measured, from subset fonts
// that are embedded with a ToUnicode map.
func TestTextReadsBack(t *testing.T) {
	pdftotext := tool(t, "pdftotext", "poppler-utils")
	pdffonts := tool(t, "pdffonts", "poppler-utils")
	serif, bold := loadFont(t, "NotoSerif-Regular.ttf", "serif"), loadFont(t, "NotoSans-Bold.ttf", "sansbold")
	d := pdfdoc.New(210, 297, pdfdoc.Meta{Title: "Тест", Created: time.Date(2026, 5, 12, 0, 0, 0, 0, time.UTC)})
	d.AddPage()
	type placed struct {
		s    string
		x, w float64 // mm
	}
	var want []placed
	for i, s := range kazakhLines {
		f := serif
		if i%2 == 1 {
			f = bold
		}
		d.SetFont(f, 14)
		x := 20.0 + float64(i)
		d.Text(x, 30+float64(i)*12, s)
		want = append(want, placed{s, x, f.Width(s, 14)})
	}
	p := write(t, d)

	text := run(t, pdftotext, "-layout", p, "-")
	for _, w := range want {
		if !strings.Contains(text, w.s) {
			t.Errorf("pdftotext lost %q; got:\n%s", w.s, text)
		}
	}
	// Word boxes: the first word of each line starts at x, the last ends
	// at x + Width (poppler takes the advances from the /W array).
	html := run(t, pdftotext, "-bbox", p, "-")
	re := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>`)
	words := re.FindAllStringSubmatch(html, -1)
	pt := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v * 25.4 / 72 }
	i := 0
	for _, w := range want {
		n := len(strings.Fields(w.s))
		if i+n > len(words) {
			t.Fatalf("pdftotext -bbox found %d words, want more", len(words))
		}
		first, last := words[i], words[i+n-1]
		i += n
		if math.Abs(pt(first[1])-w.x) > 0.05 || math.Abs(pt(last[2])-(w.x+w.w)) > 0.05 {
			t.Errorf("%q spans %.2f–%.2f mm, measured %.2f–%.2f mm", w.s, pt(first[1]), pt(last[2]), w.x, w.x+w.w)
		}
	}

	fonts := run(t, pdffonts, p)
	for _, name := range []string{"NotoSerif-Regular", "NotoSans-Bold"} {
		line := ""
		for _, l := range strings.Split(fonts, "\n") {
			if strings.Contains(l, "+"+name) {
				line = l
			}
		}
		if !regexp.MustCompile(`CID TrueType\s+Identity-H\s+yes yes yes`).MatchString(line) {
			t.Errorf("pdffonts: %s is not an embedded subset with a ToUnicode map:\n%s", name, fonts)
		}
	}
}

// TestQPDFCheck has qpdf check the structure: xref offsets, stream lengths,
// and that every stream decodes.
func TestQPDFCheck(t *testing.T) {
	qpdf := tool(t, "qpdf", "qpdf")
	serif := loadFont(t, "NotoSerif-Regular.ttf", "serif")
	png, jpg := testImages(t)
	d := pdfdoc.New(210, 297, pdfdoc.Meta{Title: "Сертификат (1)", Author: `a\b`, Lang: "kk"})
	d.Attach("credential.jwt", "Қол қойылған куәлік (VC-JWT)", "application/vc+jwt", []byte("eyJhbGciOiJFUzI1NiJ9.e30.c2ln"))
	for range 2 {
		d.AddPage()
		d.SetFont(serif, 12)
		d.Text(20, 20, kazakhLines[0])
		d.Image(png, 20, 40, 40, 0)
		d.Image(jpg, 80, 40, 0, 30)
		d.SetDash(1, 1)
		d.Circle(100, 150, 20, "DF")
		d.Link(20, 40, 40, 40, "https://example.edu/c/тест (1)")
	}
	out := run(t, qpdf, "--check", write(t, d))
	if !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}

// testImages returns a PNG whose left half is opaque red, right half opaque
// blue, with a fully transparent bottom quarter; and a JPEG, green.
func testImages(t *testing.T) (*pdfdoc.Image, *pdfdoc.Image) {
	t.Helper()
	im := image.NewNRGBA(image.Rect(0, 0, 80, 80))
	for y := range 80 {
		for x := range 80 {
			c := color.NRGBA{R: 220, A: 255}
			if x >= 40 {
				c = color.NRGBA{B: 220, A: 255}
			}
			if y >= 60 {
				c.A = 0
			}
			im.SetNRGBA(x, y, c)
		}
	}
	var pb, jb bytes.Buffer
	if err := png.Encode(&pb, im); err != nil {
		t.Fatal(err)
	}
	g := image.NewRGBA(image.Rect(0, 0, 60, 30))
	for y := range 30 {
		for x := range 60 {
			g.Set(x, y, color.RGBA{G: 180, A: 255})
		}
	}
	if err := jpeg.Encode(&jb, g, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	p, err := pdfdoc.LoadImage("png", pb.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	j, err := pdfdoc.LoadImage("jpeg", jb.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if p.Aspect() != 1 || j.Aspect() != 2 {
		t.Fatalf("aspects %v %v", p.Aspect(), j.Aspect())
	}
	return p, j
}

// TestImagesRasterize draws the images and a filled rectangle and checks
// colours where poppler rasterizes them: orientation, the alpha channel
// and the JPEG's colours must survive.
func TestImagesRasterize(t *testing.T) {
	pdftoppm := tool(t, "pdftoppm", "poppler-utils")
	pi, ji := testImages(t)
	d := pdfdoc.New(100, 100, pdfdoc.Meta{})
	d.AddPage()
	d.SetFillColor(pdfdoc.Color{R: 255, G: 255})
	d.Rect(0, 50, 100, 50, "F") // yellow bottom half
	d.Image(pi, 10, 30, 40, 40) // spans y 30–70: its transparent quarter (y 60–70) lies on yellow
	d.Image(ji, 55, 10, 40, 0)  // 40×20 mm
	p := write(t, d)
	out := filepath.Join(t.TempDir(), "r")
	run(t, pdftoppm, "-r", "72", "-png", "-singlefile", p, out)
	f, err := os.Open(out + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	at := func(xmm, ymm float64) color.RGBA {
		r, g, b, _ := img.At(int(xmm*72/25.4), int(ymm*72/25.4)).RGBA()
		return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 255}
	}
	near := func(c color.RGBA, r, g, b uint8) bool {
		d := func(a, b uint8) int { return int(a) - int(b) }
		return max(d(c.R, r), -d(c.R, r))+max(d(c.G, g), -d(c.G, g))+max(d(c.B, b), -d(c.B, b)) < 40
	}
	checks := []struct {
		name    string
		x, y    float64
		r, g, b uint8
	}{
		{"png left half red", 20, 40, 220, 0, 0},
		{"png right half blue", 40, 40, 0, 0, 220},
		{"png transparent quarter shows yellow", 20, 67, 255, 255, 0},
		{"white page above the yellow", 5, 5, 255, 255, 255},
		{"jpeg green", 75, 20, 0, 180, 0},
		{"below the jpeg", 75, 33, 255, 255, 255},
	}
	for _, c := range checks {
		if got := at(c.x, c.y); !near(got, c.r, c.g, c.b) {
			t.Errorf("%s: pixel at (%.0f, %.0f) mm is %v", c.name, c.x, c.y, got)
		}
	}
}

// TestLinkRefusesOtherSchemes keeps script and file URIs out of PDFs.
func TestLinkRefusesOtherSchemes(t *testing.T) {
	for _, u := range []string{"javascript:alert(1)", "file:///etc/passwd", "/c/relative", ""} {
		d := pdfdoc.New(100, 100, pdfdoc.Meta{})
		d.AddPage()
		d.Link(0, 0, 10, 10, u)
		if d.Err() == nil {
			t.Errorf("Link(%q) accepted", u)
		}
	}
}

// TestSubsetFontsPassOTS extracts each embedded font program with qpdf and
// runs it through the OpenType Sanitizer (the font checker browsers use):
// the subsets tanu cuts must be fonts any strict consumer accepts.
func TestSubsetFontsPassOTS(t *testing.T) {
	qpdf := tool(t, "qpdf", "qpdf")
	ots := tool(t, "ots-sanitize", "opentype-sanitizer")
	d := pdfdoc.New(210, 297, pdfdoc.Meta{})
	d.AddPage()
	for i, f := range []*pdfdoc.Font{loadFont(t, "NotoSerif-Regular.ttf", "serif"), loadFont(t, "NotoSans-Bold.ttf", "sansbold")} {
		d.SetFont(f, 12)
		d.Text(20, 20+10*float64(i), kazakhLines[i]+" "+kazakhLines[i+2])
	}
	p := write(t, d)
	out, err := exec.Command(qpdf, "--json=2", "--json-key=qpdf", p).Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var doc struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	var objs map[string]struct {
		Stream *struct {
			Dict map[string]json.RawMessage `json:"dict"`
		} `json:"stream"`
	}
	if err := json.Unmarshal(out, &doc); err != nil || len(doc.QPDF) < 2 {
		t.Fatalf("qpdf json: %v", err)
	}
	if err := json.Unmarshal(doc.QPDF[1], &objs); err != nil {
		t.Fatal(err)
	}
	fonts := 0
	for key, o := range objs {
		if o.Stream == nil || o.Stream.Dict["/Length1"] == nil {
			continue
		}
		fonts++
		num := strings.Fields(strings.TrimPrefix(key, "obj:"))[0]
		prog, err := exec.Command(qpdf, "--show-object="+num, "--filtered-stream-data", p).Output()
		if err != nil {
			t.Fatalf("qpdf --show-object=%s: %v", num, err)
		}
		if want := string(o.Stream.Dict["/Length1"]); strconv.Itoa(len(prog)) != want {
			t.Errorf("font %s: %d bytes, /Length1 says %s", num, len(prog), want)
		}
		in := filepath.Join(t.TempDir(), "font.ttf")
		if err := os.WriteFile(in, prog, 0o600); err != nil {
			t.Fatal(err)
		}
		if res, err := exec.Command(ots, in, in+".out").CombinedOutput(); err != nil {
			t.Errorf("ots-sanitize rejects font %s: %v\n%s", num, err, res)
		}
	}
	if fonts != 2 {
		t.Errorf("%d embedded font programs, want 2", fonts)
	}
}
