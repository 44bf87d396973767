package credential

// Languages tanu speaks, in the order used for fallbacks.
var languages = [...]string{"kk", "ru", "en"}

// Languages returns the supported language codes: kk, ru, en.
func Languages() []string { return languages[:] }

// ValidLang reports whether l is a supported language code.
func ValidLang(l string) bool {
	for _, x := range languages {
		if x == l {
			return true
		}
	}
	return false
}

// Text is a string in several languages, keyed by kk, ru or en.
type Text map[string]string

// Get returns the text in lang, falling back to Kazakh, then Russian, then
// English, then any language present.
func (t Text) Get(lang string) string {
	if s := t[lang]; s != "" {
		return s
	}
	for _, l := range languages {
		if s := t[l]; s != "" {
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
