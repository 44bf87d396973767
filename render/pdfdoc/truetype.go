package pdfdoc

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"unicode/utf16"
)

// face is a TrueType font parsed once: everything a document needs to
// measure text, map runes to glyphs and cut a subset, without touching the
// font bytes again beyond copying glyph outlines.
type face struct {
	data   []byte
	tables map[string][]byte // slices of data
	order  []string          // tags of the tables a subset keeps, sorted

	numGlyphs   int
	numHMetrics int
	loca        []uint32   // numGlyphs+1 offsets into glyf
	parts       [][]uint16 // components of composite glyphs, by glyph id
	adv         []uint16   // advance width by glyph id, in 1/1000 em, rounded
	runes       []uint16   // glyph id by rune, for runes below len(runes)

	psName    string
	unitsEm   float64
	ascent    float64 // hhea ascender / unitsPerEm
	descent   float64 // -hhea descender / unitsPerEm
	capHeight float64 // OS/2 sCapHeight / unitsPerEm, or ascent
	bbox      [4]int  // head xMin yMin xMax yMax, in 1/1000 em
	italic    float64 // post italicAngle, degrees
	weight    int     // OS/2 usWeightClass
}

// gid returns the glyph for r, 0 (.notdef) when the font has none.
func (f *face) gid(r rune) uint16 {
	if r >= 0 && int(r) < len(f.runes) {
		return f.runes[r]
	}
	return 0
}

// width returns the advance of r in thousandths of the em.
func (f *face) width(r rune) uint16 { return f.adv[f.gid(r)] }

// subsetTables are the tables kept in a subset: those a TrueType font
// program embedded in a PDF needs (ISO 32000-1, 9.9), plus cmap, name,
// post and OS/2, which the PDF does not use (it addresses glyphs by id) but
// which some printers and font sanitizers expect. Layout tables (GSUB,
// GPOS, kern, …) are dropped: glyphs are placed one by one.
var subsetTables = []string{"OS/2", "cmap", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post", "prep"}

// parseFace reads the tables of a TrueType font and checks them enough that
// cutting a subset from it later cannot fail. Without needCmap a font with
// no Unicode cmap is accepted (a subset cut by tanu has none).
func parseFace(b []byte, needCmap bool) (*face, error) {
	if len(b) < 12 {
		return nil, errors.New("truncated font")
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	f := &face{data: b, tables: map[string][]byte{}}
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(b) {
			return nil, errors.New("truncated table directory")
		}
		tag := string(b[rec : rec+4])
		off := int(binary.BigEndian.Uint32(b[rec+8:]))
		ln := int(binary.BigEndian.Uint32(b[rec+12:]))
		if off < 0 || ln < 0 || off+ln > len(b) {
			return nil, fmt.Errorf("table %q out of range", tag)
		}
		f.tables[tag] = b[off : off+ln]
	}
	for _, t := range []string{"head", "hhea", "hmtx", "maxp", "glyf", "loca"} {
		if f.tables[t] == nil {
			return nil, fmt.Errorf("missing %q table", t)
		}
	}
	for _, t := range subsetTables {
		if f.tables[t] != nil {
			f.order = append(f.order, t)
		}
	}
	slices.Sort(f.order) // the table directory is sorted by tag
	head, hhea, hmtx, maxp := f.tables["head"], f.tables["hhea"], f.tables["hmtx"], f.tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, errors.New("truncated head, hhea or maxp table")
	}
	u16 := func(t []byte, off int) int { return int(binary.BigEndian.Uint16(t[off:])) }
	i16 := func(t []byte, off int) int { return int(int16(binary.BigEndian.Uint16(t[off:]))) }
	f.unitsEm = float64(u16(head, 18))
	if f.unitsEm == 0 {
		return nil, errors.New("unitsPerEm is 0")
	}
	em := func(v int) int { return int(math.Round(1000 * float64(v) / f.unitsEm)) }
	f.bbox = [4]int{em(i16(head, 36)), em(i16(head, 38)), em(i16(head, 40)), em(i16(head, 42))}
	f.ascent = float64(i16(hhea, 4)) / f.unitsEm
	f.descent = -float64(i16(hhea, 6)) / f.unitsEm
	f.capHeight = f.ascent
	if os2 := f.tables["OS/2"]; len(os2) >= 6 {
		f.weight = u16(os2, 4)
		if len(os2) >= 90 && u16(os2, 0) >= 2 {
			f.capHeight = float64(i16(os2, 88)) / f.unitsEm
		}
	}
	if post := f.tables["post"]; len(post) >= 8 {
		f.italic = float64(int32(binary.BigEndian.Uint32(post[4:]))) / 65536
	}

	f.numGlyphs = u16(maxp, 4)
	f.numHMetrics = u16(hhea, 34)
	if f.numGlyphs == 0 || f.numHMetrics == 0 || f.numHMetrics > f.numGlyphs || len(hmtx) < 4*f.numHMetrics+2*(f.numGlyphs-f.numHMetrics) {
		return nil, errors.New("bad hmtx table")
	}
	f.adv = make([]uint16, f.numGlyphs)
	for g := range f.adv {
		h := min(g, f.numHMetrics-1)
		f.adv[g] = uint16(math.Round(1000 * float64(u16(hmtx, 4*h)) / f.unitsEm))
	}

	if err := f.parseGlyphs(i16(head, 50)); err != nil {
		return nil, err
	}
	if needCmap {
		if err := f.parseCmap(); err != nil {
			return nil, err
		}
	}
	f.psName = postScriptName(f.tables["name"])
	return f, nil
}

// parseGlyphs reads loca and finds the components of composite glyphs, so
// a subset can include what a composite glyph (Й = И + breve) refers to.
func (f *face) parseGlyphs(locFormat int) error {
	loca, glyf := f.tables["loca"], f.tables["glyf"]
	f.loca = make([]uint32, f.numGlyphs+1)
	switch locFormat {
	case 0:
		if len(loca) < 2*(f.numGlyphs+1) {
			return errors.New("truncated loca table")
		}
		for i := range f.loca {
			f.loca[i] = 2 * uint32(binary.BigEndian.Uint16(loca[2*i:]))
		}
	case 1:
		if len(loca) < 4*(f.numGlyphs+1) {
			return errors.New("truncated loca table")
		}
		for i := range f.loca {
			f.loca[i] = binary.BigEndian.Uint32(loca[4*i:])
		}
	default:
		return fmt.Errorf("unknown loca format %d", locFormat)
	}
	f.parts = make([][]uint16, f.numGlyphs)
	for g := 0; g < f.numGlyphs; g++ {
		start, end := f.loca[g], f.loca[g+1]
		if start > end || int(end) > len(glyf) {
			return fmt.Errorf("glyph %d out of range of the glyf table", g)
		}
		if end-start < 10 || int16(binary.BigEndian.Uint16(glyf[start:])) >= 0 {
			continue // empty or simple glyph
		}
		gl := glyf[start:end]
		for p := 10; ; {
			if p+4 > len(gl) {
				return fmt.Errorf("glyph %d: truncated composite", g)
			}
			flags := binary.BigEndian.Uint16(gl[p:])
			c := binary.BigEndian.Uint16(gl[p+2:])
			if int(c) >= f.numGlyphs {
				return fmt.Errorf("glyph %d: component %d out of range", g, c)
			}
			f.parts[g] = append(f.parts[g], c)
			p += 4
			if flags&0x0001 != 0 { // ARG_1_AND_2_ARE_WORDS
				p += 4
			} else {
				p += 2
			}
			switch {
			case flags&0x0008 != 0: // WE_HAVE_A_SCALE
				p += 2
			case flags&0x0040 != 0: // WE_HAVE_AN_X_AND_Y_SCALE
				p += 4
			case flags&0x0080 != 0: // WE_HAVE_A_TWO_BY_TWO
				p += 8
			}
			if flags&0x0020 == 0 { // MORE_COMPONENTS
				break
			}
		}
	}
	return nil
}

// parseCmap reads the Unicode BMP subtable (format 4, platform 3/1 or 0/x).
func (f *face) parseCmap() error {
	c := f.tables["cmap"]
	if c == nil {
		return errors.New(`missing "cmap" table`)
	}
	if len(c) < 4 {
		return errors.New("truncated cmap")
	}
	var sub []byte
	n := int(binary.BigEndian.Uint16(c[2:]))
	for i := 0; i < n && sub == nil; i++ {
		rec := 4 + 8*i
		if rec+8 > len(c) {
			break
		}
		pid, eid := binary.BigEndian.Uint16(c[rec:]), binary.BigEndian.Uint16(c[rec+2:])
		off := int(binary.BigEndian.Uint32(c[rec+4:]))
		if !(pid == 3 && eid == 1) && pid != 0 {
			continue
		}
		if off+4 > len(c) || binary.BigEndian.Uint16(c[off:]) != 4 {
			continue
		}
		ln := int(binary.BigEndian.Uint16(c[off+2:]))
		if off+ln > len(c) {
			return errors.New("truncated cmap subtable")
		}
		sub = c[off : off+ln]
	}
	if sub == nil {
		return errors.New("no Unicode BMP (format 4) cmap")
	}
	if len(sub) < 14 {
		return errors.New("truncated cmap format 4")
	}
	segs := int(binary.BigEndian.Uint16(sub[6:])) / 2
	ends, starts := 14, 16+2*segs
	deltas, ranges := starts+2*segs, starts+4*segs
	if ranges+2*segs > len(sub) {
		return errors.New("truncated cmap format 4 segments")
	}
	u16 := func(off int) int { return int(binary.BigEndian.Uint16(sub[off:])) }
	for i := 0; i < segs; i++ {
		end, start := u16(ends+2*i), u16(starts+2*i)
		delta, ro := u16(deltas+2*i), u16(ranges+2*i)
		if start == 0xFFFF {
			continue
		}
		for r := start; r <= end; r++ {
			var gid int
			if ro == 0 {
				gid = (r + delta) & 0xFFFF
			} else {
				off := ranges + 2*i + ro + 2*(r-start)
				if off+2 > len(sub) {
					continue
				}
				if gid = u16(off); gid != 0 {
					gid = (gid + delta) & 0xFFFF
				}
			}
			if gid == 0 || gid >= f.numGlyphs {
				continue
			}
			if r >= len(f.runes) {
				f.runes = append(f.runes, make([]uint16, r+1-len(f.runes))...)
			}
			f.runes[r] = uint16(gid)
		}
	}
	return nil
}

// postScriptName returns name ID 6 from the name table, reduced to the
// characters a PDF name may hold without escapes, or "" if there is none.
func postScriptName(t []byte) string {
	if len(t) < 6 {
		return ""
	}
	count := int(binary.BigEndian.Uint16(t[2:]))
	strs := int(binary.BigEndian.Uint16(t[4:]))
	for i := 0; i < count; i++ {
		rec := 6 + 12*i
		if rec+12 > len(t) {
			break
		}
		pid := binary.BigEndian.Uint16(t[rec:])
		nid := binary.BigEndian.Uint16(t[rec+6:])
		ln := int(binary.BigEndian.Uint16(t[rec+8:]))
		off := strs + int(binary.BigEndian.Uint16(t[rec+10:]))
		if nid != 6 || off+ln > len(t) {
			continue
		}
		raw := t[off : off+ln]
		var s []rune
		if pid == 3 || pid == 0 {
			u := make([]uint16, len(raw)/2)
			for j := range u {
				u[j] = binary.BigEndian.Uint16(raw[2*j:])
			}
			s = utf16.Decode(u)
		} else {
			s = []rune(string(raw))
		}
		out := make([]byte, 0, len(s))
		for _, r := range s {
			if r > ' ' && r < 127 && !slices.Contains([]rune("()<>[]{}/%#"), r) {
				out = append(out, byte(r))
			}
		}
		if len(out) > 0 {
			return string(out)
		}
	}
	return ""
}

// subset returns a TrueType font program holding only the glyphs marked in
// used (plus .notdef and the components of composite glyphs). Glyph ids are
// kept, so the PDF can map CIDs to glyphs with /Identity; glyphs not used are
// left empty.
func (f *face) subset(used []bool) []byte {
	// Close over composite glyphs' components (they can nest).
	stack := make([]uint16, 0, 16)
	for g, u := range used {
		if u && f.parts[g] != nil {
			stack = append(stack, uint16(g))
		}
	}
	for len(stack) > 0 {
		g := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, c := range f.parts[g] {
			if !used[c] {
				used[c] = true
				stack = append(stack, c)
			}
		}
	}
	used[0] = true
	// Every glyph keeps its slot (unused ones empty), so the kept cmap never
	// points past the end of the font.
	num := f.numGlyphs
	glyfSrc := f.tables["glyf"]
	size := 0
	for g := 0; g < num; g++ {
		if used[g] {
			size += int(f.loca[g+1]-f.loca[g]+3) &^ 3
		}
	}
	glyf := make([]byte, 0, size)
	loca := make([]byte, 4*(num+1))
	for g := 0; g < num; g++ {
		binary.BigEndian.PutUint32(loca[4*g:], uint32(len(glyf)))
		if used[g] {
			glyf = append(glyf, glyfSrc[f.loca[g]:f.loca[g+1]]...)
			for len(glyf)%4 != 0 {
				glyf = append(glyf, 0)
			}
		}
	}
	binary.BigEndian.PutUint32(loca[4*num:], uint32(len(glyf)))

	nh := min(f.numHMetrics, num)
	hmtx := f.tables["hmtx"][:4*nh+2*(num-nh)]
	head := append([]byte(nil), f.tables["head"]...)
	binary.BigEndian.PutUint32(head[8:], 0)  // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(head[50:], 1) // long loca offsets
	hhea := append([]byte(nil), f.tables["hhea"]...)
	binary.BigEndian.PutUint16(hhea[34:], uint16(nh))
	maxp := append([]byte(nil), f.tables["maxp"]...)
	binary.BigEndian.PutUint16(maxp[4:], uint16(num))

	data := make(map[string][]byte, len(f.order))
	for _, t := range f.order {
		data[t] = f.tables[t]
	}
	data["glyf"], data["loca"], data["hmtx"] = glyf, loca, hmtx
	data["head"], data["hhea"], data["maxp"] = head, hhea, maxp
	return assemble(f.order, data)
}

// assemble writes a TrueType file from its tables (tags sorted), with
// checksums and head.checkSumAdjustment filled in.
func assemble(tags []string, data map[string][]byte) []byte {
	n := len(tags)
	total := 12 + 16*n
	for _, t := range tags {
		total += (len(data[t]) + 3) &^ 3
	}
	out := make([]byte, 12+16*n, total)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	binary.BigEndian.PutUint16(out[6:], uint16(16<<es))
	binary.BigEndian.PutUint16(out[8:], uint16(es))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16<<es))
	headAt := -1
	for i, t := range tags {
		d := data[t]
		rec := out[12+16*i:]
		copy(rec, t)
		binary.BigEndian.PutUint32(rec[4:], checksum(d))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(d)))
		if t == "head" {
			headAt = len(out)
		}
		out = append(out, d...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

// checksum is the TrueType table checksum: the sum of big-endian uint32s,
// the last one zero-padded.
func checksum(b []byte) uint32 {
	var s uint32
	for len(b) >= 4 {
		s += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var t [4]byte
		copy(t[:], b)
		s += binary.BigEndian.Uint32(t[:])
	}
	return s
}
