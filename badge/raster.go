package badge

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/vector"
)

// The PNG badge is drawn with golang.org/x/image/vector (anti-aliased
// polygon filling) from the outlines golang.org/x/image/font/sfnt reads
// out of the embedded font. This file holds what is the badge's own: the
// shapes (circles, stars, glyphs bent along an arc) as polygons, and the
// colours.

// pt is a point in pixel space, y down.
type pt struct{ x, y float64 }

func dist(a, b pt) float64 { return math.Hypot(a.x-b.x, a.y-b.y) }

// shape is a set of closed polygons filled with the non-zero rule.
type shape [][]pt

// flatTolerance is the maximum distance, in pixels, between a curve and
// the polygon that approximates it.
const flatTolerance = 0.1

// flatSteps is how many lines approximate a quadratic curve whose second
// difference (p0 − 2p1 + p2) has length dd, within flatTolerance.
func flatSteps(dd float64) int {
	return max(1, int(math.Ceil(math.Sqrt(dd/(8*flatTolerance)))))
}

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

// canvas fills shapes onto an image.
type canvas struct {
	dst *image.RGBA
	z   *vector.Rasterizer
}

func newCanvas(size int) *canvas {
	return &canvas{dst: image.NewRGBA(image.Rect(0, 0, size, size)), z: vector.NewRasterizer(size, size)}
}

// fill composites src over the canvas through s, rasterizing only the
// pixels of s's bounding box. A uniform src takes vector's fast path; any
// other is drawn through a coverage mask.
func (c *canvas) fill(s shape, src image.Image) {
	bb := bounds(s).Intersect(c.dst.Bounds())
	if bb.Empty() {
		return
	}
	c.z.Reset(bb.Dx(), bb.Dy())
	ox, oy := float64(bb.Min.X), float64(bb.Min.Y)
	for _, poly := range s {
		if len(poly) < 3 {
			continue
		}
		c.z.MoveTo(float32(poly[0].x-ox), float32(poly[0].y-oy))
		for _, p := range poly[1:] {
			c.z.LineTo(float32(p.x-ox), float32(p.y-oy))
		}
		c.z.ClosePath()
	}
	if _, ok := src.(*image.Uniform); ok {
		c.z.DrawOp = draw.Over
		c.z.Draw(c.dst, bb, src, bb.Min)
		return
	}
	mask := image.NewAlpha(bb)
	c.z.DrawOp = draw.Src
	c.z.Draw(mask, bb, image.Opaque, image.Point{})
	draw.DrawMask(c.dst, bb, src, bb.Min, mask, bb.Min, draw.Over)
}

// bounds returns the pixels s touches.
func bounds(s shape) image.Rectangle {
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, poly := range s {
		for _, p := range poly {
			x0, y0, x1, y1 = min(x0, p.x), min(y0, p.y), max(x1, p.x), max(y1, p.y)
		}
	}
	if x0 > x1 {
		return image.Rectangle{}
	}
	return image.Rect(int(math.Floor(x0)), int(math.Floor(y0)), int(math.Ceil(x1))+1, int(math.Ceil(y1))+1)
}

// rgba is a colour with straight (non-premultiplied) alpha, 0–1.
type rgba struct{ r, g, b, a float64 }

// nrgba converts c for image/draw.
func (c rgba) nrgba() color.NRGBA { return color.NRGBA{to8(c.r), to8(c.g), to8(c.b), to8(c.a)} }

// uniform is c as a source image.
func (c rgba) uniform() image.Image { return image.NewUniform(c.nrgba()) }

func to8(v float64) uint8 {
	return uint8(min(max(math.Round(v*255), 0), 255))
}

// vGradient returns a size×size image running from top at row y0 to
// bottom at row y1 (clamped), as image/draw composites fastest.
func vGradient(size int, top, bottom rgba, y0, y1 float64) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	for y := range size {
		t := min(max((float64(y)+0.5-y0)/(y1-y0), 0), 1)
		c := color.RGBAModel.Convert(top.mix(bottom, t).nrgba()).(color.RGBA)
		row := img.Pix[y*img.Stride : y*img.Stride+4*size]
		for x := 0; x < len(row); x += 4 {
			row[x], row[x+1], row[x+2], row[x+3] = c.R, c.G, c.B, c.A
		}
	}
	return img
}
