package pdfdoc_test

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/render/pdfdoc"
)

func serif(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("../../templates/fonts/NotoSerif-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestLoadFontErrors(t *testing.T) {
	data := serif(t)
	tests := []struct {
		name, font string
		data       []byte
		want       string
	}{
		{"bad name", "a b", data, "font name"},
		{"empty", "x", nil, "too short"},
		{"otf", "x", append([]byte("OTTO"), data[4:]...), "not a TrueType"},
		{"truncated", "x", data[:200], "out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := pdfdoc.LoadFont(tt.font, tt.data); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("LoadFont() error = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestParseColor(t *testing.T) {
	tests := []struct {
		in   string
		want pdfdoc.Color
		ok   bool
	}{
		{"#1f3a93", pdfdoc.Color{R: 0x1f, G: 0x3a, B: 0x93}, true},
		{"1F3A93", pdfdoc.Color{R: 0x1f, G: 0x3a, B: 0x93}, true},
		{"#fff", pdfdoc.Color{R: 255, G: 255, B: 255}, true},
		{"#12", pdfdoc.Color{}, false},
		{"blue", pdfdoc.Color{}, false},
		{"#gg0000", pdfdoc.Color{}, false},
	}
	for _, tt := range tests {
		got, err := pdfdoc.ParseColor(tt.in)
		if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
			t.Errorf("ParseColor(%q) = %v, %v", tt.in, got, err)
		}
	}
	if got := (pdfdoc.Color{R: 0, G: 0, B: 0}).Mix(pdfdoc.Color{R: 255, G: 255, B: 255}, 0.5); got != (pdfdoc.Color{R: 128, G: 128, B: 128}) {
		t.Errorf("Mix = %v", got)
	}
}

// TestDoc draws a little of everything and checks the output is a
// deterministic PDF.
func TestDoc(t *testing.T) {
	f, err := pdfdoc.LoadFont("serif", serif(t))
	if err != nil {
		t.Fatal(err)
	}
	draw := func() []byte {
		d := pdfdoc.New(210, 297, pdfdoc.Meta{Title: "Сертификат", Author: "Сәтбаев университеті", Creator: "tanu", Lang: "kk", Created: time.Date(2026, 5, 12, 0, 0, 0, 0, time.UTC)})
		d.AddPage()
		d.SetFont(f, 12)
		d.SetTextColor(pdfdoc.Color{R: 10})
		d.Text(20, 30, "Әбілқасымова")
		d.SetDrawColor(pdfdoc.Color{B: 200})
		d.SetLineWidth(0.5)
		d.SetDash(1, 1)
		d.Line(20, 40, 100, 40)
		d.SetDash()
		d.Rect(10, 10, 190, 277, "D")
		d.Circle(100, 100, 10, "D")
		d.Polygon("F", 0, 0, 1, 1, 2, 0)
		if err := d.Err(); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		n, err := d.WriteTo(&buf)
		if err != nil || n != int64(buf.Len()) {
			t.Fatalf("WriteTo = %d, %v (buffer %d)", n, err, buf.Len())
		}
		return buf.Bytes()
	}
	a, b := draw(), draw()
	if !bytes.HasPrefix(a, []byte("%PDF-")) || !bytes.Equal(a, b) {
		t.Fatal("output is not a deterministic PDF")
	}
	if !bytes.Contains(a, []byte("D:20260512")) {
		t.Error("creation date is not the given time")
	}
}

// benchDoc writes a one-page document with one word in each of faces.
func benchDoc(b *testing.B, faces ...*pdfdoc.Font) {
	b.ReportAllocs()
	var buf bytes.Buffer
	for b.Loop() {
		d := pdfdoc.New(210, 297, pdfdoc.Meta{Created: time.Date(2026, 5, 12, 0, 0, 0, 0, time.UTC)})
		d.AddPage()
		for _, f := range faces {
			d.SetFont(f, 12)
			d.Text(20, 30, "Әбілқасымова")
		}
		buf.Reset()
		if _, err := d.WriteTo(&buf); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFaceCost shows what each face costs per document. Faces are
// parsed once by LoadFont; per document a face costs its subset (cut and
// compressed, or taken from the font's subset cache) and its five objects.
func BenchmarkFaceCost(b *testing.B) {
	var faces []*pdfdoc.Font
	for _, n := range []string{"NotoSerif-Regular", "NotoSerif-Bold"} {
		data, err := os.ReadFile("../../templates/fonts/" + n + ".ttf")
		if err != nil {
			b.Fatal(err)
		}
		f, err := pdfdoc.LoadFont(strings.ReplaceAll(n, "-", ""), data)
		if err != nil {
			b.Fatal(err)
		}
		faces = append(faces, f)
	}
	for i := range 3 {
		b.Run("faces="+string(rune('0'+i)), func(b *testing.B) { benchDoc(b, faces[:i]...) })
	}
}
