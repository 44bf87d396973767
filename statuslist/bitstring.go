package statuslist

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"
)

const (
	// MinEntries is the minimum number of entries of a status list required
	// by Bitstring Status List v1.0 (16 KiB of bits).
	MinEntries = 131072

	// MaxDecodedBytes is the hard cap on the decompressed size of an
	// encodedList accepted by [Decode]; it bounds memory use against gzip
	// bombs. 16 MiB is 134,217,728 entries.
	MaxDecodedBytes = 16 << 20

	// multibasePrefix is the multibase code for base64url without padding.
	multibasePrefix = "u"

	// gzipOSUnix is the gzip header OS byte (RFC 1952: 3 = Unix) used by the
	// W3C test vector; Go's default is 255 (unknown).
	gzipOSUnix = 3
)

// Errors reported by this package. They are wrapped with context, so
// compare with [errors.Is].
var (
	// ErrInvalidSize reports a list size that is below MinEntries, not a
	// multiple of 8 or above the decoding cap.
	ErrInvalidSize = errors.New("statuslist: invalid list size")
	// ErrRange reports an index outside the list (RANGE_ERROR in the spec).
	ErrRange = errors.New("statuslist: index out of range")
	// ErrEncoding reports a malformed encodedList: missing multibase prefix,
	// bad base64url or data that is not GZIP.
	ErrEncoding = errors.New("statuslist: malformed encodedList")
	// ErrTooShort reports a decoded list with fewer entries than required.
	ErrTooShort = errors.New("statuslist: list too short")
	// ErrTooLarge reports an encodedList whose decompressed size exceeds
	// MaxDecodedBytes.
	ErrTooLarge = errors.New("statuslist: decompressed list too large")
)

// Bitstring is a status list: a fixed-length sequence of one-bit entries,
// entry 0 being the most significant bit of the first byte. The zero value
// is an empty list; use [New] or [Decode] to obtain a usable one. A
// Bitstring is not safe for concurrent mutation.
type Bitstring struct {
	bits []byte
}

// New returns an all-zero list of size entries. size must be at least
// MinEntries, a multiple of 8, and at most 8*MaxDecodedBytes.
func New(size int) (*Bitstring, error) {
	if size < MinEntries || size%8 != 0 || size > 8*MaxDecodedBytes {
		return nil, fmt.Errorf("%w: %d entries (want a multiple of 8 in [%d, %d])",
			ErrInvalidSize, size, MinEntries, 8*MaxDecodedBytes)
	}
	return &Bitstring{bits: make([]byte, size/8)}, nil
}

// Len returns the number of entries in the list.
func (b *Bitstring) Len() int { return len(b.bits) * 8 }

// Set sets entry i to v (true = revoked or suspended). It panics if i is
// outside [0, Len()), like a slice index; use [Bitstring.Lookup] to check
// untrusted indices.
func (b *Bitstring) Set(i int, v bool) {
	mask := byte(0x80) >> (uint(i) % 8)
	if v {
		b.bits[i/8] |= mask
	} else {
		b.bits[i/8] &^= mask
	}
}

// Get reports whether entry i is set. It panics if i is outside [0, Len()).
func (b *Bitstring) Get(i int) bool {
	return b.bits[i/8]&(0x80>>(uint(i)%8)) != 0
}

// Lookup reports whether entry i is set, returning ErrRange instead of
// panicking when i is outside the list (a verifier's RANGE_ERROR).
func (b *Bitstring) Lookup(i int) (bool, error) {
	if i < 0 || i >= b.Len() {
		return false, fmt.Errorf("%w: index %d, list has %d entries", ErrRange, i, b.Len())
	}
	return b.Get(i), nil
}

// Bytes returns a copy of the raw bitstring.
func (b *Bitstring) Bytes() []byte { return bytes.Clone(b.bits) }

// Encode returns the encodedList form of the list: "u" followed by the
// unpadded base64url encoding of the GZIP-compressed bitstring. The output
// is deterministic: the GZIP header has no modification time and no name,
// and its OS byte is 3 (Unix), as in the W3C test vector.
func (b *Bitstring) Encode() (string, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	if err != nil {
		return "", fmt.Errorf("statuslist: gzip writer: %w", err)
	}
	zw.OS = gzipOSUnix
	if _, err := zw.Write(b.bits); err != nil {
		return "", fmt.Errorf("statuslist: compress: %w", err)
	}
	if err := zw.Close(); err != nil {
		return "", fmt.Errorf("statuslist: compress: %w", err)
	}
	return multibasePrefix + base64.RawURLEncoding.EncodeToString(buf.Bytes()), nil
}

// Decode parses an encodedList value. It checks the multibase "u" prefix,
// decodes unpadded base64url, decompresses GZIP with a hard cap of
// MaxDecodedBytes, and rejects lists with fewer than minEntries entries.
// A minEntries of 0 or less means MinEntries.
func Decode(s string, minEntries int) (*Bitstring, error) {
	return DecodeLimit(s, minEntries, MaxDecodedBytes)
}

// DecodeLimit is Decode with a smaller cap than MaxDecodedBytes on the
// decompressed size (maxBytes <= 0 or above MaxDecodedBytes means
// MaxDecodedBytes): what a verifier fetching other issuers' lists uses.
func DecodeLimit(s string, minEntries, maxBytes int) (*Bitstring, error) {
	if maxBytes <= 0 || maxBytes > MaxDecodedBytes {
		maxBytes = MaxDecodedBytes
	}
	if minEntries <= 0 {
		minEntries = MinEntries
	}
	rest, ok := strings.CutPrefix(s, multibasePrefix)
	if !ok {
		return nil, fmt.Errorf("%w: missing multibase prefix %q", ErrEncoding, multibasePrefix)
	}
	// GZIP of n bytes is never much longer than n (stored blocks cost 5
	// bytes per 64 KiB), so a longer input cannot hold an acceptable list;
	// refuse it before allocating.
	if base64.RawURLEncoding.DecodedLen(len(rest)) > maxBytes+maxBytes/1024+1024 {
		return nil, fmt.Errorf("%w: encodedList of %d characters", ErrTooLarge, len(s))
	}
	raw, err := base64.RawURLEncoding.DecodeString(rest)
	if err != nil {
		return nil, fmt.Errorf("%w: base64url: %w", ErrEncoding, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("%w: gzip: %w", ErrEncoding, err)
	}
	defer zr.Close()
	bits, err := io.ReadAll(io.LimitReader(zr, int64(maxBytes)+1))
	if err != nil {
		return nil, fmt.Errorf("%w: gzip: %w", ErrEncoding, err)
	}
	if len(bits) > maxBytes {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, maxBytes)
	}
	if len(bits)*8 < minEntries {
		return nil, fmt.Errorf("%w: %d entries, need at least %d", ErrTooShort, len(bits)*8, minEntries)
	}
	return &Bitstring{bits: bits}, nil
}
