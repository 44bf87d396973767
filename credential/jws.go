package credential

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
)

// DecodePayload decodes the payload of a compact JWS into v without
// verifying anything. It is for credentials tanu stored itself after
// signing them, or for showing what a token claims next to a verdict that
// was reached by verifying it; never for trusting a token.
func DecodePayload(jws string, v any) error {
	parts := strings.Split(jws, ".")
	if len(parts) != 3 {
		return Errorf(CodeInvalid, "not a compact JWS")
	}
	b, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return Wrap(CodeInvalid, err, "the JWS payload is not base64url")
	}
	if err := json.Unmarshal(b, v); err != nil {
		return Wrap(CodeInvalid, err, "the JWS payload is not JSON")
	}
	return nil
}

// CheckCompactJWS reports whether s has the shape of a compact JWS: three
// unpadded base64url segments, the header and signature non-empty (the
// payload may be empty, as in a detached JWS), the header a JSON object.
// It checks shape only, to tell a token from other text; verifying is the
// verifier's job.
func CheckCompactJWS(s string) error {
	parts := strings.Split(s, ".")
	if len(parts) != 3 {
		return fmt.Errorf("%d segments, want 3", len(parts))
	}
	if parts[0] == "" || parts[2] == "" {
		return fmt.Errorf("empty header or signature")
	}
	for i, p := range parts {
		for j := 0; j < len(p); j++ {
			c := p[j]
			if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
				return fmt.Errorf("segment %d has byte %q at %d", i, c, j)
			}
		}
	}
	hdr, err := base64.RawURLEncoding.DecodeString(parts[0])
	if err != nil {
		return fmt.Errorf("header: %w", err)
	}
	hdr = bytes.TrimSpace(hdr)
	if len(hdr) == 0 || hdr[0] != '{' || !json.Valid(hdr) {
		return fmt.Errorf("header is not a JSON object")
	}
	return nil
}
