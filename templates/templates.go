// Package templates holds the certificate layouts and fonts that tanu embeds
// in its binary.
//
// The layout of each certificate kind and language is a JSON file under
// certificate/ (certificate/<kind>.<lang>.json); fonts/fonts.json maps the
// face names those layouts use to the TrueType files beside it. README.md
// describes the format. An operator who wants different wording copies this
// directory, edits it, and points the service at the copy (os.DirFS); the
// renderer reads the same paths from either.
package templates

import "embed"

// FS holds README.md, certificate/*.json and fonts/ (fonts.json, the subset
// Noto TrueType files and their licence). Pass it, or os.DirFS of an edited
// copy of this directory, to render.New.
//
//go:embed README.md certificate/*.json fonts/*.json fonts/*.ttf fonts/OFL.txt fonts/README.md
var FS embed.FS
