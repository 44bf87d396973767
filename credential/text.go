package credential

import "github.com/tanu-edu/tanu/lang"

// Text is a string in several languages, keyed by kk, ru or en.
type Text map[string]string

// Get returns the text in lang, falling back in lang's fallback order
// (lang.Tag.Fallbacks: Kazakh, then Russian, then English), then to any
// language present.
func (t Text) Get(l string) string {
	for _, x := range lang.ParseOr(l, lang.Default).Fallbacks() {
		if s := t[string(x)]; s != "" {
			return s
		}
	}
	for _, s := range t {
		if s != "" {
			return s
		}
	}
	return ""
}
