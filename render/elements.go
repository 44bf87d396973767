package render

import (
	"math"
	"strings"

	"github.com/tanu-edu/tanu/render/pdfdoc"
)

// --- table ------------------------------------------------------------------

type tableElem struct {
	header []*textElem
	rows   [][]*textElem
	widths []float64 // relative
	pal    palette
}

func (p *pen) table(b *blockTpl) (elem, error) {
	var rows []any
	switch b.spec.Rows {
	case "competencies":
		for i := range p.v.Competencies {
			rows = append(rows, &p.v.Competencies[i])
		}
	case "grade_scale":
		for i := range p.v.GradeScale {
			rows = append(rows, &p.v.GradeScale[i])
		}
	case "components":
		for i := range p.v.Components {
			rows = append(rows, &p.v.Components[i])
		}
	}
	if len(rows) == 0 {
		return nil, nil
	}
	t := &tableElem{pal: p.r.pal}
	var cols []columnTpl
	for _, c := range b.columns {
		if c.cond != nil {
			ok, err := execute(c.cond, p.v)
			if err != nil {
				return nil, err
			}
			if ok == "" {
				continue
			}
		}
		cols = append(cols, c)
	}
	for _, c := range cols {
		h, err := execute(c.header, p.v)
		if err != nil {
			return nil, err
		}
		st := b.headerStyle
		if c.spec.Align != "" && c.spec.Align != st.align {
			cp := *st
			cp.align = c.spec.Align
			st = &cp
		}
		t.header = append(t.header, &textElem{st: st, text: h})
		t.widths = append(t.widths, c.spec.Width)
	}
	for _, row := range rows {
		var cells []*textElem
		for _, c := range cols {
			s, err := execute(c.cell, row)
			if err != nil {
				return nil, err
			}
			st := c.style
			if c.spec.Align != "" && c.spec.Align != st.align {
				cp := *st
				cp.align = c.spec.Align
				st = &cp
			}
			cells = append(cells, &textElem{st: st, text: s})
		}
		t.rows = append(t.rows, cells)
	}
	return t, nil
}

func (t *tableElem) colWidths(w float64) []float64 {
	total := 0.0
	for _, x := range t.widths {
		total += x
	}
	out := make([]float64, len(t.widths))
	for i, x := range t.widths {
		out[i] = w * x / total
	}
	return out
}

func (t *tableElem) pads(p *pen) (px, py float64) { return 1.8 * p.scale, 1.1 * p.scale }

func (t *tableElem) rowHeight(p *pen, cells []*textElem, ws []float64) float64 {
	px, py := t.pads(p)
	h := 0.0
	for i, c := range cells {
		h = math.Max(h, c.height(p, ws[i]-2*px))
	}
	return h + 2*py
}

func (t *tableElem) height(p *pen, w float64) float64 {
	ws := t.colWidths(w)
	h := t.rowHeight(p, t.header, ws)
	for _, r := range t.rows {
		h += t.rowHeight(p, r, ws)
	}
	return h
}

func (t *tableElem) draw(p *pen, x, y, w float64) {
	ws := t.colWidths(w)
	px, py := t.pads(p)
	drawRow := func(cells []*textElem, y, h float64) {
		cx := x
		for i, c := range cells {
			cw := ws[i] - 2*px
			ch := c.height(p, cw)
			c.draw(p, cx+px, y+py+(h-2*py-ch)/2, cw)
			cx += ws[i]
		}
	}
	hh := t.rowHeight(p, t.header, ws)
	p.doc.SetFillColor(t.pal.primary)
	p.doc.Rect(x, y, w, hh, "F")
	drawRow(t.header, y, hh)
	y += hh
	p.doc.SetDrawColor(t.pal.line)
	p.doc.SetLineWidth(0.2)
	for i, r := range t.rows {
		h := t.rowHeight(p, r, ws)
		if i%2 == 1 {
			p.doc.SetFillColor(t.pal.tint)
			p.doc.Rect(x, y, w, h, "F")
		}
		drawRow(r, y, h)
		y += h
		p.doc.Line(x, y, x+w, y)
	}
}

// --- signature ---------------------------------------------------------------

// sigElem draws "Label ________ / Name /" with captions under the line and the
// name, the signature image above the line and an optional extra caption.
type sigElem struct {
	label, name, capSign, capName, extra *textElem
	lineLen                              float64
	img                                  *pdfdoc.Image
	lineColor                            pdfdoc.Color
}

const sigImageH = 14.0 // mm reserved above the line for the signature

func (p *pen) signature(b *blockTpl) (elem, error) {
	s := b.spec
	label, err := execute(b.text, p.v)
	if err != nil {
		return nil, err
	}
	name, err := execute(b.name, p.v)
	if err != nil {
		return nil, err
	}
	extra, err := execute(b.caption, p.v)
	if err != nil {
		return nil, err
	}
	e := &sigElem{
		label:     &textElem{st: b.style, text: label},
		name:      &textElem{st: b.style, text: "/ " + orDefault(strings.TrimSpace(name), "____________________") + " /"},
		capSign:   &textElem{st: b.captionSty, text: s.CaptionSign},
		capName:   &textElem{st: b.captionSty, text: s.CaptionName},
		lineLen:   s.Width,
		img:       p.r.signature,
		lineColor: p.r.pal.text,
	}
	if extra != "" {
		e.extra = &textElem{st: b.captionSty, text: extra}
	}
	if e.lineLen <= 0 {
		e.lineLen = 40
	}
	return e, nil
}

// columns returns the widths of the label, the line and the name: the line
// gives way (down to 22 mm) so that the name fits on one line if it can.
func (e *sigElem) columns(p *pen, w float64) (lw, line, nw float64) {
	const gap = 3
	size := e.label.st.size * p.scale
	lw = e.label.st.font.Width(e.label.text, size) + gap
	need := e.name.st.font.Width(e.name.text, size) + 0.5
	line = e.lineLen
	if lw+line+gap+need > w {
		line = max(22, w-lw-gap-need)
	}
	nw = max(w-lw-line-gap, 10)
	return lw, line, nw
}

func (e *sigElem) height(p *pen, w float64) float64 {
	_, line, nw := e.columns(p, w)
	top := e.label.height(p, 1000)
	nameH := e.name.height(p, nw)
	capH := math.Max(e.capSign.height(p, line), e.capName.height(p, nw))
	h := sigImageH*p.scale + math.Max(top, nameH) + capH
	if e.extra != nil {
		h += e.extra.height(p, w)
	}
	return h
}

func (e *sigElem) draw(p *pen, x, y, w float64) {
	lw, line, nw := e.columns(p, w)
	y0 := y + sigImageH*p.scale
	lineH := e.label.height(p, 1000)
	baseY := y0 + lineH*0.78 // the line sits on the label's baseline
	e.label.draw(p, x, y0, lw)
	lx := x + lw
	if e.img != nil {
		ih := sigImageH * p.scale * 1.25
		iw := ih * e.img.Aspect()
		if iw > line {
			iw, ih = line, line/e.img.Aspect()
		}
		p.doc.Image(e.img, lx+(line-iw)/2, baseY-ih+2, iw, ih)
	}
	p.doc.SetDrawColor(e.lineColor)
	p.doc.SetLineWidth(0.3)
	p.doc.Line(lx, baseY, lx+line, baseY)
	nx := lx + line + 3
	e.name.draw(p, nx, y0, nw)
	nameH := e.name.height(p, nw)
	capY := y0 + math.Max(lineH, nameH)
	e.capSign.draw(p, lx, capY, line)
	e.capName.draw(p, nx, capY, nw)
	if e.extra != nil {
		capH := math.Max(e.capSign.height(p, line), e.capName.height(p, nw))
		e.extra.draw(p, x, capY+capH, w)
	}
}

// --- seal -------------------------------------------------------------------

// sealElem marks the place for the seal ("М.О."), or draws the seal image.
type sealElem struct {
	d       float64
	caption string
	st      *style
	color   pdfdoc.Color
	align   string
	text    *textElem
}

func (s *sealElem) height(p *pen, _ float64) float64 {
	if s.d <= 0 {
		s.d = 30
	}
	return s.d * p.scale
}

func (s *sealElem) draw(p *pen, x, y, w float64) {
	d := s.height(p, w)
	cx := alignX(s.align, x, w, d) + d/2
	cy := y + d/2
	if img := p.r.seal; img != nil {
		iw, ih := d, d/img.Aspect()
		if ih > d {
			ih, iw = d, d*img.Aspect()
		}
		p.doc.Image(img, cx-iw/2, cy-ih/2, iw, ih)
		return
	}
	p.doc.SetDrawColor(s.color)
	p.doc.SetLineWidth(0.3)
	p.doc.SetDash(1.2, 1.2)
	p.doc.Circle(cx, cy, d/2, "D")
	p.doc.SetDash()
	if s.caption != "" {
		if s.text == nil {
			s.text = &textElem{st: s.st, text: s.caption}
		}
		th := s.text.height(p, d)
		s.text.draw(p, cx-d/2, cy-th/2, d)
	}
}

// --- QR code ----------------------------------------------------------------

// minQRSize is the smallest printed QR symbol, in mm, without quiet zone.
const minQRSize = 25.0

// qrElem draws the QR code of the certificate's URL as vector squares, with a
// quiet zone of four modules. The size is never scaled down.
type qrElem struct {
	size  float64
	align string
}

func (q *qrElem) quiet(p *pen) float64 {
	if len(p.qr) == 0 {
		return 0
	}
	return 4 * q.size / float64(len(p.qr))
}

func (q *qrElem) height(p *pen, _ float64) float64 { return q.size + 2*q.quiet(p) }

func (q *qrElem) draw(p *pen, x, y, w float64) {
	m := p.qr // computed (and the URL validated) once per document in Render
	if len(m) == 0 {
		return
	}
	qz := q.quiet(p)
	full := q.size + 2*qz
	x0 := alignX(q.align, x, w, full)
	p.doc.SetFillColor(p.r.pal.white)
	p.doc.Rect(x0, y, full, full, "F")
	if isWebURL(p.v.URL) {
		p.doc.Link(x0, y, full, full, p.v.URL)
	}
	mod := q.size / float64(len(m))
	p.doc.SetFillColor(pdfdoc.Color{})
	for r, row := range m {
		for c := 0; c < len(row); {
			if !row[c] {
				c++
				continue
			}
			start := c
			for c < len(row) && row[c] {
				c++
			}
			// a hair of overlap hides anti-aliasing seams between runs
			p.doc.Rect(x0+qz+float64(start)*mod, y+qz+float64(r)*mod, float64(c-start)*mod, mod+0.02, "F")
		}
	}
}
