package render

import (
	"strings"
	"testing"
	"text/template"
	"time"
)

func TestFormatNum(t *testing.T) {
	tests := []struct {
		x    float64
		dec  string
		want string
	}{
		{90, ",", "90"}, {22.5, ",", "22,5"}, {1.2, ".", "1.2"}, {1.0 / 3, ",", "0,33"}, {0, ",", "0"}, {2.999, ".", "3"},
	}
	for _, tt := range tests {
		if got := formatNum(tt.x, tt.dec); got != tt.want {
			t.Errorf("formatNum(%v, %q) = %q, want %q", tt.x, tt.dec, got, tt.want)
		}
	}
}

func TestPlural(t *testing.T) {
	tests := []struct {
		rule string
		x    float64
		want string
	}{
		{"slavic", 1, "час"}, {"slavic", 2, "часа"}, {"slavic", 4, "часа"}, {"slavic", 5, "часов"},
		{"slavic", 11, "часов"}, {"slavic", 12, "часов"}, {"slavic", 21, "час"}, {"slavic", 22, "часа"},
		{"slavic", 90, "часов"}, {"slavic", 1.5, "часа"}, {"slavic", 111, "часов"},
		{"english", 1, "час"}, {"english", 2, "часов"}, {"english", 0, "часов"},
		{"", 5, "час"},
	}
	for _, tt := range tests {
		if got := plural(tt.rule, tt.x, "час", "часа", "часов"); got != tt.want {
			t.Errorf("plural(%q, %v) = %q, want %q", tt.rule, tt.x, got, tt.want)
		}
	}
}

func TestLetterFor(t *testing.T) {
	scale := []GradeBand{
		{"A", 95, 100, "өте жақсы"}, {"A-", 90, 94, "өте жақсы"}, {"B+", 85, 89, "аса жақсы"},
		{"C", 60, 69, "жақсы"}, {"D", 50, 59, "қанағаттанарлық"}, {"F", 0, 49, "қанағаттандырылғысыз"},
	}
	tests := []struct {
		p          float64
		want, name string
	}{
		{100, "A", "өте жақсы"}, {95, "A", "өте жақсы"}, {94.5, "A-", "өте жақсы"}, {89.5, "B+", "аса жақсы"},
		{72, "C", "жақсы"}, {50, "D", "қанағаттанарлық"}, {49.9, "F", "қанағаттандырылғысыз"}, {0, "F", "қанағаттандырылғысыз"},
	}
	for _, tt := range tests {
		if l, n := letterFor(scale, tt.p); l != tt.want || n != tt.name {
			t.Errorf("letterFor(%v) = %q %q, want %q %q", tt.p, l, n, tt.want, tt.name)
		}
	}
	if l, _ := letterFor(nil, 80); l != "" {
		t.Errorf("letterFor with no scale = %q, want empty", l)
	}
	if got := bandName(scale, "C"); got != "жақсы" {
		t.Errorf("bandName(C) = %q", got)
	}
}

func TestNonzeroAndClean(t *testing.T) {
	for _, x := range []any{time.Time{}, 0.0, 0, "", []string{}, []string(nil), nil} {
		if nonzero(x) {
			t.Errorf("nonzero(%#v) = true", x)
		}
	}
	for _, x := range []any{time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), 1.2, 3, "a", []string{"x"}} {
		if !nonzero(x) {
			t.Errorf("nonzero(%#v) = false", x)
		}
	}
	if got := clean("a\uE000b\uE001c\nd\x00e"); got != "abc de" {
		t.Errorf("clean = %q", got)
	}
}

// TestKazakhDates checks the case forms of Kazakh month names used with
// бастап, дейін and шешімімен, and the other template functions.
func TestTemplateFuncs(t *testing.T) {
	v := &vocab{
		Months: map[string][]string{
			"nom": {"қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"},
			"abl": {"қаңтардан", "ақпаннан", "наурыздан", "сәуірден", "мамырдан", "маусымнан", "шілдеден", "тамыздан", "қыркүйектен", "қазаннан", "қарашадан", "желтоқсаннан"},
		},
		NQFWords: []string{"бірінші", "екінші", "үшінші", "төртінші", "бесінші", "алтыншы", "жетінші", "сегізінші"},
		Forms:    map[string]string{"blended": "аралас"},
		Decimal:  ",",
	}
	if err := v.check(); err != nil {
		t.Fatal(err)
	}
	data := map[string]any{"D": time.Date(2026, time.February, 2, 0, 0, 0, 0, time.UTC), "N": 6, "H": 1.2, "F": "blended", "X": "dual", "M": 49.0}
	tests := []struct{ tpl, want string }{
		{`{{year .D}} жылғы «{{day .D}}» {{month "abl" .D}} бастап`, "2026 жылғы «02» ақпаннан бастап"},
		{`{{month "nom" .D}} {{month "gen" .D}} {{dayn .D}} {{dmy .D}}`, "ақпан ақпан 2 02.02.2026"},
		{`{{nqf .N}} {{nqf 9}}`, "6 (алтыншы) 9"},
		{`{{fixed2 .H}} {{num .H}} {{next .M}}`, "1,20 1,2 50"},
		{`{{form .F}} {{form .X}}`, "аралас dual"},
		{`{{b "x"}}{{upper "әбі"}}`, "\uE000x\uE001ӘБІ"},
	}
	for _, tt := range tests {
		tp := template.Must(template.New("t").Funcs(funcMap(v)).Parse(tt.tpl))
		var sb strings.Builder
		if err := tp.Execute(&sb, data); err != nil {
			t.Fatalf("%s: %v", tt.tpl, err)
		}
		if sb.String() != tt.want {
			t.Errorf("%s = %q, want %q", tt.tpl, sb.String(), tt.want)
		}
	}
}
