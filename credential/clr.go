package credential

// CLR 2.0 identifiers.
const (
	// ContextCLR is the CLR 2.0 JSON-LD context.
	ContextCLR = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"
	// SchemaCLR is the official ClrCredential JSON Schema.
	SchemaCLR = "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json"
)

// ClrCredential is a CLR 2.0 learner record: one credential bundling a
// holder's credentials from this issuer, each with its own proof.
type ClrCredential struct {
	Context           []any              `json:"@context"`
	ID                string             `json:"id"`
	Type              []string           `json:"type"`
	Name              string             `json:"name"`
	Description       string             `json:"description,omitempty"`
	Issuer            Profile            `json:"issuer"`
	ValidFrom         string             `json:"validFrom"`
	AwardedDate       string             `json:"awardedDate,omitempty"`
	Partial           bool               `json:"partial"`
	CredentialSubject ClrSubject         `json:"credentialSubject"`
	CredentialSchema  []CredentialSchema `json:"credentialSchema,omitempty"`
}

// ClrSubject is the learner a CLR describes, with their credentials.
type ClrSubject struct {
	ID                   string           `json:"id"`
	Type                 []string         `json:"type"`
	Identifier           []IdentityObject `json:"identifier,omitempty"`
	VerifiableCredential []map[string]any `json:"verifiableCredential"`
	Achievement          []Achievement    `json:"achievement,omitempty"`
	Association          []Association    `json:"association,omitempty"`
}

// Association links two achievements of a CLR, e.g. a nano-diploma
// isParentOf each of its components.
type Association struct {
	Type            string `json:"type"`
	AssociationType string `json:"associationType"`
	SourceID        string `json:"sourceId"`
	TargetID        string `json:"targetId"`
}
