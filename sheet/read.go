package sheet

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// record is one line of a text file or one row of a worksheet.
type record struct {
	row   int      // row number as the spreadsheet shows it
	cells []string // raw cells
	quote lang.Key // lang.SheetQuoteOpen or lang.SheetQuoteBare for a CSV quoting error, else ""
	// n is the number of cells the source read for the record, when it
	// read more than it kept (cells is cut to the budget's width); 0
	// otherwise.
	n int
	// counted is set when the source counted the cells against the
	// budget itself.
	counted bool
}

// adjuster is a source whose raw cells need turning into the text the
// validation expects (workbook dates, numbers, IINs); an error makes the
// whole file unreadable.
type adjuster interface {
	adjust(rec *record, cols *columnMap) error
}

// source yields records in order, then io.EOF.
type source interface {
	next() (record, error)
}

// Read reads a cohort file and validates every row (see the package doc).
// filename and contentType are hints only: the content decides the format.
// It returns an *Error when the file as a whole cannot be used, ctx's error
// when ctx is done, and an ordinary error only for a failing reader or
// invalid Options.
func Read(ctx context.Context, r io.Reader, filename, contentType string, opt Options) (*Result, error) {
	l := parseLang(opt.Lang)
	comps, err := competencyCodes(opt)
	if err != nil {
		return nil, err
	}
	maxBytes := opt.MaxBytes
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	data, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("sheet: reading upload: %w", err)
	}
	if int64(len(data)) > maxBytes {
		return nil, &Error{Code: CodeTooLarge, Message: l.T(lang.SheetTooLarge, size(l, maxBytes))}
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("sheet: %w", err)
	}
	m := newMatcher(comps)
	if opt.Staff {
		m.addStaff()
	}
	res := &Result{}
	b := newBudget(opt.MaxCells)
	src, lines, err := openSource(data, filename, contentType, opt, l, m, res, b)
	if err != nil {
		return nil, err
	}
	if c, ok := src.(interface{ close() error }); ok {
		defer func() { _ = c.close() }()
	}
	rd := &reader{opt: opt, l: l, m: m, res: res, src: src, langs: languageKeys(), lines: lines, comps: comps, budget: b}
	if err := rd.run(ctx); err != nil {
		return nil, err
	}
	return res, nil
}

// competencyCodes checks the options' competency codes and returns the
// required ones followed by the optional ones.
func competencyCodes(opt Options) ([]string, error) {
	comps := append(opt.Competencies[:len(opt.Competencies):len(opt.Competencies)], opt.OptionalCompetencies...)
	if len(comps) > 0 && opt.Scale == nil {
		return nil, errors.New("sheet: Options.Scale is required when Options.Competencies is set")
	}
	seen := make(map[string]bool, len(comps))
	for _, c := range comps {
		k := strictKey(c)
		if k == "" || seen[k] {
			return nil, fmt.Errorf("sheet: Options.Competencies: empty or repeated code %q", c)
		}
		seen[k] = true
	}
	return comps, nil
}

// openSource recognises the format of data and returns its records; it
// fills res's Format, Encoding, Delimiter and Sheet. lines counts the line
// breaks of a text file (to size Result.Rows).
func openSource(data []byte, filename, contentType string, opt Options, l lang.Tag, m *matcher, res *Result, b *budget) (src source, lines int, err error) {
	hintXLSX := isXLSXHint(filename, contentType)
	switch {
	case isBlankText(data):
		return nil, 0, &Error{Code: CodeEmpty, Message: l.T(lang.SheetEmpty)}
	case hasPrefix(data, zipMagic) && isODS(data):
		return openWorkbook(res, l, opt, "ods", lang.SheetUnreadableODS, func(maxBytes int64) (workbook, error) {
			return openODS(data, opt.Sheet, unzipLimit(maxBytes), b)
		})
	case hasPrefix(data, zipMagic) || (hintXLSX && hasPrefix(data, "PK")):
		return openWorkbook(res, l, opt, "xlsx", lang.SheetUnreadableXLSX, func(maxBytes int64) (workbook, error) {
			return openXLSX(data, opt.Sheet, unzipLimit(maxBytes), b)
		})
	case hasPrefix(data, oleMagic):
		return openWorkbook(res, l, opt, "xls", lang.SheetUnreadableXLS, func(maxBytes int64) (workbook, error) {
			return openXLS(data, opt.Sheet, maxBytes, b) // the stream is no larger than the file
		})
	}
	text, enc, err := decodeText(data)
	if err != nil {
		if hintXLSX {
			return nil, 0, &Error{Code: CodeUnreadable, Message: l.T(lang.SheetUnreadableXLSX), Err: err}
		}
		return nil, 0, &Error{Code: CodeUnsupportedFormat, Message: l.T(lang.SheetBinary), Err: err}
	}
	if looksLikeHTML(text) {
		if bytes.Contains(text[:min(len(text), 4096)], []byte("urn:schemas-microsoft-com:office:spreadsheet")) {
			return nil, 0, &Error{Code: CodeUnsupportedFormat, Message: l.T(lang.SheetXML2003)}
		}
		if n := bytes.Count(text, []byte{'<'}); n > maxHTMLTags {
			return nil, 0, &Error{Code: CodeTooManyCells, Message: l.T(lang.SheetHTMLTooLarge, maxHTMLTags)}
		}
		if !hasTableTag(text) {
			return nil, 0, &Error{Code: CodeUnsupportedFormat, Message: l.T(lang.SheetBinary)}
		}
		hs, err := openHTML(text, b)
		if err != nil {
			var le *errLimit
			if errors.As(err, &le) {
				return nil, 0, le.sheetError(l)
			}
			return nil, 0, &Error{Code: CodeUnreadable, Message: l.T(lang.SheetUnreadableHTML), Err: err}
		}
		res.Format, res.Encoding = "html", enc
		return hs, 0, nil
	}
	if bytes.IndexByte(text, '\n') < 0 {
		text = bytes.ReplaceAll(text, []byte{'\r'}, []byte{'\n'}) // "CSV (Macintosh)": CR line ends
	}
	text, delim := excelSep(text)
	if delim == 0 {
		delim = sniffDelimiter(text, m)
	}
	if delim == 0 {
		if isBlankText(text) {
			return nil, 0, &Error{Code: CodeEmpty, Message: l.T(lang.SheetEmpty)}
		}
		if c := guessSeparator(text); c != "" {
			return nil, 0, &Error{Code: CodeBadDelimiter, Message: l.T(lang.SheetBadDelimiterFound, c)}
		}
		return nil, 0, &Error{Code: CodeBadDelimiter, Message: l.T(lang.SheetBadDelimiter)}
	}
	if line := tooWide(text, byte(delim)); line > 0 {
		return nil, 0, &Error{Code: CodeTooManyColumns, Message: l.T(lang.SheetCSVTooWide, line, maxCSVFields)}
	}
	res.Format, res.Encoding, res.Delimiter = "csv", enc, delim
	return newCSVSource(text, delim), bytes.Count(text, []byte{'\n'}), nil
}

// workbook is a source that reads one sheet of a workbook.
type workbook interface {
	source
	sheetName() string
}

func (s *xlsxSource) sheetName() string  { return s.sheet }
func (s *typedSource) sheetName() string { return s.sheet }

// openWorkbook opens a workbook with open (given the upload size limit)
// and turns its failures into the importer's errors: a sheet that is not
// there, a protected or too old workbook, or an unreadable file (message
// unreadable).
func openWorkbook(res *Result, l lang.Tag, opt Options, format string, unreadable lang.Key, open func(maxBytes int64) (workbook, error)) (source, int, error) {
	maxBytes := opt.MaxBytes
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	wb, err := open(maxBytes)
	if err != nil {
		var nf *errSheetNotFound
		var le *errLimit
		switch {
		case errors.As(err, &le):
			return nil, 0, le.sheetError(l)
		case errors.As(err, &nf):
			return nil, 0, &Error{Code: CodeSheetNotFound, Message: l.T(lang.SheetSheetNotFound, opt.Sheet, strings.Join(nf.sheets, ", ")), Err: err}
		case errors.Is(err, errXLSEncrypted), errors.Is(err, errXLSVersion), errors.Is(err, errXLSNoWorkbook):
			return nil, 0, &Error{Code: CodeUnsupportedFormat, Message: l.T(lang.SheetLegacyXLS), Err: err}
		}
		return nil, 0, &Error{Code: CodeUnreadable, Message: l.T(unreadable), Err: err}
	}
	res.Format, res.Sheet = format, wb.sheetName()
	return wb, 0, nil
}

// hasTableTag reports whether text holds "<table" in any case, without
// copying it.
func hasTableTag(text []byte) bool {
	for i := 0; ; {
		j := bytes.IndexByte(text[i:], '<')
		if j < 0 {
			return false
		}
		i += j
		if i+6 <= len(text) && bytes.EqualFold(text[i:i+6], []byte("<table")) {
			return true
		}
		i++
	}
}

// isXLSXHint reports whether the file name or content type says XLSX.
func isXLSXHint(filename, contentType string) bool {
	name := strings.ToLower(filename)
	return strings.HasSuffix(name, ".xlsx") || strings.HasSuffix(name, ".xlsm") ||
		strings.Contains(strings.ToLower(contentType), "spreadsheetml")
}

// isBlankText reports whether data holds nothing but spaces, line breaks
// and byte-order marks.
func isBlankText(data []byte) bool {
	return len(bytes.TrimFunc(data, func(r rune) bool {
		return isTrimmable(r) || r == 0 || r == '\ufffe'
	})) == 0
}

// reader holds the state of one Read.
type reader struct {
	opt   Options
	l     lang.Tag
	m     *matcher
	res   *Result
	src   source
	langs map[string]string
	lines int
	comps []string // Options.Competencies, then Options.OptionalCompetencies

	budget    *budget
	lay       *columnMap
	headerRow int
	today     time.Time
	seen      map[dupKey]int // first row of each student and period
	unnamed   map[int]bool   // blank-header columns that hold values
}

// run finds the header, maps it and validates every data row.
func (rd *reader) run(ctx context.Context) error {
	var pending []record
	header := -1
	for len(pending) < headerLookahead {
		rec, err := rd.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return rd.unreadable(err)
		}
		if rec.quote == "" && blank(rec.cells) {
			continue
		}
		pending = append(pending, rec)
		if rec.quote == "" && rd.m.recognised(rec.cells) >= 2 {
			header = len(pending) - 1
			break
		}
	}
	if len(pending) == 0 {
		return &Error{Code: CodeEmpty, Message: rd.l.T(lang.SheetEmpty)}
	}
	if header < 0 {
		header = 0
	}
	h := pending[header]
	if h.quote != "" {
		return &Error{Code: CodeUnreadable, Message: rd.l.T(h.quote)}
	}
	if err := rd.mapHeader(h); err != nil {
		return err
	}
	rd.seen = make(map[dupKey]int, min(rd.lines, 1<<16))
	rd.unnamed = make(map[int]bool)
	now := time.Now
	if rd.opt.Now != nil {
		now = rd.opt.Now
	}
	t := now().UTC()
	rd.today = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)

	maxRows := rd.opt.MaxRows
	if maxRows <= 0 {
		maxRows = DefaultMaxRows
	}
	maxRejected := rd.opt.MaxRejected
	if maxRejected <= 0 {
		maxRejected = DefaultMaxRejected
	}
	pending = pending[header+1:]
	rd.res.Rows = make([]Row, 0, min(rd.lines, maxRows))
	for i := 0; ; i++ {
		var rec record
		if len(pending) > 0 {
			rec, pending = pending[0], pending[1:]
		} else {
			var err error
			if rec, err = rd.next(); err == io.EOF {
				break
			} else if err != nil {
				return rd.unreadable(err)
			}
		}
		if i&255 == 255 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("sheet: %w", err)
			}
		}
		if rec.quote == "" && blank(rec.cells) {
			continue
		}
		rd.res.Total++
		if rd.res.Total > maxRows {
			return &Error{Code: CodeTooManyRows, Message: rd.l.T(lang.SheetTooManyRows, maxRows)}
		}
		if a, ok := rd.src.(adjuster); ok && rec.quote == "" {
			if err := a.adjust(&rec, rd.lay); err != nil {
				return rd.unreadable(err)
			}
		}
		rd.row(rec)
		if len(rd.res.Rejected) > maxRejected {
			first := rd.res.Problems[0]
			for _, p := range rd.res.Problems {
				if p.Code != CodeUnknownColumn {
					first = p
					break
				}
			}
			return &Error{Code: CodeTooManyProblems, Message: rd.l.T(lang.SheetTooManyProblems, maxRejected, first.Row, first.Message)}
		}
	}
	if rd.res.Total == 0 {
		return &Error{Code: CodeNoRows, Message: rd.l.T(lang.SheetNoRows)}
	}
	for i := range rd.lay.cols {
		if rd.unnamed[i] {
			rd.res.Problems = append(rd.res.Problems, Problem{Row: rd.headerRow, Code: CodeUnknownColumn,
				Message: rd.l.T(lang.SheetUnnamedColumn, i+1)})
		}
	}
	sort.SliceStable(rd.res.Problems, func(i, j int) bool { return rd.res.Problems[i].Row < rd.res.Problems[j].Row })
	return nil
}

// next returns the source's next record, counted against the budget and
// cut to its width.
func (rd *reader) next() (record, error) {
	rec, err := rd.src.next()
	if err != nil {
		return rec, err
	}
	if !rec.counted {
		if err := rd.budget.take(rec.row, max(rec.n, len(rec.cells))); err != nil {
			return rec, err
		}
	}
	if len(rec.cells) > rd.budget.width {
		rec.n = max(rec.n, len(rec.cells))
		rec.cells = rd.budget.cut(rec.cells)
	}
	n := 0
	for i, c := range rec.cells {
		if len(c) > maxCellText {
			c = strings.Clone(truncateUTF8(c, maxCellText))
		}
		rec.cells[i] = unquoteCell(c)
		n += len(c)
	}
	if err := rd.budget.takeText(rec.row, n); err != nil {
		return rec, err
	}
	return rec, nil
}

func (rd *reader) unreadable(err error) error {
	var le *errLimit
	if errors.As(err, &le) {
		return le.sheetError(rd.l)
	}
	msg := lang.SheetUnreadableXLSX
	if rd.res.Format == "csv" {
		msg = lang.SheetBinary
	}
	return &Error{Code: CodeUnreadable, Message: rd.l.T(msg), Err: err}
}

// mapHeader maps the header row, failing on clashing or missing columns.
func (rd *reader) mapHeader(h record) error {
	l := rd.l
	if w := max(h.n, len(h.cells)); w > MaxColumns {
		return &Error{Code: CodeTooManyColumns, Message: l.T(lang.SheetTooManyColumns, h.row, MaxColumns)}
	}
	rd.budget.width = len(h.cells) + widthMargin
	lay, dup := rd.m.buildColumnMap(h.cells, rd.comps)
	if dup != nil {
		name := dup.name
		for f := fStudentID; f < fGrade; f++ {
			if fieldSpecs[f].name == name {
				name = columnName(l, f)
			}
		}
		return &Error{Code: CodeDuplicateColumn, Columns: []string{dup.name},
			Message: l.T(lang.SheetDuplicateColumn, dup.first, dup.second, name)}
	}
	var missing, items []string
	need := requiredFields[:]
	if rd.opt.Staff {
		need = staffRequiredFields[:]
	} else if rd.opt.RequireDecisionDate {
		need = append(need[:len(need):len(need)], fDecisionDate)
	}
	for _, f := range need {
		if lay.index[f] < 0 {
			missing = append(missing, fieldSpecs[f].name)
			items = append(items, l.T(lang.SheetMissingItem, columnName(l, f), fieldSpecs[f].shown))
		}
	}
	for i, code := range rd.opt.Competencies {
		if lay.grades[i] < 0 {
			missing = append(missing, code)
			items = append(items, l.T(lang.SheetMissingItem, code, code))
		}
	}
	if len(missing) > 0 {
		msg := l.T(lang.SheetMissingColumns, strings.Join(items, "; "))
		if len(lay.unknown) > 0 {
			msg += l.T(lang.SheetUnrecognised, `"`+strings.Join(lay.unknown, `", "`)+`"`)
		}
		return &Error{Code: CodeMissingColumn, Columns: missing, Message: msg}
	}
	rd.lay, rd.headerRow = lay, h.row
	rd.res.Header = make([]string, len(h.cells))
	for i, c := range h.cells {
		rd.res.Header[i] = cleanCell(c)
	}
	rd.res.Columns = make(map[string]string, lay.known)
	for _, c := range lay.cols {
		switch c.field {
		case fUnknown, fBlank:
		case fGrade:
			rd.res.Columns[c.code] = c.header
		default:
			rd.res.Columns[fieldSpecs[c.field].name] = c.header
		}
	}
	rd.res.UnknownColumns = lay.unknown
	for _, c := range lay.cols {
		if c.field == fUnknown {
			rd.res.Problems = append(rd.res.Problems, Problem{Row: h.row, Column: c.header, Code: CodeUnknownColumn,
				Message: l.T(lang.SheetUnknownColumn, c.header)})
		}
	}
	return nil
}

// rowProblem is a problem with the index of its column, for ordering.
type rowProblem struct {
	col int
	Problem
}

// rowCheck collects the problems of one row.
type rowCheck struct {
	rd    *reader
	rec   record
	probs []rowProblem
}

func (c *rowCheck) add(col int, code string, msg lang.Key, args ...any) {
	header := ""
	if col >= 0 {
		header = c.rd.lay.cols[col].header
	}
	c.probs = append(c.probs, rowProblem{col, Problem{Row: c.rec.row, Column: header, Code: code,
		Message: c.rd.l.T(msg, args...)}})
}

// cell returns the cleaned value of a field's column ("" if absent) and
// the column index (-1 if absent). A value that is too long or undecodable
// is reported and returned as ok=false.
func (c *rowCheck) cell(col, limit int) (string, bool) {
	if col < 0 || col >= len(c.rec.cells) {
		return "", true
	}
	v := cleanCell(c.rec.cells[col])
	if strings.ContainsRune(v, utf8.RuneError) {
		c.add(col, CodeBadEncoding, lang.SheetBadEncoding)
		return "", false
	}
	if n := utf8.RuneCountInString(v); n > limit {
		c.add(col, CodeTooLong, lang.SheetTooLong, n, limit)
		return "", false
	}
	return v, true
}

// required returns a required field's value, reporting it if empty.
func (c *rowCheck) required(col, limit int) (string, bool) {
	v, ok := c.cell(col, limit)
	if ok && v == "" {
		c.add(col, CodeRequired, lang.SheetRequired, c.rd.lay.cols[col].header)
		return "", false
	}
	return v, ok
}

// name checks a person's name part (credential.CheckPersonName).
func (c *rowCheck) name(col int, v string) string {
	if v == "" {
		return ""
	}
	if hasDigit(v) || !hasLetter(v) {
		c.add(col, CodeInvalidName, lang.SheetInvalidName, v)
		return ""
	}
	v = collapseSpaces(v)
	if verdict := credential.CheckPersonName(v); !verdict.OK() {
		c.add(col, CodeInvalidName, lang.SheetBadNameChar, credential.ShowRune(verdict.Rune))
		return ""
	}
	return v
}

// line checks one line of free text (credential.CheckLine).
func (c *rowCheck) line(col int, v string) (string, bool) {
	if verdict := credential.CheckLine(v, maxCellLen); !verdict.OK() {
		c.add(col, CodeInvalidText, lang.SheetBadNameChar, credential.ShowRune(verdict.Rune))
		return "", false
	}
	return v, true
}

// date parses a date field; ok is false if the cell is empty or invalid.
func (c *rowCheck) date(col int, v string) (time.Time, bool) {
	if v == "" {
		return time.Time{}, false
	}
	t, msg, code := parseDate(v)
	if msg != "" {
		c.add(col, code, msg, v)
		return time.Time{}, false
	}
	return t, true
}

// row validates one data record and files it as a Row or as problems.
func (rd *reader) row(rec record) {
	c := rowCheck{rd: rd, rec: rec}
	row := c.validate()
	if len(c.probs) == 0 {
		if rd.opt.KeepCells {
			row.Cells = append([]string(nil), c.rec.cells...)
		}
		rd.res.Rows = append(rd.res.Rows, row)
		return
	}
	sort.SliceStable(c.probs, func(i, j int) bool { return c.probs[i].col < c.probs[j].col })
	for _, p := range c.probs {
		rd.res.Problems = append(rd.res.Problems, p.Problem)
	}
	rd.res.Rejected = append(rd.res.Rejected, Rejected{Row: c.rec.row, Cells: append([]string(nil), c.rec.cells...)})
}

// validate checks every cell of the record; the row is valid only if it
// added no problem.
func (c *rowCheck) validate() Row {
	rd, rec, lay := c.rd, c.rec, c.rd.lay
	if rec.quote != "" {
		c.add(-1, CodeBadQuote, rec.quote)
		return Row{}
	}
	if rd.res.Format == "csv" {
		if n, want := max(rec.n, len(rec.cells)), len(lay.cols); n < want {
			c.add(-1, CodeFieldCount, lang.SheetFieldCountShort, n, want)
			return Row{}
		} else if n > want && !blank(rec.cells[want:]) {
			c.add(-1, CodeFieldCount, lang.SheetFieldCountLong, n, want)
			return Row{}
		}
	}
	for i, col := range lay.cols {
		if col.field == fBlank && i < len(rec.cells) && cleanCell(rec.cells[i]) != "" {
			rd.unnamed[i] = true
		}
	}

	ix := &lay.index
	row := Row{Number: rec.row}
	var okID bool
	row.StudentID, okID = c.required(ix[fStudentID], maxIDLen)
	if okID && !credential.CheckStudentID(row.StudentID).OK() {
		c.add(ix[fStudentID], CodeInvalidID, lang.SheetBadIDChar, row.StudentID, credential.IDSeparators)
		row.StudentID, okID = "", false
	}
	if v, ok := c.required(ix[fFamilyName], maxNameLen); ok {
		row.FamilyName = c.name(ix[fFamilyName], v)
	}
	if v, ok := c.required(ix[fGivenName], maxNameLen); ok {
		row.GivenName = c.name(ix[fGivenName], v)
	}
	if v, ok := c.cell(ix[fPatronymic], maxNameLen); ok {
		row.Patronymic = c.name(ix[fPatronymic], v)
	}
	if v, ok := c.cell(ix[fEmail], maxEmailLen); ok && v != "" {
		if validEmail(v) {
			row.Email = v
		} else {
			c.add(ix[fEmail], CodeInvalidEmail, lang.SheetEmail, maskEmail(v))
		}
	}
	if v, ok := c.cell(ix[fIIN], maxCellLen); ok && v != "" {
		if iin, msg, valid := checkIIN(v, rd.today); valid {
			row.IIN = iin
		} else {
			c.add(ix[fIIN], CodeInvalidIIN, msg, maskIIN(v), utf8.RuneCountInString(stripIINSeparators(v)))
		}
	}
	var rawFrom, rawTo string
	var okFrom, okTo bool
	if rd.opt.Staff {
		rawFrom, okFrom, rawTo, okTo = c.staff(&row)
	} else {
		rawFrom, okFrom = c.required(ix[fDateFrom], maxCellLen)
		rawTo, okTo = c.required(ix[fDateTo], maxCellLen)
	}
	if okFrom {
		row.DateFrom, okFrom = c.date(ix[fDateFrom], rawFrom)
	}
	if okTo {
		row.DateTo, okTo = c.date(ix[fDateTo], rawTo)
	}
	tomorrow := rd.today.AddDate(0, 0, 1)
	if okFrom && okTo && row.DateFrom.After(row.DateTo) {
		c.add(ix[fDateTo], CodePeriodReversed, lang.SheetPeriodReversed, showDate(row.DateFrom), showDate(row.DateTo))
	} else if okTo && row.DateTo.After(tomorrow) {
		c.add(ix[fDateTo], CodeFutureDate, lang.SheetFutureDate, showDate(row.DateTo))
	}
	if col := ix[fDecisionDate]; col >= 0 {
		var v string
		var ok bool
		if rd.opt.RequireDecisionDate {
			v, ok = c.required(col, maxCellLen)
		} else {
			v, ok = c.cell(col, maxCellLen)
		}
		if ok && v != "" {
			if d, ok := c.date(col, v); ok {
				switch {
				case d.After(tomorrow):
					c.add(col, CodeFutureDate, lang.SheetFutureDate, showDate(d))
				case okFrom && d.Before(row.DateFrom):
					c.add(col, CodeDecisionBeforePeriod, lang.SheetDecisionBeforePeriod, showDate(d), showDate(row.DateFrom))
				default:
					row.DecisionDate = d
				}
			}
		}
	}
	row.Hours = c.number(ix[fHours], maxHours)
	row.Credits = c.number(ix[fCredits], maxCredits)
	if v, ok := c.cell(ix[fLanguage], maxCellLen); ok && v != "" {
		if code, known := rd.langs[headerKey(v)]; known {
			row.Language = code
		} else {
			c.add(ix[fLanguage], CodeInvalidLanguage, lang.SheetLanguage, v)
		}
	}
	row.Grades = c.grades()

	if okID {
		key := dupKey{strings.ToUpper(row.StudentID), rawFrom, rawTo, row.DateFrom, row.DateTo}
		if okFrom {
			key.rawFrom = ""
		}
		if okTo {
			key.rawTo = ""
		}
		if first, dup := rd.seen[key]; dup {
			c.add(ix[fStudentID], CodeDuplicateRow, lang.SheetDuplicateRow, row.StudentID, first)
		} else {
			rd.seen[key] = rec.row
		}
	}
	return row
}

// dupKey identifies a student and period: the dates when they parsed,
// else the cells as written.
type dupKey struct {
	id             string
	rawFrom, rawTo string
	from, to       time.Time
}

// number reads an optional positive number.
func (c *rowCheck) number(col int, limit float64) *float64 {
	v, ok := c.cell(col, maxCellLen)
	if !ok || v == "" {
		return nil
	}
	f, ok := parseNumber(v, limit)
	if !ok {
		c.add(col, CodeInvalidNumber, lang.SheetNumber, v, formatNumber(limit))
		return nil
	}
	return &f
}

// grades reads every required competency's grade, and the optional
// competencies' grades that are given.
func (c *rowCheck) grades() map[string]Grade {
	comps := c.rd.comps
	if len(comps) == 0 {
		return nil
	}
	out := make(map[string]Grade, len(comps))
	for i, code := range comps {
		col := c.rd.lay.grades[i]
		optional := i >= len(c.rd.opt.Competencies)
		var v string
		var ok bool
		if optional {
			if v, ok = c.cell(col, maxCellLen); v == "" {
				continue
			}
		} else {
			v, ok = c.required(col, maxCellLen)
		}
		if !ok {
			continue
		}
		norm, numeric := normGrade(v)
		p, letter, err := c.rd.opt.Scale.Parse(norm)
		if err != nil || letter == "" || math.IsNaN(p) || p < 0 || p > 100 {
			c.add(col, CodeInvalidGrade, lang.SheetGradeInvalid, v)
			continue
		}
		if !optional && !c.rd.opt.Scale.Passing(letter) {
			c.add(col, CodeFailingGrade, lang.SheetGradeFailing, v, letter, code)
			continue
		}
		out[code] = Grade{Raw: v, Percent: p, Letter: letter, FromLetter: !numeric}
	}
	return out
}
