package pdfdoc

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// metrics are the advance widths of a TrueType font, read once so that
// measuring text never touches the PDF library. Widths are in thousandths of
// the em, rounded as the PDF font's /W array is, so measured and printed
// positions agree.
type metrics struct {
	widths  []uint16 // by rune, for runes below len(widths); 0 = not mapped
	missing uint16   // width of .notdef
	ascent  float64  // hhea ascender / unitsPerEm
	descent float64  // -hhea descender / unitsPerEm
}

// width returns the advance of r in thousandths of the em.
func (m *metrics) width(r rune) uint16 {
	if r >= 0 && int(r) < len(m.widths) {
		if w := m.widths[r]; w != 0 {
			return w
		}
	}
	return m.missing
}

// has reports whether the font maps r to a glyph.
func (m *metrics) has(r rune) bool { return r >= 0 && int(r) < len(m.widths) && m.widths[r] != 0 }

// parseMetrics reads head, hhea, hmtx and the Unicode BMP cmap (format 4).
func parseMetrics(b []byte) (*metrics, error) {
	if len(b) < 12 {
		return nil, errors.New("truncated font")
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	tables := map[string][]byte{}
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
		tables[tag] = b[off : off+ln]
	}
	for _, t := range []string{"head", "hhea", "hmtx", "cmap", "glyf", "loca"} {
		if tables[t] == nil {
			return nil, fmt.Errorf("missing %q table", t)
		}
	}
	head, hhea, hmtx := tables["head"], tables["hhea"], tables["hmtx"]
	if len(head) < 54 || len(hhea) < 36 {
		return nil, errors.New("truncated head or hhea table")
	}
	upm := float64(binary.BigEndian.Uint16(head[18:]))
	if upm == 0 {
		return nil, errors.New("unitsPerEm is 0")
	}
	nh := int(binary.BigEndian.Uint16(hhea[34:]))
	if nh == 0 || len(hmtx) < 4*nh {
		return nil, errors.New("bad hmtx table")
	}
	adv := func(gid int) uint16 {
		if gid >= nh {
			gid = nh - 1
		}
		w := float64(binary.BigEndian.Uint16(hmtx[4*gid:]))
		return uint16(math.Round(1000 * w / upm))
	}
	m := &metrics{
		missing: adv(0),
		ascent:  float64(int16(binary.BigEndian.Uint16(hhea[4:]))) / upm,
		descent: -float64(int16(binary.BigEndian.Uint16(hhea[6:]))) / upm,
	}
	sub, err := cmap4(tables["cmap"])
	if err != nil {
		return nil, err
	}
	err = eachMapping(sub, func(r rune, gid int) {
		if gid == 0 {
			return
		}
		if int(r) >= len(m.widths) {
			m.widths = append(m.widths, make([]uint16, int(r)+1-len(m.widths))...)
		}
		w := adv(gid)
		if w == 0 {
			w = 1 // zero-width glyphs still count as mapped
		}
		m.widths[r] = w
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// cmap4 returns the format 4 subtable for Unicode BMP (platform 3/1 or 0/x).
func cmap4(c []byte) ([]byte, error) {
	if len(c) < 4 {
		return nil, errors.New("truncated cmap")
	}
	n := int(binary.BigEndian.Uint16(c[2:]))
	for i := 0; i < n; i++ {
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
			return nil, errors.New("truncated cmap subtable")
		}
		return c[off : off+ln], nil
	}
	return nil, errors.New("no Unicode BMP (format 4) cmap")
}

func eachMapping(s []byte, fn func(r rune, gid int)) error {
	if len(s) < 14 {
		return errors.New("truncated cmap format 4")
	}
	segs := int(binary.BigEndian.Uint16(s[6:])) / 2
	ends, starts := 14, 16+2*segs
	deltas, ranges := starts+2*segs, starts+4*segs
	if ranges+2*segs > len(s) {
		return errors.New("truncated cmap format 4 segments")
	}
	u16 := func(off int) int { return int(binary.BigEndian.Uint16(s[off:])) }
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
				if off+2 > len(s) {
					continue
				}
				if gid = u16(off); gid != 0 {
					gid = (gid + delta) & 0xFFFF
				}
			}
			fn(rune(r), gid)
		}
	}
	return nil
}
