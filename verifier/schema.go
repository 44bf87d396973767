package verifier

import (
	"bytes"
	"embed"
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

//go:embed spec
var specFS embed.FS

// Schema validates JSON documents against one of the embedded official
// Open Badges 3.0 schemas.
type Schema struct {
	s *jsonschema.Schema
}

// Schema names.
const (
	// SchemaFormal is the strict AchievementCredential schema.
	SchemaFormal = "formal_achievementcredential.json"
	// SchemaJSONLD is the lenient JSON-LD adaptation.
	SchemaJSONLD = "jsonld_achievementcredential.json"
	// SchemaProfile is the formal Profile schema.
	SchemaProfile = "formal_profile.json"
	// SchemaCLR is the CLR 2.0 ClrCredential schema (JSON-LD adaptation).
	SchemaCLR = "clr_v2p0_clrcredential_schema.json"
)

// LoadSchema compiles an embedded schema. Compile once and reuse: it is safe
// for concurrent use.
func LoadSchema(name string) (*Schema, error) { return compileSchema(name, "") }

// Validate checks a JSON document.
func (s *Schema) Validate(doc []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	return s.s.Validate(v)
}

// Context returns an embedded JSON-LD context by file name.
func Context(name string) ([]byte, error) {
	return specFS.ReadFile("spec/contexts/" + name)
}

// LoadSchemaDef compiles one definition of an embedded schema, e.g.
// ("formal_achievementcredential.json", "Achievement") for the
// Achievement documents.
func LoadSchemaDef(name, def string) (*Schema, error) { return compileSchema(name, def) }

// compileSchema compiles embedded schema name, or only its definition def
// when def is not empty.
func compileSchema(name, def string) (*Schema, error) {
	b, err := specFS.ReadFile("spec/schemas/" + name)
	if err != nil {
		return nil, fmt.Errorf("verifier: schema %s: %w", name, err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("verifier: schema %s: %w", name, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	url := "tanu:///" + name
	if err := c.AddResource(url, doc); err != nil {
		return nil, fmt.Errorf("verifier: schema %s: %w", name, err)
	}
	target, what := url, name
	if def != "" {
		target, what = url+"#/$defs/"+def, name+"#"+def
	}
	s, err := c.Compile(target)
	if err != nil {
		return nil, fmt.Errorf("verifier: compile %s: %w", what, err)
	}
	return &Schema{s: s}, nil
}
