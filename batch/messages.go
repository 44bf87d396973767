package batch

import (
	"strings"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
)

// Lang reads the language of a batch's messages (lang.Parse: kk, kz,
// ru, en, kk-KZ, …); anything else is English, the language of the
// command line and of programs that name none.
func Lang(l string) lang.Tag { return lang.ParseOr(l, lang.EN) }

// issuerProblems turns the issuer's verdict on a request into row
// problems: the column as the registrar named it (from the batch's column
// map) and a message in l: the issuer's own wording of the problem in l,
// or for the checks the importer words better (IIN, decision date) its.
func issuerProblems(err error, req *issuer.Request, columns map[string]string, l lang.Tag) []credential.BatchProblem {
	details := credential.ErrorDetails(err)
	if len(details) == 0 {
		return []credential.BatchProblem{{Message: l.T(lang.BatchRejected, credential.Said(err))}}
	}
	out := make([]credential.BatchProblem, 0, len(details))
	for _, d := range details {
		field := strings.TrimPrefix(d.Field, "grades.")
		col := columns[field]
		if col == "" {
			col = field
		}
		p := credential.BatchProblem{Column: col, Code: "rejected", Message: l.T(lang.BatchRejected, lang.Phrase{Key: d.Msg, Args: d.Args})}
		if d.Msg == "" {
			p.Message = l.T(lang.BatchRejected, d.Message)
		}
		switch {
		case d.Field == "iin":
			p.Code, p.Message = "invalid_iin", l.T(lang.BatchIINRejected)
		case d.Field == "decision_date" && req != nil && req.DecisionDate != "" && req.DecisionDate < req.DateTo:
			p.Code, p.Message = "decision_before_end", l.T(lang.BatchDecisionBeforeEnd, showDate(req.DecisionDate), showDate(req.DateTo))
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
