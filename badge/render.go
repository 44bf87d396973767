package badge

import (
	"bytes"
	"fmt"
	"image/png"
	"math"
	"strings"
	"unicode"

	"golang.org/x/image/font/sfnt"
)

// Badge geometry in a 512×512 design space; RenderPNG scales it to
// Design.Size and RenderSVG uses it as the viewBox.
const (
	unit        = 512.0
	center      = unit / 2
	rOuter      = 248.0 // accent ring, outer edge
	rEdge       = 244.0 // fine line near the outer edge
	rBand       = 196.0 // accent ring, inner edge = medallion edge
	rInnerLine  = 184.0 // thin light ring inside the medallion
	bandMid     = (rOuter + rBand) / 2
	ringFont    = 25.0 // preferred size of the ring texts
	ringFontMin = 15.0 // smallest size before truncating
	ringSpacing = 0.08 // letter spacing of the ring texts, in em
	ringTight   = 0.03 // letter spacing when a text does not fit
	ringSpan    = 150 * math.Pi / 180
	starSize    = 9.0
	abbrevCap   = 92.0  // preferred cap height of the abbreviation
	abbrevWidth = 272.0 // widest the abbreviation may be
)

// ringText is a line of text laid along the ring.
type ringText struct {
	text    string
	size    float64 // font size
	spacing float64 // letter spacing in em
	radius  float64 // baseline radius
	top     bool    // along the top (reads clockwise) or the bottom
}

// artwork is everything both renderers draw, in design units.
type artwork struct {
	abbrev         string
	abbrevSize     float64 // font size
	abbrevBaseline float64 // y of the baseline
	top, bottom    ringText

	accent, accentEdge        rgba
	primaryTop, primaryBottom rgba // medallion gradient
	innerLine                 rgba
	abbrevColor, ringColor    rgba
}

// white and black return opaque white and black.
func white() rgba { return rgba{1, 1, 1, 1} }
func black() rgba { return rgba{0, 0, 0, 1} }

// contrasting returns white or a near-black ink, whichever reads better on
// bg (WCAG contrast ratio).
func contrasting(bg rgba) rgba {
	ink := rgba{0.1, 0.1, 0.12, 1}
	l := bg.luminance()
	if (1.05)/(l+0.05) >= (l+0.05)/(ink.luminance()+0.05) {
		return white()
	}
	return ink
}

// textWidth returns the advance width of s in em, with letter spacing
// between characters. Characters without a glyph count as 0.6 em (the
// SVG renderer's fonts may have them; the PNG renderer skips them).
func textWidth(s string, spacing float64) float64 {
	f := badgeFace()
	var buf sfnt.Buffer
	w, n := 0.0, 0
	for _, r := range s {
		if _, adv, ok := f.glyph(&buf, r); ok {
			w += adv
		} else {
			w += 0.6
		}
		n++
	}
	if n > 1 {
		w += spacing * float64(n-1)
	}
	return w
}

// fitRing chooses a common font size and letter spacing for the ring
// texts: tighter spacing first, then a smaller size down to ringFontMin,
// then truncation with an ellipsis.
func fitRing(texts ...*ringText) {
	size, spacing := ringFont, ringSpacing
	// The arc at the top text's x-height is the shortest; cap height is at
	// most that of ringFont.
	avail := ringSpan * (bandMid - ringFont*badgeFace().cap)
	for _, t := range texts {
		if textWidth(t.text, spacing)*size > avail {
			spacing = ringTight
		}
	}
	for _, t := range texts {
		if w := textWidth(t.text, spacing) * size; w > avail {
			size = max(ringFontMin, size*avail/w)
		}
	}
	for _, t := range texts {
		t.size, t.spacing = size, spacing
		capH := size * badgeFace().cap
		if t.top {
			t.radius = bandMid - capH/2
		} else {
			t.radius = bandMid + capH/2
		}
		avail := ringSpan * (t.radius - capH/2)
		if textWidth(t.text, spacing)*size <= avail {
			continue
		}
		runes := []rune(t.text)
		for len(runes) > 0 && textWidth(string(runes)+"…", spacing)*size > avail {
			runes = runes[:len(runes)-1]
		}
		t.text = strings.TrimRightFunc(string(runes), func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsPunct(r)
		}) + "…"
	}
}

func (r resolved) artwork() artwork {
	l := artwork{
		abbrev:        r.abbrev,
		top:           ringText{text: strings.ToUpper(r.issuer), top: true},
		bottom:        ringText{text: strings.ToUpper(r.title)},
		accent:        r.accent,
		accentEdge:    r.accent.mix(black(), 0.18),
		primaryTop:    r.primary.mix(white(), 0.12),
		primaryBottom: r.primary.mix(black(), 0.18),
		abbrevColor:   contrasting(r.primary),
		ringColor:     contrasting(r.accent),
	}
	l.innerLine = l.abbrevColor
	l.innerLine.a = 0.55
	fitRing(&l.top, &l.bottom)

	w := textWidth(l.abbrev, 0)
	l.abbrevSize = abbrevCap / badgeFace().cap
	if w > 0 && w*l.abbrevSize > abbrevWidth {
		l.abbrevSize = abbrevWidth / w
	}
	capH := l.abbrevSize * badgeFace().cap
	l.abbrevBaseline = center + capH/2
	return l
}

// RenderPNG draws the default badge for d as a PNG of d.Size×d.Size
// pixels with a transparent background: an accent-coloured ring carrying
// the issuer name (top) and programme title (bottom) in capitals, around a
// medallion in the primary colour with the abbreviation in the centre.
// Characters outside the embedded font (Latin, Cyrillic with Kazakh
// letters, common punctuation) are left out of the PNG.
//
// If d.Image is set, RenderPNG validates it as a PNG of at most
// MaxImagePixels pixels and returns a copy of it instead.
//
// The output is deterministic: the same Design gives the same bytes with
// the same Go toolchain and architecture (the compiler may fuse
// floating-point operations differently on other architectures, which
// can change anti-aliased edge pixels by one level).
func RenderPNG(d Design) ([]byte, error) {
	if d.Image != nil {
		if err := checkImage(d.Image); err != nil {
			return nil, err
		}
		return bytes.Clone(d.Image), nil
	}
	r, err := d.resolve()
	if err != nil {
		return nil, err
	}
	l := r.artwork()
	k := float64(r.size) / unit
	cv := newCanvas(r.size)
	c := pt{center * k, center * k}

	// Ring, its fine inner line, the medallion with a vertical gradient.
	var s shape
	s.circle(c, rOuter*k, false)
	cv.fill(s, l.accent.uniform())

	s = nil
	s.circle(c, rOuter*k, false)
	s.circle(c, rEdge*k, true)
	cv.fill(s, l.accentEdge.uniform())

	s = nil
	s.circle(c, rBand*k, false)
	cv.fill(s, vGradient(r.size, l.primaryTop, l.primaryBottom, (center-rBand)*k, (center+rBand)*k))

	s = nil
	s.circle(c, rBand*k, false)
	s.circle(c, (rBand-3)*k, true)
	cv.fill(s, l.accentEdge.uniform())

	s = nil
	s.circle(c, (rInnerLine+1)*k, false)
	s.circle(c, (rInnerLine-1)*k, true)
	cv.fill(s, l.innerLine.uniform())

	// Stars between the two ring texts.
	s = nil
	s.star(pt{(center - bandMid) * k, c.y}, starSize*k, -math.Pi/2)
	s.star(pt{(center + bandMid) * k, c.y}, starSize*k, -math.Pi/2)
	cv.fill(s, l.ringColor.uniform())

	// Abbreviation, centred.
	f := badgeFace()
	var fb sfnt.Buffer
	s = nil
	size := l.abbrevSize * k
	x := (center - textWidth(l.abbrev, 0)*l.abbrevSize/2) * k
	base := l.abbrevBaseline * k
	for _, ch := range l.abbrev {
		g, adv, ok := f.glyph(&fb, ch)
		if !ok {
			continue
		}
		x0 := x
		gs, err := f.outline(&fb, g, size, func(u, v float64) pt { return pt{x0 + u, base - v} })
		if err != nil {
			return nil, err
		}
		s = append(s, gs...)
		x += adv * size
	}
	cv.fill(s, l.abbrevColor.uniform())

	// Ring texts.
	for _, t := range []ringText{l.top, l.bottom} {
		s, err := arcTextShape(f, &fb, t, c, k)
		if err != nil {
			return nil, err
		}
		cv.fill(s, l.ringColor.uniform())
	}
	img := cv.dst

	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("badge: encode PNG: %w", err)
	}
	return buf.Bytes(), nil
}

// arcTextShape lays t along its arc around c (pixel space, scale k),
// centred on the top or bottom of the ring. Glyphs are bent to the arc.
func arcTextShape(f *face, buf *sfnt.Buffer, t ringText, c pt, k float64) (shape, error) {
	if t.text == "" {
		return nil, nil
	}
	size := t.size * k
	rb := t.radius * k
	total := textWidth(t.text, t.spacing) * size
	var out shape
	pos := -total / 2 // arc length from the centre of the text
	for _, ch := range t.text {
		g, adv, ok := f.glyph(buf, ch)
		if !ok {
			// Keep the space the layout reserved for it.
			pos += (0.6 + t.spacing) * size
			continue
		}
		s0 := pos
		gs, err := f.outline(buf, g, size, func(u, v float64) pt {
			s := s0 + u
			if t.top {
				a := -math.Pi/2 + s/rb
				return pt{c.x + (rb+v)*math.Cos(a), c.y + (rb+v)*math.Sin(a)}
			}
			a := math.Pi/2 - s/rb
			return pt{c.x + (rb-v)*math.Cos(a), c.y + (rb-v)*math.Sin(a)}
		})
		if err != nil {
			return nil, err
		}
		out = append(out, gs...)
		pos += adv*size + t.spacing*size
	}
	return out, nil
}
