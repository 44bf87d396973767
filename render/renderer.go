package render

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/tanu-edu/tanu/render/pdfdoc"
)

// Errors returned by Render; test with errors.Is.
var (
	// ErrUnsupported means there is no layout template for the certificate's kind and language.
	ErrUnsupported = errors.New("render: no template for this kind and language")
	// ErrInvalid means the certificate lacks something every layout needs (kind, language, id, URL).
	ErrInvalid = errors.New("render: invalid certificate")
	// ErrDoesNotFit means the content does not fit on its page even at the smallest allowed scale.
	ErrDoesNotFit = errors.New("render: content does not fit on the page")
)

// Options configures a Renderer.
type Options struct {
	// Templates holds certificate/<kind>.<lang>.json layouts and fonts/fonts.json
	// with the font files it names: templates.FS, or os.DirFS of an edited copy.
	Templates fs.FS
	// Branding is the issuer's name, colours and images.
	Branding Branding
	// Creator is written as the PDF creator and producer; default "tanu".
	Creator string
}

// Renderer turns certificates into PDF documents. It parses templates, fonts
// and images once, in New, and is safe for concurrent use.
type Renderer struct {
	layouts               map[string]*layout
	logo, signature, seal *pdfdoc.Image
	names                 map[string]string
	pal                   palette
	creator               string
}

// New loads and validates the templates, fonts and branding in opts.
func New(opts Options) (*Renderer, error) {
	if opts.Templates == nil {
		return nil, errors.New("render: Options.Templates is nil")
	}
	r := &Renderer{names: map[string]string{}, creator: orDefault(opts.Creator, "tanu")}
	for k, v := range opts.Branding.Name {
		r.names[k] = v
	}
	var err error
	if r.pal, err = newPalette(opts.Branding); err != nil {
		return nil, err
	}
	images := []struct {
		name string
		data []byte
		dst  **pdfdoc.Image
	}{
		{"logo", opts.Branding.Logo, &r.logo},
		{"signature", opts.Branding.SignatureImage, &r.signature},
		{"seal", opts.Branding.SealImage, &r.seal},
	}
	for _, im := range images {
		if len(im.data) == 0 {
			continue
		}
		if *im.dst, err = pdfdoc.LoadImage(im.name, im.data); err != nil {
			return nil, fmt.Errorf("render: branding %s: %w", im.name, err)
		}
	}
	faces, err := loadFonts(opts.Templates)
	if err != nil {
		return nil, err
	}
	if r.layouts, err = loadLayouts(opts.Templates, faces, r.pal); err != nil {
		return nil, err
	}
	return r, nil
}

func newPalette(b Branding) (palette, error) {
	p := palette{
		text:  pdfdoc.Color{R: 0x1c, G: 0x1f, B: 0x26},
		muted: pdfdoc.Color{R: 0x5b, G: 0x61, B: 0x70},
		white: pdfdoc.Color{R: 255, G: 255, B: 255},
	}
	var err error
	if p.primary, err = pdfdoc.ParseColor(orDefault(b.PrimaryColor, "#1f3a93")); err != nil {
		return p, fmt.Errorf("render: branding primary colour: %w", err)
	}
	if p.accent, err = pdfdoc.ParseColor(orDefault(b.AccentColor, "#b08d3c")); err != nil {
		return p, fmt.Errorf("render: branding accent colour: %w", err)
	}
	p.tint = p.primary.Mix(p.white, 0.93)
	p.line = p.primary.Mix(p.white, 0.7)
	return p, nil
}

// loadFonts reads fonts/fonts.json and the faces it lists.
func loadFonts(fsys fs.FS) (map[string]*pdfdoc.Font, error) {
	b, err := fs.ReadFile(fsys, "fonts/fonts.json")
	if err != nil {
		return nil, fmt.Errorf("render: read font list: %w", err)
	}
	var ff fontsFile
	if err := json.Unmarshal(b, &ff); err != nil {
		return nil, fmt.Errorf("render: fonts/fonts.json: %w", err)
	}
	names := make([]string, 0, len(ff.Faces))
	for n := range ff.Faces {
		names = append(names, n)
	}
	sort.Strings(names)
	faces := make(map[string]*pdfdoc.Font, len(names))
	for _, n := range names {
		data, err := fs.ReadFile(fsys, path.Join("fonts", ff.Faces[n]))
		if err != nil {
			return nil, fmt.Errorf("render: font %q: %w", n, err)
		}
		if faces[n], err = pdfdoc.LoadFont(strings.ReplaceAll(n, "-", ""), data); err != nil {
			return nil, fmt.Errorf("render: font %q: %w", n, err)
		}
	}
	return faces, nil
}

// Supports reports whether a layout exists for kind and lang.
func (r *Renderer) Supports(kind, lang string) bool {
	_, ok := r.layouts[layoutKey(kind, lang)]
	return ok
}

// Render writes c as a PDF document to w. The same certificate always renders
// to the same bytes. Render never touches the network or a database.
func (r *Renderer) Render(ctx context.Context, w io.Writer, c Certificate) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	if err := validate(&c); err != nil {
		return err
	}
	l, ok := r.layouts[layoutKey(c.Kind, c.Lang)]
	if !ok {
		return fmt.Errorf("%w: kind %q, lang %q", ErrUnsupported, c.Kind, c.Lang)
	}
	v := r.newView(&c, l)
	title, err := execute(l.title, v)
	if err != nil {
		return err
	}
	subject, err := execute(l.subject, v)
	if err != nil {
		return err
	}
	created := c.IssueDate
	doc := pdfdoc.New(l.page.Width, l.page.Height, pdfdoc.Meta{
		Title: clean(title), Subject: clean(subject), Author: v.Org, Creator: r.creator,
		Keywords: c.ID, Lang: c.Lang, Created: created,
	})
	if c.Credential != "" {
		if err := checkJWS(c.Credential); err != nil {
			return fmt.Errorf("%w: Credential: %w", ErrInvalid, err)
		}
		doc.Attach(credentialFile, "Signed Open Badges 3.0 credential (VC-JWT); verify it at "+c.URL, "application/jwt", []byte(c.Credential))
	}
	qr, err := qrMatrix(c.URL)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	p := &pen{doc: doc, r: r, v: v, scale: 1, qr: qr}
	for i, pg := range l.pages {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("render: %w", err)
		}
		if err := p.page(l, pg); err != nil {
			return fmt.Errorf("render: %s page %d: %w", layoutKey(c.Kind, c.Lang), i+1, err)
		}
	}
	if err := doc.Err(); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	if _, err := doc.WriteTo(w); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	return nil
}

func validate(c *Certificate) error {
	var missing []string
	for _, f := range []struct{ name, v string }{
		{"Kind", c.Kind}, {"Lang", c.Lang}, {"ID", c.ID}, {"URL", c.URL},
	} {
		if strings.TrimSpace(f.v) == "" {
			missing = append(missing, f.name)
		}
	}
	for _, f := range []struct {
		name string
		v    time.Time
	}{{"DateFrom", c.DateFrom}, {"DateTo", c.DateTo}, {"IssueDate", c.IssueDate}} {
		if f.v.IsZero() {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%w: missing %s", ErrInvalid, strings.Join(missing, ", "))
	}
	return nil
}

// page lays out and draws one page: the footer is stacked at the bottom at
// full size; the body flows from the top and is scaled down until it fits
// above the footer, and any space left over is spread between its blocks.
func (p *pen) page(l *layout, pg *pageTpl) error {
	ps := l.page
	p.doc.AddPage()
	if pg.frame && ps.Frame != nil {
		p.frame(ps)
	}
	body, err := p.build(pg.body)
	if err != nil {
		return err
	}
	footer, err := p.build(pg.footer)
	if err != nil {
		return err
	}
	x, w := ps.Margin, ps.Width-2*ps.Margin
	top, bottom := ps.Top, ps.Height-ps.Bottom
	p.scale = 1
	fh, _ := stackHeight(p, footer, w)
	const footerGap = 4.0
	avail := bottom - top - fh - footerGap
	var bh, spacing float64
	fits := func(s float64) bool {
		p.scale = s
		bh, spacing = stackHeight(p, body, w)
		return bh <= avail
	}
	if !fits(1) {
		// binary search for the largest scale that fits
		lo, hi := ps.MinScale, 1.0
		if !fits(lo) {
			return fmt.Errorf("%w: body needs %.0f mm at scale %.2f, %.0f mm available", ErrDoesNotFit, bh, lo, avail)
		}
		for range 7 {
			if mid := (lo + hi) / 2; fits(mid) {
				lo = mid
			} else {
				hi = mid
			}
		}
		fits(lo)
	}
	extra := avail - bh
	stretch := 0.0
	if spacing > 0 {
		// grow the gaps by up to 200 %, keep the rest as margins above and below
		stretch = min(extra*0.75/spacing, 2)
	}
	rest := extra - stretch*spacing
	drawStack(p, body, x, top+rest*0.45, w, stretch)
	p.scale = 1
	drawStack(p, footer, x, bottom-fh, w, 0)
	return nil
}

// frame draws the double border, corner ornaments and top band.
func (p *pen) frame(ps pageSpec) {
	fr := ps.Frame
	d := p.doc
	o := fr.Inset
	W, H := ps.Width, ps.Height
	if fr.Band > 0 {
		in := o + fr.Gap + fr.Outer
		d.SetFillColor(p.r.pal.tint)
		d.Rect(in, in, W-2*in, fr.Band, "F")
	}
	d.SetDrawColor(p.r.pal.primary)
	d.SetLineWidth(fr.Outer)
	d.Rect(o, o, W-2*o, H-2*o, "D")
	i := o + fr.Gap
	d.SetDrawColor(p.r.pal.accent)
	d.SetLineWidth(fr.Inner)
	d.Rect(i, i, W-2*i, H-2*i, "D")
	if !fr.Corners {
		return
	}
	d.SetFillColor(p.r.pal.accent)
	const s = 2.4
	for _, c := range [][2]float64{{o, o}, {W - o, o}, {o, H - o}, {W - o, H - o}} {
		d.Polygon("F", c[0]-s, c[1], c[0], c[1]-s, c[0]+s, c[1], c[0], c[1]+s)
	}
}

// view is the data a layout's text templates see: every Certificate field,
// plus derived values.
type view struct {
	Certificate
	FullName     string    // family, given, patronymic
	Org          string    // Organization, or the branding name in Lang
	TotalHours   float64   // Hours, or contact + self-study hours
	SB           float64   // credit units, TotalHours / 30
	Competencies []compRow // competencies with derived letter and level
	GradeScale   []GradeBand
	Graded       bool // some competency has a letter grade or a percent
	Components   []partRow
}

// partRow is one component of a nano-diploma as table templates see it.
type partRow struct {
	N                               int
	RegNo, Title, CertificateNumber string
	Credits, Hours                  float64
	Grade, Level                    string
	Required                        bool
}

// compRow is one competency as table templates see it.
type compRow struct {
	N                    int
	Code, Title, Outcome string
	Percent              float64
	Letter, Level        string
}

func (r *Renderer) newView(c *Certificate, l *layout) *view {
	cc := *c
	for _, s := range []*string{
		&cc.ID, &cc.URL, &cc.CertificateNumber, &cc.BookNumber, &cc.Organization,
		&cc.FamilyName, &cc.GivenName, &cc.Patronymic, &cc.ProgramName, &cc.ProgramRegNo,
		&cc.Qualification, &cc.FormOfStudy, &cc.HeadName, &cc.HeadTitle,
		&cc.Department, &cc.Position, &cc.Coordinator,
	} {
		*s = strings.TrimSpace(clean(*s))
	}
	cc.Facilitators = make([]string, 0, len(c.Facilitators))
	for _, f := range c.Facilitators {
		if f = strings.TrimSpace(clean(f)); f != "" {
			cc.Facilitators = append(cc.Facilitators, f)
		}
	}
	v := &view{Certificate: cc, FullName: cc.FullName(), Org: cc.Organization, TotalHours: cc.TotalHours(), SB: cc.CreditUnits()}
	if v.Org == "" {
		v.Org = clean(r.names[cc.Lang])
	}
	if v.Qualification == "" {
		v.Qualification = v.ProgramName
	}
	v.GradeScale = c.GradeScale
	if len(v.GradeScale) == 0 {
		v.GradeScale = l.vocab.GradeScale
	}
	for i, k := range c.Competencies {
		row := compRow{N: i + 1, Code: clean(k.Code), Title: clean(k.Title), Outcome: clean(k.Outcome), Percent: k.Percent, Letter: clean(k.Letter)}
		if row.Letter == "" && k.Percent > 0 {
			row.Letter, row.Level = letterFor(v.GradeScale, k.Percent)
		} else {
			row.Level = bandName(v.GradeScale, row.Letter)
		}
		v.Competencies = append(v.Competencies, row)
		v.Graded = v.Graded || row.Letter != "" || row.Percent > 0
	}
	for i, k := range c.Components {
		v.Components = append(v.Components, partRow{N: i + 1, RegNo: clean(k.RegNo), Title: clean(k.Title),
			CertificateNumber: clean(k.CertificateNumber), Credits: k.Credits, Hours: k.Hours, Grade: clean(k.Grade),
			Level: bandName(v.GradeScale, clean(k.Grade)), Required: k.Required})
	}
	return v
}

// WithBranding returns a renderer that shares r's templates, fonts and
// colours but names the organization b.Name and prints b's logo,
// signature and seal (the organization's identity changed). r is unchanged.
func (r *Renderer) WithBranding(b Branding) (*Renderer, error) {
	c := *r
	c.names = map[string]string{}
	for k, v := range b.Name {
		c.names[k] = v
	}
	c.logo, c.signature, c.seal = nil, nil, nil
	for _, im := range []struct {
		name string
		data []byte
		dst  **pdfdoc.Image
	}{{"logo", b.Logo, &c.logo}, {"signature", b.SignatureImage, &c.signature}, {"seal", b.SealImage, &c.seal}} {
		if len(im.data) == 0 {
			continue
		}
		var err error
		if *im.dst, err = pdfdoc.LoadImage(im.name, im.data); err != nil {
			return nil, fmt.Errorf("render: branding %s: %w", im.name, err)
		}
	}
	return &c, nil
}

// CheckImage reports whether data is an image the renderer can print (a
// PNG or JPEG it decodes in full).
func CheckImage(name string, data []byte) error {
	_, err := pdfdoc.LoadImage(name, data)
	return err
}
