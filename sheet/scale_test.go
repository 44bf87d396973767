package sheet_test

import (
	"fmt"
	"strconv"
	"strings"
)

// testScale is the default letter scale of the regulation (sec. 6):
// A 95–100, A- 90–94, B+ 85–89, B 80–84, B- 75–79, C+ 70–74, C 60–69,
// D+ 55–59, D 50–54, F below 50; F fails. A letter's percent is the lower
// bound of its band.
type testScale struct{}

var bands = []struct {
	letter string
	min    float64
}{
	{"A", 95}, {"A-", 90}, {"B+", 85}, {"B", 80}, {"B-", 75},
	{"C+", 70}, {"C", 60}, {"D+", 55}, {"D", 50}, {"F", 0},
}

func (testScale) Parse(raw string) (float64, string, error) {
	s := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(raw), "%"))
	if p, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64); err == nil {
		if p < 0 || p > 100 || p != p {
			return 0, "", fmt.Errorf("percent %v out of range", p)
		}
		for _, b := range bands {
			if p >= b.min {
				return p, b.letter, nil
			}
		}
	}
	u := strings.ToUpper(s)
	for _, b := range bands {
		if u == b.letter {
			return b.min, b.letter, nil
		}
	}
	return 0, "", fmt.Errorf("%q is neither a percent nor a letter grade", raw)
}

func (testScale) Passing(letter string) bool { return letter != "F" }
