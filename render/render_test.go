package render_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tanu-edu/tanu/render"
	"github.com/tanu-edu/tanu/templates"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden (words with positions, page images)")

// TestAppendixBFields checks that every field of Appendix B («Б қосымшасы»)
// and of the transcript (sec. 6.2.2) is printed as real, extractable text, in
// each language, with the Kazakh holder's name intact.
func TestAppendixBFields(t *testing.T) {
	r := newRenderer(t)
	common := []string{
		"Әбілқасымова Қарлығаш Нұрланқызы", // holder, Kazakh letters intact
		"000042",                                                // certificate number
		"MQ-2026-000042",                                        // issuance-book registration number
		"MQ-2026-0001",                                          // program registration number
		"/ Мұхаметжанова Г.Н. /",                                // head on the signature line
		"LO1", "LO2", "LO3", "B+", "C+", "A-", "86", "71", "94", // competencies with grades
		"https://tanu.satbayev.university/c/5f0c7f0e-3b1d-4f6a-9a53-2d7c1e8b9a41", // verification URL
		"5f0c7f0e-3b1d-4f6a-9a53-2d7c1e8b9a41",                                    // unique identifier
	}
	tests := []struct {
		lang string
		want []string
	}{
		{"kk", []string{
			"СЕРТИФИКАТ", "№ 000042",
			"Қ.И.Сәтбаев атындағы Қазақ ұлттық техникалық зерттеу университеті",
			"Осы арқылы", "(тегі, аты, әкесінің аты",
			"2026 жылғы «02» ақпаннан бастап 2026 жылғы «24» сәуірге дейін",
			"микробіліктілік бағдарламасы бойынша:", "Деректерді талдауға арналған Python",
			"жалпы көлемі 90 академиялық сағат 3 академиялық кредиттерді оқығандығын растайды.",
			"Білім деңгейі 6 (алтыншы)",
			"Оқыту формасы аралас",
			"Біліктілік комиссиясының 2026 жылғы «06» мамырдағы шешімімен оған микробіліктілік берілді:",
			"ИГЕРІЛГЕН ҚҰЗЫРЕТТЕР МЕН БАҒАЛАР", "Деректерді жинау және тазалау",
			"Жетекші", "(қолы)", "(тегі, аты, әкесінің инициалы)",
			"Тіркеу нөмірі № MQ-2026-000042",
			"Берілген күні: «12» мамыр 2026 ж.",
			"М.О.", "Бірегей идентификатор:",
			// transcript
			"ТРАНСКРИПТ", "Python кітапханаларымен деректерді жинайды", "аса жақсы",
			"БАҒАЛАУ ЖҮЙЕСІ", "95–100", "50-ден төмен", "қанағаттандырылғысыз",
		}},
		{"ru", []string{
			"СЕРТИФИКАТ", "№ 000042",
			"Казахский национальный исследовательский технический университет имени К.И.Сатпаева",
			"Настоящим подтверждается, что", "(фамилия, имя, отчество",
			"в период с «02» февраля 2026 г. по «24» апреля 2026 г.",
			"по программе микроквалификации:", "Python для анализа данных",
			"общим объёмом 90 академических часов (3 академических кредита).",
			"Уровень образования 6 (шестой)",
			"Форма обучения: смешанная",
			"Решением квалификационной комиссии от «06» мая 2026 г. присвоена микроквалификация:",
			"ОСВОЕННЫЕ КОМПЕТЕНЦИИ И ОЦЕНКИ", "Сбор и очистка данных",
			"Руководитель", "(подпись)",
			"Регистрационный номер № MQ-2026-000042",
			"Дата выдачи: «12» мая 2026 г.",
			"М.П.", "Уникальный идентификатор:",
			"ТРАНСКРИПТ", "очень хорошо", "ниже 50", "неудовлетворительно",
		}},
		{"en", []string{
			"CERTIFICATE", "No. 000042", "Satbayev University",
			"This is to certify that", "(surname, given name, patronymic",
			"from 2 February 2026 to 24 April 2026",
			"has completed the microqualification programme:", "Python for Data Analysis",
			"with a total volume of 90 academic hours and 3 academic credits.",
			"Level of education: 6 (six)",
			"Form of study: blended",
			"By decision of the Qualification Commission of 6 May 2026 the following microqualification was awarded:",
			"COMPETENCIES ACQUIRED AND GRADES", "Collecting and cleaning data",
			"Head", "(signature)",
			"Registration No. MQ-2026-000042",
			"Date of issue: 12 May 2026",
			"L.S.", "Unique identifier:",
			"TRANSCRIPT", "very good", "below 50", "fail",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			text := flat(pdfText(t, renderPDF(t, r, micro(tt.lang))))
			for _, w := range append(tt.want, common...) {
				if !strings.Contains(text, w) {
					t.Errorf("missing %q in extracted text:\n%s", w, text)
				}
			}
		})
	}
}

// TestTeachHubFields checks the completion-record fields of the TeachHub and
// non-formal layouts.
func TestTeachHubFields(t *testing.T) {
	r := newRenderer(t)
	tests := []struct {
		name string
		c    render.Certificate
		want []string
	}{
		{"teachhub-kk", teachhub("kk"), []string{
			"TeachHub кәсіби даму бағдарламасының модулін аяқтағаны туралы",
			"Мұхаметжанова Гүлнұр Нұрланқызы", "аға оқытушы", "Қосымша кәсіби білім беру институты, Симуляциялық орталық",
			"Симуляциялық оқытудағы кері байланыс (дебрифинг)", "TH-2026-0003",
			"02.03.2026 – 27.03.2026",
			"Байланыс сағаттары: 24", "өзіндік жұмыс: 12", "барлығы: 36 академиялық сағат",
			"Сынақ бірлігі: 1,20 СБ", "Танылған: 1,20 СБ",
			"Фасилитатор(лар): Facilitator One, Facilitator Two",
			"TeachHub үйлестірушісі: Серікқызы Әйгерім", "/ Серікқызы Әйгерім /",
			"TH1", "Дебрифинг құрылымын қолдану",
			"№ 000007", "Тіркеу нөмірі № TH-2026-000007", "Берілген күні: «03» сәуір 2026 ж.",
			"https://tanu.kaznmu.edu.kz/c/0b8e2a94-6c1f-4d8e-8f3a-7e5b9c2d1a60", "Бірегей идентификатор:",
		}},
		{"teachhub-ru", teachhub("ru"), []string{
			"Обратная связь в симуляционном обучении (дебрифинг)", "Контактные часы: 24",
			"самостоятельная работа: 12", "Зачётные единицы: 1,20 СБ", "Признано: 1,20 СБ",
			"Фасилитатор(ы): Facilitator One, Facilitator Two", "Координатор TeachHub: Серікқызы Әйгерім",
			"Дата выдачи: «03» апреля 2026 г.", "0b8e2a94-6c1f-4d8e-8f3a-7e5b9c2d1a60",
		}},
		{"teachhub-en", teachhub("en"), []string{
			"Debriefing in Simulation-Based Teaching", "Contact hours: 24", "self-study: 12",
			"total: 36 academic hours", "Credit units: 1.20 SB", "Recognized: 1.20 SB",
			"Facilitator(s): Facilitator One, Facilitator Two", "Date of issue: 3 April 2026",
		}},
		{"nonformal-kk", nonformal("kk"), []string{
			"формалды емес білім беру іс-шарасына қатысқаны туралы", "Сынақ бірлігі: 1,20 СБ",
			"Мұхаметжанова Гүлнұр Нұрланқызы", "0b8e2a94-6c1f-4d8e-8f3a-7e5b9c2d1a60",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := flat(pdfText(t, renderPDF(t, r, tt.c)))
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("missing %q in extracted text:\n%s", w, text)
				}
			}
		})
	}
	t.Run("not recognized", func(t *testing.T) {
		c := nonformal("ru")
		text := flat(pdfText(t, renderPDF(t, r, c)))
		if strings.Contains(text, "Признано") {
			t.Errorf("RecognizedSB is 0 but the certificate says it is recognized:\n%s", text)
		}
	})
}

// TestKazakhLetters prints every Kazakh-specific letter in both cases and
// reads them back.
func TestKazakhLetters(t *testing.T) {
	const letters = "ӘҒҚҢӨҰҮҺІ әғқңөұүһі"
	r := newRenderer(t)
	for _, c := range []render.Certificate{micro("kk"), teachhub("kk")} {
		c.Patronymic = "Ә Ғ Қ Ң Ө Ұ Ү Һ І"
		c.ProgramName = letters
		c.Department = letters
		text := pdfText(t, renderPDF(t, r, c))
		if !strings.Contains(text, letters) || !strings.Contains(text, c.Patronymic) {
			t.Errorf("%s: Kazakh letters not extracted intact:\n%s", c.Kind, text)
		}
	}
}

// TestDeterministic renders the same certificates concurrently with one
// Renderer and expects identical bytes: the one test that pins bytes (the
// layout goldens in golden_test.go pin what a reader sees).
func TestDeterministic(t *testing.T) {
	r := newRenderer(t)
	cases := []render.Certificate{micro("kk"), microLong("ru"), teachhub("en"), nonformal("kk")}
	first := make([][]byte, len(cases))
	for i, c := range cases {
		first[i] = renderPDF(t, r, c)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8*len(cases))
	for range 8 {
		for i, c := range cases {
			wg.Go(func() {
				var buf bytes.Buffer
				if err := r.Render(context.Background(), &buf, c); err != nil {
					errs <- err
					return
				}
				if !bytes.Equal(buf.Bytes(), first[i]) {
					errs <- fmt.Errorf("%s/%s: output differs between renders", c.Kind, c.Lang)
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if bytes.Equal(first[0], renderPDF(t, r, micro("ru"))) {
		t.Error("kk and ru certificates render to the same bytes")
	}
}

// TestDirFS loads the templates from the directory instead of the embedded
// copy: operators edit wording that way.
func TestDirFS(t *testing.T) {
	embedded := newRenderer(t)
	fromDir, err := render.New(render.Options{Templates: os.DirFS("../templates"), Branding: testBranding()})
	if err != nil {
		t.Fatal(err)
	}
	c := micro("kk")
	if !bytes.Equal(renderPDF(t, embedded, c), renderPDF(t, fromDir, c)) {
		t.Error("templates from os.DirFS render differently from the embedded ones")
	}
	for _, kind := range []string{render.KindMicroqualification, render.KindTeachHubModule, render.KindNonformalActivity} {
		for _, lang := range []string{"kk", "ru", "en"} {
			if !embedded.Supports(kind, lang) {
				t.Errorf("no template for %s/%s", kind, lang)
			}
		}
	}
}

func TestRenderErrors(t *testing.T) {
	r := newRenderer(t)
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tooMany := micro("kk")
	for i := range 80 {
		tooMany.Competencies = append(tooMany.Competencies, render.Competency{Code: fmt.Sprintf("X%d", i), Title: longProgram, Percent: 80})
	}
	tests := []struct {
		name string
		ctx  context.Context
		c    func() render.Certificate
		want error
	}{
		{"unknown kind", context.Background(), func() render.Certificate { c := micro("kk"); c.Kind = "diploma"; return c }, render.ErrUnsupported},
		{"unknown lang", context.Background(), func() render.Certificate { c := micro("kk"); c.Lang = "de"; return c }, render.ErrUnsupported},
		{"no URL", context.Background(), func() render.Certificate { c := micro("kk"); c.URL = ""; return c }, render.ErrInvalid},
		{"no ID", context.Background(), func() render.Certificate { c := micro("kk"); c.ID = " "; return c }, render.ErrInvalid},
		{"no issue date", context.Background(), func() render.Certificate { c := teachhub("kk"); c.IssueDate = time.Time{}; return c }, render.ErrInvalid},
		{"URL too long for a QR code", context.Background(), func() render.Certificate {
			c := micro("kk")
			c.URL = "https://x/" + strings.Repeat("a", 5000)
			return c
		}, render.ErrInvalid},
		{"does not fit", context.Background(), func() render.Certificate { return tooMany }, render.ErrDoesNotFit},
		{"canceled", canceled, func() render.Certificate { return micro("kk") }, context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := r.Render(tt.ctx, &buf, tt.c())
			if !errors.Is(err, tt.want) {
				t.Fatalf("Render() error = %v, want %v", err, tt.want)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes despite the error", buf.Len())
			}
		})
	}
}

func TestNewErrors(t *testing.T) {
	base := func() fstest.MapFS {
		m := fstest.MapFS{}
		for _, p := range []string{"fonts/fonts.json", "fonts/NotoSerif-Regular.ttf", "fonts/NotoSerif-Bold.ttf", "fonts/NotoSans-Regular.ttf", "fonts/NotoSans-Bold.ttf", "certificate/teachhub_module.en.json"} {
			b, err := templates.FS.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			m[p] = &fstest.MapFile{Data: b}
		}
		return m
	}
	edit := func(f func(s string) string) func(fstest.MapFS) {
		return func(m fstest.MapFS) {
			p := "certificate/teachhub_module.en.json"
			m[p] = &fstest.MapFile{Data: []byte(f(string(m[p].Data)))}
		}
	}
	tests := []struct {
		name    string
		change  func(fstest.MapFS)
		opts    func(*render.Options)
		wantErr string
	}{
		{"ok", func(fstest.MapFS) {}, nil, ""},
		{"no templates", func(m fstest.MapFS) { delete(m, "certificate/teachhub_module.en.json") }, nil, "no templates"},
		{"no font list", func(m fstest.MapFS) { delete(m, "fonts/fonts.json") }, nil, "fonts.json"},
		{"font file missing", func(m fstest.MapFS) { delete(m, "fonts/NotoSerif-Bold.ttf") }, nil, "serif-bold"},
		{"not a font", func(m fstest.MapFS) {
			m["fonts/NotoSans-Bold.ttf"] = &fstest.MapFile{Data: []byte("not a font at all")}
		}, nil, "TrueType"},
		{"wrong file name", func(m fstest.MapFS) {
			m["certificate/teachhub_module.kk.json"] = m["certificate/teachhub_module.en.json"]
		}, nil, "must be named"},
		{"bad JSON", edit(func(s string) string { return s[:len(s)/2] }), nil, "decode"},
		{"unknown key", edit(func(s string) string { return strings.Replace(s, `"kind"`, `"knid": 1, "kind"`, 1) }), nil, "unknown field"},
		{"unknown style", edit(func(s string) string { return strings.Replace(s, `"style": "holder"`, `"style": "nope"`, 1) }), nil, `unknown style "nope"`},
		{"unknown block", edit(func(s string) string { return strings.Replace(s, `"type": "seal"`, `"type": "stamp"`, 1) }), nil, `unknown block type "stamp"`},
		{"bad template", edit(func(s string) string {
			return strings.Replace(s, `"text": "{{.FullName}}"`, `"text": "{{.FullName"`, 1)
		}), nil, "body[7].text"},
		{"unknown function", edit(func(s string) string { return strings.Replace(s, `{{.FullName}}`, `{{shout .FullName}}`, 1) }), nil, "shout"},
		{"unknown face", edit(func(s string) string { return strings.Replace(s, `"font": "serif-bold"`, `"font": "comic"`, 1) }), nil, `unknown font face "comic"`},
		{"bad colour", edit(func(s string) string { return strings.Replace(s, `"color": "primary"`, `"color": "#12"`, 1) }), nil, "colour"},
		{"months", edit(func(s string) string { return strings.Replace(s, `"December"`, `"December", "Extra"`, 1) }), nil, "12 month names"},
		{"nil FS", nil, func(o *render.Options) { o.Templates = nil }, "Templates is nil"},
		{"bad branding colour", nil, func(o *render.Options) { o.Branding.PrimaryColor = "blue" }, "primary colour"},
		{"bad logo", nil, func(o *render.Options) { o.Branding.Logo = []byte("GIF89a") }, "logo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := base()
			if tt.change != nil {
				tt.change(m)
			}
			opts := render.Options{Templates: m, Branding: testBranding()}
			if tt.opts != nil {
				tt.opts(&opts)
			}
			_, err := render.New(opts)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("New() error = %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("New() error = %v, want it to mention %q", err, tt.wantErr)
			}
		})
	}
}

// testPNG draws a w×h PNG: a filled disc in c on a transparent background.
func testPNG(t testing.TB, w, h int, c color.NRGBA) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			dx, dy := float64(x-w/2)/float64(w/2), float64(y-h/2)/float64(h/2)
			if dx*dx+dy*dy <= 1 {
				img.SetNRGBA(x, y, c)
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestBranding renders with a logo, a signature and a seal image.
func TestBranding(t *testing.T) {
	b := testBranding()
	b.Logo = testPNG(t, 120, 120, color.NRGBA{R: 0x1f, G: 0x3a, B: 0x93, A: 255})
	b.SignatureImage = testPNG(t, 300, 90, color.NRGBA{B: 0x80, A: 200})
	b.SealImage = testPNG(t, 200, 200, color.NRGBA{R: 0x20, G: 0x40, B: 0xc0, A: 120})
	r, err := render.New(render.Options{Templates: templates.FS, Branding: b})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []render.Certificate{micro("kk"), teachhub("en")} {
		a, again := renderPDF(t, r, c), renderPDF(t, r, c)
		if !bytes.Equal(a, again) {
			t.Errorf("%s: output with images is not deterministic", c.Kind)
		}
		if n := bytes.Count(a, []byte("/Subtype /Image")); n < 3 {
			t.Errorf("%s: %d images in the PDF, want logo, signature and seal", c.Kind, n)
		}
		if *samplesDir != "" {
			if err := os.WriteFile(filepath.Join(*samplesDir, "branded-"+c.Kind+".pdf"), a, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
