package httpapi

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/tanu-edu/tanu/credential"
)

// maxFormTasks bounds the task rows a card form may post.
const maxFormTasks = 200

// cardPatch turns a posted card form into the JSON merge patch of
// teachhub.Service.Update. Only the fields the form carries are patched
// (a completed card's form carries only the verification and the work plan
// entry), so a page never sends back what it did not show. Task rows are
// task_title_N, task_product_N, task_done_N, task_mark_N for N below
// tasks_n (rows without a title are dropped; a kept row keeps the links
// and files it had); marks are mark_CODE (a number, a letter, or empty to
// remove); hours are numbers with a point or a comma.
func cardPatch(form url.Values, card *credential.Card) map[string]any {
	has := func(k string) bool { _, ok := form[k]; return ok }
	get := func(k string) string { return strings.TrimSpace(form.Get(k)) }
	p := map[string]any{}
	for _, f := range []string{"family_name", "given_name", "patronymic", "department", "position", "stream", "date_from", "date_to",
		"facilitator", "plan_entry_date", "plan_entry_number", "verification_note", "coordinator"} {
		if has(f) {
			p[f] = get(f)
		}
	}
	for _, f := range []string{"contact_hours", "self_study_hours"} {
		if has(f) {
			p[f] = formNumber(get(f))
		}
	}
	if has("verified_shown") {
		p["verified"] = get("verified") == "on" || get("verified") == "true"
	}
	if has("tasks_n") {
		n, _ := strconv.Atoi(get("tasks_n"))
		n = min(max(n, 0), maxFormTasks+1)
		tasks := []map[string]any{}
		for i := range n {
			is := strconv.Itoa(i)
			title := get("task_title_" + is)
			if title == "" {
				continue
			}
			t := map[string]any{"title": title, "product": get("task_product_" + is), "done": form.Get("task_done_"+is) != "",
				"mark": get("task_mark_" + is)}
			if i < len(card.Tasks) && card.Tasks[i].Title == title {
				if len(card.Tasks[i].Links) > 0 {
					t["links"] = card.Tasks[i].Links
				}
				if len(card.Tasks[i].Files) > 0 {
					t["files"] = card.Tasks[i].Files
				}
			}
			tasks = append(tasks, t)
		}
		p["tasks"] = tasks
	}
	marks := map[string]any{}
	for k := range form {
		code, ok := strings.CutPrefix(k, "mark_")
		if !ok || code == "" {
			continue
		}
		v := get(k)
		switch {
		case v == "":
			if _, had := card.Marks[code]; had {
				marks[code] = nil
			}
		default:
			if f, err := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64); err == nil {
				marks[code] = f
			} else {
				marks[code] = v
			}
		}
	}
	if len(marks) > 0 {
		p["marks"] = marks
	}
	if has("doc_activity") {
		doc := map[string]any{"activity": get("doc_activity"), "format": get("doc_format"), "date_from": get("doc_date_from"),
			"date_to": get("doc_date_to"), "content": get("doc_content"), "outcomes": get("doc_outcomes"),
			"hours": formNumber(get("doc_hours")), "organizer": get("doc_organizer"), "responsible": get("doc_responsible")}
		if card.Document != nil && len(card.Document.Evidence) > 0 {
			doc["evidence"] = card.Document.Evidence
		}
		p["document"] = doc
	}
	return p
}

// formNumber reads a number typed with a point or a comma; anything else
// is sent as it is, for the service to refuse by name.
func formNumber(v string) any {
	if v == "" {
		return 0
	}
	if f, err := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64); err == nil {
		return f
	}
	return v
}

// cardTransition reads a transition form.
func cardTransition(form url.Values) credential.CardTransition {
	get := func(k string) string { return strings.TrimSpace(form.Get(k)) }
	tr := credential.CardTransition{To: get("to"), Reason: get("reason"), CompletedOn: get("completed_on"),
		ConfirmPeriod: get("confirm_period") != "", DecisionDate: get("decision_date"), DecisionNumber: get("decision_number")}
	if v := get("recognized_sb"); v != "" {
		f, err := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64)
		if err != nil {
			f = -1 // refused by name: recognized_sb
		}
		tr.RecognizedSB = &f
	}
	return tr
}

// taskRows are the task rows a card form shows: the card's tasks, then a
// row for each completion criterion the card has no task for, then one
// empty row to add a task.
func taskRows(card *credential.Card, criteria []string) []credential.CardTask {
	rows := slices.Clone(card.Tasks)
	for _, c := range criteria {
		if !slices.ContainsFunc(rows, func(t credential.CardTask) bool {
			return strings.EqualFold(strings.TrimSpace(t.Title), strings.TrimSpace(c))
		}) {
			rows = append(rows, credential.CardTask{Title: c})
		}
	}
	return append(rows, credential.CardTask{})
}
