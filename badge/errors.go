package badge

import "errors"

// Errors reported by this package. They are wrapped with context, so
// compare with [errors.Is].
var (
	// ErrNotPNG reports input that does not start with the PNG signature or
	// does not begin with an IHDR chunk.
	ErrNotPNG = errors.New("badge: not a PNG image")
	// ErrCorruptPNG reports a PNG whose chunk structure is broken: a
	// truncated file, a chunk length beyond the end of the input, a bad
	// CRC, a missing IEND or a malformed credential chunk.
	ErrCorruptPNG = errors.New("badge: corrupt PNG")
	// ErrNotSVG reports input that is not well-formed XML with an <svg>
	// root element.
	ErrNotSVG = errors.New("badge: not an SVG image")
	// ErrNoCredential reports an image that carries no baked credential.
	ErrNoCredential = errors.New("badge: no baked credential")
	// ErrInvalidJWS reports a credential to bake that is not a compact JWS
	// (three base64url segments separated by dots).
	ErrInvalidJWS = errors.New("badge: not a compact JWS")
	// ErrInvalidDesign reports a Design that cannot be rendered, such as a
	// malformed colour or an unreadable custom image.
	ErrInvalidDesign = errors.New("badge: invalid design")
)
