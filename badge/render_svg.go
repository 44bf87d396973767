package badge

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/image/font/sfnt"
)

// svgFontFamily lists fonts with Cyrillic (including Kazakh) coverage
// before generic fall-backs; the layout is measured with Noto Sans Bold.
const svgFontFamily = `'Noto Sans','DejaVu Sans','Segoe UI',Roboto,Arial,Helvetica,sans-serif`

// RenderSVG draws the same badge as [RenderPNG] as an SVG document of
// d.Size×d.Size pixels (viewBox 512×512). The abbreviation, issuer and
// title are SVG text (ring texts one rotated character at a time), so any
// script the viewer's fonts cover is shown; the document has a <title> for
// accessibility. Element ids carry a prefix derived from the design, so
// several badges can be inlined in one HTML page.
//
// If d.Image is set, RenderSVG validates it as in RenderPNG and returns
// an SVG that shows it, scaled to fit d.Size×d.Size.
//
// The output is deterministic and ready for [BakeSVG].
func RenderSVG(d Design) ([]byte, error) {
	r, err := d.resolve()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	size := strconv.Itoa(r.size)
	if d.Image != nil {
		if err := checkImage(d.Image); err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="%s" height="%s" viewBox="0 0 %s %s" role="img">`, size, size, size, size)
		writeSVGTitle(&b, r)
		uri := "data:image/png;base64," + base64.StdEncoding.EncodeToString(d.Image)
		fmt.Fprintf(&b, `<image width="%s" height="%s" preserveAspectRatio="xMidYMid meet" href="%s" xlink:href="%s"/>`, size, size, uri, uri)
		b.WriteString("</svg>\n")
		return b.Bytes(), nil
	}

	l := r.artwork()
	id := designID(r)
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="%s" height="%s" viewBox="0 0 512 512" role="img">`, size, size)
	b.WriteString("\n")
	writeSVGTitle(&b, r)
	fmt.Fprintf(&b, `<defs><linearGradient id="%s-g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="%s"/><stop offset="1" stop-color="%s"/></linearGradient>`,
		id, l.primaryTop.hex(), l.primaryBottom.hex())
	b.WriteString("</defs>\n")

	circle := func(r float64, fill string, extra string) {
		fmt.Fprintf(&b, `<circle cx="256" cy="256" r="%s" fill="%s"%s/>`, num(r), fill, extra)
		b.WriteString("\n")
	}
	circle(rOuter, l.accent.hex(), "")
	circle((rOuter+rEdge)/2, "none", fmt.Sprintf(` stroke="%s" stroke-width="%s"`, l.accentEdge.hex(), num(rOuter-rEdge)))
	circle(rBand, fmt.Sprintf("url(#%s-g)", id), "")
	circle(rBand-1.5, "none", fmt.Sprintf(` stroke="%s" stroke-width="3"`, l.accentEdge.hex()))
	circle(rInnerLine, "none", fmt.Sprintf(` stroke="%s" stroke-opacity="%s" stroke-width="2"`, l.innerLine.hex(), num(l.innerLine.a)))

	for _, x := range []float64{center - bandMid, center + bandMid} {
		fmt.Fprintf(&b, `<polygon fill="%s" points="%s"/>`, l.ringColor.hex(), starPoints(pt{x, center}, starSize, -math.Pi/2))
		b.WriteString("\n")
	}

	fmt.Fprintf(&b, `<g font-family="%s" font-weight="700">`, svgFontFamily)
	b.WriteString("\n")
	if l.abbrev != "" {
		fmt.Fprintf(&b, `<text x="256" y="%s" font-size="%s" fill="%s" text-anchor="middle">`,
			num(l.abbrevBaseline), num(l.abbrevSize), l.abbrevColor.hex())
		xml.EscapeText(&b, []byte(l.abbrev))
		b.WriteString("</text>\n")
	}
	for _, t := range []ringText{l.top, l.bottom} {
		writeRingText(&b, t, l.ringColor)
	}
	b.WriteString("</g>\n</svg>\n")
	return b.Bytes(), nil
}

// writeRingText writes a ring text one character at a time, each rotated
// to the arc at the position the embedded font's metrics give it. This
// works in every SVG renderer (librsvg, for one, ignores textPath) and
// degrades gracefully when the viewer's font is wider or narrower.
func writeRingText(b *bytes.Buffer, t ringText, color rgba) {
	if t.text == "" {
		return
	}
	fmt.Fprintf(b, `<g font-size="%s" fill="%s" text-anchor="middle">`, num(t.size), color.hex())
	total := textWidth(t.text, t.spacing) * t.size
	pos := -total / 2
	f := badgeFace()
	var buf sfnt.Buffer
	for _, ch := range t.text {
		w := 0.6
		if _, adv, ok := f.glyph(&buf, ch); ok {
			w = adv
		}
		mid := pos + w*t.size/2
		pos += (w + t.spacing) * t.size
		if unicode.IsSpace(ch) {
			continue
		}
		var a, rot float64
		if t.top {
			a = -math.Pi/2 + mid/t.radius
			rot = a + math.Pi/2
		} else {
			a = math.Pi/2 - mid/t.radius
			rot = a - math.Pi/2
		}
		x, y := center+t.radius*math.Cos(a), center+t.radius*math.Sin(a)
		fmt.Fprintf(b, `<text transform="translate(%s %s) rotate(%s)">`, num(x), num(y), num(rot*180/math.Pi))
		xml.EscapeText(b, []byte(string(ch)))
		b.WriteString("</text>")
	}
	b.WriteString("</g>\n")
}

// writeSVGTitle writes the accessible name: "Title — Issuer".
func writeSVGTitle(b *bytes.Buffer, r resolved) {
	parts := make([]string, 0, 2)
	for _, s := range []string{r.title, r.issuer} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		parts = append(parts, r.abbrev)
	}
	b.WriteString("<title>")
	xml.EscapeText(b, []byte(strings.Join(parts, " — ")))
	b.WriteString("</title>\n")
}

// designID derives a short element-id prefix from the design.
func designID(r resolved) string {
	h := sha256.Sum256(fmt.Appendf(nil, "%d\x00%s\x00%s\x00%s\x00%s\x00%s", r.size, r.abbrev, r.title, r.issuer, r.primary.hex(), r.accent.hex()))
	return "tanu-" + hex.EncodeToString(h[:4])
}

// starPoints formats the vertices of a star for an SVG polygon.
func starPoints(c pt, r, rot float64) string {
	var s shape
	s.star(c, r, rot)
	parts := make([]string, len(s[0]))
	for i, p := range s[0] {
		parts[i] = num(p.x) + "," + num(p.y)
	}
	return strings.Join(parts, " ")
}

// num formats a coordinate with at most two decimals.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	if s == "-0" {
		s = "0"
	}
	return s
}
