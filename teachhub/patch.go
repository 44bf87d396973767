package teachhub

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// editable is the part of a card a PATCH may change.
type editable struct {
	FamilyName       string                         `json:"family_name"`
	GivenName        string                         `json:"given_name"`
	Patronymic       string                         `json:"patronymic"`
	Department       string                         `json:"department"`
	Position         string                         `json:"position"`
	Stream           string                         `json:"stream"`
	DateFrom         string                         `json:"date_from"`
	DateTo           string                         `json:"date_to"`
	ContactHours     float64                        `json:"contact_hours"`
	SelfStudyHours   float64                        `json:"self_study_hours"`
	Tasks            []credential.CardTask          `json:"tasks"`
	Marks            map[string]any                 `json:"marks"`
	Facilitator      string                         `json:"facilitator"`
	Document         *credential.SupportingDocument `json:"document"`
	PlanEntryDate    string                         `json:"plan_entry_date"`
	PlanEntryNumber  string                         `json:"plan_entry_number"`
	Verified         bool                           `json:"verified"`
	VerificationNote string                         `json:"verification_note"`
}

// afterCompletion are the fields that may still change once the completion
// record is issued: the work plan entry and the verification.
func afterCompletion() []string {
	return []string{"plan_entry_date", "plan_entry_number", "verified", "verification_note"}
}

// content are the fields whose change voids a coordinator's verification.
func content() []string {
	return []string{"contact_hours", "self_study_hours", "tasks", "marks", "document", "date_from", "date_to", "facilitator"}
}

// notEditable explains fields a PATCH cannot set.
func notEditable(field string) (lang.Phrase, bool) {
	switch field {
	case "status":
		return lang.Phrase{Key: lang.TeachHubStatusTransition}, true
	case "credential_id", "reason", "recognized_sb", "decision_date", "decision_number", "completed_at", "submitted_at", "recognized_at",
		"status_changed_at", "status_changed_by":
		return lang.Phrase{Key: lang.TeachHubSetByTransition, Args: []any{lang.Field(field)}}, true
	case "id", "program", "kind", "program_name", "staff_id", "created_at", "updated_at", "holder", "hours", "sb", "history",
		"verified_by", "verified_at":
		return lang.Phrase{Key: lang.TeachHubImmutable, Args: []any{lang.Field(field)}}, true
	}
	return lang.Phrase{}, false
}

func toEditable(c *credential.Card) editable {
	e := editable{FamilyName: c.FamilyName, GivenName: c.GivenName, Patronymic: c.Patronymic, Department: c.Department,
		Position: c.Position, Stream: c.Stream, DateFrom: c.DateFrom, DateTo: c.DateTo, ContactHours: c.ContactHours,
		SelfStudyHours: c.SelfStudyHours, Tasks: slices.Clone(c.Tasks), Marks: maps.Clone(c.Marks), Facilitator: c.Facilitator,
		PlanEntryDate: c.PlanEntryDate, PlanEntryNumber: c.PlanEntryNumber, Verified: c.Verified, VerificationNote: c.VerificationNote}
	if c.Document != nil {
		d := *c.Document
		e.Document = &d
	}
	if e.Marks == nil {
		e.Marks = map[string]any{}
	}
	return e
}

func (e *editable) apply(c *credential.Card) {
	c.FamilyName, c.GivenName, c.Patronymic, c.Department, c.Position = e.FamilyName, e.GivenName, e.Patronymic, e.Department, e.Position
	c.Stream, c.DateFrom, c.DateTo, c.ContactHours, c.SelfStudyHours = e.Stream, e.DateFrom, e.DateTo, e.ContactHours, e.SelfStudyHours
	c.Tasks, c.Marks, c.Facilitator, c.Document = e.Tasks, e.Marks, e.Facilitator, e.Document
	c.PlanEntryDate, c.PlanEntryNumber, c.Verified, c.VerificationNote = e.PlanEntryDate, e.PlanEntryNumber, e.Verified, e.VerificationNote
	if len(c.Marks) == 0 {
		c.Marks = nil
	}
}

// changed returns the JSON names of the fields that differ, sorted.
func changed(a, b editable) []string {
	var ma, mb map[string]json.RawMessage
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	_ = json.Unmarshal(ja, &ma)
	_ = json.Unmarshal(jb, &mb)
	var out []string
	for k, v := range mb {
		if !bytes.Equal(v, ma[k]) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// Update applies a JSON merge patch to a card's editable fields:
// participant data, stream and period, contact and self-study hours, tasks
// (replaced as a whole), facilitator marks by competency code (merged; null
// removes one), the supporting document (null removes it), the work plan
// entry, and the coordinator's verification ("verified": true records who
// and when; a later change to hours, tasks, marks, period or document voids
// it). Once a card is completed only the work plan entry and the
// verification may change; recognized and rejected cards do not change.
// The verification is the coordinator's (sec. 7.1 item 4): only the
// coordinator and admin roles may change it.
func (s *Service) Update(ctx context.Context, id, role string, patch []byte) (*credential.Card, error) {
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(patch, &probe); err != nil || probe == nil {
		return nil, credential.Errorm(credential.CodeInvalid, lang.TeachHubNotJSON)
	}
	keys := slices.Sorted(maps.Keys(probe))
	for _, k := range keys {
		if why, ok := notEditable(k); ok {
			e := credential.Errorm(credential.CodeInvalid, why.Key, why.Args...)
			e.Details = []credential.Detail{credential.DetailMsg(k, why.Key, why.Args...)}
			return nil, e
		}
	}
	cur, err := s.st.Card(ctx, id)
	if err != nil {
		return nil, err
	}
	var prog *credential.Program
	if _, ok := probe["marks"]; ok {
		if prog, err = s.st.Program(ctx, cur.Program, 0); err != nil {
			return nil, err
		}
	}
	out, err := s.st.UpdateCard(ctx, id, func(c *credential.Card) (credential.CardChange, error) {
		before := toEditable(c)
		after := toEditable(c)
		dec := json.NewDecoder(bytes.NewReader(patch))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&after); err != nil {
			e := credential.Errorm(credential.CodeInvalid, lang.TeachHubPatchMisfit)
			e.Message, e.Err = e.Message+": "+err.Error(), err
			return credential.CardChange{}, e
		}
		for k, v := range after.Marks {
			if v == nil {
				delete(after.Marks, k)
			}
		}
		fields := changed(before, after)
		if len(fields) == 0 {
			return credential.CardChange{}, nil
		}
		if c.Final() {
			return credential.CardChange{}, credential.Errorm(credential.CodeConflict, lang.TeachHubCardFinal, lang.CardStatus(c.Status))
		}
		if c.Status == credential.CardCompleted || c.Status == credential.CardSubmitted {
			var frozen []string
			for _, f := range fields {
				if !slices.Contains(afterCompletion(), f) {
					frozen = append(frozen, f)
				}
			}
			if len(frozen) > 0 {
				return credential.CardChange{}, credential.Errorm(credential.CodeConflict, lang.TeachHubFrozen, lang.CardStatus(c.Status), strings.Join(frozen, ", "))
			}
		}
		if (slices.Contains(fields, "verified") || slices.Contains(fields, "verification_note")) &&
			role != credential.RoleCoordinator && role != credential.RoleAdmin {
			return credential.CardChange{}, credential.Errorm(credential.CodeForbidden, lang.TeachHubVerifyRole, role)
		}
		if err := s.checkEdit(&after, prog); err != nil {
			return credential.CardChange{}, err
		}
		details := map[string]any{"fields": fields}
		touched := slices.ContainsFunc(fields, func(f string) bool { return slices.Contains(content(), f) })
		switch {
		case slices.Contains(fields, "verified") && after.Verified:
			now := s.now().UTC().Truncate(time.Second)
			c.VerifiedBy, c.VerifiedAt = credential.ActorFrom(ctx), &now
			details["verified"] = true
		case slices.Contains(fields, "verified"):
			c.VerifiedBy, c.VerifiedAt = "", nil
			details["verified"] = false
		case touched && c.Verified:
			after.Verified, c.VerifiedBy, c.VerifiedAt = false, "", nil
			details["verification_voided"] = true
		}
		after.apply(c)
		return credential.CardChange{Action: credential.ActionCardUpdated, Details: details}, nil
	})
	if err != nil {
		return nil, err
	}
	if out.History, err = s.st.CardHistory(ctx, id); err != nil {
		return nil, err
	}
	return out, nil
}

// checkEdit validates an edited card.
func (s *Service) checkEdit(e *editable, prog *credential.Program) error {
	trim := strings.TrimSpace
	e.FamilyName, e.GivenName, e.Patronymic, e.Department, e.Position = trim(e.FamilyName), trim(e.GivenName), trim(e.Patronymic), trim(e.Department), trim(e.Position)
	e.Stream, e.DateFrom, e.DateTo, e.Facilitator = trim(e.Stream), trim(e.DateFrom), trim(e.DateTo), trim(e.Facilitator)
	e.PlanEntryDate, e.PlanEntryNumber = trim(e.PlanEntryDate), trim(e.PlanEntryNumber)
	var d []credential.Detail
	add := func(f string, msg lang.Key, args ...any) { d = append(d, credential.DetailMsg(f, msg, args...)) }
	for _, f := range []struct{ name, v string }{{"family_name", e.FamilyName}, {"given_name", e.GivenName},
		{"department", e.Department}, {"position", e.Position}} {
		if f.v == "" {
			add(f.name, lang.TeachHubEmpty, lang.Field(f.name))
		}
	}
	d = append(d, checkText(map[string]string{"family_name": e.FamilyName, "given_name": e.GivenName, "patronymic": e.Patronymic,
		"department": e.Department, "position": e.Position, "stream": e.Stream, "facilitator": e.Facilitator,
		"plan_entry_number": e.PlanEntryNumber, "verification_note": e.VerificationNote})...)
	d = append(d, checkPeriod(e.DateFrom, e.DateTo)...)
	for _, h := range []struct {
		name string
		v    float64
	}{{"contact_hours", e.ContactHours}, {"self_study_hours", e.SelfStudyHours}} {
		if h.v < 0 || h.v > 10000 {
			add(h.name, lang.TeachHubHoursRange, lang.Field(h.name))
		}
	}
	for i, t := range e.Tasks {
		if strings.TrimSpace(t.Title) == "" {
			add(fmt.Sprintf("tasks[%d].title", i), lang.TeachHubTaskTitle)
		}
	}
	if len(e.Tasks) > 200 {
		add("tasks", lang.TeachHubTooManyTasks)
	}
	if e.Document != nil {
		d = append(d, e.Document.Missing()...)
	}
	if e.PlanEntryDate != "" {
		if _, err := time.Parse(time.DateOnly, e.PlanEntryDate); err != nil {
			add("plan_entry_date", lang.ValueDate, lang.Field("plan_entry_date"))
		}
	}
	if prog != nil {
		for _, code := range slices.Sorted(maps.Keys(e.Marks)) {
			comp, ok := prog.Competency(code)
			if !ok {
				add("marks."+code, lang.TeachHubNoCompetency, code, strings.Join(prog.Codes(), ", "))
				continue
			}
			if comp.Code != code {
				e.Marks[comp.Code] = e.Marks[code]
				delete(e.Marks, code)
			}
			if s.scale != nil {
				if _, err := s.scale.ParseGradeValue(e.Marks[comp.Code]); err != nil {
					d = append(d, credential.Detail{Field: "marks." + comp.Code, Message: comp.Code + ": " + credential.ErrorMessage(err)})
				}
			}
		}
	}
	if len(d) > 0 {
		return &credential.Error{Code: credential.CodeInvalid, Message: d[0].Message, Details: d, Msg: d[0].Msg, Args: d[0].Args}
	}
	return nil
}
