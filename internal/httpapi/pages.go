package httpapi

import (
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/verifier"
)

//go:embed web/*.html
var webFS embed.FS

type pages struct{ t *template.Template }

func loadPages() (*pages, error) {
	t, err := template.New("").Funcs(template.FuncMap{
		"signInWith": func(l, label string) string { return lang.Tag(l).T(lang.AccountSignInWith, label) },
		// tr says a catalog message with arguments: {{tr .Lang "console.shown" 1 20 35}}.
		"tr":       func(l, key string, args ...any) string { return lang.Tag(l).T(lang.Key(key), args...) },
		"contains": strings.Contains,
		// TeachHub console (console_teachhub.go).
		"dmy": dmy, "field": formField, "docValue": docValue, "inc": func(i int) int { return i + 1 },
		// date and datetime write times as people here read them.
		"date": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.Format("02.01.2006")
		},
		"datetime": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.Format("02.01.2006 15:04 MST")
		},
	}).ParseFS(webFS, "web/*.html")
	if err != nil {
		return nil, fmt.Errorf("httpapi: pages: %w", err)
	}
	return &pages{t: t}, nil
}

type og struct{ Name, Content string }

type pageData struct {
	Lang, Title, Org string
	// Notice is a message shown above a form (e.g. over a rate limit).
	Notice string
	T      map[string]string
	OG     []og
}

type resultRow struct{ Code, Title, Percent, Letter string }

type nameValue struct{ Name, Value string }

type link struct{ Label, Href string }

type credentialView struct {
	pageData
	Status, Verdict, VerdictSub string
	// Kind is the page's verdict key: the status, or foreign, altered,
	// no_credential.
	Kind string
	// Issuer and IssuerID say who signed the credential (name as it
	// claims, and its URL host or DID, which cannot be claimed).
	Issuer, IssuerID   string
	Reason, Since      string
	Issued, ValidUntil string
	Summary            *verifier.Summary
	Results            []resultRow
	Extra              []nameValue
	Checks             []verifier.Check
	Downloads          []link
	LinkedIn           string
	// ResultsTitle heads the results table when it is not the
	// competencies' (a nano-diploma's components).
	ResultsTitle string
	// Replaced links a credential replaced by a correction to the new one,
	// and a correction to the credential it replaced (reissue.go).
	Replaced *reissueLink
}

// page starts a page's data in the request's language; the templates read
// the page.* messages of the catalog as .T.<name>.
func (s *Server) page(c *gin.Context, title lang.Key) pageData {
	l := s.lang(c)
	t := l.Area("page")
	for k, v := range l.Area("account") {
		t[k] = v
	}
	return pageData{Lang: string(l), Title: l.T(title), Org: s.issuer.Identity().Name.Get(string(l)), T: t}
}

func (s *Server) render(c *gin.Context, status int, name string, data any) {
	c.Header("Content-Type", "text/html; charset=utf-8")
	c.Header("X-Content-Type-Options", "nosniff")
	c.Header("Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'")
	c.Status(status)
	if err := s.pages.t.ExecuteTemplate(c.Writer, name, data); err != nil {
		s.log.Error("render page", "page", name, "error", err)
	}
}

func (s *Server) home(c *gin.Context) {
	s.render(c, http.StatusOK, "home", s.page(c, lang.PageHomeLead))
}

func (s *Server) verifyPage(c *gin.Context) {
	s.render(c, http.StatusOK, "verify", s.page(c, lang.PageVerifyTitle))
}

// credentialPage is what the QR code opens: the verdict at a glance, then
// the details. JSON clients get the verification result.
func (s *Server) credentialPage(c *gin.Context) {
	id := credID(c.Param("id"))
	r, err := s.store.Credential(c.Request.Context(), id)
	if err != nil && !credential.IsNotFound(err) {
		s.fail(c, err)
		return
	}
	var (
		res  *verifier.Result
		anns []Annotation
	)
	if err != nil {
		res = notFoundResult(id)
	} else {
		res, anns = s.verifyRecord(c, r, ChannelPage)
	}
	c.Header("Vary", "Accept, Accept-Language")
	if wantsJSON(c) {
		s.writeJSON(c, statusCode(res), res)
		return
	}
	s.renderVerdict(c, statusCode(res), res, r, anns)
}

func (s *Server) renderVerdict(c *gin.Context, status int, res *verifier.Result, r *credential.Record, anns []Annotation) {
	l := s.lang(c)
	res.Localize(l)
	kind := verdictKind(res)
	v := credentialView{pageData: s.page(c, lang.PageTitle), Status: res.Status, Kind: kind,
		Verdict: l.T(lang.Key("page." + kind)), VerdictSub: l.T(lang.Key("page." + kind + "_sub")),
		Summary: res.Credential, Checks: res.Checks, Reason: res.StatusReason, IssuerID: issuerLabel(res.IssuerID)}
	if res.Credential != nil {
		v.Issuer = res.Credential.Issuer
	}
	if res.StatusSince != nil {
		v.Since = res.StatusSince.Format("02.01.2006")
	}
	var prog *credential.Program
	if res.Credential != nil {
		// The signed credential names the program and the organization in
		// the language it was issued in; the registry knows them in every
		// language it was given.
		sum := *res.Credential // shared with the verifier's cache
		id := s.issuer.Identity()
		own := id.OwnIssuerID(sum.IssuerID)
		if own {
			sum.Issuer = id.Name.Get(string(l))
			v.Issuer = sum.Issuer
		}
		rec := r
		if rec == nil && own && res.Status != verifier.StatusInvalid {
			rec, _ = s.store.Credential(c.Request.Context(), credID(sum.ID)) // a posted copy of one of ours
		}
		if rec != nil && own {
			if p, err := s.store.Program(c.Request.Context(), rec.ProgramRegNo, rec.ProgramVersion); err == nil {
				prog = p
				sum.Achievement = p.Name.Get(string(l))
			} else {
				s.log.WarnContext(c.Request.Context(), "credential page: program", "program", rec.ProgramRegNo, "error", err)
			}
		}
		v.Summary = &sum
		v.Issued = dateOf(sum.Issued)
		v.ValidUntil = dateOf(sum.ValidUntil)
		v.Title = sum.Achievement + " — " + sum.Holder + " · " + v.Verdict
	}
	if res.Parsed != nil {
		v.Results = results(res.Parsed, prog, l)
		v.Extra = extras(l, res.Parsed)
		if prog != nil && prog.Kind == credential.KindNanoDiploma {
			s.nanoResults(c, &v, l)
		}
	}
	for _, an := range anns {
		v.Extra = append(v.Extra, nameValue{l.T(an.Label), an.Text(l)})
	}
	if r != nil {
		if v.Replaced = s.reissueLink(c, l, r); v.Replaced != nil && r.ReplacedBy != "" {
			v.Reason = "" // "replaced by {id}": the link says it in the page's language
		}
		base := s.issuer.Identity().CredentialURL(r.ID)
		v.OG = []og{{"og:title", v.Title}, {"og:description", v.Verdict + " · " + v.Org}, {"og:type", "website"}, {"og:url", base}}
		for _, d := range s.downloads {
			v.Downloads = append(v.Downloads, link{l.T(d.Label), "/c/" + r.ID + "/" + d.Path})
			if strings.HasPrefix(d.Path, "badge.png") {
				v.OG = append(v.OG, og{"og:image", base + "/badge.png"})
			}
		}
		v.Downloads = append(v.Downloads, link{l.T(lang.PageDownloadJWT), "/c/" + r.ID + "/credential.jwt"},
			link{l.T(lang.PageDownloadJSON), "/c/" + r.ID + "/credential.json"})
		if res.Credential != nil && res.Status == verifier.StatusValid {
			v.LinkedIn = s.linkedIn(c, l, res.Credential, base, r)
		}
	}
	s.render(c, status, "credential", v)
}

// verdictKind is the page's verdict: what the verifier found, where
// "valid" is kept for credentials this registry holds; a valid credential
// from elsewhere is "foreign", so it never reads "in the registry".
func verdictKind(res *verifier.Result) string {
	k := res.Verdict
	if k == "" {
		k = res.Status
	}
	if k == verifier.StatusValid && !res.InRegistry {
		k = verifier.VerdictForeign
	}
	return k
}

// issuerLabel shows an issuer id as people can check it: the host (and
// path) of a URL or of a did:web DID, any other DID as it is.
func issuerLabel(id string) string {
	if u, err := verifier.DIDWebURL(id); err == nil { // did:web: its host, and path when it has one
		return strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(u, "https://"), "/did.json"), "/.well-known")
	}
	if u, err := url.Parse(id); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
		return u.Host
	}
	return id
}

func dateOf(rfc string) string {
	t, err := time.Parse(time.RFC3339, rfc)
	if err != nil {
		return rfc
	}
	return t.Format("02.01.2006")
}

// linkedIn builds LinkedIn's "add certification" link, offered only for a
// valid credential: the program and the organization named in the page's
// language, the organization by its LinkedIn id when one is configured.
func (s *Server) linkedIn(c *gin.Context, l lang.Tag, sum *verifier.Summary, pageURL string, r *credential.Record) string {
	name := sum.Achievement
	if p, err := s.store.Program(c.Request.Context(), r.ProgramRegNo, r.ProgramVersion); err == nil {
		if n := p.Name.Get(string(l)); n != "" {
			name = n
		}
	}
	q := url.Values{}
	q.Set("startTask", "CERTIFICATION_NAME")
	q.Set("name", name)
	if s.linkedInOrg != "" {
		q.Set("organizationId", s.linkedInOrg)
	} else {
		q.Set("organizationName", s.issuer.Identity().Name.Get(string(l)))
	}
	q.Set("issueYear", strconv.Itoa(r.IssuedAt.Year()))
	q.Set("issueMonth", strconv.Itoa(int(r.IssuedAt.Month())))
	q.Set("certUrl", pageURL)
	q.Set("certId", sum.CertificateNumber)
	return "https://www.linkedin.com/profile/add?" + q.Encode()
}

// results lists competencies with their letter and percent, titled in l
// when the registry's program (prog, may be nil) has them.
func results(p *verifier.Parsed, prog *credential.Program, l lang.Tag) []resultRow {
	subj := p.Object("credentialSubject")
	ach, _ := subj["achievement"].(map[string]any)
	names := map[string]string{}
	if rds, ok := ach["resultDescription"].([]any); ok {
		for _, x := range rds {
			m, _ := x.(map[string]any)
			id, _ := m["id"].(string)
			n, _ := m["name"].(string)
			names[id] = n
		}
	}
	rows := map[string]*resultRow{}
	var order []string
	if rs, ok := subj["result"].([]any); ok {
		for _, x := range rs {
			m, _ := x.(map[string]any)
			rd, _ := m["resultDescription"].(string)
			val, _ := m["value"].(string)
			base, isPct := strings.CutSuffix(rd, "-percent")
			code := base[strings.LastIndexByte(base, '#')+1:]
			row, ok := rows[code]
			if !ok {
				title := strings.TrimPrefix(names[base], code+" ")
				if prog != nil {
					for _, comp := range prog.Competencies {
						if t := comp.Title.Get(string(l)); comp.Code == code && t != "" {
							title = t
						}
					}
				}
				row = &resultRow{Code: code, Title: title}
				rows[code] = row
				order = append(order, code)
			}
			if isPct {
				row.Percent = val
			} else {
				row.Letter = val
			}
		}
	}
	out := make([]resultRow, 0, len(order))
	for _, c := range order {
		out = append(out, *rows[c])
	}
	return out
}

// extras shows tanu's terms (hours, credits, NQF level) on the page.
func extras(l lang.Tag, p *verifier.Parsed) []nameValue {
	subj := p.Object("credentialSubject")
	ach, _ := subj["achievement"].(map[string]any)
	var out []nameValue
	num := func(v any) string {
		f, ok := v.(float64)
		if !ok || f == 0 {
			return ""
		}
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	for _, k := range []struct {
		member string
		label  lang.Key
	}{{"academicHours", lang.PageAcademicHours}, {"creditsAvailable", lang.PageCredits}, {"nqfLevel", lang.PageNQFLevel}} {
		if v := num(ach[k.member]); v != "" {
			out = append(out, nameValue{l.T(k.label), v})
		}
	}
	if v, ok := subj["creditUnits"].(float64); ok && v > 0 {
		out = append(out, nameValue{l.T(lang.PageCreditUnits), strconv.FormatFloat(v, 'f', 2, 64)})
	}
	return out
}
