// Package badge bakes Open Badges 3.0 credentials into badge images, reads
// them back, and renders default badge images.
//
// Baking follows Open Badges 3.0 §"Baking". In a PNG the credential (a
// compact JWS for VC-JWT) is the text of a single uncompressed iTXt chunk
// with keyword "openbadgecredential", placed right after IHDR. In an SVG it
// is the verify attribute of a single <openbadges:credential> element placed
// directly after the opening <svg> tag, with the prefix openbadges bound to
// https://purl.imsglobal.org/ob/v3p0 on the root element. Re-baking
// replaces the credential; it never adds a second one.
//
// Extraction also understands Open Badges 2.0 baked images (iTXt keyword
// "openbadges", <openbadges:assertion verify="…">) and, for SVG, a
// credential carried as JSON in the element body (embedded proof).
//
// [RenderPNG] and [RenderSVG] draw a default badge for a programme: a
// medallion in the issuer's colours with the programme's abbreviation in
// the centre. Both are deterministic: the same [Design] gives the same
// bytes.
package badge
