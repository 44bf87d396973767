package issuer_test

import (
	"testing"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
)

// TestProblemsInLanguages: the issuer's verdicts keep their English
// wording and are said in Kazakh and Russian from the catalog.
func TestProblemsInLanguages(t *testing.T) {
	_, errDate := issuer.ParseDate("31.02.2026x")
	for _, tt := range []struct {
		name       string
		err        error
		en, ru, kk string
	}{
		{"IIN length", issuer.CheckIIN("123"), "IIN must have 12 digits, not 3 characters",
			"ИИН должен состоять из 12 цифр (введено символов: 3)", "ЖСН 12 цифрдан тұруы керек, мұнда 3 таңба"},
		{"date", errDate, `"31.02.2026x" is not a date (YYYY-MM-DD or DD.MM.YYYY)`,
			`"31.02.2026x" не является датой (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)`, `"31.02.2026x" күн емес (ЖЖЖЖ-АА-КК немесе КК.АА.ЖЖЖЖ)`},
	} {
		if got := credential.ErrorMessage(tt.err); got != tt.en {
			t.Errorf("%s: English %q, want %q", tt.name, got, tt.en)
		}
		for l, want := range map[lang.Tag]string{lang.RU: tt.ru, lang.KK: tt.kk} {
			if got, _ := credential.Localize(tt.err, l); got != want {
				t.Errorf("%s in %s: %q, want %q", tt.name, l, got, want)
			}
		}
	}
}
