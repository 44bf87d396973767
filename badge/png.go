package badge

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math"
)

const (
	// PNGKeyword is the iTXt keyword of an Open Badges 3.0 credential.
	PNGKeyword = "openbadgecredential"
	// PNGKeywordOB2 is the iTXt keyword used by Open Badges 2.0.
	PNGKeywordOB2 = "openbadges"

	pngSignature = "\x89PNG\r\n\x1a\n"
	// maxChunkLen is the largest chunk length PNG allows (2^31-1).
	maxChunkLen = math.MaxInt32
)

// pngChunk is one chunk of a PNG: its type, data and the byte range it
// occupies in the file (length field to CRC inclusive).
type pngChunk struct {
	typ        string
	data       []byte
	start, end int
}

// pngChunkReader walks the chunks of a PNG held in memory. It never
// allocates from a declared length: every length is checked against the
// bytes actually present.
type pngChunkReader struct {
	img []byte
	off int
}

func newPNGChunkReader(img []byte) (*pngChunkReader, error) {
	if len(img) < len(pngSignature) || string(img[:len(pngSignature)]) != pngSignature {
		return nil, fmt.Errorf("%w: missing PNG signature", ErrNotPNG)
	}
	return &pngChunkReader{img: img, off: len(pngSignature)}, nil
}

// next returns the next chunk with its CRC verified.
func (r *pngChunkReader) next() (pngChunk, error) {
	rest := r.img[r.off:]
	if len(rest) < 12 {
		return pngChunk{}, fmt.Errorf("%w: truncated chunk header at offset %d", ErrCorruptPNG, r.off)
	}
	n := binary.BigEndian.Uint32(rest[:4])
	if n > maxChunkLen {
		return pngChunk{}, fmt.Errorf("%w: chunk length %d exceeds 2^31-1 at offset %d", ErrCorruptPNG, n, r.off)
	}
	if uint64(n) > uint64(len(rest)-12) {
		return pngChunk{}, fmt.Errorf("%w: chunk length %d exceeds the %d bytes left at offset %d",
			ErrCorruptPNG, n, len(rest)-12, r.off)
	}
	typ := rest[4:8]
	for _, c := range typ {
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z') {
			return pngChunk{}, fmt.Errorf("%w: invalid chunk type %q at offset %d", ErrCorruptPNG, typ, r.off)
		}
	}
	data := rest[8 : 8+n]
	want := binary.BigEndian.Uint32(rest[8+n : 12+n])
	if got := crc32.ChecksumIEEE(rest[4 : 8+n]); got != want {
		return pngChunk{}, fmt.Errorf("%w: %s chunk CRC %08x, computed %08x", ErrCorruptPNG, typ, want, got)
	}
	c := pngChunk{typ: string(typ), data: data, start: r.off, end: r.off + 12 + int(n)}
	r.off = c.end
	return c, nil
}

// itxt is a parsed iTXt chunk.
type itxt struct {
	keyword    string
	compressed bool
	text       []byte
}

// parseITXt splits iTXt chunk data: keyword NUL, compression flag,
// compression method, language tag NUL, translated keyword NUL, text.
func parseITXt(data []byte) (itxt, error) {
	kw, rest, ok := bytes.Cut(data, []byte{0})
	if !ok || len(kw) == 0 || len(kw) > 79 {
		return itxt{}, fmt.Errorf("%w: iTXt chunk without a valid keyword", ErrCorruptPNG)
	}
	if len(rest) < 2 {
		return itxt{}, fmt.Errorf("%w: truncated iTXt chunk %q", ErrCorruptPNG, kw)
	}
	flag, method := rest[0], rest[1]
	if flag > 1 || method != 0 {
		return itxt{}, fmt.Errorf("%w: iTXt chunk %q has compression flag %d, method %d", ErrCorruptPNG, kw, flag, method)
	}
	_, rest, ok = bytes.Cut(rest[2:], []byte{0}) // language tag
	if !ok {
		return itxt{}, fmt.Errorf("%w: iTXt chunk %q without language tag terminator", ErrCorruptPNG, kw)
	}
	_, text, ok := bytes.Cut(rest, []byte{0}) // translated keyword
	if !ok {
		return itxt{}, fmt.Errorf("%w: iTXt chunk %q without translated keyword terminator", ErrCorruptPNG, kw)
	}
	return itxt{keyword: string(kw), compressed: flag == 1, text: text}, nil
}

// isCredentialKeyword reports whether a text-chunk keyword marks a baked
// Open Badges credential (3.0 or 2.0).
func isCredentialKeyword(kw []byte) bool {
	return string(kw) == PNGKeyword || string(kw) == PNGKeywordOB2
}

// credentialKeyword returns the keyword of an iTXt chunk's data if it names
// a baked credential, without validating the rest of the chunk.
func credentialKeyword(data []byte) (string, bool) {
	kw, _, ok := bytes.Cut(data, []byte{0})
	if ok && isCredentialKeyword(kw) {
		return string(kw), true
	}
	return "", false
}

// ExtractPNG returns the credential baked into a PNG image: the text of the
// first iTXt chunk with keyword "openbadgecredential" (Open Badges 3.0) or
// "openbadges" (Open Badges 2.0). For a VC-JWT credential that text is the
// compact JWS. Chunks are read up to that chunk and their CRCs verified.
//
// It returns an error wrapping ErrNotPNG if img is not a PNG,
// ErrCorruptPNG if its chunks are malformed (including a compressed
// credential chunk, which Open Badges forbids), and ErrNoCredential if it
// reaches IEND without finding a credential.
func ExtractPNG(img []byte) (string, error) {
	r, err := newPNGChunkReader(img)
	if err != nil {
		return "", err
	}
	for i := 0; ; i++ {
		c, err := r.next()
		if err != nil {
			return "", err
		}
		if i == 0 && c.typ != "IHDR" {
			return "", fmt.Errorf("%w: first chunk is %s, not IHDR", ErrNotPNG, c.typ)
		}
		switch c.typ {
		case "IEND":
			return "", ErrNoCredential
		case "iTXt":
			if _, ok := credentialKeyword(c.data); !ok {
				continue
			}
			t, err := parseITXt(c.data)
			if err != nil {
				return "", err
			}
			if t.compressed {
				return "", fmt.Errorf("%w: credential iTXt chunk is compressed", ErrCorruptPNG)
			}
			return string(t.text), nil
		}
	}
}

// BakePNG returns a copy of img with jws baked in: one iTXt chunk, keyword
// "openbadgecredential", uncompressed, with empty language tag and
// translated keyword, placed right after IHDR. Any credential chunks
// already present (iTXt "openbadgecredential" or "openbadges") are
// removed, so re-baking replaces the credential. All other bytes, including
// anything after IEND, are kept as they are.
//
// img must be a structurally valid PNG (signature, IHDR first, correct
// CRCs, IEND present); jws must be a compact JWS.
func BakePNG(img []byte, jws string) ([]byte, error) {
	if err := checkCompactJWS(jws); err != nil {
		return nil, err
	}
	r, err := newPNGChunkReader(img)
	if err != nil {
		return nil, err
	}
	var (
		ihdrEnd int
		drop    [][2]int // byte ranges of old credential chunks
	)
	for i := 0; ; i++ {
		c, err := r.next()
		if err != nil {
			return nil, err
		}
		if i == 0 {
			if c.typ != "IHDR" {
				return nil, fmt.Errorf("%w: first chunk is %s, not IHDR", ErrNotPNG, c.typ)
			}
			ihdrEnd = c.end
		}
		if c.typ == "iTXt" {
			if _, ok := credentialKeyword(c.data); ok {
				drop = append(drop, [2]int{c.start, c.end})
			}
		}
		if c.typ == "IEND" {
			break
		}
	}
	chunk := credentialChunk(jws)
	out := make([]byte, 0, len(img)+len(chunk))
	out = append(out, img[:ihdrEnd]...)
	out = append(out, chunk...)
	prev := ihdrEnd
	for _, d := range drop {
		out = append(out, img[prev:d[0]]...)
		prev = d[1]
	}
	out = append(out, img[prev:]...)
	return out, nil
}

// credentialChunk returns the complete iTXt chunk (length, type, data,
// CRC) carrying text under PNGKeyword.
func credentialChunk(text string) []byte {
	// keyword NUL, compression flag 0, method 0, empty language tag NUL,
	// empty translated keyword NUL, text.
	n := len(PNGKeyword) + 5 + len(text)
	c := make([]byte, 0, 12+n)
	c = binary.BigEndian.AppendUint32(c, uint32(n))
	c = append(c, "iTXt"...)
	c = append(c, PNGKeyword...)
	c = append(c, 0, 0, 0, 0, 0)
	c = append(c, text...)
	return binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(c[4:]))
}
