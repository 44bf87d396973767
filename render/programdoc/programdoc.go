// Package programdoc renders the program registry's own documents as PDF
// (Satbayev University microqualification regulation, sec. 9): the
// program's title page (Appendix В), the explanatory note with its content
// table of learning outcomes, assessment criteria and hours (Appendix Г),
// and the application for entry into the registry with its ten fields
// (Appendix Д). Each is written in Kazakh, Russian or English from the
// program's registry entry; what the entry lacks is printed as a blank
// line to fill in by hand, never invented.
//
// Wording comes from the lang catalog (regdoc.*), fonts from the template
// file system (templates.FS), drawing from render/pdfdoc. Output is
// deterministic: the same program version renders to the same bytes.
package programdoc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/render/pdfdoc"
)

// The documents.
const (
	Title       = "title"       // Appendix В: the program's title page
	Note        = "note"        // Appendix Г: the explanatory note and content table
	Application = "application" // Appendix Д: the application for entry into the registry
)

// Documents lists the documents in order.
func Documents() []string { return []string{Title, Note, Application} }

// Blank is printed where the registry has no value: a line to fill in.
const Blank = "______________________________"

// ErrUnknownDocument is returned for a document other than Title, Note and
// Application.
var ErrUnknownDocument = errors.New("programdoc: unknown document")

// Org is the organization the documents name.
type Org struct {
	Name     credential.Text // organization name in kk/ru/en
	HeadName credential.Text // head who approves (title page)
}

// Renderer renders the documents; it is safe for concurrent use.
type Renderer struct {
	regular, bold *pdfdoc.Font
	creator       string
}

// New loads the serif faces named in fonts/fonts.json of fsys
// (templates.FS or an edited copy).
func New(fsys fs.FS) (*Renderer, error) {
	b, err := fs.ReadFile(fsys, "fonts/fonts.json")
	if err != nil {
		return nil, fmt.Errorf("programdoc: read font list: %w", err)
	}
	var ff struct {
		Faces map[string]string `json:"faces"`
	}
	if err := json.Unmarshal(b, &ff); err != nil {
		return nil, fmt.Errorf("programdoc: fonts/fonts.json: %w", err)
	}
	r := &Renderer{creator: "tanu"}
	for _, f := range []struct {
		face string
		dst  **pdfdoc.Font
	}{{"serif", &r.regular}, {"serif-bold", &r.bold}} {
		file, ok := ff.Faces[f.face]
		if !ok {
			return nil, fmt.Errorf("programdoc: fonts/fonts.json names no %q face", f.face)
		}
		data, err := fs.ReadFile(fsys, path.Join("fonts", file))
		if err != nil {
			return nil, fmt.Errorf("programdoc: font %q: %w", f.face, err)
		}
		if *f.dst, err = pdfdoc.LoadFont("Regdoc"+strings.ReplaceAll(f.face, "-", ""), data); err != nil {
			return nil, fmt.Errorf("programdoc: font %q: %w", f.face, err)
		}
	}
	return r, nil
}

// doc is one document being written.
type doc struct {
	*flow
	p                           *credential.Program
	org                         Org
	l                           lang.Tag
	body, bodyBold, small, tiny style
	head, big                   style
}

// Render writes document (Title, Note or Application) of program p in
// language l to w.
func (r *Renderer) Render(ctx context.Context, w io.Writer, document string, p *credential.Program, org Org, l lang.Tag) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("programdoc: %w", err)
	}
	if p == nil {
		return errors.New("programdoc: no program")
	}
	var (
		titleKey  lang.Key
		landscape bool
		draw      func(*doc)
	)
	switch document {
	case Title:
		titleKey, draw = lang.RegdocTitleDoc, (*doc).titlePage
	case Note:
		titleKey, draw, landscape = lang.RegdocNoteDoc, (*doc).note, true
	case Application:
		titleKey, draw = lang.RegdocAppDoc, (*doc).application
	default:
		return fmt.Errorf("%w: %q (title, note or application)", ErrUnknownDocument, document)
	}
	pw, ph := 210.0, 297.0
	if landscape {
		pw, ph = ph, pw
	}
	created := p.UpdatedAt
	if created.IsZero() {
		created = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	title := l.T(titleKey) + " — " + p.Name.Get(string(l))
	d := pdfdoc.New(pw, ph, pdfdoc.Meta{Title: title, Subject: p.RegistrationNumber, Author: org.Name.Get(string(l)),
		Creator: r.creator, Keywords: p.RegistrationNumber, Lang: string(l), Created: created})
	x := &doc{p: p, org: org, l: l,
		body: style{r.regular, 10}, bodyBold: style{r.bold, 10}, small: style{r.regular, 8}, tiny: style{r.regular, 7},
		head: style{r.bold, 12}, big: style{r.bold, 15}}
	x.flow = &flow{d: d, w: pw, h: ph, left: 25, right: 15, top: 18, bottom: 16, small: x.tiny}
	if landscape {
		x.left, x.right, x.top, x.bottom = 15, 15, 14, 14
	}
	if p.RegistrationNumber != "" {
		x.footer = l.T(lang.RegdocRegNo, p.RegistrationNumber, p.Version) + " · " + l.T(titleKey)
	}
	x.d.SetTextColor(ink)
	x.newPage()
	draw(x)
	if err := d.Err(); err != nil {
		return fmt.Errorf("programdoc: %w", err)
	}
	if _, err := d.WriteTo(w); err != nil {
		return fmt.Errorf("programdoc: %w", err)
	}
	return nil
}

// text returns t in the document's language (falling back as Text.Get
// does), or Blank.
func (x *doc) text(t credential.Text) string {
	if s := strings.TrimSpace(t.Get(string(x.l))); s != "" {
		return s
	}
	return Blank
}

func orBlank(s string) string {
	if s = strings.TrimSpace(s); s != "" {
		return s
	}
	return Blank
}

// num prints hours and credits: 22.5 as "22,5" in Kazakh and Russian.
func (x *doc) num(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if x.l != lang.EN {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return s
}

// titlePage is Appendix В.
func (x *doc) titlePage() {
	l, w := x.l, x.width()
	x.para(x.bodyBold, orBlank(x.org.Name.Get(string(l))), alignCenter, 0.5)
	x.hrule(x.left, x.y, w)
	x.y += 1
	x.d.SetTextColor(muted)
	x.para(x.tiny, l.T(lang.RegdocOrgCaption), alignCenter, 10)
	x.d.SetTextColor(ink)

	// «БЕКІТЕМІН» block on the right.
	bx, bw := x.left+w*0.52, w*0.48
	x.paraIn(x.bodyBold, l.T(lang.RegdocApprove), bx, bw, alignLeft)
	x.y += 1.5
	x.paraIn(x.body, l.T(lang.RegdocHead)+" ____________________", bx, bw, alignLeft)
	x.y += 2
	head := strings.TrimSpace(x.org.HeadName.Get(string(l)))
	if head == "" {
		head = "______________"
	}
	x.paraIn(x.body, "____________ "+l.T(lang.RegdocSign)+"  "+head+" "+l.T(lang.RegdocFullName), bx, bw, alignLeft)
	x.y += 2
	if a := x.p.Approval; a != nil && a.Date != "" {
		x.paraIn(x.body, l.T(lang.RegdocDate, dmy(a.Date)), bx, bw, alignLeft)
	} else {
		x.paraIn(x.body, l.T(lang.RegdocDateLine), bx, bw, alignLeft)
	}

	x.y = max(x.y+25, 115)
	x.para(x.head, l.T(lang.RegdocTitleHeading), alignCenter, 8)
	x.para(x.big, x.text(x.p.Name), alignCenter, 0.5)
	x.hrule(x.left+15, x.y, w-30)
	x.y += 1
	x.d.SetTextColor(muted)
	x.para(x.tiny, l.T(lang.RegdocNameCaption), alignCenter, 8)
	x.d.SetTextColor(ink)
	credits := "______"
	if x.p.Credits > 0 {
		credits = x.num(x.p.Credits)
	}
	hours := "______"
	if x.p.Hours > 0 {
		hours = x.num(x.p.Hours)
	}
	x.para(x.body, l.T(lang.RegdocHoursCredits, hours, credits), alignCenter, 0)

	x.y = max(x.y+30, 205)
	devs := x.p.Developers
	if len(devs) == 0 {
		devs = []string{"______________"}
	}
	for i, dv := range devs {
		label := ""
		if i == 0 {
			label = l.T(lang.RegdocDevelopers) + " "
		}
		x.para(x.body, label+"____________ "+l.T(lang.RegdocSign)+"  "+dv+" "+l.T(lang.RegdocFullName), alignLeft, 2)
	}
}

// note is Appendix Г: the explanatory note and the content table.
func (x *doc) note() {
	l, w := x.l, x.width()
	x.para(x.head, l.T(lang.RegdocNoteHeading), alignCenter, 1)
	x.para(x.bodyBold, x.text(x.p.Name), alignCenter, 4)
	lw := w * 0.3
	widths := []float64{lw, w - lw}
	lc := func(s string) cell { return cell{text: s, st: x.bodyBold, fill: true} }
	vc := func(s string) cell { return cell{text: s, st: x.body} }
	x.row([]cell{lc(l.T(lang.RegdocDescription)), vc(x.text(x.p.Description))}, widths)
	x.row([]cell{lc(l.T(lang.RegdocCompetencies)), vc(x.competencies(false))}, widths)
	x.row([]cell{lc(l.T(lang.RegdocPrerequisites)), vc(x.text(x.p.Prerequisites))}, widths)
	x.row([]cell{lc(l.T(lang.RegdocPostrequisites)), vc(x.text(x.p.Postrequisites))}, widths)
	x.row([]cell{lc(l.T(lang.RegdocEquipment)), vc(x.text(x.p.Equipment))}, widths)
	x.row([]cell{{text: l.T(lang.RegdocContacts), st: x.bodyBold, fill: true, span: 2}}, widths)
	teachers := x.p.Teachers
	if len(teachers) == 0 {
		teachers = []credential.Teacher{{}}
	}
	for _, t := range teachers {
		name := cell{text: orBlank(t.Name), st: x.body}
		if t.Name == "" {
			name = cell{text: Blank, st: x.body, hint: l.T(lang.RegdocTeacherName), hintSt: x.tiny}
		}
		x.row([]cell{name, vc(l.T(lang.RegdocPhone) + " " + orBlank(t.Phone) + "\n" + l.T(lang.RegdocEmail) + " " + orBlank(t.Email))}, widths)
	}
	x.y += 6
	x.room(40)
	x.para(x.head, l.T(lang.RegdocContentHeading), alignCenter, 3)
	x.contentTable()
}

// contentTable draws the content table: №, learning outcomes, assessment
// criteria, total hours, of which theory, laboratory and practical,
// individual; work with the teacher; self-study; type of lessons.
func (x *doc) contentTable() {
	l, w := x.l, x.width()
	fixed := []float64{8, 0, 0, 15, 22, 24, 23, 28, 26, 30}
	rest := w
	for _, f := range fixed {
		rest -= f
	}
	widths := append([]float64(nil), fixed...)
	widths[1], widths[2] = rest/2, rest/2
	hs := x.small
	hb := style{x.bodyBold.font, 8}
	hc := func(k lang.Key, col int) cell {
		return cell{text: l.T(k), st: fitWords(hb, l.T(k), widths[col]), align: alignCenter, fill: true}
	}
	header := func() {
		// Two header rows: "of which" spans theory, practice and
		// individual; every other heading spans both rows.
		sub := []cell{hc(lang.RegdocColTheory, 4), hc(lang.RegdocColPractice, 5), hc(lang.RegdocColIndividual, 6)}
		h2 := rowHeight(sub, widths[4:7])
		tall := []cell{{text: "№", st: hb, align: alignCenter, fill: true}, hc(lang.RegdocColOutcomes, 1), hc(lang.RegdocColCriteria, 2), hc(lang.RegdocColTotal, 3),
			{text: l.T(lang.RegdocColOfWhich), st: hb, align: alignCenter, fill: true, span: 3},
			hc(lang.RegdocColWithTeacher, 7), hc(lang.RegdocColSelfStudy, 8), hc(lang.RegdocColLessonType, 9)}
		h1 := rowHeight([]cell{tall[4]}, []float64{widths[4] + widths[5] + widths[6]})
		hAll := max(rowHeight(tall, widths), h1+h2)
		x.room(hAll + 10)
		y := x.y
		xs := x.left
		for i, c := range tall {
			switch {
			case i < 4:
				x.box(c, xs, y, widths[i], hAll)
				xs += widths[i]
			case i == 4:
				span := widths[4] + widths[5] + widths[6]
				x.box(c, xs, y, span, hAll-h2)
				sx := xs
				for j, sc := range sub {
					x.box(sc, sx, y+hAll-h2, widths[4+j], h2)
					sx += widths[4+j]
				}
				xs += span
			default:
				x.box(c, xs, y, widths[i+2], hAll)
				xs += widths[i+2]
			}
		}
		x.y = y + hAll
	}
	header()
	x.header = header
	defer func() { x.header = nil }()
	hours := func(v float64) string {
		if v == 0 {
			return "–"
		}
		return x.num(v)
	}
	rows := x.p.Content
	if len(rows) == 0 {
		x.row([]cell{{text: "1", st: hs, align: alignCenter}, {text: Blank, st: hs}, {text: Blank, st: hs},
			{text: "____", st: hs, align: alignCenter}, {text: "____", st: hs, align: alignCenter}, {text: "____", st: hs, align: alignCenter},
			{text: "____", st: hs, align: alignCenter}, {text: "____", st: hs, align: alignCenter}, {text: "____", st: hs, align: alignCenter},
			{text: Blank, st: hs}}, widths)
	}
	for i, r := range rows {
		outcome := x.text(r.Outcome)
		if r.Competency != "" {
			outcome = r.Competency + ". " + outcome
		}
		x.row([]cell{{text: strconv.Itoa(i + 1), st: hs, align: alignCenter}, {text: outcome, st: hs}, {text: x.text(r.Criteria), st: hs},
			{text: x.num(r.Hours()), st: style{x.bodyBold.font, 8}, align: alignCenter},
			{text: hours(r.Theory), st: hs, align: alignCenter}, {text: hours(r.Practice), st: hs, align: alignCenter},
			{text: hours(r.Individual), st: hs, align: alignCenter}, {text: hours(r.WithTeacher), st: hs, align: alignCenter},
			{text: hours(r.SelfStudy), st: hs, align: alignCenter}, {text: x.text(r.LessonType), st: hs}}, widths)
	}
	th, pr, in, wt, ss, all := x.p.ContentHours()
	tot := func(v float64) string {
		if len(rows) == 0 {
			return "____"
		}
		return hours(v)
	}
	tb := style{x.bodyBold.font, 8}
	x.row([]cell{{text: l.T(lang.RegdocTotalRow), st: tb, fill: true, span: 3},
		{text: tot(all), st: tb, align: alignCenter, fill: true}, {text: tot(th), st: tb, align: alignCenter, fill: true},
		{text: tot(pr), st: tb, align: alignCenter, fill: true}, {text: tot(in), st: tb, align: alignCenter, fill: true},
		{text: tot(wt), st: tb, align: alignCenter, fill: true}, {text: tot(ss), st: tb, align: alignCenter, fill: true},
		{text: "", st: tb, fill: true}}, widths)
}

// competencies lists the program's competencies, one a line (with their
// learning outcomes when withOutcomes), or Blank.
func (x *doc) competencies(withOutcomes bool) string {
	var b strings.Builder
	for _, c := range x.p.Competencies {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(c.Code + ". " + x.text(c.Title))
		if o := strings.TrimSpace(c.Outcome.Get(string(x.l))); withOutcomes && o != "" {
			b.WriteString(" — " + o)
		}
	}
	if b.Len() == 0 {
		return Blank
	}
	return b.String()
}

// application is Appendix Д: the application's ten fields.
func (x *doc) application() {
	l, w := x.l, x.width()
	x.d.SetTextColor(muted)
	x.paraIn(x.small, l.T(lang.RegdocAppAnnex), x.left+w*0.5, w*0.5, alignRight)
	x.d.SetTextColor(ink)
	x.y += 10
	x.para(x.head, l.T(lang.RegdocAppHeading), alignCenter, 1.5)
	x.para(x.bodyBold, x.text(x.p.Name), alignCenter, 6)
	widths := []float64{9, w * 0.4, w - 9 - w*0.4}
	p := x.p
	form := Blank
	if p.FormOfStudy != "" {
		form = l.T(lang.RegdocForm(p.FormOfStudy))
	}
	nqf := Blank
	if p.NQFLevel > 0 {
		nqf = strconv.Itoa(p.NQFLevel)
	}
	workload := l.T(lang.RegdocWorkloadHours, x.num(p.Hours))
	if p.Credits > 0 {
		workload = l.T(lang.RegdocWorkload, x.num(p.Credits), x.num(p.Hours))
	}
	language := Blank
	if p.Language != "" {
		language = l.T(lang.Key("regdoc.lang_" + p.Language))
	}
	fields := []struct {
		label, hint lang.Key
		value       string
	}{
		{lang.RegdocAppOrg, "", orBlank(x.org.Name.Get(string(l)))},
		{lang.RegdocAppName, "", x.text(p.Name)},
		{lang.RegdocAppGoal, lang.RegdocAppGoalHint, x.text(p.Goal)},
		{lang.RegdocAppForm, "", form},
		{lang.RegdocAppNQF, "", nqf},
		{lang.RegdocAppAccred, lang.RegdocAppAccredHint, x.accreditation()},
		{lang.RegdocAppWorkload, "", workload},
		{lang.RegdocAppLanguage, "", language},
		{lang.RegdocAppStandard, lang.RegdocAppStandardHint, orBlank(p.ProfessionalStandard)},
		{lang.RegdocAppOutcomes, "", x.competencies(true)},
	}
	for i, f := range fields {
		label := cell{text: l.T(f.label), st: x.bodyBold, fill: true}
		if f.hint != "" {
			label.hint, label.hintSt = l.T(f.hint), x.tiny
		}
		x.row([]cell{{text: strconv.Itoa(i + 1), st: x.body, align: alignCenter, fill: true}, label, {text: f.value, st: x.body}}, widths)
	}
}

// accreditation words the program's accreditations, one a line, or Blank.
func (x *doc) accreditation() string {
	var lines []string
	for _, a := range x.p.Accreditation {
		parts := []string{x.l.T(lang.RegdocAccreditation(a.Kind))}
		if a.Agency != "" {
			parts = append(parts, a.Agency)
		}
		if a.Number != "" {
			parts = append(parts, x.l.T(lang.RegdocAccredNumber, a.Number))
		}
		if a.ValidUntil != "" {
			parts = append(parts, x.l.T(lang.RegdocAccredUntil, dmy(a.ValidUntil)))
		}
		lines = append(lines, strings.Join(parts, ", "))
	}
	if len(lines) == 0 {
		return Blank
	}
	return strings.Join(lines, "\n")
}

// dmy turns YYYY-MM-DD into DD.MM.YYYY.
func dmy(s string) string {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return t.Format("02.01.2006")
}
