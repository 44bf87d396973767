package sheet

import (
	"strconv"
	"strings"
	"time"

	"github.com/tanu-edu/tanu/lang"
)

// parseLang maps Options.Lang (lang.Parse: "kk", "kz", "kk-KZ", "ru",
// "en", …) to a language; anything unknown is English.
func parseLang(s string) lang.Tag { return lang.ParseOr(s, lang.EN) }

// columnName is a field's name for a registrar in l.
func columnName(l lang.Tag, f field) string { return l.T(fieldSpecs[f].display) }

// size renders a byte count as megabytes (or kilobytes) for messages.
func size(l lang.Tag, n int64) string {
	unitMB, unitKB := "MB", "KB"
	if l != lang.EN {
		unitMB, unitKB = "МБ", "КБ"
	}
	v, unit := float64(n)/(1<<10), unitKB
	if n >= 1<<20 {
		v, unit = float64(n)/(1<<20), unitMB
	}
	return strings.TrimSuffix(strconv.FormatFloat(v, 'f', 1, 64), ".0") + " " + unit
}

// showDate renders a date as DD.MM.YYYY (the registrars' format) in messages.
func showDate(t time.Time) string { return t.Format("02.01.2006") }
