package sheet

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

func TestParseDate(t *testing.T) {
	d := func(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in   string
		want time.Time
		msg  lang.Key
		code string
	}{
		{in: "2026-02-02", want: d(2026, 2, 2)},
		{in: "02.02.2026", want: d(2026, 2, 2)},
		{in: "2.2.2026", want: d(2026, 2, 2)},
		{in: "24.04.2026", want: d(2026, 4, 24)},
		{in: "24-04-2026", want: d(2026, 4, 24)},
		{in: "2026.04.24", want: d(2026, 4, 24)},
		{in: "29.02.2028", want: d(2028, 2, 29)},
		{in: "02.02.2026 0:00:00", want: d(2026, 2, 2)},
		{in: "2026-02-02T00:00:00Z", want: d(2026, 2, 2)},
		{in: "24/04/2026", want: d(2026, 4, 24)},
		{in: "04/24/2026", want: d(2026, 4, 24)},
		{in: "05/05/2026", want: d(2026, 5, 5)},
		{in: "01/03/2026", msg: lang.SheetDateAmbiguous, code: CodeAmbiguousDate},
		{in: "31.02.2026", msg: lang.SheetDateImpossible, code: CodeInvalidDate},
		{in: "29.02.2026", msg: lang.SheetDateImpossible, code: CodeInvalidDate},
		{in: "2026-13-01", msg: lang.SheetDateImpossible, code: CodeInvalidDate},
		{in: "00.01.2026", msg: lang.SheetDateImpossible, code: CodeInvalidDate},
		{in: "13/13/2026", msg: lang.SheetDateImpossible, code: CodeInvalidDate},
		{in: "02.02.26", msg: lang.SheetDateShortYear, code: CodeInvalidDate},
		{in: "02.02.1850", msg: lang.SheetDateYear, code: CodeInvalidDate},
		{in: "0202-02-02", msg: lang.SheetDateYear, code: CodeInvalidDate},
		{in: "2026/02-02", msg: lang.SheetDateFormat, code: CodeInvalidDate},
		{in: "02.02.2026 noon", msg: lang.SheetDateFormat, code: CodeInvalidDate},
		{in: "46055", msg: lang.SheetDateFormat, code: CodeInvalidDate},
		{in: "2 February 2026", msg: lang.SheetDateFormat, code: CodeInvalidDate},
		{in: "02..2026", msg: lang.SheetDateFormat, code: CodeInvalidDate},
		{in: "1.2.3.4", msg: lang.SheetDateFormat, code: CodeInvalidDate},
	}
	for _, tt := range tests {
		got, msg, code := parseDate(tt.in)
		if msg != tt.msg || code != tt.code || !got.Equal(tt.want) {
			t.Errorf("parseDate(%q) = %v, %v, %q; want %v, %v, %q", tt.in, got, msg, code, tt.want, tt.msg, tt.code)
		}
	}
}

// TestExcelSerialDates pins the serial numbers the XLSX reader relies on
// (excelize's conversion, including the 1900 leap-year bug).
func TestExcelSerialDates(t *testing.T) {
	tests := []struct {
		serial float64
		d1904  bool
		want   string
	}{
		{46055, false, "2026-02-02"},
		{46054, false, "2026-02-01"},
		{45658, false, "2025-01-01"},
		{61, false, "1900-03-01"},
		{44593, true, "2026-02-02"},
	}
	for _, tt := range tests {
		got, err := excelize.ExcelDateToTime(tt.serial, tt.d1904)
		if err != nil || got.Format(time.DateOnly) != tt.want {
			t.Errorf("ExcelDateToTime(%v, %v) = %v, %v; want %s", tt.serial, tt.d1904, got, err, tt.want)
		}
	}
}

// sampleIINs reads every IIN of the sample cohort (all valid).
func sampleIINs(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("testdata/cohort-en.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		if cells := strings.Split(s.Text(), ","); len(cells) > 5 && cells[5] != "iin" {
			out = append(out, cells[5])
		}
	}
	if len(out) != 40 {
		t.Fatalf("found %d IINs, want 40", len(out))
	}
	return out
}

// iinWithCheck completes an 11-digit prefix with its check digit, or
// reports that no check digit is valid.
func iinWithCheck(prefix string) (string, bool) {
	var d [11]int
	for i := range d {
		d[i] = int(prefix[i] - '0')
	}
	c, ok := credential.IINCheckDigit(d)
	if !ok {
		return "", false
	}
	return prefix + string(rune('0'+c)), true
}

func TestCheckIIN(t *testing.T) {
	today := time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
	for _, iin := range sampleIINs(t) {
		if got, msg, ok := checkIIN(iin, today); !ok || got != iin {
			t.Errorf("sample IIN %s rejected: %v", iin, msg)
		}
	}
	// Find prefixes that need the second weight sequence, and one for which
	// both sequences give 10 (no IIN can have it).
	var second, none string
	for serial := 0; serial < 10000 && (second == "" || none == ""); serial++ {
		prefix := "8203234" + strings.Repeat("0", 4-len(itoa(serial))) + itoa(serial)
		sum := 0
		for i := range 11 { // the first weights, 1…11
			sum += int(prefix[i]-'0') * (i + 1)
		}
		if sum%11 != 10 {
			continue
		}
		if iin, ok := iinWithCheck(prefix); ok && second == "" {
			second = iin
		} else if !ok && none == "" {
			none = prefix
		}
	}
	if second == "" || none == "" {
		t.Fatalf("no test prefixes found: %q %q", second, none)
	}
	if _, msg, ok := checkIIN(second, today); !ok {
		t.Errorf("IIN %s (second weights) rejected: %v", second, msg)
	}
	for d := '0'; d <= '9'; d++ {
		if _, _, ok := checkIIN(none+string(d), today); ok {
			t.Errorf("IIN %s accepted though both weight sequences give 10", none+string(d))
		}
	}

	tests := []struct {
		in  string
		msg lang.Key
		ok  bool
	}{
		{"760227487797", "", true},
		{"760227 487797", "", true},
		{"760227487798", lang.SheetIINCheck, false},
		{"50421595512", lang.SheetIINLengthZero, false},
		{"7602274877", lang.SheetIINLength, false},
		{"7602274877970", lang.SheetIINLength, false},
		{"76022748779A", lang.SheetIINChars, false},
		{"750229487797", lang.SheetIINBirth, false}, // 1975-02-29 does not exist
		{"760229487797", lang.SheetIINCheck, false}, // 1976-02-29 does
		{"761303391439", lang.SheetIINBirth, false},
		{"760227987797", lang.SheetIINCentury, false},
		{"300101500000", lang.SheetIINBirth, false}, // born 2030: in the future
	}
	for _, tt := range tests {
		_, msg, ok := checkIIN(tt.in, today)
		if ok != tt.ok || msg != tt.msg {
			t.Errorf("checkIIN(%q) = %v, %v; want %v, %v", tt.in, msg, ok, tt.msg, tt.ok)
		}
	}
	// A 7th digit of 0 is accepted with a date real in the 1900s or 2000s.
	if iin, ok := iinWithCheck("00022904321"); ok {
		if _, msg, ok := checkIIN(iin, today); !ok {
			t.Errorf("IIN %s (digit 7 = 0, 2000-02-29) rejected: %v", iin, msg)
		}
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

func TestMaskIIN(t *testing.T) {
	for in, want := range map[string]string{
		"760227487798":  `"********7798"`,
		"760227 487798": `"********7798"`,
		"12":            `"****"`,
	} {
		if got := maskIIN(in); got != want {
			t.Errorf("maskIIN(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestValidEmail(t *testing.T) {
	good := []string{"s22633920@students.example.edu", "a.b+c@mail.kz", "user@университет.қаз"}
	bad := []string{"", "a", "a@b", "@b.kz", "a@@b.kz", "a b@c.kz", "a@b..kz", "a@-b.kz", "a@b.k", "a@b.12",
		".a@b.kz", "a.@b.kz", "a..b@c.kz", "<a@b.kz>", "a@b_c.kz"}
	for _, s := range good {
		if !validEmail(s) {
			t.Errorf("validEmail(%q) = false", s)
		}
	}
	for _, s := range bad {
		if validEmail(s) {
			t.Errorf("validEmail(%q) = true", s)
		}
	}
}

func TestHeaderMatching(t *testing.T) {
	m := newMatcher([]string{"LO1", "LO2", "LO1.1"})
	tests := []struct {
		header string
		want   field
		grade  int
	}{
		{"student_id", fStudentID, -1},
		{" Student  ID ", fStudentID, -1},
		{"СТУДЕНТ ID", fStudentID, -1},
		{"ID обучающегося", fStudentID, -1},
		{"Білім алушы ID", fStudentID, -1},
		{"Бiлiм алушы ID", fStudentID, -1}, // Latin i for Kazakh і
		{"Тегі", fFamilyName, -1},
		{"Тегi", fFamilyName, -1},
		{"ФАМИЛИЯ", fFamilyName, -1},
		{"Аты", fGivenName, -1},
		{"имя", fGivenName, -1},
		{"Әкесінің аты", fPatronymic, -1},
		{"Экесинин аты", fPatronymic, -1}, // typed without a Kazakh layout
		{"Отчество", fPatronymic, -1},
		{"E-mail", fEmail, -1},
		{"email", fEmail, -1},
		{"Эл. пошта", fEmail, -1},
		{"эл.почта", fEmail, -1},
		{"ЖСН", fIIN, -1},
		{"ИИН", fIIN, -1},
		{"IIN", fIIN, -1},
		{"Басталуы", fDateFrom, -1},
		{"дата начала", fDateFrom, -1},
		{"Date From", fDateFrom, -1},
		{"Аяқталуы", fDateTo, -1},
		{"Аякталуы", fDateTo, -1},
		{"Дата окончания", fDateTo, -1},
		{"Сағат", fHours, -1},
		{"часы", fHours, -1},
		{"Кредит", fCredits, -1},
		{"кредиты", fCredits, -1},
		{"Шешім күні", fDecisionDate, -1},
		{"Шешим куни", fDecisionDate, -1},
		{"дата решения", fDecisionDate, -1},
		{"Тіл", fLanguage, -1},
		{"Язык", fLanguage, -1},
		{"LO1", fGrade, 0},
		{"lo 2", fGrade, 1},
		{"LO1.1", fGrade, 2},
		{"LO2 (%)", fGrade, 1},
		{"LO3", fUnknown, -1},
		{"Топ", fUnknown, -1},
		{"№", fUnknown, -1},
		{"", fBlank, -1},
	}
	for _, tt := range tests {
		f, g := m.match(tt.header)
		if f != tt.want || g != tt.grade {
			t.Errorf("match(%q) = %v, %d; want %v, %d", tt.header, f, g, tt.want, tt.grade)
		}
	}
}

// TestAliasesDistinct guards the alias table: no spelling may mean two columns.
func TestAliasesDistinct(t *testing.T) {
	seen := map[string]field{}
	for f := fStudentID; f < fGrade; f++ {
		for _, a := range fieldSpecs[f].aliases {
			k := headerKey(a)
			if prev, ok := seen[k]; ok && prev != f {
				t.Errorf("alias %q (key %q) means both %s and %s", a, k, fieldSpecs[prev].name, fieldSpecs[f].name)
			}
			seen[k] = f
		}
		if fieldSpecs[f].name == "" {
			t.Errorf("field %d has no spec", f)
		}
	}
}

func TestNormGrade(t *testing.T) {
	tests := []struct {
		in, want string
		numeric  bool
	}{
		{"86", "86", true},
		{"86,5", "86.5", true},
		{" 86 % ", "86", true},
		{"b+", "B+", false},
		{"В+", "B+", false}, // Cyrillic В
		{"А–", "A-", false}, // Cyrillic А, en dash
		{"с", "C", false},
		{"-5", "-5", false},
	}
	for _, tt := range tests {
		got, numeric := normGrade(tt.in)
		if got != tt.want || numeric != tt.numeric {
			t.Errorf("normGrade(%q) = %q, %v; want %q, %v", tt.in, got, numeric, tt.want, tt.numeric)
		}
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"90", 90, true}, {"7,5", 7.5, true}, {"1 200", 1200, true}, {"0", 0, false}, {"-1", 0, false},
		{"1e3", 0, false}, {"Inf", 0, false}, {"0x10", 0, false}, {"20000", 0, false}, {"many", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseNumber(tt.in, maxHours)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseNumber(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDecodeText(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
		enc  string
	}{
		{"utf-8", []byte("Тегі;Аты"), "Тегі;Аты", "utf-8"},
		{"utf-8 bom", []byte("\xEF\xBB\xBFТегі"), "Тегі", "utf-8-bom"},
		{"cp1251", []byte{0xD4, 0xE0, 0xEC, 0xE8, 0xEB, 0xE8, 0xFF, ';', 0xC8, 0xEC, 0xFF}, "Фамилия;Имя", "windows-1251"},
		{"utf-16le bom", []byte{0xFF, 0xFE, 'I', 0, 'D', 0, '\t', 0, 0x22, 0x04}, "ID\tТ", "utf-16le"},
		{"utf-16be bom", []byte{0xFE, 0xFF, 0, 'I', 0, 'D', 0, ';', 0x04, 0x22}, "ID;Т", "utf-16be"},
		{"utf-16le no bom", []byte{'I', 0, 'D', 0, '\t', 0, 'n', 0, 'a', 0, 'm', 0, 'e', 0, '\n', 0}, "ID\tname\n", "utf-16le"},
		{"damaged utf-8", []byte("Жұмабекова;Мөлдір;\xFF;Нұрланқызы"), "Жұмабекова;Мөлдір;\uFFFD;Нұрланқызы", "utf-8-damaged"},
	}
	for _, tt := range tests {
		got, enc, err := decodeText(tt.in)
		if err != nil || string(got) != tt.want || enc != tt.enc {
			t.Errorf("%s: decodeText = %q, %q, %v; want %q, %q", tt.name, got, enc, err, tt.want, tt.enc)
		}
	}
	if _, _, err := decodeText([]byte("a\x00b\x00\x00\x00c")); err == nil {
		t.Errorf("binary content decoded as text")
	}
}

func TestMaskEmail(t *testing.T) {
	for in, want := range map[string]string{
		"aigerim.n@gmail,com": "a***@gmail,com",
		"no-at-sign":          "n***",
		"x@y.kz":              "x@y.kz",
		"a@b@c.kz":            "a***@c.kz",
		"":                    "",
		"Әсел@mail.kz":        "Ә***@mail.kz",
	} {
		if got := maskEmail(in); got != want {
			t.Errorf("maskEmail(%q) = %q, want %q", in, got, want)
		}
	}
}
