package credential_test

import (
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

func TestCheckStudentID(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want credential.Problem
	}{
		{"S22633920", credential.OK},
		{"22-ИТ-0417", credential.OK},
		{"2024/KZ_15.3", credential.OK},
		{"Ә123", credential.OK},
		{strings.Repeat("7", credential.MaxStudentIDLen), credential.OK},
		{strings.Repeat("7", credential.MaxStudentIDLen+1), credential.TooLong},
		{strings.Repeat("S", 100_000), credential.TooLong},
		{"@SUM(1+1)", credential.BadChar},
		{"=1+2", credential.BadChar},
		{"-5", credential.BadStart},
		{".hidden", credential.BadStart},
		{"S 1", credential.BadChar},
		{"S1\x00", credential.BadChar},
		{"S1\u202e", credential.BadChar},
		{"<b>", credential.BadChar},
		{"S\xff", credential.InvalidUTF8},
	} {
		if got := credential.CheckStudentID(tt.in); got.Problem != tt.want {
			t.Errorf("CheckStudentID(%.40q) = %+v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestCheckPersonName(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want credential.Problem
	}{
		{"Жұмабекова", credential.OK},
		{"Ахмет-Бек", credential.OK},
		{"O'Brien", credential.OK},
		{"Seán", credential.OK},
		{"Ғалымжан Нұрланұлы", credential.OK},
		{"J. R. R.", credential.OK},
		{"Ли\u0301", credential.OK}, // a combining accent
		{strings.Repeat("Ә", credential.MaxNameLen+1), credential.TooLong},
		{"Ким\x00", credential.BadChar},
		{"\u202eЛи", credential.BadChar},
		{"<script>alert(1)</script>", credential.BadChar},
		{"Ли\nКим", credential.BadChar},
		{"Ли\tКим", credential.BadChar},
		{"Ким2", credential.BadChar},
		{"=HYPERLINK(x)", credential.BadChar},
		{"- '", credential.NoLetter},
		{"\xff\xfe", credential.InvalidUTF8},
	} {
		if got := credential.CheckPersonName(tt.in); got.Problem != tt.want {
			t.Errorf("CheckPersonName(%.40q) = %+v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestCheckLineAndText(t *testing.T) {
	for _, tt := range []struct {
		in          string
		line, multi credential.Problem
	}{
		{"Кафедра информатики (ИТ) — 2-й корпус, №5", credential.OK, credential.OK},
		{"R&D \"Lab\" <x>", credential.OK, credential.OK}, // escaped wherever shown
		{"first\nsecond", credential.BadChar, credential.OK},
		{"a\u202eb", credential.BadChar, credential.BadChar},
		{"a\u2066b", credential.BadChar, credential.BadChar},
		{"a\u200fb", credential.BadChar, credential.BadChar},
		{"a\x00b", credential.BadChar, credential.BadChar},
		{"a\x1bb", credential.BadChar, credential.BadChar},
		{"a\ue000b", credential.BadChar, credential.BadChar}, // private use
		{"a\xffb", credential.InvalidUTF8, credential.InvalidUTF8},
		{strings.Repeat("x", 11), credential.TooLong, credential.TooLong},
	} {
		if got := credential.CheckLine(tt.in, 100); tt.line != credential.TooLong && got.Problem != tt.line {
			t.Errorf("CheckLine(%q) = %+v, want %v", tt.in, got, tt.line)
		}
		if got := credential.CheckText(tt.in, 100); tt.multi != credential.TooLong && got.Problem != tt.multi {
			t.Errorf("CheckText(%q) = %+v, want %v", tt.in, got, tt.multi)
		}
	}
	if v := credential.CheckLine(strings.Repeat("x", 11), 10); v.Problem != credential.TooLong || v.Len != 11 || v.Max != 10 {
		t.Errorf("too long: %+v", v)
	}
	d := credential.CheckLine("a\u202eb", 10).Detail("department")
	if d.Field != "department" || !strings.Contains(d.Message, "department") || !strings.Contains(d.Message, "U+202E") {
		t.Errorf("detail %+v", d)
	}
	// The same detail in the request's language names the field in it.
	_, ds := credential.Localize(&credential.Error{Code: credential.CodeInvalid, Details: []credential.Detail{d}}, lang.RU)
	if want := `поле "подразделение" содержит недопустимый символ (U+202E)`; ds[0].Message != want {
		t.Errorf("in Russian: %q, want %q", ds[0].Message, want)
	}
}

func TestCheckCompetencyCodeAndNumber(t *testing.T) {
	for in, want := range map[string]credential.Problem{
		"LO1": credential.OK, "ОН-2.1": credential.OK, `<b>"x`: credential.BadChar, "LO 1": credential.BadChar,
		"-LO": credential.BadStart, strings.Repeat("L", 33): credential.TooLong,
	} {
		if got := credential.CheckCompetencyCode(in); got.Problem != want {
			t.Errorf("CheckCompetencyCode(%q) = %+v, want %v", in, got, want)
		}
	}
	for _, tt := range []struct {
		v        float64
		positive bool
		ok       bool
	}{{1, true, true}, {0, true, false}, {0, false, true}, {-5, false, false}, {1e308, false, false}, {10000, true, true}} {
		if d, ok := credential.CheckNumber("hours", tt.v, 0, credential.MaxHours, tt.positive); ok != tt.ok || (!ok && (d.Field != "hours" || !strings.Contains(d.Message, "hours"))) {
			t.Errorf("CheckNumber(%v, %v) = %+v, %v", tt.v, tt.positive, d, ok)
		}
	}
}

// TestProgramValidateLimits: a program with 5,000 competencies, a code that
// is markup, a title with a right-to-left override, a multi-line name or
// an implausible year is refused, naming the field.
func TestProgramValidateLimits(t *testing.T) {
	base := func() credential.Program {
		return credential.Program{Kind: credential.KindMicroqualification, Name: credential.Text{"kk": "Python"},
			Competencies: []credential.Competency{{Code: "LO1", Title: credential.Text{"kk": "Деректер"}}},
			Hours:        90, Credits: 3, NQFLevel: 6, ValidFrom: "2026-01-01", ValidUntil: "2027-12-31"}
	}
	if p := base(); p.Validate() != nil {
		t.Fatalf("base program: %v", p.Validate())
	}
	for _, tt := range []struct {
		name  string
		mod   func(*credential.Program)
		field string
	}{
		{"5,000 competencies", func(p *credential.Program) {
			p.Competencies = make([]credential.Competency, 5000)
			for i := range p.Competencies {
				p.Competencies[i] = credential.Competency{Code: "C" + strings.Repeat("1", i%20), Title: credential.Text{"kk": "x"}}
			}
		}, "competencies"},
		{"markup code", func(p *credential.Program) { p.Competencies[0].Code = `<b>"x` }, "competencies[0].code"},
		{"bidi title", func(p *credential.Program) { p.Competencies[0].Title["kk"] = "a\u202eb" }, "competencies[0].title.kk"},
		{"multi-line name", func(p *credential.Program) { p.Name["kk"] = "a\nb" }, "name.kk"},
		{"huge name", func(p *credential.Program) { p.Name["ru"] = strings.Repeat("я", 100_000) }, "name.ru"},
		{"year 9999", func(p *credential.Program) { p.ValidUntil = "9999-12-31" }, "valid_until"},
		{"1e308 hours", func(p *credential.Program) { p.Hours = 1e308 }, "hours"},
		{"negative contact hours", func(p *credential.Program) { p.ContactHours = -1 }, "contact_hours"},
		{"NUL in a facilitator", func(p *credential.Program) { p.Facilitators = []string{"A\x00"} }, "facilitators[0]"},
	} {
		p := base()
		tt.mod(&p)
		err := p.Validate()
		found := false
		for _, d := range credential.ErrorDetails(err) {
			found = found || (d.Field == tt.field && len(d.Message) < 300)
		}
		if !found {
			t.Errorf("%s: %.300v, want a detail on %s", tt.name, err, tt.field)
		}
	}
}

// TestProgramValidateLanguages: a program's problems keep their English
// wording for the API and are said in Kazakh and Russian too.
func TestProgramValidateLanguages(t *testing.T) {
	p := credential.Program{Kind: "course", Name: credential.Text{"kk": "Python"}, Hours: 90}
	err := p.Validate()
	for _, tt := range []struct {
		l         lang.Tag
		msg, kind string
	}{
		{lang.EN, "The program is not valid: kind: kind must be microqualification, teachhub_module or nonformal_activity",
			"kind must be microqualification, teachhub_module or nonformal_activity"},
		{lang.RU, "программа неверна: kind: kind должен быть microqualification, teachhub_module или nonformal_activity",
			"kind должен быть microqualification, teachhub_module или nonformal_activity"},
		{lang.KK, "бағдарлама жарамсыз: kind: kind мәні microqualification, teachhub_module немесе nonformal_activity болуы керек",
			"kind мәні microqualification, teachhub_module немесе nonformal_activity болуы керек"},
	} {
		msg, ds := credential.Localize(err, tt.l)
		if msg != tt.msg || len(ds) == 0 || ds[0].Field != "kind" || ds[0].Message != tt.kind {
			t.Errorf("%s: %q %+v", tt.l, msg, ds)
		}
	}
	if got := credential.ErrorMessage(err); !strings.HasPrefix(got, "The program is not valid: kind: ") {
		t.Errorf("English message %q", got)
	}
}
