package programdoc

import (
	"strings"

	"github.com/tanu-edu/tanu/render/pdfdoc"
)

// A small flow layout over pdfdoc: wrapped paragraphs and bordered tables
// that break across pages, with a footer on every page.

const (
	mmPerPt = 25.4 / 72
	leading = 1.3
	pad     = 1.4 // cell padding, mm
)

// Alignments.
const (
	alignLeft = iota
	alignCenter
	alignRight
)

var (
	ink   = pdfdoc.Color{R: 0x1c, G: 0x1f, B: 0x26}
	muted = pdfdoc.Color{R: 0x5b, G: 0x61, B: 0x70}
	rule  = pdfdoc.Color{R: 0x44, G: 0x48, B: 0x50}
	tint  = pdfdoc.Color{R: 0xee, G: 0xf0, B: 0xf4}
)

// style is a font at a size.
type style struct {
	font *pdfdoc.Font
	size float64
}

func (s style) lineHeight() float64 { return s.size * mmPerPt * leading }

// flow is a document being laid out top to bottom.
type flow struct {
	d                        *pdfdoc.Doc
	w, h                     float64 // page, mm
	left, right, top, bottom float64 // margins, mm
	y                        float64 // next free position
	footer                   string
	small                    style
	pages                    int
	// header redraws a table's header after a page break (nil: none).
	header func()
}

func (f *flow) width() float64 { return f.w - f.left - f.right }

func (f *flow) newPage() {
	f.d.AddPage()
	f.pages++
	f.y = f.top
	if f.footer != "" {
		f.d.SetTextColor(muted)
		f.d.SetFont(f.small.font, f.small.size)
		f.d.Text(f.left, f.h-f.bottom/2, f.footer)
		f.d.SetTextColor(ink)
	}
}

// room starts a new page unless h millimetres fit below y.
func (f *flow) room(h float64) {
	if f.y+h > f.h-f.bottom && f.y > f.top+0.1 {
		f.newPage()
		if f.header != nil {
			f.header()
		}
	}
}

// wrap breaks text into lines no wider than w: at spaces, then after
// hyphens, then anywhere. "\n" breaks a line.
func wrap(s style, text string, w float64) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			out = append(out, "")
			continue
		}
		cur := ""
		for _, word := range words {
			try := word
			if cur != "" {
				try = cur + " " + word
			}
			if s.font.Width(try, s.size) <= w {
				cur = try
				continue
			}
			if cur != "" {
				out = append(out, cur)
				cur = ""
			}
			for _, piece := range splitWord(s, word, w) {
				if cur != "" {
					out = append(out, cur)
				}
				cur = piece
			}
		}
		out = append(out, cur)
	}
	return out
}

// splitWord cuts a word wider than w after its hyphens, and a piece
// still too wide between characters.
func splitWord(s style, word string, w float64) []string {
	if s.font.Width(word, s.size) <= w {
		return []string{word}
	}
	var parts []string
	for rest := word; rest != ""; {
		i := strings.IndexByte(rest, '-')
		if i < 0 || i == len(rest)-1 {
			parts = append(parts, rest)
			break
		}
		parts = append(parts, rest[:i+1])
		rest = rest[i+1:]
	}
	var out []string
	cur := ""
	for _, p := range parts {
		if s.font.Width(cur+p, s.size) <= w {
			cur += p
			continue
		}
		if cur != "" {
			out = append(out, cur)
			cur = ""
		}
		for _, r := range p {
			if cur != "" && s.font.Width(cur+string(r), s.size) > w {
				out = append(out, cur)
				cur = ""
			}
			cur += string(r)
		}
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

// fitWords returns st made smaller (not below 5.5 pt) until no word of
// text is wider than a cell of width w, so that headings of narrow
// columns break between words, not inside them.
func fitWords(st style, text string, w float64) style {
	for st.size > 5.5 {
		ok := true
		for _, word := range strings.Fields(text) {
			for _, part := range strings.SplitAfter(word, "-") {
				if st.font.Width(part, st.size) > w-2*pad {
					ok = false
				}
			}
		}
		if ok {
			break
		}
		st.size -= 0.25
	}
	return st
}

// lines draws wrapped lines in the box starting at (x, y) of width w and
// returns the height used.
func (f *flow) lines(s style, ls []string, x, y, w float64, align int) float64 {
	f.d.SetFont(s.font, s.size)
	lh := s.lineHeight()
	for i, l := range ls {
		lx := x
		switch align {
		case alignCenter:
			lx = x + (w-s.font.Width(l, s.size))/2
		case alignRight:
			lx = x + w - s.font.Width(l, s.size)
		}
		f.d.Text(lx, y+float64(i)*lh+s.size*mmPerPt*s.font.Ascent(), l)
	}
	return float64(len(ls)) * lh
}

// para draws a paragraph across the text width (or the box x, w when w >
// 0), breaking pages between its lines.
func (f *flow) para(s style, text string, align int, gapAfter float64) {
	f.paraIn(s, text, f.left, f.width(), align)
	f.y += gapAfter
}

func (f *flow) paraIn(s style, text string, x, w float64, align int) {
	for _, l := range wrap(s, text, w) {
		f.room(s.lineHeight())
		f.y += f.lines(s, []string{l}, x, f.y, w, align)
	}
}

// cell is one table cell.
type cell struct {
	text  string
	st    style
	align int
	// hint is a second, smaller text under the first (e.g. a field's
	// explanation); hintSt its style.
	hint   string
	hintSt style
	fill   bool
	span   int // columns spanned (0 and 1: one)
}

// rowHeight returns the height of a row of cells over columns widths.
func rowHeight(cells []cell, widths []float64) float64 {
	h := 0.0
	col := 0
	for _, c := range cells {
		w := spanWidth(widths, col, c.span)
		col += max(c.span, 1)
		ch := float64(len(wrap(c.st, c.text, w-2*pad))) * c.st.lineHeight()
		if c.hint != "" {
			ch += float64(len(wrap(c.hintSt, c.hint, w-2*pad))) * c.hintSt.lineHeight()
		}
		h = max(h, ch+2*pad)
	}
	return h
}

func spanWidth(widths []float64, col, span int) float64 {
	w := 0.0
	for i := col; i < col+max(span, 1) && i < len(widths); i++ {
		w += widths[i]
	}
	return w
}

// row draws a row of cells with borders at y (page breaks before it when
// it does not fit) and moves y below it.
func (f *flow) row(cells []cell, widths []float64) {
	h := rowHeight(cells, widths)
	if f.y+h > f.h-f.bottom && h > (f.h-f.top-f.bottom)/2 {
		// taller than half a page: start here and go on over the next
		// pages, rather than leave this one empty
		f.tallRow(cells, widths)
		return
	}
	f.room(h)
	f.rowAt(cells, widths, f.y, h)
	f.y += h
}

// tline is one wrapped line of a cell.
type tline struct {
	st   style
	s    string
	hint bool
}

// tallRow draws a row taller than a page: each page takes as many of
// every cell's lines as fit, the rest go on after a page break (and the
// table's header).
func (f *flow) tallRow(cells []cell, widths []float64) {
	type part struct {
		c     cell
		x, w  float64
		lines []tline
	}
	parts := make([]part, 0, len(cells))
	x, col := f.left, 0
	for _, c := range cells {
		w := spanWidth(widths, col, c.span)
		col += max(c.span, 1)
		p := part{c: c, x: x, w: w}
		for _, l := range wrap(c.st, c.text, w-2*pad) {
			p.lines = append(p.lines, tline{c.st, l, false})
		}
		if c.hint != "" {
			for _, l := range wrap(c.hintSt, c.hint, w-2*pad) {
				p.lines = append(p.lines, tline{c.hintSt, l, true})
			}
		}
		parts = append(parts, p)
		x += w
	}
	for {
		left := false
		for _, p := range parts {
			left = left || len(p.lines) > 0
		}
		if !left {
			return
		}
		avail := f.h - f.bottom - f.y - 2*pad
		if avail < 10 {
			f.newPage()
			if f.header != nil {
				f.header()
			}
			continue
		}
		// how many lines of each cell fit, and the chunk's height
		take := make([]int, len(parts))
		h := 0.0
		for i, p := range parts {
			used := 0.0
			for _, l := range p.lines {
				if used+l.st.lineHeight() > avail {
					break
				}
				used += l.st.lineHeight()
				take[i]++
			}
			h = max(h, used)
		}
		for i, p := range parts {
			c := p.c
			if c.fill {
				f.d.SetFillColor(tint)
				f.d.Rect(p.x, f.y, p.w, h+2*pad, "F")
			}
			f.d.SetDrawColor(rule)
			f.d.SetLineWidth(0.25)
			f.d.Rect(p.x, f.y, p.w, h+2*pad, "D")
			y := f.y + pad
			for _, l := range p.lines[:take[i]] {
				if l.hint {
					f.d.SetTextColor(muted)
				}
				y += f.lines(l.st, []string{l.s}, p.x+pad, y, p.w-2*pad, c.align)
				f.d.SetTextColor(ink)
			}
			parts[i].lines = p.lines[take[i]:]
		}
		f.y += h + 2*pad
	}
}

// rowAt draws cells at y with height h.
func (f *flow) rowAt(cells []cell, widths []float64, y, h float64) {
	x := f.left
	col := 0
	for _, c := range cells {
		w := spanWidth(widths, col, c.span)
		col += max(c.span, 1)
		f.box(c, x, y, w, h)
		x += w
	}
}

// box draws one cell in the box (x, y, w, h).
func (f *flow) box(c cell, x, y, w, h float64) {
	d := f.d
	if c.fill {
		d.SetFillColor(tint)
		d.Rect(x, y, w, h, "F")
	}
	d.SetDrawColor(rule)
	d.SetLineWidth(0.25)
	d.Rect(x, y, w, h, "D")
	used := f.lines(c.st, wrap(c.st, c.text, w-2*pad), x+pad, y+pad, w-2*pad, c.align)
	if c.hint != "" {
		d.SetTextColor(muted)
		f.lines(c.hintSt, wrap(c.hintSt, c.hint, w-2*pad), x+pad, y+pad+used, w-2*pad, c.align)
		d.SetTextColor(ink)
	}
}

// hrule draws a horizontal line across the box (x, w) at y.
func (f *flow) hrule(x, y, w float64) {
	f.d.SetDrawColor(rule)
	f.d.SetLineWidth(0.3)
	f.d.Line(x, y, x+w, y)
}
