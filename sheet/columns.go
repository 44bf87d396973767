package sheet

import (
	"strings"
	"unicode"

	"github.com/tanu-edu/tanu/lang"
)

// field identifies what a column holds.
type field int

const (
	fUnknown field = iota
	fBlank         // a column without header
	fStudentID
	fFamilyName
	fGivenName
	fPatronymic
	fEmail
	fIIN
	fDateFrom
	fDateTo
	fHours
	fCredits
	fDecisionDate
	fLanguage
	fDepartment // staff lists only (Options.Staff)
	fPosition   // staff lists only (Options.Staff)
	fGrade
	numFields
)

// fieldSpec describes a contract column: its canonical name, its name for a
// registrar, the header names shown as accepted in messages, and
// every accepted alias (matched with headerKey).
type fieldSpec struct {
	name    string
	display lang.Key // the column's name for registrars
	shown   string
	aliases []string
}

// fieldSpecs is constant data: the column contract.
var fieldSpecs = [numFields]fieldSpec{
	fStudentID: {ColStudentID, lang.SheetColStudentID,
		"student_id, Студент ID, Білім алушы ID, ID обучающегося",
		[]string{"student_id", "student id", "studentid", "student number", "student no", "id",
			"студент id", "id студента", "студент идентификаторы", "білім алушы id", "білім алушының id",
			"білім алушы идентификаторы", "id білім алушы", "id обучающегося", "идентификатор обучающегося",
			"идентификатор студента", "номер студента", "студенттің id"}},
	fFamilyName: {ColFamilyName, lang.SheetColFamilyName,
		"family_name, Тегі, Фамилия",
		[]string{"family_name", "family name", "surname", "last name", "тегі", "фамилия"}},
	fGivenName: {ColGivenName, lang.SheetColGivenName,
		"given_name, Аты, Имя",
		[]string{"given_name", "given name", "first name", "аты", "есімі", "имя"}},
	fPatronymic: {ColPatronymic, lang.SheetColPatronymic,
		"patronymic, Әкесінің аты, Отчество",
		[]string{"patronymic", "middle name", "әкесінің аты", "әкесінің есімі", "әкесының аты", "отчество"}},
	fEmail: {ColEmail, lang.SheetColEmail,
		"email, e-mail, Эл. пошта, Эл. почта",
		[]string{"email", "e-mail", "e mail", "mail", "email address", "эл. пошта", "эл. почта", "электрондық пошта",
			"электронная почта", "e-mail адрес", "адрес электронной почты", "пошта", "почта"}},
	fIIN: {ColIIN, lang.SheetColIIN,
		"iin, ЖСН, ИИН",
		[]string{"iin", "жсн", "иин", "жеке сәйкестендіру нөмірі", "индивидуальный идентификационный номер"}},
	fDateFrom: {ColDateFrom, lang.SheetColDateFrom,
		"date_from, Басталуы, Дата начала",
		[]string{"date_from", "date from", "start date", "start", "басталуы", "басталу күні", "оқу басталуы",
			"дата начала", "начало", "дата начала обучения", "начало обучения"}},
	fDateTo: {ColDateTo, lang.SheetColDateTo,
		"date_to, Аяқталуы, Дата окончания",
		[]string{"date_to", "date to", "end date", "end", "аяқталуы", "аяқталу күні", "оқу аяқталуы",
			"дата окончания", "окончание", "дата окончания обучения", "окончание обучения", "дата завершения"}},
	fHours: {ColHours, lang.SheetColHours,
		"hours, Сағат, Часы",
		[]string{"hours", "academic hours", "сағат", "сағаттар", "сағат саны", "академиялық сағат",
			"часы", "часов", "количество часов", "кол-во часов", "академические часы"}},
	fCredits: {ColCredits, lang.SheetColCredits,
		"credits, Кредит, Кредиты",
		[]string{"credits", "credit", "кредит", "кредиттер", "кредит саны", "кредиты", "количество кредитов",
			"кол-во кредитов"}},
	fDecisionDate: {ColDecisionDate, lang.SheetColDecisionDate,
		"decision_date, Шешім күні, Дата решения",
		[]string{"decision_date", "decision date", "шешім күні", "шешім қабылданған күн", "шешім датасы",
			"дата решения", "дата принятия решения"}},
	fLanguage: {ColLanguage, lang.SheetColLanguage,
		"language, Тіл, Язык",
		[]string{"language", "lang", "тіл", "оқыту тілі", "язык", "язык обучения"}},
	fDepartment: {ColDepartment, lang.SheetColDepartment,
		"department, Кафедра, Құрылымдық бөлімше, Подразделение",
		[]string{"department", "division", "unit", "кафедра", "бөлімше", "құрылымдық бөлімше", "кафедра бөлімше",
			"подразделение", "структурное подразделение", "кафедра подразделение"}},
	fPosition: {ColPosition, lang.SheetColPosition,
		"position, Лауазымы, Должность",
		[]string{"position", "job title", "лауазым", "лауазымы", "қызметі", "должность"}},
}

// requiredFields are the contract's always-required columns, in message order.
var requiredFields = [...]field{fStudentID, fFamilyName, fGivenName, fDateFrom, fDateTo}

// foldRune maps a lower-case rune to its header-matching skeleton: Kazakh
// letters to the Russian letters registrars type without a Kazakh layout,
// and Cyrillic letters to their Latin look-alikes, so that "Тегi" (Latin i),
// "Шешим куни" and "ID" typed in Cyrillic all match.
func foldRune(r rune) rune {
	switch r {
	case 'ә', 'а', 'э': // ә is typed as а or э without a Kazakh layout
		return 'a'
	case 'ғ':
		return 'г'
	case 'қ', 'к':
		return 'k'
	case 'ң', 'н':
		return 'h'
	case 'ө', 'о':
		return 'o'
	case 'ұ', 'ү', 'у':
		return 'y'
	case 'һ', 'х':
		return 'x'
	case 'і', 'ї', 'и', 'й':
		return 'i'
	case 'ё', 'е', 'є':
		return 'e'
	case 'в':
		return 'b'
	case 'м':
		return 'm'
	case 'р':
		return 'p'
	case 'с':
		return 'c'
	case 'т':
		return 't'
	}
	return r
}

// headerKey is the loose key headers and aliases are matched on: lower
// case, only letters and digits, folded with foldRune. "E-mail", "email"
// and "Эл. пошта"/"эл.пошта" give the same key as their spelling variants.
func headerKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		b.WriteRune(foldRune(unicode.ToLower(r)))
	}
	return b.String()
}

// strictKey matches competency codes: lower case, spaces removed, other
// punctuation kept (so LO1.1 and LO11 stay different).
func strictKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// column is one column of the header.
type column struct {
	field  field
	header string // as written, trimmed
	code   string // competency code (as in Options) for fGrade
}

// columnMap is the mapping of a header row: which field each column holds.
type columnMap struct {
	cols    []column
	index   [numFields]int // column index of each field, -1 if absent
	grades  []int          // column index per Options.Competencies entry, -1 if absent
	unknown []string
	known   int // recognised columns
}

// matcher resolves headers to fields for one set of Options.
type matcher struct {
	aliases map[string]field
	strict  map[string]int // strictKey of competency code → index in Competencies
	loose   map[string]int // headerKey of competency code → index, -1 if two codes collide
}

func newMatcher(competencies []string) *matcher {
	m := &matcher{
		aliases: make(map[string]field, 128),
		strict:  make(map[string]int, len(competencies)),
		loose:   make(map[string]int, len(competencies)),
	}
	for f := fStudentID; f < fGrade; f++ {
		if staffOnly(f) {
			continue
		}
		for _, a := range fieldSpecs[f].aliases {
			m.aliases[headerKey(a)] = f
		}
	}
	for i, c := range competencies {
		m.strict[strictKey(c)] = i
		k := headerKey(c)
		if _, dup := m.loose[k]; dup {
			m.loose[k] = -1
		} else {
			m.loose[k] = i
		}
	}
	return m
}

// match returns the field of a header and, for a competency, its index.
func (m *matcher) match(header string) (field, int) {
	if header == "" {
		return fBlank, -1
	}
	if i, ok := m.strict[strictKey(header)]; ok {
		return fGrade, i
	}
	k := headerKey(header)
	if k == "" {
		return fUnknown, -1
	}
	if i, ok := m.loose[k]; ok && i >= 0 {
		return fGrade, i
	}
	if f, ok := m.aliases[k]; ok {
		return f, -1
	}
	return fUnknown, -1
}

// recognised counts the cells of a candidate header row that name a column.
func (m *matcher) recognised(cells []string) int {
	n := 0
	for _, c := range cells {
		if f, _ := m.match(cleanCell(c)); f != fUnknown && f != fBlank {
			n++
		}
	}
	return n
}

// dupColumn reports two headers that mean the same field.
type dupColumn struct {
	first, second, name string
}

// buildColumnMap maps a header row. It reports the first pair of columns that
// mean the same field, if any.
func (m *matcher) buildColumnMap(header []string, competencies []string) (*columnMap, *dupColumn) {
	l := &columnMap{cols: make([]column, len(header)), grades: make([]int, len(competencies))}
	for i := range l.index {
		l.index[i] = -1
	}
	for i := range l.grades {
		l.grades[i] = -1
	}
	for i, h := range header {
		h = cleanCell(h)
		f, gi := m.match(h)
		c := column{field: f, header: h}
		switch f {
		case fUnknown:
			l.unknown = append(l.unknown, h)
		case fBlank:
		case fGrade:
			c.code = competencies[gi]
			if prev := l.grades[gi]; prev >= 0 {
				return nil, &dupColumn{l.cols[prev].header, h, c.code}
			}
			l.grades[gi] = i
			l.known++
		default:
			if prev := l.index[f]; prev >= 0 {
				return nil, &dupColumn{l.cols[prev].header, h, fieldSpecs[f].name}
			}
			l.index[f] = i
			l.known++
		}
		l.cols[i] = c
	}
	return l, nil
}

// cleanCell trims spaces, including the no-break and zero-width spaces
// spreadsheets leave around values, and drops control characters.
func cleanCell(s string) string {
	s = strings.TrimFunc(s, isTrimmable)
	if strings.IndexFunc(s, isControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			if r == '\n' || r == '\t' || r == '\r' {
				return ' '
			}
			return -1
		}
		return r
	}, s)
}

func isTrimmable(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' || r == '\u2007' || r == '\u202f'
}

func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || r == '\u200b' || r == '\ufeff'
}
