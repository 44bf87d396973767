// Package pdfdoc is the only place in tanu that talks to a PDF library.
//
// It exposes the handful of drawing primitives the certificate renderer needs
// (text at a baseline, string widths, rectangles, lines, circles, images) on
// top of github.com/go-pdf/fpdf. Replacing the PDF library means rewriting
// this package alone.
//
// Fonts and images are loaded once per process with [LoadFont] and
// [LoadImage]; a [Doc] is built per document and is not safe for concurrent
// use, while Font and Image values are immutable and may be shared freely.
//
// Output is deterministic: the same drawing calls with the same creation time
// produce the same bytes (fixed dates, sorted catalogs, no random ids).
package pdfdoc

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// ptPerMM converts millimetres to PostScript points.
const ptPerMM = 72.0 / 25.4

// Font is a TrueType face whose bytes were loaded and validated once.
//
// fpdf has no API to share a parsed font between documents, so every document
// that uses a face hands these pre-loaded bytes to fpdf, which parses and
// subsets them for that document. Only faces a document actually selects are
// added to it.
type Font struct {
	name string
	data []byte
	m    *metrics
}

// Name returns the name the font was loaded under.
func (f *Font) Name() string { return f.name }

// Ascent returns the part of the em above the baseline, as a fraction of the font size.
func (f *Font) Ascent() float64 { return f.m.ascent }

// Descent returns the part of the em below the baseline, as a positive fraction of the font size.
func (f *Font) Descent() float64 { return f.m.descent }

// Width returns the width of s in millimetres at sizePt points. It uses the
// metrics read in LoadFont, so measuring needs no document and is safe for
// concurrent use.
func (f *Font) Width(s string, sizePt float64) float64 {
	w := 0
	for _, r := range s {
		w += int(f.m.width(r))
	}
	return float64(w) * sizePt / 1000 / ptPerMM
}

// Missing returns the runes of s the font has no glyph for (space and
// control characters excluded), in order of first appearance.
func (f *Font) Missing(s string) []rune {
	var out []rune
	for _, r := range s {
		if r <= ' ' || f.m.has(r) || slices.Contains(out, r) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// LoadFont validates a TrueType font (glyf outlines, Unicode cmap) and returns
// it ready for use in any number of documents. name must be unique per
// process among the fonts used together in one document; it becomes part of the
// PDF font name.
func LoadFont(name string, data []byte) (*Font, error) {
	if name == "" || strings.ContainsAny(name, " /()<>[]{}%#") {
		return nil, fmt.Errorf("pdfdoc: font name %q: must be non-empty without spaces or PDF delimiters", name)
	}
	if len(data) < 12 {
		return nil, fmt.Errorf("pdfdoc: font %q: too short to be a TrueType font", name)
	}
	switch string(data[:4]) {
	case "\x00\x01\x00\x00", "true":
	default:
		return nil, fmt.Errorf("pdfdoc: font %q: not a TrueType (glyf) font; OpenType/CFF and collections are not supported", name)
	}
	m, err := parseMetrics(data)
	if err != nil {
		return nil, fmt.Errorf("pdfdoc: font %q: %w", name, err)
	}
	// fpdf reports parse failures on stdout instead of returning them, so
	// probe the font in a scratch document and check that it registered.
	p := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: 210, Ht: 297}})
	p.AddUTF8FontFromBytes(name, "", data)
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("pdfdoc: font %q: %w", name, err)
	}
	if desc := p.GetFontDesc(name, ""); desc.Ascent == 0 {
		return nil, fmt.Errorf("pdfdoc: font %q: fpdf could not parse it", name)
	}
	return &Font{name: name, data: bytes.Clone(data), m: m}, nil
}

// Image is a PNG or JPEG loaded once per process.
type Image struct {
	name   string
	kind   string // "PNG" or "JPG"
	data   []byte
	aspect float64 // width / height
}

// Aspect returns the image's width divided by its height.
func (im *Image) Aspect() float64 { return im.aspect }

// LoadImage checks a PNG or JPEG and returns it ready for use in documents.
// name must be unique among the images used in one document.
func LoadImage(name string, data []byte) (*Image, error) {
	var kind string
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		kind = "PNG"
	case bytes.HasPrefix(data, []byte{0xff, 0xd8, 0xff}):
		kind = "JPG"
	default:
		return nil, fmt.Errorf("pdfdoc: image %q: not a PNG or JPEG", name)
	}
	p := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: 210, Ht: 297}})
	info := p.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: kind}, bytes.NewReader(data))
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("pdfdoc: image %q: %w", name, err)
	}
	if info == nil || info.Height() == 0 {
		return nil, fmt.Errorf("pdfdoc: image %q: no size", name)
	}
	return &Image{name: name, kind: kind, data: bytes.Clone(data), aspect: info.Width() / info.Height()}, nil
}

// Color is an RGB colour with 0..255 components.
type Color struct{ R, G, B uint8 }

// ParseColor parses "#rrggbb" or "#rgb".
func ParseColor(s string) (Color, error) {
	h := strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	var c Color
	if len(h) != 6 {
		return c, fmt.Errorf("pdfdoc: colour %q: want #rrggbb", s)
	}
	if _, err := fmt.Sscanf(h, "%02x%02x%02x", &c.R, &c.G, &c.B); err != nil {
		return c, fmt.Errorf("pdfdoc: colour %q: %w", s, err)
	}
	return c, nil
}

// Mix returns c blended towards o by t (0 = c, 1 = o).
func (c Color) Mix(o Color, t float64) Color {
	m := func(a, b uint8) uint8 { return uint8(float64(a) + (float64(b)-float64(a))*t + 0.5) }
	return Color{m(c.R, o.R), m(c.G, o.G), m(c.B, o.B)}
}

// Meta is the document information dictionary.
type Meta struct {
	Title, Subject, Author, Creator, Keywords string
	Lang                                      string    // BCP 47, e.g. "kk"
	Created                                   time.Time // creation and modification date; fixed for reproducible output
}

// Doc is one PDF document under construction. Coordinates are millimetres
// from the top-left corner of the page. A Doc is not safe for concurrent use.
type Doc struct {
	f      *fpdf.Fpdf
	added  map[*Font]bool
	images map[*Image]bool
	font   *Font
	sizePt float64
}

// New starts a document whose pages are w×h millimetres.
func New(w, h float64, m Meta) *Doc {
	f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: w, Ht: h}})
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	f.SetCatalogSort(true)
	created := m.Created.UTC().Truncate(time.Second)
	if created.IsZero() {
		created = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	f.SetCreationDate(created)
	f.SetModificationDate(created)
	f.SetTitle(m.Title, true)
	f.SetSubject(m.Subject, true)
	f.SetAuthor(m.Author, true)
	f.SetCreator(m.Creator, true)
	f.SetProducer(m.Creator, true)
	if m.Keywords != "" {
		f.SetKeywords(m.Keywords, true)
	}
	if m.Lang != "" {
		f.SetLang(m.Lang)
	}
	return &Doc{f: f, added: map[*Font]bool{}, images: map[*Image]bool{}}
}

// AddPage starts a new page.
func (d *Doc) AddPage() { d.f.AddPage() }

// SetFont selects font at sizePt points for following Text calls. The font
// is added to (and, inside fpdf, parsed for) the document the first time it
// is selected, so a document only carries the faces it uses.
func (d *Doc) SetFont(font *Font, sizePt float64) {
	if !d.added[font] {
		d.f.AddUTF8FontFromBytes(font.name, "", font.data)
		d.added[font] = true
	}
	if d.font == font && d.sizePt == sizePt {
		return
	}
	d.f.SetFont(font.name, "", sizePt)
	d.font, d.sizePt = font, sizePt
}

// Text draws s with its baseline starting at (x, y).
func (d *Doc) Text(x, y float64, s string) { d.f.Text(x, y, s) }

// SetTextColor sets the colour of following text.
func (d *Doc) SetTextColor(c Color) { d.f.SetTextColor(int(c.R), int(c.G), int(c.B)) }

// SetDrawColor sets the stroke colour.
func (d *Doc) SetDrawColor(c Color) { d.f.SetDrawColor(int(c.R), int(c.G), int(c.B)) }

// SetFillColor sets the fill colour.
func (d *Doc) SetFillColor(c Color) { d.f.SetFillColor(int(c.R), int(c.G), int(c.B)) }

// SetLineWidth sets the stroke width in millimetres.
func (d *Doc) SetLineWidth(w float64) { d.f.SetLineWidth(w) }

// SetDash sets a dash pattern in millimetres; no arguments restore solid lines.
func (d *Doc) SetDash(pattern ...float64) { d.f.SetDashPattern(pattern, 0) }

// Rect draws a rectangle; style is "D" (stroke), "F" (fill) or "DF".
func (d *Doc) Rect(x, y, w, h float64, style string) { d.f.Rect(x, y, w, h, style) }

// Line draws a straight line.
func (d *Doc) Line(x1, y1, x2, y2 float64) { d.f.Line(x1, y1, x2, y2) }

// Circle draws a circle centred at (x, y); style as for Rect.
func (d *Doc) Circle(x, y, r float64, style string) { d.f.Circle(x, y, r, style) }

// Polygon draws a closed polygon through pts (x0, y0, x1, y1, …); style as for Rect.
func (d *Doc) Polygon(style string, pts ...float64) {
	ps := make([]fpdf.PointType, 0, len(pts)/2)
	for i := 0; i+1 < len(pts); i += 2 {
		ps = append(ps, fpdf.PointType{X: pts[i], Y: pts[i+1]})
	}
	d.f.Polygon(ps, style)
}

// Image draws im in the box (x, y, w, h); a zero w or h keeps the aspect ratio.
func (d *Doc) Image(im *Image, x, y, w, h float64) {
	opt := fpdf.ImageOptions{ImageType: im.kind}
	if !d.images[im] {
		d.f.RegisterImageOptionsReader(im.name, opt, bytes.NewReader(im.data))
		d.images[im] = true
	}
	d.f.ImageOptions(im.name, x, y, w, h, false, opt, 0, "")
}

// Err reports the first error recorded while drawing, if any.
func (d *Doc) Err() error {
	if err := d.f.Error(); err != nil {
		return fmt.Errorf("pdfdoc: %w", err)
	}
	return nil
}

// WriteTo writes the finished document to w. The Doc must not be used afterwards.
func (d *Doc) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	if err := d.f.Output(cw); err != nil {
		return cw.n, fmt.Errorf("pdfdoc: write: %w", err)
	}
	return cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
