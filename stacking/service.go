// Package stacking stacks and recognizes credentials: pathways whose
// microcertificates add up to a nano-diploma (offered to the registrar,
// never issued by themselves), the holder's learner record as a CLR 2.0
// ClrCredential, and credit transfers of microcertificates into degree
// programs with their export for the academic records system.
//
// A holder is known by the student id their credentials were issued with
// (the sisSourcedId each credential carries salted and hashed); every
// look-up here is by that id, and nothing here puts an IIN or an e-mail
// address in clear into what it returns.
package stacking

import (
	"context"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/render"
	"github.com/tanu-edu/tanu/verifier"
)

// Limits.
const (
	// MaxCandidateScan bounds the valid credentials of one program read
	// when looking for candidates; more is refused, never cut silently.
	MaxCandidateScan = 50000
	// MaxHolderCredentials bounds the credentials of one holder read (per
	// program for eligibility, in all for a learner record).
	MaxHolderCredentials = 200
)

// Store is what the service needs of the registry (package store).
type Store interface {
	CreatePathway(ctx context.Context, p credential.Pathway) (*credential.Pathway, error)
	Pathway(ctx context.Context, id string) (*credential.Pathway, error)
	Pathways(ctx context.Context, status string) ([]*credential.Pathway, error)
	Program(ctx context.Context, regno string, version int) (*credential.Program, error)
	Credential(ctx context.Context, id string) (*credential.Record, error)
	Credentials(ctx context.Context, f credential.CredentialFilter) ([]*credential.Record, error)
	ValidCredentials(ctx context.Context, program, studentID string, limit int) ([]*credential.Record, error)
	ValidCredentialsOf(ctx context.Context, studentID string, limit int) ([]*credential.Record, error)
	ValidHolders(ctx context.Context, program string, limit int) ([]credential.Holding, error)
	AddNanoComponents(ctx context.Context, nanoID, pathwayID string, components []string) error
	NanoComponents(ctx context.Context, nanoID string) ([]string, error)
	NanoReview(ctx context.Context, nanoID, pathwayID string) ([]credential.ReviewFlag, error)
	CreateTransfer(ctx context.Context, t credential.Transfer) (*credential.Transfer, error)
	Transfers(ctx context.Context, f credential.TransferFilter) ([]credential.TransferRow, error)
}

// Issuer issues and signs (package issuer).
type Issuer interface {
	Issue(ctx context.Context, r issuer.Request) (*issuer.Result, error)
	Identity() *issuer.Identity
	SecuredDocument(rec *credential.Record) (doc map[string]any, ok bool, err error)
	SignCLR(c *credential.ClrCredential) (string, error)
	NewID() (string, error)
}

// Service runs pathways, learner records and credit transfers.
type Service struct {
	st     Store
	is     Issuer
	now    func() time.Time
	schema *verifier.Schema

	// secured keeps credentials with their Data Integrity proofs (signed
	// once, never changed), so learner records do not sign them again.
	mu      sync.Mutex
	secured map[string]map[string]any
}

// maxSecured bounds the secured documents kept (about 10 KiB each).
const maxSecured = 2048

// securedDocument returns a credential with its Data Integrity proof
// (ok=false: one issued before the DID), from the cache when it can. The
// map returned is shared: read it, never change it.
func (s *Service) securedDocument(r *credential.Record) (map[string]any, bool, error) {
	s.mu.Lock()
	doc, hit := s.secured[r.ID]
	s.mu.Unlock()
	if hit {
		return doc, doc != nil, nil
	}
	doc, ok, err := s.is.SecuredDocument(r)
	if err != nil {
		return nil, false, err
	}
	if !ok {
		doc = nil
	}
	s.mu.Lock()
	if len(s.secured) >= maxSecured {
		s.secured = map[string]map[string]any{}
	}
	s.secured[r.ID] = doc
	s.mu.Unlock()
	return doc, ok, nil
}

// New returns a Service; clr is the compiled CLR 2.0 ClrCredential schema
// every learner record is checked against before it is signed.
func New(st Store, is Issuer, clr *verifier.Schema, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{st: st, is: is, now: now, schema: clr, secured: map[string]map[string]any{}}
}

// CreatePathway validates a pathway, checks that its programs are in the
// registry and registers it with its nano-diploma program.
func (s *Service) CreatePathway(ctx context.Context, p credential.Pathway) (*credential.Pathway, error) {
	p.ID, p.CreatedAt, p.UpdatedAt = "", time.Time{}, time.Time{}
	p.Normalize()
	if err := p.Validate(); err != nil {
		return nil, err
	}
	var d []credential.Detail
	for i, r := range p.Programs() {
		field := "required[" + strconv.Itoa(i) + "]"
		if i >= len(p.Required) {
			field = "electives[" + strconv.Itoa(i-len(p.Required)) + "]"
		}
		prog, err := s.st.Program(ctx, r, 0)
		switch {
		case credential.IsNotFound(err):
			d = append(d, credential.DetailMsg(field, lang.StackUnknownProgram, r))
		case err != nil:
			return nil, err
		case prog.Kind == credential.KindNanoDiploma:
			d = append(d, credential.DetailMsg(field, lang.StackNestedPathway, r))
		}
	}
	if len(d) > 0 {
		return nil, &credential.Error{Code: credential.CodeInvalid, Message: d[0].Field + ": " + d[0].Message,
			Msg: lang.StackInvalid, Args: []any{d[0].Field}, Details: d}
	}
	return s.st.CreatePathway(ctx, p)
}

// Pathway returns a pathway.
func (s *Service) Pathway(ctx context.Context, id string) (*credential.Pathway, error) {
	p, err := s.st.Pathway(ctx, strings.ToUpper(strings.TrimSpace(id)))
	if credential.IsNotFound(err) {
		return nil, credential.Errorm(credential.CodeNotFound, lang.StackNoPathway, id)
	}
	return p, err
}

// Pathways lists pathways, optionally of one status.
func (s *Service) Pathways(ctx context.Context, status string) ([]*credential.Pathway, error) {
	return s.st.Pathways(ctx, status)
}

// Candidate is a holder whose valid credentials satisfy a pathway and who
// holds no valid nano-diploma of it yet.
type Candidate struct {
	Holder      string                 `json:"holder"`
	Name        string                 `json:"name"`
	Eligibility credential.Eligibility `json:"eligibility"`
}

// valid reports whether a stored credential counts now: status valid and
// not expired.
func (s *Service) valid(r *credential.Record) bool {
	return r.Status == credential.StatusValid && (r.ValidUntil == nil || r.ValidUntil.After(s.now()))
}

// Candidates lists the holders a registrar may issue the pathway's
// nano-diploma to, by name.
func (s *Service) Candidates(ctx context.Context, id string, l lang.Tag) ([]Candidate, error) {
	p, err := s.Pathway(ctx, id)
	if err != nil {
		return nil, err
	}
	// First who holds which programs, without the signed credentials;
	// then, for each holder who can satisfy the pathway at all, their
	// credentials, one holder at a time.
	held := map[string]map[string]bool{}
	names := map[string]string{}
	now := s.now()
	for _, prog := range p.Programs() {
		hs, err := s.st.ValidHolders(ctx, prog, MaxCandidateScan+1)
		if err != nil {
			return nil, err
		}
		if len(hs) > MaxCandidateScan {
			return nil, credential.Errorm(credential.CodeTooLarge, lang.StackTooManyCandidates, MaxCandidateScan)
		}
		for _, h := range hs {
			if h.ValidUntil != nil && !h.ValidUntil.After(now) {
				continue
			}
			if held[h.StudentID] == nil {
				held[h.StudentID] = map[string]bool{}
			}
			held[h.StudentID][prog] = true
			names[h.StudentID] = h.HolderName
		}
	}
	done, err := s.st.ValidHolders(ctx, p.ID, MaxCandidateScan+1)
	if err != nil {
		return nil, err
	}
	for _, h := range done {
		if h.ValidUntil == nil || h.ValidUntil.After(now) {
			delete(held, h.StudentID)
		}
	}
	cache := programCache{}
	out := []Candidate{}
	for holder, progs := range held {
		if !p.Holds(progs) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		mine, err := s.holderCredentials(ctx, holder, progs)
		if err != nil {
			return nil, err
		}
		comps, err := s.components(ctx, mine, l, cache)
		if err != nil {
			return nil, err
		}
		if e := p.Evaluate(comps); e.Eligible {
			out = append(out, Candidate{Holder: holder, Name: names[holder], Eligibility: e})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].Holder < out[j].Holder
	})
	return out, nil
}

// holderCredentials returns a holder's valid credentials of the given
// programs: in one query, or program by program for a holder with more
// than MaxHolderCredentials credentials.
func (s *Service) holderCredentials(ctx context.Context, holder string, progs map[string]bool) ([]*credential.Record, error) {
	var out []*credential.Record
	recs, err := s.st.ValidCredentialsOf(ctx, holder, MaxHolderCredentials+1)
	if err != nil {
		return nil, err
	}
	if len(recs) > MaxHolderCredentials {
		recs = nil
		for prog := range progs {
			rs, err := s.st.ValidCredentials(ctx, prog, holder, MaxHolderCredentials)
			if err != nil {
				return nil, err
			}
			recs = append(recs, rs...)
		}
	}
	for _, r := range recs {
		if progs[r.ProgramRegNo] && s.valid(r) {
			out = append(out, r)
		}
	}
	return out, nil
}

// Evaluate tells how one holder stands against a pathway.
func (s *Service) Evaluate(ctx context.Context, id, holder string, l lang.Tag) (*credential.Pathway, credential.Eligibility, []*credential.Record, error) {
	p, err := s.Pathway(ctx, id)
	if err != nil {
		return nil, credential.Eligibility{}, nil, err
	}
	holder = strings.TrimSpace(holder)
	if holder == "" {
		return nil, credential.Eligibility{}, nil, credential.Errorm(credential.CodeInvalid, lang.StackHolderRef)
	}
	progs := map[string]bool{}
	for _, r := range p.Programs() {
		progs[r] = true
	}
	recs, err := s.holderCredentials(ctx, holder, progs)
	if err != nil {
		return nil, credential.Eligibility{}, nil, err
	}
	comps, err := s.components(ctx, recs, l, programCache{})
	if err != nil {
		return nil, credential.Eligibility{}, nil, err
	}
	return p, p.Evaluate(comps), recs, nil
}

// IssueRequest asks for a nano-diploma.
type IssueRequest struct {
	Holder   string `json:"holder"`
	Language string `json:"language,omitempty"`
}

// Issued is an issued (or already issued) nano-diploma.
type Issued struct {
	Result      *issuer.Result
	Eligibility credential.Eligibility
}

// Issue issues a pathway's nano-diploma to a holder whose valid credentials
// satisfy it, through the issuer like every credential: an OB 3.0
// credential listing the components. A holder who does not satisfy the
// pathway is refused with what is missing.
func (s *Service) Issue(ctx context.Context, id string, req IssueRequest) (*Issued, error) {
	l := lang.ParseOr(req.Language, lang.ParseOr(s.is.Identity().DefaultLang, lang.KK))
	p, e, recs, err := s.Evaluate(ctx, id, req.Holder, l)
	if err != nil {
		return nil, err
	}
	if p.Status == credential.PathwayArchived {
		return nil, credential.Errorm(credential.CodeNotAcceptable, lang.StackPathwayArchived, p.ID)
	}
	if !e.Eligible {
		missing := strings.Join(e.MissingRequired, ", ")
		if missing == "" {
			missing = "—"
		}
		return nil, credential.Errorm(credential.CodeNotAcceptable, lang.StackNotEligible, req.Holder, p.ID, missing,
			e.Electives, e.MinElectives, num(e.Credits), num(e.MinCredits))
	}
	byID := map[string]*credential.Record{}
	for _, r := range recs {
		byID[r.ID] = r
	}
	var hours float64
	ids := make([]string, len(e.Components))
	latest := byID[e.Components[0].CredentialID]
	for i, c := range e.Components {
		hours += c.Hours
		ids[i] = c.CredentialID
		if r := byID[c.CredentialID]; r.IssuedAt.After(latest.IssuedAt) {
			latest = r
		}
	}
	from, to := credential.ComponentsPeriod(e.Components)
	names := strings.Fields(latest.HolderName)
	r := issuer.Request{Program: p.ID, StudentID: req.Holder, DateFrom: from.Format(time.DateOnly), DateTo: to.Format(time.DateOnly),
		Language: req.Language, Nano: &issuer.Nano{Pathway: p, Components: e.Components, Identities: hashedIdentities(latest)}}
	if len(names) > 0 {
		r.FamilyName, r.GivenName = names[0], strings.Join(names[1:], " ")
	}
	hours = math.Round(hours*100) / 100
	credits := e.Credits
	r.Hours, r.Credits = &hours, &credits
	res, err := s.is.Issue(ctx, r)
	if err != nil {
		return nil, err
	}
	if err := s.st.AddNanoComponents(ctx, res.Record.ID, p.ID, ids); err != nil {
		return nil, err
	}
	return &Issued{Result: res, Eligibility: e}, nil
}

// hashedIdentities copies a credential's hashed national id and e-mail
// identities (hash and salt as they are), never any in clear.
func hashedIdentities(r *credential.Record) []credential.IdentityObject {
	var pl struct {
		Subject struct {
			Identifier []credential.IdentityObject `json:"identifier"`
		} `json:"credentialSubject"`
	}
	if credential.DecodePayload(r.JWS, &pl) != nil {
		return nil
	}
	var out []credential.IdentityObject
	for _, x := range pl.Subject.Identifier {
		if x.Hashed && (x.IdentityType == "nationalIdentityNumber" || x.IdentityType == "emailAddress") {
			out = append(out, x)
		}
	}
	return out
}

// Diploma is an issued nano-diploma with what needs the registrar's review.
type Diploma struct {
	ID                string                  `json:"id"`
	Holder            string                  `json:"holder"`
	Name              string                  `json:"name"`
	CertificateNumber int64                   `json:"certificate_number"`
	Status            string                  `json:"status"`
	IssuedAt          time.Time               `json:"issued_at"`
	Components        []string                `json:"components"`
	Review            []credential.ReviewFlag `json:"review"`
}

// Diplomas lists a pathway's nano-diplomas (newest first, at most 1000)
// with their review flags; review keeps only those flagged.
func (s *Service) Diplomas(ctx context.Context, id string, review bool) ([]Diploma, error) {
	p, err := s.Pathway(ctx, id)
	if err != nil {
		return nil, err
	}
	recs, err := s.st.Credentials(ctx, credential.CredentialFilter{Program: p.ID, Limit: 1000})
	if err != nil {
		return nil, err
	}
	flags, err := s.st.NanoReview(ctx, "", p.ID)
	if err != nil {
		return nil, err
	}
	byNano := map[string][]credential.ReviewFlag{}
	for _, f := range flags {
		byNano[f.NanoID] = append(byNano[f.NanoID], f)
	}
	out := []Diploma{}
	for _, r := range recs {
		fs := byNano[r.ID]
		if review && len(fs) == 0 {
			continue
		}
		comps, err := s.st.NanoComponents(ctx, r.ID)
		if err != nil {
			return nil, err
		}
		if fs == nil {
			fs = []credential.ReviewFlag{}
		}
		if comps == nil {
			comps = []string{}
		}
		out = append(out, Diploma{ID: r.ID, Holder: r.StudentID, Name: r.HolderName, CertificateNumber: r.CertificateNumber,
			Status: r.Status, IssuedAt: r.IssuedAt, Components: comps, Review: fs})
	}
	return out, nil
}

// Review returns the components of a nano-diploma that are no longer valid.
func (s *Service) Review(ctx context.Context, nanoID string) ([]credential.ReviewFlag, error) {
	return s.st.NanoReview(ctx, nanoID, "")
}

// IsNano reports whether a stored credential is a nano-diploma.
func IsNano(r *credential.Record) bool {
	return strings.HasPrefix(r.ProgramRegNo, credential.RegNoPrefix(credential.KindNanoDiploma)+"-")
}

// NanoComponents returns the component credentials of a nano-diploma as
// components in language l (names, grades, credits), in the order the
// pathway lists their programs.
func (s *Service) NanoComponents(ctx context.Context, nano *credential.Record, l lang.Tag) ([]credential.Component, []*credential.Record, error) {
	ids, err := s.st.NanoComponents(ctx, nano.ID)
	if err != nil {
		return nil, nil, err
	}
	recs := make([]*credential.Record, 0, len(ids))
	for _, id := range ids {
		r, err := s.st.Credential(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		recs = append(recs, r)
	}
	comps, err := s.components(ctx, recs, l, programCache{})
	if err != nil {
		return nil, nil, err
	}
	if p, err := s.st.Pathway(ctx, nano.ProgramRegNo); err == nil {
		order := map[string]int{}
		for i, r := range p.Programs() {
			order[r] = i
		}
		sort.SliceStable(comps, func(i, j int) bool { return order[comps[i].Program] < order[comps[j].Program] })
		req := map[string]bool{}
		for _, r := range p.Required {
			req[r] = true
		}
		for i := range comps {
			comps[i].Required = req[comps[i].Program]
		}
	}
	return comps, recs, nil
}

type programCache map[string]*credential.Program

// components reads stored credentials as components in language l.
func (s *Service) components(ctx context.Context, recs []*credential.Record, l lang.Tag, cache programCache) ([]credential.Component, error) {
	out := make([]credential.Component, 0, len(recs))
	id := s.is.Identity()
	for _, r := range recs {
		key := r.ProgramRegNo + "/" + strconv.Itoa(r.ProgramVersion)
		p, ok := cache[key]
		if !ok {
			var err error
			if p, err = s.st.Program(ctx, r.ProgramRegNo, r.ProgramVersion); err != nil {
				return nil, err
			}
			cache[key] = p
		}
		c := componentOf(r, p, id.Scale, string(l))
		c.URL = id.CredentialURL(r.ID)
		if c.AchievementID == "" {
			c.AchievementID = id.AchievementURL(p.RegistrationNumber, p.Version)
		}
		out = append(out, c)
	}
	return out, nil
}

// componentOf reads what a component shows from its signed credential.
func componentOf(r *credential.Record, p *credential.Program, scale credential.GradeScale, l string) credential.Component {
	var pl struct {
		CertificateNumber string `json:"certificateNumber"`
		Subject           struct {
			Credits     float64 `json:"creditsEarned"`
			Start       string  `json:"activityStartDate"`
			End         string  `json:"activityEndDate"`
			Achievement struct {
				ID    string  `json:"id"`
				Hours float64 `json:"academicHours"`
			} `json:"achievement"`
			Result []struct {
				ResultDescription string `json:"resultDescription"`
				Value             string `json:"value"`
			} `json:"result"`
		} `json:"credentialSubject"`
	}
	_ = credential.DecodePayload(r.JWS, &pl) // stored by tanu after signing
	c := credential.Component{CredentialID: r.ID, Program: r.ProgramRegNo, ProgramVersion: r.ProgramVersion,
		Name: p.Name.Get(l), AchievementID: pl.Subject.Achievement.ID, CertificateNumber: issuer.FormatCertificateNumber(r.CertificateNumber),
		Credits: pl.Subject.Credits, Hours: pl.Subject.Achievement.Hours, IssuedAt: r.IssuedAt}
	if c.Credits == 0 {
		c.Credits = p.Credits
	}
	if c.Hours == 0 {
		c.Hours = p.Hours
	}
	c.From, _ = time.Parse(time.RFC3339, pl.Subject.Start)
	c.To, _ = time.Parse(time.RFC3339, pl.Subject.End)
	if c.From.IsZero() {
		c.From = r.ValidFrom
	}
	if c.To.IsZero() {
		c.To = r.ValidFrom
	}
	// The component's grade: the mean of its competency percents, or of
	// its letters' bands when a percent is missing.
	var sum float64
	var n, pct int
	letters := map[string]string{}
	percents := map[string]float64{}
	for _, x := range pl.Subject.Result {
		if base, ok := strings.CutSuffix(x.ResultDescription, "-percent"); ok {
			if v, err := strconv.ParseFloat(x.Value, 64); err == nil {
				percents[base] = v
			}
			continue
		}
		letters[x.ResultDescription] = x.Value
	}
	for rd, letter := range letters {
		if v, ok := percents[rd]; ok {
			sum += v
			pct++
		} else if b, ok := scale.Band(letter); ok {
			sum += (b.Min + b.Max) / 2
		} else {
			continue
		}
		n++
	}
	if n > 0 {
		c.Percent = math.Round(sum/float64(n)*10) / 10
		c.Grade = scale.LetterFor(c.Percent)
		if pct < n {
			c.Percent = 0 // derived from letters: no percent to show
		}
	}
	return c
}

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// CertificateExtras lists a nano-diploma's components on its certificate,
// in the certificate's language (a certificate.Extras).
func (s *Service) CertificateExtras(ctx context.Context, rec *credential.Record, c *render.Certificate) error {
	if !IsNano(rec) {
		return nil
	}
	comps, _, err := s.NanoComponents(ctx, rec, lang.ParseOr(c.Lang, lang.KK))
	if err != nil {
		return err
	}
	c.Kind = render.KindNanoDiploma
	for _, k := range comps {
		c.Components = append(c.Components, render.Component{RegNo: k.Program, Title: k.Name, CertificateNumber: k.CertificateNumber,
			Credits: k.Credits, Hours: k.Hours, Grade: k.Grade, Required: k.Required})
	}
	return nil
}
