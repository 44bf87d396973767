package issuer

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/google/uuid"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/dataintegrity"
)

// Store is what the issuer needs of the registry.
type Store interface {
	// Program returns a program version (0: latest). Returns not_found.
	Program(ctx context.Context, regno string, version int) (*credential.Program, error)
	// IssueAwards stores awards once each, allocating numbers and calling
	// build inside the storing transaction (possibly from several
	// goroutines at once: the builds of a Plan are safe for that).
	IssueAwards(ctx context.Context, keys []string, build credential.BuildFunc) ([]credential.Outcome, error)
}

// Signer signs a JWS payload.
type Signer interface {
	Sign(payload []byte) (string, error)
	// KID returns the kid URL the signer stamps in headers.
	KID() string
}

// Issuer issues credentials.
type Issuer struct {
	cur    atomic.Pointer[Identity]
	store  Store
	signer Signer
	now    func() time.Time
	rnd    io.Reader
	// context is the @context of every credential, built once.
	context []any
	// suite and proofKeys make Data Integrity proofs (optional).
	suite     *dataintegrity.Suite
	proofKeys ProofKeys
	// refresh brings the identity up to date before issuing (optional).
	refresh func(context.Context) error
}

// Option configures an Issuer.
type Option func(*Issuer)

// WithClock sets the clock.
func WithClock(now func() time.Time) Option { return func(i *Issuer) { i.now = now } }

// WithRefresh sets the function the issuer calls before validating
// requests, to bring its identity up to date (see SetIdentity): the
// organization's identity lives in the database, shared by all instances.
func WithRefresh(fn func(context.Context) error) Option { return func(i *Issuer) { i.refresh = fn } }

// WithRand sets the randomness source for ids and salts.
func WithRand(r io.Reader) Option { return func(i *Issuer) { i.rnd = r } }

// New returns an Issuer.
func New(id Identity, st Store, signer Signer, opts ...Option) (*Issuer, error) {
	if err := id.Validate(); err != nil {
		return nil, err
	}
	is := &Issuer{store: st, signer: signer, now: time.Now, rnd: rand.Reader,
		context: []any{credential.ContextVC2, credential.ContextOB3, credential.ContextExtensions, credential.TanuContext()}}
	is.cur.Store(&id)
	for _, o := range opts {
		o(is)
	}
	return is, nil
}

// Identity returns the issuer's current identity. It must not be
// modified: SetIdentity replaces it.
func (is *Issuer) Identity() *Identity { return is.cur.Load() }

// SetIdentity replaces the issuer's identity (the organization's identity
// changed): credentials issued from now on name the new one.
func (is *Issuer) SetIdentity(id Identity) error {
	if err := id.Validate(); err != nil {
		return err
	}
	is.cur.Store(&id)
	return nil
}

// Ready refreshes the identity and reports why credentials cannot be
// issued under it now (nil when they can): the organization's identity is
// incomplete.
func (is *Issuer) Ready(ctx context.Context) error {
	if is.refresh != nil {
		if err := is.refresh(ctx); err != nil {
			return err
		}
	}
	return is.Identity().Incomplete
}

// Result is the outcome of one request.
type Result struct {
	Record  *credential.Record
	Existed bool
}

// Issue validates a request, signs and stores its credential. If the award
// was issued before, it returns the existing credential with Existed set.
func (is *Issuer) Issue(ctx context.Context, r Request) (*Result, error) {
	res, errs, err := is.IssueMany(ctx, r.Program, []Request{r})
	if err != nil {
		return nil, err
	}
	if errs[0] != nil {
		return nil, errs[0]
	}
	return res[0], nil
}

// IssueMany issues requests for one program in one transaction. Requests
// that fail validation get an error in errs and issue nothing; the others
// are issued (or found already issued). err is set only when nothing could
// be stored.
func (is *Issuer) IssueMany(ctx context.Context, regno string, reqs []Request) (res []*Result, errs []error, err error) {
	p, err := is.Plan(ctx, regno, reqs)
	if err != nil {
		return nil, nil, err
	}
	res = make([]*Result, len(reqs))
	if len(p.Keys) == 0 {
		return res, p.Errs, nil
	}
	out, err := is.store.IssueAwards(ctx, p.Keys, p.Build)
	if err != nil {
		return nil, nil, err
	}
	for j, o := range out {
		res[p.Index[j]] = &Result{Record: o.Record, Existed: o.Existed}
	}
	return res, p.Errs, nil
}

// Plan is a set of requests for one program, validated and ready to be
// stored: the award keys of the valid ones and the function that builds
// (signs) their credentials once the registry has allocated numbers.
type Plan struct {
	// Program is the program version the credentials will name.
	Program *credential.Program
	// Errs holds one entry per request: nil for a valid request, else why
	// it is not (a *credential.Error whose Details name the fields).
	Errs []error
	// Keys are the award keys of the valid requests, in request order, and
	// Index the position of each in the requests.
	Keys  []string
	Index []int
	// Build signs the credential of Keys[i]. It is safe for concurrent use:
	// each award's ids and salts were drawn in advance, in order, so the
	// credentials do not depend on the order in which they are built.
	Build credential.BuildFunc
	// Changed reports whether the award of Keys[i] says something else
	// than the credential already issued for its key (a correction).
	Changed credential.ChangedFunc
	// awards are the valid requests, aligned with Keys.
	awards []*award
}

// Plan validates requests for the program regno (latest version) and
// prepares their issuance, to be stored with Store.IssueAwards (IssueMany
// does both). err is set when the program is missing or cannot issue now.
func (is *Issuer) Plan(ctx context.Context, regno string, reqs []Request) (*Plan, error) {
	return is.plan(ctx, regno, reqs, true)
}

// Check validates requests like Plan and computes their award keys, but
// prepares no issuance: the Plan it returns has no Build.
func (is *Issuer) Check(ctx context.Context, regno string, reqs []Request) (*Plan, error) {
	return is.plan(ctx, regno, reqs, false)
}

func (is *Issuer) plan(ctx context.Context, regno string, reqs []Request, build bool) (*Plan, error) {
	if err := is.Ready(ctx); err != nil {
		return nil, err
	}
	id := is.Identity()
	prog, err := is.store.Program(ctx, regno, 0)
	if err != nil {
		return nil, err
	}
	if err := prog.IssuableAt(is.now()); err != nil {
		return nil, err
	}
	p := &Plan{Program: prog, Errs: make([]error, len(reqs))}
	var awards []*award
	for i, r := range reqs {
		if r.Program != "" && r.Program != regno {
			p.Errs[i] = credential.Errorf(credential.CodeInvalid, "request is for program %s, not %s", r.Program, regno)
			continue
		}
		a, err := is.validate(id, prog, r)
		if err != nil {
			p.Errs[i] = err
			continue
		}
		awards = append(awards, a)
		p.Keys = append(p.Keys, AwardKey(prog.RegistrationNumber, r.StudentID, a.from.Format(time.DateOnly), a.to.Format(time.DateOnly)))
		p.Index = append(p.Index, i)
	}
	p.awards = awards
	p.Changed = func(i int, rec *credential.Record) bool { return awards[i].changed(rec) }
	if !build {
		return p, nil
	}
	if err := is.draw(awards); err != nil {
		return nil, err
	}
	p.Build = func(i int, n credential.Numbers, at time.Time) (*credential.Record, error) {
		return is.build(prog, awards[i], n, at)
	}
	return p, nil
}

// draw takes the awards' random values from the issuer's source, in one
// read: for each award in order, the credential and subject ids, then one
// salt per hashed identity, in the order the credential lists them (the
// same stream, in the same order, as drawing them one by one).
func (is *Issuer) draw(awards []*award) error {
	n := 0
	for _, a := range awards {
		n += 32
		for _, x := range a.identities() {
			if x.v != "" {
				n += 16
			}
		}
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(is.rnd, buf); err != nil {
		return fmt.Errorf("issuer: random values: %w", err)
	}
	next := func(k int) []byte {
		b := buf[:k]
		buf = buf[k:]
		return b
	}
	for _, a := range awards {
		for _, id := range []*string{&a.credID, &a.subjID} {
			u, err := uuid.NewRandomFromReader(bytes.NewReader(next(16)))
			if err != nil {
				return fmt.Errorf("issuer: random id: %w", err)
			}
			*id = u.String()
		}
		for _, x := range a.identities() {
			if x.v != "" {
				a.salts = append(a.salts, hex.EncodeToString(next(16)))
			}
		}
	}
	return nil
}

// hashIdentity returns an OB3 IdentityObject holding a salted SHA-256 hash.
func hashIdentity(kind, value, salt string) credential.IdentityObject {
	return credential.IdentityObject{Type: "IdentityObject", IdentityType: kind, Hashed: true,
		IdentityHash: IdentityHash(value, salt), Salt: salt}
}

// IdentityHash is the OB3 identity hash: "sha256$" + hex(SHA-256(value+salt)).
func IdentityHash(value, salt string) string {
	h := sha256.Sum256([]byte(value + salt))
	return "sha256$" + hex.EncodeToString(h[:])
}

// build makes, signs and describes one credential.
func (is *Issuer) build(p *credential.Program, a *award, n credential.Numbers, at time.Time) (*credential.Record, error) {
	credID, subjID := a.credID, a.subjID
	c, err := is.credentialFor(p, a, credID, subjID, n, at)
	if err != nil {
		return nil, err
	}
	payload, err := Payload(c)
	if err != nil {
		return nil, err
	}
	jws, err := is.signer.Sign(payload)
	if err != nil {
		return nil, fmt.Errorf("issuer: sign: %w", err)
	}
	return &credential.Record{
		ID: credID, ProgramRegNo: p.RegistrationNumber, ProgramVersion: p.Version,
		StudentID: strings.TrimSpace(a.req.StudentID), HolderName: a.req.HolderName(), Language: a.lang,
		KID: headerKID(jws, is.signer.KID()), ValidFrom: at, ValidUntil: a.validUntil, Status: credential.StatusValid,
		BatchID: a.req.BatchID, JWS: jws, NotifyEmail: a.req.notifyAddress(),
		ContentHash: ContentHash(credID, a.content()),
	}, nil
}

// credentialFor builds the OB3 credential of an award.
func (is *Issuer) credentialFor(p *credential.Program, a *award, credID, subjID string, n credential.Numbers, at time.Time) (*credential.OB3Credential, error) {
	lang, id := a.lang, a.id
	achID := id.AchievementURL(p.RegistrationNumber, p.Version)
	name := p.Name.Get(lang)
	idents := []credential.IdentityObject{{Type: "IdentityObject", IdentityType: "name", Hashed: false, IdentityHash: a.req.HolderName()}}
	salts := a.salts
	for _, x := range a.identities() {
		if x.v == "" {
			continue
		}
		if len(salts) == 0 {
			return nil, fmt.Errorf("issuer: award has no salt left for %s", x.kind)
		}
		idents = append(idents, hashIdentity(x.kind, x.v, salts[0]))
		salts = salts[1:]
	}
	idents = append(idents, a.kept...)
	ach := credential.Achievement{
		ID: achID, Type: []string{"Achievement"}, AchievementType: achievementType(p.Kind),
		Name: name, Description: describe(p, lang, a.hours, a.credits),
		Criteria:  credential.Criteria{ID: achID, Narrative: criteria(p, lang, id.Scale)},
		HumanCode: p.RegistrationNumber, InLanguage: lang, Version: strconv.Itoa(p.Version),
		OtherIdentifier: []credential.IdentifierEntry{{Type: "IdentifierEntry", Identifier: p.RegistrationNumber, IdentifierType: "identifier"}},
		AcademicHours:   a.hours, ContactHours: a.contactHours, SelfStudyHours: a.selfHours,
		NQFLevel: p.NQFLevel, FormOfStudy: p.FormOfStudy, Facilitator: facilitators(p, a),
		Alignment: nqfAlignment(id, p),
	}
	if a.credits > 0 {
		c := a.credits
		ach.CreditsAvailable = &c
	}
	var results []credential.Result
	for _, comp := range p.Competencies {
		title := comp.Title.Get(lang)
		ach.ResultDescription = append(ach.ResultDescription,
			credential.ResultDescription{ID: achID + "#" + comp.Code, Type: []string{"ResultDescription"}, Name: comp.Code + " " + title,
				ResultType: "LetterGrade", AllowedValue: id.Scale.Letters(), RequiredValue: id.Scale.LowestPassing()},
			credential.ResultDescription{ID: achID + "#" + comp.Code + "-percent", Type: []string{"ResultDescription"}, Name: comp.Code + " " + title + " (%)",
				ResultType: "Percent", ValueMin: "0", ValueMax: "100"})
		g, ok := a.grades[comp.Code]
		if !ok {
			continue
		}
		results = append(results, credential.Result{Type: []string{"Result"}, ResultDescription: achID + "#" + comp.Code, Value: g.Letter})
		if g.Percent >= 0 {
			results = append(results, credential.Result{Type: []string{"Result"}, ResultDescription: achID + "#" + comp.Code + "-percent",
				Value: strconv.FormatFloat(g.Percent, 'f', -1, 64)})
		}
	}
	if a.req.Nano != nil {
		idents = append(idents, a.req.Nano.Identities...)
		results = is.nano(a.req.Nano, &ach, results, lang)
	}
	subj := credential.AchievementSubject{
		ID: "urn:uuid:" + subjID, Type: []string{"AchievementSubject"}, Identifier: idents, Achievement: ach, Result: results,
		ActivityStartDate: a.from.Format(time.RFC3339), ActivityEndDate: a.to.Format(time.RFC3339),
		Department: a.req.Department, Position: a.req.Position,
	}
	if !a.decision.IsZero() {
		subj.DecisionDate = a.decision.Format(time.DateOnly)
	}
	if a.credits > 0 {
		c := a.credits
		subj.CreditsEarned = &c
	}
	if p.Kind != credential.KindMicroqualification && p.Kind != credential.KindNanoDiploma {
		subj.CreditUnits = CreditUnits(a.hours)
	}
	holder := a.req.HolderName()
	c := &credential.OB3Credential{
		Context:     is.context,
		ID:          "urn:uuid:" + credID,
		Type:        []string{"VerifiableCredential", "OpenBadgeCredential"},
		Name:        name + " — " + holder,
		Description: id.Name.Get(lang) + ": " + name,
		Issuer:      id.Profile(),
		ValidFrom:   at.UTC().Format(time.RFC3339), AwardedDate: at.UTC().Format(time.RFC3339),
		CredentialSubject:  subj,
		CredentialSchema:   []credential.CredentialSchema{{ID: credential.SchemaOB3, Type: "1EdTechJsonSchemaValidator2019"}},
		CertificateNumber:  FormatCertificateNumber(n.Certificate),
		RegistrationNumber: n.Book,
		CredentialStatus: &credential.CredentialStatus{
			ID:   id.StatusListURL("revocation", n.StatusList) + "#" + strconv.Itoa(n.StatusIndex),
			Type: "BitstringStatusListEntry", StatusPurpose: "revocation", StatusListIndex: strconv.Itoa(n.StatusIndex),
			StatusListCredential: id.StatusListURL("revocation", n.StatusList),
		},
	}
	if a.validUntil != nil {
		c.ValidUntil = a.validUntil.Format(time.RFC3339)
	}
	if a.req.Nano != nil {
		c.Evidence = is.nanoEvidence(a.req.Nano, lang)
	}
	return c, nil
}

// nqfAlignment aligns a program with its NQF level, described at
// {base}/frameworks/nqf-kz#level-N.
func nqfAlignment(id *Identity, p *credential.Program) []credential.Alignment {
	if p.NQFLevel <= 0 {
		return nil
	}
	return []credential.Alignment{{
		Type: []string{"Alignment"}, TargetName: fmt.Sprintf("NQF level %d", p.NQFLevel),
		TargetURL: id.NQFLevelURL(p.NQFLevel), TargetCode: strconv.Itoa(p.NQFLevel),
		TargetFramework: "National Qualifications Framework of the Republic of Kazakhstan", TargetType: "ext:NQFLevel",
	}}
}

// AchievementOf describes a program version as the Achievement document
// {base}/achievements/{regno}/{version} serves it, in lang: its kind, name,
// description (never empty: the volume at least), criteria and alignment.
func AchievementOf(id *Identity, p *credential.Program, lang string) credential.Achievement {
	achID := id.AchievementURL(p.RegistrationNumber, p.Version)
	return credential.Achievement{
		ID: achID, Type: []string{"Achievement"}, AchievementType: achievementType(p.Kind),
		Name: p.Name.Get(lang), Description: describe(p, lang, p.Hours, p.Credits),
		Criteria:  credential.Criteria{ID: achID, Narrative: criteria(p, lang, id.Scale)},
		HumanCode: p.RegistrationNumber, InLanguage: lang, Version: strconv.Itoa(p.Version),
		Alignment: nqfAlignment(id, p),
	}
}

// FormatCertificateNumber prints a certificate number with six digits.
func FormatCertificateNumber(n int64) string { return fmt.Sprintf("%06d", n) }

// CreditUnits is TeachHub's SB: academic hours / 30, two decimals.
func CreditUnits(hours float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(hours/30, 'f', 2, 64), 64)
	return v
}

// Payload is the VC-JWT payload: the credential's members at the top level
// plus iss, jti, sub, nbf (and exp), as Open Badges 3.0 defines VC-JWT.
func Payload(c *credential.OB3Credential) ([]byte, error) {
	// Encode straight into a buffer big enough for the claims too (what
	// json.Marshal writes, without its copies).
	var buf bytes.Buffer
	buf.Grow(8 << 10)
	if err := json.NewEncoder(&buf).Encode(c); err != nil {
		return nil, fmt.Errorf("issuer: encode credential: %w", err)
	}
	b := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	from, err := time.Parse(time.RFC3339, c.ValidFrom)
	if err != nil {
		return nil, fmt.Errorf("issuer: validFrom: %w", err)
	}
	claims := fmt.Sprintf(`,"iss":%q,"jti":%q,"sub":%q,"nbf":%d`, c.Issuer.ID, c.ID, c.CredentialSubject.ID, from.Unix())
	if c.ValidUntil != "" {
		until, err := time.Parse(time.RFC3339, c.ValidUntil)
		if err != nil {
			return nil, fmt.Errorf("issuer: validUntil: %w", err)
		}
		claims += fmt.Sprintf(`,"exp":%d`, until.Unix())
	}
	out := append(b[:len(b)-1], claims...)
	return append(out, '}'), nil
}

func achievementType(kind string) string {
	switch kind {
	case credential.KindMicroqualification:
		return "MicroCredential"
	case credential.KindTeachHubModule:
		return "Course"
	case credential.KindNanoDiploma:
		return "Diploma"
	default:
		return "LearningProgram"
	}
}

func facilitators(p *credential.Program, a *award) []string {
	if len(a.req.Facilitators) > 0 {
		return a.req.Facilitators
	}
	return p.Facilitators
}

func describe(p *credential.Program, lang string, hours, credits float64) string {
	var b strings.Builder
	if d := p.Description.Get(lang); d != "" {
		b.WriteString(d)
		b.WriteString(" ")
	}
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	switch lang {
	case "ru":
		fmt.Fprintf(&b, "Объём: %s академических часов", f(hours))
		if credits > 0 {
			fmt.Fprintf(&b, ", %s академических кредитов", f(credits))
		}
	case "en":
		fmt.Fprintf(&b, "Volume: %s academic hours", f(hours))
		if credits > 0 {
			fmt.Fprintf(&b, ", %s academic credits", f(credits))
		}
	default:
		fmt.Fprintf(&b, "Көлемі: %s академиялық сағат", f(hours))
		if credits > 0 {
			fmt.Fprintf(&b, ", %s академиялық кредит", f(credits))
		}
	}
	if p.NQFLevel > 0 {
		fmt.Fprintf(&b, "; NQF %d", p.NQFLevel)
	}
	b.WriteString(".")
	return b.String()
}

func criteria(p *credential.Program, lang string, s credential.GradeScale) string {
	low := s.LowestPassing()
	var head string
	switch lang {
	case "ru":
		head = "Освоить результаты обучения программы с оценкой не ниже " + low + " по каждой обязательной компетенции:"
	case "en":
		head = "Achieve every required learning outcome of the program with a grade of " + low + " or better:"
	default:
		head = "Бағдарламаның әр міндетті оқу нәтижесін кемінде " + low + " бағасымен меңгеру:"
	}
	var b strings.Builder
	b.WriteString(head)
	for _, c := range p.Competencies {
		fmt.Fprintf(&b, "\n- %s: %s", c.Code, c.Title.Get(lang))
	}
	return b.String()
}

// headerKID returns the kid of a compact JWS's protected header: the key
// that did sign, even when the signer moved to a new key just after.
// fallback is returned when the header cannot be read.
func headerKID(jws, fallback string) string {
	head, _, ok := strings.Cut(jws, ".")
	if !ok {
		return fallback
	}
	raw, err := base64.RawURLEncoding.DecodeString(head)
	if err != nil {
		return fallback
	}
	var h struct {
		KID string `json:"kid"`
	}
	if json.Unmarshal(raw, &h) != nil || h.KID == "" {
		return fallback
	}
	return h.KID
}
