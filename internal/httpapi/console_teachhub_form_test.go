package httpapi

import (
	"encoding/json"
	"net/url"
	"testing"

	"github.com/tanu-edu/tanu/credential"
)

// TestCardPatch checks that a card form becomes the patch the service
// takes: only the fields shown, numbers with a comma, task rows with their
// files kept, marks as numbers or letters, an emptied mark removed.
func TestCardPatch(t *testing.T) {
	card := &credential.Card{Tasks: []credential.CardTask{{Title: "мини-жоба", Files: []string{"a.pdf"}}},
		Marks: map[string]any{"TH2": "B"}}
	tests := []struct {
		name string
		form url.Values
		want string
	}{
		{"frozen card: verification and plan only", url.Values{"verified_shown": {"1"}, "verified": {"on"}, "plan_entry_date": {"2026-03-20"},
			"plan_entry_number": {" ЖЖ-4 "}, "verification_note": {""}, "coordinator": {""}},
			`{"coordinator":"","plan_entry_date":"2026-03-20","plan_entry_number":"ЖЖ-4","verification_note":"","verified":true}`},
		{"unchecked verification", url.Values{"verified_shown": {"1"}}, `{"verified":false}`},
		{"hours and tasks", url.Values{"contact_hours": {"24,5"}, "self_study_hours": {""}, "tasks_n": {"3"},
			"task_title_0": {"мини-жоба"}, "task_done_0": {"on"}, "task_title_1": {"презентация"}, "task_product_1": {"slides.pdf"},
			"task_title_2": {""}},
			`{"contact_hours":24.5,"self_study_hours":0,"tasks":[{"done":true,"files":["a.pdf"],"mark":"","product":"","title":"мини-жоба"},{"done":false,"mark":"","product":"slides.pdf","title":"презентация"}]}`},
		{"marks", url.Values{"mark_TH1": {"92"}, "mark_TH2": {""}, "mark_TH3": {"A-"}}, `{"marks":{"TH1":92,"TH2":null,"TH3":"A-"}}`},
		{"bad hours go as typed", url.Values{"contact_hours": {"twelve"}}, `{"contact_hours":"twelve"}`},
	}
	for _, tt := range tests {
		b, _ := json.Marshal(cardPatch(tt.form, card))
		if string(b) != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, b, tt.want)
		}
	}
	tr := cardTransition(url.Values{"to": {"recognized"}, "recognized_sb": {"1,2"}, "decision_date": {"2026-03-21"}, "decision_number": {"№ 3"}})
	if tr.RecognizedSB == nil || *tr.RecognizedSB != 1.2 || tr.DecisionNumber != "№ 3" {
		t.Errorf("recognition form %+v", tr)
	}
}
