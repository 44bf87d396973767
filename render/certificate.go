package render

import "time"

// Certificate kinds understood by the renderer; each has its own layout
// template per language.
const (
	KindMicroqualification = "microqualification"
	KindTeachHubModule     = "teachhub_module"
	KindNonformalActivity  = "nonformal_activity"
	KindNanoDiploma        = "nano_diploma"
)

// Certificate is everything a certificate shows. All strings are already in the target language.
type Certificate struct {
	Kind                              string       // "microqualification", "teachhub_module" or "nonformal_activity"
	Lang                              string       // "kk", "ru" or "en"
	ID                                string       // credential UUID (printed as the unique identifier)
	URL                               string       // verification URL {public base}/c/{id}; the QR encodes exactly this
	CertificateNumber                 string       // e.g. "000042"
	BookNumber                        string       // issuance-book registration number, e.g. "MQ-2026-000042"
	Organization                      string       // issuing organization's name in Lang
	FamilyName, GivenName, Patronymic string       // holder's name parts; Patronymic may be empty
	DateFrom, DateTo                  time.Time    // study period
	DecisionDate                      time.Time    // qualification commission decision (zero for TeachHub)
	IssueDate                         time.Time    // printed as the issue date; also the PDF creation date
	ProgramName                       string       // program (or TeachHub module / activity) name
	ProgramRegNo                      string       // program registration number, e.g. "MQ-2026-0001"
	Qualification                     string       // microqualification awarded (usually the program name)
	Hours                             float64      // academic hours
	Credits                           float64      // academic credits
	NQFLevel                          int          // 1..8; printed as number and words in Lang
	FormOfStudy                       string       // code: "full_time", "distance", "blended", "dual" — translated by the template
	Competencies                      []Competency // competencies with grades, in print order
	GradeScale                        []GradeBand  // for the transcript page; empty means the template's default scale
	HeadName                          string       // head's name for the signature line ("Жетекші ___ / name /")
	HeadTitle                         string       // head's position, printed under the signature if set

	// TeachHub / non-formal

	Department     string   // participant's department
	Position       string   // participant's position
	ContactHours   float64  // contact (classroom) academic hours
	SelfStudyHours float64  // self-study academic hours
	Facilitators   []string // facilitator names
	Coordinator    string   // TeachHub coordinator who verified the record
	RecognizedSB   float64  // 0 if not yet recognized

	// Nano-diploma

	Components []Component // the microcertificates a nano-diploma was built on, in print order

	// Credential is the signed credential (compact JWS). When set, the PDF
	// carries it as the attachment credential.jwt, so the file itself can
	// be verified (see verifier.Extract).
	Credential string
}

// Competency is one learning outcome with its grade.
type Competency struct {
	Code    string  // e.g. "LO1"
	Title   string  // competency title
	Outcome string  // learning outcome text for the transcript; optional
	Percent float64 // 0..100
	Letter  string  // letter grade; empty means derived from the grade scale
}

// Component is one microcertificate a nano-diploma lists.
type Component struct {
	RegNo             string  // program registration number
	Title             string  // program name
	CertificateNumber string  // the component certificate's number
	Credits           float64 // academic credits
	Hours             float64 // academic hours
	Grade             string  // letter grade of the component
	Required          bool    // a required (not elective) program of the pathway
}

// GradeBand is one row of the letter grade scale, e.g. {"A", 95, 100, "өте жақсы"}.
type GradeBand struct {
	Letter   string
	Min, Max float64 // inclusive percent range
	Name     string  // level of achievement in the certificate's language
}

// Branding is the issuer's look: configuration, not code.
type Branding struct {
	Name           map[string]string // kk/ru/en; used when Certificate.Organization is empty and as PDF author
	Logo           []byte            // PNG or JPEG, optional
	PrimaryColor   string            // "#1f3a93"
	AccentColor    string            // e.g. "#b08d3c"
	SignatureImage []byte            // optional PNG
	SealImage      []byte            // optional PNG
}

// FullName returns "Family Given Patronymic" without empty parts.
func (c *Certificate) FullName() string {
	s := ""
	for _, p := range []string{c.FamilyName, c.GivenName, c.Patronymic} {
		if p == "" {
			continue
		}
		if s != "" {
			s += " "
		}
		s += p
	}
	return s
}

// TotalHours returns Hours, or ContactHours+SelfStudyHours when Hours is zero.
func (c *Certificate) TotalHours() float64 {
	if c.Hours > 0 {
		return c.Hours
	}
	return c.ContactHours + c.SelfStudyHours
}

// CreditUnits returns the KazNMU credit units (СБ): TotalHours / 30.
func (c *Certificate) CreditUnits() float64 { return c.TotalHours() / 30 }
