// Package dataintegrity makes and checks W3C Data Integrity proofs of the
// eddsa-rdfc-2022 cryptosuite: the document and the proof options are
// canonicalized (JSON-LD to RDF, then RDFC-1.0, with
// github.com/piprate/json-gold), hashed with SHA-256 and signed with
// Ed25519. Contexts come only from the embedded set (see Loader): nothing is
// fetched, unknown contexts and undefined terms are refused, and the
// canonicalization of untrusted input is bounded.
package dataintegrity

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/piprate/json-gold/ld"
)

// The proof type and cryptosuite this package implements.
const (
	ProofType   = "DataIntegrityProof"
	Cryptosuite = "eddsa-rdfc-2022"
	// PurposeAssertion is the proof purpose of credentials.
	PurposeAssertion = "assertionMethod"
)

// Limits of canonicalization, so that no input takes unbounded CPU or
// memory: RDFC-1.0 is exponential in the number of blank nodes it cannot
// tell apart by their own statements.
const (
	MaxQuads      = 4096
	MaxBlankNodes = 512
	// MaxAmbiguousBlankNodes bounds blank nodes that no refinement of
	// their neighbourhoods tells apart (symmetric structures).
	MaxAmbiguousBlankNodes = 8
	// MaxInterchangeable bounds the neighbours of one blank node that are
	// related to it in the same way and look alike.
	MaxInterchangeable = 4
)

// ErrInvalid marks a document or proof that does not verify or cannot be
// processed; the message says why.
var ErrInvalid = errors.New("dataintegrity")

func invalidf(format string, a ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInvalid}, a...)...)
}

// Proof is an embedded DataIntegrityProof. Field order follows the
// specification's examples.
type Proof struct {
	Type               string `json:"type"`
	Cryptosuite        string `json:"cryptosuite"`
	Created            string `json:"created,omitempty"`
	VerificationMethod string `json:"verificationMethod"`
	ProofPurpose       string `json:"proofPurpose"`
	ProofValue         string `json:"proofValue,omitempty"`
}

// Suite canonicalizes, signs and verifies. It is safe for concurrent use.
type Suite struct {
	loader *Loader
	// proofHashes remembers the hash of canonical proof options: a batch
	// signs thousands of credentials with the same options.
	mu          sync.Mutex
	proofHashes map[string][32]byte
}

// maxProofHashes bounds the proof options cache.
const maxProofHashes = 256

// New returns a suite whose documents may name the embedded contexts and
// the extra ones given (URL → JSON).
func New(extra map[string][]byte) (*Suite, error) {
	l, err := NewLoader(extra)
	if err != nil {
		return nil, err
	}
	return &Suite{loader: l, proofHashes: map[string][32]byte{}}, nil
}

// Loader returns the suite's document loader.
func (s *Suite) Loader() *Loader { return s.loader }

func (s *Suite) options() *ld.JsonLdOptions {
	o := ld.NewJsonLdOptions("")
	o.DocumentLoader = s.loader
	o.ProcessingMode = ld.JsonLd_1_1
	o.SafeMode = true
	o.Algorithm = ld.AlgorithmURDNA2015
	o.Format = "application/n-quads"
	return o
}

// Canonicalize returns the RDFC-1.0 canonical N-Quads of a JSON-LD
// document (as decoded by encoding/json). It fails on unknown contexts,
// terms no context defines, and documents over the limits.
func (s *Suite) Canonicalize(doc map[string]any) (string, error) {
	opts := s.options()
	expanded, err := ld.NewJsonLdProcessor().Expand(doc, opts)
	if err != nil {
		return "", invalidf("JSON-LD expansion: %v", err)
	}
	if err := checkExpanded(expanded); err != nil {
		return "", err
	}
	ds, err := ld.NewJsonLdApi().ToRDF(expanded, opts)
	if err != nil {
		return "", invalidf("JSON-LD to RDF: %v", err)
	}
	if err := checkBudget(ds); err != nil {
		return "", err
	}
	// Normalize, then serialize the sorted, relabelled quads ourselves:
	// json-gold's Main joins the lines by repeated string concatenation.
	na := ld.NewNormalisationAlgorithm(ld.AlgorithmURDNA2015)
	na.Normalize(ds)
	var b strings.Builder
	ser := &ld.NQuadRDFSerializer{}
	one := &ld.RDFDataset{Graphs: map[string][]*ld.Quad{}}
	for _, q := range na.Quads() {
		g := "@default"
		if q.Graph != nil {
			g = q.Graph.GetValue()
		}
		clear(one.Graphs)
		one.Graphs[g] = []*ld.Quad{q}
		if err := ser.SerializeTo(&b, one); err != nil {
			return "", invalidf("canonicalization: %v", err)
		}
	}
	return b.String(), nil
}

// checkExpanded refuses types that did not expand to absolute IRIs (a type
// no context defines), as a JSON-LD processor in safe mode does.
func checkExpanded(v any) error {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if err := checkExpanded(e); err != nil {
				return err
			}
		}
	case map[string]any:
		for k, e := range x {
			if k == "@type" {
				if _, isValue := x["@value"]; isValue {
					continue
				}
				types, _ := e.([]any)
				for _, t := range types {
					if ts, _ := t.(string); !strings.Contains(ts, ":") {
						return invalidf("type %q is not defined by any context", ts)
					}
				}
				continue
			}
			if k == "@value" {
				continue
			}
			if err := checkExpanded(e); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkBudget bounds the dataset before RDFC-1.0 runs on it. Blank nodes
// that their own statements do not tell apart (same first-degree hash) go
// through RDFC-1.0's n-degree step, whose cost grows with the factorial of
// the number of such nodes related to one node in the same way. Ordinary
// documents have them only along chains anchored at distinct IRIs (JSON-LD
// lists repeated under several results): a colour refinement over the
// graph separates those in a few rounds. Documents where it cannot (poison
// graphs) or where one node has many interchangeable neighbours are refused.
func checkBudget(ds *ld.RDFDataset) error {
	n := 0
	fd := map[string][]string{}
	type edge struct{ label, other string }
	edges := map[string][]edge{}
	for g, quads := range ds.Graphs {
		n += len(quads)
		if n > MaxQuads {
			return invalidf("the document has more than %d statements", MaxQuads)
		}
		for _, q := range quads {
			s, o := q.Subject, q.Object
			for _, node := range []ld.Node{s, o} {
				if ld.IsBlankNode(node) {
					id := node.GetValue()
					fd[id] = append(fd[id], g+" "+firstDegree(q, id))
				}
			}
			if strings.HasPrefix(g, "_:") {
				fd[g] = append(fd[g], "graph "+firstDegree(q, g))
			}
			if ld.IsBlankNode(s) && ld.IsBlankNode(o) {
				p := q.Predicate.GetValue()
				edges[s.GetValue()] = append(edges[s.GetValue()], edge{"s " + p, o.GetValue()})
				edges[o.GetValue()] = append(edges[o.GetValue()], edge{"o " + p, s.GetValue()})
			}
		}
	}
	if len(fd) > MaxBlankNodes {
		return invalidf("the document has more than %d blank nodes", MaxBlankNodes)
	}
	class := map[string]string{}
	for id, qs := range fd {
		sort.Strings(qs)
		h := sha256.Sum256([]byte(strings.Join(qs, "\n")))
		class[id] = string(h[:])
	}
	countAmbiguous := func() (map[string]bool, int) {
		size := map[string]int{}
		for _, c := range class {
			size[c]++
		}
		amb, k := map[string]bool{}, 0
		for id, c := range class {
			if size[c] > 1 {
				amb[id] = true
				k++
			}
		}
		return amb, k
	}
	amb, k := countAmbiguous()
	// Interchangeable neighbours of one node: the n-degree step permutes them.
	for id := range amb {
		groups := map[string]int{}
		for _, e := range edges[id] {
			if amb[e.other] {
				key := e.label + " " + class[e.other]
				groups[key]++
				if groups[key] > MaxInterchangeable {
					return invalidf("a blank node has more than %d neighbours only their neighbours tell apart", MaxInterchangeable)
				}
			}
		}
	}
	for round := 0; k > 0 && round < len(fd); round++ {
		next := make(map[string]string, len(class))
		for id, c := range class {
			var parts []string
			for _, e := range edges[id] {
				parts = append(parts, e.label+" "+class[e.other])
			}
			sort.Strings(parts)
			h := sha256.Sum256([]byte(c + strings.Join(parts, "\n")))
			next[id] = string(h[:])
		}
		class = next
		_, k2 := countAmbiguous()
		if k2 == k {
			break
		}
		k = k2
	}
	if k > MaxAmbiguousBlankNodes {
		return invalidf("the document has %d blank nodes that nothing tells apart (limit %d)", k, MaxAmbiguousBlankNodes)
	}
	return nil
}

// firstDegree describes a quad with blank node id as _:a and others as
// _:z, as RDFC-1.0's first-degree hash sees it.
func firstDegree(q *ld.Quad, id string) string {
	term := func(n ld.Node) string {
		if n == nil {
			return ""
		}
		if ld.IsBlankNode(n) {
			if n.GetValue() == id {
				return "_:a"
			}
			return "_:z"
		}
		if l, ok := n.(ld.Literal); ok {
			return fmt.Sprintf("%q^^%s@%s", l.Value, l.Datatype, l.Language)
		}
		return "<" + n.GetValue() + ">"
	}
	return term(q.Subject) + " " + term(q.Predicate) + " " + term(q.Object)
}

// HashData is the eddsa-rdfc-2022 hash: SHA-256 of the canonical proof
// configuration followed by SHA-256 of the canonical document.
func (s *Suite) HashData(doc map[string]any, proofConfig map[string]any) ([]byte, error) {
	ph, err := s.proofHash(proofConfig)
	if err != nil {
		return nil, err
	}
	dc, err := s.Canonicalize(doc)
	if err != nil {
		return nil, err
	}
	dh := sha256.Sum256([]byte(dc))
	return append(ph[:], dh[:]...), nil
}

// proofHash hashes the canonical proof options, remembering the result by
// their JSON form.
func (s *Suite) proofHash(proofConfig map[string]any) ([32]byte, error) {
	key, err := json.Marshal(proofConfig) // sorted keys: one form per value
	if err != nil {
		return [32]byte{}, invalidf("proof options: %v", err)
	}
	s.mu.Lock()
	h, ok := s.proofHashes[string(key)]
	s.mu.Unlock()
	if ok {
		return h, nil
	}
	pc, err := s.Canonicalize(proofConfig)
	if err != nil {
		return [32]byte{}, fmt.Errorf("proof options: %w", err)
	}
	h = sha256.Sum256([]byte(pc))
	s.mu.Lock()
	if len(s.proofHashes) >= maxProofHashes {
		clear(s.proofHashes)
	}
	s.proofHashes[string(key)] = h
	s.mu.Unlock()
	return h, nil
}

// proofConfig is the proof without its value, with the document's
// @context, as the cryptosuite canonicalizes it.
func proofConfig(doc map[string]any, p Proof) (map[string]any, error) {
	p.ProofValue = ""
	b, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	if c, ok := doc["@context"]; ok {
		m["@context"] = c
	}
	return m, nil
}

// withoutProof returns a shallow copy of doc without its proof member.
func withoutProof(doc map[string]any) map[string]any {
	out := make(map[string]any, len(doc))
	for k, v := range doc {
		if k != "proof" {
			out[k] = v
		}
	}
	return out
}

// Signer signs the hash data with the private half of the Ed25519 key
// named by VerificationMethod.
type Signer interface {
	// SignEd25519 returns the Ed25519 signature of msg.
	SignEd25519(msg []byte) ([]byte, error)
	// VerificationMethod is the DID URL of the key.
	VerificationMethod() string
}

// Sign returns the proof of doc (any proof member of doc is ignored),
// created at the given time.
func (s *Suite) Sign(doc map[string]any, signer Signer, created time.Time) (*Proof, error) {
	p := Proof{Type: ProofType, Cryptosuite: Cryptosuite, Created: created.UTC().Format(time.RFC3339),
		VerificationMethod: signer.VerificationMethod(), ProofPurpose: PurposeAssertion}
	return s.SignWith(doc, p, signer)
}

// SignWith completes the proof options p (type, cryptosuite, created,
// verificationMethod, proofPurpose) with the proof value.
func (s *Suite) SignWith(doc map[string]any, p Proof, signer Signer) (*Proof, error) {
	doc, err := asJSON(withoutProof(doc))
	if err != nil {
		return nil, err
	}
	pc, err := proofConfig(doc, p)
	if err != nil {
		return nil, err
	}
	h, err := s.HashData(doc, pc)
	if err != nil {
		return nil, err
	}
	sig, err := signer.SignEd25519(h)
	if err != nil {
		return nil, fmt.Errorf("dataintegrity: sign: %w", err)
	}
	p.ProofValue = "z" + Base58Encode(sig)
	return &p, nil
}

// asJSON returns doc as encoding/json decodes it (numbers float64, arrays
// []any), the only form the JSON-LD processor reads.
func asJSON(doc map[string]any) (map[string]any, error) {
	b, err := json.Marshal(doc)
	if err != nil {
		return nil, invalidf("the document is not JSON: %v", err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, invalidf("the document is not JSON: %v", err)
	}
	return m, nil
}

// ProofOf reads the single eddsa-rdfc-2022 proof of a document.
func ProofOf(doc map[string]any) (*Proof, error) {
	raw, ok := doc["proof"]
	if !ok {
		return nil, invalidf("the document has no proof")
	}
	if arr, ok := raw.([]any); ok {
		var found []any
		for _, x := range arr {
			if m, ok := x.(map[string]any); ok && m["type"] == ProofType && m["cryptosuite"] == Cryptosuite {
				found = append(found, x)
			}
		}
		if len(found) != 1 {
			return nil, invalidf("expected exactly one %s proof, found %d", Cryptosuite, len(found))
		}
		raw = found[0]
	}
	b, err := json.Marshal(raw)
	if err != nil {
		return nil, invalidf("proof: %v", err)
	}
	var p Proof
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, invalidf("the proof is malformed: %v", err)
	}
	if p.Type != ProofType || p.Cryptosuite != Cryptosuite {
		return nil, invalidf("the proof is %s/%s, not %s/%s", p.Type, p.Cryptosuite, ProofType, Cryptosuite)
	}
	if p.VerificationMethod == "" || p.ProofPurpose == "" || p.ProofValue == "" {
		return nil, invalidf("the proof needs verificationMethod, proofPurpose and proofValue")
	}
	if p.Created != "" {
		if _, err := time.Parse(time.RFC3339, p.Created); err != nil {
			return nil, invalidf("the proof's created is not a date-time: %q", p.Created)
		}
	}
	return &p, nil
}

// Verify checks the eddsa-rdfc-2022 proof of doc with pub. The caller
// decides whether pub is the key of p.VerificationMethod and whether the
// method may assert for the document's issuer.
func (s *Suite) Verify(doc map[string]any, p *Proof, pub ed25519.PublicKey) error {
	if len(pub) != ed25519.PublicKeySize {
		return invalidf("the key is not an Ed25519 public key")
	}
	if !strings.HasPrefix(p.ProofValue, "z") {
		return invalidf("proofValue must be base58btc multibase (z…)")
	}
	sig, err := Base58Decode(p.ProofValue[1:])
	if err != nil || len(sig) != ed25519.SignatureSize {
		return invalidf("proofValue is not a 64-byte Ed25519 signature")
	}
	body := withoutProof(doc)
	pc, err := proofConfig(body, *p)
	if err != nil {
		return err
	}
	h, err := s.HashData(body, pc)
	if err != nil {
		return err
	}
	if !ed25519.Verify(pub, h, sig) {
		return invalidf("the signature does not match the content")
	}
	return nil
}
