package credential

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tanu-edu/tanu/lang"
)

// Participant card statuses (KazNMU regulation 4.5.4): registered →
// in_progress → completed → submitted_for_recognition → recognized, or
// rejected with a reason.
const (
	CardRegistered = "registered"
	CardInProgress = "in_progress"
	CardCompleted  = "completed"
	CardSubmitted  = "submitted_for_recognition"
	CardRecognized = "recognized"
	CardRejected   = "rejected"
)

// HoursPerSB is the academic hours in one credit unit (СБ): 1 SB = 30 hours.
const HoursPerSB = 30

// CardStatuses lists every card status in flow order.
func CardStatuses() []string {
	return []string{CardRegistered, CardInProgress, CardCompleted, CardSubmitted, CardRecognized, CardRejected}
}

// ValidCardStatus reports whether s is a card status.
func ValidCardStatus(s string) bool { return slices.Contains(CardStatuses(), s) }

// CardTransitionRoles returns the roles that may move a card from one status
// to another, or nil when the step is not part of the flow:
//
//	registered → in_progress                      coordinator, admin
//	in_progress → completed                       coordinator, admin
//	completed → submitted_for_recognition         coordinator, admin
//	submitted_for_recognition → recognized        registrar, admin
//	submitted_for_recognition → rejected          registrar, admin
//	registered | in_progress → rejected           coordinator, admin (withdrawn)
//
// The coordinator keeps the cards and verifies hours and tasks (sec. 7.1
// item 4); recognition is the commission's decision, recorded by the
// registrar (sec. 6). Keeping the two apart is deliberate: the registrar
// does not complete cards and the coordinator does not recognize them.
// Admin may do everything. recognized and rejected are final.
func CardTransitionRoles(from, to string) []string {
	coordinator := []string{RoleCoordinator, RoleAdmin}
	registrar := []string{RoleRegistrar, RoleAdmin}
	switch {
	case from == CardRegistered && to == CardInProgress,
		from == CardInProgress && to == CardCompleted,
		from == CardCompleted && to == CardSubmitted:
		return coordinator
	case from == CardSubmitted && (to == CardRecognized || to == CardRejected):
		return registrar
	case (from == CardRegistered || from == CardInProgress) && to == CardRejected:
		return coordinator
	}
	return nil
}

// CardNextStatuses returns the statuses a card in status from can move to.
func CardNextStatuses(from string) []string {
	var out []string
	for _, to := range CardStatuses() {
		if CardTransitionRoles(from, to) != nil {
			out = append(out, to)
		}
	}
	return out
}

// CheckCardTransition returns nil when role may move a card from one status
// to another: a conflict error when the step is not in the flow (naming the
// allowed next statuses), a forbidden error when it is but not for role.
func CheckCardTransition(from, to, role string) error {
	if !ValidCardStatus(to) || to == CardRegistered {
		e := Errorm(CodeInvalid, lang.CardUnknownTarget)
		e.Details = []Detail{DetailMsg("to", lang.CardUnknownTargetWhat, to)}
		return e
	}
	roles := CardTransitionRoles(from, to)
	if roles == nil {
		next := CardNextStatuses(from)
		if len(next) == 0 {
			return Errorm(CodeConflict, lang.CardIsFinal, lang.CardStatus(from), lang.CardStatus(to))
		}
		nextKeys := make([]lang.Key, len(next))
		for i, n := range next {
			nextKeys[i] = lang.CardStatus(n)
		}
		e := Errorm(CodeConflict, lang.CardNoPath, lang.CardStatus(from), lang.CardStatus(to), nextKeys)
		e.Message = fmt.Sprintf("a card cannot go from %s to %s; from %s it can go to %s", from, to, from, strings.Join(next, " or "))
		return e
	}
	if !slices.Contains(roles, role) {
		e := Errorm(CodeForbidden, lang.CardNeedsRole, lang.CardStatus(from), lang.CardStatus(to), strings.Join(roles, " / "), role)
		e.Message = fmt.Sprintf("moving a card from %s to %s needs the %s role; the token has %s", from, to, strings.Join(roles, " or "), role)
		return e
	}
	return nil
}

// CardTask is a task or product of the participant (4.5.4 "completed tasks
// and products"). A task whose Title equals one of the program's
// completion_criteria is that criterion's evidence.
type CardTask struct {
	Title   string   `json:"title"`
	Product string   `json:"product,omitempty"`
	Links   []string `json:"links,omitempty"`
	Files   []string `json:"files,omitempty"`
	Done    bool     `json:"done"`
	Mark    string   `json:"mark,omitempty"`
}

// DocumentFormats lists the accepted formats of a non-formal activity
// (sec. 5.2 item 1).
func DocumentFormats() []string {
	return []string{"seminar", "training", "workshop", "online_course", "mooc", "internship", "job_shadowing", "conference", "webinar", "self_study", "other"}
}

// SupportingDocument holds the required fields of a non-formal activity's
// supporting document (sec. 5.2): the activity's name and format, dates,
// content, workload in academic hours, and the organizer or mentor. The
// participant's data (item 2) are the card's.
type SupportingDocument struct {
	Activity    string   `json:"activity"`
	Format      string   `json:"format"`
	DateFrom    string   `json:"date_from"`
	DateTo      string   `json:"date_to"`
	Content     string   `json:"content"`
	Outcomes    string   `json:"outcomes,omitempty"`
	Hours       float64  `json:"hours"`
	Organizer   string   `json:"organizer"`
	Responsible string   `json:"responsible"`
	Evidence    []string `json:"evidence,omitempty"`
}

// Missing returns one detail per required field that is empty or wrong.
func (d *SupportingDocument) Missing() []Detail {
	var out []Detail
	add := func(f string, msg lang.Key, args ...any) { out = append(out, DetailMsg("document."+f, msg, args...)) }
	if d == nil {
		return []Detail{DetailMsg("document", lang.DocMissing)}
	}
	if strings.TrimSpace(d.Activity) == "" {
		add("activity", lang.DocActivity)
	}
	if formats := DocumentFormats(); !slices.Contains(formats, d.Format) {
		add("format", lang.DocFormat, strings.Join(formats, ", "))
	}
	from, errFrom := parseDate(d.DateFrom)
	to, errTo := parseDate(d.DateTo)
	if errFrom != nil {
		add("date_from", lang.DocFirstDay)
	}
	if errTo != nil {
		add("date_to", lang.DocLastDay)
	}
	if errFrom == nil && errTo == nil && to.Before(from) {
		add("date_to", lang.DocReversed)
	}
	if strings.TrimSpace(d.Content) == "" {
		add("content", lang.DocContent)
	}
	if d.Hours <= 0 {
		add("hours", lang.DocHours)
	}
	if strings.TrimSpace(d.Organizer) == "" {
		add("organizer", lang.DocOrganizer)
	}
	if strings.TrimSpace(d.Responsible) == "" {
		add("responsible", lang.DocResponsible)
	}
	return out
}

// CardEvent is one status change of a card, as the audit trail records it.
type CardEvent struct {
	From   string    `json:"from"`
	To     string    `json:"to"`
	At     time.Time `json:"at"`
	Actor  string    `json:"actor"`
	Reason string    `json:"reason,omitempty"`
}

// Card is a TeachHub or non-formal learning participant card (4.5.4).
type Card struct {
	ID          string `json:"id"`
	Program     string `json:"program"`
	Kind        string `json:"kind"`
	ProgramName Text   `json:"program_name,omitempty"`
	Stream      string `json:"stream,omitempty"`
	// Participant.
	StaffID    string `json:"staff_id"`
	FamilyName string `json:"family_name"`
	GivenName  string `json:"given_name"`
	Patronymic string `json:"patronymic,omitempty"`
	Holder     string `json:"holder"`
	Department string `json:"department"`
	Position   string `json:"position"`
	// Study period of the participant (YYYY-MM-DD), optional until
	// completion, which needs it: the card's own, or its stream's dates
	// once the coordinator confirms them (see CardTransition.ConfirmPeriod).
	DateFrom string `json:"date_from,omitempty"`
	DateTo   string `json:"date_to,omitempty"`
	// StreamPeriod is the stream's dates, when set (shown, not stored on
	// the card).
	StreamPeriod *Period `json:"stream_period,omitempty"`
	Status       string  `json:"status"`
	// Work done.
	ContactHours   float64             `json:"contact_hours"`
	SelfStudyHours float64             `json:"self_study_hours"`
	Hours          float64             `json:"hours"`
	SB             float64             `json:"sb"`
	Tasks          []CardTask          `json:"tasks"`
	Marks          map[string]any      `json:"marks,omitempty"`
	Facilitator    string              `json:"facilitator,omitempty"`
	Document       *SupportingDocument `json:"document,omitempty"`
	// Individual work plan / information system entry.
	PlanEntryDate   string `json:"plan_entry_date,omitempty"`
	PlanEntryNumber string `json:"plan_entry_number,omitempty"`
	// Coordinator verification.
	Verified         bool       `json:"verified"`
	VerifiedBy       string     `json:"verified_by,omitempty"`
	VerifiedAt       *time.Time `json:"verified_at,omitempty"`
	VerificationNote string     `json:"verification_note,omitempty"`
	// Coordinator is the coordinator's name for the completion
	// certificate's signature line: the name of the account that verified
	// the card, unless set.
	Coordinator string `json:"coordinator,omitempty"`
	// Outcome.
	CredentialID    string     `json:"credential_id,omitempty"`
	Reason          string     `json:"reason,omitempty"`
	RecognizedSB    *float64   `json:"recognized_sb,omitempty"`
	DecisionDate    string     `json:"decision_date,omitempty"`
	DecisionNumber  string     `json:"decision_number,omitempty"`
	CreatedAt       time.Time  `json:"created_at"`
	UpdatedAt       time.Time  `json:"updated_at"`
	StatusChangedAt time.Time  `json:"status_changed_at"`
	StatusChangedBy string     `json:"status_changed_by,omitempty"`
	CompletedAt     *time.Time `json:"completed_at,omitempty"`
	// CompletedOn is the day the participant actually completed
	// (YYYY-MM-DD), which may precede CompletedAt, the moment it was
	// recorded.
	CompletedOn  string      `json:"completed_on,omitempty"`
	SubmittedAt  *time.Time  `json:"submitted_at,omitempty"`
	RecognizedAt *time.Time  `json:"recognized_at,omitempty"`
	History      []CardEvent `json:"history,omitempty"`
}

// Derive recomputes the card's derived fields: holder name, total hours and
// SB. Hours are contact plus self-study hours, or, when none are recorded,
// the supporting document's workload.
func (c *Card) Derive() {
	c.Holder = strings.Join(strings.Fields(c.FamilyName+" "+c.GivenName+" "+c.Patronymic), " ")
	c.Hours = c.ContactHours + c.SelfStudyHours
	if c.Hours == 0 && c.Document != nil {
		c.Hours = c.Document.Hours
	}
	c.SB = SB(c.Hours)
	if c.Tasks == nil {
		c.Tasks = []CardTask{}
	}
	if c.CompletedOn == "" && c.CompletedAt != nil {
		c.CompletedOn = c.CompletedAt.UTC().Format(time.DateOnly)
	}
}

// Final reports whether the card can no longer change.
func (c *Card) Final() bool { return c.Status == CardRecognized || c.Status == CardRejected }

// SB converts academic hours to credit units, rounded to two decimals.
func SB(hours float64) float64 { return math.Round(hours/HoursPerSB*100) / 100 }

// FormatSB prints credit units with two decimals, as they are shown.
func FormatSB(sb float64) string { return strconv.FormatFloat(sb, 'f', 2, 64) }

// CompletionMissing lists what the card lacks to be completed under program
// p: contact hours and self-study hours at least the program's, a done task
// for every completion criterion, and for a non-formal activity a complete
// supporting document. The study period is checked apart (PeriodMissing).
// Empty means the card may be completed.
func (c *Card) CompletionMissing(p *Program) []Detail {
	var out []Detail
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	if c.ContactHours < p.ContactHours {
		out = append(out, DetailMsg("contact_hours", lang.CardContactHours, num(c.ContactHours), num(p.ContactHours)))
	}
	if c.SelfStudyHours < p.SelfStudyHours {
		out = append(out, DetailMsg("self_study_hours", lang.CardSelfStudyHours, num(c.SelfStudyHours), num(p.SelfStudyHours)))
	}
	for _, crit := range p.CompletionCriteria {
		done := slices.ContainsFunc(c.Tasks, func(t CardTask) bool { return t.Done && sameTitle(t.Title, crit) })
		if !done {
			out = append(out, DetailMsg("tasks", lang.CardTaskNotDone, crit))
		}
	}
	if c.Kind == KindNonformalActivity {
		out = append(out, c.Document.Missing()...)
	}
	if c.Hours <= 0 {
		out = append(out, DetailMsg("contact_hours", lang.CardNoHours))
	}
	return out
}

// SubmissionMissing lists what the card lacks to be submitted for
// recognition (sec. 5.1): the coordinator's verification and the entry in
// the individual work plan / information system (date and number).
func (c *Card) SubmissionMissing() []Detail {
	var out []Detail
	if !c.Verified {
		out = append(out, DetailMsg("verified", lang.CardNotVerified))
	}
	if _, err := parseDate(c.PlanEntryDate); err != nil {
		out = append(out, DetailMsg("plan_entry_date", lang.CardNoPlanDate))
	}
	if strings.TrimSpace(c.PlanEntryNumber) == "" {
		out = append(out, DetailMsg("plan_entry_number", lang.CardNoPlanNumber))
	}
	return out
}

// MissingError wraps what is missing for a card to reach status as a
// conflict error whose message names every missing item.
func MissingError(status string, missing []Detail) error {
	msgs := make(lang.List, len(missing))
	for i, d := range missing {
		msgs[i] = lang.Phrase{Key: d.Msg, Args: d.Args}
		if d.Msg == "" {
			msgs[i] = lang.Phrase{Key: lang.Key(d.Message)} // said as it is
		}
	}
	return &Error{Code: CodeConflict, Message: lang.EN.T(lang.CardCannotMove, lang.CardStatus(status), msgs), Details: missing,
		Msg: lang.CardCannotMove, Args: []any{lang.CardStatus(status), msgs}}
}

func sameTitle(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// CardTransition asks to move a card to another status.
type CardTransition struct {
	To string `json:"to"`
	// CompletedOn is the day the participant completed (to=completed;
	// default: the period's last day when it is past, else today). It may
	// be in the past, never in the future.
	CompletedOn string `json:"completed_on,omitempty"`
	// ConfirmPeriod takes the stream's dates as the card's study period
	// when the card has none (to=completed).
	ConfirmPeriod  bool     `json:"confirm_period,omitempty"`
	Reason         string   `json:"reason,omitempty"`
	RecognizedSB   *float64 `json:"recognized_sb,omitempty"`
	DecisionDate   string   `json:"decision_date,omitempty"`
	DecisionNumber string   `json:"decision_number,omitempty"`
}

// CardFilter selects cards.
type CardFilter struct {
	Program    string
	Status     string
	Department string
	Stream     string
	Kind       string
	StaffID    string
	Query      string // participant name substring
	Limit      int
	Offset     int
}

// ReportRow is one activity (card) in the HR summary list (sec. 7.3 item
// 7). Implemented, Submitted and Recognized are 1 when that event of the
// card falls in the report's period; the hour and SB columns count the
// card's hours and SB under each event that does.
type ReportRow struct {
	Department       string  `json:"department"`
	StaffID          string  `json:"staff_id"`
	Participant      string  `json:"participant"`
	Position         string  `json:"position"`
	Program          string  `json:"program,omitempty"`
	Activity         string  `json:"activity,omitempty"`
	Format           string  `json:"format,omitempty"`
	Status           string  `json:"status,omitempty"`
	DateFrom         string  `json:"date_from,omitempty"`
	DateTo           string  `json:"date_to,omitempty"`
	CompletedOn      string  `json:"completed_on,omitempty"`
	Implemented      int     `json:"implemented"`
	ImplementedHours float64 `json:"implemented_hours"`
	ImplementedSB    float64 `json:"implemented_sb"`
	Submitted        int     `json:"submitted"`
	SubmittedHours   float64 `json:"submitted_hours"`
	SubmittedSB      float64 `json:"submitted_sb"`
	Recognized       int     `json:"recognized"`
	RecognizedHours  float64 `json:"recognized_hours"`
	RecognizedSB     float64 `json:"recognized_sb"`
	DecisionDate     string  `json:"decision_date,omitempty"`
	DecisionNumber   string  `json:"decision_number,omitempty"`
	CredentialID     string  `json:"credential_id,omitempty"`
	CardID           string  `json:"card_id,omitempty"`
}

// ReportColumn is one column of the HR report: the JSON member of its
// rows and its header for people.
type ReportColumn struct {
	Key   string `json:"key"`
	Label string `json:"label"`
}

// Add adds another row's counts and totals to r. The SB of implemented and
// submitted activities are those of the summed hours (so three 10-hour
// activities make 1.00 SB, not 0.99); recognized SB are the decisions'
// sum.
func (r *ReportRow) Add(o ReportRow) {
	r.Implemented += o.Implemented
	r.ImplementedHours += o.ImplementedHours
	r.ImplementedSB = SB(r.ImplementedHours)
	r.Submitted += o.Submitted
	r.SubmittedHours += o.SubmittedHours
	r.SubmittedSB = SB(r.SubmittedHours)
	r.Recognized += o.Recognized
	r.RecognizedHours += o.RecognizedHours
	r.RecognizedSB = round2(r.RecognizedSB + o.RecognizedSB)
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// CardReport is the HR summary list over a period: one row per activity,
// and totals per person, per department and overall.
type CardReport struct {
	From       string `json:"from"`
	To         string `json:"to"`
	Department string `json:"department,omitempty"`
	Status     string `json:"status,omitempty"`
	Kind       string `json:"kind,omitempty"`
	// Lang is the language of the labels and of the activities' names.
	Lang string `json:"lang,omitempty"`
	// Columns are the rows' members in the report's order, each with its
	// header in Lang (the CSV's header row).
	Columns      []ReportColumn `json:"columns,omitempty"`
	Rows         []ReportRow    `json:"rows"`
	ByPerson     []ReportRow    `json:"by_person"`
	ByDepartment []ReportRow    `json:"by_department"`
	Totals       ReportRow      `json:"totals"`
}
