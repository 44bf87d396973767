package credential

import (
	"encoding/base64"
	"encoding/json"
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
