// Package pdfdoc is the only place in tanu that writes PDF.
//
// It exposes the handful of drawing primitives the certificate renderer needs
// (text at a baseline, string widths, rectangles, lines, circles, polygons,
// images) and writes PDF 1.7 itself. Nothing outside this package knows how
// a PDF is made, so changing how PDFs are written touches this package alone.
//
// Fonts and images are parsed once per process with [LoadFont] and
// [LoadImage]; a [Doc] is built per document and is not safe for concurrent
// use, while Font and Image values are immutable and may be shared freely.
// Per document, a font costs only cutting the subset of glyphs the document
// uses (composite glyphs included) and compressing it; the font is embedded
// as a CIDFontType2 with Identity-H encoding and a ToUnicode map, so text is
// extractable and searchable in any script the font covers.
//
// Output is deterministic: the same drawing calls with the same creation time
// produce the same bytes (fixed dates, resources numbered in order of first
// use, the file identifier a hash of the content).
//
// Why not a PDF library: drawing the same two-page certificate, go-pdf/fpdf
// v0.9.0 took 21.6 ms of CPU and allocated 13.2 MB per certificate, this
// package 1.7 ms and 0.32 MB, for files of the same size. docs/pdf.md has
// the measurement and how to repeat it.
package pdfdoc

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf16"
)

// ptPerMM converts millimetres to PostScript points.
const ptPerMM = 72.0 / 25.4

// Font is a TrueType face parsed once, ready for any number of documents.
type Font struct {
	name  string
	f     *face
	cache *subsetCache
}

// Name returns the name the font was loaded under.
func (f *Font) Name() string { return f.name }

// Ascent returns the part of the em above the baseline, as a fraction of the font size.
func (f *Font) Ascent() float64 { return f.f.ascent }

// Descent returns the part of the em below the baseline, as a positive fraction of the font size.
func (f *Font) Descent() float64 { return f.f.descent }

// Width returns the width of s in millimetres at sizePt points. It uses the
// same rounded advance widths the PDF's /W array carries, so measured and
// printed positions agree. It is safe for concurrent use.
func (f *Font) Width(s string, sizePt float64) float64 {
	w := 0
	for _, r := range s {
		if r >= ' ' {
			w += int(f.f.width(r))
		}
	}
	return float64(w) * sizePt / 1000 / ptPerMM
}

// Missing returns the runes of s the font has no glyph for (space and
// control characters excluded), in order of first appearance.
func (f *Font) Missing(s string) []rune {
	var out []rune
	for _, r := range s {
		if r <= ' ' || f.f.gid(r) != 0 || slices.Contains(out, r) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// LoadFont parses a TrueType font (glyf outlines, Unicode cmap) and returns
// it ready for use in any number of documents. name must be unique among the
// fonts used together in one document; it names the font in the PDF when the
// font itself carries no PostScript name.
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
	f, err := parseFace(bytes.Clone(data), true)
	if err != nil {
		return nil, fmt.Errorf("pdfdoc: font %q: %w", name, err)
	}
	if f.psName == "" {
		f.psName = name
	}
	return &Font{name: name, f: f, cache: &subsetCache{m: map[uint64]*subsetEntry{}}}, nil
}

// Image is a PNG or JPEG decoded (PNG) or checked (JPEG) and compressed once
// per process; documents copy its streams as they are.
type Image struct {
	name       string
	w, h       int
	colorSpace string // DeviceRGB, DeviceGray or DeviceCMYK
	filter     string // FlateDecode or DCTDecode
	decode     string // a /Decode array, for Adobe's inverted CMYK JPEGs
	data       []byte // the image stream, encoded
	smask      []byte // the alpha channel, zlib-compressed, or nil when opaque
}

// Aspect returns the image's width divided by its height.
func (im *Image) Aspect() float64 { return float64(im.w) / float64(im.h) }

// maxImagePixels bounds what LoadImage decodes (about 16 megapixels).
const maxImagePixels = 1 << 24

// LoadImage checks a PNG or JPEG and returns it ready for use in documents.
// name identifies it in errors.
func LoadImage(name string, data []byte) (*Image, error) {
	var kind string
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		kind = "png"
	case bytes.HasPrefix(data, []byte{0xff, 0xd8, 0xff}):
		kind = "jpeg"
	default:
		return nil, fmt.Errorf("pdfdoc: image %q: not a PNG or JPEG", name)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("pdfdoc: image %q: %w", name, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, fmt.Errorf("pdfdoc: image %q: no size", name)
	}
	if cfg.Width*cfg.Height > maxImagePixels {
		return nil, fmt.Errorf("pdfdoc: image %q: %d×%d pixels, more than the %d allowed", name, cfg.Width, cfg.Height, maxImagePixels)
	}
	im := &Image{name: name, w: cfg.Width, h: cfg.Height}
	if kind == "jpeg" {
		// JPEG goes in as it is; the viewer decodes it.
		if _, err := jpeg.Decode(bytes.NewReader(data)); err != nil {
			return nil, fmt.Errorf("pdfdoc: image %q: %w", name, err)
		}
		im.filter, im.data = "DCTDecode", bytes.Clone(data)
		switch cfg.ColorModel {
		case color.GrayModel:
			im.colorSpace = "DeviceGray"
		case color.CMYKModel:
			im.colorSpace, im.decode = "DeviceCMYK", "[1 0 1 0 1 0 1 0]"
		default:
			im.colorSpace = "DeviceRGB"
		}
		return im, nil
	}
	src, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("pdfdoc: image %q: %w", name, err)
	}
	b := src.Bounds()
	gray := false
	switch src.(type) {
	case *image.Gray, *image.Gray16:
		gray = true
	}
	comps := 3
	im.colorSpace = "DeviceRGB"
	if gray {
		comps, im.colorSpace = 1, "DeviceGray"
	}
	pix := make([]byte, 0, comps*b.Dx()*b.Dy())
	alpha := make([]byte, 0, b.Dx()*b.Dy())
	opaque := true
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(src.At(x, y)).(color.NRGBA)
			if gray {
				pix = append(pix, c.R)
			} else {
				pix = append(pix, c.R, c.G, c.B)
			}
			alpha = append(alpha, c.A)
			opaque = opaque && c.A == 0xff
		}
	}
	im.filter, im.data = "FlateDecode", compress(pix)
	if !opaque {
		im.smask = compress(alpha)
	}
	return im, nil
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
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return c, fmt.Errorf("pdfdoc: colour %q: %w", s, err)
	}
	return Color{uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
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

// attachment is a file embedded in the document.
type attachment struct {
	name, desc, mime string
	data             []byte
}

// link is a clickable area of a page that opens a URI.
type link struct {
	rect [4]float64 // x0 y0 x1 y1 in points, PDF coordinates
	uri  string
}

// docFont is a font as used by one document: which glyphs, for which runes.
type docFont struct {
	font *Font
	res  string // resource name, F1, F2, …
	used []bool // by glyph id
	uni  []rune // the first rune drawn with each glyph, for ToUnicode
}

// Doc is one PDF document under construction. Coordinates are millimetres
// from the top-left corner of the page. A Doc is not safe for concurrent use.
type Doc struct {
	w, h  float64 // page size in points
	meta  Meta
	pages []*bytes.Buffer
	page  *bytes.Buffer
	links [][]link // by page
	files []attachment
	err   error

	fonts  []*docFont
	images []*Image
	font   *docFont
	sizePt float64

	// Graphics state as asked for, and what the page's stream has.
	text, fill, draw Color
	lineWidth        float64 // points
	dash             []float64
	pageFont         *docFont // font selected with Tf on this page
	pageSize         float64
	pageFill         Color // non-stroking colour in the stream
	num              []byte
}

// New starts a document whose pages are w×h millimetres.
func New(w, h float64, m Meta) *Doc {
	return &Doc{w: w * ptPerMM, h: h * ptPerMM, meta: m, lineWidth: 0.2 * ptPerMM}
}

// AddPage starts a new page. Colours, line width and dash carry over.
func (d *Doc) AddPage() {
	d.page = bytes.NewBuffer(make([]byte, 0, 8<<10))
	d.pages = append(d.pages, d.page)
	d.links = append(d.links, nil)
	d.pageFont, d.pageFill = nil, Color{}
	d.op("%s w", d.n(d.lineWidth))
	if d.draw != (Color{}) {
		d.op("%s RG", d.rgb(d.draw))
	}
	if len(d.dash) > 0 {
		d.writeDash()
	}
}

// SetFont selects font at sizePt points for following Text calls. A
// document carries only the faces it uses, subset to the glyphs it uses.
func (d *Doc) SetFont(font *Font, sizePt float64) {
	for _, df := range d.fonts {
		if df.font == font {
			d.font, d.sizePt = df, sizePt
			return
		}
	}
	n := font.f.numGlyphs
	df := &docFont{font: font, res: "F" + strconv.Itoa(len(d.fonts)+1), used: make([]bool, n), uni: make([]rune, n)}
	d.fonts = append(d.fonts, df)
	d.font, d.sizePt = df, sizePt
}

// Text draws s with its baseline starting at (x, y). Control characters
// are skipped; runes the font lacks print as its .notdef glyph.
func (d *Doc) Text(x, y float64, s string) {
	if d.page == nil || d.font == nil {
		d.fail("Text before AddPage or SetFont")
		return
	}
	df := d.font
	p := d.page
	if d.pageFill != d.text {
		d.op("%s rg", d.rgb(d.text))
		d.pageFill = d.text
	}
	p.WriteString("BT ")
	if d.pageFont != df || d.pageSize != d.sizePt {
		p.WriteString("/" + df.res + " " + d.n(d.sizePt) + " Tf ")
		d.pageFont, d.pageSize = df, d.sizePt
	}
	b := appendNum(p.AvailableBuffer(), x*ptPerMM)
	b = append(b, ' ')
	b = appendNum(b, d.h-y*ptPerMM)
	b = append(b, " Td <"...)
	p.Write(b)
	const hex = "0123456789ABCDEF"
	for _, r := range s {
		if r < ' ' {
			continue
		}
		g := df.font.f.gid(r)
		if !df.used[g] {
			df.used[g] = true
			df.uni[g] = r
		}
		p.Write([]byte{hex[g>>12], hex[g>>8&15], hex[g>>4&15], hex[g&15]})
	}
	p.WriteString("> Tj ET\n")
}

// SetTextColor sets the colour of following text.
func (d *Doc) SetTextColor(c Color) { d.text = c }

// SetDrawColor sets the stroke colour.
func (d *Doc) SetDrawColor(c Color) {
	d.draw = c
	if d.page != nil {
		d.op("%s RG", d.rgb(c))
	}
}

// SetFillColor sets the fill colour.
func (d *Doc) SetFillColor(c Color) { d.fill = c }

// SetLineWidth sets the stroke width in millimetres.
func (d *Doc) SetLineWidth(w float64) {
	d.lineWidth = w * ptPerMM
	if d.page != nil {
		d.op("%s w", d.n(d.lineWidth))
	}
}

// SetDash sets a dash pattern in millimetres; no arguments restore solid lines.
func (d *Doc) SetDash(pattern ...float64) {
	d.dash = d.dash[:0]
	for _, v := range pattern {
		d.dash = append(d.dash, v*ptPerMM)
	}
	if d.page != nil {
		d.writeDash()
	}
}

func (d *Doc) writeDash() {
	parts := make([]string, len(d.dash))
	for i, v := range d.dash {
		parts[i] = d.n(v)
	}
	d.op("[%s] 0 d", strings.Join(parts, " "))
}

// paint returns the painting operator for style, first setting the fill
// colour if the shape is filled.
func (d *Doc) paint(style string) string {
	op := "S"
	switch strings.ToUpper(style) {
	case "F":
		op = "f"
	case "DF", "FD":
		op = "B"
	}
	if op != "S" && d.pageFill != d.fill {
		d.op("%s rg", d.rgb(d.fill))
		d.pageFill = d.fill
	}
	return op
}

// Rect draws a rectangle; style is "D" (stroke), "F" (fill) or "DF".
func (d *Doc) Rect(x, y, w, h float64, style string) {
	if d.page == nil {
		d.fail("Rect before AddPage")
		return
	}
	d.ops("re "+d.paint(style), x*ptPerMM, d.h-y*ptPerMM, w*ptPerMM, -h*ptPerMM)
}

// Line draws a straight line.
func (d *Doc) Line(x1, y1, x2, y2 float64) {
	if d.page == nil {
		d.fail("Line before AddPage")
		return
	}
	d.ops("m", x1*ptPerMM, d.h-y1*ptPerMM)
	d.ops("l S", x2*ptPerMM, d.h-y2*ptPerMM)
}

// Circle draws a circle centred at (x, y); style as for Rect.
func (d *Doc) Circle(x, y, r float64, style string) {
	if d.page == nil {
		d.fail("Circle before AddPage")
		return
	}
	op := d.paint(style)
	cx, cy, rr := x*ptPerMM, d.h-y*ptPerMM, r*ptPerMM
	k := rr * 4 * (math.Sqrt2 - 1) / 3 // control point distance for a quarter circle
	pt := func(x, y float64) string { return d.n(x) + " " + d.n(y) }
	d.op("%s m", pt(cx+rr, cy))
	d.op("%s %s %s c", pt(cx+rr, cy+k), pt(cx+k, cy+rr), pt(cx, cy+rr))
	d.op("%s %s %s c", pt(cx-k, cy+rr), pt(cx-rr, cy+k), pt(cx-rr, cy))
	d.op("%s %s %s c", pt(cx-rr, cy-k), pt(cx-k, cy-rr), pt(cx, cy-rr))
	d.op("%s %s %s c %s", pt(cx+k, cy-rr), pt(cx+rr, cy-k), pt(cx+rr, cy), op)
}

// Polygon draws a closed polygon through pts (x0, y0, x1, y1, …); style as for Rect.
func (d *Doc) Polygon(style string, pts ...float64) {
	if d.page == nil {
		d.fail("Polygon before AddPage")
		return
	}
	if len(pts) < 4 {
		return
	}
	op := d.paint(style)
	for i := 0; i+1 < len(pts); i += 2 {
		verb := "l"
		if i == 0 {
			verb = "m"
		}
		d.op("%s %s %s", d.n(pts[i]*ptPerMM), d.n(d.h-pts[i+1]*ptPerMM), verb)
	}
	d.op("h %s", op)
}

// Image draws im in the box (x, y, w, h); a zero w or h keeps the aspect ratio.
func (d *Doc) Image(im *Image, x, y, w, h float64) {
	if d.page == nil {
		d.fail("Image before AddPage")
		return
	}
	switch {
	case w == 0 && h == 0:
		w, h = float64(im.w)*25.4/96, float64(im.h)*25.4/96
	case w == 0:
		w = h * im.Aspect()
	case h == 0:
		h = w / im.Aspect()
	}
	i := slices.Index(d.images, im)
	if i < 0 {
		d.images = append(d.images, im)
		i = len(d.images) - 1
	}
	d.op("q %s 0 0 %s %s %s cm /I%d Do Q", d.n(w*ptPerMM), d.n(h*ptPerMM), d.n(x*ptPerMM), d.n(d.h-(y+h)*ptPerMM), i+1)
}

// Link makes the box (x, y, w, h) of the current page open uri when
// clicked in a viewer. uri must be an absolute http or https URL.
func (d *Doc) Link(x, y, w, h float64, uri string) {
	if d.page == nil {
		d.fail("Link before AddPage")
		return
	}
	if !strings.HasPrefix(uri, "https://") && !strings.HasPrefix(uri, "http://") {
		d.fail(fmt.Sprintf("link %q: not an http(s) URL", uri))
		return
	}
	i := len(d.pages) - 1
	d.links[i] = append(d.links[i], link{rect: [4]float64{x * ptPerMM, d.h - (y+h)*ptPerMM, (x + w) * ptPerMM, d.h - y*ptPerMM}, uri: uri})
}

// Attach embeds a file in the document (listed by viewers under
// attachments). Its stream is stored uncompressed, so plain text such as a
// signed credential can be found in the file's bytes without a PDF parser.
func (d *Doc) Attach(name, desc, mime string, data []byte) {
	if name == "" || strings.ContainsAny(name, "/\\") {
		d.fail(fmt.Sprintf("attachment name %q", name))
		return
	}
	d.files = append(d.files, attachment{name: name, desc: desc, mime: mime, data: data})
}

// Err reports the first error recorded while drawing, if any.
func (d *Doc) Err() error { return d.err }

func (d *Doc) fail(msg string) {
	if d.err == nil {
		d.err = fmt.Errorf("pdfdoc: %s", msg)
	}
}

// op appends one line of content to the current page.
func (d *Doc) op(format string, args ...any) {
	fmt.Fprintf(d.page, format, args...)
	d.page.WriteByte('\n')
}

// ops appends numbers (points, two decimals) followed by an operator and a
// newline to the current page, without going through fmt: the QR code alone
// is hundreds of rectangles.
func (d *Doc) ops(op string, vs ...float64) {
	b := d.page.AvailableBuffer()
	for _, v := range vs {
		b = appendNum(b, v)
		b = append(b, ' ')
	}
	b = append(b, op...)
	b = append(b, '\n')
	d.page.Write(b)
}

// n formats a number in points with at most two decimals.
func (d *Doc) n(v float64) string {
	d.num = appendNum(d.num[:0], v)
	return string(d.num)
}

// appendNum appends v rounded to two decimals, without trailing zeros.
func appendNum(b []byte, v float64) []byte {
	c := int64(math.Round(v * 100))
	if c < 0 {
		b = append(b, '-')
		c = -c
	}
	b = strconv.AppendInt(b, c/100, 10)
	if f := c % 100; f != 0 {
		b = append(b, '.', byte('0'+f/10))
		if f%10 != 0 {
			b = append(b, byte('0'+f%10))
		}
	}
	return b
}

func (d *Doc) rgb(c Color) string {
	f := func(v uint8) string { return strconv.FormatFloat(math.Round(float64(v)/255*1000)/1000, 'f', -1, 64) }
	return f(c.R) + " " + f(c.G) + " " + f(c.B)
}

// WriteTo writes the finished document to w. The Doc must not be used afterwards.
func (d *Doc) WriteTo(w io.Writer) (int64, error) {
	if d.err != nil {
		return 0, d.err
	}
	if len(d.pages) == 0 {
		return 0, fmt.Errorf("pdfdoc: document has no pages")
	}
	var o objWriter
	o.buf.Grow(64 << 10)
	o.buf.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

	// Object numbers: 1 catalog, 2 page tree, 3 info, then pages with their
	// contents, then fonts (5 objects each), then images (1 or 2 each).
	const catalog, pageTree, info = 1, 2, 3
	next := 4
	pageObj := make([]int, len(d.pages))
	for i := range d.pages {
		pageObj[i] = next
		next += 2
	}
	fontObj := make([]int, len(d.fonts))
	for i := range d.fonts {
		fontObj[i] = next
		next += 5
	}
	imageObj := make([]int, len(d.images))
	for i, im := range d.images {
		imageObj[i] = next
		next++
		if im.smask != nil {
			next++
		}
	}
	linkObj := make([][]int, len(d.pages))
	for i, ls := range d.links {
		for range ls {
			linkObj[i] = append(linkObj[i], next)
			next++
		}
	}
	fileObj := make([]int, len(d.files)) // file specification, then the embedded file stream
	for i := range d.files {
		fileObj[i] = next
		next += 2
	}
	o.offsets = make([]int, next)

	cat := "<< /Type /Catalog /Pages 2 0 R /ViewerPreferences << /DisplayDocTitle true >>"
	if d.meta.Lang != "" {
		cat += " /Lang " + pdfString(d.meta.Lang)
	}
	if len(d.files) > 0 {
		names := make([]string, len(d.files))
		refs := make([]string, len(d.files))
		for i, f := range d.files {
			names[i] = pdfString(f.name) + " " + strconv.Itoa(fileObj[i]) + " 0 R"
			refs[i] = strconv.Itoa(fileObj[i]) + " 0 R"
		}
		// A name tree's keys must be sorted; attachments are few and added in order.
		cat += " /Names << /EmbeddedFiles << /Names [" + strings.Join(names, " ") + "] >> >> /AF [" + strings.Join(refs, " ") + "]"
	}
	o.object(catalog, cat+" >>")

	var res strings.Builder
	res.WriteString("<< /ProcSet [/PDF /Text /ImageB /ImageC]")
	if len(d.fonts) > 0 {
		res.WriteString(" /Font <<")
		for i, df := range d.fonts {
			fmt.Fprintf(&res, " /%s %d 0 R", df.res, fontObj[i])
		}
		res.WriteString(" >>")
	}
	if len(d.images) > 0 {
		res.WriteString(" /XObject <<")
		for i := range d.images {
			fmt.Fprintf(&res, " /I%d %d 0 R", i+1, imageObj[i])
		}
		res.WriteString(" >>")
	}
	res.WriteString(" >>")
	kids := make([]string, len(pageObj))
	for i, n := range pageObj {
		kids[i] = strconv.Itoa(n) + " 0 R"
	}
	o.object(pageTree, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 %s %s] /Resources %s >>",
		strings.Join(kids, " "), len(kids), d.n(d.w), d.n(d.h), res.String()))

	created := d.meta.Created.UTC().Truncate(time.Second)
	if created.IsZero() {
		created = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	date := pdfString(created.Format("D:20060102150405Z"))
	var inf strings.Builder
	inf.WriteString("<<")
	for _, kv := range [][2]string{{"Title", d.meta.Title}, {"Subject", d.meta.Subject}, {"Author", d.meta.Author}, {"Keywords", d.meta.Keywords}, {"Creator", d.meta.Creator}, {"Producer", d.meta.Creator}} {
		if kv[1] != "" {
			inf.WriteString(" /" + kv[0] + " " + pdfString(kv[1]))
		}
	}
	inf.WriteString(" /CreationDate " + date + " /ModDate " + date + " >>")
	o.object(info, inf.String())

	for i, p := range d.pages {
		annots := ""
		if len(linkObj[i]) > 0 {
			refs := make([]string, len(linkObj[i]))
			for j, n := range linkObj[i] {
				refs[j] = strconv.Itoa(n) + " 0 R"
			}
			annots = " /Annots [" + strings.Join(refs, " ") + "]"
		}
		o.object(pageObj[i], fmt.Sprintf("<< /Type /Page /Parent 2 0 R /Contents %d 0 R%s >>", pageObj[i]+1, annots))
		o.stream(pageObj[i]+1, "", p.Bytes(), true)
	}
	for i, ls := range d.links {
		for j, l := range ls {
			o.object(linkObj[i][j], fmt.Sprintf("<< /Type /Annot /Subtype /Link /Rect [%s %s %s %s] /Border [0 0 0] /F 4 /A << /S /URI /URI %s >> >>",
				d.n(l.rect[0]), d.n(l.rect[1]), d.n(l.rect[2]), d.n(l.rect[3]), pdfURI(l.uri)))
		}
	}
	for i, df := range d.fonts {
		df.write(&o, fontObj[i])
	}
	for i, im := range d.images {
		extra := fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /%s /BitsPerComponent 8 /Filter /%s", im.w, im.h, im.colorSpace, im.filter)
		if im.decode != "" {
			extra += " /Decode " + im.decode
		}
		if im.smask != nil {
			extra += fmt.Sprintf(" /SMask %d 0 R", imageObj[i]+1)
		}
		o.stream(imageObj[i], extra, im.data, false)
		if im.smask != nil {
			o.stream(imageObj[i]+1, fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", im.w, im.h), im.smask, false)
		}
	}

	for i, f := range d.files {
		desc := ""
		if f.desc != "" {
			desc = " /Desc " + pdfString(f.desc)
		}
		o.object(fileObj[i], fmt.Sprintf("<< /Type /Filespec /F %s /UF %s%s /AFRelationship /Data /EF << /F %d 0 R /UF %d 0 R >> >>",
			pdfString(f.name), pdfString(f.name), desc, fileObj[i]+1, fileObj[i]+1))
		o.stream(fileObj[i]+1, fmt.Sprintf("/Type /EmbeddedFile /Subtype /%s /Params << /Size %d >>", pdfName(f.mime), len(f.data)), f.data, false)
	}

	id := sha256.Sum256(o.buf.Bytes())
	xref := o.buf.Len()
	fmt.Fprintf(&o.buf, "xref\n0 %d\n0000000000 65535 f \n", next)
	for _, off := range o.offsets[1:] {
		fmt.Fprintf(&o.buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&o.buf, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%x> <%x>] >>\nstartxref\n%d\n%%%%EOF\n", next, catalog, info, id[:16], id[:16], xref)

	n, err := w.Write(o.buf.Bytes())
	if err != nil {
		return int64(n), fmt.Errorf("pdfdoc: write: %w", err)
	}
	return int64(n), nil
}

// write emits the font's five objects from n on: the Type0 font, its
// CIDFontType2 descendant, the descriptor, the ToUnicode map and the
// subset font program.
func (df *docFont) write(o *objWriter, n int) {
	f := df.font.f
	e := df.font.cache.get(df.used, df.uni, func() *subsetEntry { return df.cut() })
	name := e.tag + "+" + f.psName

	o.object(n, fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", name, n+1, n+3))
	o.object(n+1, fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW %d /W %s /CIDToGIDMap /Identity >>",
		name, n+2, f.adv[0], e.widths))

	flags := 4 // symbolic: glyphs are addressed by id, not by a standard encoding
	if f.italic != 0 {
		flags |= 64
	}
	stemV := 80
	if f.weight >= 600 {
		stemV = 140
	}
	em := func(v float64) int { return int(math.Round(v * 1000)) }
	o.object(n+2, fmt.Sprintf("<< /Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %s /Ascent %d /Descent %d /CapHeight %d /StemV %d /FontFile2 %d 0 R >>",
		name, flags, f.bbox[0], f.bbox[1], f.bbox[2], f.bbox[3], strconv.FormatFloat(f.italic, 'f', -1, 64), em(f.ascent), -em(f.descent), em(f.capHeight), stemV, n+4))

	o.stream(n+3, "/Filter /FlateDecode", e.toUnicode, false)
	o.stream(n+4, "/Filter /FlateDecode /Length1 "+strconv.Itoa(e.progLen), e.prog, false)
}

// cut makes the parts of the font's PDF objects that depend on which glyphs
// the document uses: the subset font program, the widths and the ToUnicode map.
func (df *docFont) cut() *subsetEntry {
	f := df.font.f
	used := slices.Clone(df.used)
	used[0] = true
	prog := f.subset(used) // also marks composite glyphs' components in used
	var wa strings.Builder
	wa.WriteString("[")
	for g := 0; g < len(df.used); {
		if !df.used[g] {
			g++
			continue
		}
		fmt.Fprintf(&wa, "%d [", g)
		for sep := ""; g < len(df.used) && df.used[g]; g++ {
			fmt.Fprintf(&wa, "%s%d", sep, f.adv[g])
			sep = " "
		}
		wa.WriteString("] ")
	}
	wa.WriteString("]")
	return &subsetEntry{
		tag:       subsetTag(df.used),
		widths:    wa.String(),
		toUnicode: compress(toUnicode(df.used, df.uni)),
		prog:      compress(prog),
		progLen:   len(prog),
	}
}

// subsetEntry is what cut makes, kept for documents that use the same glyphs.
type subsetEntry struct {
	key       []uint32 // glyph id << 21 | rune, for each glyph used
	tag       string
	widths    string
	toUnicode []byte // compressed
	prog      []byte // compressed
	progLen   int
}

// maxSubsets bounds the subsets kept per font. Certificates of one program
// share most of their glyphs; only the holders' names differ.
const maxSubsets = 256

// subsetCache keeps recently cut subsets of one font, so a cohort of
// certificates does not cut and compress the same subset again. The output
// is the same bytes whether or not the cache has the entry.
type subsetCache struct {
	mu sync.Mutex
	m  map[uint64]*subsetEntry
}

func (c *subsetCache) get(used []bool, uni []rune, cut func() *subsetEntry) *subsetEntry {
	key := make([]uint32, 0, 128)
	h := fnv.New64a()
	var b [4]byte
	for g, u := range used {
		if u {
			k := uint32(g)<<21 | uint32(uni[g])&(1<<21-1)
			key = append(key, k)
			binary.BigEndian.PutUint32(b[:], k)
			h.Write(b[:])
		}
	}
	sum := h.Sum64()
	c.mu.Lock()
	e := c.m[sum]
	c.mu.Unlock()
	if e != nil && slices.Equal(e.key, key) {
		return e
	}
	e = cut()
	e.key = key
	c.mu.Lock()
	if len(c.m) >= maxSubsets {
		for k := range c.m { // evict one entry; which one does not matter
			delete(c.m, k)
			break
		}
	}
	c.m[sum] = e
	c.mu.Unlock()
	return e
}

// subsetTag derives the six capital letters that mark a subset font's name
// from the set of glyphs, so the same subset always gets the same name.
func subsetTag(used []bool) string {
	h := fnv.New64a()
	var b [2]byte
	for g, u := range used {
		if u {
			binary.BigEndian.PutUint16(b[:], uint16(g))
			h.Write(b[:])
		}
	}
	v := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + byte(v%26)
		v /= 26
	}
	return string(tag)
}

// toUnicode writes a CMap from glyph ids to the text they were drawn for.
func toUnicode(used []bool, uni []rune) []byte {
	var entries []string
	for g, u := range used {
		if u && uni[g] != 0 {
			var hex strings.Builder
			for _, c := range utf16.Encode([]rune{uni[g]}) {
				fmt.Fprintf(&hex, "%04X", c)
			}
			entries = append(entries, fmt.Sprintf("<%04X> <%s>", g, hex.String()))
		}
	}
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for len(entries) > 0 {
		k := min(len(entries), 100)
		fmt.Fprintf(&b, "%d beginbfchar\n%s\nendbfchar\n", k, strings.Join(entries[:k], "\n"))
		entries = entries[k:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}

// objWriter collects numbered objects and their byte offsets.
type objWriter struct {
	buf     bytes.Buffer
	offsets []int
}

func (o *objWriter) object(n int, body string) {
	o.offsets[n] = o.buf.Len()
	fmt.Fprintf(&o.buf, "%d 0 obj\n%s\nendobj\n", n, body)
}

// stream writes a stream object; data is compressed first when deflate is
// set, and is otherwise taken as already encoded (extra names the filter).
func (o *objWriter) stream(n int, extra string, data []byte, deflate bool) {
	if deflate {
		z := getZ()
		defer putZ(z)
		data = z.compress(data)
		extra = strings.TrimSpace(extra + " /Filter /FlateDecode")
	}
	o.offsets[n] = o.buf.Len()
	fmt.Fprintf(&o.buf, "%d 0 obj\n<< %s /Length %d >>\nstream\n", n, extra, len(data))
	o.buf.Write(data)
	o.buf.WriteString("\nendstream\nendobj\n")
}

// zbuf is a zlib writer and its output buffer, pooled: a fresh deflate
// state costs more than compressing a certificate's streams.
type zbuf struct {
	w   *zlib.Writer
	out bytes.Buffer
}

var zpool = sync.Pool{New: func() any {
	z := &zbuf{}
	z.w, _ = zlib.NewWriterLevel(&z.out, 4)
	return z
}}

func getZ() *zbuf  { return zpool.Get().(*zbuf) }
func putZ(z *zbuf) { zpool.Put(z) }

// compress returns data zlib-compressed. The result is valid until the
// zbuf is used again.
func (z *zbuf) compress(data []byte) []byte {
	z.out.Reset()
	z.w.Reset(&z.out)
	z.w.Write(data)
	z.w.Close()
	return z.out.Bytes()
}

// compress returns a zlib-compressed copy of data.
func compress(data []byte) []byte {
	z := getZ()
	defer putZ(z)
	return bytes.Clone(z.compress(data))
}

// pdfName encodes s as a PDF name (without the slash): bytes outside
// printable ASCII, and delimiters, as #XX.
func pdfName(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c > '~' || strings.IndexByte("#/()<>[]{}%", c) >= 0 {
			fmt.Fprintf(&b, "#%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// pdfURI encodes a URI as a PDF string of 7-bit ASCII, as /URI requires:
// bytes outside printable ASCII are percent-encoded.
func pdfURI(u string) string {
	var b strings.Builder
	b.WriteByte('(')
	for i := 0; i < len(u); i++ {
		switch c := u[i]; {
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c <= ' ' || c > '~':
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
	return b.String()
}

// pdfString encodes s as a PDF text string: literal when it is printable
// ASCII, UTF-16BE with a byte order mark otherwise.
func pdfString(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			ascii = false
			break
		}
	}
	if ascii {
		r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
		return "(" + r.Replace(s) + ")"
	}
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, c := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", c)
	}
	b.WriteString(">")
	return b.String()
}
