package httpapi

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/stacking"
)

// consolePathwayRoutes registers the console's pathway pages: the list
// (viewers) with the form to define one (registrars), and a pathway's
// candidates, with a button to issue each one's nano-diploma, and its
// nano-diplomas under review (registrars). They call the same service as
// /api/v1/pathways.
func (s *Server) consolePathwayRoutes(g *gin.RouterGroup) {
	small := s.limitBody(s.cfg.MaxBodyBytes)
	g.GET("/pathways", s.need(credential.RoleViewer), s.consolePathways)
	g.POST("/pathways", s.need(credential.RoleRegistrar), small, s.consolePathwayCreate)
	g.GET("/pathways/:id", s.need(credential.RoleRegistrar), s.consolePathway)
	g.POST("/pathways/:id/issue", s.need(credential.RoleRegistrar), small, s.consolePathwayIssue)
}

// pathwayRow is a pathway as the list shows it.
type pathwayRow struct {
	ID, Name, Rule, Status string
}

type pathwaysView struct {
	consoleData
	Pathways []pathwayRow
}

func (s *Server) pathwayRow(p *credential.Pathway, l lang.Tag) pathwayRow {
	none := func(xs []string) string {
		if len(xs) == 0 {
			return "—"
		}
		return strings.Join(xs, ", ")
	}
	return pathwayRow{ID: p.ID, Name: p.Name.Get(string(l)), Status: p.Status,
		Rule: l.T(lang.CPathRuleText, none(p.Required), none(p.Electives), p.MinElectives, strconv.FormatFloat(p.MinCredits, 'f', -1, 64))}
}

func (s *Server) consolePathways(c *gin.Context) {
	if !s.needStacking(c) {
		return
	}
	ps, err := s.stacking.Pathways(c.Request.Context(), "")
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	l := s.lang(c)
	v := pathwaysView{consoleData: s.console(c, lang.CPathTitle, SectionPathways, "cpath")}
	for _, p := range ps {
		v.Pathways = append(v.Pathways, s.pathwayRow(p, l))
	}
	s.render(c, http.StatusOK, "console_pathways_index", v)
}

// regnos reads a list of registration numbers typed with commas, spaces
// or new lines.
func regnos(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == ' ' || r == '\n' || r == '\r' || r == '\t' })
}

func (s *Server) consolePathwayCreate(c *gin.Context) {
	if !s.needStacking(c) {
		return
	}
	p := credential.Pathway{Name: credential.Text{}, Required: regnos(c.PostForm("required")), Electives: regnos(c.PostForm("electives"))}
	for _, l := range lang.Codes() {
		if v := strings.TrimSpace(c.PostForm("name_" + l)); v != "" {
			p.Name[l] = v
		}
	}
	var bad []credential.Detail
	number := func(field string, dst *float64) {
		v := strings.TrimSpace(strings.ReplaceAll(c.PostForm(field), ",", "."))
		if v == "" {
			return
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			bad = append(bad, credential.DetailMsg(field, lang.StackInvalid, field))
			return
		}
		*dst = f
	}
	var nqf, minEl float64
	number("nqf_level", &nqf)
	number("min_electives", &minEl)
	number("min_credits", &p.MinCredits)
	p.NQFLevel, p.MinElectives = int(nqf), int(minEl)
	if len(bad) > 0 {
		s.consoleFail(c, &credential.Error{Code: credential.CodeInvalid, Message: bad[0].Message, Msg: lang.StackInvalid, Args: []any{bad[0].Field}, Details: bad})
		return
	}
	out, err := s.stacking.CreatePathway(c.Request.Context(), p)
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	s.consoleRedirect(c, "/console/pathways/"+out.ID, lang.CPathCreated)
}

// candidateRow is a candidate as the pathway page shows it.
type candidateRow struct {
	Holder, Name, Credits, Components string
}

type reviewRow struct {
	Diploma, Holder, Name string
	Components            []string
}

type pathwayView struct {
	consoleData
	Pathway    pathwayRow
	Candidates []candidateRow
	Review     []reviewRow
}

func (s *Server) consolePathway(c *gin.Context) {
	if !s.needStacking(c) {
		return
	}
	ctx := c.Request.Context()
	l := s.lang(c)
	p, err := s.stacking.Pathway(ctx, c.Param("id"))
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	cands, err := s.stacking.Candidates(ctx, p.ID, l)
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	ds, err := s.stacking.Diplomas(ctx, p.ID, true)
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	v := pathwayView{consoleData: s.console(c, lang.CPathTitle, SectionPathways, "cpath"), Pathway: s.pathwayRow(p, l)}
	v.Title = v.Pathway.Name
	for _, cd := range cands {
		v.Candidates = append(v.Candidates, candidateRow{Holder: cd.Holder, Name: cd.Name,
			Credits: strconv.FormatFloat(cd.Eligibility.Credits, 'f', -1, 64), Components: componentsText(cd.Eligibility.Components)})
	}
	for _, d := range ds {
		r := reviewRow{Diploma: d.ID, Holder: d.Holder, Name: d.Name}
		for _, f := range d.Review {
			r.Components = append(r.Components, stackingFlagText(f, l))
		}
		v.Review = append(v.Review, r)
	}
	s.render(c, http.StatusOK, "console_pathways_show", v)
}

// componentsText lists components as "MQ-… (B, 3)".
func componentsText(cs []credential.Component) string {
	parts := make([]string, len(cs))
	for i, k := range cs {
		parts[i] = k.Program + " (" + k.Grade + ", " + strconv.FormatFloat(k.Credits, 'f', -1, 64) + ")"
	}
	return strings.Join(parts, "; ")
}

func (s *Server) consolePathwayIssue(c *gin.Context) {
	if !s.needStacking(c) {
		return
	}
	req := stacking.IssueRequest{Holder: strings.TrimSpace(c.PostForm("holder"))}
	if _, err := s.stacking.Issue(c.Request.Context(), c.Param("id"), req); err != nil {
		s.consoleFail(c, err)
		return
	}
	s.consoleRedirect(c, "/console/pathways/"+strings.ToUpper(c.Param("id")), lang.CPathIssued)
}
