package render_test

import (
	"strings"
	"time"

	"github.com/tanu-edu/tanu/render"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// longProgram is an artificially long program title (~200 characters).
const longProgram = "Деректерді талдауға арналған Python: цифрлық трансформация жағдайында кәсіпорын деректерін жинау, тазалау, статистикалық талдау, машиналық оқыту негіздері және нәтижелерді визуализациялау мен қорғау"

// longOrg is a long organization name.
const longOrg = "«Қ.И.Сәтбаев атындағы Қазақ ұлттық техникалық зерттеу университеті» коммерциялық емес акционерлік қоғамы, Автоматика және ақпараттық технологиялар институты"

var programName = map[string]string{
	"kk": "Деректерді талдауға арналған Python",
	"ru": "Python для анализа данных",
	"en": "Python for Data Analysis",
}

var orgName = map[string]string{
	"kk": "Қ.И.Сәтбаев атындағы Қазақ ұлттық техникалық зерттеу университеті",
	"ru": "Казахский национальный исследовательский технический университет имени К.И.Сатпаева",
	"en": "Satbayev University",
}

var compTitles = map[string][3]string{
	"kk": {"Деректерді жинау және тазалау", "Статистикалық талдау", "Нәтижелерді визуализациялау және қорғау"},
	"ru": {"Сбор и очистка данных", "Статистический анализ", "Визуализация и защита результатов"},
	"en": {"Collecting and cleaning data", "Statistical analysis", "Visualising and defending results"},
}

// micro returns a microcertificate for the longest holder name of the sample cohort.
func micro(lang string) render.Certificate {
	t := compTitles[lang]
	return render.Certificate{
		Kind:              render.KindMicroqualification,
		Lang:              lang,
		ID:                "5f0c7f0e-3b1d-4f6a-9a53-2d7c1e8b9a41",
		URL:               "https://tanu.satbayev.university/c/5f0c7f0e-3b1d-4f6a-9a53-2d7c1e8b9a41",
		CertificateNumber: "000042",
		BookNumber:        "MQ-2026-000042",
		Organization:      orgName[lang],
		FamilyName:        "Әбілқасымова",
		GivenName:         "Қарлығаш",
		Patronymic:        "Нұрланқызы",
		DateFrom:          day(2026, time.February, 2),
		DateTo:            day(2026, time.April, 24),
		DecisionDate:      day(2026, time.May, 6),
		IssueDate:         day(2026, time.May, 12),
		ProgramName:       programName[lang],
		ProgramRegNo:      "MQ-2026-0001",
		Qualification:     programName[lang],
		Hours:             90,
		Credits:           3,
		NQFLevel:          6,
		FormOfStudy:       "blended",
		Competencies: []render.Competency{
			{Code: "LO1", Title: t[0], Outcome: "Python кітапханаларымен деректерді жинайды, тазалайды және біріктіреді.", Percent: 86},
			{Code: "LO2", Title: t[1], Outcome: "Сипаттамалық және қорытынды статистика әдістерін қолданады.", Percent: 71},
			{Code: "LO3", Title: t[2], Outcome: "Талдау нәтижелерін визуализациялап, сарапшылар алдында қорғайды.", Percent: 94},
		},
		HeadName:  "Мұхаметжанова Г.Н.",
		HeadTitle: "",
	}
}

// microLong stretches every long field: long org, ~200-character program,
// the longest cohort name and six competencies.
func microLong(lang string) render.Certificate {
	c := micro(lang)
	c.Organization = longOrg
	c.ProgramName = longProgram
	c.Qualification = longProgram
	c.FamilyName, c.GivenName, c.Patronymic = "Мұхаметжанова-Әбілқасымова", "Гүлнұр-Қарлығаш", "Нұрланқызы"
	c.HeadName = "Мұхаметжанова-Әбілқасымова Г.Н."
	c.Competencies = append(c.Competencies,
		render.Competency{Code: "LO4", Title: "Машиналық оқыту модельдерін құру, бағалау және нәтижелерін кәсіпорын жағдайында түсіндіру", Percent: 77},
		render.Competency{Code: "LO5", Title: "Деректер сапасын бақылау және құжаттау", Percent: 65, Letter: "C"},
		render.Competency{Code: "LO6", Title: "Командада жұмыс істеу және жобаны ұсыну (soft skills)", Percent: 100},
	)
	return c
}

// teachhub returns a TeachHub module completion record.
func teachhub(lang string) render.Certificate {
	names := map[string]string{
		"kk": "Симуляциялық оқытудағы кері байланыс (дебрифинг)",
		"ru": "Обратная связь в симуляционном обучении (дебрифинг)",
		"en": "Debriefing in Simulation-Based Teaching",
	}
	return render.Certificate{
		Kind:              render.KindTeachHubModule,
		Lang:              lang,
		ID:                "0b8e2a94-6c1f-4d8e-8f3a-7e5b9c2d1a60",
		URL:               "https://tanu.kaznmu.edu.kz/c/0b8e2a94-6c1f-4d8e-8f3a-7e5b9c2d1a60",
		CertificateNumber: "000007",
		BookNumber:        "TH-2026-000007",
		Organization:      "С.Ж.Асфендияров атындағы Қазақ ұлттық медицина университеті",
		FamilyName:        "Мұхаметжанова",
		GivenName:         "Гүлнұр",
		Patronymic:        "Нұрланқызы",
		DateFrom:          day(2026, time.March, 2),
		DateTo:            day(2026, time.March, 27),
		IssueDate:         day(2026, time.April, 3),
		ProgramName:       names[lang],
		ProgramRegNo:      "TH-2026-0003",
		Hours:             36,
		NQFLevel:          7,
		FormOfStudy:       "blended",
		Department:        "Қосымша кәсіби білім беру институты, Симуляциялық орталық",
		Position:          "аға оқытушы",
		ContactHours:      24,
		SelfStudyHours:    12,
		Facilitators:      []string{"Facilitator One", "Facilitator Two"},
		Coordinator:       "Серікқызы Әйгерім",
		RecognizedSB:      1.2,
		HeadName:          "Жұмабекова М.Н.",
		Competencies: []render.Competency{
			{Code: "TH1", Title: "Дебрифинг құрылымын қолдану"},
			{Code: "TH2", Title: "Peer-review рефлексиясы"},
		},
	}
}

func nonformal(lang string) render.Certificate {
	c := teachhub(lang)
	c.Kind = render.KindNonformalActivity
	c.RecognizedSB = 0
	c.Competencies = nil
	c.ProgramName = strings.Replace(c.ProgramName, "(", "— семинар (", 1)
	return c
}
