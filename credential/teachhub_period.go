package credential

import (
	"strconv"
	"time"

	"github.com/tanu-edu/tanu/lang"
)

// Period is a span of days, both inclusive (YYYY-MM-DD).
type Period struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Days returns the number of days of the period (at least 1), or 0 when
// a date is missing or malformed or the period is reversed.
func (p Period) Days() int {
	f, errF := time.Parse(time.DateOnly, p.From)
	t, errT := time.Parse(time.DateOnly, p.To)
	if errF != nil || errT != nil || t.Before(f) {
		return 0
	}
	return int(t.Sub(f).Hours()/24) + 1
}

// MaxContactHoursPerDay bounds the contact hours a study period can hold:
// a card whose period has fewer than contact hours / 12 days is refused at
// completion, so a 36-hour module never prints a one-day period.
const MaxContactHoursPerDay = 12

// PeriodMissing lists what the card's study period lacks for completion:
// both days, in order, and long enough for its contact hours. With
// streamOK, a card without dates whose stream has them lacks nothing (the
// coordinator has confirmed the stream's dates); else such a card is told
// to confirm them.
func (c *Card) PeriodMissing(streamOK bool) []Detail {
	p := Period{From: c.DateFrom, To: c.DateTo}
	if p.From == "" && p.To == "" && c.Document != nil {
		p = Period{From: c.Document.DateFrom, To: c.Document.DateTo}
	}
	if p.From == "" && p.To == "" && c.StreamPeriod != nil && c.StreamPeriod.Days() > 0 {
		if !streamOK {
			return []Detail{DetailMsg("confirm_period", lang.CardConfirmStreamPeriod, c.StreamPeriod.From, c.StreamPeriod.To)}
		}
		p = *c.StreamPeriod
	}
	var out []Detail
	if _, err := parseDate(p.From); err != nil {
		out = append(out, DetailMsg("date_from", lang.CardNoPeriodStart))
	}
	if _, err := parseDate(p.To); err != nil {
		out = append(out, DetailMsg("date_to", lang.CardNoPeriodEnd))
	}
	if len(out) > 0 {
		return out
	}
	days := p.Days()
	if days == 0 {
		return []Detail{DetailMsg("date_to", lang.TeachHubPeriodReversed, p.To, p.From)}
	}
	if c.ContactHours > float64(days*MaxContactHoursPerDay) {
		return []Detail{DetailMsg("date_from", lang.CardPeriodTooShort, p.From, p.To, days,
			strconv.FormatFloat(c.ContactHours, 'f', -1, 64), MaxContactHoursPerDay)}
	}
	return nil
}

// ReportFilter selects the cards of the HR summary list.
type ReportFilter struct {
	From       string // first day, YYYY-MM-DD (default: 1 January of this year)
	To         string // last day, YYYY-MM-DD (default: today)
	Department string // exact department, or all
	Status     string // a card status, or all
	Kind       string // teachhub_module or nonformal_activity, or both
}

// MaxReportCards bounds the activities of one HR report: a report over more
// is refused with a request to narrow the filters.
const MaxReportCards = 20000

// Stream is a stream of a program's cards and its study period, when
// recorded.
type Stream struct {
	Name   string  `json:"name"`
	Period *Period `json:"period,omitempty"`
}
