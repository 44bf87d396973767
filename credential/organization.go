package credential

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"net/mail"
	"net/url"
	"slices"
	"strings"

	"github.com/tanu-edu/tanu/lang"
)

// Organization is the issuing organization's identity as the registry keeps
// it: what every certificate names and who signs it. All instances share it
// (the database is the source of truth; an organization file only seeds an
// empty database).
type Organization struct {
	Name        Text        `json:"name"`
	HeadName    Text        `json:"head_name"`
	HeadTitle   Text        `json:"head_title"`
	URL         string      `json:"url,omitempty"`
	Email       string      `json:"email,omitempty"`
	DefaultLang string      `json:"default_language,omitempty"`
	GradeScale  *GradeScale `json:"grade_scale,omitempty"`
}

// Audit actions of the organization's identity and of corrections.
const (
	ActionOrganizationChanged = "organization.changed"
	ActionOrganizationImage   = "organization.image"
	ActionOrganizationSeeded  = "organization.seeded"
	ActionCredentialReissued  = "credential.reissued"
)

// Organization images: the kinds an organization may upload.
const (
	ImageLogo      = "logo"
	ImageSeal      = "seal"
	ImageSignature = "signature"
)

// ImageKinds lists the organization's image kinds in form order.
var ImageKinds = []string{ImageLogo, ImageSeal, ImageSignature}

// Limits of the organization's identity.
const (
	// MaxOrgText is the longest name or title, in bytes, per language.
	MaxOrgText = 500
	// MaxImageBytes is the largest image file accepted (1 MiB).
	MaxImageBytes = 1 << 20
	// MaxImageSide is the widest and tallest image accepted, in pixels.
	MaxImageSide = 2000
	// MinImageSide is the smallest side of an image, in pixels.
	MinImageSide = 16
)

// OrgImage is one image of the organization: a PNG or JPEG file.
type OrgImage struct {
	Kind        string `json:"kind"`
	ContentType string `json:"content_type"`
	Width       int    `json:"width"`
	Height      int    `json:"height"`
	Size        int    `json:"size"`
	Data        []byte `json:"-"`
}

// orgTexts are the organization's multilingual fields, each required in
// kk, ru and en before it may issue.
func (o *Organization) orgTexts() []struct {
	field string
	t     Text
} {
	return []struct {
		field string
		t     Text
	}{{"name", o.Name}, {"head_name", o.HeadName}, {"head_title", o.HeadTitle}}
}

// Missing lists what the identity lacks before credentials may be issued
// under it: the name, the head's name and the head's title, each in kk, ru
// and en. Each detail names the field and language ("name.ru"). Empty
// means complete.
func (o *Organization) Missing() []Detail {
	var out []Detail
	for _, f := range o.orgTexts() {
		for _, l := range lang.All() {
			if strings.TrimSpace(f.t[string(l)]) == "" {
				field := f.field + "." + string(l)
				out = append(out, Detail{Field: field, Code: "missing", Message: field + " is not set", Msg: lang.OrgMissingField, Args: []any{field}})
			}
		}
	}
	return out
}

// IncompleteError is the error issuing answers while the identity is
// incomplete: not_acceptable, naming every missing field.
func (o *Organization) IncompleteError() error {
	m := o.Missing()
	if len(m) == 0 {
		return nil
	}
	names := make([]string, len(m))
	for i, d := range m {
		names[i] = d.Field
	}
	return &Error{Code: CodeNotAcceptable, Message: "the organization's identity is incomplete: set " + strings.Join(names, ", ") + " (an admin, in the console's organization page or PUT /api/v1/organization)",
		Details: m, Msg: lang.OrgIncomplete, Args: []any{strings.Join(names, ", ")}}
}

// Validate checks what is set (an incomplete identity is valid: see
// Missing): lengths, the web site, the e-mail address, the default
// language and the grade scale. Details name each field.
func (o *Organization) Validate() error {
	var d []Detail
	add := func(field string, msg lang.Key, args ...any) { d = append(d, DetailMsg(field, msg, args...)) }
	for _, f := range o.orgTexts() {
		for k, v := range f.t {
			if !lang.Valid(k) {
				add(f.field, lang.OrgBadLang)
				continue
			}
			if !CheckLine(v, MaxOrgText).OK() {
				add(f.field+"."+k, lang.OrgBadText, lang.Key("corg."+f.field), MaxOrgText)
			}
		}
	}
	if o.URL != "" {
		u, err := url.Parse(o.URL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(o.URL) > 300 {
			add("url", lang.OrgBadURL, "https://")
		}
	}
	if o.Email != "" {
		if a, err := mail.ParseAddress(o.Email); err != nil || a.Address != o.Email || len(o.Email) > 254 {
			add("email", lang.OrgBadEmail, o.Email)
		}
	}
	if o.DefaultLang != "" && !lang.Valid(o.DefaultLang) {
		add("default_language", lang.OrgBadLang)
	}
	if o.GradeScale != nil {
		if err := o.GradeScale.Validate(); err != nil {
			d = append(d, Detail{Field: "grade_scale", Message: ErrorMessage(err)})
		}
	}
	if len(d) > 0 {
		return &Error{Code: CodeInvalid, Message: d[0].Message, Details: d, Msg: d[0].Msg, Args: d[0].Args}
	}
	return nil
}

// Scale returns the organization's grade scale, or the default one.
func (o *Organization) Scale() GradeScale {
	if o.GradeScale != nil && len(o.GradeScale.Bands) > 0 {
		return *o.GradeScale
	}
	return DefaultGradeScale()
}

// OrgState is the organization's identity as an admin sees it: the
// identity, its images (without their bytes), its version and what it
// still lacks before credentials may be issued.
type OrgState struct {
	Organization
	Images  []OrgImage `json:"images"`
	Version int64      `json:"version"`
	Missing []Detail   `json:"missing"`
}

// Image returns the state's image of a kind, if any.
func (s *OrgState) Image(kind string) (OrgImage, bool) {
	for _, im := range s.Images {
		if im.Kind == kind {
			return im, true
		}
	}
	return OrgImage{}, false
}

// CheckImage checks an uploaded organization image and describes it: a
// known kind (logo, seal, signature), a PNG or JPEG file (by its first
// bytes) of at most MaxImageBytes, whose header (read alone: the pixels
// are not decoded here) gives sides of MinImageSide to MaxImageSide pixels.
// SVG is not accepted: certificates are PDFs, which embed only raster
// images. Errors are invalid or too_large, worded in every language.
func CheckImage(kind string, data []byte) (*OrgImage, error) {
	field := "image." + kind
	if !slices.Contains(ImageKinds, kind) {
		return nil, Errorm(CodeInvalid, lang.OrgImageKind)
	}
	if len(data) > MaxImageBytes {
		return nil, withField(Errorm(CodeTooLarge, lang.OrgImageSize, ImageLabel(kind), MaxImageBytes>>10), field)
	}
	var ct string
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		ct = "image/png"
	case bytes.HasPrefix(data, []byte{0xff, 0xd8, 0xff}):
		ct = "image/jpeg"
	default:
		return nil, withField(Errorm(CodeUnsupported, lang.OrgImageType, ImageLabel(kind)), field)
	}
	var cfg image.Config
	var err error
	if ct == "image/png" {
		cfg, err = png.DecodeConfig(bytes.NewReader(data))
	} else {
		cfg, err = jpeg.DecodeConfig(bytes.NewReader(data))
	}
	if err != nil {
		return nil, withField(Errorm(CodeUnsupported, lang.OrgImageType, ImageLabel(kind)), field)
	}
	if cfg.Width < MinImageSide || cfg.Height < MinImageSide || cfg.Width > MaxImageSide || cfg.Height > MaxImageSide {
		return nil, withField(Errorm(CodeInvalid, lang.OrgImageDims, ImageLabel(kind), cfg.Width, cfg.Height, MinImageSide, MaxImageSide), field)
	}
	return &OrgImage{Kind: kind, ContentType: ct, Width: cfg.Width, Height: cfg.Height, Size: len(data), Data: data}, nil
}

// ImageLabel is an image kind as messages name it, in their language
// (the console's label of the kind).
func ImageLabel(kind string) lang.Key { return lang.Key("corg." + kind) }

// withField points e's one detail at field.
func withField(e *Error, field string) *Error {
	e.Details = []Detail{{Field: field, Message: e.Message, Msg: e.Msg, Args: e.Args}}
	return e
}
