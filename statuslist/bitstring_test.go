package statuslist

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
)

// w3cAllZero is the W3C Bitstring Status List v1.0 test vector: an all-zero
// list of 16,384 bytes (131,072 entries).
const w3cAllZero = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"

func TestDecodeW3CVector(t *testing.T) {
	b, err := Decode(w3cAllZero, MinEntries)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if b.Len() != 131072 {
		t.Fatalf("Len = %d, want 131072", b.Len())
	}
	if !bytes.Equal(b.Bytes(), make([]byte, 16384)) {
		t.Fatal("decoded W3C vector is not all zero")
	}
}

// TestEncodeMatchesW3CVector checks what can be matched byte for byte: Go's
// compress/flate chooses different DEFLATE blocks than zlib, which produced
// the W3C vector, so the compressed bodies differ; the GZIP header (no
// mtime, no name, XFL 0, OS 3) and the decompressed content are identical.
func TestEncodeMatchesW3CVector(t *testing.T) {
	b, err := New(MinEntries)
	if err != nil {
		t.Fatal(err)
	}
	got, err := b.Encode()
	if err != nil {
		t.Fatal(err)
	}
	again, err := b.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if got != again {
		t.Fatal("Encode is not deterministic")
	}
	gotRaw := mustRaw(t, got)
	wantRaw := mustRaw(t, w3cAllZero)
	if !bytes.Equal(gotRaw[:10], wantRaw[:10]) {
		t.Errorf("gzip header = % x, want % x", gotRaw[:10], wantRaw[:10])
	}
	// The 8-byte trailer is CRC-32 and size of the content: identical too.
	if !bytes.Equal(gotRaw[len(gotRaw)-8:], wantRaw[len(wantRaw)-8:]) {
		t.Errorf("gzip trailer = % x, want % x", gotRaw[len(gotRaw)-8:], wantRaw[len(wantRaw)-8:])
	}
	back, err := Decode(got, MinEntries)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(back.Bytes(), make([]byte, 16384)) {
		t.Fatal("round trip of all-zero list is not all zero")
	}
	t.Logf("Go encoding of the all-zero list: %s (%d chars, W3C: %d)", got, len(got), len(w3cAllZero))
}

func mustRaw(t *testing.T, s string) []byte {
	t.Helper()
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimPrefix(s, "u"))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestNewSizes(t *testing.T) {
	tests := []struct {
		size int
		ok   bool
	}{
		{MinEntries, true},
		{MinEntries + 8, true},
		{2 * MinEntries, true},
		{MinEntries - 8, false},
		{MinEntries + 1, false},
		{0, false},
		{-8, false},
		{8*MaxDecodedBytes + 8, false},
	}
	for _, tt := range tests {
		b, err := New(tt.size)
		if tt.ok != (err == nil) {
			t.Errorf("New(%d) error = %v, want ok=%v", tt.size, err, tt.ok)
			continue
		}
		if err != nil {
			if !errors.Is(err, ErrInvalidSize) {
				t.Errorf("New(%d) error %v does not wrap ErrInvalidSize", tt.size, err)
			}
			continue
		}
		if b.Len() != tt.size {
			t.Errorf("New(%d).Len() = %d", tt.size, b.Len())
		}
	}
}

func TestBitOrderMSBFirst(t *testing.T) {
	tests := []struct {
		index     int
		byteIndex int
		want      byte
	}{
		{0, 0, 0x80},
		{1, 0, 0x40},
		{7, 0, 0x01},
		{8, 1, 0x80},
		{15, 1, 0x01},
		{48213, 6026, 0x04}, // 48213 = 8*6026 + 5
		{131071, 16383, 0x01},
	}
	for _, tt := range tests {
		b, _ := New(MinEntries)
		b.Set(tt.index, true)
		raw := b.Bytes()
		for i, v := range raw {
			want := byte(0)
			if i == tt.byteIndex {
				want = tt.want
			}
			if v != want {
				t.Errorf("Set(%d): byte %d = %#02x, want %#02x", tt.index, i, v, want)
			}
		}
		// The spec's formula, bit i is byte[i/8] & (0x80 >> (i%8)).
		if raw[tt.index/8]&(0x80>>(tt.index%8)) == 0 {
			t.Errorf("Set(%d): spec formula does not see the bit", tt.index)
		}
	}
}

func TestSetClearRoundTrip(t *testing.T) {
	b, _ := New(MinEntries)
	rng := rand.New(rand.NewPCG(1, 2))
	set := map[int]bool{}
	for range 1000 {
		i := rng.IntN(b.Len())
		b.Set(i, true)
		set[i] = true
	}
	// Clear a few again.
	n := 0
	for i := range set {
		if n%3 == 0 {
			b.Set(i, false)
			delete(set, i)
		}
		n++
	}
	enc, err := b.Encode()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Decode(enc, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i := range back.Len() {
		if back.Get(i) != set[i] {
			t.Fatalf("entry %d = %v after round trip, want %v", i, back.Get(i), set[i])
		}
	}
	if !bytes.Equal(back.Bytes(), b.Bytes()) {
		t.Fatal("raw bytes differ after round trip")
	}
}

func TestLookupRange(t *testing.T) {
	b, _ := New(MinEntries)
	b.Set(5, true)
	tests := []struct {
		i       int
		want    bool
		wantErr bool
	}{
		{5, true, false},
		{6, false, false},
		{-1, false, true},
		{MinEntries, false, true},
	}
	for _, tt := range tests {
		got, err := b.Lookup(tt.i)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("Lookup(%d) = %v, %v", tt.i, got, err)
		}
		if err != nil && !errors.Is(err, ErrRange) {
			t.Errorf("Lookup(%d) error %v does not wrap ErrRange", tt.i, err)
		}
	}
}

func gzipped(t testing.TB, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(data)
	zw.Close()
	return buf.Bytes()
}

func encodeRaw(raw []byte) string { return "u" + base64.RawURLEncoding.EncodeToString(raw) }

func TestDecodeRejects(t *testing.T) {
	small := encodeRaw(gzipped(t, make([]byte, 1024)))
	bomb := encodeRaw(gzipped(t, make([]byte, MaxDecodedBytes+1)))
	atCap := encodeRaw(gzipped(t, make([]byte, MaxDecodedBytes)))
	valid := encodeRaw(gzipped(t, make([]byte, 16384)))
	tests := []struct {
		name    string
		in      string
		min     int
		wantErr error
	}{
		{"missing prefix", strings.TrimPrefix(w3cAllZero, "u"), 0, ErrEncoding},
		{"wrong prefix", "z" + strings.TrimPrefix(w3cAllZero, "u"), 0, ErrEncoding},
		{"empty", "", 0, ErrEncoding},
		{"prefix only", "u", 0, ErrEncoding},
		{"bad base64", "uH4sI!!!", 0, ErrEncoding},
		{"standard base64 alphabet", "u" + base64.RawStdEncoding.EncodeToString(bytes.Repeat([]byte{0xfb}, 30)), 0, ErrEncoding},
		{"padded base64", w3cAllZero + "==", 0, ErrEncoding},
		{"not gzip", encodeRaw([]byte("this is not gzip at all")), 0, ErrEncoding},
		{"truncated gzip", w3cAllZero[:len(w3cAllZero)-12], 0, ErrEncoding},
		{"too short", small, 0, ErrTooShort},
		{"too short for explicit minimum", valid, 2 * MinEntries, ErrTooShort},
		{"gzip bomb over cap", bomb, 0, ErrTooLarge},
		{"encoded input longer than any acceptable list", "u" + strings.Repeat("A", 2*MaxDecodedBytes), 0, ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(tt.in, tt.min)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Decode error = %v, want %v", err, tt.wantErr)
			}
		})
	}
	if b, err := Decode(atCap, 0); err != nil || b.Len() != 8*MaxDecodedBytes {
		t.Fatalf("list exactly at the cap: %v", err)
	}
	if b, err := Decode(small, 8192); err != nil || b.Len() != 8192 {
		t.Fatalf("short list with a lower explicit minimum: %v", err)
	}
}

func BenchmarkEncode(b *testing.B) {
	bs, _ := New(MinEntries)
	rng := rand.New(rand.NewPCG(3, 4))
	for range 1000 {
		bs.Set(rng.IntN(bs.Len()), true)
	}
	var n int
	for b.Loop() {
		s, err := bs.Encode()
		if err != nil {
			b.Fatal(err)
		}
		n = len(s)
	}
	b.ReportMetric(float64(n), "chars")
}

func BenchmarkDecode(b *testing.B) {
	bs, _ := New(MinEntries)
	rng := rand.New(rand.NewPCG(3, 4))
	for range 1000 {
		bs.Set(rng.IntN(bs.Len()), true)
	}
	s, _ := bs.Encode()
	for b.Loop() {
		if _, err := Decode(s, 0); err != nil {
			b.Fatal(err)
		}
	}
}
