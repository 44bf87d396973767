package badge

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"testing"
)

// testJWS returns a syntactically valid compact JWS whose payload carries
// tag, so different tags give different tokens.
func testJWS(tag string) string {
	enc := base64.RawURLEncoding
	return enc.EncodeToString([]byte(`{"alg":"EdDSA","typ":"JWT","kid":"did:web:tanu.kz#key-1"}`)) + "." +
		enc.EncodeToString([]byte(`{"iss":"did:web:tanu.kz","jti":"urn:uuid:`+tag+`"}`)) + "." +
		enc.EncodeToString(bytes.Repeat([]byte(tag), 64/len(tag)+1)[:64])
}

// testPNG encodes a small opaque gradient image.
func testPNG(t testing.TB) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 16, 12))
	for y := range 12 {
		for x := range 16 {
			img.SetNRGBA(x, y, color.NRGBA{uint8(x * 16), uint8(y * 20), 128, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// crcIEEE is a bit-by-bit CRC-32 (ISO 3309 / PNG), independent of
// hash/crc32.
func crcIEEE(b []byte) uint32 {
	c := ^uint32(0)
	for _, x := range b {
		c ^= uint32(x)
		for range 8 {
			if c&1 != 0 {
				c = c>>1 ^ 0xEDB88320
			} else {
				c >>= 1
			}
		}
	}
	return ^c
}

// rawChunk builds a chunk with a correct CRC.
func rawChunk(typ string, data []byte) []byte {
	c := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	c = append(c, typ...)
	c = append(c, data...)
	return binary.BigEndian.AppendUint32(c, crcIEEE(c[4:]))
}

// iTXtData builds iTXt chunk data with empty language and translated
// keyword.
func iTXtData(keyword string, flag byte, text string) []byte {
	d := append([]byte(keyword), 0, flag, 0, 0, 0)
	return append(d, text...)
}

type testChunk struct {
	typ  string
	data []byte
}

// listChunks splits a PNG (assumed well-formed) into its chunks.
func listChunks(t testing.TB, img []byte) []testChunk {
	t.Helper()
	var out []testChunk
	off := 8
	for off < len(img) {
		n := int(binary.BigEndian.Uint32(img[off:]))
		out = append(out, testChunk{string(img[off+4 : off+8]), img[off+8 : off+8+n]})
		if got, want := crcIEEE(img[off+4:off+8+n]), binary.BigEndian.Uint32(img[off+8+n:]); got != want {
			t.Fatalf("chunk %s: CRC %08x, independent CRC %08x", img[off+4:off+8], want, got)
		}
		off += 12 + n
		if out[len(out)-1].typ == "IEND" {
			break
		}
	}
	return out
}

// insertBefore returns img with chunk inserted before the chunk of type
// typ (IEND, IDAT…).
func insertBefore(t testing.TB, img []byte, typ string, chunk []byte) []byte {
	t.Helper()
	i := bytes.Index(img, []byte(typ))
	if i < 4 {
		t.Fatalf("no %s chunk", typ)
	}
	i -= 4
	out := append([]byte{}, img[:i]...)
	out = append(out, chunk...)
	return append(out, img[i:]...)
}
