package badge

import (
	"bytes"
	"encoding/xml"
	"errors"
	"strings"
	"testing"
	"time"
)

const plainSVG = `<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment -->
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10">
  <circle cx="5" cy="5" r="4" fill="#123456"/>
</svg>
`

// credentialElems returns, for each baked-credential element, its verify
// attribute, and checks that the first child of the root is one.
func credentialElems(t *testing.T, svg []byte) (verifies []string, firstChildIsCredential bool) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch se := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 2 && len(verifies) == 0 {
				firstChildIsCredential = isCredentialElement(se.Name)
			}
			if isCredentialElement(se.Name) {
				v := ""
				for _, a := range se.Attr {
					if a.Name.Local == "verify" {
						v = a.Value
					}
				}
				verifies = append(verifies, v)
			}
		case xml.EndElement:
			depth--
		}
	}
	return verifies, firstChildIsCredential
}

func TestBakeSVGRoundTrip(t *testing.T) {
	jws := testJWS("s1")
	baked, err := BakeSVG([]byte(plainSVG), jws)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(plainSVG, `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10">`,
		`<svg xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10">`+
			`<openbadges:credential verify="`+jws+`"></openbadges:credential>`, 1)
	if string(baked) != want {
		t.Fatalf("baked SVG:\n%s\nwant:\n%s", baked, want)
	}
	got, err := ExtractSVG(baked)
	if err != nil || got != jws {
		t.Fatalf("ExtractSVG = %q, %v", got, err)
	}
	if _, err := ExtractSVG([]byte(plainSVG)); !errors.Is(err, ErrNoCredential) {
		t.Fatalf("unbaked: error = %v, want ErrNoCredential", err)
	}
}

func TestBakeSVGReplaces(t *testing.T) {
	old := testJWS("old")
	tests := []struct {
		name string
		svg  string
		// wantNS is the number of xmlns:openbadges declarations expected.
		wantNS int
	}{
		{"plain", plainSVG, 1},
		{"namespace already declared, attributes reordered",
			`<svg viewBox="0 0 1 1" xmlns:openbadges='https://purl.imsglobal.org/ob/v3p0' xmlns="http://www.w3.org/2000/svg"><rect/></svg>`, 1},
		{"already baked", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">
<openbadges:credential verify="` + old + `"></openbadges:credential><rect/></svg>`, 1},
		{"baked under another prefix, deep inside",
			`<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="https://purl.imsglobal.org/ob/v3p0"><g><ob:credential verify="` + old + `"/></g></svg>`, 1},
		{"OB2 assertion", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/a/1"></openbadges:assertion><rect/></svg>`, 1},
		{"embedded-proof credential", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential><![CDATA[{"id":"urn:x"}]]></openbadges:credential></svg>`, 1},
		{"prefix bound to the empty namespace", `<svg xmlns:openbadges=""><openbadges:credential></openbadges:credential></svg>`, 1},
		{"prefix bound to another namespace", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="urn:other"><openbadges:credential verify="x"/><g/></svg>`, 1},
		{"self-closing root", `<svg xmlns="http://www.w3.org/2000/svg"/>`, 1},
		{"no SVG namespace", `<svg width="1"><rect/></svg>`, 1},
		{"prefixed root", `<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:rect/></s:svg>`, 1},
		{"newlines inside the tag", "<svg\n\txmlns=\"http://www.w3.org/2000/svg\"\n\twidth=\"1\"\n>\n</svg>", 1},
		{"doctype and BOM", "\ufeff<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first, err := BakeSVG([]byte(tt.svg), testJWS("first"))
			if err != nil {
				t.Fatal(err)
			}
			second, err := BakeSVG(first, testJWS("second"))
			if err != nil {
				t.Fatal(err)
			}
			verifies, firstChild := credentialElems(t, second)
			if len(verifies) != 1 || verifies[0] != testJWS("second") {
				t.Fatalf("credential elements after re-baking: %q\n%s", verifies, second)
			}
			if !firstChild {
				t.Fatalf("credential is not the first child of the root:\n%s", second)
			}
			if n := bytes.Count(second, []byte("xmlns:openbadges=")); n != tt.wantNS {
				t.Fatalf("%d xmlns:openbadges declarations:\n%s", n, second)
			}
			if !bytes.Contains(second, []byte(`xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"`)) &&
				!bytes.Contains(second, []byte(`xmlns:openbadges='https://purl.imsglobal.org/ob/v3p0'`)) {
				t.Fatalf("namespace not bound to OB3:\n%s", second)
			}
			if got, err := ExtractSVG(second); err != nil || got != testJWS("second") {
				t.Fatalf("ExtractSVG = %q, %v", got, err)
			}
			again, err := BakeSVG(second, testJWS("second"))
			if err != nil || !bytes.Equal(again, second) {
				t.Fatalf("baking the same JWS again changed the file:\n%s\n%s", second, again)
			}
		})
	}
}

func TestExtractSVG(t *testing.T) {
	jws := testJWS("e")
	tests := []struct {
		name, svg, want string
	}{
		{"verify attribute", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential verify="` + jws + `"></openbadges:credential></svg>`, jws},
		{"verify among other attributes", `<svg xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" xmlns="http://www.w3.org/2000/svg"><openbadges:credential id="c" verify = '` + jws + `' data-x="1"/></svg>`, jws},
		{"CDATA JSON", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential>
  <![CDATA[{"@context":["https://www.w3.org/ns/credentials/v2"],"name":"a < b & c"}]]>
</openbadges:credential></svg>`, `{"@context":["https://www.w3.org/ns/credentials/v2"],"name":"a < b & c"}`},
		{"escaped text body", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential>{"a":"&lt;&amp;"}</openbadges:credential></svg>`, `{"a":"<&"}`},
		{"first of two", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential verify="A.B.C"/><openbadges:credential verify="D.E.F"/></svg>`, "A.B.C"},
		{"other prefix", `<svg xmlns="http://www.w3.org/2000/svg"><g xmlns:x="https://purl.imsglobal.org/ob/v3p0"><x:credential verify="A.B.C"/></g></svg>`, "A.B.C"},
		{"undeclared prefix", `<svg xmlns="http://www.w3.org/2000/svg"><openbadges:credential verify="A.B.C"/></svg>`, "A.B.C"},
		{"OB2 assertion", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/a/1"/></svg>`, "https://example.org/a/1"},
		{"HTML entity elsewhere", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><text>a&nbsp;b</text><openbadges:credential verify="A.B.C"/></svg>`, "A.B.C"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ExtractSVG([]byte(tt.svg))
			if err != nil || got != tt.want {
				t.Fatalf("ExtractSVG = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestSVGMalformed(t *testing.T) {
	tests := []struct {
		name, svg string
		want      error
	}{
		{"empty", "", ErrNotSVG},
		{"no root", `<?xml version="1.0"?><!-- nothing -->`, ErrNotSVG},
		{"not XML", "GIF89a...", ErrNotSVG},
		{"HTML root", `<html><svg xmlns="http://www.w3.org/2000/svg"></svg></html>`, ErrNotSVG},
		{"root in another namespace", `<svg xmlns="urn:not-svg"/>`, ErrNotSVG},
		{"unclosed root", `<svg xmlns="http://www.w3.org/2000/svg"><rect/>`, ErrNotSVG},
		{"mismatched tags", `<svg xmlns="http://www.w3.org/2000/svg"><g></rect></svg>`, ErrNotSVG},
		{"duplicate root attribute", `<svg xmlns:openbadges="urn:x" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"/>`, ErrNotSVG},
		{"unsupported encoding", `<?xml version="1.0" encoding="ISO-8859-5"?><svg/>`, ErrNotSVG},
		{"billion laughs", `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential>&lol3;</openbadges:credential></svg>`, ErrNotSVG},
		{"XXE", `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential>&xxe;</openbadges:credential></svg>`, ErrNotSVG},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			if _, err := ExtractSVG([]byte(tt.svg)); !errors.Is(err, tt.want) {
				t.Errorf("ExtractSVG error = %v, want %v", err, tt.want)
			}
			if _, err := BakeSVG([]byte(tt.svg), testJWS("z")); !errors.Is(err, tt.want) {
				t.Errorf("BakeSVG error = %v, want %v", err, tt.want)
			}
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
	// An empty credential element is no credential.
	empty := `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential verify=""> </openbadges:credential></svg>`
	if _, err := ExtractSVG([]byte(empty)); !errors.Is(err, ErrNoCredential) {
		t.Errorf("empty element: error = %v, want ErrNoCredential", err)
	}
	if _, err := BakeSVG([]byte(plainSVG), `{"not":"a jws"}`); !errors.Is(err, ErrInvalidJWS) {
		t.Errorf("BakeSVG(JSON) error = %v, want ErrInvalidJWS", err)
	}
}

func TestCredentialElementEscaping(t *testing.T) {
	// BakeSVG only accepts compact JWS, which needs no escaping; the element
	// writer escapes anyway.
	for _, v := range []string{`a"b'c<d>e&f`, "tab\there\nnl\rcr", "Қазақ ә"} {
		var b bytes.Buffer
		b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">`)
		writeCredentialElement(&b, v)
		b.WriteString(`</svg>`)
		got, err := ExtractSVG(b.Bytes())
		if err != nil || got != strings.TrimSpace(v) {
			t.Errorf("escaped %q: ExtractSVG = %q, %v (%s)", v, got, err, b.Bytes())
		}
	}
}
