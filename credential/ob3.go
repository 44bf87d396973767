package credential

// Context URLs of an OpenBadgeCredential, in order.
const (
	ContextVC2        = "https://www.w3.org/ns/credentials/v2"
	ContextOB3        = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
	ContextExtensions = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
	// SchemaOB3 is the official AchievementCredential JSON Schema.
	SchemaOB3 = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
	// VocabTanu is the IRI prefix of the few terms tanu adds.
	VocabTanu = "https://w3id.org/tanu/v1#"
)

// TanuContext is the inline JSON-LD context that defines tanu's extra terms
// (hours, NQF level, certificate numbers), so strict JSON-LD processors know
// every term in a credential.
func TanuContext() map[string]any {
	terms := []string{"academicHours", "contactHours", "selfStudyHours", "creditUnits", "nqfLevel",
		"formOfStudy", "certificateNumber", "registrationNumber", "programVersion", "decisionDate",
		"percent", "department", "position", "facilitator", "coordinator"}
	m := map[string]any{"tanu": VocabTanu,
		// The VC-JWT claim the VC 2.0 context leaves undefined (it defines
		// iss, sub, nbf, exp), so the claims set expands in safe mode.
		"jti": map[string]any{"@id": "https://www.iana.org/assignments/jwt#jti", "@type": "@id"}}
	for _, t := range terms {
		m[t] = "tanu:" + t
	}
	return m
}

// OB3Credential is an Open Badges 3.0 OpenBadgeCredential as tanu issues it.
// Field order follows the specification's examples.
type OB3Credential struct {
	Context           []any              `json:"@context"`
	ID                string             `json:"id"`
	Type              []string           `json:"type"`
	Name              string             `json:"name,omitempty"`
	Description       string             `json:"description,omitempty"`
	Issuer            Profile            `json:"issuer"`
	ValidFrom         string             `json:"validFrom"`
	ValidUntil        string             `json:"validUntil,omitempty"`
	AwardedDate       string             `json:"awardedDate,omitempty"`
	CredentialSubject AchievementSubject `json:"credentialSubject"`
	CredentialSchema  []CredentialSchema `json:"credentialSchema,omitempty"`
	CredentialStatus  *CredentialStatus  `json:"credentialStatus,omitempty"`
	Evidence          []Evidence         `json:"evidence,omitempty"`
	// Tanu terms.
	CertificateNumber  string `json:"certificateNumber,omitempty"`
	RegistrationNumber string `json:"registrationNumber,omitempty"`
}

// Profile is an OB3 Profile (here: the issuer).
type Profile struct {
	ID              string            `json:"id"`
	Type            []string          `json:"type"`
	Name            string            `json:"name,omitempty"`
	URL             string            `json:"url,omitempty"`
	Email           string            `json:"email,omitempty"`
	Description     string            `json:"description,omitempty"`
	Image           *Image            `json:"image,omitempty"`
	OtherIdentifier []IdentifierEntry `json:"otherIdentifier,omitempty"`
}

// Image is an OB3 Image.
type Image struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Caption string `json:"caption,omitempty"`
}

// AchievementSubject is the OB3 credentialSubject.
type AchievementSubject struct {
	ID                string           `json:"id"`
	Type              []string         `json:"type"`
	Identifier        []IdentityObject `json:"identifier,omitempty"`
	Achievement       Achievement      `json:"achievement"`
	Result            []Result         `json:"result,omitempty"`
	CreditsEarned     *float64         `json:"creditsEarned,omitempty"`
	ActivityStartDate string           `json:"activityStartDate,omitempty"`
	ActivityEndDate   string           `json:"activityEndDate,omitempty"`
	Role              string           `json:"role,omitempty"`
	// Tanu terms.
	DecisionDate string  `json:"decisionDate,omitempty"`
	Department   string  `json:"department,omitempty"`
	Position     string  `json:"position,omitempty"`
	CreditUnits  float64 `json:"creditUnits,omitempty"`
}

// IdentityObject identifies the holder, hashed or in clear.
type IdentityObject struct {
	Type         string `json:"type"`
	IdentityType string `json:"identityType"`
	Hashed       bool   `json:"hashed"`
	IdentityHash string `json:"identityHash"`
	Salt         string `json:"salt,omitempty"`
}

// IdentifierEntry is an OB3 IdentifierEntry.
type IdentifierEntry struct {
	Type           string `json:"type"`
	Identifier     string `json:"identifier"`
	IdentifierType string `json:"identifierType"`
}

// Achievement is the OB3 Achievement: the program as awarded.
type Achievement struct {
	ID                string              `json:"id"`
	Type              []string            `json:"type"`
	AchievementType   string              `json:"achievementType,omitempty"`
	Name              string              `json:"name"`
	Description       string              `json:"description"`
	Criteria          Criteria            `json:"criteria"`
	Image             *Image              `json:"image,omitempty"`
	CreditsAvailable  *float64            `json:"creditsAvailable,omitempty"`
	FieldOfStudy      string              `json:"fieldOfStudy,omitempty"`
	HumanCode         string              `json:"humanCode,omitempty"`
	InLanguage        string              `json:"inLanguage,omitempty"`
	Version           string              `json:"version,omitempty"`
	Alignment         []Alignment         `json:"alignment,omitempty"`
	ResultDescription []ResultDescription `json:"resultDescription,omitempty"`
	OtherIdentifier   []IdentifierEntry   `json:"otherIdentifier,omitempty"`
	Tag               []string            `json:"tag,omitempty"`
	// Tanu terms.
	AcademicHours  float64  `json:"academicHours,omitempty"`
	ContactHours   float64  `json:"contactHours,omitempty"`
	SelfStudyHours float64  `json:"selfStudyHours,omitempty"`
	NQFLevel       int      `json:"nqfLevel,omitempty"`
	FormOfStudy    string   `json:"formOfStudy,omitempty"`
	Facilitator    []string `json:"facilitator,omitempty"`
}

// Criteria says how the achievement is earned.
type Criteria struct {
	ID        string `json:"id,omitempty"`
	Narrative string `json:"narrative,omitempty"`
}

// Alignment links an achievement to a framework or competency.
type Alignment struct {
	Type              []string `json:"type"`
	TargetName        string   `json:"targetName"`
	TargetURL         string   `json:"targetUrl"`
	TargetCode        string   `json:"targetCode,omitempty"`
	TargetDescription string   `json:"targetDescription,omitempty"`
	TargetFramework   string   `json:"targetFramework,omitempty"`
	TargetType        string   `json:"targetType,omitempty"`
}

// ResultDescription declares a possible result of an achievement.
type ResultDescription struct {
	ID            string      `json:"id"`
	Type          []string    `json:"type"`
	Name          string      `json:"name"`
	ResultType    string      `json:"resultType"`
	AllowedValue  []string    `json:"allowedValue,omitempty"`
	RequiredValue string      `json:"requiredValue,omitempty"`
	ValueMin      string      `json:"valueMin,omitempty"`
	ValueMax      string      `json:"valueMax,omitempty"`
	Alignment     []Alignment `json:"alignment,omitempty"`
}

// Result is what the holder achieved for one result description.
type Result struct {
	Type              []string `json:"type"`
	ResultDescription string   `json:"resultDescription,omitempty"`
	Value             string   `json:"value,omitempty"`
	Status            string   `json:"status,omitempty"`
}

// CredentialSchema names a JSON schema the credential conforms to.
type CredentialSchema struct {
	ID   string `json:"id"`
	Type string `json:"type"`
}

// CredentialStatus is a W3C BitstringStatusListEntry.
type CredentialStatus struct {
	ID                   string `json:"id"`
	Type                 string `json:"type"`
	StatusPurpose        string `json:"statusPurpose"`
	StatusListIndex      string `json:"statusListIndex"`
	StatusListCredential string `json:"statusListCredential"`
}

// Evidence is an OB3 Evidence: for a nano-diploma, one of the component
// credentials it was built on (id: the component's public page).
type Evidence struct {
	ID          string   `json:"id,omitempty"`
	Type        []string `json:"type"`
	Name        string   `json:"name,omitempty"`
	Description string   `json:"description,omitempty"`
	Genre       string   `json:"genre,omitempty"`
}
