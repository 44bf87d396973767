package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTML tables are what many web systems (and Excel's and LibreOffice's
// "Web page" export) save with an .xls name. The largest table of the page
// is read: rows are <tr>, cells <td> and <th>, <br> breaks a line, colspan
// repeats the cell's column as empty. LibreOffice's sdval/sdnum attributes
// give a cell's value and number format, so dates and percents are read as
// values, not as their (locale-dependent) shown text.

// openHTML reads the largest table of an HTML page (already decoded to UTF-8).
func openHTML(text []byte, b *budget) (*typedSource, error) {
	doc, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("parsing HTML: %w", err)
	}
	var best []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Table {
			if rows := tableRows(n); len(rows) > len(best) {
				best = rows
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if len(best) == 0 {
		return nil, errors.New("the page has no table rows")
	}
	src := &typedSource{sheet: "table"}
	for i, tr := range best {
		rec := record{row: i + 1, counted: true}
		var types []bool
		for td := tr.FirstChild; td != nil && len(rec.cells) < b.width; td = td.NextSibling {
			if td.Type != html.ElementNode || (td.DataAtom != atom.Td && td.DataAtom != atom.Th) {
				continue
			}
			c := htmlCell(td)
			span := 1
			if v, err := strconv.Atoi(htmlAttr(td, "colspan")); err == nil && v > 1 {
				span = v
			}
			span = min(span, b.width-len(rec.cells))
			if err := b.take(rec.row, span); err != nil {
				return nil, err
			}
			rec.cells = append(rec.cells, c.text)
			types = append(types, c.float)
			for range span - 1 {
				rec.cells = append(rec.cells, "")
				types = append(types, false)
			}
		}
		src.rows = append(src.rows, rec)
		src.types = append(src.types, types)
	}
	return src, nil
}

// tableRows returns the rows of t, not those of tables nested in it.
func tableRows(t *html.Node) []*html.Node {
	var rows []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				rows = append(rows, c)
			case atom.Thead, atom.Tbody, atom.Tfoot:
				walk(c)
			}
		}
	}
	walk(t)
	return rows
}

// htmlCell reads a cell: its value from LibreOffice's sdval and sdnum when
// they say it is a date, a percent or a number, else its text with runs of
// white space collapsed and <br> as a line break.
func htmlCell(td *html.Node) typedCell {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type == html.ElementNode && c.DataAtom == atom.Br:
				b.WriteString("\x00") // a line break, kept through the collapsing below
			case c.Type == html.ElementNode && c.DataAtom != atom.Table:
				walk(c)
			}
		}
	}
	walk(td)
	lines := strings.Split(b.String(), "\x00")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	shown := strings.Join(lines, "\n")

	val, err := strconv.ParseFloat(htmlAttr(td, "sdval"), 64)
	if err != nil || math.IsNaN(val) || math.IsInf(val, 0) {
		return typedCell{text: shown}
	}
	format := htmlAttr(td, "sdnum") // "1033;0;M/D/YYYY": language; ?; format code
	if i := strings.LastIndexByte(format, ';'); i >= 0 {
		format = format[i+1:]
	} else {
		format = ""
	}
	switch {
	case isDateFormat(0, format):
		if d, ok := serialDate(val, false); ok {
			return typedCell{text: d}
		}
	case strings.Contains(unquoted(format), "%"):
		return typedCell{text: percentText(val)}
	}
	return numberCell(val, shown)
}

func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}
