package credential

import (
	"github.com/tanu-edu/tanu/lang"

	"fmt"
	"math"
	"strconv"
	"strings"
)

// GradeBand is one letter of a grade scale: percents in [Min, Max] earn
// Letter. Pass is false for a failing letter.
type GradeBand struct {
	Letter string  `json:"letter"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
	Pass   bool    `json:"pass"`
	Name   Text    `json:"name"`
}

// GradeScale is an ordered list of bands, highest first.
type GradeScale struct {
	Bands []GradeBand `json:"bands"`
}

// DefaultGradeScale returns the letter scale of the Satbayev regulation
// (sec. 6): A 95–100 … D 50–54, F below 50.
func DefaultGradeScale() GradeScale {
	excellent := Text{"kk": "өте жақсы", "ru": "отлично", "en": "excellent"}
	veryGood := Text{"kk": "аса жақсы", "ru": "очень хорошо", "en": "very good"}
	good := Text{"kk": "жақсы", "ru": "хорошо", "en": "good"}
	sat := Text{"kk": "қанағаттанарлық", "ru": "удовлетворительно", "en": "satisfactory"}
	fail := Text{"kk": "қанағаттандырылғысыз", "ru": "неудовлетворительно", "en": "fail"}
	return GradeScale{Bands: []GradeBand{
		{"A", 95, 100, true, excellent},
		{"A-", 90, 94.99, true, excellent},
		{"B+", 85, 89.99, true, veryGood},
		{"B", 80, 84.99, true, veryGood},
		{"B-", 75, 79.99, true, veryGood},
		{"C+", 70, 74.99, true, good},
		{"C", 60, 69.99, true, good},
		{"D+", 55, 59.99, true, sat},
		{"D", 50, 54.99, true, sat},
		{"F", 0, 49.99, false, fail},
	}}
}

// Validate checks that the scale has bands, unique letters, and at least one
// passing and one failing letter.
func (s GradeScale) Validate() error {
	if len(s.Bands) == 0 {
		return Errorf(CodeInvalid, "grade scale has no bands")
	}
	seen := map[string]bool{}
	var pass, fail bool
	for _, b := range s.Bands {
		if b.Letter == "" || seen[b.Letter] {
			return Errorf(CodeInvalid, "grade scale: empty or repeated letter %q", b.Letter)
		}
		if b.Min > b.Max || b.Min < 0 || b.Max > 100 {
			return Errorf(CodeInvalid, "grade scale: band %s has a bad range %v–%v", b.Letter, b.Min, b.Max)
		}
		seen[b.Letter] = true
		pass = pass || b.Pass
		fail = fail || !b.Pass
	}
	if !pass || !fail {
		return Errorf(CodeInvalid, "grade scale needs at least one passing and one failing letter")
	}
	return nil
}

// LetterFor returns the letter earned by percent p.
func (s GradeScale) LetterFor(p float64) string {
	for _, b := range s.Bands {
		if p >= b.Min {
			return b.Letter
		}
	}
	return s.Bands[len(s.Bands)-1].Letter
}

// Band returns the band of a letter.
func (s GradeScale) Band(letter string) (GradeBand, bool) {
	for _, b := range s.Bands {
		if strings.EqualFold(b.Letter, letter) {
			return b, true
		}
	}
	return GradeBand{}, false
}

// Passing reports whether letter is a passing grade.
func (s GradeScale) Passing(letter string) bool {
	b, ok := s.Band(letter)
	return ok && b.Pass
}

// Letters returns the letters from lowest to highest, as Open Badges
// allowedValue wants them.
func (s GradeScale) Letters() []string {
	out := make([]string, len(s.Bands))
	for i, b := range s.Bands {
		out[len(s.Bands)-1-i] = b.Letter
	}
	return out
}

// LowestPassing returns the lowest passing letter.
func (s GradeScale) LowestPassing() string {
	for i := len(s.Bands) - 1; i >= 0; i-- {
		if s.Bands[i].Pass {
			return s.Bands[i].Letter
		}
	}
	return ""
}

// Parse reads a grade written as a percent ("86", "86,5", "86%") or a letter
// ("B+"). It returns the percent (-1 when only a letter was given) and the
// letter.
func (s GradeScale) Parse(raw string) (percent float64, letter string, err error) {
	v := strings.TrimSpace(raw)
	if v == "" {
		return 0, "", Errorm(CodeInvalid, lang.IssueGradeEmpty)
	}
	num := strings.TrimSuffix(strings.ReplaceAll(v, ",", "."), "%")
	if f, perr := strconv.ParseFloat(strings.TrimSpace(num), 64); perr == nil {
		if math.IsNaN(f) || f < 0 || f > 100 {
			return 0, "", Errorm(CodeInvalid, lang.IssueGradeRange, raw)
		}
		return f, s.LetterFor(f), nil
	}
	if b, ok := s.Band(v); ok {
		return -1, b.Letter, nil
	}
	return 0, "", Errorm(CodeInvalid, lang.IssueGradeUnknown, raw, strings.Join(s.Letters(), ", "))
}

// Grade is one competency's result.
type Grade struct {
	Percent float64 `json:"percent"` // -1 when only a letter was given
	Letter  string  `json:"letter"`
}

// ParseGradeValue reads a grade from a JSON value: a number or a string.
func (s GradeScale) ParseGradeValue(v any) (Grade, error) {
	switch x := v.(type) {
	case float64:
		p, l, err := s.Parse(strconv.FormatFloat(x, 'f', -1, 64))
		return Grade{p, l}, err
	case string:
		p, l, err := s.Parse(x)
		return Grade{p, l}, err
	case int:
		p, l, err := s.Parse(strconv.Itoa(x))
		return Grade{p, l}, err
	default:
		return Grade{}, Errorm(CodeInvalid, lang.IssueGradeType, fmt.Sprint(v))
	}
}
