package verifier

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf16"
)

// Budgets for reading a certificate PDF. tanu's own certificates weigh
// about 40 KB in some 40 objects; every limit is far above that and far
// below what would let a crafted file cost noticeable CPU or memory.
const (
	// MaxPDFBytes is the largest PDF accepted for verification.
	MaxPDFBytes = 2 << 20
	// maxPDFObjects bounds the "obj" markers read from a PDF.
	maxPDFObjects = 2000
	// maxDictBytes bounds an object's dictionary text.
	maxDictBytes = 16 << 10
	// maxInflated bounds one decompressed stream; maxInflatedTotal all of
	// them together.
	maxInflated      = 1 << 20
	maxInflatedTotal = 4 << 20
	// maxContentTokens bounds the tokens read from all content streams.
	maxContentTokens = 1 << 20
	// maxTextRuns bounds the text-showing operations read.
	maxTextRuns = 5000
	// maxLinks bounds the link annotations read; maxPages the pages.
	maxLinks = 64
	maxPages = 16
)

// IsPDF reports whether b starts like a PDF file.
func IsPDF(b []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeft(b, "\x00\t\r\n "), []byte("%PDF-"))
}

// errPDFBudget marks a PDF beyond the limits for a certificate.
var errPDFBudget = errors.New("the PDF exceeds the limits for a certificate")

// pdfObject is one indirect object: its dictionary and, for a stream, the
// stream's raw bytes.
type pdfObject struct {
	dict   pdfDict
	stream []byte
	isStrm bool
}

// pdfFile is the objects of a PDF, read in one forward pass.
type pdfFile struct {
	objs  map[int]*pdfObject
	order []int
	// revised is set when an object is defined twice or the file has more
	// than one trailer: it was edited after it was written.
	revised bool
}

// readPDF reads the indirect objects of b in one forward pass: each
// object's dictionary within maxDictBytes, each stream by its /Length (or,
// failing that, up to the next endstream), never searching the same bytes
// twice. It stops past maxPDFObjects markers and checks ctx as it goes.
func readPDF(ctx context.Context, b []byte) (*pdfFile, error) {
	if len(b) > MaxPDFBytes {
		return nil, fmt.Errorf("%w: %d bytes, more than %d", errPDFBudget, len(b), MaxPDFBytes)
	}
	f := &pdfFile{objs: map[int]*pdfObject{}}
	markers := 0
	for pos := 0; pos < len(b); {
		i := bytes.Index(b[pos:], []byte("obj"))
		if i < 0 {
			break
		}
		at := pos + i
		pos = at + 3
		if markers++; markers > maxPDFObjects {
			return nil, fmt.Errorf("%w: more than %d objects", errPDFBudget, maxPDFObjects)
		}
		if markers%32 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		num, ok := objHeader(b, at)
		if !ok {
			continue
		}
		win := b[pos:min(len(b), pos+maxDictBytes)]
		end := bytes.Index(win, []byte("endobj"))
		st := bytes.Index(win, []byte("stream"))
		o := &pdfObject{}
		var dictText []byte
		switch {
		case st >= 0 && (end < 0 || st < end):
			dictText, o.isStrm = win[:st], true
			d, err := parseDict(dictText)
			if err != nil {
				continue
			}
			o.dict = d
			data := pos + st + len("stream")
			if data < len(b) && b[data] == '\r' {
				data++
			}
			if data < len(b) && b[data] == '\n' {
				data++
			}
			n, ok := d.int("Length")
			if ok && n >= 0 && n <= len(b)-data && bytes.HasPrefix(bytes.TrimLeft(b[data+n:min(len(b), data+n+2)], "\r\n"), []byte("e")) &&
				bytes.HasPrefix(bytes.TrimLeft(b[data+n:min(len(b), data+n+12)], "\r\n"), []byte("endstream")) {
				o.stream = b[data : data+n]
				pos = data + n
			} else {
				e := bytes.Index(b[data:], []byte("endstream"))
				if e < 0 {
					return nil, errors.New("a stream of the PDF has no end")
				}
				o.stream = bytes.TrimRight(b[data:data+e], "\r\n")
				pos = data + e
			}
			pos += len("endstream")
		case end >= 0:
			d, err := parseDict(win[:end])
			if err != nil {
				continue
			}
			o.dict = d
			pos += end + len("endobj")
		default:
			continue
		}
		if _, dup := f.objs[num]; dup {
			f.revised = true
		} else {
			f.order = append(f.order, num)
		}
		f.objs[num] = o
	}
	if bytes.Count(b, []byte("startxref")) > 1 || bytes.Count(b, []byte("%%EOF")) > 1 {
		f.revised = true
	}
	return f, nil
}

// objHeader reads the "N G" before the "obj" at b[at], returning N.
func objHeader(b []byte, at int) (int, bool) {
	j := at
	space := func() bool {
		e := j
		for j > 0 && e-j < 8 && isPDFSpace(b[j-1]) {
			j--
		}
		return j < e
	}
	digits := func() (int, bool) {
		e := j
		for j > 0 && e-j < 9 && b[j-1] >= '0' && b[j-1] <= '9' {
			j--
		}
		if j == e {
			return 0, false
		}
		n, err := strconv.Atoi(string(b[j:e]))
		return n, err == nil
	}
	if !space() {
		return 0, false
	}
	if _, ok := digits(); !ok || !space() {
		return 0, false
	}
	return digits()
}

func isPDFSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isPDFDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// Token kinds of the lexer.
const (
	tkEOF    = 0
	tkName   = 'n' // /Name, without the slash
	tkNumber = '#'
	tkString = 's' // a literal or hex string, decoded
	tkWord   = 'k' // an operator or keyword: R, Tj, true, …
	tkOpen   = '['
	tkClose  = ']'
	tkDict   = '{' // <<
	tkEndD   = '}' // >>
)

type token struct {
	kind byte
	b    []byte // the name, keyword or number text, or the decoded string
}

// lexer splits PDF syntax into tokens.
type lexer struct {
	b   []byte
	pos int
}

func (l *lexer) next() (token, error) {
	b := l.b
	for l.pos < len(b) {
		c := b[l.pos]
		if isPDFSpace(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(b) && b[l.pos] != '\n' && b[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		break
	}
	if l.pos >= len(b) {
		return token{kind: tkEOF}, nil
	}
	start := l.pos
	switch c := b[l.pos]; {
	case c == '/':
		l.pos++
		for l.pos < len(b) && !isPDFSpace(b[l.pos]) && !isPDFDelim(b[l.pos]) {
			l.pos++
		}
		return token{kind: tkName, b: b[start+1 : l.pos]}, nil
	case c == '[' || c == ']':
		l.pos++
		return token{kind: c}, nil
	case c == '<' && l.pos+1 < len(b) && b[l.pos+1] == '<':
		l.pos += 2
		return token{kind: tkDict}, nil
	case c == '>' && l.pos+1 < len(b) && b[l.pos+1] == '>':
		l.pos += 2
		return token{kind: tkEndD}, nil
	case c == '<':
		e := bytes.IndexByte(b[l.pos:], '>')
		if e < 0 {
			return token{}, errors.New("unterminated hex string")
		}
		hex := b[l.pos+1 : l.pos+e]
		l.pos += e + 1
		out := make([]byte, 0, len(hex)/2+1)
		var hi, n int
		for _, h := range hex {
			v := hexVal(h)
			if v < 0 {
				if isPDFSpace(h) {
					continue
				}
				return token{}, errors.New("bad hex string")
			}
			if n%2 == 0 {
				hi = v
			} else {
				out = append(out, byte(hi<<4|v))
			}
			n++
		}
		if n%2 == 1 {
			out = append(out, byte(hi<<4))
		}
		return token{kind: tkString, b: out}, nil
	case c == '(':
		return l.literal()
	case c == ')' || c == '>' || c == '{' || c == '}':
		l.pos++
		return token{kind: tkWord, b: b[start:l.pos]}, nil
	default:
		for l.pos < len(b) && !isPDFSpace(b[l.pos]) && !isPDFDelim(b[l.pos]) {
			l.pos++
		}
		w := b[start:l.pos]
		if c == '+' || c == '-' || c == '.' || c >= '0' && c <= '9' {
			return token{kind: tkNumber, b: w}, nil
		}
		return token{kind: tkWord, b: w}, nil
	}
}

// literal reads a (string) with balanced parentheses and escapes.
func (l *lexer) literal() (token, error) {
	b := l.b
	l.pos++
	var out []byte
	depth := 1
	for l.pos < len(b) {
		c := b[l.pos]
		l.pos++
		switch c {
		case '\\':
			if l.pos >= len(b) {
				break
			}
			e := b[l.pos]
			l.pos++
			switch e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r', '\n':
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(b) && b[l.pos] >= '0' && b[l.pos] <= '7'; k++ {
						v = v*8 + int(b[l.pos]-'0')
						l.pos++
					}
					out = append(out, byte(v))
				} else {
					out = append(out, e)
				}
			}
		case '(':
			depth++
			out = append(out, c)
		case ')':
			if depth--; depth == 0 {
				return token{kind: tkString, b: out}, nil
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return token{}, errors.New("unterminated string")
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// pdfValue is a parsed PDF value.
type pdfValue struct {
	kind byte // a token kind; tkDict for a dictionary, tkOpen for an array, 'r' for a reference
	b    []byte
	num  float64
	ref  int
	arr  []pdfValue
	dict pdfDict
}

// pdfDict is a parsed dictionary.
type pdfDict map[string]pdfValue

func (d pdfDict) name(k string) string {
	if v, ok := d[k]; ok && v.kind == tkName {
		return string(v.b)
	}
	return ""
}

func (d pdfDict) int(k string) (int, bool) {
	v, ok := d[k]
	if !ok || v.kind != tkNumber || v.num != math.Trunc(v.num) {
		return 0, false
	}
	return int(v.num), true
}

func (d pdfDict) ref(k string) (int, bool) {
	v, ok := d[k]
	return v.ref, ok && v.kind == 'r'
}

// parseDict parses the text of an object that should be a dictionary.
func parseDict(b []byte) (pdfDict, error) {
	l := &lexer{b: b}
	t, err := l.next()
	if err != nil {
		return nil, err
	}
	if t.kind != tkDict {
		return pdfDict{}, nil // not a dictionary (a number, an array): nothing tanu reads
	}
	v, err := parseValueAfter(l, t, 0)
	if err != nil {
		return nil, err
	}
	return v.dict, nil
}

// maxNesting bounds nested arrays and dictionaries.
const maxNesting = 16

func parseValue(l *lexer, depth int) (pdfValue, error) {
	t, err := l.next()
	if err != nil {
		return pdfValue{}, err
	}
	return parseValueAfter(l, t, depth)
}

func parseValueAfter(l *lexer, t token, depth int) (pdfValue, error) {
	if depth > maxNesting {
		return pdfValue{}, errors.New("nested too deeply")
	}
	switch t.kind {
	case tkDict:
		d := pdfDict{}
		for {
			k, err := l.next()
			if err != nil {
				return pdfValue{}, err
			}
			if k.kind == tkEndD {
				return pdfValue{kind: tkDict, dict: d}, nil
			}
			if k.kind != tkName {
				return pdfValue{}, errors.New("a dictionary key is not a name")
			}
			v, err := parseValue(l, depth+1)
			if err != nil {
				return pdfValue{}, err
			}
			d[string(k.b)] = v
		}
	case tkOpen:
		var arr []pdfValue
		for {
			save := l.pos
			e, err := l.next()
			if err != nil {
				return pdfValue{}, err
			}
			if e.kind == tkClose {
				return pdfValue{kind: tkOpen, arr: arr}, nil
			}
			if e.kind == tkEOF {
				return pdfValue{}, errors.New("unterminated array")
			}
			l.pos = save
			v, err := parseValue(l, depth+1)
			if err != nil {
				return pdfValue{}, err
			}
			arr = append(arr, v)
		}
	case tkNumber:
		n, err := strconv.ParseFloat(string(t.b), 64)
		if err != nil {
			return pdfValue{}, err
		}
		// An indirect reference: N G R.
		save := l.pos
		if g, err := l.next(); err == nil && g.kind == tkNumber {
			if r, err := l.next(); err == nil && r.kind == tkWord && string(r.b) == "R" {
				return pdfValue{kind: 'r', ref: int(n)}, nil
			}
		}
		l.pos = save
		return pdfValue{kind: tkNumber, num: n}, nil
	case tkEOF:
		return pdfValue{}, errors.New("unexpected end")
	default:
		return pdfValue{kind: t.kind, b: t.b}, nil
	}
}

// inflate decompresses a FlateDecode stream within maxInflated bytes,
// charging the output to *budget.
func inflate(data []byte, budget *int) ([]byte, error) {
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("a compressed stream is corrupt: %w", err)
	}
	defer zr.Close()
	limit := min(maxInflated, *budget)
	out, err := io.ReadAll(io.LimitReader(zr, int64(limit)+1))
	if err != nil {
		return nil, fmt.Errorf("a compressed stream is corrupt: %w", err)
	}
	if len(out) > limit {
		return nil, fmt.Errorf("%w: its streams inflate to more than %d bytes", errPDFBudget, maxInflatedTotal)
	}
	*budget -= len(out)
	return out, nil
}

// credential returns the signed credential the PDF carries as an
// uncompressed embedded file, as tanu writes credential.jwt.
func (f *pdfFile) credential() (string, bool) {
	for _, n := range f.order {
		o := f.objs[n]
		if !o.isStrm || o.dict.name("Type") != "EmbeddedFile" || len(o.stream) > MaxTokenBytes {
			continue
		}
		if _, compressed := o.dict["Filter"]; compressed {
			continue
		}
		jws := string(bytes.TrimSpace(o.stream))
		if checkJWS(jws) == nil {
			return jws, true
		}
	}
	return "", false
}

// Document is what a certificate PDF shows, as far as the verifier reads
// it: the text drawn on its pages, its links and its QR codes.
type Document struct {
	// Visible is the text drawn so a reader sees it, one entry per
	// text-showing operation, in drawing order.
	Visible []string
	// Hidden is text drawn so a reader cannot see it (white, tiny, off the
	// page, invisible render mode, transformed).
	Hidden []string
	// Links are the URIs of the link annotations.
	Links []string
	// QR holds, per page that draws one, the modules of the vector QR
	// code (m[row][col], true for dark).
	QR [][][]bool
	// Revised is set when the file was edited after it was written
	// (incremental update or an object defined twice).
	Revised bool
	// Unreadable says why the content could not be read; "" when it could.
	Unreadable string
}

// readDocument reads what the PDF's pages show. Anything tanu does not
// write (form XObjects, fonts without a Unicode map, unknown filters)
// makes the document unreadable rather than guessed at.
func (f *pdfFile) readDocument(ctx context.Context) *Document {
	doc := &Document{Revised: f.revised}
	if err := f.read(ctx, doc); err != nil {
		doc.Unreadable = err.Error()
	}
	return doc
}

func (f *pdfFile) read(ctx context.Context, doc *Document) error {
	budget := maxInflatedTotal
	tokens := maxContentTokens
	fonts := map[int]map[uint16][]rune{}
	pages := 0
	for _, n := range f.order {
		o := f.objs[n]
		if o.dict.name("Type") != "Page" {
			continue
		}
		if pages++; pages > maxPages {
			return fmt.Errorf("%w: more than %d pages", errPDFBudget, maxPages)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		res, box := f.inherited(o.dict)
		if res == nil || len(box) != 4 {
			return errors.New("a page has no resources or media box")
		}
		fontMaps := map[string]map[uint16][]rune{}
		if fd, ok := f.resolve(res["Font"]); ok && fd.kind == tkDict {
			for name, v := range fd.dict {
				if v.kind != 'r' {
					return errors.New("a font is not an indirect object")
				}
				m, ok := fonts[v.ref]
				if !ok {
					var err error
					if m, err = f.toUnicode(v.ref, &budget); err != nil {
						return err
					}
					fonts[v.ref] = m
				}
				fontMaps[name] = m
			}
		}
		xobjs := map[string]bool{}
		if xd, ok := f.resolve(res["XObject"]); ok && xd.kind == tkDict {
			for name, v := range xd.dict {
				xo, ok := f.objs[v.ref]
				if v.kind != 'r' || !ok || xo.dict.name("Subtype") != "Image" {
					return errors.New("the page draws something other than images (a form)")
				}
				xobjs[name] = true
			}
		}
		cref, ok := o.dict.ref("Contents")
		co, found := f.objs[cref]
		if !ok || !found || !co.isStrm {
			return errors.New("a page's content is not a single stream")
		}
		content, err := f.decode(co, &budget)
		if err != nil {
			return err
		}
		pg := &pageReader{fonts: fontMaps, xobjs: xobjs, box: box, doc: doc, tokens: &tokens}
		if err := pg.run(ctx, content); err != nil {
			return err
		}
		if qr, err := pg.qr(); err != nil {
			return err
		} else if qr != nil {
			doc.QR = append(doc.QR, qr)
		}
		if av, ok := o.dict["Annots"]; ok {
			av, _ = f.resolve(av)
			for _, a := range av.arr {
				ad, ok := f.resolve(a)
				if !ok || ad.kind != tkDict || ad.dict.name("Subtype") != "Link" {
					continue
				}
				if len(doc.Links) >= maxLinks {
					return fmt.Errorf("%w: more than %d links", errPDFBudget, maxLinks)
				}
				act, _ := f.resolve(ad.dict["A"])
				uri, _ := f.resolve(act.dict["URI"])
				if uri.kind != tkString {
					return errors.New("a link opens something other than a URI")
				}
				doc.Links = append(doc.Links, string(uri.b))
			}
		}
	}
	if pages == 0 {
		return errors.New("the PDF has no pages tanu can read")
	}
	return nil
}

// inherited returns a page's resources and media box, looking up the page
// tree as PDF inheritance does.
func (f *pdfFile) inherited(d pdfDict) (pdfDict, []float64) {
	var res pdfDict
	var box []float64
	for depth := 0; d != nil && depth < 8; depth++ {
		if res == nil {
			if r, ok := f.resolve(d["Resources"]); ok && r.kind == tkDict {
				res = r.dict
			}
		}
		if box == nil {
			if b, ok := f.resolve(d["MediaBox"]); ok && b.kind == tkOpen && len(b.arr) == 4 {
				for _, v := range b.arr {
					box = append(box, v.num)
				}
			}
		}
		p, ok := d.ref("Parent")
		if !ok || f.objs[p] == nil {
			break
		}
		d = f.objs[p].dict
	}
	return res, box
}

// resolve follows an indirect reference to a non-stream object's value.
func (f *pdfFile) resolve(v pdfValue) (pdfValue, bool) {
	if v.kind != 'r' {
		return v, v.kind != 0
	}
	o, ok := f.objs[v.ref]
	if !ok {
		return pdfValue{}, false
	}
	return pdfValue{kind: tkDict, dict: o.dict}, true
}

// decode returns a stream's data: as it is, or inflated.
func (f *pdfFile) decode(o *pdfObject, budget *int) ([]byte, error) {
	switch flt, ok := o.dict["Filter"]; {
	case !ok:
		return o.stream, nil
	case flt.kind == tkName && string(flt.b) == "FlateDecode":
		return inflate(o.stream, budget)
	default:
		return nil, errors.New("a stream uses a filter tanu does not write")
	}
}

// toUnicode reads the Unicode map of the Type0 font object n.
func (f *pdfFile) toUnicode(n int, budget *int) (map[uint16][]rune, error) {
	fo, ok := f.objs[n]
	if !ok || fo.dict.name("Subtype") != "Type0" || fo.dict.name("Encoding") != "Identity-H" {
		return nil, errors.New("a font is not a Unicode-mapped composite font")
	}
	r, ok := fo.dict.ref("ToUnicode")
	cm := f.objs[r]
	if !ok || cm == nil || !cm.isStrm {
		return nil, errors.New("a font has no Unicode map")
	}
	data, err := f.decode(cm, budget)
	if err != nil {
		return nil, err
	}
	m := map[uint16][]rune{}
	l := &lexer{b: data}
	var ops []token
	mode := ""
	for {
		t, err := l.next()
		if err != nil {
			return nil, fmt.Errorf("a font's Unicode map: %w", err)
		}
		if t.kind == tkEOF {
			break
		}
		if t.kind == tkWord {
			switch w := string(t.b); w {
			case "beginbfchar", "beginbfrange":
				mode, ops = w, ops[:0]
			case "endbfchar":
				for i := 0; i+1 < len(ops); i += 2 {
					if len(ops[i].b) == 2 {
						m[uint16(ops[i].b[0])<<8|uint16(ops[i].b[1])] = utf16Runes(ops[i+1].b)
					}
				}
				mode = ""
			case "endbfrange":
				for i := 0; i+2 < len(ops); i += 3 {
					lo, hi, dst := ops[i].b, ops[i+1].b, ops[i+2].b
					if len(lo) != 2 || len(hi) != 2 || len(dst) != 2 {
						continue
					}
					a, z, d := uint16(lo[0])<<8|uint16(lo[1]), uint16(hi[0])<<8|uint16(hi[1]), rune(dst[0])<<8|rune(dst[1])
					for c := int(a); c <= int(z) && len(m) < 1<<16; c++ {
						m[uint16(c)] = []rune{d + rune(c-int(a))}
					}
				}
				mode = ""
			}
			continue
		}
		if mode != "" && t.kind == tkString && len(ops) < 1<<16 {
			ops = append(ops, t)
		}
	}
	return m, nil
}

func utf16Runes(b []byte) []rune {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return utf16.Decode(u)
}

// rect is a filled rectangle in PDF points, normalized (x0 < x1, y0 < y1).
type rect struct{ x0, y0, x1, y1 float64 }

// pageReader interprets one page's content stream: the operators tanu
// writes, and enough of the others to tell visible text from hidden.
type pageReader struct {
	fonts  map[string]map[uint16][]rune
	xobjs  map[string]bool
	box    []float64
	doc    *Document
	tokens *int

	black []rect // filled in pure black: QR modules
}

type gstate struct {
	fill        [3]float64
	transformed bool // a cm is in effect
}

func (p *pageReader) run(ctx context.Context, content []byte) error {
	l := &lexer{b: content}
	var stack []token
	gs := gstate{}
	var saved []gstate
	var path []rect
	var font map[uint16][]rune
	var size, tx, ty, hscale float64 = 0, 0, 0, 100
	render := 0
	num := func(i int) float64 {
		if i < 0 || i >= len(stack) || stack[i].kind != tkNumber {
			return math.NaN()
		}
		v, err := strconv.ParseFloat(string(stack[i].b), 64)
		if err != nil {
			return math.NaN()
		}
		return v
	}
	show := func(s []byte) error {
		if font == nil {
			return errors.New("text is drawn without a font")
		}
		var out []rune
		for i := 0; i+1 < len(s); i += 2 {
			rs, ok := font[uint16(s[i])<<8|uint16(s[i+1])]
			if !ok {
				return errors.New("text is drawn with glyphs that have no Unicode mapping")
			}
			out = append(out, rs...)
		}
		if len(p.doc.Visible)+len(p.doc.Hidden) >= maxTextRuns {
			return fmt.Errorf("%w: more than %d pieces of text", errPDFBudget, maxTextRuns)
		}
		visible := size >= 3 && render != 3 && render != 7 && !gs.transformed && hscale >= 50 &&
			!(gs.fill[0] > 0.95 && gs.fill[1] > 0.95 && gs.fill[2] > 0.95) &&
			tx >= p.box[0] && tx <= p.box[2] && ty >= p.box[1] && ty <= p.box[3]
		if visible {
			p.doc.Visible = append(p.doc.Visible, string(out))
		} else {
			p.doc.Hidden = append(p.doc.Hidden, string(out))
		}
		return nil
	}
	for {
		if *p.tokens--; *p.tokens < 0 {
			return fmt.Errorf("%w: its pages draw too much", errPDFBudget)
		}
		if *p.tokens%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		t, err := l.next()
		if err != nil {
			return fmt.Errorf("a page's content: %w", err)
		}
		if t.kind == tkEOF {
			return nil
		}
		if t.kind != tkWord {
			if t.kind == tkOpen {
				// An array operand (TJ, d): keep its strings as one operand.
				var joined []byte
				for {
					e, err := l.next()
					if err != nil || e.kind == tkEOF {
						return errors.New("a page's content has an unterminated array")
					}
					if e.kind == tkClose {
						break
					}
					if e.kind == tkString {
						joined = append(joined, e.b...)
					}
				}
				t = token{kind: tkOpen, b: joined}
			}
			if len(stack) >= 16 {
				return errors.New("a page's content has too many operands")
			}
			stack = append(stack, t)
			continue
		}
		switch op := string(t.b); op {
		case "q":
			if len(saved) >= 32 {
				return errors.New("a page's content nests too deeply")
			}
			saved = append(saved, gs)
		case "Q":
			if len(saved) > 0 {
				gs, saved = saved[len(saved)-1], saved[:len(saved)-1]
			}
		case "cm":
			gs.transformed = true
		case "rg":
			gs.fill = [3]float64{num(0), num(1), num(2)}
		case "g":
			v := num(0)
			gs.fill = [3]float64{v, v, v}
		case "k":
			gs.fill = [3]float64{-1, -1, -1} // neither black nor white for our purposes
		case "cs", "scn", "sc", "CS", "SCN", "SC":
			if op[0] == 's' {
				gs.fill = [3]float64{-1, -1, -1}
			}
		case "re":
			x, y, w, h := num(0), num(1), num(2), num(3)
			if !math.IsNaN(x + y + w + h) {
				path = append(path, rect{min(x, x+w), min(y, y+h), max(x, x+w), max(y, y+h)})
			}
		case "f", "F", "f*", "B", "B*", "b", "b*":
			if gs.fill == [3]float64{0, 0, 0} && !gs.transformed {
				if len(p.black)+len(path) > 1<<16 {
					return fmt.Errorf("%w: too many shapes", errPDFBudget)
				}
				p.black = append(p.black, path...)
			}
			path = path[:0]
		case "S", "s", "n":
			path = path[:0]
		case "BT":
			tx, ty = 0, 0
		case "Tf":
			if len(stack) == 2 && stack[0].kind == tkName {
				font = p.fonts[string(stack[0].b)]
				size = num(1)
			}
		case "Td", "TD":
			tx, ty = tx+num(0), ty+num(1)
		case "Tm":
			tx, ty = num(4), num(5)
			if num(0) != num(3) || num(1) != 0 || num(2) != 0 {
				gs.transformed = true
			} else {
				size *= math.Abs(num(0))
			}
		case "Tr":
			render = int(num(0))
		case "Tz":
			hscale = num(0)
		case "Tj", "'", "\"", "TJ":
			if len(stack) > 0 {
				if err := show(stack[len(stack)-1].b); err != nil {
					return err
				}
			}
		case "Do":
			if len(stack) != 1 || !p.xobjs[string(stack[0].b)] {
				return errors.New("a page draws an object that is not an image")
			}
		case "BI", "ID", "EI":
			return errors.New("a page draws an inline image")
		}
		stack = stack[:0]
	}
}

// qr reads the QR code a page draws as black squares (tanu draws one per
// run of dark modules in a row). It returns nil when the page draws none.
func (p *pageReader) qr() ([][]bool, error) {
	if len(p.black) == 0 {
		return nil, nil
	}
	bad := errors.New("the page's QR code cannot be read")
	x0, y1, x1, mod := math.Inf(1), math.Inf(-1), math.Inf(-1), math.Inf(1)
	for _, r := range p.black {
		x0, y1, x1 = min(x0, r.x0), max(y1, r.y1), max(x1, r.x1)
		mod = min(mod, r.x1-r.x0)
	}
	if mod < 0.5 {
		return nil, bad
	}
	n := int(math.Round((x1 - x0) / mod))
	if n < 21 || n > 177 || math.Abs((x1-x0)/mod-float64(n)) > 0.2 {
		return nil, bad
	}
	m := make([][]bool, n)
	for i := range m {
		m[i] = make([]bool, n)
	}
	near := func(v float64) (int, bool) {
		r := math.Round(v)
		return int(r), math.Abs(v-r) < 0.2
	}
	for _, r := range p.black {
		row, ok1 := near((y1 - r.y1) / mod)
		col, ok2 := near((r.x0 - x0) / mod)
		cols, ok3 := near((r.x1 - r.x0) / mod)
		if !ok1 || !ok2 || !ok3 || row < 0 || row >= n || col < 0 || cols < 1 || col+cols > n {
			return nil, bad
		}
		for c := col; c < col+cols; c++ {
			m[row][c] = true
		}
	}
	return m, nil
}
