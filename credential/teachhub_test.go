package credential

import (
	"strings"
	"testing"
)

// TestCheckCardTransition covers every (from, to, role): the flow's steps
// for their roles pass, the same steps for other roles are forbidden, and
// every other pair is a conflict (or invalid for an unknown target).
func TestCheckCardTransition(t *testing.T) {
	coordinator, registrar := "coordinator admin", "registrar admin"
	flow := map[[2]string]string{
		{CardRegistered, CardInProgress}: coordinator,
		{CardInProgress, CardCompleted}:  coordinator,
		{CardCompleted, CardSubmitted}:   coordinator,
		{CardSubmitted, CardRecognized}:  registrar,
		{CardSubmitted, CardRejected}:    registrar,
		{CardRegistered, CardRejected}:   coordinator,
		{CardInProgress, CardRejected}:   coordinator,
	}
	roles := []string{RoleViewer, RoleCoordinator, RoleRegistrar, RoleAdmin, ""}
	for _, from := range CardStatuses() {
		for _, to := range append(CardStatuses(), "archived", "") {
			for _, role := range roles {
				err := CheckCardTransition(from, to, role)
				var want Code
				switch allowed, ok := flow[[2]string{from, to}]; {
				case to == "archived" || to == "" || to == CardRegistered:
					want = CodeInvalid
				case !ok:
					want = CodeConflict
				case role == "" || !strings.Contains(allowed, role):
					want = CodeForbidden
				}
				if got := ErrorCode(err); got != want {
					t.Errorf("%s → %s by %q: %q (%v), want %q", from, to, role, got, err, want)
				}
			}
		}
	}
	if msg := ErrorMessage(CheckCardTransition(CardRegistered, CardCompleted, RoleAdmin)); !strings.Contains(msg, "in_progress or rejected") {
		t.Errorf("conflict message %q does not name the next statuses", msg)
	}
	if msg := ErrorMessage(CheckCardTransition(CardRecognized, CardRejected, RoleAdmin)); !strings.Contains(msg, "final") {
		t.Errorf("final-state message %q", msg)
	}
}

func TestSB(t *testing.T) {
	for _, tt := range []struct {
		hours float64
		sb    float64
		shown string
	}{{36, 1.2, "1.20"}, {30, 1, "1.00"}, {45, 1.5, "1.50"}, {10, 0.33, "0.33"}, {20, 0.67, "0.67"}, {0, 0, "0.00"}} {
		if got := SB(tt.hours); got != tt.sb || FormatSB(got) != tt.shown {
			t.Errorf("SB(%v) = %v shown %q, want %v %q", tt.hours, got, FormatSB(got), tt.sb, tt.shown)
		}
	}
}

func TestCompletionMissing(t *testing.T) {
	p := &Program{Kind: KindTeachHubModule, ContactHours: 24, SelfStudyHours: 12, CompletionCriteria: []string{"мини-жоба", "Презентация"}}
	tests := []struct {
		name string
		card Card
		want []string // fields
	}{
		{"nothing done", Card{Kind: KindTeachHubModule}, []string{"contact_hours", "self_study_hours", "tasks", "tasks", "contact_hours"}},
		{"all done, titles matched loosely", Card{Kind: KindTeachHubModule, ContactHours: 24, SelfStudyHours: 12,
			Tasks: []CardTask{{Title: " Мини-жоба ", Done: true}, {Title: "презентация", Done: true}}}, nil},
		{"a task not done", Card{Kind: KindTeachHubModule, ContactHours: 30, SelfStudyHours: 12,
			Tasks: []CardTask{{Title: "мини-жоба", Done: true}, {Title: "презентация"}}}, []string{"tasks"}},
		{"non-formal without document", Card{Kind: KindNonformalActivity, ContactHours: 24, SelfStudyHours: 12,
			Tasks: []CardTask{{Title: "мини-жоба", Done: true}, {Title: "презентация", Done: true}}}, []string{"document"}},
	}
	for _, tt := range tests {
		tt.card.Derive()
		var got []string
		for _, d := range tt.card.CompletionMissing(p) {
			got = append(got, d.Field)
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%s: missing %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestSupportingDocumentMissing(t *testing.T) {
	full := SupportingDocument{Activity: "MOOC", Format: "mooc", DateFrom: "2026-02-01", DateTo: "2026-03-01", Content: "topics",
		Hours: 30, Organizer: "Coursera", Responsible: "Dr. Mentor"}
	if m := full.Missing(); len(m) != 0 {
		t.Fatalf("complete document: %v", m)
	}
	bad := full
	bad.Format, bad.DateTo, bad.Hours, bad.Responsible = "party", "2026-01-01", 0, " "
	var got []string
	for _, d := range bad.Missing() {
		got = append(got, d.Field)
	}
	if strings.Join(got, ",") != "document.format,document.date_to,document.hours,document.responsible" {
		t.Fatalf("missing %v", got)
	}
	var none *SupportingDocument
	if m := none.Missing(); len(m) != 1 || m[0].Field != "document" {
		t.Fatalf("no document: %v", m)
	}
}

func TestReportRowAdd(t *testing.T) {
	var total ReportRow
	for _, h := range []float64{10, 10, 10} {
		total.Add(ReportRow{Implemented: 1, ImplementedHours: h, ImplementedSB: SB(h), Recognized: 1, RecognizedSB: 0.35})
	}
	if total.Implemented != 3 || total.ImplementedHours != 30 || total.ImplementedSB != 1 || total.Recognized != 3 || total.RecognizedSB != 1.05 {
		t.Fatalf("total %+v", total)
	}
}
