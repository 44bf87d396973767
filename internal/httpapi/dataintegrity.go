package httpapi

import (
	"encoding/json"
	"sync"

	"github.com/tanu-edu/tanu/credential"
)

// Media types. tanu's JWS headers say typ JWT, as Open Badges 3.0
// requires, so every compact JWS it serves (credential.jwt, status lists,
// the PDF attachment) is labelled application/jwt (RFC 7519); the JSON
// forms (credential.json, a status list asked for as JSON) are JSON-LD
// documents with an embedded proof, application/ld+json when asked for by
// that name, else application/json. See docs/data-integrity.md.
const (
	MediaTypeJWT    = "application/jwt"
	MediaTypeJSON   = "application/json"
	MediaTypeJSONLD = "application/ld+json"
)

// docCache keeps documents whose proofs were made (they never change: the
// same key and date give the same bytes), bounded.
type docCache struct {
	mu   sync.Mutex
	max  int
	docs map[string][]byte
}

func newDocCache(max int) *docCache { return &docCache{max: max, docs: map[string][]byte{}} }

func (d *docCache) get(k string) ([]byte, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	b, ok := d.docs[k]
	return b, ok
}

func (d *docCache) put(k string, b []byte) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.docs) >= d.max {
		clear(d.docs)
	}
	d.docs[k] = b
}

// securedJSON is credential.json: the credential with its Data Integrity
// proof (credentials issued before the DID: without).
func (s *Server) securedJSON(r *credential.Record) ([]byte, error) {
	if b, ok := s.secured.get(r.ID); ok {
		return b, nil
	}
	doc, _, err := s.issuer.SecuredDocument(r)
	if err != nil {
		return nil, err
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	s.secured.put(r.ID, b)
	return b, nil
}

// securedDocument is securedJSON decoded, for the API.
func (s *Server) securedDocument(r *credential.Record) map[string]any {
	b, err := s.securedJSON(r)
	if err != nil {
		return nil
	}
	var m map[string]any
	if json.Unmarshal(b, &m) != nil {
		return nil
	}
	return m
}
