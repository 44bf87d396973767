package credential_test

import (
	"encoding/base64"
	"testing"

	"github.com/tanu-edu/tanu/credential"
)

func TestDecodePayload(t *testing.T) {
	enc := base64.RawURLEncoding.EncodeToString
	tests := []struct {
		name, jws string
		want      string // the "jti" claim, or "" when an error is expected
	}{
		{"ok", enc([]byte(`{"alg":"ES256"}`)) + "." + enc([]byte(`{"jti":"urn:uuid:1"}`)) + ".c2ln", "urn:uuid:1"},
		{"two parts", "a.b", ""},
		{"padding", "a." + base64.URLEncoding.EncodeToString([]byte(`{"jti":"x"}`)) + ".c", ""},
		{"not json", "a." + enc([]byte("jti")) + ".c", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m struct {
				JTI string `json:"jti"`
			}
			err := credential.DecodePayload(tt.jws, &m)
			if tt.want == "" {
				if credential.ErrorCode(err) != credential.CodeInvalid {
					t.Fatalf("DecodePayload(%q) = %v, want an invalid error", tt.jws, err)
				}
				return
			}
			if err != nil || m.JTI != tt.want {
				t.Fatalf("DecodePayload = %v, jti %q", err, m.JTI)
			}
		})
	}
}
