package httpapi

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/teachhub"
)

// consoleReportRoutes registers the console's HR report: the TeachHub and
// non-formal learning summary list with its filters, on screen and as CSV
// and XLSX downloads (viewers and up; the same report as the API's).
func (s *Server) consoleReportRoutes(g *gin.RouterGroup) {
	viewer := s.need(credential.RoleViewer)
	g.GET("/reports", viewer, s.reportPage)
	g.GET("/reports/teachhub.csv", viewer, s.reportDownload("csv"))
	g.GET("/reports/teachhub.xlsx", viewer, s.reportDownload("xlsx"))
}

// reportCell is one shown cell of a report table.
type reportCell struct {
	Text    string
	Numeric bool
}

// reportTable is one section of the report as shown.
type reportTable struct {
	Title  string
	Header []string
	Rows   [][]reportCell
}

type reportView struct {
	consoleData
	F           credential.ReportFilter
	Departments []thOption
	Statuses    []thOption
	Kinds       []thOption
	Tables      []reportTable
	Period      string
	Empty       bool
	Error       string
	CSV, XLSX   string
}

func reportFilter(c *gin.Context) credential.ReportFilter {
	q := func(k string) string { return strings.TrimSpace(c.Query(k)) }
	return credential.ReportFilter{From: q("from"), To: q("to"), Department: q("department"), Status: q("status"), Kind: q("kind")}
}

func (s *Server) reportPage(c *gin.Context) {
	ctx := c.Request.Context()
	l := s.lang(c)
	v := reportView{consoleData: s.console(c, lang.THCReportTitle, SectionReports, "cth"), F: reportFilter(c)}
	depts, err := s.teachhub.Departments(ctx)
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	status := http.StatusOK
	rep, err := s.teachhub.Report(ctx, v.F, l)
	if err != nil {
		code := credential.ErrorCode(err)
		if code != credential.CodeInvalid && code != credential.CodeTooLarge {
			s.consoleFail(c, err)
			return
		}
		v.Error, _ = credential.Localize(err, l)
		status = statusOf(code)
	} else {
		v.F.From, v.F.To = rep.From, rep.To
		v.Period = l.T(lang.THCReportShowing, dmy(rep.From), dmy(rep.To))
		v.Empty = len(rep.Rows) == 0
		for _, sec := range teachhub.ReportSections(rep) {
			t := reportTable{Title: sec.Title, Header: sec.Header}
			for _, r := range sec.Rows {
				cells := make([]reportCell, len(r))
				for i, x := range r {
					_, isText := x.(string)
					cells[i] = reportCell{Text: teachhub.CellText(x, l), Numeric: !isText}
				}
				t.Rows = append(t.Rows, cells)
			}
			v.Tables = append(v.Tables, t)
		}
		q := url.Values{"from": {rep.From}, "to": {rep.To}, "department": {v.F.Department}, "status": {v.F.Status}, "kind": {v.F.Kind},
			"lang": {string(l)}}
		v.CSV, v.XLSX = "/console/reports/teachhub.csv?"+q.Encode(), "/console/reports/teachhub.xlsx?"+q.Encode()
	}
	for _, d := range depts {
		v.Departments = append(v.Departments, thOption{Value: d, Label: d, Selected: d == v.F.Department})
	}
	v.Statuses = []thOption{{Value: "", Label: l.T(lang.THCAll)}}
	for _, st := range credential.CardStatuses() {
		v.Statuses = append(v.Statuses, thOption{Value: st, Label: l.T(lang.CardStatus(st)), Selected: st == v.F.Status})
	}
	v.Kinds = []thOption{{Value: "", Label: l.T(lang.THCAll)},
		{Value: credential.KindTeachHubModule, Label: l.T(lang.THCKindModule), Selected: v.F.Kind == credential.KindTeachHubModule},
		{Value: credential.KindNonformalActivity, Label: l.T(lang.THCKindNonformal), Selected: v.F.Kind == credential.KindNonformalActivity}}
	s.render(c, status, "console_reports", v)
}

// reportDownload answers the report as a CSV or XLSX file.
func (s *Server) reportDownload(format string) gin.HandlerFunc {
	return func(c *gin.Context) {
		rep, err := s.teachhub.Report(c.Request.Context(), reportFilter(c), s.lang(c))
		if err != nil {
			s.consoleFail(c, err)
			return
		}
		s.reportFile(c, rep, format)
	}
}
