package badge

import (
	"image"
	"math"
	"strconv"
)

// This file holds a small anti-aliasing polygon rasterizer (the
// signed-area accumulation technique of font-rs) used to draw default
// badges without third-party graphics libraries.

// pt is a point in pixel space, y down.
type pt struct{ x, y float64 }

// shape is a set of closed polygons filled with the non-zero rule.
type shape [][]pt

// flatTolerance is the maximum distance, in pixels, between a curve and
// the polygon that approximates it.
const flatTolerance = 0.1

// circle appends a circle of radius r around c. ccw reverses the
// direction, which cuts a hole when combined with an enclosing circle.
func (s *shape) circle(c pt, r float64, ccw bool) {
	n := max(16, int(math.Ceil(2*math.Pi*r/1.5)))
	poly := make([]pt, n)
	for i := range n {
		a := 2 * math.Pi * float64(i) / float64(n)
		if ccw {
			a = -a
		}
		poly[i] = pt{c.x + r*math.Cos(a), c.y + r*math.Sin(a)}
	}
	*s = append(*s, poly)
}

// star appends a five-pointed star centred at c with outer radius r,
// pointing in direction rot (radians, 0 = right, y down).
func (s *shape) star(c pt, r, rot float64) {
	poly := make([]pt, 10)
	for i := range 10 {
		rr := r
		if i%2 == 1 {
			rr = r * 0.4
		}
		a := rot + float64(i)*math.Pi/5
		poly[i] = pt{c.x + rr*math.Cos(a), c.y + rr*math.Sin(a)}
	}
	*s = append(*s, poly)
}

// glyphShape returns the outline of a glyph path (font units, y up) mapped
// through f, which receives glyph-local coordinates scaled to pixels (u
// along the baseline, v up from it). Curves are flattened in the scaled
// space and long lines split, so a non-linear f (text on an arc) bends
// the outline smoothly.
func glyphShape(path string, scale float64, f func(u, v float64) pt) shape {
	var (
		out   shape
		cur   []pt
		pen   pt // current point in scaled glyph space
		start pt
	)
	emit := func(p pt) {
		// Split long segments so that warping stays smooth.
		const maxSeg = 2.0
		if len(cur) > 0 {
			d := math.Hypot(p.x-pen.x, p.y-pen.y)
			if n := int(d / maxSeg); n > 0 {
				for i := 1; i <= n; i++ {
					t := float64(i) / float64(n+1)
					cur = append(cur, f(pen.x+(p.x-pen.x)*t, pen.y+(p.y-pen.y)*t))
				}
			}
		}
		cur = append(cur, f(p.x, p.y))
		pen = p
	}
	closePoly := func() {
		if len(cur) > 2 {
			out = append(out, cur)
		}
		cur = nil
	}
	toks := pathTokens(path)
	num := func(i int) float64 { return toks[i].v * scale }
	for i := 0; i < len(toks); {
		switch toks[i].cmd {
		case 'M':
			closePoly()
			pen = pt{num(i + 1), num(i + 2)}
			start = pen
			cur = []pt{f(pen.x, pen.y)}
			i += 3
		case 'L':
			emit(pt{num(i + 1), num(i + 2)})
			i += 3
		case 'Q':
			p0, p1, p2 := pen, pt{num(i + 1), num(i + 2)}, pt{num(i + 3), num(i + 4)}
			dd := math.Hypot(p0.x-2*p1.x+p2.x, p0.y-2*p1.y+p2.y)
			n := max(1, int(math.Ceil(math.Sqrt(dd/(8*flatTolerance)))))
			for j := 1; j <= n; j++ {
				t := float64(j) / float64(n)
				mt := 1 - t
				emit(pt{
					mt*mt*p0.x + 2*mt*t*p1.x + t*t*p2.x,
					mt*mt*p0.y + 2*mt*t*p1.y + t*t*p2.y,
				})
			}
			i += 5
		case 'Z':
			if pen != start {
				emit(start)
			}
			closePoly()
			i++
		default:
			i++ // a stray number: skip
		}
	}
	closePoly()
	return out
}

// pathToken is a command letter (v unused) or a number (cmd 0).
type pathToken struct {
	cmd byte
	v   float64
}

// pathTokens splits the generated glyph path syntax: command letters and
// space-separated decimal numbers.
func pathTokens(p string) []pathToken {
	var toks []pathToken
	for i := 0; i < len(p); {
		c := p[i]
		switch {
		case c == ' ':
			i++
		case c == 'M' || c == 'L' || c == 'Q' || c == 'Z':
			toks = append(toks, pathToken{cmd: c})
			i++
		default:
			j := i + 1
			for j < len(p) && (p[j] == '.' || p[j] >= '0' && p[j] <= '9') {
				j++
			}
			v, err := strconv.ParseFloat(p[i:j], 64)
			if err == nil {
				toks = append(toks, pathToken{v: v})
			}
			i = j
		}
	}
	return toks
}

// mask is a coverage buffer in [0, 1] per pixel.
type mask struct {
	w, h int
	a    []float32 // accumulation rows of w+2 entries
}

func newMask(w, h int) *mask { return &mask{w: w, h: h, a: make([]float32, (w+2)*h)} }

// fill rasterizes s into m.
func (m *mask) fill(s shape) {
	for _, poly := range s {
		for i := range poly {
			m.line(poly[i], poly[(i+1)%len(poly)])
		}
	}
}

// line accumulates the signed area contribution of one edge.
func (m *mask) line(p0, p1 pt) {
	if p0.y == p1.y {
		return
	}
	dir := float32(1)
	if p0.y > p1.y {
		dir = -1
		p0, p1 = p1, p0
	}
	dxdy := (p1.x - p0.x) / (p1.y - p0.y)
	x := p0.x
	y0 := int(math.Floor(p0.y))
	if p0.y < 0 {
		x -= p0.y * dxdy
		y0 = 0
	}
	yEnd := min(m.h, int(math.Ceil(p1.y)))
	stride := m.w + 2
	clampX := func(v float64) float64 { return min(max(v, 0), float64(m.w)) }
	for y := y0; y < yEnd; y++ {
		row := m.a[y*stride : (y+1)*stride]
		fy := float64(y)
		dy := min(fy+1, p1.y) - max(fy, p0.y)
		xnext := x + dxdy*dy
		d := float32(dy) * dir
		x0, x1 := clampX(x), clampX(xnext)
		if x0 > x1 {
			x0, x1 = x1, x0
		}
		x0floor := math.Floor(x0)
		x0i := int(x0floor)
		x1ceil := math.Ceil(x1)
		x1i := int(x1ceil)
		if x1i <= x0i+1 {
			xmf := float32(0.5*(x0+x1) - x0floor)
			row[x0i] += d - d*xmf
			row[x0i+1] += d * xmf
		} else {
			s := float32(1 / (x1 - x0))
			x0f := float32(x0 - x0floor)
			a0 := 0.5 * s * (1 - x0f) * (1 - x0f)
			x1f := float32(x1 - x1ceil + 1)
			am := 0.5 * s * x1f * x1f
			row[x0i] += d * a0
			if x1i == x0i+2 {
				row[x0i+1] += d * (1 - a0 - am)
			} else {
				a1 := s * (1.5 - x0f)
				row[x0i+1] += d * (a1 - a0)
				for xi := x0i + 2; xi < x1i-1; xi++ {
					row[xi] += d * s
				}
				a2 := a1 + float32(x1i-x0i-3)*s
				row[x1i-1] += d * (1 - a2 - am)
			}
			row[x1i] += d * am
		}
		x = xnext
	}
}

// paint composites colour c (straight alpha, 0–1 components) through the
// mask onto dst, then clears the mask for reuse. shade, if not nil,
// replaces c per pixel.
func (m *mask) paint(dst *image.RGBA, c rgba, shade func(x, y int) rgba) {
	stride := m.w + 2
	for y := range m.h {
		row := m.a[y*stride : (y+1)*stride]
		var acc float32
		for x := range m.w {
			acc += row[x]
			row[x] = 0
			cov := acc
			if cov < 0 {
				cov = -cov
			}
			if cov > 1 {
				cov = 1
			}
			if cov < 1.0/512 {
				continue
			}
			col := c
			if shade != nil {
				col = shade(x, y)
			}
			blend(dst, x, y, col, float64(cov))
		}
		row[m.w], row[m.w+1] = 0, 0
	}
}

// rgba is a colour with straight (non-premultiplied) alpha, 0–1.
type rgba struct{ r, g, b, a float64 }

// blend draws c over the pixel at x, y with the given coverage.
func blend(dst *image.RGBA, x, y int, c rgba, cov float64) {
	i := dst.PixOffset(x, y)
	p := dst.Pix[i : i+4 : i+4]
	sa := c.a * cov
	inv := 1 - sa
	p[0] = to8(c.r*sa + float64(p[0])/255*inv)
	p[1] = to8(c.g*sa + float64(p[1])/255*inv)
	p[2] = to8(c.b*sa + float64(p[2])/255*inv)
	p[3] = to8(sa + float64(p[3])/255*inv)
}

func to8(v float64) uint8 {
	return uint8(min(max(math.Round(v*255), 0), 255))
}
