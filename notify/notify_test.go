package notify

import (
	tanulang "github.com/tanu-edu/tanu/lang"

	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/credential"
)

func TestParseSMTPURL(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		port     int
		user     string
		bad      bool
	}{
		{in: "smtp://mail.example.edu", want: "starttls", port: 587},
		{in: "smtp://u:p%40ss@mail.example.edu:2525?tls=none", want: "none", port: 2525, user: "u"},
		{in: "smtp://mail.example.edu?tls=tls", want: "tls", port: 465},
		{in: "smtps://mail.example.edu", want: "tls", port: 465},
		{in: "smtp://mail.example.edu?tls=maybe", bad: true},
		{in: "http://mail.example.edu", bad: true},
		{in: "smtp://:25", bad: true},
		{in: "smtp://mail.example.edu:99999", bad: true},
	} {
		got, err := ParseSMTPURL(tc.in)
		if tc.bad {
			if err == nil {
				t.Errorf("%s: accepted", tc.in)
			}
			continue
		}
		if err != nil || got.TLS != tc.want || got.Port != tc.port || got.User != tc.user {
			t.Errorf("%s: %+v %v", tc.in, got, err)
			continue
		}
		if strings.Contains(got.String(), "p@ss") {
			t.Errorf("%s: String shows the password: %s", tc.in, got.String())
		}
	}
}

func TestRenderLanguages(t *testing.T) {
	org := credential.Text{"kk": "Үлгі университеті", "ru": "Образцовый университет", "en": "Example University"}
	p := &credential.Program{Name: credential.Text{"kk": "Python бағдарламасы", "ru": "Программа Python", "en": "Python programme"}}
	rec := &credential.Record{ID: "0b5e1d2c-3a4b-4c5d-8e9f-0a1b2c3d4e5f", HolderName: "Мөлдір <Ж>", CertificateNumber: 7,
		IssuedAt: time.Date(2026, 5, 6, 0, 0, 0, 0, time.UTC)}
	for _, lang := range []string{"kk", "ru", "en"} {
		l, err := render(lang, "https://tanu.example.edu", org, rec, p)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{org[lang], p.Name[lang]} {
			if !strings.Contains(l.Subject, s) || !strings.Contains(l.Text, s) || !strings.Contains(l.HTML, s) {
				t.Errorf("%s: %q missing", lang, s)
			}
		}
		page := "https://tanu.example.edu/c/" + rec.ID
		if !strings.Contains(l.Text, page+"\n") || !strings.Contains(l.Text, page+"/certificate.pdf") ||
			!strings.Contains(l.HTML, `href="`+page+`"`) || !strings.Contains(l.Text, "linkedin.com/profile/add?") {
			t.Errorf("%s: links missing:\n%s", lang, l.Text)
		}
		if strings.Contains(l.HTML, "<Ж>") || !strings.Contains(l.HTML, "&lt;Ж&gt;") {
			t.Errorf("%s: holder name not escaped in HTML", lang)
		}
		for _, other := range []tanulang.Tag{tanulang.KK, tanulang.RU, tanulang.EN} {
			if string(other) != lang && strings.Contains(l.Text, other.T(tanulang.MailFooter)) {
				t.Errorf("%s: text has the %s footer", lang, other)
			}
		}
	}
}
