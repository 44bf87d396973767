package teachhub

import (
	"context"
	"strings"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
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
			return nil, credential.MissingError(credential.CardCompleted, missing)
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
			return nil, credential.MissingError(credential.CardSubmitted, missing)
		}
	}
	out, err := s.st.UpdateCard(ctx, id, func(c *credential.Card) (credential.CardChange, error) {
		if c.Status != card.Status || !c.UpdatedAt.Equal(card.UpdatedAt) {
			return credential.CardChange{}, credential.Errorm(credential.CodeConflict, lang.TeachHubChangedMeanwhile, lang.CardStatus(c.Status))
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
		return credential.CardChange{Action: credential.ActionCardTransitioned, Reason: tr.Reason, Details: details}, nil
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
	add := func(f string, msg lang.Key, args ...any) { d = append(d, credential.DetailMsg(f, msg, args...)) }
	if tr.To == credential.CardRecognized {
		if tr.RecognizedSB == nil || *tr.RecognizedSB <= 0 || *tr.RecognizedSB > 1000 {
			add("recognized_sb", lang.TeachHubRecognizedSB)
		}
		if dd, err := time.Parse(time.DateOnly, tr.DecisionDate); err != nil {
			add("decision_date", lang.TeachHubDecisionDate)
		} else if dd.Format(time.DateOnly) > s.today() {
			add("decision_date", lang.TeachHubDecisionFuture, tr.DecisionDate)
		} else if c.CompletedAt != nil && dd.Format(time.DateOnly) < c.CompletedAt.UTC().Format(time.DateOnly) {
			add("decision_date", lang.TeachHubDecisionEarly, tr.DecisionDate)
		}
		if tr.DecisionNumber == "" {
			add("decision_number", lang.TeachHubDecisionNumber)
		} else if len([]rune(tr.DecisionNumber)) > 100 {
			add("decision_number", lang.TeachHubDecisionNumberLen)
		}
	} else {
		if tr.RecognizedSB != nil {
			add("recognized_sb", lang.TeachHubOnlyRecognizedSB)
		}
		if tr.DecisionDate != "" || tr.DecisionNumber != "" {
			add("decision_date", lang.TeachHubOnlyDecision)
		}
	}
	if tr.To == credential.CardRejected && tr.Reason == "" {
		add("reason", lang.TeachHubReasonRequired)
	}
	if len([]rune(tr.Reason)) > 1000 {
		add("reason", lang.TeachHubReasonLong)
	}
	if len(d) > 0 {
		return &credential.Error{Code: credential.CodeInvalid, Message: d[0].Message, Details: d, Msg: d[0].Msg, Args: d[0].Args}
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
		return "", credential.Errorm(credential.CodeUnavailable, lang.TeachHubCannotIssue)
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
