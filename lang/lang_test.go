package lang

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// declaredKeys reads the package's source for every constant of type Key,
// so that a key declared without a message is caught, not only a message
// without a language.
func declaredKeys(t *testing.T) map[Key]string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	out := map[Key]string{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Key" {
					continue
				}
				for i, n := range vs.Names {
					lit, ok := vs.Values[i].(*ast.BasicLit)
					if !ok {
						t.Fatalf("%s: key %s is not a string literal", name, n.Name)
					}
					v, _ := strconv.Unquote(lit.Value)
					if prev, dup := out[Key(v)]; dup {
						t.Errorf("key %q is declared twice: %s and %s", v, prev, n.Name)
					}
					out[Key(v)] = n.Name
				}
			}
		}
	}
	if len(out) < 100 {
		t.Fatalf("found only %d keys: the parser missed some", len(out))
	}
	return out
}

var verb = regexp.MustCompile(`%(\[(\d+)\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// argIndexes lists the arguments a format uses (1-based), and whether it
// mixes indexed and plain verbs.
func argIndexes(s string) (idx []int, plain int) {
	for _, m := range verb.FindAllStringSubmatch(s, -1) {
		switch {
		case strings.HasSuffix(m[0], "%"):
		case m[2] != "":
			n, _ := strconv.Atoi(m[2])
			if !slices.Contains(idx, n) {
				idx = append(idx, n)
			}
		default:
			plain++
		}
	}
	slices.Sort(idx)
	return idx, plain
}

// dummyArgs makes arguments for a format: a number for %d, a string for
// the other verbs.
func dummyArgs(format string) []any {
	var args []any
	next := 0
	for _, m := range verb.FindAllStringSubmatch(format, -1) {
		if strings.HasSuffix(m[0], "%") {
			continue
		}
		i := next
		if m[2] != "" {
			n, _ := strconv.Atoi(m[2])
			i = n - 1
		}
		next = i + 1
		for len(args) <= i {
			args = append(args, nil)
		}
		if strings.HasSuffix(m[0], "d") {
			args[i] = 1
		} else {
			args[i] = "x"
		}
	}
	return args
}

// TestCatalog: every declared key has a message, every message has all
// three languages, and the languages use the same arguments.
func TestCatalog(t *testing.T) {
	keys := declaredKeys(t)
	for k, name := range keys {
		if _, ok := catalog[k]; !ok {
			t.Errorf("key %s (%q) has no message", name, k)
		}
	}
	for k, m := range catalog {
		if _, ok := keys[k]; !ok {
			t.Errorf("message %q has no declared key", k)
		}
		for _, l := range All() {
			s := m.In(l)
			if strings.TrimSpace(s) == "" {
				t.Errorf("%q has no %s text", k, l)
				continue
			}
			if s != strings.TrimSpace(s) && !strings.HasPrefix(s, "  ") {
				t.Errorf("%q in %s has stray spaces: %q", k, l, s)
			}
		}
		enIdx, enPlain := argIndexes(m.EN)
		for _, l := range []Tag{KK, RU} {
			idx, plain := argIndexes(m.In(l))
			if !slices.Equal(idx, enIdx) || plain != enPlain {
				t.Errorf("%q: %s uses arguments %v (+%d plain), English %v (+%d plain)", k, l, idx, plain, enIdx, enPlain)
			}
		}
		// Formatting with arguments of the verbs' kinds leaves no fmt
		// complaint in any language.
		args := dummyArgs(m.EN)
		for _, l := range All() {
			if len(args) == 0 {
				continue
			}
			if got := fmt.Sprintf(m.In(l), args...); strings.Contains(got, "%!") {
				t.Errorf("%q in %s: %s", k, l, got)
			}
		}
	}
}

// TestCatalogScripts: Kazakh and Russian are written in Cyrillic, Kazakh
// is not Russian copied over, and neither is English left untranslated.
func TestCatalogScripts(t *testing.T) {
	// Latin words a Kazakh or Russian message may carry: names of formats,
	// standards, products and API parameters.
	allowed := map[string]bool{}
	for _, w := range strings.Fields(`PDF PNG JPG SVG JSON JWT JWS JWKS API OpenAPI QR ID URL CSV XLSX XLS ODS UTF Excel
		LibreOffice Calc OpenDocument XML Open Badges LinkedIn TeachHub ES256 EdDSA RS256 kk ru en kid jwk
		lang sep comma semicolon tab from to status format json csv limit offset to recognized recognized_sb
		decision_date decision_number in_progress completed submitted_for_recognition rejected POST api v1 teachhub
		cards id transition issue enrol program file A F B LC_ALL LC_MESSAGES LANG report ods RFC kind distance blended dual microqualification draft active archived errors
		Ed25519 Data Integrity proof assertionMethod eddsa rdfc PhD EQAR ENQA
		none institutional programmatic international title note application
		CLR ClrCredential ECTS MQ elective credits test interview ects academic pathways`) {
		allowed[strings.ToLower(w)] = true
	}
	word := regexp.MustCompile(`[\p{L}\p{N}_]+`)
	for k, m := range catalog {
		for _, l := range []Tag{KK, RU} {
			s := verb.ReplaceAllString(m.In(l), " ")
			for _, w := range word.FindAllString(s, -1) {
				if strings.IndexFunc(w, func(r rune) bool { return r < 128 && unicode.IsLetter(r) }) >= 0 && !allowed[strings.ToLower(w)] &&
					!strings.Contains(w, "_") { // an API field or value (staff_id, full_time)
					t.Errorf("%q in %s has the Latin word %q: %s", k, l, w, m.In(l))
				}
			}
		}
		if m.KK == m.RU && strings.ContainsFunc(m.KK, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) &&
			!strings.ContainsAny(m.KK, "әғқңөұүһіӘҒҚҢӨҰҮҺІ") && len([]rune(m.KK)) > 12 {
			t.Errorf("%q: the Kazakh text is the Russian one: %s", k, m.KK)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Tag
		ok   bool
	}{
		{"kk", KK, true}, {"KK", KK, true}, {"kz", KK, true}, {"kk-KZ", KK, true}, {"kk_KZ.UTF-8", KK, true},
		{"қаз", KK, true}, {"Қазақша", KK, true}, {" kaz ", KK, true}, {"kazakh", KK, true},
		{"ru", RU, true}, {"ru-RU", RU, true}, {"ru_RU.UTF-8", RU, true}, {"рус", RU, true}, {"Русский", RU, true}, {"орысша", RU, true},
		{"en", EN, true}, {"en-US", EN, true}, {"en_GB.UTF-8", EN, true}, {"English", EN, true}, {"eng", EN, true},
		{"", "", false}, {"de", "", false}, {"C", "", false}, {"POSIX", "", false}, {"C.UTF-8", "", false}, {"k", "", false},
		{"kkk", "", false}, {"*", "", false},
	}
	for _, tt := range tests {
		got, ok := Parse(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Parse(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	if ParseOr("de", EN) != EN || ParseOr("kz", EN) != KK {
		t.Error("ParseOr")
	}
}

func TestAccept(t *testing.T) {
	tests := []struct {
		header string
		want   Tag
		ok     bool
	}{
		{"ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7", RU, true},
		{"en;q=0.5, kk;q=0.9", KK, true},
		{"de-DE, fr;q=0.9, ru;q=0.3", RU, true},
		{"de, fr;q=0.9", "", false},
		{"kk;q=0, ru;q=0.1", RU, true},
		{"kz", KK, true},
		{"en;q=0.8, ru;q=0.8", EN, true}, // ties keep the header's order
		{"ru;q=abc, en;q=0.2", EN, true}, // a broken q-value counts as 0
		{"*", "", false},
		{"", "", false},
		{"EN-gb ; Q=1", EN, true},
	}
	for _, tt := range tests {
		got, ok := Accept(tt.header)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Accept(%q) = %q, %v; want %q, %v", tt.header, got, ok, tt.want, tt.ok)
		}
	}
	// Bounded: a header of thousands of entries costs a few dozen parses.
	if _, ok := Accept(strings.Repeat("de,", 10000) + "ru"); ok {
		t.Error("entries past the limit were read")
	}
}

func TestFromEnv(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want Tag
		ok   bool
	}{
		{map[string]string{"LANG": "ru_RU.UTF-8"}, RU, true},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_ALL": "kk_KZ.UTF-8"}, KK, true},
		{map[string]string{"LANG": "ru_RU.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, EN, true},
		{map[string]string{"LANGUAGE": "kk:ru", "LANG": "en_US.UTF-8"}, KK, true},
		{map[string]string{"LANG": "C.UTF-8"}, "", false},
		{map[string]string{"LC_ALL": "C", "LANG": "ru_RU.UTF-8"}, "", false}, // LC_ALL overrides
		{map[string]string{}, "", false},
	}
	for _, tt := range tests {
		got, ok := FromEnv(func(k string) string { return tt.env[k] })
		if got != tt.want || ok != tt.ok {
			t.Errorf("FromEnv(%v) = %q, %v; want %q, %v", tt.env, got, ok, tt.want, tt.ok)
		}
	}
}

func TestFallbacks(t *testing.T) {
	for _, tt := range []struct {
		t    Tag
		want []Tag
	}{{KK, []Tag{KK, RU, EN}}, {RU, []Tag{RU, KK, EN}}, {EN, []Tag{EN, KK, RU}}, {"de", []Tag{KK, RU, EN}}} {
		if got := tt.t.Fallbacks(); !slices.Equal(got, tt.want) {
			t.Errorf("%q.Fallbacks() = %v, want %v", tt.t, got, tt.want)
		}
	}
}

func TestT(t *testing.T) {
	if got := RU.T(PageHolder); got != "Владелец" {
		t.Errorf("RU holder = %q", got)
	}
	// Arguments that are catalog words are said in the same language.
	if got := RU.T(TeachHubCardFinal, CardStatus("recognized")); got != `карточка в статусе "признано" и больше не может меняться` {
		t.Errorf("nested key: %q", got)
	}
	list := List{{Key: CardNotVerified}, {Key: CardContactHours, Args: []any{"20", "24"}}}
	if got := KK.T(CardCannotMove, CardStatus("completed"), list); got != `картаны "іске асырылды" мәртебесіне ауыстыру мүмкін емес: `+
		`үйлестіруші картаны әлі тексермеген; байланыс сағаттары: 20, талап етілетіні 24` {
		t.Errorf("list: %q", got)
	}
	if got := EN.T(Key("no.such.key")); got != "no.such.key" {
		t.Errorf("unknown key: %q", got)
	}
	if a := KK.Area("page"); a["holder"] != "Иесі" || len(a) < 40 {
		t.Errorf("Area(page): holder %q, %d entries", a["holder"], len(a))
	}
	if Field("staff_id") != FieldStaffID || Field("no_such_field") != "no_such_field" {
		t.Error("Field")
	}
}
