package render

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"text/template"
	"time"
)

// Emphasis markers: {{b "x"}} wraps x in these private-use runes, which the
// text layout turns into a switch to the style's emphasis face. They are
// stripped from certificate data, so data can never toggle emphasis.
const (
	emOn  = '\uE000'
	emOff = '\uE001'
)

// funcMap returns the template functions bound to one layout's vocabulary.
//
//	day t            "02"
//	dayn t           "2"
//	year t           "2026"
//	month "abl" t    month name in the vocabulary's case list ("nom" if unknown)
//	dmy t            "02.01.2026"
//	num x            12 / 22,5 (decimal separator from the vocabulary, at most 2 decimals)
//	fixed2 x         1,20 (always 2 decimals)
//	next x           the whole number after x: 49 → 50, 49,99 → 50 (for "below 50")
//	nqf n            "6 (алтыншы)"
//	form code        translated form of study
//	b s              emphasis
//	upper s          upper case
//	join list sep    joins strings
//	plural x one few many   the word form for x under the vocabulary's plural rule
//	nonzero x        false for zero times, numbers, empty strings and slices
func funcMap(v *vocab) template.FuncMap {
	return template.FuncMap{
		"day":  func(t time.Time) string { return fmt.Sprintf("%02d", t.Day()) },
		"dayn": func(t time.Time) string { return strconv.Itoa(t.Day()) },
		"year": func(t time.Time) string { return strconv.Itoa(t.Year()) },
		"month": func(grammaticalCase string, t time.Time) string {
			names, ok := v.Months[grammaticalCase]
			if !ok {
				names = v.Months["nom"]
			}
			return names[t.Month()-1]
		},
		"dmy":    func(t time.Time) string { return t.Format("02.01.2006") },
		"num":    func(x float64) string { return formatNum(x, v.Decimal) },
		"fixed2": func(x float64) string { return strings.Replace(strconv.FormatFloat(x, 'f', 2, 64), ".", v.Decimal, 1) },
		"nqf":    func(n int) string { return formatNQF(n, v) },
		"next":   func(x float64) string { return formatNum(math.Floor(x)+1, v.Decimal) },
		"form": func(code string) string {
			if s, ok := v.Forms[code]; ok {
				return s
			}
			return code
		},
		"b":       func(s string) string { return string(emOn) + s + string(emOff) },
		"upper":   strings.ToUpper,
		"join":    strings.Join,
		"nonzero": nonzero,
		"plural": func(x float64, one, few, many string) string {
			return plural(v.Plural, x, one, few, many)
		},
	}
}

// formatNum prints x with at most two decimals, trailing zeros removed.
func formatNum(x float64, dec string) string {
	s := strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64)
	return strings.Replace(s, ".", dec, 1)
}

func formatNQF(n int, v *vocab) string {
	if n < 1 || n > len(v.NQFWords) {
		return strconv.Itoa(n)
	}
	return fmt.Sprintf(v.NQFFormat, n, v.NQFWords[n-1])
}

func nonzero(x any) bool {
	switch t := x.(type) {
	case nil:
		return false
	case time.Time:
		return !t.IsZero()
	}
	return !reflect.ValueOf(x).IsZero() && !isEmptySlice(x)
}

func isEmptySlice(x any) bool {
	v := reflect.ValueOf(x)
	return (v.Kind() == reflect.Slice || v.Kind() == reflect.Map) && v.Len() == 0
}

// clean removes emphasis markers and control characters from data strings.
func clean(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r == emOn || r == emOff || r < ' ' }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == emOn || r == emOff:
			return -1
		case r == '\n' || r == '\t' || r == '\r':
			return ' '
		case r < ' ':
			return -1
		}
		return r
	}, s)
}

// letterFor returns the band with the highest minimum not above p, so that
// percents between two bands' ranges (89.5 with B+ 85–89 and A- 90–94) fall
// into the lower one.
func letterFor(scale []GradeBand, p float64) (letter, name string) {
	best := -1
	for i, b := range scale {
		if p >= b.Min && (best < 0 || b.Min > scale[best].Min) {
			best = i
		}
	}
	if best < 0 {
		return "", ""
	}
	return scale[best].Letter, scale[best].Name
}

// bandName returns the level name of letter in scale.
func bandName(scale []GradeBand, letter string) string {
	for _, b := range scale {
		if b.Letter == letter {
			return b.Name
		}
	}
	return ""
}

// plural picks the word form for x: "slavic" follows Russian rules (1 час,
// 2 часа, 5 часов, 1,5 часа), "english" uses one for exactly 1 and many
// otherwise; any other rule returns one.
func plural(rule string, x float64, one, few, many string) string {
	switch rule {
	case "english":
		if x == 1 {
			return one
		}
		return many
	case "slavic":
		if x != math.Trunc(x) {
			return few
		}
		n := int64(math.Abs(x))
		switch {
		case n%10 == 1 && n%100 != 11:
			return one
		case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
			return few
		}
		return many
	}
	return one
}
