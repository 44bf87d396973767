// Package certificate renders a stored credential's documents: the PDF
// certificate (through render) and the badge images with the credential
// baked in (through badge). It adapts registry records to the renderers'
// plain inputs.
package certificate

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tanu-edu/tanu/badge"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/render"
)

// Programs gives the program version a credential was issued under.
type Programs interface {
	Program(ctx context.Context, regno string, version int) (*credential.Program, error)
}

// Extras adds facts kept outside the credential, such as a TeachHub
// coordinator or recognized credit units.
type Extras func(ctx context.Context, rec *credential.Record, c *render.Certificate) error

// Service renders certificates and badges. It is safe for concurrent use.
type Service struct {
	programs Programs
	// cur is the identity and renderer certificates are made with now
	// (SetIdentity replaces both when the organization's identity changes).
	cur     atomic.Pointer[current]
	primary string
	accent  string
	extras  []Extras

	mu     sync.Mutex
	badges map[string][]byte // base badge images by program version and format
}

// New returns a Service.
func New(programs Programs, id *issuer.Identity, r *render.Renderer, primary, accent string) *Service {
	s := &Service{programs: programs, primary: primary, accent: accent, badges: map[string][]byte{}}
	s.cur.Store(&current{id: id, renderer: r})
	return s
}

// current is the identity and renderer of the Service's documents.
type current struct {
	id       *issuer.Identity
	renderer *render.Renderer
}

// SetIdentity makes the certificates and badges rendered from now on name
// id and use r (built with the new branding). Cached base badges are
// dropped: they print the organization's name.
func (s *Service) SetIdentity(id *issuer.Identity, r *render.Renderer) {
	s.cur.Store(&current{id: id, renderer: r})
	s.mu.Lock()
	s.badges = map[string][]byte{}
	s.mu.Unlock()
}

// AddExtras registers a source of extra certificate facts.
func (s *Service) AddExtras(e Extras) { s.extras = append(s.extras, e) }

// payload is the part of a credential a certificate shows.
type payload struct {
	ValidFrom         string `json:"validFrom"`
	CertificateNumber string `json:"certificateNumber"`
	RegistrationNo    string `json:"registrationNumber"`
	Subject           struct {
		Start        string  `json:"activityStartDate"`
		End          string  `json:"activityEndDate"`
		DecisionDate string  `json:"decisionDate"`
		Department   string  `json:"department"`
		Position     string  `json:"position"`
		Credits      float64 `json:"creditsEarned"`
		Achievement  struct {
			Hours          float64  `json:"academicHours"`
			ContactHours   float64  `json:"contactHours"`
			SelfStudyHours float64  `json:"selfStudyHours"`
			Facilitator    []string `json:"facilitator"`
		} `json:"achievement"`
		Result []struct {
			ResultDescription string `json:"resultDescription"`
			Value             string `json:"value"`
		} `json:"result"`
	} `json:"credentialSubject"`
}

func decode(jws string) (*payload, error) {
	var p payload
	if err := credential.DecodePayload(jws, &p); err != nil {
		return nil, fmt.Errorf("certificate: stored credential: %w", err)
	}
	return &p, nil
}

func day(s string) time.Time {
	for _, layout := range []string{time.RFC3339, time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// Certificate builds the renderer's input for a stored credential in lang.
func (s *Service) Certificate(ctx context.Context, rec *credential.Record, l string) (*render.Certificate, error) {
	id := s.cur.Load().id
	if !lang.Valid(l) {
		l = rec.Language
	}
	p, err := s.programs.Program(ctx, rec.ProgramRegNo, rec.ProgramVersion)
	if err != nil {
		return nil, err
	}
	pl, err := decode(rec.JWS)
	if err != nil {
		return nil, err
	}
	c := &render.Certificate{
		Kind: p.Kind, Lang: l, ID: rec.ID, URL: id.CredentialURL(rec.ID), Credential: rec.JWS,
		CertificateNumber: pl.CertificateNumber, BookNumber: pl.RegistrationNo,
		Organization: id.Name.Get(l), FamilyName: rec.HolderName,
		DateFrom: day(pl.Subject.Start), DateTo: day(pl.Subject.End), DecisionDate: day(pl.Subject.DecisionDate),
		IssueDate: rec.IssuedAt, ProgramName: p.Name.Get(l), ProgramRegNo: p.RegistrationNumber,
		Qualification: p.Name.Get(l), Hours: pl.Subject.Achievement.Hours, Credits: pl.Subject.Credits,
		NQFLevel: p.NQFLevel, FormOfStudy: p.FormOfStudy,
		HeadName: id.HeadName.Get(l), HeadTitle: id.HeadTitle.Get(l),
		Department: pl.Subject.Department, Position: pl.Subject.Position,
		ContactHours: pl.Subject.Achievement.ContactHours, SelfStudyHours: pl.Subject.Achievement.SelfStudyHours,
		Facilitators: pl.Subject.Achievement.Facilitator,
	}
	if c.Hours == 0 {
		c.Hours = p.Hours
	}
	grades := map[string]*render.Competency{}
	for _, r := range pl.Subject.Result {
		base, isPct := strings.CutSuffix(r.ResultDescription, "-percent")
		code := base[strings.LastIndexByte(base, '#')+1:]
		g, ok := grades[code]
		if !ok {
			g = &render.Competency{Code: code}
			grades[code] = g
		}
		if isPct {
			g.Percent, _ = strconv.ParseFloat(r.Value, 64)
		} else {
			g.Letter = r.Value
		}
	}
	for _, comp := range p.Competencies {
		g, ok := grades[comp.Code]
		if !ok {
			continue
		}
		g.Title, g.Outcome = comp.Title.Get(l), comp.Outcome.Get(l)
		c.Competencies = append(c.Competencies, *g)
	}
	for _, b := range id.Scale.Bands {
		c.GradeScale = append(c.GradeScale, render.GradeBand{Letter: b.Letter, Min: b.Min, Max: b.Max, Name: b.Name.Get(l)})
	}
	for _, e := range s.extras {
		if err := e(ctx, rec, c); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// PDF writes the certificate of rec in l.
func (s *Service) PDF(ctx context.Context, w io.Writer, rec *credential.Record, l string) error {
	c, err := s.Certificate(ctx, rec, l)
	if err != nil {
		return err
	}
	return s.cur.Load().renderer.Render(ctx, w, *c)
}

// base returns the program's badge image (PNG or SVG), rendered once per
// program version and kept.
func (s *Service) base(ctx context.Context, rec *credential.Record, format string) ([]byte, error) {
	key := fmt.Sprintf("%s/%d/%s", rec.ProgramRegNo, rec.ProgramVersion, format)
	s.mu.Lock()
	img, ok := s.badges[key]
	s.mu.Unlock()
	if ok {
		return img, nil
	}
	p, err := s.programs.Program(ctx, rec.ProgramRegNo, rec.ProgramVersion)
	if err != nil {
		return nil, err
	}
	id := s.cur.Load().id
	lang := p.Language
	if lang == "" {
		lang = id.DefaultLang
	}
	d := badge.Design{Abbreviation: p.Abbreviation, Title: p.Name.Get(lang), Issuer: id.Name.Get(lang), Primary: s.primary, Accent: s.accent}
	if d.Abbreviation == "" {
		d.Abbreviation = badge.Abbreviate(d.Title)
	}
	if format == "svg" {
		img, err = badge.RenderSVG(d)
	} else {
		img, err = badge.RenderPNG(d)
	}
	if err != nil {
		// A name the badge font cannot draw: fall back to the registration number's letters.
		d.Abbreviation = credential.RegNoPrefix(p.Kind)
		if format == "svg" {
			img, err = badge.RenderSVG(d)
		} else {
			img, err = badge.RenderPNG(d)
		}
		if err != nil {
			return nil, fmt.Errorf("certificate: badge: %w", err)
		}
	}
	s.mu.Lock()
	if len(s.badges) > 256 {
		s.badges = map[string][]byte{}
	}
	s.badges[key] = img
	s.mu.Unlock()
	return img, nil
}

// BadgePNG writes the program's badge with the credential baked in.
func (s *Service) BadgePNG(ctx context.Context, w io.Writer, rec *credential.Record) error {
	img, err := s.base(ctx, rec, "png")
	if err != nil {
		return err
	}
	baked, err := badge.BakePNG(img, rec.JWS)
	if err != nil {
		return fmt.Errorf("certificate: bake png: %w", err)
	}
	_, err = io.Copy(w, bytes.NewReader(baked))
	return err
}

// BadgeSVG writes the SVG badge with the credential baked in.
func (s *Service) BadgeSVG(ctx context.Context, w io.Writer, rec *credential.Record) error {
	img, err := s.base(ctx, rec, "svg")
	if err != nil {
		return err
	}
	baked, err := badge.BakeSVG(img, rec.JWS)
	if err != nil {
		return fmt.Errorf("certificate: bake svg: %w", err)
	}
	_, err = w.Write(baked)
	return err
}
