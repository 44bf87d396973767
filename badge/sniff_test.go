package badge

import "testing"

func TestSniff(t *testing.T) {
	png := testPNG(t)
	tests := []struct {
		name string
		body string
		want Kind
	}{
		{"PNG", string(png), KindPNG},
		{"truncated PNG signature", string(png[:4]), KindUnknown},
		{"SVG", plainSVG, KindSVG},
		{"SVG with BOM and space", "\ufeff  <svg xmlns=\"http://www.w3.org/2000/svg\"/>", KindSVG},
		{"SVG after doctype", "<!DOCTYPE svg><svg></svg>", KindSVG},
		{"HTML", "<html><body/></html>", KindUnknown},
		{"broken XML", "<svg", KindUnknown},
		{"JWS", testJWS("k"), KindJWS},
		{"JWS with newline", testJWS("k") + "\r\n", KindJWS},
		{"JWS header not JSON", "bm90anNvbg.e30.c2ln", KindUnknown},
		{"two segments", "e30.e30", KindUnknown},
		{"JSON object", `{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"]}`, KindJSON},
		{"JSON with leading space", "\n {\"a\":1}", KindJSON},
		{"broken JSON", `{"a":`, KindUnknown},
		{"JSON array", `[1,2]`, KindUnknown},
		{"empty", "", KindUnknown},
		{"text", "hello world", KindUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sniff([]byte(tt.body)); got != tt.want {
				t.Errorf("Sniff = %v, want %v", got, tt.want)
			}
		})
	}
	for k, s := range map[Kind]string{KindPNG: "png", KindSVG: "svg", KindJWS: "jws", KindJSON: "json", KindUnknown: "unknown"} {
		if k.String() != s {
			t.Errorf("%d.String() = %q", k, k.String())
		}
	}
}
