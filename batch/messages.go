package batch

import (
	"fmt"
	"strings"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/store"
)

// Lang normalizes a message language: kk, ru or en (the default).
func Lang(l string) string {
	l = strings.ToLower(strings.TrimSpace(l))
	switch {
	case strings.HasPrefix(l, "kk"), strings.HasPrefix(l, "kz"):
		return "kk"
	case strings.HasPrefix(l, "ru"):
		return "ru"
	}
	return "en"
}

// msgKey names a message of the catalog.
type msgKey int

const (
	mErrorsColumn msgKey = iota
	mRowRef
	mRejected
	mDecisionBeforeEnd
	mIINRejected
	mProgramUnusable
	mGaveUp
	mUnreadableRow
	mCellsNotKept
)

// catalog holds the service's own messages in en, kk, ru (the sheet
// package words the problems it finds).
var catalog = map[msgKey][3]string{
	mErrorsColumn: {"errors", "қателер", "ошибки"},
	mRowRef:       {"row %d", "%d-жол", "строка %d"},
	mRejected: {"the registry did not accept this value: %s",
		"тізілім бұл мәнді қабылдамады: %s",
		"реестр не принял это значение: %s"},
	mDecisionBeforeEnd: {"the commission's decision (%s) is dated before the end of study (%s)",
		"комиссия шешімінің күні (%s) оқу аяқталған күннен (%s) бұрын",
		"дата решения комиссии (%s) раньше окончания обучения (%s)"},
	mIINRejected: {"the registry does not accept this IIN (century digit or check digit)",
		"тізілім бұл ЖСН-ді қабылдамайды (ғасыр цифры немесе бақылау цифры)",
		"реестр не принимает этот ИИН (цифра века или контрольная цифра)"},
	mProgramUnusable: {"the program cannot issue credentials: %s",
		"бағдарлама бойынша куәлік беру мүмкін емес: %s",
		"по программе нельзя выдавать сертификаты: %s"},
	mGaveUp: {"processing was interrupted %d times; the batch was stopped",
		"өңдеу %d рет үзілді; топтама тоқтатылды",
		"обработка прерывалась %d раз; пакет остановлен"},
	mCellsNotKept: {"the cells of rows from row %d on were not kept (a batch keeps at most %d MB of cells); errors.csv lists their problems with empty cells",
		"%d-жолдан бастап жолдардың ұяшықтары сақталмады (топтама ең көбі %d МБ ұяшық сақтайды); errors.csv олардың қателерін бос ұяшықтармен көрсетеді",
		"ячейки строк начиная со строки %d не сохранены (пакет хранит не более %d МБ ячеек); errors.csv показывает их ошибки с пустыми ячейками"},
	mUnreadableRow: {"the stored row could not be read (internal error)",
		"сақталған жолды оқу мүмкін болмады (ішкі қате)",
		"сохранённую строку не удалось прочитать (внутренняя ошибка)"},
}

// text returns a message in lang.
func text(lang string, k msgKey, args ...any) string {
	i := map[string]int{"en": 0, "kk": 1, "ru": 2}[Lang(lang)]
	m := catalog[k][i]
	if len(args) > 0 {
		return fmt.Sprintf(m, args...)
	}
	return m
}

// issuerProblems turns the issuer's verdict on a request into row
// problems: the column as the registrar named it (from the batch's column
// map) and a message in lang. The issuer words its checks in English; the
// ones the importer does not make itself are worded here, the rest quoted.
func issuerProblems(err error, req *issuer.Request, columns map[string]string, lang string) []store.BatchProblem {
	details := credential.ErrorDetails(err)
	if len(details) == 0 {
		return []store.BatchProblem{{Message: text(lang, mRejected, credential.ErrorMessage(err))}}
	}
	out := make([]store.BatchProblem, 0, len(details))
	for _, d := range details {
		field := strings.TrimPrefix(d.Field, "grades.")
		col := columns[field]
		if col == "" {
			col = field
		}
		p := store.BatchProblem{Column: col, Code: "rejected", Message: text(lang, mRejected, d.Message)}
		switch {
		case d.Field == "iin":
			p.Code, p.Message = "invalid_iin", text(lang, mIINRejected)
		case d.Field == "decision_date" && req != nil && req.DecisionDate != "" && req.DecisionDate < req.DateTo:
			p.Code, p.Message = "decision_before_end", text(lang, mDecisionBeforeEnd, showDate(req.DecisionDate), showDate(req.DateTo))
		}
		out = append(out, p)
	}
	return out
}

// showDate prints YYYY-MM-DD as DD.MM.YYYY, as registrars write dates.
func showDate(iso string) string {
	if len(iso) == 10 && iso[4] == '-' && iso[7] == '-' {
		return iso[8:10] + "." + iso[5:7] + "." + iso[0:4]
	}
	return iso
}
