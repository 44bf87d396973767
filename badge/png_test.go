package badge

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image/png"
	"testing"
)

func TestBakePNGRoundTrip(t *testing.T) {
	src := testPNG(t)
	jws := testJWS("a1")
	baked, err := BakePNG(src, jws)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ExtractPNG(baked)
	if err != nil {
		t.Fatal(err)
	}
	if got != jws {
		t.Fatalf("ExtractPNG = %q, want %q", got, jws)
	}
	// The image still decodes, to the same pixels.
	a, err := png.Decode(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	b, err := png.Decode(bytes.NewReader(baked))
	if err != nil {
		t.Fatalf("baked PNG does not decode: %v", err)
	}
	if a.Bounds() != b.Bounds() {
		t.Fatal("bounds changed")
	}
	for y := range a.Bounds().Dy() {
		for x := range a.Bounds().Dx() {
			if a.At(x, y) != b.At(x, y) {
				t.Fatalf("pixel %d,%d changed", x, y)
			}
		}
	}
	if _, err := ExtractPNG(src); !errors.Is(err, ErrNoCredential) {
		t.Fatalf("unbaked PNG: error = %v, want ErrNoCredential", err)
	}
}

func TestBakePNGLayout(t *testing.T) {
	src := testPNG(t)
	jws := testJWS("layout")
	baked, err := BakePNG(src, jws)
	if err != nil {
		t.Fatal(err)
	}
	// Signature (8) + IHDR chunk (4+4+13+4 = 25): the iTXt chunk starts at 33.
	const at = 33
	if !bytes.Equal(baked[:at], src[:at]) {
		t.Fatal("signature or IHDR changed")
	}
	data := []byte("openbadgecredential\x00" + "\x00" + "\x00" + "\x00" + "\x00" + jws)
	want := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	want = append(want, "iTXt"...)
	want = append(want, data...)
	want = binary.BigEndian.AppendUint32(want, crcIEEE(want[4:]))
	if got := baked[at : at+len(want)]; !bytes.Equal(got, want) {
		t.Fatalf("iTXt chunk bytes\n got % x\nwant % x", got, want)
	}
	// Everything after the new chunk is the original file.
	if !bytes.Equal(baked[at+len(want):], src[at:]) {
		t.Fatal("bytes after the credential chunk differ from the original")
	}
	chunks := listChunks(t, baked) // verifies every CRC independently
	if chunks[0].typ != "IHDR" || chunks[1].typ != "iTXt" || chunks[len(chunks)-1].typ != "IEND" {
		t.Fatalf("chunk order %v", chunkTypes(chunks))
	}
}

func chunkTypes(cs []testChunk) []string {
	var s []string
	for _, c := range cs {
		s = append(s, c.typ)
	}
	return s
}

func credentialChunks(t *testing.T, img []byte) []string {
	t.Helper()
	var texts []string
	for _, c := range listChunks(t, img) {
		if c.typ != "iTXt" {
			continue
		}
		kw, rest, _ := bytes.Cut(c.data, []byte{0})
		if string(kw) == PNGKeyword || string(kw) == PNGKeywordOB2 {
			texts = append(texts, string(rest[4:]))
		}
	}
	return texts
}

func TestBakePNGReplaces(t *testing.T) {
	src := testPNG(t)
	other := rawChunk("iTXt", iTXtData("Comment", 0, "keep me"))
	ob2 := rawChunk("iTXt", iTXtData(PNGKeywordOB2, 0, "https://example.org/assertion/1"))
	elsewhere := rawChunk("iTXt", iTXtData(PNGKeyword, 0, testJWS("old")))
	tests := []struct {
		name string
		img  []byte
	}{
		{"plain", src},
		{"baked before IEND", insertBefore(t, src, "IEND", elsewhere)},
		{"baked before IDAT", insertBefore(t, src, "IDAT", elsewhere)},
		{"OB2 assertion", insertBefore(t, src, "IEND", ob2)},
		{"two credentials and a comment", insertBefore(t, insertBefore(t, insertBefore(t, src, "IDAT", elsewhere), "IEND", other), "IEND", ob2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first, err := BakePNG(tt.img, testJWS("first"))
			if err != nil {
				t.Fatal(err)
			}
			second, err := BakePNG(first, testJWS("second"))
			if err != nil {
				t.Fatal(err)
			}
			texts := credentialChunks(t, second)
			if len(texts) != 1 || texts[0] != testJWS("second") {
				t.Fatalf("credential chunks after re-baking: %q", texts)
			}
			if got, err := ExtractPNG(second); err != nil || got != testJWS("second") {
				t.Fatalf("ExtractPNG = %q, %v", got, err)
			}
			if bytes.Contains(tt.img, other) && !bytes.Contains(second, other) {
				t.Fatal("unrelated iTXt chunk was lost")
			}
			if _, err := png.Decode(bytes.NewReader(second)); err != nil {
				t.Fatalf("re-baked PNG does not decode: %v", err)
			}
			// Re-baking is idempotent in size: one chunk replaced by one.
			again, _ := BakePNG(second, testJWS("second"))
			if !bytes.Equal(again, second) {
				t.Fatal("baking the same JWS again changed the file")
			}
		})
	}
}

func TestExtractPNG(t *testing.T) {
	src := testPNG(t)
	ob3 := rawChunk("iTXt", iTXtData(PNGKeyword, 0, testJWS("x")))
	ob3b := rawChunk("iTXt", iTXtData(PNGKeyword, 0, testJWS("y")))
	ob2 := rawChunk("iTXt", iTXtData(PNGKeywordOB2, 0, "https://example.org/a/1"))
	tEXt := rawChunk("tEXt", append([]byte(PNGKeyword+"\x00"), "not iTXt"...))
	withLang := rawChunk("iTXt", append([]byte(PNGKeyword+"\x00\x00\x00kk\x00Бейдж\x00"), testJWS("lang")...))
	tests := []struct {
		name string
		img  []byte
		want string
	}{
		{"before IEND", insertBefore(t, src, "IEND", ob3), testJWS("x")},
		{"before IDAT", insertBefore(t, src, "IDAT", ob3), testJWS("x")},
		{"first of two wins", insertBefore(t, insertBefore(t, src, "IDAT", ob3), "IEND", ob3b), testJWS("x")},
		{"OB2 keyword", insertBefore(t, src, "IEND", ob2), "https://example.org/a/1"},
		{"tEXt is not a credential", insertBefore(t, insertBefore(t, src, "IDAT", tEXt), "IEND", ob3), testJWS("x")},
		{"language tag and translated keyword", insertBefore(t, src, "IEND", withLang), testJWS("lang")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ExtractPNG(tt.img)
			if err != nil || got != tt.want {
				t.Fatalf("ExtractPNG = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestPNGMalformed(t *testing.T) {
	src := testPNG(t)
	baked, err := BakePNG(src, testJWS("m"))
	if err != nil {
		t.Fatal(err)
	}
	badCRC := bytes.Clone(baked)
	badCRC[33+8+5] ^= 0x01 // a byte inside the iTXt keyword
	huge := func(n uint32) []byte {
		b := bytes.Clone(baked)
		binary.BigEndian.PutUint32(b[33:], n)
		return b
	}
	noIHDR := append([]byte(pngSignature), rawChunk("IDAT", []byte{1, 2, 3})...)
	compressed := insertBefore(t, src, "IEND", rawChunk("iTXt", iTXtData(PNGKeyword, 1, "x\x9c")))
	badMethod := insertBefore(t, src, "IEND", rawChunk("iTXt", append([]byte(PNGKeyword+"\x00\x00\x07\x00\x00"), "x"...)))
	noTerm := insertBefore(t, src, "IEND", rawChunk("iTXt", []byte(PNGKeyword+"\x00\x00\x00no-terminators")))
	badType := insertBefore(t, src, "IEND", rawChunk("i1Xt", []byte("x")))
	tests := []struct {
		name   string
		img    []byte
		want   error
		bakeOK bool // BakePNG replaces a malformed credential chunk
	}{
		{"empty", nil, ErrNotPNG, false},
		{"JPEG", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), ErrNotPNG, false},
		{"signature only", []byte(pngSignature), ErrCorruptPNG, false},
		{"truncated in IHDR", baked[:20], ErrCorruptPNG, false},
		{"truncated in iTXt", baked[:60], ErrCorruptPNG, false},
		{"truncated before IEND", src[:len(src)-12], ErrCorruptPNG, false},
		{"bad CRC", badCRC, ErrCorruptPNG, false},
		{"huge declared length", huge(0x7fffffff), ErrCorruptPNG, false},
		{"length over 2^31-1", huge(0xffffffff), ErrCorruptPNG, false},
		{"first chunk not IHDR", noIHDR, ErrNotPNG, false},
		{"compressed credential", compressed, ErrCorruptPNG, true},
		{"bad compression method", badMethod, ErrCorruptPNG, true},
		{"missing terminators", noTerm, ErrCorruptPNG, true},
		{"invalid chunk type", badType, ErrCorruptPNG, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ExtractPNG(tt.img); !errors.Is(err, tt.want) {
				t.Errorf("ExtractPNG error = %v, want %v", err, tt.want)
			}
			out, err := BakePNG(tt.img, testJWS("z"))
			if tt.bakeOK {
				if got, err := ExtractPNG(out); err != nil || got != testJWS("z") {
					t.Errorf("after BakePNG: ExtractPNG = %q, %v", got, err)
				}
			} else if err == nil {
				t.Errorf("BakePNG accepted a malformed PNG")
			}
		})
	}
	// Every truncation of a baked PNG fails cleanly or still finds the
	// credential (which sits right after IHDR).
	for n := range len(baked) {
		got, err := ExtractPNG(baked[:n])
		if err == nil && got != testJWS("m") {
			t.Fatalf("truncated to %d: got %q", n, got)
		}
		if _, err := BakePNG(baked[:n], testJWS("z")); err == nil {
			t.Fatalf("BakePNG accepted a PNG truncated to %d bytes", n)
		}
	}
}

func TestBakePNGRejectsNonJWS(t *testing.T) {
	src := testPNG(t)
	for _, s := range []string{"", "a.b", `{"@context":[]}`, "a.b.c.d", "e30.e30.c2ln\x00", "e30.e30.sig nature", "eyJhIjoxfQ==.e30.c2ln", "bm90anNvbg.e30.c2ln"} {
		if _, err := BakePNG(src, s); !errors.Is(err, ErrInvalidJWS) {
			t.Errorf("BakePNG(%q) error = %v, want ErrInvalidJWS", s, err)
		}
	}
}

func TestBakePNGKeepsTrailingData(t *testing.T) {
	src := append(testPNG(t), "trailing"...)
	baked, err := BakePNG(src, testJWS("t"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(baked, []byte("IEND\xaeB`\x82trailing")) {
		t.Fatal("data after IEND not preserved")
	}
}
