// Package bombs builds hostile spreadsheets for the importer's limits: small
// files that expand into millions of cells (repeated ODS rows and columns,
// XLS and XLSX cells at the last column, CSV rows of separators, HTML pages
// of empty cells) and cells that weigh kilobytes each. The tests of package
// sheet and batch read them under a deadline and a heap limit;
// ./measure prints the time and memory one read takes.
package bombs

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"unicode/utf16"
)

// Header is the staff-list and cohort header every bomb starts with (it is
// recognised by both kinds of import).
var Header = []string{"student_id", "family_name", "given_name", "department", "position", "date_from", "date_to"}

// All lists the bombs by name.
var All = map[string]func() []byte{
	"ods":      ODS,
	"xls":      XLS,
	"xlsx":     XLSX,
	"csv":      CSV,
	"html":     HTML,
	"xls-long": XLSLong,
}

// ODS is an OpenDocument spreadsheet of a few hundred bytes: a header row,
// then one row of 16,384 repeated cells repeated 1,048,576 times (17
// billion cells).
func ODS() []byte {
	var b strings.Builder
	b.WriteString(`<table:table table:name="Bomb"><table:table-row>`)
	for _, h := range Header {
		fmt.Fprintf(&b, `<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>`, h)
	}
	b.WriteString(`</table:table-row><table:table-row table:number-rows-repeated="1048576">` +
		`<table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell>` +
		`</table:table-row></table:table>`)
	return ODSFile(b.String())
}

// ODSFile zips an OpenDocument spreadsheet whose content.xml holds body
// inside office:spreadsheet.
func ODSFile(body string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	w, _ = zw.Create("content.xml")
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
<office:body><office:spreadsheet>` + body + `</office:spreadsheet></office:body></office:document-content>`))
	zw.Close()
	return buf.Bytes()
}

// XLSXRows is how many rows the XLSX bomb has.
const XLSXRows = 20000

// XLSX is a workbook of XLSXRows rows, each with a staff id and one value in
// the last column (XFD): every row reads 16,384 cells wide.
func XLSX() []byte {
	var sh strings.Builder
	sh.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">`)
	for i, h := range Header {
		fmt.Fprintf(&sh, `<c r="%c1" t="inlineStr"><is><t>%s</t></is></c>`, 'A'+i, h)
	}
	sh.WriteString(`</row>`)
	for r := 2; r <= XLSXRows+1; r++ {
		fmt.Fprintf(&sh, `<row r="%d"><c r="A%d"><v>%d</v></c><c r="XFD%d"><v>1</v></c></row>`, r, r, r, r)
	}
	sh.WriteString(`</sheetData></worksheet>`)
	return XLSXFile(sh.String())
}

// XLSXFile zips a workbook whose only worksheet is the given XML.
func XLSXFile(sheetXML string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Bomb" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", sheetXML},
	} {
		w, _ := zw.Create(f[0])
		w.Write([]byte(f[1]))
	}
	zw.Close()
	return buf.Bytes()
}

// CSV is a text file whose 70 data rows each hold 200,000 separators.
func CSV() []byte {
	var b bytes.Buffer
	b.WriteString(strings.Join(Header, ",") + "\n")
	sep := bytes.Repeat([]byte{','}, 200_000)
	for i := range 70 {
		fmt.Fprintf(&b, "S%d", i)
		b.Write(sep)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// HTML is a page whose table holds 4 million empty cells (16 MB of <td>).
func HTML() []byte {
	var b bytes.Buffer
	b.WriteString("<html><body><table><tr>")
	for _, h := range Header {
		b.WriteString("<td>" + h)
	}
	row := "<tr><td>S1" + strings.Repeat("<td>", 16383)
	for range 245 {
		b.WriteString(row)
	}
	b.WriteString("</table></body></html>")
	return b.Bytes()
}

// XLSRows is how many data rows the XLS bombs have.
const XLSRows = 3000

// XLS is an Excel 97–2003 workbook whose XLSRows rows each hold a staff id
// and a number in the last column (IV... beyond: column 16,384).
func XLS() []byte {
	var cells []byte
	for r := 1; r <= XLSRows; r++ {
		cells = append(cells, biffRec(0x027E, rkCell(r, 0, r))...)     // RK: the id as a number
		cells = append(cells, biffRec(0x027E, rkCell(r, 16383, 1))...) // RK at the last column
	}
	return XLSFile(Header, nil, cells)
}

// XLSLong is an Excel 97–2003 workbook of a few kilobytes whose XLSRows
// rows each show one 8,000-character shared string (a formula) in all
// seven columns: 168 MB of rejected cells.
func XLSLong() []byte { return XLSLongWith(Header) }

// XLSLongWith is XLSLong with another header.
func XLSLongWith(header []string) []byte {
	long := strings.Repeat("=cmd|' /C calc'!A0 ", 8000/19+1)[:8000]
	var cells []byte
	for r := 1; r <= XLSRows; r++ {
		for c := range header {
			d := make([]byte, 10)
			binary.LittleEndian.PutUint16(d, uint16(r))
			binary.LittleEndian.PutUint16(d[2:], uint16(c))
			binary.LittleEndian.PutUint32(d[6:], uint32(len(header))) // the long string
			cells = append(cells, biffRec(0x00FD, d)...)
		}
	}
	return XLSFile(header, []string{long}, cells)
}

func rkCell(row, col, v int) []byte {
	d := make([]byte, 10)
	binary.LittleEndian.PutUint16(d, uint16(row))
	binary.LittleEndian.PutUint16(d[2:], uint16(col))
	binary.LittleEndian.PutUint32(d[6:], uint32(v)<<2|2) // an integer RK
	return d
}

func biffRec(typ uint16, data []byte) []byte {
	out := make([]byte, 4, 4+len(data))
	binary.LittleEndian.PutUint16(out, typ)
	binary.LittleEndian.PutUint16(out[2:], uint16(len(data)))
	return append(out, data...)
}

// XLSFile builds a BIFF8 workbook with one worksheet: the header in row 1
// (the first shared strings), extra shared strings after them, and the
// given cell records.
func XLSFile(header, extra []string, cells []byte) []byte {
	strs := append(append([]string(nil), header...), extra...)
	var sst []byte
	sst = binary.LittleEndian.AppendUint32(sst, uint32(len(strs)))
	sst = binary.LittleEndian.AppendUint32(sst, uint32(len(strs)))
	var recs [][]byte // SST and its CONTINUE records
	cur := sst
	for _, s := range strs {
		u := utf16.Encode([]rune(s))
		if len(cur)+3 > 8224 {
			recs, cur = append(recs, cur), nil
		}
		cur = binary.LittleEndian.AppendUint16(cur, uint16(len(u)))
		cur = append(cur, 1) // UTF-16
		for _, c := range u {
			if len(cur)+2 > 8224 {
				recs, cur = append(recs, cur), []byte{1}
			}
			cur = binary.LittleEndian.AppendUint16(cur, c)
		}
	}
	recs = append(recs, cur)
	var sstRecs []byte
	for i, r := range recs {
		typ := uint16(0x003C)
		if i == 0 {
			typ = 0x00FC
		}
		sstRecs = append(sstRecs, biffRec(typ, r)...)
	}
	bof := func(dt uint16) []byte {
		d := make([]byte, 16)
		binary.LittleEndian.PutUint16(d, 0x0600)
		binary.LittleEndian.PutUint16(d[2:], dt)
		return biffRec(0x0809, d)
	}
	name := "Bomb"
	bound := func(pos int) []byte {
		d := make([]byte, 8+len(name))
		binary.LittleEndian.PutUint32(d, uint32(pos))
		d[6] = byte(len(name))
		copy(d[8:], name)
		return biffRec(0x0085, d)
	}
	globalsLen := len(bof(5)) + len(bound(0)) + len(sstRecs) + 4
	var s []byte
	s = append(s, bof(5)...)
	s = append(s, bound(globalsLen)...)
	s = append(s, sstRecs...)
	s = append(s, biffRec(0x000A, nil)...)
	s = append(s, bof(0x10)...)
	for c := range header {
		d := make([]byte, 10)
		binary.LittleEndian.PutUint16(d[2:], uint16(c))
		binary.LittleEndian.PutUint32(d[6:], uint32(c))
		s = append(s, biffRec(0x00FD, d)...)
	}
	s = append(s, cells...)
	s = append(s, biffRec(0x000A, nil)...)
	return compoundFile("Workbook", s)
}

// compoundFile wraps one stream in an OLE compound file (version 3, 512-byte
// sectors, no mini stream: the stream is padded to 4,096 bytes).
func compoundFile(name string, stream []byte) []byte {
	const (
		sec    = 512
		free   = 0xFFFFFFFF
		end    = 0xFFFFFFFE
		fatSec = 0xFFFFFFFD
		noStr  = 0xFFFFFFFF
	)
	for len(stream) < 4096 {
		stream = append(stream, 0)
	}
	size := len(stream)
	if r := len(stream) % sec; r != 0 {
		stream = append(stream, make([]byte, sec-r)...)
	}
	data := len(stream) / sec
	fats := 1
	for (fats+1+data+127)/128 > fats {
		fats++
	}
	if fats > 109 {
		panic("bombs: stream too large for a header-only DIFAT")
	}
	dir := fats
	first := fats + 1
	fat := make([]uint32, fats*128)
	for i := range fat {
		fat[i] = free
	}
	for i := range fats {
		fat[i] = fatSec
	}
	fat[dir] = end
	for i := range data {
		fat[first+i] = uint32(first + i + 1)
	}
	fat[first+data-1] = end

	h := make([]byte, sec)
	copy(h, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
	le := binary.LittleEndian
	le.PutUint16(h[24:], 0x3E)
	le.PutUint16(h[26:], 3)
	le.PutUint16(h[28:], 0xFFFE)
	le.PutUint16(h[30:], 9)
	le.PutUint16(h[32:], 6)
	le.PutUint32(h[44:], uint32(fats))
	le.PutUint32(h[48:], uint32(dir))
	le.PutUint32(h[56:], 4096)
	le.PutUint32(h[60:], end)
	le.PutUint32(h[68:], end)
	for i := range 109 {
		v := uint32(free)
		if i < fats {
			v = uint32(i)
		}
		le.PutUint32(h[76+4*i:], v)
	}
	out := h
	for _, v := range fat {
		out = le.AppendUint32(out, v)
	}
	entry := func(name string, typ byte, child, start uint32, size int) []byte {
		e := make([]byte, 128)
		u := utf16.Encode([]rune(name))
		for i, c := range u {
			le.PutUint16(e[2*i:], c)
		}
		if name != "" {
			le.PutUint16(e[64:], uint16(2*len(u)+2))
		}
		e[66], e[67] = typ, 1
		le.PutUint32(e[68:], noStr)
		le.PutUint32(e[72:], noStr)
		le.PutUint32(e[76:], child)
		le.PutUint32(e[116:], start)
		le.PutUint32(e[120:], uint32(size))
		return e
	}
	out = append(out, entry("Root Entry", 5, 1, end, 0)...)
	out = append(out, entry(name, 2, noStr, uint32(first), size)...)
	out = append(out, entry("", 0, noStr, 0, 0)...)
	out = append(out, entry("", 0, noStr, 0, 0)...)
	return append(out, stream...)
}
