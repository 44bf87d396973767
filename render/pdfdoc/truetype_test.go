package pdfdoc

import (
	"bytes"
	"os"
	"testing"
	"time"
)

// serifBytes reads the shipped serif face.
func serifBytes(tb testing.TB) []byte {
	tb.Helper()
	data, err := os.ReadFile("../../templates/fonts/NotoSerif-Regular.ttf")
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// oneWord renders a one-page document with s in f.
func oneWord(tb testing.TB, f *Font, s string) []byte {
	tb.Helper()
	d := New(210, 297, Meta{Created: time.Date(2026, 5, 12, 0, 0, 0, 0, time.UTC)})
	d.AddPage()
	d.SetFont(f, 12)
	d.Text(10, 10, s)
	var buf bytes.Buffer
	if _, err := d.WriteTo(&buf); err != nil {
		tb.Error(err)
	}
	return buf.Bytes()
}

func readFace(t *testing.T, file string) *face {
	t.Helper()
	data, err := os.ReadFile("../../templates/fonts/" + file)
	if err != nil {
		t.Fatal(err)
	}
	f, err := parseFace(data, true)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestSubsetKeepsComponents cuts a subset holding one composite glyph and
// checks, by parsing the subset as a font again, that the glyphs it is
// built from came along and that unused glyphs were emptied.
func TestSubsetKeepsComponents(t *testing.T) {
	f := readFace(t, "NotoSerif-Regular.ttf")
	comp := -1
	for g, p := range f.parts {
		if len(p) > 0 {
			comp = g
			break
		}
	}
	if comp < 0 {
		t.Skip("font has no composite glyphs")
	}
	used := make([]bool, f.numGlyphs)
	used[comp] = true
	sub, err := parseFace(f.subset(used), false)
	if err != nil {
		t.Fatalf("subset does not parse: %v", err)
	}
	if sub.numGlyphs != f.numGlyphs || sub.numGlyphs <= int(maxPart(f.parts[comp])) {
		t.Errorf("subset has %d glyphs", sub.numGlyphs)
	}
	size := func(ff *face, g int) uint32 { return ff.loca[g+1] - ff.loca[g] }
	keep := map[int]bool{0: true, comp: true}
	for _, c := range f.parts[comp] {
		keep[int(c)] = true
	}
	for g := 0; g < sub.numGlyphs; g++ {
		switch {
		case keep[g] && (size(sub, g) < size(f, g) || size(sub, g) > size(f, g)+3):
			t.Errorf("glyph %d: %d bytes in the subset, %d in the font (plus padding to 4)", g, size(sub, g), size(f, g))
		case keep[g] && !bytes.HasPrefix(sub.tables["glyf"][sub.loca[g]:sub.loca[g+1]], f.tables["glyf"][f.loca[g]:f.loca[g+1]]):
			t.Errorf("glyph %d: outline changed", g)
		case !keep[g] && size(sub, g) != 0:
			t.Errorf("glyph %d is not used but has %d bytes", g, size(sub, g))
		}
	}
	if checksum(f.subset(used)) != 0xB1B0AFBA {
		t.Error("whole-font checksum is not 0xB1B0AFBA (head.checkSumAdjustment)")
	}
}

func maxPart(p []uint16) uint16 {
	m := uint16(0)
	for _, v := range p {
		m = max(m, v)
	}
	return m
}

// TestCacheGivesSameBytes renders the same page with a font whose subset
// cache is cold and with one whose cache is warm, and with a different
// glyph set in between: the bytes must not depend on the cache.
func TestCacheGivesSameBytes(t *testing.T) {
	data := serifBytes(t)
	render := func(f *Font, s string) []byte { return oneWord(t, f, s) }
	warm, _ := LoadFont("a", data)
	first := render(warm, "Әбілқасымова")
	other := render(warm, "Жұмабеков")
	again := render(warm, "Әбілқасымова")
	cold, _ := LoadFont("b", data)
	fresh := render(cold, "Әбілқасымова")
	if !bytes.Equal(first, again) || !bytes.Equal(first, fresh) {
		t.Error("output depends on the subset cache")
	}
	if bytes.Equal(first, other) {
		t.Error("different text gave the same PDF")
	}
	if len(warm.cache.m) != 2 {
		t.Errorf("cache holds %d subsets, want 2", len(warm.cache.m))
	}
}

// TestConcurrentDocs renders documents in parallel with shared fonts (and
// their subset cache): under -race this checks that Font is safe to share,
// and every document must equal the one rendered alone.
func TestConcurrentDocs(t *testing.T) {
	f, err := LoadFont("serif", serifBytes(t))
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"Әбілқасымова", "Жұмабеков", "Серікбаева", "Оспанов"}
	render := func(s string) []byte { return oneWord(t, f, s) }
	want := make([][]byte, len(names))
	for i, n := range names {
		want[i] = render(n)
	}
	done := make(chan struct{})
	for g := range 8 {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := range 20 {
				k := (g + i) % len(names)
				if got := render(names[k]); !bytes.Equal(got, want[k]) {
					t.Errorf("goroutine %d: %s rendered differently", g, names[k])
					return
				}
			}
		}()
	}
	for range 8 {
		<-done
	}
}

// BenchmarkCut is what a face costs a document whose glyph set is not in
// the font's subset cache: cutting the subset, its widths and ToUnicode map,
// and compressing them. (Parsing happened once, in LoadFont.)
func BenchmarkCut(b *testing.B) {
	f, err := LoadFont("serif", serifBytes(b))
	if err != nil {
		b.Fatal(err)
	}
	df := &docFont{font: f, used: make([]bool, f.f.numGlyphs), uni: make([]rune, f.f.numGlyphs)}
	for _, r := range "Сертификат № 000042 Әбілқасымова Қарлығаш Нұрланқызы 2026 жылы «02» ақпаннан Python деректерді талдау" {
		g := f.f.gid(r)
		df.used[g], df.uni[g] = true, r
	}
	b.ReportAllocs()
	var n int
	for b.Loop() {
		e := df.cut()
		n = len(e.prog) + len(e.toUnicode)
	}
	b.ReportMetric(float64(n), "stream-bytes")
}

// BenchmarkLoadFont is the once-per-process cost of a face.
func BenchmarkLoadFont(b *testing.B) {
	data := serifBytes(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadFont("serif", data); err != nil {
			b.Fatal(err)
		}
	}
}
