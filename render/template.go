package render

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"text/template"

	"github.com/tanu-edu/tanu/render/pdfdoc"
)

// The JSON layout format. templates/README.md documents it for operators;
// keep the two in step.

// layoutFile is one certificate/<kind>.<lang>.json file.
type layoutFile struct {
	Kind    string                `json:"kind"`
	Lang    string                `json:"lang"`
	Title   string                `json:"title"`   // PDF document title (text template)
	Subject string                `json:"subject"` // PDF document subject (text template)
	Page    pageSpec              `json:"page"`
	Vocab   vocab                 `json:"vocab"`
	Styles  map[string]*styleSpec `json:"styles"`
	Pages   []pageLayout          `json:"pages"`
}

type pageSpec struct {
	Width    float64    `json:"width_mm"`  // default 210
	Height   float64    `json:"height_mm"` // default 297
	Margin   float64    `json:"margin_mm"` // content inset from the page edge, default 24
	Top      float64    `json:"top_mm"`    // top content inset, default Margin
	Bottom   float64    `json:"bottom_mm"` // bottom content inset, default Margin
	MinScale float64    `json:"min_scale"` // smallest body scale tried when content is long, default 0.6
	Frame    *frameSpec `json:"frame"`
}

type frameSpec struct {
	Inset   float64 `json:"inset_mm"`       // outer border distance from the page edge
	Outer   float64 `json:"outer_width_mm"` // outer border line width
	Inner   float64 `json:"inner_width_mm"` // inner border line width
	Gap     float64 `json:"gap_mm"`         // distance between the borders
	Corners bool    `json:"corners"`        // draw corner ornaments
	Band    float64 `json:"band_mm"`        // height of a tinted band along the top inside the frame (0 = none)
}

type pageLayout struct {
	Frame  bool        `json:"frame"`
	Body   []blockSpec `json:"body"`   // flows down from the top, shrunk to fit
	Footer []blockSpec `json:"footer"` // stacked up from the bottom, never shrunk
}

type vocab struct {
	Months     map[string][]string `json:"months"`            // case name -> 12 month names; "nom" is required
	NQFWords   []string            `json:"nqf_words"`         // 8 entries, level 1..8
	NQFFormat  string              `json:"nqf_format"`        // e.g. "%d (%s)"
	Forms      map[string]string   `json:"forms"`             // form-of-study code -> words
	Decimal    string              `json:"decimal_separator"` // "," or "."
	Plural     string              `json:"plural_rule"`       // "slavic", "english" or "" (no plural forms)
	GradeScale []GradeBand         `json:"grade_scale"`       // used when the certificate has none
}

type styleSpec struct {
	Font     string  `json:"font"`      // face name from fonts/fonts.json
	EmFont   string  `json:"em_font"`   // face for {{b ...}} emphasis, default Font
	Size     float64 `json:"size"`      // points
	MinSize  float64 `json:"min_size"`  // shrink down to this to respect MaxLines
	MaxLines int     `json:"max_lines"` // 0 = unlimited
	Color    string  `json:"color"`     // "text", "muted", "primary", "accent", "white" or "#rrggbb"
	EmColor  string  `json:"em_color"`  // colour of emphasis, default Color
	Align    string  `json:"align"`     // "left", "center", "right"
	Leading  float64 `json:"leading"`   // line height as a multiple of the size, default 1.3
	Upper    bool    `json:"upper"`     // upper-case the text
}

type blockSpec struct {
	Type        string       `json:"type"`            // text, space, rule, logo, table, row, signature, seal, qr
	If          string       `json:"if"`              // template condition; the block is skipped when false
	Style       string       `json:"style"`           // text style
	Text        string       `json:"text"`            // text template
	Before      float64      `json:"space_before_mm"` // space above
	After       float64      `json:"space_after_mm"`  // space below
	Height      float64      `json:"height_mm"`       // space, logo, seal
	Width       float64      `json:"width"`           // rule: fraction of the width; signature: line length in mm
	Size        float64      `json:"size_mm"`         // qr: symbol size without quiet zone (at least 25)
	Align       string       `json:"align"`           // logo, qr, rule
	Color       string       `json:"color"`           // rule, seal
	Ornament    bool         `json:"ornament"`        // rule: diamond in the middle
	Rows        string       `json:"rows"`            // table: "competencies", "grade_scale" or "components"
	HeaderStyle string       `json:"header_style"`    // table header text style
	Columns     []columnSpec `json:"columns"`         // table
	Cells       []cellSpec   `json:"cells"`           // row
	Label       string       `json:"label"`           // signature: text before the line
	Name        string       `json:"name"`            // signature: template for the name after the line
	CaptionSign string       `json:"caption_sign"`    // signature: caption under the line
	CaptionName string       `json:"caption_name"`    // signature: caption under the name
	CaptionText string       `json:"caption"`         // signature: extra line (e.g. head's title); seal: text inside
	CaptionSty  string       `json:"caption_style"`   // signature/seal caption style
}

type columnSpec struct {
	If     string  `json:"if"`     // template condition on the certificate; the column is left out when false
	Header string  `json:"header"` // header text
	Width  float64 `json:"width"`  // relative width
	Cell   string  `json:"cell"`   // text template executed per row
	Style  string  `json:"style"`  // cell text style
	Align  string  `json:"align"`  // overrides the style's alignment
}

type cellSpec struct {
	Width   float64     `json:"width"`    // relative share of the width left after fixed cells
	WidthMM float64     `json:"width_mm"` // fixed width in mm; overrides width
	VAlign  string      `json:"valign"`   // "top" (default), "middle", "bottom"
	Blocks  []blockSpec `json:"blocks"`
}

// fontsFile is fonts/fonts.json.
type fontsFile struct {
	Faces map[string]string `json:"faces"` // face name -> file name relative to fonts/
}

// layout is a parsed, validated layout file.
type layout struct {
	kind, lang     string
	title, subject *template.Template
	page           pageSpec
	vocab          *vocab
	styles         map[string]*style
	pages          []*pageTpl
}

type pageTpl struct {
	frame        bool
	body, footer []*blockTpl
}

type blockTpl struct {
	spec        *blockSpec
	cond        *template.Template
	text        *template.Template
	name        *template.Template
	caption     *template.Template
	style       *style
	headerStyle *style
	captionSty  *style
	columns     []columnTpl
	cells       []cellTpl
}

type columnTpl struct {
	spec   *columnSpec
	cond   *template.Template
	header *template.Template
	cell   *template.Template
	style  *style
}

type cellTpl struct {
	width   float64
	widthMM float64
	valign  string
	blocks  []*blockTpl
}

// loadLayouts reads certificate/*.json from fsys.
func loadLayouts(fsys fs.FS, faces map[string]*pdfdoc.Font, pal palette) (map[string]*layout, error) {
	names, err := fs.Glob(fsys, "certificate/*.json")
	if err != nil {
		return nil, fmt.Errorf("render: list templates: %w", err)
	}
	if len(names) == 0 {
		return nil, errors.New("render: no templates found under certificate/")
	}
	sort.Strings(names)
	out := make(map[string]*layout, len(names))
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("render: read %s: %w", name, err)
		}
		l, err := parseLayout(b, faces, pal)
		if err != nil {
			return nil, fmt.Errorf("render: template %s: %w", name, err)
		}
		if want := l.kind + "." + l.lang + ".json"; path.Base(name) != want {
			return nil, fmt.Errorf("render: template %s declares kind %q and lang %q, so it must be named %s", name, l.kind, l.lang, want)
		}
		out[layoutKey(l.kind, l.lang)] = l
	}
	return out, nil
}

func layoutKey(kind, lang string) string { return kind + "." + lang }

func parseLayout(b []byte, faces map[string]*pdfdoc.Font, pal palette) (*layout, error) {
	var f layoutFile
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	if f.Kind == "" || f.Lang == "" {
		return nil, errors.New(`"kind" and "lang" are required`)
	}
	if err := f.Vocab.check(); err != nil {
		return nil, err
	}
	setPageDefaults(&f.Page)
	if len(f.Pages) == 0 {
		return nil, errors.New(`"pages" is empty`)
	}
	c := compiler{vocab: &f.Vocab, faces: faces, pal: pal, styles: map[string]*style{}, raw: f.Styles}
	l := &layout{kind: f.Kind, lang: f.Lang, page: f.Page, vocab: &f.Vocab, styles: c.styles}
	var err error
	if l.title, err = c.tpl("title", f.Title); err != nil {
		return nil, err
	}
	if l.subject, err = c.tpl("subject", f.Subject); err != nil {
		return nil, err
	}
	for i := range f.Pages {
		p := &f.Pages[i]
		pt := &pageTpl{frame: p.Frame}
		if pt.body, err = c.blocks(fmt.Sprintf("pages[%d].body", i), p.Body); err != nil {
			return nil, err
		}
		if pt.footer, err = c.blocks(fmt.Sprintf("pages[%d].footer", i), p.Footer); err != nil {
			return nil, err
		}
		l.pages = append(l.pages, pt)
	}
	return l, nil
}

func setPageDefaults(p *pageSpec) {
	if p.Width == 0 {
		p.Width = 210
	}
	if p.Height == 0 {
		p.Height = 297
	}
	if p.Margin == 0 {
		p.Margin = 24
	}
	if p.Top == 0 {
		p.Top = p.Margin
	}
	if p.Bottom == 0 {
		p.Bottom = p.Margin
	}
	if p.MinScale == 0 {
		p.MinScale = 0.6
	}
	if p.Frame != nil {
		fr := p.Frame
		if fr.Inset == 0 {
			fr.Inset = 9
		}
		if fr.Outer == 0 {
			fr.Outer = 1.2
		}
		if fr.Inner == 0 {
			fr.Inner = 0.35
		}
		if fr.Gap == 0 {
			fr.Gap = 2.2
		}
	}
}

func (v *vocab) check() error {
	if len(v.Months["nom"]) != 12 {
		return errors.New(`vocab.months.nom must list 12 month names`)
	}
	for k, m := range v.Months {
		if len(m) != 12 {
			return fmt.Errorf("vocab.months.%s must list 12 month names, has %d", k, len(m))
		}
	}
	if len(v.NQFWords) != 8 {
		return errors.New("vocab.nqf_words must list 8 words (levels 1..8)")
	}
	if v.NQFFormat == "" {
		v.NQFFormat = "%d (%s)"
	}
	switch v.Plural {
	case "", "slavic", "english":
	default:
		return fmt.Errorf(`vocab.plural_rule %q: want "slavic", "english" or ""`, v.Plural)
	}
	if v.Decimal == "" {
		v.Decimal = "."
	}
	return nil
}

type compiler struct {
	vocab  *vocab
	faces  map[string]*pdfdoc.Font
	pal    palette
	raw    map[string]*styleSpec
	styles map[string]*style
}

func (c *compiler) tpl(name, text string) (*template.Template, error) {
	t, err := template.New(name).Option("missingkey=error").Funcs(funcMap(c.vocab)).Parse(text)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return t, nil
}

func (c *compiler) style(where, name string) (*style, error) {
	if name == "" {
		name = "body"
	}
	if s, ok := c.styles[name]; ok {
		return s, nil
	}
	spec, ok := c.raw[name]
	if !ok {
		return nil, fmt.Errorf("%s: unknown style %q", where, name)
	}
	s, err := newStyle(spec, c.faces, c.pal)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	c.styles[name] = s
	return s, nil
}

func knownBlockType(t string) bool {
	switch t {
	case "text", "space", "rule", "logo", "table", "row", "signature", "seal", "qr":
		return true
	}
	return false
}

func (c *compiler) blocks(where string, specs []blockSpec) ([]*blockTpl, error) {
	out := make([]*blockTpl, 0, len(specs))
	for i := range specs {
		b, err := c.block(fmt.Sprintf("%s[%d]", where, i), &specs[i])
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

func (c *compiler) block(where string, s *blockSpec) (*blockTpl, error) {
	if !knownBlockType(s.Type) {
		return nil, fmt.Errorf("%s: unknown block type %q", where, s.Type)
	}
	b := &blockTpl{spec: s}
	var err error
	if s.If != "" {
		if b.cond, err = c.tpl(where+".if", "{{if "+s.If+"}}1{{end}}"); err != nil {
			return nil, err
		}
	}
	switch s.Type {
	case "text":
		if b.style, err = c.style(where, s.Style); err != nil {
			return nil, err
		}
		if b.text, err = c.tpl(where+".text", s.Text); err != nil {
			return nil, err
		}
	case "table":
		if s.Rows != "competencies" && s.Rows != "grade_scale" && s.Rows != "components" {
			return nil, fmt.Errorf(`%s: table rows must be "competencies", "grade_scale" or "components", not %q`, where, s.Rows)
		}
		if len(s.Columns) == 0 {
			return nil, fmt.Errorf("%s: table has no columns", where)
		}
		if b.headerStyle, err = c.style(where, orDefault(s.HeaderStyle, "table_header")); err != nil {
			return nil, err
		}
		for j := range s.Columns {
			col := &s.Columns[j]
			ct := columnTpl{spec: col}
			w := fmt.Sprintf("%s.columns[%d]", where, j)
			if ct.style, err = c.style(w, orDefault(col.Style, orDefault(s.Style, "table_cell"))); err != nil {
				return nil, err
			}
			if col.If != "" {
				if ct.cond, err = c.tpl(w+".if", "{{if "+col.If+"}}1{{end}}"); err != nil {
					return nil, err
				}
			}
			if ct.header, err = c.tpl(w+".header", col.Header); err != nil {
				return nil, err
			}
			if ct.cell, err = c.tpl(w+".cell", col.Cell); err != nil {
				return nil, err
			}
			if col.Width <= 0 {
				col.Width = 1
			}
			b.columns = append(b.columns, ct)
		}
	case "row":
		if len(s.Cells) == 0 {
			return nil, fmt.Errorf("%s: row has no cells", where)
		}
		for j := range s.Cells {
			cs := &s.Cells[j]
			ct := cellTpl{width: cs.Width, widthMM: cs.WidthMM, valign: cs.VAlign}
			if ct.width <= 0 {
				ct.width = 1
			}
			if ct.blocks, err = c.blocks(fmt.Sprintf("%s.cells[%d]", where, j), cs.Blocks); err != nil {
				return nil, err
			}
			b.cells = append(b.cells, ct)
		}
	case "signature":
		if b.style, err = c.style(where, s.Style); err != nil {
			return nil, err
		}
		if b.captionSty, err = c.style(where, orDefault(s.CaptionSty, "caption")); err != nil {
			return nil, err
		}
		if b.text, err = c.tpl(where+".label", s.Label); err != nil {
			return nil, err
		}
		if b.name, err = c.tpl(where+".name", s.Name); err != nil {
			return nil, err
		}
		if b.caption, err = c.tpl(where+".caption", s.CaptionText); err != nil {
			return nil, err
		}
	case "seal":
		if b.captionSty, err = c.style(where, orDefault(s.CaptionSty, "seal")); err != nil {
			return nil, err
		}
		if b.caption, err = c.tpl(where+".caption", s.CaptionText); err != nil {
			return nil, err
		}
	case "qr":
		if s.Size < minQRSize {
			s.Size = minQRSize
		}
	}
	return b, nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// execute runs t with data and returns its output.
func execute(t *template.Template, data any) (string, error) {
	if t == nil {
		return "", nil
	}
	var sb strings.Builder
	if err := t.Execute(&sb, data); err != nil {
		return "", fmt.Errorf("render: %w", err)
	}
	return sb.String(), nil
}
