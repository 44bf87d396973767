package lang

import (
	"fmt"
	"sort"
	"strings"
)

// Key names one message of the catalog. Keys are constants declared next
// to their messages, one file per area (page.go, verify.go, sheet.go, …),
// and spelled "area.what" so that a stray key printed on a page says
// where it comes from.
//
// # Adding a message
//
//  1. In the area's file (or a new file with a new map listed in catalog
//     below), declare the key with the others:
//
//     PageSomething Key = "page.something"
//
//  2. Add its wording in all three languages to the area's map:
//
//     PageSomething: {
//     KK: "…",
//     RU: "…",
//     EN: "…"},
//
//     Arguments are fmt verbs; when a language needs them in another order,
//     index them (%[2]s … %[1]s). Write Kazakh in Cyrillic; quote values
//     with straight double quotes in every language.
//
//  3. Show it with tag.T(lang.PageSomething, args...).
//
// TestCatalog fails when a declared key has no message, a message lacks a
// language, or the languages disagree on the arguments.
type Key string

// Message is one message in the three languages.
type Message struct {
	KK, RU, EN string
}

// In returns the wording in t (Kazakh for an unknown t).
func (m Message) In(t Tag) string {
	switch t {
	case RU:
		return m.RU
	case EN:
		return m.EN
	}
	return m.KK
}

// catalog is every message, merged from the areas' maps. It is built once
// and only read.
var catalog = merge(
	errorMessages,
	pageMessages,
	verifyMessages,
	documentMessages,
	accountMessages,
	nqfMessages,
	sheetMessages,
	batchMessages,
	teachhubMessages,
	issueMessages,
	programMessages,
	valueMessages,
	reportMessages,
	teachhubDatesMessages,
	consoleTeachHubMessages,
	cliMessages,
	organizationMessages,
	consoleMessages,
	consoleOrgMessages,
	consoleBatchMessages,
	consoleHomeMessages,
	consoleProgramMessages,
	consoleIssueMessages,
	consoleCredentialMessages,
	consoleAdminMessages,
	auditMessages,
	mailMessages,
	regdocMessages,
	catalogMessages,
	holderMessages,
	stackingMessages,
	consolePathwayMessages,
)

func merge(parts ...map[Key]Message) map[Key]Message {
	out := map[Key]Message{}
	for _, p := range parts {
		for k, m := range p {
			if _, dup := out[k]; dup {
				panic("lang: message " + string(k) + " is declared twice")
			}
			out[k] = m
		}
	}
	return out
}

// T returns message k in t, formatted with args (fmt verbs) when there are
// any. Arguments that are words of the catalog themselves (a Key, a
// []Key, a Phrase or a List) are said in t first. An unknown key is
// returned as is, so that it shows where it is missing.
func (t Tag) T(k Key, args ...any) string {
	m, ok := catalog[k]
	if !ok {
		return string(k)
	}
	s := m.In(t)
	if len(args) == 0 {
		return s
	}
	said := make([]any, len(args))
	for i, a := range args {
		said[i] = t.say(a)
	}
	return fmt.Sprintf(s, said...)
}

// Phrase is a message with its arguments, to be said inside another
// message (or on its own with Tag.Say).
type Phrase struct {
	Key  Key
	Args []any
}

// List is phrases said one after another, separated by "; ".
type List []Phrase

// Say returns the phrase in t.
func (t Tag) Say(p Phrase) string { return t.T(p.Key, p.Args...) }

// say turns an argument that is a word of the catalog into t's wording.
func (t Tag) say(a any) any {
	switch x := a.(type) {
	case Key:
		return t.T(x)
	case []Key:
		out := make([]string, len(x))
		for i, k := range x {
			out[i] = t.T(k)
		}
		return strings.Join(out, ", ")
	case Phrase:
		return t.Say(x)
	case List:
		out := make([]string, len(x))
		for i, p := range x {
			out[i] = t.Say(p)
		}
		return strings.Join(out, "; ")
	}
	return a
}

// Lookup returns the message of k in all languages.
func Lookup(k Key) (Message, bool) {
	m, ok := catalog[k]
	return m, ok
}

// Keys returns every key of the catalog, sorted.
func Keys() []Key {
	out := make([]Key, 0, len(catalog))
	for k := range catalog {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Area returns the messages whose keys start with prefix+"." in t, keyed
// by the rest of the key: Area("page") has "holder" for page.holder. Page
// templates read their wording from it.
func (t Tag) Area(prefix string) map[string]string {
	out := map[string]string{}
	for k, m := range catalog {
		if rest, ok := strings.CutPrefix(string(k), prefix+"."); ok {
			out[rest] = m.In(t)
		}
	}
	return out
}
