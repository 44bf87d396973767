package app_test

import (
	"bytes"
	"context"
	"html"
	"io"
	"mime/multipart"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/tanu-edu/tanu/internal/app/apptest"
	"github.com/tanu-edu/tanu/internal/demo"
	"github.com/tanu-edu/tanu/lang"
)

// properNames are the Latin words a Kazakh or Russian page may show:
// names of formats, standards and products, and the proper names of the
// sample data (a program about Python, accredited by IAAR, in EQAR). Compared in lower case.
var properNames = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`pdf png svg json jwt jws jwks qr id url api openapi tanu open badges linkedin
		teachhub python english urn uuid phd csv iaar eqar clr ects`) {
		properNames[w] = true
	}
}

var (
	tags    = regexp.MustCompile(`(?s)<style.*?</style>|<[^>]*>`)
	links   = regexp.MustCompile(`https?://\S+|did:[a-z0-9]+:\S+`)
	words   = regexp.MustCompile(`[\p{L}\p{N}_]+(?:[-'.][\p{L}\p{N}_]+)*`)
	isLatin = func(r rune) bool { return r < 128 && unicode.IsLetter(r) }
)

// strangers returns the Latin-script words of a page or a file that are
// not proper names: what a Kazakh or Russian reader would see as English.
// Tags, addresses and words with digits (identifiers, codes, dates) are
// left out; single letters are grades (A, B+, F).
func strangers(text string) []string {
	text = html.UnescapeString(tags.ReplaceAllString(text, " "))
	text = links.ReplaceAllString(text, " ")
	var out []string
	for _, w := range words.FindAllString(text, -1) {
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 || strings.IndexFunc(w, isLatin) < 0 || len([]rune(w)) == 1 {
			continue
		}
		if properNames[strings.ToLower(w)] {
			continue
		}
		// A name with a Cyrillic ending or word joined (JSON-да, QR-код).
		if parts := strings.Split(w, "-"); len(parts) > 1 && strings.ContainsFunc(w, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) {
			ok := true
			for _, p := range parts {
				if strings.IndexFunc(p, isLatin) >= 0 && !properNames[strings.ToLower(p)] {
					ok = false
				}
			}
			if ok {
				continue
			}
		}
		out = append(out, w)
	}
	return out
}

// TestPagesSpeakOneLanguage renders, in Kazakh and in Russian, what a
// graduate, an employer and HR see: a microcertificate's page, a TeachHub
// completion record's page (with its recognition), the /verify page and
// its answer for a pasted credential and for text that is no credential,
// the home page, the HR report, and the public catalog of programs. None may show an English word other
// than a proper name, and the names of the program and the organization
// are the page's language's.
func TestPagesSpeakOneLanguage(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	ctx := context.Background()
	seeded, err := demo.Seed(ctx, h.App.Store, h.App.Issuer)
	if err != nil {
		t.Fatal(err)
	}
	cards, err := demo.SeedTeachHub(ctx, h.App.TeachHub, seeded.Programs[1].RegistrationNumber, h.App.Now().UTC().Format(time.DateOnly))
	if err != nil {
		t.Fatal(err)
	}
	micro, recognized := seeded.Credentials[0].ID, cards[0].CredentialID
	_, jws := h.Do(t, "", "GET", "/c/"+micro+"/credential.jwt", "", nil)

	post := func(l string, field, value string) string {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		if field == "file" {
			fw, _ := mw.CreateFormFile("file", "upload")
			_, _ = fw.Write([]byte(value))
		} else {
			_ = mw.WriteField(field, value)
		}
		_ = mw.Close()
		req, _ := http.NewRequest("POST", h.URL+"/api/v1/verify?lang="+l, &body)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.Header.Set("Accept", "text/html")
		resp, err := h.Client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	get := func(role, path string) string {
		resp, b := h.Do(t, role, "GET", path, "", nil)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %s", path, resp.StatusCode, b)
		}
		return string(b)
	}
	want := map[string]struct{ org, program, check, download, recognition, reportHeader string }{
		"kk": {"Үлгі университеті", "Деректерді талдауға арналған Python", "Қолтаңба", "Бейдж суреті (PNG)", "танылды: 1.20 СБ",
			"Іс-шаралар\r\nҚұрылымдық бөлімше;Қызметкердің табель нөмірі"},
		"ru": {"Примерный университет", "Python для анализа данных", "Подпись", "Изображение бейджа (PNG)", "признано: 1.20 СБ",
			"Мероприятия\r\nПодразделение;Табельный номер"},
	}
	for _, l := range []string{"kk", "ru"} {
		w := want[l]
		pages := map[string]string{
			"microcertificate page":        get("", "/c/"+micro+"?lang="+l),
			"TeachHub record page":         get("", "/c/"+recognized+"?lang="+l),
			"verify page":                  get("", "/verify?lang="+l),
			"home page":                    get("", "/?lang="+l),
			"sign-in page":                 get("", "/console/login?lang="+l),
			"NQF page":                     get("", "/frameworks/nqf-kz?lang="+l),
			"holder's page":                get("", "/my?lang="+l),
			"holder's sign-in page":        get("", "/my/signin?t=x&lang="+l),
			"verify answer":                post(l, "credential", string(jws)),
			"verify answer, no credential": post(l, "credential", "this is not a credential"),
			"verify answer, photo":         post(l, "file", "\xff\xd8\xff\xe0 a scanned certificate"),
			"verify answer, unknown id":    post(l, "credential", "urn:uuid:00000000-0000-4000-8000-000000000000"),
			"verify answer, altered JSON":  post(l, "credential", `{"id":"`+micro+`","name":"altered"}`),
			"HR report":                    get("viewer", "/api/v1/teachhub/report?format=csv&lang="+l),
			"catalog of programs":          get("", "/programs?lang="+l),
			"program's catalog page":       get("", "/programs/"+seeded.Programs[0].RegistrationNumber+"?lang="+l),
		}
		for name, page := range pages {
			if s := strangers(page); len(s) > 0 {
				t.Errorf("%s (%s) shows English words: %q", name, l, s)
			}
		}
		for name, page := range map[string]string{"page": pages["microcertificate page"], "answer": pages["verify answer"]} {
			for _, s := range []string{w.org, w.program, w.check, w.download} {
				if name == "answer" && s == w.download {
					continue // no downloads for a posted credential
				}
				if !strings.Contains(page, s) {
					t.Errorf("the %s microcertificate %s does not say %q", l, name, s)
				}
			}
		}
		for name, key := range map[string]lang.Key{"verify answer, photo": lang.PageNoCredential, "verify answer, unknown id": lang.PageNotFound} {
			if say := lang.Tag(l).T(key); !strings.Contains(pages[name], say) {
				t.Errorf("the %s %s does not say %q", l, name, say)
			}
		}
		if !strings.Contains(pages["TeachHub record page"], w.recognition) {
			t.Errorf("the %s TeachHub page does not say %q", l, w.recognition)
		}
		if !strings.HasPrefix(pages["HR report"], "\ufeff"+w.reportHeader) {
			t.Errorf("the %s HR report starts %.80q", l, pages["HR report"])
		}
	}
	// The Russian page shows no Kazakh organization or program name.
	ru := get("", "/c/"+micro+"?lang=ru")
	for _, kk := range []string{"Үлгі университеті", "Деректерді талдауға арналған Python", "Деректерді жинау және тазалау"} {
		if strings.Contains(ru, kk) {
			t.Errorf("the Russian page shows the Kazakh %q", kk)
		}
	}
	// Accept-Language picks the language when ?lang= does not.
	req, _ := http.NewRequest("GET", h.URL+"/c/"+micro, nil)
	req.Header.Set("Accept-Language", "de-DE,ru;q=0.8,en;q=0.5")
	resp, err := h.Client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !bytes.Contains(b, []byte(`<html lang="ru">`)) {
		t.Errorf("Accept-Language ru, q=0.8 did not give a Russian page: %.200s", b)
	}
}

func TestStrangers(t *testing.T) {
	got := strangers(`<p class="x">Подпись ES256 верна; ключ: http://h/issuer/keys/abcDEF</p><td>B+</td> Peer-review рефлексиясы ` +
		`JWT, PNG badge &amp; Open Badges 3.0 urn:uuid:d8c0418c-bd98 LO1</p>`)
	if strings.Join(got, " ") != "Peer-review badge" {
		t.Errorf("strangers = %q", got)
	}
}
