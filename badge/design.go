package badge

import (
	"bytes"
	"fmt"

	"image/png"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Design describes a default badge image for a programme.
type Design struct {
	// Abbreviation is drawn large in the centre: 1 to 4 letters or digits
	// (Latin or Cyrillic, including Kazakh letters), upper-cased. When
	// empty it is derived from Title with [Abbreviate]. Other scripts are
	// rejected, so that the PNG and SVG badges show the same letters.
	Abbreviation string
	// Title is the programme name, written along the bottom of the ring.
	Title string
	// Issuer is the issuing institution, written along the top of the ring.
	Issuer string
	// Primary is the medallion colour and Accent the ring colour, as
	// "#rrggbb" or "#rgb". Empty means DefaultPrimary or DefaultAccent.
	Primary, Accent string
	// Image is an optional per-programme PNG used instead of the generated
	// artwork: RenderPNG returns it unchanged (after validation) and
	// RenderSVG wraps it in an SVG of Size×Size pixels.
	Image []byte
	// Size is the width and height in pixels, DefaultSize when zero, at
	// most MaxSize.
	Size int
}

// Defaults and limits of [Design].
const (
	// DefaultSize is the badge size when Design.Size is zero.
	DefaultSize = 512
	// MinSize and MaxSize bound Design.Size.
	MinSize = 64
	MaxSize = 4096
	// MaxImagePixels bounds the dimensions of Design.Image (width×height).
	MaxImagePixels = 4096 * 4096
	// DefaultPrimary is a deep blue.
	DefaultPrimary = "#1f4e79"
	// DefaultAccent is a muted gold.
	DefaultAccent = "#c9a227"
	// maxAbbrev is the longest abbreviation drawn.
	maxAbbrev = 4
)

// stopWords are skipped when deriving an abbreviation (English, Russian
// and Kazakh conjunctions and prepositions).
func isStopWord(w string) bool {
	switch strings.ToLower(w) {
	case "and", "of", "the", "in", "for", "on", "at", "to", "with", "a", "an",
		"и", "в", "во", "на", "по", "для", "с", "со", "к", "о", "об", "из", "от", "или",
		"және", "мен", "бен", "пен", "бойынша", "үшін", "немесе":
		return true
	}
	return false
}

// Abbreviate derives a 2–4 letter abbreviation from a programme name: the
// upper-cased first letters of its significant words (stop words such as
// "and", "и", "және" are skipped), or the first letters of a single-word
// name. For example "Computer Science" gives "CS", "Информационные системы"
// gives "ИС" and "Қазақ әдебиеті" gives "ҚӘ". Only words starting with a
// letter or digit the badge font draws (Latin, Cyrillic including Kazakh)
// count. It returns "" if there are none.
func Abbreviate(title string) string {
	words := strings.FieldsFunc(title, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	kept := words[:0]
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if drawable(unicode.ToUpper(r)) {
			kept = append(kept, w)
		}
	}
	words = kept
	var sig []string
	for _, w := range words {
		if !isStopWord(w) {
			sig = append(sig, w)
		}
	}
	if len(sig) == 0 {
		sig = words
	}
	var b strings.Builder
	switch len(sig) {
	case 0:
		return ""
	case 1:
		n := 0
		for _, r := range sig[0] {
			if n == 3 || !drawable(unicode.ToUpper(r)) {
				break
			}
			b.WriteRune(unicode.ToUpper(r))
			n++
		}
	default:
		for i, w := range sig {
			if i == maxAbbrev {
				break
			}
			r, _ := utf8.DecodeRuneInString(w)
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// drawable reports whether the embedded font has a glyph for r.
func drawable(r rune) bool {
	_, _, ok := badgeFace().glyph(nil, r)
	return ok
}

// resolved is a Design with defaults applied and values checked.
type resolved struct {
	abbrev          string
	title, issuer   string
	primary, accent rgba
	size            int
}

func (d Design) resolve() (resolved, error) {
	r := resolved{title: strings.TrimSpace(d.Title), issuer: strings.TrimSpace(d.Issuer), size: d.Size}
	if r.size == 0 {
		r.size = DefaultSize
	}
	if r.size < MinSize || r.size > MaxSize {
		return r, fmt.Errorf("%w: size %d not in [%d, %d]", ErrInvalidDesign, r.size, MinSize, MaxSize)
	}
	var err error
	if r.primary, err = parseColor(d.Primary, DefaultPrimary); err != nil {
		return r, err
	}
	if r.accent, err = parseColor(d.Accent, DefaultAccent); err != nil {
		return r, err
	}
	if !utf8.ValidString(d.Title) || !utf8.ValidString(d.Issuer) || !utf8.ValidString(d.Abbreviation) {
		return r, fmt.Errorf("%w: text is not valid UTF-8", ErrInvalidDesign)
	}
	abbr := strings.TrimSpace(d.Abbreviation)
	if abbr == "" {
		abbr = Abbreviate(d.Title)
	}
	abbr = strings.ToUpper(abbr)
	if n := utf8.RuneCountInString(abbr); n > maxAbbrev {
		return r, fmt.Errorf("%w: abbreviation %q has %d characters, at most %d", ErrInvalidDesign, abbr, n, maxAbbrev)
	}
	for _, c := range abbr {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) || !drawable(c) {
			return r, fmt.Errorf("%w: abbreviation %q may hold only Latin or Cyrillic letters and digits", ErrInvalidDesign, abbr)
		}
	}
	r.abbrev = abbr
	return r, nil
}

// parseColor parses "#rrggbb" or "#rgb"; empty means def.
func parseColor(s, def string) (rgba, error) {
	if s == "" {
		s = def
	}
	h, ok := strings.CutPrefix(s, "#")
	if ok && len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if !ok || len(h) != 6 {
		return rgba{}, fmt.Errorf("%w: colour %q is not #rrggbb", ErrInvalidDesign, s)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return rgba{}, fmt.Errorf("%w: colour %q: %w", ErrInvalidDesign, s, err)
	}
	return rgba{float64(v>>16&0xff) / 255, float64(v>>8&0xff) / 255, float64(v&0xff) / 255, 1}, nil
}

// hex formats an opaque colour as #rrggbb.
func (c rgba) hex() string {
	return fmt.Sprintf("#%02x%02x%02x", to8(c.r), to8(c.g), to8(c.b))
}

// mix returns c moved towards o by t (0–1).
func (c rgba) mix(o rgba, t float64) rgba {
	return rgba{c.r + (o.r-c.r)*t, c.g + (o.g-c.g)*t, c.b + (o.b-c.b)*t, c.a + (o.a-c.a)*t}
}

// luminance is the WCAG relative luminance.
func (c rgba) luminance() float64 {
	lin := func(v float64) float64 {
		if v <= 0.03928 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.r) + 0.7152*lin(c.g) + 0.0722*lin(c.b)
}

// checkImage validates a custom badge image: a PNG of bounded size that
// decodes completely.
func checkImage(img []byte) error {
	cfg, err := png.DecodeConfig(bytes.NewReader(img))
	if err != nil {
		return fmt.Errorf("%w: custom image: %w", ErrInvalidDesign, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > MaxImagePixels {
		return fmt.Errorf("%w: custom image is %d×%d pixels", ErrInvalidDesign, cfg.Width, cfg.Height)
	}
	if _, err := png.Decode(bytes.NewReader(img)); err != nil {
		return fmt.Errorf("%w: custom image: %w", ErrInvalidDesign, err)
	}
	return nil
}
