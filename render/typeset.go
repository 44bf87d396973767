package render

// Typesetting: styles, the stack of blocks on a page, text wrapped into
// lines with its faces, rules, images and table rows. template.go parses
// the layout files these are built from.

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/tanu-edu/tanu/render/pdfdoc"
)

// mmPerPt converts font sizes (points) to millimetres.
const mmPerPt = 25.4 / 72

// palette holds the resolved colours a layout may name.
type palette struct {
	text, muted, primary, accent, white, tint, line pdfdoc.Color
}

func (p palette) named(s string) (pdfdoc.Color, error) {
	switch s {
	case "", "text":
		return p.text, nil
	case "muted":
		return p.muted, nil
	case "primary":
		return p.primary, nil
	case "accent":
		return p.accent, nil
	case "white":
		return p.white, nil
	case "tint":
		return p.tint, nil
	case "line":
		return p.line, nil
	}
	return pdfdoc.ParseColor(s)
}

// style is a resolved text style.
type style struct {
	font, emFont   *pdfdoc.Font
	size, minSize  float64
	maxLines       int
	color, emColor pdfdoc.Color
	align          string
	leading        float64
	upper          bool
}

func newStyle(spec *styleSpec, faces map[string]*pdfdoc.Font, pal palette) (*style, error) {
	s := &style{size: spec.Size, minSize: spec.MinSize, maxLines: spec.MaxLines, align: spec.Align, leading: spec.Leading, upper: spec.Upper}
	var ok bool
	if s.font, ok = faces[spec.Font]; !ok {
		return nil, fmt.Errorf("unknown font face %q", spec.Font)
	}
	s.emFont = s.font
	if spec.EmFont != "" {
		if s.emFont, ok = faces[spec.EmFont]; !ok {
			return nil, fmt.Errorf("unknown font face %q", spec.EmFont)
		}
	}
	if s.size <= 0 {
		s.size = 11
	}
	if s.minSize <= 0 || s.minSize > s.size {
		s.minSize = s.size
	}
	if s.leading <= 0 {
		s.leading = 1.3
	}
	switch s.align {
	case "":
		s.align = "left"
	case "left", "center", "right":
	default:
		return nil, fmt.Errorf("align %q: want left, center or right", s.align)
	}
	var err error
	if s.color, err = pal.named(spec.Color); err != nil {
		return nil, err
	}
	s.emColor = s.color
	if spec.EmColor != "" {
		if s.emColor, err = pal.named(spec.EmColor); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// pen is the state of one document being laid out.
type pen struct {
	doc   *pdfdoc.Doc
	r     *Renderer
	v     *view
	scale float64  // applied to body text sizes and spacing
	qr    [][]bool // QR modules of the verification URL
}

// elem is a laid-out block: it knows its height for a width and can draw itself.
type elem interface {
	height(p *pen, w float64) float64
	draw(p *pen, x, y, w float64)
}

// item is an element with the space around it.
type item struct {
	e             elem
	before, after float64
}

func stackHeight(p *pen, items []item, w float64) (h, spacing float64) {
	for _, it := range items {
		h += it.e.height(p, w)
		spacing += (it.before + it.after) * p.scale
	}
	return h + spacing, spacing
}

// drawStack draws items from y down; stretch is extra space added per mm of spacing.
func drawStack(p *pen, items []item, x, y, w, stretch float64) float64 {
	for _, it := range items {
		y += it.before * p.scale * (1 + stretch)
		it.e.draw(p, x, y, w)
		y += it.e.height(p, w) + it.after*p.scale*(1+stretch)
	}
	return y
}

// build turns block templates into elements for the current certificate.
func (p *pen) build(blocks []*blockTpl) ([]item, error) {
	out := make([]item, 0, len(blocks))
	for _, b := range blocks {
		if b.cond != nil {
			ok, err := execute(b.cond, p.v)
			if err != nil {
				return nil, err
			}
			if ok == "" {
				continue
			}
		}
		e, err := p.elem(b)
		if err != nil {
			return nil, err
		}
		if e == nil {
			continue
		}
		out = append(out, item{e: e, before: b.spec.Before, after: b.spec.After})
	}
	return out, nil
}

func (p *pen) elem(b *blockTpl) (elem, error) {
	s := b.spec
	switch s.Type {
	case "text":
		t, err := execute(b.text, p.v)
		if err != nil {
			return nil, err
		}
		if strings.TrimSpace(t) == "" {
			return nil, nil
		}
		return &textElem{st: b.style, text: t}, nil
	case "space":
		return spaceElem(s.Height), nil
	case "rule":
		return &ruleElem{spec: s, color: p.color(s.Color, p.r.pal.accent)}, nil
	case "logo":
		if p.r.logo == nil {
			return nil, nil
		}
		return &imageElem{img: p.r.logo, h: s.Height, align: s.Align}, nil
	case "qr":
		return &qrElem{size: s.Size, align: s.Align}, nil
	case "seal":
		c, err := execute(b.caption, p.v)
		if err != nil {
			return nil, err
		}
		return &sealElem{d: s.Height, caption: c, st: b.captionSty, color: p.color(s.Color, p.r.pal.muted), align: s.Align}, nil
	case "signature":
		return p.signature(b)
	case "table":
		return p.table(b)
	case "row":
		r := &rowElem{}
		for _, c := range b.cells {
			items, err := p.build(c.blocks)
			if err != nil {
				return nil, err
			}
			r.cells = append(r.cells, rowCell{width: c.width, widthMM: c.widthMM, valign: c.valign, items: items})
		}
		return r, nil
	}
	return nil, fmt.Errorf("render: unknown block type %q", s.Type)
}

func (p *pen) color(name string, def pdfdoc.Color) pdfdoc.Color {
	if name == "" {
		return def
	}
	c, err := p.r.pal.named(name)
	if err != nil {
		return def
	}
	return c
}

// --- text -----------------------------------------------------------------

type seg struct {
	s  string
	em bool
	w  float64
}

// part is a piece of a word in one face.
type part struct {
	s  string
	em bool
	w  float64
}

type line struct {
	segs []seg
	w    float64
}

type textElem struct {
	st    *style
	text  string
	key   [2]float64 // width and scale of the cached lines
	lines []line
	size  float64 // font size in points after scaling and shrinking
	toks  []token // text split into words, measured at 1 pt; nil until laid out
}

// breakLines wraps the text into lines of width w (shrinking the font
// down to the style's minimum to keep within maxLines), once per width and
// scale.
func (t *textElem) breakLines(p *pen, w float64) {
	if t.lines != nil && t.key == [2]float64{w, p.scale} {
		return
	}
	t.key = [2]float64{w, p.scale}
	if t.toks == nil {
		text := t.text
		if t.st.upper {
			text = strings.ToUpper(text)
		}
		t.toks = tokenize(t.st, text)
	}
	size := t.st.size * p.scale
	minSize := t.st.minSize * p.scale
	for {
		t.lines = wrap(t.st, t.toks, size, w)
		if t.st.maxLines == 0 || len(t.lines) <= t.st.maxLines || size-0.25 < minSize {
			break
		}
		size -= 0.25
	}
	t.size = size
}

func (t *textElem) lineHeight() float64 { return t.size * mmPerPt * t.st.leading }

func (t *textElem) height(p *pen, w float64) float64 {
	t.breakLines(p, w)
	return float64(len(t.lines)) * t.lineHeight()
}

func (t *textElem) draw(p *pen, x, y, w float64) {
	t.breakLines(p, w)
	lh := t.lineHeight()
	sizeMM := t.size * mmPerPt
	left, right := x+w, x
	for i, ln := range t.lines {
		base := y + float64(i)*lh + (lh+0.70*sizeMM)/2
		lx := x
		switch t.st.align {
		case "center":
			lx = x + (w-ln.w)/2
		case "right":
			lx = x + w - ln.w
		}
		left, right = min(left, lx), max(right, lx+ln.w)
		for _, sg := range ln.segs {
			f, c := t.st.font, t.st.color
			if sg.em {
				f, c = t.st.emFont, t.st.emColor
			}
			p.doc.SetFont(f, t.size)
			p.doc.SetTextColor(c)
			p.doc.Text(lx, base, strings.TrimRight(sg.s, " "))
			lx += sg.w
		}
	}
	// The printed verification URL opens the credential page when clicked.
	if u := p.v.URL; right > left && strings.TrimSpace(t.text) == u && isWebURL(u) {
		p.doc.Link(left, y, right-left, float64(len(t.lines))*lh, u)
	}
}

// isWebURL reports whether u is an http(s) URL, which a PDF link may open.
func isWebURL(u string) bool {
	return strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")
}

// token is a word (its parts between spaces, one per face) or a forced
// line break. Part widths are at 1 pt: text width grows linearly with the
// size, so a text is measured once however many sizes and scales the
// layout tries.
type token struct {
	parts []part
	brk   bool
}

// tokenize splits text into words at spaces and line breaks at "\n";
// emphasis markers switch between the style's faces.
func tokenize(st *style, text string) []token {
	var toks []token
	var word []part
	em := false
	start := 0 // byte offset of the current part in text
	endPart := func(end int) {
		if end > start {
			s := text[start:end]
			f := st.font
			if em {
				f = st.emFont
			}
			word = append(word, part{s: s, em: em, w: f.Width(s, 1)})
		}
	}
	endWord := func(end int) {
		endPart(end)
		if len(word) > 0 {
			toks = append(toks, token{parts: word})
			word = nil
		}
	}
	for i, r := range text {
		switch r {
		case emOn, emOff:
			endPart(i)
			em = r == emOn
		case ' ':
			endWord(i)
		case '\n':
			endWord(i)
			toks = append(toks, token{brk: true})
		default:
			continue
		}
		start = i + utf8.RuneLen(r)
	}
	endWord(len(text))
	return toks
}

// wrap breaks tokenized text into lines no wider than w at size points.
func wrap(st *style, toks []token, size, w float64) []line {
	measure := func(s string, em bool) float64 {
		if em {
			return st.emFont.Width(s, size)
		}
		return st.font.Width(s, size)
	}
	space := [2]float64{measure(" ", false), measure(" ", true)}
	var lines []line
	var cur line
	flush := func() {
		// drop the trailing space of the last segment
		if n := len(cur.segs); n > 0 {
			last := &cur.segs[n-1]
			if strings.HasSuffix(last.s, " ") {
				last.s = strings.TrimRight(last.s, " ")
				last.w -= space[b2i(last.em)]
				cur.w -= space[b2i(last.em)]
			}
		}
		lines = append(lines, cur)
		cur = line{}
	}
	addWord := func(parts []part) {
		ww := 0.0
		for _, pt := range parts {
			ww += pt.w
		}
		if len(cur.segs) > 0 && cur.w+ww > w+0.01 {
			flush()
		}
		for _, pt := range parts {
			if n := len(cur.segs); n > 0 && cur.segs[n-1].em == pt.em {
				cur.segs[n-1].s += pt.s
				cur.segs[n-1].w += pt.w
			} else {
				cur.segs = append(cur.segs, seg(pt))
			}
			cur.w += pt.w
		}
		// a space after the word, in the face of its last part
		last := &cur.segs[len(cur.segs)-1]
		last.s += " "
		last.w += space[b2i(last.em)]
		cur.w += space[b2i(last.em)]
	}
	var word []part
	for _, tk := range toks {
		if tk.brk {
			flush()
			continue
		}
		word = word[:0]
		total := 0.0
		for _, pt := range tk.parts {
			pt.w *= size
			total += pt.w
			word = append(word, pt)
		}
		if total <= w {
			addWord(word)
		} else {
			// a single word wider than the line is broken between characters
			for _, pt := range splitLong(word, w, measure) {
				addWord(pt)
			}
		}
	}
	flush()
	// drop empty trailing lines created by trailing "\n"
	for len(lines) > 1 && len(lines[len(lines)-1].segs) == 0 {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// splitLong breaks a word wider than w into pieces that fit (each piece one
// part), preferring to break after a hyphen or slash.
func splitLong(word []part, w float64, measure func(string, bool) float64) [][]part {
	var out [][]part
	for _, pt := range word {
		s := pt.s
		for s != "" {
			n := len(s)
			for n > 0 && measure(s[:n], pt.em) > w {
				_, size := utf8.DecodeLastRuneInString(s[:n])
				n -= size
			}
			if n == 0 {
				_, n = utf8.DecodeRuneInString(s)
			} else if h := strings.LastIndexAny(s[:n], "-/"); h > 0 && n < len(s) {
				n = h + 1 // prefer breaking after a hyphen or slash
			}
			out = append(out, []part{{s: s[:n], em: pt.em, w: measure(s[:n], pt.em)}})
			s = s[n:]
		}
	}
	return out
}

// --- simple elements --------------------------------------------------------

type spaceElem float64

func (s spaceElem) height(p *pen, _ float64) float64     { return float64(s) * p.scale }
func (s spaceElem) draw(*pen, float64, float64, float64) {}

type ruleElem struct {
	spec  *blockSpec
	color pdfdoc.Color
}

func (r *ruleElem) height(p *pen, _ float64) float64 {
	if r.spec.Ornament {
		return 3 * p.scale
	}
	return 0.8
}

func (r *ruleElem) draw(p *pen, x, y, w float64) {
	frac := r.spec.Width
	if frac <= 0 || frac > 1 {
		frac = 1
	}
	lw := w * frac
	lx := alignX(r.spec.Align, x, w, lw)
	cy := y + r.height(p, w)/2
	p.doc.SetDrawColor(r.color)
	p.doc.SetFillColor(r.color)
	p.doc.SetLineWidth(0.35)
	if !r.spec.Ornament {
		p.doc.Line(lx, cy, lx+lw, cy)
		return
	}
	d := 1.5 * p.scale
	mid := lx + lw/2
	p.doc.Line(lx, cy, mid-d-1.5, cy)
	p.doc.Line(mid+d+1.5, cy, lx+lw, cy)
	p.doc.Polygon("F", mid-d, cy, mid, cy-d, mid+d, cy, mid, cy+d)
}

func alignX(align string, x, w, inner float64) float64 {
	switch align {
	case "left":
		return x
	case "right":
		return x + w - inner
	}
	return x + (w-inner)/2
}

type imageElem struct {
	img   *pdfdoc.Image
	h     float64
	align string
}

func (e *imageElem) height(p *pen, _ float64) float64 { return e.h * p.scale }

func (e *imageElem) draw(p *pen, x, y, w float64) {
	h := e.h * p.scale
	iw := h * e.img.Aspect()
	if iw > w {
		iw, h = w, w/e.img.Aspect()
	}
	p.doc.Image(e.img, alignX(e.align, x, w, iw), y, iw, h)
}

// --- row --------------------------------------------------------------------

type rowCell struct {
	width   float64
	widthMM float64
	valign  string
	items   []item
}

type rowElem struct{ cells []rowCell }

const rowGap = 5 // mm between cells

func (r *rowElem) widths(w float64) []float64 {
	total := 0.0
	avail := w - rowGap*float64(len(r.cells)-1)
	for _, c := range r.cells {
		if c.widthMM > 0 {
			avail -= c.widthMM
		} else {
			total += c.width
		}
	}
	out := make([]float64, len(r.cells))
	for i, c := range r.cells {
		if c.widthMM > 0 {
			out[i] = c.widthMM
		} else {
			out[i] = max(0, avail) * c.width / total
		}
	}
	return out
}

func (r *rowElem) height(p *pen, w float64) float64 {
	h := 0.0
	for i, cw := range r.widths(w) {
		ch, _ := stackHeight(p, r.cells[i].items, cw)
		h = math.Max(h, ch)
	}
	return h
}

func (r *rowElem) draw(p *pen, x, y, w float64) {
	h := r.height(p, w)
	for i, cw := range r.widths(w) {
		c := r.cells[i]
		ch, _ := stackHeight(p, c.items, cw)
		cy := y
		switch c.valign {
		case "middle":
			cy = y + (h-ch)/2
		case "bottom":
			cy = y + h - ch
		}
		drawStack(p, c.items, x, cy, cw, 0)
		x += cw + rowGap
	}
}
