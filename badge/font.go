package badge

import (
	"fmt"
	"io/fs"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/tanu-edu/tanu/templates"
)

// fontFile is the badge face: Noto Sans Bold, the subset the certificate
// templates embed (SIL OFL 1.1, see templates/fonts/OFL.txt).
const fontFile = "fonts/NotoSans-Bold.ttf"

// face is the parsed badge font and the metrics the layout needs.
type face struct {
	font *sfnt.Font
	upem fixed.Int26_6 // units per em, as a size that maps one unit to one 26.6 pixel
	cap  float64       // cap height in em
}

// badgeFace parses the embedded font once; the result never changes.
var badgeFace = sync.OnceValue(func() *face {
	b, err := fs.ReadFile(templates.FS, fontFile)
	if err != nil {
		panic(fmt.Sprintf("badge: embedded font: %v", err))
	}
	f, err := sfnt.Parse(b)
	if err != nil {
		panic(fmt.Sprintf("badge: embedded font %s: %v", fontFile, err))
	}
	upem := fixed.I(int(f.UnitsPerEm()))
	m, err := f.Metrics(nil, upem, font.HintingNone)
	if err != nil || m.CapHeight <= 0 {
		panic(fmt.Sprintf("badge: embedded font %s has no cap height: %v", fontFile, err))
	}
	return &face{font: f, upem: upem, cap: float64(m.CapHeight) / float64(upem)}
})

// glyph returns r's glyph and advance width in em; ok is false when the
// font has no glyph for r.
func (f *face) glyph(buf *sfnt.Buffer, r rune) (g sfnt.GlyphIndex, advance float64, ok bool) {
	g, err := f.font.GlyphIndex(buf, r)
	if err != nil || g == 0 {
		return 0, 0, false
	}
	adv, err := f.font.GlyphAdvance(buf, g, f.upem, font.HintingNone)
	if err != nil {
		return 0, 0, false
	}
	return g, float64(adv) / float64(f.upem), true
}

// outline returns glyph g as polygons: the font's outline in em (u along
// the baseline, v up from it) scaled by size and mapped through warp.
// Curves are flattened in the scaled space and long lines split, so a
// non-linear warp (text on an arc) bends the outline smoothly.
func (f *face) outline(buf *sfnt.Buffer, g sfnt.GlyphIndex, size float64, warp func(u, v float64) pt) (shape, error) {
	segs, err := f.font.LoadGlyph(buf, g, f.upem, nil)
	if err != nil {
		return nil, fmt.Errorf("badge: glyph %d: %w", g, err)
	}
	k := size / float64(f.upem)
	// LoadGlyph's y axis points down; v points up.
	at := func(p fixed.Point26_6) pt { return pt{float64(p.X) * k, -float64(p.Y) * k} }
	var (
		out        shape
		cur        []pt
		pen, start pt
	)
	emit := func(p pt) {
		const maxSeg = 2.0 // pixels
		if n := int(dist(pen, p) / maxSeg); n > 0 {
			for i := 1; i <= n; i++ {
				t := float64(i) / float64(n+1)
				cur = append(cur, warp(pen.x+(p.x-pen.x)*t, pen.y+(p.y-pen.y)*t))
			}
		}
		cur = append(cur, warp(p.x, p.y))
		pen = p
	}
	closePoly := func() {
		if len(cur) > 0 && pen != start {
			emit(start)
		}
		if len(cur) > 2 {
			out = append(out, cur)
		}
		cur = nil
	}
	for _, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			closePoly()
			pen = at(s.Args[0])
			start = pen
			cur = []pt{warp(pen.x, pen.y)}
		case sfnt.SegmentOpLineTo:
			emit(at(s.Args[0]))
		case sfnt.SegmentOpQuadTo:
			p0, p1, p2 := pen, at(s.Args[0]), at(s.Args[1])
			n := flatSteps(dist(pt{}, pt{p0.x - 2*p1.x + p2.x, p0.y - 2*p1.y + p2.y}))
			for j := 1; j <= n; j++ {
				t := float64(j) / float64(n)
				mt := 1 - t
				emit(pt{mt*mt*p0.x + 2*mt*t*p1.x + t*t*p2.x, mt*mt*p0.y + 2*mt*t*p1.y + t*t*p2.y})
			}
		case sfnt.SegmentOpCubeTo:
			p0, p1, p2, p3 := pen, at(s.Args[0]), at(s.Args[1]), at(s.Args[2])
			dd := max(dist(pt{}, pt{p0.x - 2*p1.x + p2.x, p0.y - 2*p1.y + p2.y}), dist(pt{}, pt{p1.x - 2*p2.x + p3.x, p1.y - 2*p2.y + p3.y}))
			n := flatSteps(1.5 * dd)
			for j := 1; j <= n; j++ {
				t := float64(j) / float64(n)
				mt := 1 - t
				emit(pt{
					mt*mt*mt*p0.x + 3*mt*mt*t*p1.x + 3*mt*t*t*p2.x + t*t*t*p3.x,
					mt*mt*mt*p0.y + 3*mt*mt*t*p1.y + 3*mt*t*t*p2.y + t*t*t*p3.y,
				})
			}
		}
	}
	closePoly()
	return out, nil
}
