package sheet

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// Plausible years for any date in a cohort file.
const (
	minYear = 1900
	maxYear = 2100
)

// Length limits (in characters) of free-text values.
const (
	maxIDLen    = credential.MaxStudentIDLen
	maxNameLen  = credential.MaxNameLen
	maxEmailLen = credential.MaxEmailLen
	maxCellLen  = 500
)

// Upper bounds of the optional numbers.
const (
	maxHours   = 10000
	maxCredits = 1000
)

// parseDate parses a date cell (see the package doc for the accepted forms)
// into UTC midnight. On failure it returns the message to show and the code.
func parseDate(s string) (time.Time, lang.Key, string) {
	datePart := s
	if i := strings.IndexAny(s, " T"); i > 0 {
		if !isTimeOfDay(strings.TrimSpace(s[i+1:])) {
			return time.Time{}, lang.SheetDateFormat, CodeInvalidDate
		}
		datePart = s[:i]
	}
	sep := byte(0)
	for i := 0; i < len(datePart); i++ {
		switch c := datePart[i]; {
		case c == '.' || c == '-' || c == '/':
			if sep == 0 {
				sep = c
			} else if c != sep {
				return time.Time{}, lang.SheetDateFormat, CodeInvalidDate
			}
		case c < '0' || c > '9':
			return time.Time{}, lang.SheetDateFormat, CodeInvalidDate
		}
	}
	if sep == 0 {
		return time.Time{}, lang.SheetDateFormat, CodeInvalidDate
	}
	var parts [3]string // the last part takes the rest; a fourth separator fails below
	for i := range parts {
		j := strings.IndexByte(datePart, sep)
		if i == 2 {
			j = len(datePart)
		}
		if j < 0 {
			return time.Time{}, lang.SheetDateFormat, CodeInvalidDate
		}
		parts[i], datePart = datePart[:j], datePart[min(j+1, len(datePart)):]
	}
	for _, p := range parts {
		if p == "" || len(p) > 4 || strings.IndexByte(p, sep) >= 0 {
			return time.Time{}, lang.SheetDateFormat, CodeInvalidDate
		}
	}
	n0, _ := strconv.Atoi(parts[0])
	n1, _ := strconv.Atoi(parts[1])
	n2, _ := strconv.Atoi(parts[2])
	var y, m, d int
	switch {
	case len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2:
		y, m, d = n0, n1, n2 // YYYY-MM-DD (any of the three separators)
	case len(parts[2]) == 4 && len(parts[0]) <= 2 && len(parts[1]) <= 2:
		y = n2
		if sep != '/' {
			d, m = n0, n1 // DD.MM.YYYY, DD-MM-YYYY
			break
		}
		switch {
		case n0 == n1 || (n0 > 12 && n1 <= 12):
			d, m = n0, n1 // DD/MM/YYYY, unambiguous
		case n1 > 12 && n0 <= 12:
			d, m = n1, n0 // MM/DD/YYYY, unambiguous
		case n0 <= 12 && n1 <= 12 && n0 >= 1 && n1 >= 1:
			return time.Time{}, lang.SheetDateAmbiguous, CodeAmbiguousDate
		default:
			return time.Time{}, lang.SheetDateImpossible, CodeInvalidDate
		}
	case len(parts[2]) == 2 && len(parts[0]) <= 2 && len(parts[1]) <= 2:
		return time.Time{}, lang.SheetDateShortYear, CodeInvalidDate
	default:
		return time.Time{}, lang.SheetDateFormat, CodeInvalidDate
	}
	if y < minYear || y > maxYear {
		return time.Time{}, lang.SheetDateYear, CodeInvalidDate
	}
	if !validDate(y, m, d) {
		return time.Time{}, lang.SheetDateImpossible, CodeInvalidDate
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), "", ""
}

// isTimeOfDay accepts the time part exporters append to dates:
// "0:00:00", "00:00", "00:00:00.000", "00:00:00Z", "00:00:00+05:00".
func isTimeOfDay(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' || !strings.Contains(s, ":") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && c != ':' && c != '.' && c != 'Z' && c != '+' && c != '-' {
			return false
		}
	}
	return true
}

// validDate reports whether y-m-d is a real calendar date.
func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// checkIIN validates an IIN cell and returns it as 12 digits. Spaces and
// hyphens between digit groups are dropped. On failure it returns the
// message (whose argument is maskIIN of the value).
func checkIIN(s string, today time.Time) (string, lang.Key, bool) {
	s = stripIINSeparators(s)
	for _, r := range s {
		if r < '0' || r > '9' {
			return "", lang.SheetIINChars, false
		}
	}
	switch len(s) {
	case 12:
	case 11:
		return "", lang.SheetIINLengthZero, false
	default:
		return "", lang.SheetIINLength, false
	}
	var d [12]int
	for i := range d {
		d[i] = int(s[i] - '0')
	}
	yy, mm, dd := d[0]*10+d[1], d[2]*10+d[3], d[4]*10+d[5]
	var centuries []int
	switch d[6] {
	case 1, 2:
		centuries = []int{1800}
	case 3, 4:
		centuries = []int{1900}
	case 5, 6:
		centuries = []int{2000}
	case 0:
		centuries = []int{1900, 2000}
	default:
		return "", lang.SheetIINCentury, false
	}
	born := false
	for _, c := range centuries {
		if validDate(c+yy, mm, dd) && !time.Date(c+yy, time.Month(mm), dd, 0, 0, 0, 0, time.UTC).After(today) {
			born = true
		}
	}
	if !born {
		return "", lang.SheetIINBirth, false
	}
	if c, ok := credential.IINCheckDigit([11]int(d[:11])); !ok || c != d[11] {
		return "", lang.SheetIINCheck, false
	}
	return s, "", true
}

// stripIINSeparators drops the spaces and hyphens people put between
// digit groups.
func stripIINSeparators(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
}

// maskIIN shows only the last four characters of an IIN, quoted: the
// contract stores and shows IINs only hashed, and problem messages are
// stored with the batch.
func maskIIN(s string) string {
	r := []rune(stripIINSeparators(s))
	if len(r) <= 4 {
		return `"****"`
	}
	return `"` + strings.Repeat("*", len(r)-4) + string(r[len(r)-4:]) + `"`
}

// maskEmail hides an address's local part but its first character, keeping
// the domain (where most typos are): problem messages are stored with the
// batch and outlive its cells, which a retention purge clears.
func maskEmail(s string) string {
	at := strings.LastIndexByte(s, '@')
	local, domain := s, ""
	if at >= 0 {
		local, domain = s[:at], s[at:]
	}
	r := []rune(local)
	if len(r) > 1 {
		local = string(r[:1]) + "***"
	}
	return local + domain
}

// validEmail is credential.ValidEmail, the check every entry point shares.
func validEmail(s string) bool { return credential.ValidEmail(s) }

// languageKeys maps headerKey of every language name lang.Parse accepts
// to its code.
func languageKeys() map[string]string {
	m := map[string]string{}
	for name, t := range lang.Aliases() {
		m[headerKey(name)] = string(t)
	}
	return m
}

// parseNumber parses a positive decimal (point or comma, spaces as
// thousands separators) not above max.
func parseNumber(s string, max float64) (float64, bool) {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f':
			return -1
		case ',':
			return '.'
		}
		return r
	}, s)
	if !isDecimal(s) {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v <= 0 || v > max {
		return 0, false
	}
	return v, true
}

// isDecimal reports whether s is digits with at most one inner point.
func isDecimal(s string) bool {
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' {
		return false
	}
	dot := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.':
			if dot {
				return false
			}
			dot = true
		case c < '0' || c > '9':
			return false
		}
	}
	return true
}

// normGrade prepares a grade cell for GradeScale.Parse: spaces and "%"
// removed, decimal comma to point; letters upper-case, Cyrillic look-alikes
// (А, В, С) to Latin and dash variants to "-". It reports whether the cell
// is a number.
func normGrade(s string) (string, bool) {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case ' ', '\u00a0', '\u202f', '%':
			continue
		case ',':
			r = '.'
		case '–', '—', '−', '‐', '‑':
			r = '-'
		case 'А', 'а':
			r = 'A'
		case 'В', 'в':
			r = 'B'
		case 'С', 'с':
			r = 'C'
		default:
			r = unicode.ToUpper(r)
		}
		b.WriteRune(r)
	}
	out := b.String()
	return out, isDecimal(out)
}

// hasLetter and hasDigit classify names.
func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }
func hasDigit(s string) bool  { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }

// collapseSpaces turns runs of spaces inside a name into one space.
func collapseSpaces(s string) string {
	if !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
