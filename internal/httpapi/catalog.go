package httpapi

import (
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// The public catalog of registered programs (sec. 9.1 of the Satbayev
// regulation): /programs lists the active programs with their registry
// data, /programs/{regno} shows one (archived ones too, marked so), and
// /programs.json and /programs.csv export every active and archived
// program in the stable shape of docs/catalog.md.

// Catalog limits.
const (
	// catalogPageSize is how many programs one page of /programs lists.
	catalogPageSize = 20
	// catalogMaxQuery is the longest search, in characters.
	catalogMaxQuery = 200
	// CatalogFormatVersion is the version of the exports' shape; it changes
	// only when a field changes meaning or goes away (fields are only added).
	CatalogFormatVersion = 1
)

// IssuedCounter counts the credentials issued under programs (the store;
// optional: without it the catalog shows no counts).
type IssuedCounter interface {
	IssuedCount(ctx context.Context, regno string) (int64, error)
	IssuedCounts(ctx context.Context) (map[string]int64, error)
}

func (s *Server) catalogRoutes() {
	e := s.engine
	e.GET("/programs", s.catalogPage)
	e.GET("/programs.json", s.catalogJSON)
	e.GET("/programs.csv", s.catalogCSV)
	e.GET("/programs/:regno", s.catalogProgramPage)
}

// CatalogEntry is one program in the exports (/programs.json, and a row of
// /programs.csv). Every member is always present; null or empty when the
// registry does not know it.
type CatalogEntry struct {
	RegistrationNumber   string                     `json:"registration_number"`
	Version              int                        `json:"version"`
	Kind                 string                     `json:"kind"`
	Status               string                     `json:"status"`
	Name                 credential.Text            `json:"name"`
	NQFLevel             *int                       `json:"nqf_level"`
	Hours                float64                    `json:"hours"`
	Credits              *float64                   `json:"credits"`
	Departments          []string                   `json:"departments"`
	FormOfStudy          string                     `json:"form_of_study"`
	Language             string                     `json:"language"`
	ProfessionalStandard string                     `json:"professional_standard"`
	Accreditation        []credential.Accreditation `json:"accreditation"`
	ValidFrom            string                     `json:"valid_from"`
	ValidUntil           string                     `json:"valid_until"`
	Approval             *credential.Approval       `json:"approval"`
	LearningOutcomes     []CatalogOutcome           `json:"learning_outcomes"`
	URL                  string                     `json:"url"`
	UpdatedAt            string                     `json:"updated_at"`
	// CredentialsIssued is present only when the issuer publishes it.
	CredentialsIssued *int64 `json:"credentials_issued,omitempty"`
}

// CatalogOutcome is a program's learning outcome (competency).
type CatalogOutcome struct {
	Code  string          `json:"code"`
	Title credential.Text `json:"title"`
}

// CatalogExport is the document /programs.json serves.
type CatalogExport struct {
	Format        string         `json:"format"`
	FormatVersion int            `json:"format_version"`
	Issuer        CatalogIssuer  `json:"issuer"`
	GeneratedAt   string         `json:"generated_at"`
	Programs      []CatalogEntry `json:"programs"`
}

// CatalogIssuer names the organization whose register it is.
type CatalogIssuer struct {
	ID   string          `json:"id"`
	Name credential.Text `json:"name"`
	URL  string          `json:"url"`
}

// published reports whether a program belongs in the public catalog:
// active or archived, never a draft.
func published(p *credential.Program) bool {
	return p.Status == credential.ProgramActive || p.Status == credential.ProgramArchived
}

func (s *Server) catalogEntry(p *credential.Program, counts map[string]int64) CatalogEntry {
	e := CatalogEntry{RegistrationNumber: p.RegistrationNumber, Version: p.Version, Kind: p.Kind, Status: p.Status,
		Name: p.Name, Hours: p.Hours, Departments: []string{}, FormOfStudy: p.FormOfStudy, Language: p.Language,
		ProfessionalStandard: p.ProfessionalStandard, Accreditation: p.Accreditation, ValidFrom: p.ValidFrom,
		ValidUntil: p.ValidUntil, Approval: p.Approval, LearningOutcomes: []CatalogOutcome{},
		URL: s.issuer.Identity().Base() + "/programs/" + url.PathEscape(p.RegistrationNumber), UpdatedAt: p.UpdatedAt.UTC().Format(time.RFC3339)}
	if e.Name == nil {
		e.Name = credential.Text{}
	}
	if p.NQFLevel > 0 {
		n := p.NQFLevel
		e.NQFLevel = &n
	}
	if p.Credits > 0 {
		c := p.Credits
		e.Credits = &c
	}
	if d := strings.TrimSpace(p.Department); d != "" {
		e.Departments = append(e.Departments, d)
	}
	if e.Accreditation == nil {
		e.Accreditation = []credential.Accreditation{}
	}
	for _, c := range p.Competencies {
		e.LearningOutcomes = append(e.LearningOutcomes, CatalogOutcome{Code: c.Code, Title: c.Title})
	}
	if counts != nil {
		n := counts[p.RegistrationNumber]
		e.CredentialsIssued = &n
	}
	return e
}

// issuedCounts returns the counts of issued credentials, or nil when the
// issuer does not publish them or the store cannot count.
func (s *Server) issuedCounts(ctx context.Context) (map[string]int64, error) {
	ic, ok := s.store.(IssuedCounter)
	if s.cfg.HideIssuedCounts || !ok {
		return nil, nil
	}
	return ic.IssuedCounts(ctx)
}

// catalogPrograms returns the published programs, in registration order.
func (s *Server) catalogPrograms(ctx context.Context) ([]*credential.Program, error) {
	ps, err := s.store.Programs(ctx, "", "")
	if err != nil {
		return nil, err
	}
	out := ps[:0]
	for _, p := range ps {
		if published(p) {
			out = append(out, p)
		}
	}
	return out, nil
}

func (s *Server) catalogExport(c *gin.Context) (*CatalogExport, bool) {
	ctx := c.Request.Context()
	ps, err := s.catalogPrograms(ctx)
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	counts, err := s.issuedCounts(ctx)
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	id := s.issuer.Identity()
	x := &CatalogExport{Format: "tanu-program-catalog", FormatVersion: CatalogFormatVersion,
		Issuer:      CatalogIssuer{ID: id.IssuerID(), Name: id.Name, URL: id.URL},
		GeneratedAt: s.now().UTC().Format(time.RFC3339), Programs: []CatalogEntry{}}
	for _, p := range ps {
		x.Programs = append(x.Programs, s.catalogEntry(p, counts))
	}
	c.Header("Cache-Control", "public, max-age=300")
	c.Header("Access-Control-Allow-Origin", "*") // public data, for other registries' pages
	return x, true
}

func (s *Server) catalogJSON(c *gin.Context) {
	x, ok := s.catalogExport(c)
	if !ok {
		return
	}
	c.JSON(http.StatusOK, x)
}

// CatalogCSVHeader is the header row of /programs.csv.
var CatalogCSVHeader = []string{"registration_number", "version", "kind", "status", "name_kk", "name_ru", "name_en",
	"nqf_level", "hours", "credits", "departments", "form_of_study", "language", "professional_standard",
	"accreditation", "valid_from", "valid_until", "approval_body", "approval_date", "approval_order",
	"learning_outcomes", "url", "updated_at", "credentials_issued"}

func (s *Server) catalogCSV(c *gin.Context) {
	x, ok := s.catalogExport(c)
	if !ok {
		return
	}
	c.Header("Content-Type", "text/csv; charset=utf-8; header=present")
	c.Header("Content-Disposition", `attachment; filename="programs.csv"`)
	c.Status(http.StatusOK)
	w := csv.NewWriter(c.Writer)
	_ = w.Write(CatalogCSVHeader)
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	for _, e := range x.Programs {
		var level, credits, issued string
		if e.NQFLevel != nil {
			level = strconv.Itoa(*e.NQFLevel)
		}
		if e.Credits != nil {
			credits = num(*e.Credits)
		}
		if e.CredentialsIssued != nil {
			issued = strconv.FormatInt(*e.CredentialsIssued, 10)
		}
		var acc, outcomes []string
		for _, a := range e.Accreditation {
			acc = append(acc, strings.Join([]string{a.Kind, a.Agency, a.Number, a.ValidUntil}, "|"))
		}
		for _, o := range e.LearningOutcomes {
			outcomes = append(outcomes, o.Code+" "+o.Title.Get("kk"))
		}
		var ab, ad, ao string
		if e.Approval != nil {
			ab, ad, ao = e.Approval.Body, e.Approval.Date, e.Approval.Order
		}
		_ = w.Write([]string{e.RegistrationNumber, strconv.Itoa(e.Version), e.Kind, e.Status, e.Name["kk"], e.Name["ru"], e.Name["en"],
			level, num(e.Hours), credits, strings.Join(e.Departments, "; "), e.FormOfStudy, e.Language, e.ProfessionalStandard,
			strings.Join(acc, "; "), e.ValidFrom, e.ValidUntil, ab, ad, ao, strings.Join(outcomes, "; "), e.URL, e.UpdatedAt, issued})
	}
	w.Flush()
}

// catalogRow is one program as the catalog pages show it, in one language.
type catalogRow struct {
	RegNo, Name, Kind, Status, StatusKey string
	Level, Volume, Department, Validity  string
	Href                                 string
	Archived                             bool
}

type catalogView struct {
	pageData
	Query, Kind string
	Kinds       []nameValue // value, label
	Rows        []catalogRow
	Found       string
	Page, Pages int
	PageLabel   string
	Prev, Next  string
}

type catalogProgramView struct {
	pageData
	Row          catalogRow
	Facts        []nameValue
	Description  string
	Goal         string
	Outcomes     []resultRow
	NotFound     bool
	NotFoundSub  string
	ArchivedNote string
}

// catalogData starts a catalog page's data: the page and catalog messages.
func (s *Server) catalogData(c *gin.Context, title lang.Key) pageData {
	d := s.page(c, title)
	for k, v := range lang.Tag(d.Lang).Area("catalog") {
		d.T[k] = v
	}
	return d
}

// formatNumber prints 22.5 as "22,5" in Kazakh and Russian.
func formatNumber(l lang.Tag, f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if l != lang.EN {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return s
}

func dmyDate(s string) string {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return t.Format("02.01.2006")
}

func (s *Server) catalogRow(l lang.Tag, p *credential.Program) catalogRow {
	r := catalogRow{RegNo: p.RegistrationNumber, Name: p.Name.Get(string(l)), Kind: l.T(lang.Kind(p.Kind)),
		Status: l.T(lang.ProgramStatus(p.Status)), StatusKey: p.Status, Department: p.Department,
		Href: "/programs/" + url.PathEscape(p.RegistrationNumber) + "?lang=" + string(l), Archived: p.Status == credential.ProgramArchived}
	if p.NQFLevel > 0 {
		r.Level = strconv.Itoa(p.NQFLevel)
	}
	if p.Credits > 0 {
		r.Volume = l.T(lang.CatalogVolumeValue, formatNumber(l, p.Hours), formatNumber(l, p.Credits))
	} else {
		r.Volume = l.T(lang.CatalogVolumeHours, formatNumber(l, p.Hours))
	}
	var v []string
	if p.ValidFrom != "" {
		v = append(v, l.T(lang.CatalogValidFrom, dmyDate(p.ValidFrom)))
	}
	if p.ValidUntil != "" {
		v = append(v, l.T(lang.CatalogValidUntil, dmyDate(p.ValidUntil)))
	}
	r.Validity = strings.Join(v, " ")
	return r
}

// matches reports whether p answers the search q (lower case): its
// registration number, a name in any language, abbreviation or department.
func matches(p *credential.Program, q string) bool {
	if q == "" {
		return true
	}
	hay := []string{p.RegistrationNumber, p.Abbreviation, p.Department}
	for _, n := range p.Name {
		hay = append(hay, n)
	}
	for _, h := range hay {
		if strings.Contains(strings.ToLower(h), q) {
			return true
		}
	}
	return false
}

var catalogKinds = []string{credential.KindMicroqualification, credential.KindTeachHubModule, credential.KindNonformalActivity}

// catalogPage lists the active programs, filtered by ?q= and ?kind=,
// ?page= at a time; an archived program shows when ?q= is its
// registration number.
func (s *Server) catalogPage(c *gin.Context) {
	v := catalogView{pageData: s.catalogData(c, lang.CatalogTitle)}
	l := lang.Tag(v.Lang)
	q := strings.TrimSpace(c.Query("q"))
	if utf8.RuneCountInString(q) > catalogMaxQuery {
		q = string([]rune(q)[:catalogMaxQuery])
		v.Notice = l.T(lang.CatalogQueryTooLong, catalogMaxQuery)
	}
	v.Query = q
	kind := c.Query("kind")
	if kind != "" && !slices.Contains(catalogKinds, kind) {
		v.Notice = l.T(lang.CatalogUnknownKind)
		kind = ""
	}
	v.Kind = kind
	v.Kinds = append(v.Kinds, nameValue{"", l.T(lang.CatalogKindAll)})
	for _, k := range catalogKinds {
		v.Kinds = append(v.Kinds, nameValue{k, l.T(lang.Kind(k))})
	}
	ps, err := s.catalogPrograms(c.Request.Context())
	if err != nil {
		s.fail(c, err)
		return
	}
	lq := strings.ToLower(q)
	var rows []catalogRow
	for _, p := range ps {
		if kind != "" && p.Kind != kind {
			continue
		}
		switch {
		case p.Status == credential.ProgramActive && matches(p, lq):
		case p.Status == credential.ProgramArchived && lq != "" && strings.EqualFold(p.RegistrationNumber, q):
		default:
			continue
		}
		rows = append(rows, s.catalogRow(l, p))
	}
	v.Found = l.T(lang.CatalogFound, len(rows))
	v.Pages = max(1, (len(rows)+catalogPageSize-1)/catalogPageSize)
	v.Page, _ = strconv.Atoi(c.Query("page"))
	v.Page = min(max(v.Page, 1), v.Pages)
	from := (v.Page - 1) * catalogPageSize
	v.Rows = rows[from:min(from+catalogPageSize, len(rows))]
	v.PageLabel = l.T(lang.CatalogPage, v.Page, v.Pages)
	link := func(page int) string {
		u := url.Values{"lang": {string(l)}, "page": {strconv.Itoa(page)}}
		if q != "" {
			u.Set("q", q)
		}
		if kind != "" {
			u.Set("kind", kind)
		}
		return "/programs?" + u.Encode()
	}
	if v.Page > 1 {
		v.Prev = link(v.Page - 1)
	}
	if v.Page < v.Pages {
		v.Next = link(v.Page + 1)
	}
	c.Header("Vary", "Accept-Language")
	s.render(c, http.StatusOK, "catalog", v)
}

// catalogProgramPage shows one program's registry entry: active or
// archived (marked); drafts and unknown numbers are not found.
func (s *Server) catalogProgramPage(c *gin.Context) {
	v := catalogProgramView{pageData: s.catalogData(c, lang.CatalogTitle)}
	l := lang.Tag(v.Lang)
	regno := strings.ToUpper(strings.TrimSpace(c.Param("regno"))) // numbers are upper case: MQ-2026-0001
	ctx := c.Request.Context()
	p, err := s.store.Program(ctx, regno, 0)
	if err != nil && !credential.IsNotFound(err) {
		s.fail(c, err)
		return
	}
	c.Header("Vary", "Accept, Accept-Language")
	if err != nil || !published(p) {
		if wantsJSON(c) {
			s.fail(c, credential.Errorm(credential.CodeNotFound, lang.CatalogNotFoundSub, regno))
			return
		}
		v.NotFound = true
		v.Title = l.T(lang.CatalogNotFound)
		v.NotFoundSub = l.T(lang.CatalogNotFoundSub, regno)
		s.render(c, http.StatusNotFound, "catalog_program", v)
		return
	}
	var issued *int64
	if ic, ok := s.store.(IssuedCounter); ok && !s.cfg.HideIssuedCounts {
		n, err := ic.IssuedCount(ctx, p.RegistrationNumber)
		if err != nil {
			s.fail(c, err)
			return
		}
		issued = &n
	}
	if wantsJSON(c) {
		var counts map[string]int64
		if issued != nil {
			counts = map[string]int64{p.RegistrationNumber: *issued}
		}
		c.JSON(http.StatusOK, s.catalogEntry(p, counts))
		return
	}
	v.Row = s.catalogRow(l, p)
	v.Title = v.Row.Name + " · " + p.RegistrationNumber
	if v.Row.Archived {
		v.ArchivedNote = l.T(lang.CatalogArchivedNote)
	}
	add := func(k lang.Key, val string) {
		if strings.TrimSpace(val) != "" {
			v.Facts = append(v.Facts, nameValue{l.T(k), val})
		}
	}
	add(lang.CatalogRegNo, p.RegistrationNumber)
	add(lang.CatalogVersion, strconv.Itoa(p.Version))
	add(lang.CatalogKind, v.Row.Kind)
	add(lang.CatalogStatus, v.Row.Status)
	add(lang.CatalogLevel, v.Row.Level)
	add(lang.CatalogVolume, v.Row.Volume)
	add(lang.CatalogDepartments, p.Department)
	add(lang.CatalogValidity, v.Row.Validity)
	if p.FormOfStudy != "" {
		add(lang.CatalogForm, l.T(lang.RegdocForm(p.FormOfStudy)))
	}
	if p.Language != "" {
		add(lang.CatalogLanguage, l.T(lang.Key("regdoc.lang_"+p.Language)))
	}
	add(lang.CatalogStandard, p.ProfessionalStandard)
	var acc []string
	for _, a := range p.Accreditation {
		parts := []string{l.T(lang.RegdocAccreditation(a.Kind))}
		if a.Agency != "" {
			parts = append(parts, a.Agency)
		}
		if a.ValidUntil != "" {
			parts = append(parts, l.T(lang.RegdocAccredUntil, dmyDate(a.ValidUntil)))
		}
		acc = append(acc, strings.Join(parts, ", "))
	}
	add(lang.CatalogAccreditation, strings.Join(acc, "; "))
	if a := p.Approval; a != nil {
		var parts []string
		for _, x := range []string{a.Body, dmyDate(a.Date), a.Order} {
			if x != "" {
				parts = append(parts, x)
			}
		}
		add(lang.CatalogApproval, strings.Join(parts, ", "))
	}
	if issued != nil {
		add(lang.CatalogIssued, fmt.Sprint(*issued))
	}
	v.Description = p.Description.Get(string(l))
	v.Goal = p.Goal.Get(string(l))
	for _, comp := range p.Competencies {
		v.Outcomes = append(v.Outcomes, resultRow{Code: comp.Code, Title: comp.Title.Get(string(l))})
	}
	v.OG = []og{{"og:title", v.Title}, {"og:type", "website"},
		{"og:url", s.issuer.Identity().Base() + "/programs/" + url.PathEscape(p.RegistrationNumber)}}
	s.render(c, http.StatusOK, "catalog_program", v)
}
