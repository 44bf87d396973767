package programdoc_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/demo"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/render/programdoc"
	"github.com/tanu-edu/tanu/templates"
)

var org = programdoc.Org{
	Name:     credential.Text{"kk": "Қ.И. Сәтбаев атындағы ҚазҰТЗУ", "ru": "КазНИТУ имени К.И. Сатпаева", "en": "Satbayev University"},
	HeadName: credential.Text{"kk": "М. М. Бегентаев", "ru": "М. М. Бегентаев", "en": "M. M. Begentayev"},
}

func sample(t *testing.T) *credential.Program {
	t.Helper()
	p := demo.Microqualification()
	p.RegistrationNumber, p.Version, p.Status = "MQ-2026-0001", 1, credential.ProgramActive
	p.UpdatedAt = time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC)
	if err := p.Validate(); err != nil {
		t.Fatalf("sample program: %v", err)
	}
	return &p
}

func renderer(t *testing.T) *programdoc.Renderer {
	t.Helper()
	r, err := programdoc.New(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// pdfText is the document's text as pdftotext extracts it, with lines
// joined and words cut after a hyphen joined again.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	cmd := exec.Command(bin, "-raw", "-enc", "UTF-8", "-", "-") // in drawing order
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	s := strings.Join(strings.Fields(string(out)), " ")
	return hyphenEnd.ReplaceAllString(s, "$1-")
}

var hyphenEnd = regexp.MustCompile(`(\p{L})- `)

func render(t *testing.T, r *programdoc.Renderer, doc string, p *credential.Program, l lang.Tag) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := r.Render(context.Background(), &buf, doc, p, org, l); err != nil {
		t.Fatalf("%s %s: %v", doc, l, err)
	}
	if dir := os.Getenv("TANU_REGDOC_DIR"); dir != "" { // to look at them
		name := doc + "-" + string(l) + ".pdf"
		if p.Goal == nil {
			name = doc + "-" + string(l) + "-missing.pdf"
		} else if len(p.Content) > 3 {
			name = doc + "-" + string(l) + "-long.pdf"
		}
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

func hasAll(t *testing.T, what, text string, want []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, strings.Join(strings.Fields(w), " ")) {
			t.Errorf("%s lacks %q\ntext: %s", what, w, text)
		}
	}
}

// TestDocumentsHoldEveryField: the three documents of the sample program,
// in Kazakh and Russian (and English), carry every field of appendices В,
// Г and Д with the program's values.
func TestDocumentsHoldEveryField(t *testing.T) {
	r := renderer(t)
	p := sample(t)
	for _, l := range []lang.Tag{lang.KK, lang.RU, lang.EN} {
		s := string(l)
		T := func(k lang.Key, args ...any) string { return l.T(k, args...) }
		title := pdfText(t, render(t, r, programdoc.Title, p, l))
		hasAll(t, "title page "+s, title, []string{
			org.Name[s], T(lang.RegdocOrgCaption), T(lang.RegdocApprove), T(lang.RegdocHead), T(lang.RegdocSign), T(lang.RegdocFullName),
			org.HeadName[s], "16.12.2025", T(lang.RegdocTitleHeading), p.Name[s], T(lang.RegdocNameCaption),
			T(lang.RegdocHoursCredits, "90", "3"), T(lang.RegdocDevelopers), p.Developers[0], p.Developers[1], "MQ-2026-0001",
		})
		note := pdfText(t, render(t, r, programdoc.Note, p, l))
		want := []string{T(lang.RegdocNoteHeading), T(lang.RegdocDescription), p.Description[s], T(lang.RegdocCompetencies),
			T(lang.RegdocPrerequisites), p.Prerequisites[s], T(lang.RegdocPostrequisites), p.Postrequisites[s],
			T(lang.RegdocEquipment), p.Equipment[s], T(lang.RegdocContacts), T(lang.RegdocPhone), T(lang.RegdocEmail),
			T(lang.RegdocContentHeading), T(lang.RegdocColOutcomes), T(lang.RegdocColCriteria), T(lang.RegdocColTotal),
			T(lang.RegdocColOfWhich), T(lang.RegdocColTheory), T(lang.RegdocColPractice), T(lang.RegdocColIndividual),
			T(lang.RegdocColWithTeacher), T(lang.RegdocColSelfStudy), T(lang.RegdocColLessonType), T(lang.RegdocTotalRow),
			// totals: 90 in all; theory 16, practice 38, individual 6, with the teacher 15, self-study 15
			T(lang.RegdocTotalRow) + " 90 16 38 6 15 15"}
		for _, c := range p.Competencies {
			want = append(want, c.Code+". "+c.Title[s])
		}
		for _, tc := range p.Teachers {
			want = append(want, tc.Name, tc.Email)
		}
		want = append(want, p.Teachers[0].Phone)
		for _, row := range p.Content {
			want = append(want, row.Outcome[s], row.Criteria[s], row.LessonType[s])
		}
		hasAll(t, "explanatory note "+s, note, want)
		app := pdfText(t, render(t, r, programdoc.Application, p, l))
		want = []string{T(lang.RegdocAppAnnex), T(lang.RegdocAppHeading),
			"1 " + T(lang.RegdocAppOrg), org.Name[s],
			"2 " + T(lang.RegdocAppName), p.Name[s],
			"3 " + T(lang.RegdocAppGoal), T(lang.RegdocAppGoalHint), p.Goal[s],
			"4 " + T(lang.RegdocAppForm), T(lang.RegdocFormBlended),
			"5 " + T(lang.RegdocAppNQF), T(lang.RegdocAppNQF) + " 6",
			"6 " + T(lang.RegdocAppAccred), T(lang.RegdocAppAccredHint), T(lang.RegdocAccredInst) + ", IAAR (EQAR), " + T(lang.RegdocAccredNumber, "AA 0123"),
			"7 " + T(lang.RegdocAppWorkload), T(lang.RegdocWorkload, "3", "90"),
			"8 " + T(lang.RegdocAppLanguage), T(lang.RegdocLangKK),
			"9 " + T(lang.RegdocAppStandard), T(lang.RegdocAppStandardHint), p.ProfessionalStandard,
			"10 " + T(lang.RegdocAppOutcomes)}
		for _, c := range p.Competencies {
			want = append(want, c.Code+". "+c.Title[s])
		}
		hasAll(t, "application "+s, app, want)
		for name, text := range map[string]string{"title": title, "note": note, "application": app} {
			if strings.Contains(text, programdoc.Blank) {
				t.Errorf("%s %s: a blank line although the sample has every field: %s", name, s, text)
			}
		}
	}
}

// TestMissingFieldsLeaveALine: what the registry lacks is a blank line to
// fill in, not a guess.
func TestMissingFieldsLeaveALine(t *testing.T) {
	r := renderer(t)
	p := sample(t)
	p.Goal, p.Accreditation, p.ProfessionalStandard, p.FormOfStudy = nil, nil, "", ""
	p.Teachers, p.Developers, p.Content, p.Equipment, p.Postrequisites = nil, nil, nil, nil, nil
	p.Approval = nil
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	blank := programdoc.Blank
	for _, l := range []lang.Tag{lang.KK, lang.RU} {
		T := func(k lang.Key, args ...any) string { return l.T(k, args...) }
		app := pdfText(t, render(t, r, programdoc.Application, p, l))
		for _, f := range []string{
			"3 " + T(lang.RegdocAppGoal) + " " + T(lang.RegdocAppGoalHint) + " " + blank,
			"4 " + T(lang.RegdocAppForm) + " " + blank,
			"6 " + T(lang.RegdocAppAccred) + " " + T(lang.RegdocAppAccredHint) + " " + blank,
			"9 " + T(lang.RegdocAppStandard) + " " + T(lang.RegdocAppStandardHint) + " " + blank,
		} {
			hasAll(t, "application "+string(l), app, []string{f})
		}
		if strings.Contains(app, "IAAR") || strings.Contains(app, T(lang.RegdocAccredNone)) {
			t.Errorf("application %s invents an accreditation: %s", l, app)
		}
		note := pdfText(t, render(t, r, programdoc.Note, p, l))
		hasAll(t, "note "+string(l), note, []string{
			T(lang.RegdocPostrequisites) + " " + blank, T(lang.RegdocEquipment) + " " + blank,
			blank + " " + T(lang.RegdocTeacherName), T(lang.RegdocPhone) + " " + blank, T(lang.RegdocEmail) + " " + blank,
			T(lang.RegdocTotalRow) + " ____ ____",
		})
		title := pdfText(t, render(t, r, programdoc.Title, p, l))
		hasAll(t, "title "+string(l), title, []string{T(lang.RegdocDateLine), T(lang.RegdocDevelopers) + " ____________ " + T(lang.RegdocSign) + " ______________"})
	}
}

// TestLongContentBreaksPages: sixty rows of long text go on over several
// landscape pages, each with the table's header again.
func TestLongContentBreaksPages(t *testing.T) {
	r := renderer(t)
	p := sample(t)
	row := p.Content[0]
	row.Outcome = credential.Text{"kk": strings.Repeat("Деректерді жинау және тазалау әдістері ", 12)}
	p.Content = nil
	for range credential.MaxContentRows {
		p.Content = append(p.Content, row)
	}
	p.Hours = 30 * credential.MaxContentRows
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	pdf := render(t, r, programdoc.Note, p, lang.KK)
	text := pdfText(t, pdf)
	pages := regexp.MustCompile(regexp.QuoteMeta(lang.KK.T(lang.RegdocColOfWhich))).FindAllStringIndex(text, -1)
	if len(pages) < 5 {
		t.Errorf("the header shows %d times; want it on each of several pages", len(pages))
	}
	if !strings.Contains(text, "60 "+lang.KK.T(lang.RegdocColOfWhich)) && !strings.Contains(text, " 60 ") {
		t.Errorf("row 60 is missing")
	}
}

// TestHugeRowGoesOnOverPages: a content row and an application field
// longer than a page go on over the next pages; no text is lost below the
// page's edge.
func TestHugeRowGoesOnOverPages(t *testing.T) {
	r := renderer(t)
	p := sample(t)
	var long strings.Builder
	for i := range 500 {
		fmt.Fprintf(&long, "сөз%d ", i)
	}
	p.Content[0].Outcome = credential.Text{"kk": long.String()}
	p.Goal = credential.Text{"kk": long.String()}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, doc := range []string{programdoc.Note, programdoc.Application} {
		text := pdfText(t, render(t, r, doc, p, lang.KK))
		for _, w := range []string{"сөз0", "сөз250", "сөз499"} {
			if !strings.Contains(text, w+" ") {
				t.Errorf("%s lacks %q", doc, w)
			}
		}
		if doc == programdoc.Note && !strings.Contains(text, lang.KK.T(lang.RegdocTotalRow)+" 90") {
			t.Errorf("%s lacks its total row", doc)
		}
	}
}

func TestDeterministicAndUnknown(t *testing.T) {
	r := renderer(t)
	p := sample(t)
	a := render(t, r, programdoc.Note, p, lang.RU)
	b := render(t, r, programdoc.Note, p, lang.RU)
	if !bytes.Equal(a, b) {
		t.Error("the same program renders to different bytes")
	}
	err := r.Render(context.Background(), &bytes.Buffer{}, "passport", p, org, lang.KK)
	if !errors.Is(err, programdoc.ErrUnknownDocument) {
		t.Errorf("unknown document: %v", err)
	}
}

// BenchmarkDocuments renders the three documents of the sample program.
func BenchmarkDocuments(b *testing.B) {
	r, err := programdoc.New(templates.FS)
	if err != nil {
		b.Fatal(err)
	}
	p := demo.Microqualification()
	p.RegistrationNumber, p.Version = "MQ-2026-0001", 1
	for _, doc := range programdoc.Documents() {
		b.Run(doc, func(b *testing.B) {
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := r.Render(context.Background(), &buf, doc, &p, org, lang.KK); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes/pdf")
		})
	}
}
