package dataintegrity

import (
	"embed"
	"encoding/json"
	"fmt"
	"maps"

	"github.com/piprate/json-gold/ld"
)

//go:embed contexts
var contextFS embed.FS

// Context URLs embedded in the binary. They are the only remote contexts a
// document may name: the loader never fetches.
const (
	ContextVC2        = "https://www.w3.org/ns/credentials/v2"
	ContextOB3        = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
	ContextExtensions = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
	ContextCLR2       = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"
)

// embedded maps each known context URL to its file under contexts/.
var embedded = map[string]string{
	ContextVC2:        "w3c_credentials_v2.jsonld",
	ContextOB3:        "ob_v3p0_context-3.0.3.json",
	ContextExtensions: "ob_v3p0_extensions.json",
	ContextCLR2:       "clr_v2p0_context-2.0.1.json",
}

// Loader is a JSON-LD document loader that serves a fixed set of contexts
// from memory and refuses every other URL. It never touches the network.
type Loader struct {
	docs map[string]any
}

// NewLoader returns a loader of the embedded contexts plus extra ones
// (URL → JSON document), e.g. for tests.
func NewLoader(extra map[string][]byte) (*Loader, error) {
	l := &Loader{docs: map[string]any{}}
	for u, name := range embedded {
		b, err := contextFS.ReadFile("contexts/" + name)
		if err != nil {
			return nil, fmt.Errorf("dataintegrity: context %s: %w", u, err)
		}
		if err := l.add(u, b); err != nil {
			return nil, err
		}
	}
	for u, b := range extra {
		if err := l.add(u, b); err != nil {
			return nil, err
		}
	}
	return l, nil
}

func (l *Loader) add(u string, b []byte) error {
	var doc any
	if err := json.Unmarshal(b, &doc); err != nil {
		return fmt.Errorf("dataintegrity: context %s: %w", u, err)
	}
	l.docs[u] = doc
	return nil
}

// LoadDocument implements ld.DocumentLoader.
func (l *Loader) LoadDocument(u string) (*ld.RemoteDocument, error) {
	doc, ok := l.docs[u]
	if !ok {
		return nil, ld.NewJsonLdError(ld.LoadingDocumentFailed, fmt.Sprintf("context %s is not one tanu knows (contexts are never fetched)", u))
	}
	return &ld.RemoteDocument{DocumentURL: u, Document: doc}, nil
}

// Known reports whether the loader serves u.
func (l *Loader) Known(u string) bool { _, ok := l.docs[u]; return ok }

// URLs returns the context URLs the loader serves.
func (l *Loader) URLs() []string {
	var out []string
	for u := range maps.Keys(l.docs) {
		out = append(out, u)
	}
	return out
}

// ContextDocument returns an embedded context by URL, as published.
func ContextDocument(u string) ([]byte, bool) {
	name, ok := embedded[u]
	if !ok {
		return nil, false
	}
	b, err := contextFS.ReadFile("contexts/" + name)
	return b, err == nil
}
