package issuer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// ReissueStore is what Reissue needs of the registry, beside Store.
type ReissueStore interface {
	Credential(ctx context.Context, id string) (*credential.Record, error)
	// ReissueCredential stores the correction built by build under award
	// key key and revokes oldID as replaced by it, in one transaction.
	ReissueCredential(ctx context.Context, oldID, reason, key string, build credential.BuildFunc) (*credential.Record, error)
}

// content is what the award says, canonically: everything a request
// carries that goes into its credential (the holder's names, identifiers,
// dates, grades, volume, language, extras). Two uploads of one award key
// with the same content are the same award; different content is a
// correction.
func (a *award) content() string {
	grades := make([]string, 0, len(a.grades))
	for code, g := range a.grades {
		grades = append(grades, code+"="+g.Letter+"/"+strconv.FormatFloat(g.Percent, 'f', -1, 64))
	}
	sort.Strings(grades)
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(time.DateOnly)
	}
	until := ""
	if a.validUntil != nil {
		until = a.validUntil.UTC().Format(time.RFC3339)
	}
	b, _ := json.Marshal([]any{
		strings.TrimSpace(a.req.FamilyName), strings.TrimSpace(a.req.GivenName), strings.TrimSpace(a.req.Patronymic),
		strings.TrimSpace(a.req.StudentID), a.req.IIN, strings.ToLower(strings.TrimSpace(a.req.Email)),
		day(a.from), day(a.to), day(a.decision), until, a.lang, grades,
		a.hours, a.credits, a.contactHours, a.selfHours,
		strings.TrimSpace(a.req.Department), strings.TrimSpace(a.req.Position), a.req.Facilitators,
	})
	return string(b)
}

// ContentHash is a credential's content hash: SHA-256 of its id and
// content, hex (the id salts it: like the credential's own identity hashes,
// it says nothing without the content).
func ContentHash(credID, content string) string {
	h := sha256.Sum256([]byte(credID + "\x00" + content))
	return hex.EncodeToString(h[:])
}

// changed reports whether the award says something else than the stored
// credential rec of the same award key. A credential issued before tanu
// kept content hashes is compared by the holder's name.
func (a *award) changed(rec *credential.Record) bool {
	if rec.ContentHash == "" {
		return rec.HolderName != a.req.HolderName()
	}
	return ContentHash(rec.ID, a.content()) != rec.ContentHash
}

// storedSubject is the part of a stored credential a correction starts
// from.
type storedSubject struct {
	ValidUntil string `json:"validUntil"`
	Subject    struct {
		Identifier []credential.IdentityObject `json:"identifier"`
		Start      string                      `json:"activityStartDate"`
		End        string                      `json:"activityEndDate"`
		Decision   string                      `json:"decisionDate"`
		Department string                      `json:"department"`
		Position   string                      `json:"position"`
		Credits    *float64                    `json:"creditsEarned"`
		Ach        struct {
			Hours       *float64 `json:"academicHours"`
			Contact     *float64 `json:"contactHours"`
			SelfStudy   *float64 `json:"selfStudyHours"`
			Facilitator []string `json:"facilitator"`
			Lang        string   `json:"inLanguage"`
		} `json:"achievement"`
		Result []struct {
			ResultDescription string `json:"resultDescription"`
			Value             string `json:"value"`
		} `json:"result"`
	} `json:"credentialSubject"`
}

// RequestFromRecord rebuilds, as far as the signed credential tells, the
// request a stored credential was issued from: names (the holder's name
// split as family, given, then the rest as patronymic), student id, dates,
// grades (percent where the credential has one), volume, language and
// extras. The IIN and e-mail are kept in the credential only as salted
// hashes: they come back empty, and Reissue carries the hashes over.
func RequestFromRecord(rec *credential.Record) (Request, []credential.IdentityObject, error) {
	var s storedSubject
	if err := credential.DecodePayload(rec.JWS, &s); err != nil {
		return Request{}, nil, err
	}
	r := Request{Program: rec.ProgramRegNo, StudentID: rec.StudentID, Language: rec.Language,
		Department: s.Subject.Department, Position: s.Subject.Position, Facilitators: s.Subject.Ach.Facilitator,
		Hours: s.Subject.Ach.Hours, Credits: s.Subject.Credits, ContactHours: s.Subject.Ach.Contact, SelfStudyHours: s.Subject.Ach.SelfStudy}
	names := strings.Fields(rec.HolderName)
	if len(names) > 0 {
		r.FamilyName = names[0]
	}
	if len(names) > 1 {
		r.GivenName = names[1]
	}
	if len(names) > 2 {
		r.Patronymic = strings.Join(names[2:], " ")
	}
	day := func(v string) string {
		if t, err := time.Parse(time.RFC3339, v); err == nil {
			return t.Format(time.DateOnly)
		}
		return v
	}
	r.DateFrom, r.DateTo, r.DecisionDate = day(s.Subject.Start), day(s.Subject.End), s.Subject.Decision
	if s.ValidUntil != "" {
		r.ValidUntil = s.ValidUntil
	}
	for _, res := range s.Subject.Result {
		base, pct := strings.CutSuffix(res.ResultDescription, "-percent")
		code := base[strings.LastIndexByte(base, '#')+1:]
		if r.Grades == nil {
			r.Grades = map[string]any{}
		}
		if pct {
			if f, err := strconv.ParseFloat(res.Value, 64); err == nil {
				r.Grades[code] = f
			}
		} else if _, set := r.Grades[code]; !set {
			r.Grades[code] = res.Value
		}
	}
	var kept []credential.IdentityObject
	for _, id := range s.Subject.Identifier {
		if id.Hashed && (id.IdentityType == "nationalIdentityNumber" || id.IdentityType == "emailAddress") {
			kept = append(kept, id)
		}
	}
	return r, kept, nil
}

// MergeCorrection lays the fields of a correction (a JSON object of
// Request fields; unknown fields are refused) over the request of the
// stored credential: each field given replaces the stored one ("" clears
// it), and grades are merged competency by competency.
func MergeCorrection(base Request, changes json.RawMessage) (Request, error) {
	var set map[string]json.RawMessage
	if err := json.Unmarshal(changes, &set); err != nil {
		return Request{}, credential.Wrap(credential.CodeInvalid, err, "the changes must be a JSON object of credential fields")
	}
	b, err := json.Marshal(base)
	if err != nil {
		return Request{}, err
	}
	var merged map[string]json.RawMessage
	if err := json.Unmarshal(b, &merged); err != nil {
		return Request{}, err
	}
	for k, v := range set {
		if k == "program" {
			continue
		}
		if k == "grades" {
			var g map[string]any
			if err := json.Unmarshal(v, &g); err != nil {
				return Request{}, credential.Wrap(credential.CodeInvalid, err, "grades must be an object of competency codes")
			}
			all := map[string]any{}
			for code, x := range base.Grades {
				all[code] = x
			}
			for code, x := range g {
				all[code] = x
			}
			if v, err = json.Marshal(all); err != nil {
				return Request{}, err
			}
		}
		merged[k] = v
	}
	mb, err := json.Marshal(merged)
	if err != nil {
		return Request{}, err
	}
	var out Request
	dec := json.NewDecoder(strings.NewReader(string(mb)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&out); err != nil {
		return Request{}, credential.Wrap(credential.CodeInvalid, err, "the changes hold a field a credential does not have: "+err.Error())
	}
	out.Program = base.Program
	return out, nil
}

// Reissue corrects credential oldID: the request it was issued from
// (RequestFromRecord) with changes laid over it (MergeCorrection) is
// validated like any request, against the program's latest version, and
// issued as a new credential with new certificate and book numbers,
// marked as a reissue of the old one; the old one is revoked as "replaced
// by" the new one, in the same transaction. The holder's hashed IIN and
// e-mail carry over unless changes give new ones. reason is required.
func (is *Issuer) Reissue(ctx context.Context, oldID string, changes json.RawMessage, reason string) (*credential.Record, error) {
	rs, ok := is.store.(ReissueStore)
	if !ok {
		return nil, credential.Errorf(credential.CodeInternal, "this registry cannot reissue")
	}
	if strings.TrimSpace(reason) == "" {
		return nil, &credential.Error{Code: credential.CodeInvalid, Message: "a reason is required", Msg: lang.ReissueReasonMissing,
			Details: []credential.Detail{credential.DetailMsg("reason", lang.ReissueReasonMissing)}}
	}
	old, err := rs.Credential(ctx, oldID)
	if err != nil {
		return nil, err
	}
	if old.ReplacedBy != "" {
		return nil, &credential.Error{Code: credential.CodeConflict, Message: fmt.Sprintf("credential %s was already replaced by %s", oldID, old.ReplacedBy),
			Msg: lang.ReissueAlready, Args: []any{old.ReplacedBy}}
	}
	base, kept, err := RequestFromRecord(old)
	if err != nil {
		return nil, err
	}
	if len(changes) == 0 {
		changes = json.RawMessage("{}")
	}
	req, err := MergeCorrection(base, changes)
	if err != nil {
		return nil, err
	}
	req.Notify = new(false) // the holder is told by the registrar, not twice by mail
	if req.Email != "" {
		req.Notify = nil
	}
	p, err := is.Plan(ctx, old.ProgramRegNo, []Request{req})
	if err != nil {
		return nil, err
	}
	if p.Errs[0] != nil {
		return nil, p.Errs[0]
	}
	a := p.awards[0]
	for _, k := range kept {
		if (k.IdentityType == "nationalIdentityNumber" && req.IIN == "") || (k.IdentityType == "emailAddress" && req.Email == "") {
			a.kept = append(a.kept, k)
		}
	}
	return rs.ReissueCredential(ctx, oldID, reason, p.Keys[0], p.Build)
}
