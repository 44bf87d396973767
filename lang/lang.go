// Package lang owns tanu's languages: the supported set (Kazakh, Russian,
// English), how a language is named in a request, a file or an
// environment (Parse, Accept, FromEnv), the fallback order, and the one
// catalog of messages every package shows to people (see catalog.go for
// how to add a message).
//
// It is a leaf: it imports nothing of tanu, so credential, sheet, batch,
// teachhub, verifier, httpapi and cmd/tanu can all import it.
package lang

import (
	"sort"
	"strconv"
	"strings"
)

// Tag is a supported language: KK, RU or EN. Its string is the code stored
// in credentials, programs and batches.
type Tag string

// The supported languages.
const (
	KK Tag = "kk" // Kazakh (Cyrillic)
	RU Tag = "ru" // Russian
	EN Tag = "en" // English
)

// Default is the language when nothing names one: Kazakh, the state
// language (an issuer may configure another default for its pages).
const Default = KK

// all is the fallback order: Kazakh, then Russian, then English.
var all = [...]Tag{KK, RU, EN}

// All returns the supported languages in fallback order: kk, ru, en.
func All() []Tag { return all[:] }

// Codes returns the supported language codes in fallback order.
func Codes() []string { return []string{string(KK), string(RU), string(EN)} }

// Valid reports whether s is exactly the code of a supported language
// (kk, ru or en), the form stored data and API fields must use.
func Valid(s string) bool {
	switch Tag(s) {
	case KK, RU, EN:
		return true
	}
	return false
}

// String returns the language code.
func (t Tag) String() string { return string(t) }

// Name is the language's name in itself, for language switches.
func (t Tag) Name() string {
	switch t {
	case RU:
		return "Русский"
	case EN:
		return "English"
	}
	return "Қазақша"
}

// Fallbacks returns t followed by the other languages in fallback order:
// the order in which to look for a text that may lack some languages.
func (t Tag) Fallbacks() []Tag {
	out := make([]Tag, 0, len(all))
	if Valid(string(t)) {
		out = append(out, t)
	}
	for _, x := range all {
		if x != t {
			out = append(out, x)
		}
	}
	return out
}

// aliases maps what people write for a language (lower case, without a
// region) to the language.
var aliases = map[string]Tag{
	"kk": KK, "kz": KK, "kaz": KK, "kazakh": KK, "қаз": KK, "қазақ": KK, "қазақша": KK, "қазақ тілі": KK,
	"каз": KK, "казахский": KK,
	"ru": RU, "rus": RU, "russian": RU, "рус": RU, "русский": RU, "орыс": RU, "орысша": RU, "орыс тілі": RU,
	"en": EN, "eng": EN, "english": EN, "англ": EN, "английский": EN, "ағылшын": EN, "ағылшынша": EN, "ағылшын тілі": EN,
}

// Aliases returns every name Parse accepts for a language (lower case,
// without a region), for readers that match names more loosely (a
// spreadsheet's language column).
func Aliases() map[string]Tag {
	out := make(map[string]Tag, len(aliases))
	for k, v := range aliases {
		out[k] = v
	}
	return out
}

// Parse reads a language as people and programs write it: a code with or
// without a region and in any case (kk, kk-KZ, KZ, ru_RU.UTF-8, en-US), or
// a name or abbreviation (қаз, қазақша, рус, русский, english). ok is false
// when s names no supported language.
func Parse(s string) (t Tag, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, ".@"); i >= 0 { // ru_RU.UTF-8, kk_KZ@cyrillic
		s = s[:i]
	}
	s = strings.TrimSuffix(s, ".")
	if t, ok := aliases[s]; ok {
		return t, true
	}
	if i := strings.IndexAny(s, "-_"); i > 0 {
		t, ok := aliases[s[:i]]
		return t, ok
	}
	return "", false
}

// ParseOr is Parse with a default for anything unknown or empty.
func ParseOr(s string, def Tag) Tag {
	if t, ok := Parse(s); ok {
		return t
	}
	return def
}

// maxAcceptEntries bounds the work spent on one Accept-Language header.
const maxAcceptEntries = 32

// Accept picks the supported language a browser prefers from an
// Accept-Language header ("ru-RU,ru;q=0.9,en;q=0.8"): the entry with the
// highest q-value that names a supported language (ties keep the header's
// order; q=0 means "not this one"). ok is false when none does.
func Accept(header string) (t Tag, ok bool) {
	type entry struct {
		tag Tag
		q   float64
	}
	var es []entry
	for i, part := range strings.Split(header, ",") {
		if i == maxAcceptEntries {
			break
		}
		name, params, _ := strings.Cut(part, ";")
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
			if strings.EqualFold(strings.TrimSpace(k), "q") {
				f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				if err != nil || f < 0 || f > 1 {
					f = 0
				}
				q = f
			}
		}
		tag, ok := Parse(name)
		if !ok || q == 0 {
			continue
		}
		es = append(es, entry{tag, q})
	}
	if len(es) == 0 {
		return "", false
	}
	sort.SliceStable(es, func(i, j int) bool { return es[i].q > es[j].q })
	return es[0].tag, true
}

// FromEnv picks the language of a command-line user from the POSIX locale
// variables, read through getenv: LC_ALL, then LC_MESSAGES, then LANG
// (LANGUAGE's first entry is tried before them). ok is false when none
// names a supported language (C, POSIX or an unset locale).
func FromEnv(getenv func(string) string) (t Tag, ok bool) {
	if first, _, _ := strings.Cut(getenv("LANGUAGE"), ":"); first != "" {
		if t, ok := Parse(first); ok {
			return t, true
		}
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			return Parse(v)
		}
	}
	return "", false
}
