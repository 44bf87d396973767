package badge

import (
	"bytes"
	"testing"
)

// FuzzExtractPNG checks that ExtractPNG and BakePNG never panic on
// arbitrary input, and that whatever BakePNG accepts it can read back.
func FuzzExtractPNG(f *testing.F) {
	src := testPNG(f)
	baked, _ := BakePNG(src, testJWS("f"))
	f.Add(src)
	f.Add(baked)
	f.Add(baked[:50])
	f.Add(insertBefore(f, src, "IEND", rawChunk("iTXt", iTXtData(PNGKeywordOB2, 0, "https://example.org/a"))))
	f.Add(insertBefore(f, src, "IEND", rawChunk("iTXt", iTXtData(PNGKeyword, 1, "x"))))
	f.Add([]byte(pngSignature + "\x7f\xff\xff\xffIHDR"))
	f.Fuzz(func(t *testing.T, img []byte) {
		_, _ = ExtractPNG(img)
		jws := testJWS("fz")
		out, err := BakePNG(img, jws)
		if err != nil {
			return
		}
		got, err := ExtractPNG(out)
		if err != nil || got != jws {
			t.Fatalf("after BakePNG: ExtractPNG = %q, %v", got, err)
		}
		again, err := BakePNG(out, jws)
		if err != nil || !bytes.Equal(again, out) {
			t.Fatalf("re-baking changed the file: %v", err)
		}
	})
}

// FuzzExtractSVG checks that ExtractSVG and BakeSVG never panic on
// arbitrary input, and that whatever BakeSVG accepts it can read back,
// with exactly one credential element.
func FuzzExtractSVG(f *testing.F) {
	baked, _ := BakeSVG([]byte(plainSVG), testJWS("f"))
	f.Add([]byte(plainSVG))
	f.Add(baked)
	f.Add([]byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`))
	f.Add([]byte(`<svg xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="u"/></svg>`))
	f.Add([]byte(`<svg><openbadges:credential><![CDATA[{"a":1}]]></openbadges:credential></svg>`))
	f.Add([]byte(`<s:svg xmlns:s="http://www.w3.org/2000/svg" a='1'
	b="2"><g xmlns:ob="https://purl.imsglobal.org/ob/v3p0"><ob:credential/></g></s:svg>`))
	f.Fuzz(func(t *testing.T, svg []byte) {
		_, _ = ExtractSVG(svg)
		_ = Sniff(svg)
		jws := testJWS("fz")
		out, err := BakeSVG(svg, jws)
		if err != nil {
			return
		}
		got, err := ExtractSVG(out)
		if err != nil || got != jws {
			t.Fatalf("after BakeSVG: ExtractSVG = %q, %v\nin:  %q\nout: %q", got, err, svg, out)
		}
		again, err := BakeSVG(out, jws)
		if err != nil || !bytes.Equal(again, out) {
			t.Fatalf("re-baking changed the file: %v\nin:  %q\nout: %q\nagain: %q", err, svg, out, again)
		}
	})
}
