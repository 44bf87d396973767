package credential

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tanu-edu/tanu/lang"
)

// One set of checks for what a person types into a credential, used by
// every entry point (the JSON API, the spreadsheet importer, the CLI,
// TeachHub cards and programs): explicit lengths, ranges and character
// classes. Each Check* returns a Verdict; callers word it (Verdict.Detail,
// a catalog message said in the request's language; package sheet words
// cells its own way).

// Limits of the values of a credential and a program.
const (
	// MaxStudentIDLen is the longest student or staff id, in characters.
	MaxStudentIDLen = 64
	// MaxNameLen is the longest part of a person's name.
	MaxNameLen = 100
	// MaxEmailLen is the longest e-mail address (RFC 5321).
	MaxEmailLen = 254
	// MaxLineLen is the longest one-line text: a department, a position, a
	// facilitator, a decision number.
	MaxLineLen = 300
	// MaxTitleLen is the longest program or competency title (per language).
	MaxTitleLen = 500
	// MaxDescriptionLen is the longest multi-line text (a description, a
	// note), per language.
	MaxDescriptionLen = 5000
	// MaxCompetencies is the most competencies a program lists.
	MaxCompetencies = 100
	// MaxCompetencyCodeLen is the longest competency code.
	MaxCompetencyCodeLen = 32
	// MaxFacilitators is the most facilitators an award names.
	MaxFacilitators = 20
	// MaxHours bounds academic hours (also contact and self-study hours).
	MaxHours = 10000
	// MaxCredits bounds academic credits.
	MaxCredits = 1000
	// MinYear and MaxYear bound every date of a credential or program.
	MinYear = 1900
	MaxYear = 2100
)

// IDSeparators are the characters a student id may hold besides letters
// and digits (never first).
const IDSeparators = "-_./"

// Problem says why a value was refused.
type Problem int

// Problems.
const (
	OK          Problem = iota
	TooLong             // longer than Verdict.Max characters
	BadChar             // holds Verdict.Rune, outside the field's characters
	NoLetter            // a name without a letter
	BadStart            // does not start with a letter or a digit
	InvalidUTF8         // not valid UTF-8
)

// Verdict is the outcome of a check.
type Verdict struct {
	Problem Problem
	Rune    rune // the character refused (BadChar)
	Len     int  // length in characters (TooLong)
	Max     int  // the limit (TooLong)
}

// OK reports whether the value passed.
func (v Verdict) OK() bool { return v.Problem == OK }

// ShowRune names a character for a message: itself when printable,
// always with its code point (U+202E).
func ShowRune(r rune) string {
	if unicode.IsGraphic(r) && !unicode.Is(unicode.Cf, r) && r != ' ' {
		return fmt.Sprintf("%q, %U", string(r), r)
	}
	return fmt.Sprintf("%U", r)
}

// Detail words the verdict as a problem of field, in the catalog (said in
// the request's language by Localize; Message is the English wording).
// A passing verdict gives an empty Detail.
func (v Verdict) Detail(field string) Detail {
	f := lang.Field(field)
	switch v.Problem {
	case TooLong:
		return DetailMsg(field, lang.ValueTooLong, f, v.Len, v.Max)
	case BadChar:
		return DetailMsg(field, lang.ValueBadChar, f, ShowRune(v.Rune))
	case NoLetter:
		return DetailMsg(field, lang.ValueNoLetter, f)
	case BadStart:
		return DetailMsg(field, lang.ValueBadStart, f)
	case InvalidUTF8:
		return DetailMsg(field, lang.ValueNotUTF8, f)
	}
	return Detail{}
}

// hidden reports characters no value may hold: controls (line breaks and
// tabs included), format characters such as the bidirectional overrides
// U+202A–U+202E and U+2066–U+2069 (which make text read backwards),
// unassigned code points, private use and the replacement character.
func hidden(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r) ||
		r == utf8.RuneError || !unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Zs)
}

// check runs the common part: valid UTF-8, the length, and allowed(r)
// for every character.
func check(s string, max int, allowed func(rune) bool) Verdict {
	if !utf8.ValidString(s) {
		return Verdict{Problem: InvalidUTF8}
	}
	if n := utf8.RuneCountInString(s); n > max {
		return Verdict{Problem: TooLong, Len: n, Max: max}
	}
	for _, r := range s {
		if !allowed(r) {
			return Verdict{Problem: BadChar, Rune: r}
		}
	}
	return Verdict{}
}

// CheckStudentID checks a student or staff id: letters, digits and the
// IDSeparators, starting with a letter or a digit, at most
// MaxStudentIDLen characters. An empty id passes (required is the
// caller's check).
func CheckStudentID(s string) Verdict { return checkIdentifier(s, MaxStudentIDLen) }

// checkIdentifier checks an identifier (a student id, a competency code):
// letters, digits and the IDSeparators, starting with a letter or a digit,
// at most max characters. An empty one passes.
func checkIdentifier(s string, max int) Verdict {
	v := check(s, max, func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(IDSeparators, r)
	})
	if v.OK() && s != "" {
		if r, _ := utf8.DecodeRuneInString(s); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return Verdict{Problem: BadStart}
		}
	}
	return v
}

// nameMarks are the characters a name may hold besides letters, combining
// marks and spaces: hyphens and apostrophes (Ахмет-Бек, O'Brien, Ғалымжанʼ)
// and a dot (initials).
const nameMarks = "-'’ʼ."

// CheckPersonName checks a part of a person's name: letters, combining
// marks, spaces and the nameMarks, with at least one letter, at most
// MaxNameLen characters. No digits, no markup, no line breaks.
func CheckPersonName(s string) Verdict {
	v := check(s, MaxNameLen, func(r rune) bool {
		return unicode.IsLetter(r) || unicode.Is(unicode.M, r) || r == ' ' || strings.ContainsRune(nameMarks, r)
	})
	if v.OK() && s != "" && strings.IndexFunc(s, unicode.IsLetter) < 0 {
		return Verdict{Problem: NoLetter}
	}
	return v
}

// CheckLine checks one line of free text (a department, a position, a
// title): printable characters and spaces, no line breaks, no control or
// bidirectional formatting characters, at most max characters.
func CheckLine(s string, max int) Verdict {
	return check(s, max, func(r rune) bool { return !hidden(r) })
}

// CheckText checks free text that may span lines (a description): as
// CheckLine, but line breaks are allowed.
func CheckText(s string, max int) Verdict {
	return check(s, max, func(r rune) bool { return r == '\n' || r == '\r' || !hidden(r) })
}

// CheckCompetencyCode checks a competency code (LO1, ОН-2.1): letters,
// digits and the IDSeparators, starting with a letter or a digit, at most
// MaxCompetencyCodeLen characters.
func CheckCompetencyCode(s string) Verdict { return checkIdentifier(s, MaxCompetencyCodeLen) }

// CheckNumber checks a number of hours or credits: finite and within
// [min, max]; with positive set, above zero too. ok is false when v fails,
// and d then says why about field.
func CheckNumber(field string, v, min, max float64, positive bool) (d Detail, ok bool) {
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return DetailMsg(field, lang.NumberNotNumber, lang.Field(field)), false
	case positive && v <= 0:
		return DetailMsg(field, lang.NumberPositive, lang.Field(field), num(max)), false
	case v < min || v > max:
		return DetailMsg(field, lang.NumberRange, lang.Field(field), num(min), num(max)), false
	}
	return Detail{}, true
}

// CheckYear reports whether t falls within MinYear..MaxYear.
func CheckYear(t time.Time) bool { return t.Year() >= MinYear && t.Year() <= MaxYear }

// ValidEmail is a deliberately plain check of an address: at most
// MaxEmailLen bytes, one "@", a local part without spaces or specials, a
// dotted domain whose labels are letters, digits and inner hyphens, and a
// top-level label of two or more letters.
func ValidEmail(s string) bool {
	if len(s) > MaxEmailLen || !utf8.ValidString(s) {
		return false
	}
	at := strings.IndexByte(s, '@')
	if at <= 0 || at > 64 || strings.IndexByte(s[at+1:], '@') >= 0 {
		return false
	}
	local, domain := s[:at], s[at+1:]
	if local[0] == '.' || local[len(local)-1] == '.' || strings.Contains(local, "..") {
		return false
	}
	for _, r := range local {
		if r <= ' ' || r == 0x7f || strings.ContainsRune(`"(),:;<>[\]`, r) || hidden(r) {
			return false
		}
	}
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return false
	}
	for _, lb := range labels {
		if lb == "" || len(lb) > 63 || lb[0] == '-' || lb[len(lb)-1] == '-' {
			return false
		}
		for _, r := range lb {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return false
			}
		}
	}
	tld := labels[len(labels)-1]
	if utf8.RuneCountInString(tld) < 2 {
		return false
	}
	for _, r := range tld {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
