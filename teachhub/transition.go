package teachhub

import (
	"context"
	"strings"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/store"
)

// Transition moves a card to tr.To on behalf of a caller with role. The
// step must be in the flow (else conflict) and allowed to role (else
// forbidden); see credential.CardTransitionRoles. Completing checks the
// program's completion criteria and issues the completion record
// credential; submitting checks the coordinator's verification and the work
// plan entry; recognizing records the recognized SB and the decision;
// rejecting needs a reason. Every change is in the audit trail.
func (s *Service) Transition(ctx context.Context, id, role string, tr credential.CardTransition) (*credential.Card, error) {
	tr.To, tr.Reason = strings.TrimSpace(tr.To), strings.TrimSpace(tr.Reason)
	tr.DecisionDate, tr.DecisionNumber = strings.TrimSpace(tr.DecisionDate), strings.TrimSpace(tr.DecisionNumber)
	card, err := s.st.Card(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := credential.CheckCardTransition(card.Status, tr.To, role); err != nil {
		return nil, err
	}
	if err := s.checkInput(card, tr); err != nil {
		return nil, err
	}
	var credID string
	from, to := card.DateFrom, card.DateTo
	switch tr.To {
	case credential.CardCompleted:
		p, err := s.st.Program(ctx, card.Program, 0)
		if err != nil {
			return nil, err
		}
		if missing := card.CompletionMissing(p); len(missing) > 0 {
			return nil, credential.MissingError("completed", missing)
		}
		from, to = s.period(card)
		if credID, err = s.issue(ctx, card, from, to); err != nil {
			return nil, err
		}
	case credential.CardSubmitted:
		missing := card.SubmissionMissing()
		if card.Kind == credential.KindNonformalActivity {
			missing = append(missing, card.Document.Missing()...)
		}
		if len(missing) > 0 {
			return nil, credential.MissingError("submitted for recognition", missing)
		}
	}
	out, err := s.st.UpdateCard(ctx, id, func(c *credential.Card) (store.CardChange, error) {
		if c.Status != card.Status || !c.UpdatedAt.Equal(card.UpdatedAt) {
			return store.CardChange{}, credential.Errorf(credential.CodeConflict, "the card changed meanwhile (it is now %s): read it again and retry", c.Status)
		}
		details := map[string]any{"from": c.Status, "to": tr.To, "role": role}
		c.Status = tr.To
		switch tr.To {
		case credential.CardCompleted:
			c.CredentialID, c.DateFrom, c.DateTo = credID, from, to
			details["credential_id"], details["hours"], details["sb"] = credID, c.Hours, c.SB
		case credential.CardRecognized:
			sb := *tr.RecognizedSB
			c.RecognizedSB, c.DecisionDate, c.DecisionNumber = &sb, tr.DecisionDate, tr.DecisionNumber
			details["recognized_sb"], details["decision_date"], details["decision_number"] = sb, tr.DecisionDate, tr.DecisionNumber
		case credential.CardRejected:
			c.Reason = tr.Reason
		}
		return store.CardChange{Action: store.ActionCardTransitioned, Reason: tr.Reason, Details: details}, nil
	})
	if err != nil {
		return nil, err
	}
	if out.History, err = s.st.CardHistory(ctx, id); err != nil {
		return nil, err
	}
	return out, nil
}

// checkInput checks the fields a target status needs, and that the others
// are not given.
func (s *Service) checkInput(c *credential.Card, tr credential.CardTransition) error {
	var d []credential.Detail
	add := func(f, msg string) { d = append(d, credential.Detail{Field: f, Message: msg}) }
	if tr.To == credential.CardRecognized {
		if tr.RecognizedSB == nil || *tr.RecognizedSB <= 0 || *tr.RecognizedSB > 1000 {
			add("recognized_sb", "recognized_sb (the credit units the decision recognizes, 1 SB = 30 academic hours) must be a positive number")
		}
		if dd, err := time.Parse(time.DateOnly, tr.DecisionDate); err != nil {
			add("decision_date", "decision_date (the date of the recognition decision) must be a date YYYY-MM-DD")
		} else if dd.Format(time.DateOnly) > s.today() {
			add("decision_date", "the decision date "+tr.DecisionDate+" is in the future")
		} else if c.CompletedAt != nil && dd.Format(time.DateOnly) < c.CompletedAt.UTC().Format(time.DateOnly) {
			add("decision_date", "the decision date "+tr.DecisionDate+" is before the card was completed")
		}
		if tr.DecisionNumber == "" {
			add("decision_number", "decision_number (the number of the recognition decision) is required")
		} else if len([]rune(tr.DecisionNumber)) > 100 {
			add("decision_number", "decision_number is longer than 100 characters")
		}
	} else {
		if tr.RecognizedSB != nil {
			add("recognized_sb", "recognized_sb is given only with to=recognized")
		}
		if tr.DecisionDate != "" || tr.DecisionNumber != "" {
			add("decision_date", "decision_date and decision_number are given only with to=recognized")
		}
	}
	if tr.To == credential.CardRejected && tr.Reason == "" {
		add("reason", "a rejection needs a reason")
	}
	if len([]rune(tr.Reason)) > 1000 {
		add("reason", "reason is longer than 1000 characters")
	}
	if len(d) > 0 {
		return &credential.Error{Code: credential.CodeInvalid, Message: d[0].Message, Details: d}
	}
	return nil
}

// period is the award period of a completed card: its own dates, else its
// supporting document's, else from enrolment to today.
func (s *Service) period(c *credential.Card) (from, to string) {
	from, to = c.DateFrom, c.DateTo
	if c.Document != nil {
		if from == "" {
			from = c.Document.DateFrom
		}
		if to == "" {
			to = c.Document.DateTo
		}
	}
	if from == "" {
		from = c.CreatedAt.UTC().Format(time.DateOnly)
	}
	if to == "" {
		to = s.today()
	}
	return from, to
}

// issue issues the completion record credential of a card. The award is
// identified by program, staff id and period, so a retry finds the same
// credential instead of issuing another.
func (s *Service) issue(ctx context.Context, c *credential.Card, from, to string) (string, error) {
	if s.is == nil {
		return "", credential.Errorf(credential.CodeUnavailable, "this tool cannot issue credentials: complete cards through the server")
	}
	hours, contact, self := c.Hours, c.ContactHours, c.SelfStudyHours
	req := issuer.Request{Program: c.Program, StudentID: c.StaffID, FamilyName: c.FamilyName, GivenName: c.GivenName,
		Patronymic: c.Patronymic, DateFrom: from, DateTo: to, Hours: &hours, ContactHours: &contact, SelfStudyHours: &self,
		Department: c.Department, Position: c.Position}
	if len(c.Marks) > 0 {
		req.Grades = c.Marks
	}
	if c.Facilitator != "" {
		req.Facilitators = []string{c.Facilitator}
	}
	res, err := s.is.Issue(ctx, req)
	if err != nil {
		return "", err
	}
	return res.Record.ID, nil
}
