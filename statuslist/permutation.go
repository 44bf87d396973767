package statuslist

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
)

const (
	// MinKeyLen is the minimum key length accepted by [NewPermutation].
	MinKeyLen = 16

	// MaxPermutationSize is the largest domain accepted by [NewPermutation].
	MaxPermutationSize = 1 << 24

	// feistelRounds is the number of Feistel rounds. Luby–Rackoff needs 4
	// for a strong pseudo-random permutation asymptotically; small domains
	// warrant more.
	feistelRounds = 8

	// permDomain separates the round-function inputs from any other HMAC use
	// of the same key.
	permDomain = "tanu/statuslist/permutation/v1"
)

// Errors reported by [NewPermutation].
var (
	// ErrInvalidKey reports a permutation key shorter than MinKeyLen.
	ErrInvalidKey = errors.New("statuslist: permutation key too short")
	// ErrInvalidDomain reports a permutation size outside [2, MaxPermutationSize].
	ErrInvalidDomain = errors.New("statuslist: invalid permutation size")
)

// Permutation is a keyed pseudo-random permutation of [0, n). The k-th
// credential placed in a status list gets index Index(k): distinct k give
// distinct indices, and without the key the indices reveal nothing about
// the order in which credentials were issued.
//
// It is a balanced Feistel network of feistelRounds rounds on the smallest
// even number of bits covering n, with HMAC-SHA256 as round function and
// cycle-walking to stay inside [0, n). Round-function outputs are
// precomputed, so Index is cheap. A Permutation is immutable and safe for
// concurrent use.
type Permutation struct {
	n    int
	half uint     // bits per Feistel half
	mask uint32   // (1<<half) - 1
	f    []uint16 // f[r<<half | x] = round function r applied to x
}

// NewPermutation returns the permutation of [0, n) selected by key. key must
// be a secret of at least MinKeyLen bytes (keep it with the status list: a
// different key gives a different, unrelated order). n must be in
// [2, MaxPermutationSize]; for a status list it is the list's length.
func NewPermutation(key []byte, n int) (*Permutation, error) {
	if len(key) < MinKeyLen {
		return nil, fmt.Errorf("%w: %d bytes, need %d", ErrInvalidKey, len(key), MinKeyLen)
	}
	if n < 2 || n > MaxPermutationSize {
		return nil, fmt.Errorf("%w: %d (want 2..%d)", ErrInvalidDomain, n, MaxPermutationSize)
	}
	half := uint(1)
	for uint64(1)<<(2*half) < uint64(n) {
		half++
	}
	p := &Permutation{
		n:    n,
		half: half,
		mask: 1<<half - 1,
		f:    make([]uint16, feistelRounds<<half),
	}
	mac := hmac.New(sha256.New, key)
	var msg [len(permDomain) + 1 + 4 + 4]byte
	copy(msg[:], permDomain)
	var sum [sha256.Size]byte
	for r := range feistelRounds {
		for x := range 1 << half {
			msg[len(permDomain)] = byte(r)
			binary.BigEndian.PutUint32(msg[len(permDomain)+1:], uint32(n))
			binary.BigEndian.PutUint32(msg[len(permDomain)+5:], uint32(x))
			mac.Reset()
			mac.Write(msg[:])
			out := mac.Sum(sum[:0])
			p.f[r<<half|x] = binary.BigEndian.Uint16(out) & uint16(p.mask)
		}
	}
	return p, nil
}

// Size returns n, the size of the permuted domain.
func (p *Permutation) Size() int { return p.n }

// Index returns the position of the k-th element, k in [0, n). It returns
// an error wrapping ErrRange if k is outside that range.
func (p *Permutation) Index(k int) (int, error) {
	if k < 0 || k >= p.n {
		return 0, fmt.Errorf("%w: %d not in [0, %d)", ErrRange, k, p.n)
	}
	// Cycle-walking: the Feistel network permutes [0, 4^half) ⊇ [0, n);
	// iterating it from k < n reaches an element below n again, and
	// distinct k reach distinct elements.
	x := uint32(k)
	for {
		x = p.feistel(x)
		if int(x) < p.n {
			return int(x), nil
		}
	}
}

func (p *Permutation) feistel(x uint32) uint32 {
	l, r := x>>p.half, x&p.mask
	for round := range feistelRounds {
		l, r = r, l^uint32(p.f[uint(round)<<p.half|uint(r)])
	}
	return l<<p.half | r
}
