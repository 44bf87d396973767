package app_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app/apptest"
	"github.com/tanu-edu/tanu/internal/demo"
	"github.com/tanu-edu/tanu/teachhub"
	"github.com/tanu-edu/tanu/verifier"
)

// th drives the TeachHub API of one running instance.
type th struct {
	t     *testing.T
	h     *apptest.Harness
	regno string
	n     int
}

func newTH(t *testing.T, h *apptest.Harness) *th {
	x := &th{t: t, h: h}
	p := demo.TeachHub()
	p.CompletionCriteria = []string{"мини-жоба", "презентация"}
	x.regno = x.program(p)
	return x
}

func (x *th) program(p credential.Program) string {
	x.t.Helper()
	var out credential.Program
	x.ok("registrar", "POST", "/api/v1/programs", p, http.StatusCreated, &out)
	return out.RegistrationNumber
}

// call sends body as JSON and returns the status and the answer.
func (x *th) call(role, method, path string, body any) (int, []byte) {
	x.t.Helper()
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			x.t.Fatal(err)
		}
		r = bytes.NewReader(b)
	}
	resp, b := x.h.Do(x.t, role, method, path, "application/json", r)
	return resp.StatusCode, b
}

// ok sends a request that must answer want, decoding the answer into out.
func (x *th) ok(role, method, path string, body any, want int, out any) {
	x.t.Helper()
	code, b := x.call(role, method, path, body)
	if code != want {
		x.t.Fatalf("%s %s as %s: %d %s, want %d", method, path, role, code, b, want)
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			x.t.Fatalf("%s %s: %v in %s", method, path, err, b)
		}
	}
}

func (x *th) enrol(family string) *credential.Card {
	x.t.Helper()
	x.n++
	var c credential.Card
	x.ok("coordinator", "POST", "/api/v1/teachhub/cards", map[string]any{"program": x.regno, "staff_id": fmt.Sprintf("KZ-%04d", x.n),
		"family_name": family, "given_name": "Әсел", "patronymic": "Бауыржанқызы", "department": "Хирургиялық аурулар кафедрасы",
		"position": "аға оқытушы", "date_from": daysAgo(20), "date_to": daysAgo(7)}, http.StatusCreated, &c)
	return &c
}

func (x *th) move(role, id string, body map[string]any) *credential.Card {
	x.t.Helper()
	var c credential.Card
	x.ok(role, "POST", "/api/v1/teachhub/cards/"+id+"/transition", body, http.StatusOK, &c)
	return &c
}

func (x *th) patch(id string, body map[string]any) *credential.Card {
	x.t.Helper()
	var c credential.Card
	x.ok("coordinator", "PATCH", "/api/v1/teachhub/cards/"+id, body, http.StatusOK, &c)
	return &c
}

// work records what the sample module's completion needs.
func work(contact, self float64, tasks ...string) map[string]any {
	var ts []map[string]any
	for _, t := range tasks {
		ts = append(ts, map[string]any{"title": t, "product": t + ".pdf", "files": []string{t + ".pdf"}, "done": true})
	}
	return map[string]any{"contact_hours": contact, "self_study_hours": self, "tasks": ts}
}

func today() string { return time.Now().UTC().Format(time.DateOnly) }

func daysAgo(n int) string { return time.Now().UTC().AddDate(0, 0, -n).Format(time.DateOnly) }

// body is a valid transition request to status to.
func body(to string) map[string]any {
	switch to {
	case credential.CardRecognized:
		return map[string]any{"to": to, "recognized_sb": 1.2, "decision_date": today(), "decision_number": "№ 7-ҒК"}
	case credential.CardRejected:
		return map[string]any{"to": to, "reason": "Тапсырмалар толық орындалмаған"}
	case credential.CardCompleted:
		return map[string]any{"to": to, "confirm_period": true}
	}
	return map[string]any{"to": to}
}

// cardIn enrols a participant and moves the card to status, as admin.
func (x *th) cardIn(status string) *credential.Card {
	x.t.Helper()
	c := x.enrol("Сейітқали")
	path := map[string][]string{
		credential.CardRegistered: nil,
		credential.CardInProgress: {credential.CardInProgress},
		credential.CardCompleted:  {credential.CardInProgress, credential.CardCompleted},
		credential.CardSubmitted:  {credential.CardInProgress, credential.CardCompleted, credential.CardSubmitted},
		credential.CardRecognized: {credential.CardInProgress, credential.CardCompleted, credential.CardSubmitted, credential.CardRecognized},
		credential.CardRejected:   {credential.CardRejected},
	}[status]
	for _, to := range path {
		switch to {
		case credential.CardCompleted:
			x.patch(c.ID, work(24, 12, "мини-жоба", "презентация"))
		case credential.CardSubmitted:
			x.patch(c.ID, map[string]any{"verified": true, "plan_entry_date": today(), "plan_entry_number": "ЖЖ-17"})
		}
		c = x.move("admin", c.ID, body(to))
	}
	if c.Status != status {
		x.t.Fatalf("card is %s, want %s", c.Status, status)
	}
	return c
}

// TestTeachHubTransitionsPerRole tries every status change from every
// status as every role: the allowed ones answer the card in its new status
// and are in its history with who made them; the others answer 409
// conflict (not in the flow) or 403 forbidden (in the flow, wrong role) and
// change nothing.
func TestTeachHubTransitionsPerRole(t *testing.T) {
	allowed := map[[2]string][]string{
		{"registered", "in_progress"}:               {"coordinator", "admin"},
		{"in_progress", "completed"}:                {"coordinator", "admin"},
		{"completed", "submitted_for_recognition"}:  {"coordinator", "admin"},
		{"submitted_for_recognition", "recognized"}: {"registrar", "admin"},
		{"submitted_for_recognition", "rejected"}:   {"registrar", "admin"},
		{"registered", "rejected"}:                  {"coordinator", "admin"},
		{"in_progress", "rejected"}:                 {"coordinator", "admin"},
	}
	roles := []string{"viewer", "coordinator", "registrar", "admin"}
	targets := []string{"in_progress", "completed", "submitted_for_recognition", "recognized", "rejected"}
	forEachEngine(t, func(t *testing.T, h *apptest.Harness) {
		x := newTH(t, h)
		for _, from := range credential.CardStatuses() {
			shared := x.cardIn(from)
			for _, to := range targets {
				for _, role := range roles {
					name := from + "→" + to + " by " + role
					want := http.StatusConflict
					if ok, in := allowed[[2]string{from, to}]; in {
						want = http.StatusForbidden
						if slices.Contains(ok, role) {
							want = http.StatusOK
						}
					}
					if role == "viewer" {
						want = http.StatusForbidden // the route needs at least coordinator
					}
					card := shared
					if want == http.StatusOK {
						card = x.cardIn(from)
						if to == credential.CardCompleted {
							x.patch(card.ID, work(24, 12, "мини-жоба", "презентация"))
						}
						if to == credential.CardSubmitted {
							x.patch(card.ID, map[string]any{"verified": true, "plan_entry_date": today(), "plan_entry_number": "ЖЖ-17"})
						}
					}
					code, b := x.call(role, "POST", "/api/v1/teachhub/cards/"+card.ID+"/transition", body(to))
					if code != want {
						t.Errorf("%s: %d %s, want %d", name, code, b, want)
						continue
					}
					if want != http.StatusOK {
						e := decode[apiError](t, b)
						if wantCode := map[int]string{409: "conflict", 403: "forbidden"}[want]; e.Error.Code != wantCode || e.Error.Message == "" {
							t.Errorf("%s: error %s, want code %s", name, b, wantCode)
						}
						continue
					}
					got := decode[credential.Card](t, b)
					last := got.History[len(got.History)-1]
					if got.Status != to || last.From != from || last.To != to || last.Actor != "token:"+role {
						t.Errorf("%s: card %s, last event %+v", name, got.Status, last)
					}
					if to == credential.CardCompleted && got.CredentialID == "" {
						t.Errorf("%s: no credential_id", name)
					}
				}
			}
			var after credential.Card
			x.ok("viewer", "GET", "/api/v1/teachhub/cards/"+shared.ID, nil, http.StatusOK, &after)
			if after.Status != from || len(after.History) != len(shared.History) {
				t.Errorf("refused transitions changed the %s card: %s, %d events", from, after.Status, len(after.History))
			}
		}
	})
}

// TestTeachHubCompletionCriteria checks that completion and submission name
// what is missing, and that the recorded data is checked.
func TestTeachHubCompletionCriteria(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *apptest.Harness) {
		x := newTH(t, h)
		c := x.cardIn(credential.CardInProgress)
		x.patch(c.ID, work(20, 12, "мини-жоба"))
		code, b := x.call("coordinator", "POST", "/api/v1/teachhub/cards/"+c.ID+"/transition", body("completed"))
		e := decode[apiError](t, b)
		// The API answers in the registry's default language, Kazakh.
		if code != http.StatusConflict || !strings.Contains(e.Error.Message, "байланыс сағаттары: 20, талап етілетіні 24") ||
			!strings.Contains(e.Error.Message, "міндетті тапсырма орындалмаған: презентация") || len(e.Error.Details) != 2 {
			t.Fatalf("completion with too few hours and a task missing: %d %s", code, b)
		}
		x.patch(c.ID, work(24, 12, "мини-жоба", "презентация"))
		done := x.move("coordinator", c.ID, body("completed"))
		code, b = x.call("coordinator", "POST", "/api/v1/teachhub/cards/"+c.ID+"/transition", body("submitted_for_recognition"))
		e = decode[apiError](t, b)
		if code != http.StatusConflict || len(e.Error.Details) != 3 || !strings.Contains(e.Error.Message, "картаны әлі тексермеген") {
			t.Fatalf("submission without verification and work plan entry: %d %s", code, b)
		}
		// The completion record is issued: its content can no longer change.
		code, b = x.call("coordinator", "PATCH", "/api/v1/teachhub/cards/"+c.ID, map[string]any{"contact_hours": 30})
		if code != http.StatusConflict || !strings.Contains(string(b), "contact_hours") {
			t.Fatalf("hours after completion: %d %s", code, b)
		}
		v := x.patch(c.ID, map[string]any{"verified": true, "plan_entry_date": today(), "plan_entry_number": "ЖЖ-17"})
		if !v.Verified || v.VerifiedBy != "token:coordinator" || v.VerifiedAt == nil || v.CredentialID != done.CredentialID {
			t.Fatalf("verified card %+v", v)
		}
		// Bad input is 400 with the field named.
		for name, tc := range map[string]struct {
			method, path string
			body         map[string]any
			field        string
		}{
			"negative hours":    {"PATCH", "", map[string]any{"contact_hours": -1}, "contact_hours"},
			"unknown mark":      {"PATCH", "", map[string]any{"marks": map[string]any{"XX9": 90}}, "marks.XX9"},
			"bad mark":          {"PATCH", "", map[string]any{"marks": map[string]any{"TH1": "Z"}}, "marks.TH1"},
			"status by patch":   {"PATCH", "", map[string]any{"status": "recognized"}, "status"},
			"reject no reason":  {"POST", "/transition", map[string]any{"to": "rejected"}, "reason"},
			"recognize no date": {"POST", "/transition", map[string]any{"to": "recognized", "recognized_sb": 1.2}, "decision_date"},
		} {
			card := x.cardIn(credential.CardInProgress)
			if name == "recognize no date" || name == "reject no reason" {
				card = x.cardIn(credential.CardSubmitted)
			}
			code, b := x.call("admin", tc.method, "/api/v1/teachhub/cards/"+card.ID+tc.path, tc.body)
			e := decode[apiError](t, b)
			if code != http.StatusBadRequest || len(e.Error.Details) == 0 || e.Error.Details[0].Field != tc.field {
				t.Errorf("%s: %d %s, want 400 on %s", name, code, b, tc.field)
			}
		}
		// Changing the work voids the coordinator's verification, which only
		// the coordinator (or admin) records.
		w := x.cardIn(credential.CardInProgress)
		if code, b := x.call("registrar", "PATCH", "/api/v1/teachhub/cards/"+w.ID, map[string]any{"verified": true}); code != http.StatusForbidden {
			t.Fatalf("verification by a registrar: %d %s", code, b)
		}
		x.patch(w.ID, map[string]any{"verified": true})
		if again := x.patch(w.ID, map[string]any{"self_study_hours": 2}); again.Verified || again.VerifiedBy != "" {
			t.Fatalf("verification kept after the hours changed: %+v", again)
		}
	})
}

// staffCSV is a cohort's staff list as a coordinator exports it: Kazakh
// headers, semicolons, one row without a position.
const staffCSV = "Табель нөмірі;Тегі;Аты;Әкесінің аты;Кафедра;Лауазымы\n" +
	"KZ-04417;Сейітқали;Әсел;Бауыржанқызы;Хирургиялық аурулар кафедрасы;аға оқытушы\n" +
	"KZ-05120;Омаров;Ерлан;Серікұлы;Хирургиялық аурулар кафедрасы;доцент\n" +
	"KZ-06001;Ахметова;Дана;;Физиология кафедрасы;ассистент\n" +
	"KZ-06002;Ким;Виктор;;Физиология кафедрасы;\n" +
	"KZ-06003;Нұрланов;Ғалым;;Физиология кафедрасы;профессор\n"

func (x *th) importCSV(data string) teachhub.ImportResult { return x.importCSVDry(data, false) }

func (x *th) importCSVDry(data string, dry bool) teachhub.ImportResult {
	x.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if dry {
		_ = mw.WriteField("dry_run", "true")
	}
	_ = mw.WriteField("program", x.regno)
	_ = mw.WriteField("stream", "2026-1")
	_ = mw.WriteField("date_from", daysAgo(30))
	_ = mw.WriteField("date_to", daysAgo(16))
	fw, _ := mw.CreateFormFile("file", "staff.csv")
	_, _ = io.WriteString(fw, data)
	_ = mw.Close()
	resp, b := x.h.Do(x.t, "coordinator", "POST", "/api/v1/teachhub/cards/import", mw.FormDataContentType(), &buf)
	if resp.StatusCode != http.StatusOK {
		x.t.Fatalf("import: %d %s", resp.StatusCode, b)
	}
	return decode[teachhub.ImportResult](x.t, b)
}

// TestTeachHubCohort enrols a cohort from a spreadsheet, completes some
// cards, recognizes some, verifies a completion record as valid with its
// recognized SB, and checks the HR report's totals.
func TestTeachHubCohort(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *apptest.Harness) {
		x := newTH(t, h)
		// Checked first: nobody is enrolled, good rows say what they would enrol.
		dry := x.importCSVDry(staffCSV, true)
		if dry.Total != 5 || dry.Enrolled != 4 || dry.Failed != 1 || dry.Rows[0].CardID != "" || dry.Rows[0].Enrolment == nil ||
			dry.Rows[0].Enrolment.FamilyName != "Сейітқали" {
			t.Fatalf("dry run %+v", dry)
		}
		res := x.importCSV(staffCSV)
		if res.Total != 5 || res.Enrolled != 4 || res.Failed != 1 || res.Existed != 0 {
			t.Fatalf("import %+v", res)
		}
		bad := res.Rows[3]
		if bad.Row != 5 || bad.OK || len(bad.Errors) != 1 || bad.Errors[0].Column != "Лауазымы" || bad.Errors[0].Code != "required" {
			t.Fatalf("row without position: %+v", bad)
		}
		if again := x.importCSV(staffCSV); again.Enrolled != 0 || again.Existed != 4 || again.Rows[0].CardID != res.Rows[0].CardID {
			t.Fatalf("second import %+v", again)
		}
		var list struct{ Cards []credential.Card }
		x.ok("viewer", "GET", "/api/v1/teachhub/cards?program="+x.regno+"&status=registered", nil, http.StatusOK, &list)
		if len(list.Cards) != 4 || list.Cards[0].StaffID != "KZ-04417" || list.Cards[0].Stream != "2026-1" || list.Cards[0].Position != "аға оқытушы" {
			t.Fatalf("cards %+v", list.Cards)
		}
		x.ok("viewer", "GET", "/api/v1/teachhub/cards?department="+url.QueryEscape("Физиология кафедрасы"), nil, http.StatusOK, &list)
		if len(list.Cards) != 2 {
			t.Fatalf("physiology cards %+v", list.Cards)
		}
		ids := []string{res.Rows[0].CardID, res.Rows[1].CardID, res.Rows[2].CardID}
		// Three start; two finish the module, the third does not (yet).
		for i, id := range ids {
			x.move("coordinator", id, body("in_progress"))
			if i < 2 {
				w := work(24, 12, "мини-жоба", "презентация")
				w["marks"] = map[string]any{"TH1": 92, "TH2": "A-"}
				w["facilitator"] = "Facilitator One"
				x.patch(id, w)
			} else {
				x.patch(id, work(10, 0))
			}
		}
		a := x.move("coordinator", ids[0], body("completed"))
		b := x.move("coordinator", ids[1], body("completed"))
		if a.CredentialID == "" || b.CredentialID == "" || a.CredentialID == b.CredentialID || a.Hours != 36 || a.SB != 1.2 {
			t.Fatalf("completed cards %+v %+v", a, b)
		}
		// The completion record: a signed OB3 course credential with hours and SB.
		var cred struct {
			Credential map[string]any `json:"credential"`
		}
		x.ok("viewer", "GET", "/api/v1/credentials/"+a.CredentialID, nil, http.StatusOK, &cred)
		subj, _ := cred.Credential["credentialSubject"].(map[string]any)
		ach, _ := subj["achievement"].(map[string]any)
		if ach["achievementType"] != "Course" || ach["academicHours"] != 36.0 || subj["creditUnits"] != 1.2 ||
			subj["department"] != "Хирургиялық аурулар кафедрасы" || subj["position"] != "аға оқытушы" ||
			!slices.Equal(toStrings(ach["facilitator"]), []string{"Facilitator One"}) {
			t.Fatalf("completion record subject %v", subj)
		}
		// Both are submitted; the commission recognizes one and rejects the other.
		for _, id := range ids[:2] {
			x.patch(id, map[string]any{"verified": true, "plan_entry_date": today(), "plan_entry_number": "ЖЖ-" + id[:4]})
			x.move("coordinator", id, body("submitted_for_recognition"))
		}
		rec := x.move("registrar", ids[0], body("recognized"))
		if rec.Status != "recognized" || rec.RecognizedSB == nil || *rec.RecognizedSB != 1.2 || rec.DecisionNumber != "№ 7-ҒК" || len(rec.History) != 4 {
			t.Fatalf("recognized card %+v", rec)
		}
		x.move("registrar", ids[1], body("rejected"))

		// Verification shows the recognition.
		resp, vb := h.Do(t, "", "GET", "/api/v1/verify/"+a.CredentialID, "", nil)
		v := decode[verifier.Result](t, vb)
		recog, _ := v.Annotations["recognition"].(map[string]any)
		if resp.StatusCode != 200 || !v.Verified || v.Status != "valid" || recog["recognized"] != true || recog["recognized_sb"] != 1.2 ||
			recog["decision_number"] != "№ 7-ҒК" || recog["decision_date"] != today() || recog["status"] != "recognized" {
			t.Fatalf("verification of the recognized completion record: %s", vb)
		}
		_, page := h.Do(t, "", "GET", "/c/"+a.CredentialID+"?lang=kk", "", nil)
		if !strings.Contains(string(page), "Тану (СБ)") || !strings.Contains(string(page), "танылды: 1.20 СБ") {
			t.Fatalf("the credential page does not show the recognition")
		}
		for _, doc := range []string{"certificate.pdf?lang=kk", "badge.png"} {
			if resp, _ := h.Do(t, "", "GET", "/c/"+a.CredentialID+"/"+doc, "", nil); resp.StatusCode != http.StatusOK {
				t.Errorf("the completion record's %s: %d", doc, resp.StatusCode)
			}
		}
		_, vb = h.Do(t, "", "GET", "/api/v1/verify/"+b.CredentialID, "", nil)
		if v := decode[verifier.Result](t, vb); !v.Verified || v.Annotations["recognition"].(map[string]any)["recognized"] != false {
			t.Fatalf("verification of the rejected card's completion record: %s", vb)
		}

		// The HR report: two implemented (on the stream's last day), two
		// submitted, one recognized; the two cards under way are listed.
		var rep credential.CardReport
		period := "from=" + daysAgo(30) + "&to=" + today()
		x.ok("viewer", "GET", "/api/v1/teachhub/report?"+period, nil, http.StatusOK, &rep)
		tot := rep.Totals
		if len(rep.Rows) != 4 || tot.Implemented != 2 || tot.ImplementedHours != 72 || tot.ImplementedSB != 2.4 || tot.Submitted != 2 ||
			tot.SubmittedSB != 2.4 || tot.Recognized != 1 || tot.RecognizedHours != 36 || tot.RecognizedSB != 1.2 {
			t.Fatalf("report totals %+v", tot)
		}
		for _, r := range rep.Rows {
			if (r.Implemented == 1) != (r.CompletedOn == daysAgo(16)) {
				t.Errorf("%s: completed on %q, want the stream's last day %s", r.StaffID, r.CompletedOn, daysAgo(16))
			}
		}
		if len(rep.ByPerson) != 4 || len(rep.ByDepartment) != 2 || rep.ByDepartment[1].Implemented != 2 || rep.ByPerson[2].Recognized+rep.ByPerson[3].Recognized != 1 {
			t.Fatalf("report groups %+v %+v", rep.ByPerson, rep.ByDepartment)
		}
		x.ok("viewer", "GET", "/api/v1/teachhub/report?status=in_progress&"+period, nil, http.StatusOK, &rep)
		if len(rep.Rows) != 1 || rep.Rows[0].Status != "in_progress" || rep.Totals.Implemented != 0 {
			t.Fatalf("report of cards in progress %+v", rep.Rows)
		}
		resp, cb := h.Do(t, "viewer", "GET", "/api/v1/teachhub/report?format=csv&"+period, "", nil)
		cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(cb, []byte("\ufeff"))))
		cr.Comma, cr.FieldsPerRecord = ';', -1
		rows, err := cr.ReadAll()
		if err != nil || resp.Header.Get("Content-Type") != "text/csv; charset=utf-8" || len(rows) != (2+4)+(2+4)+(2+2+1) {
			t.Fatalf("CSV report: %v %q", err, cb)
		}
		total := rows[len(rows)-1]
		if total[0] != "барлығы" || rows[1][1] != "Қызметкердің табель нөмірі" || total[1] != "2" || total[2] != "72" || total[3] != "2,40" || total[7] != "1" || total[9] != "1,20" {
			t.Fatalf("CSV total row %q (header %q)", total, rows[1])
		}
		// Another period has nothing.
		x.ok("viewer", "GET", "/api/v1/teachhub/report?from=2020-01-01&to=2020-12-31", nil, http.StatusOK, &rep)
		if len(rep.Rows) != 0 || rep.Totals.Implemented != 0 {
			t.Fatalf("report of 2020: %+v", rep)
		}
		// Every change is in the audit trail, with who made it.
		var audit struct {
			Entries []struct{ Actor, Action string } `json:"entries"`
		}
		x.ok("admin", "GET", "/api/v1/audit?object="+ids[0], nil, http.StatusOK, &audit)
		var actions []string
		for _, e := range audit.Entries {
			actions = append(actions, e.Action+" "+e.Actor)
		}
		for _, want := range []string{"card.enrolled token:coordinator", "card.updated token:coordinator", "card.transitioned token:registrar"} {
			if !slices.Contains(actions, want) {
				t.Errorf("audit of the card has no %q: %v", want, actions)
			}
		}
	})
}

func toStrings(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, s := range l {
		str, _ := s.(string)
		out = append(out, str)
	}
	return out
}

// TestTeachHubNonformalActivity registers an external online course with its
// supporting document (sec. 5.2) and takes it through the same flow.
func TestTeachHubNonformalActivity(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *apptest.Harness) {
		x := &th{t: t, h: h}
		x.regno = x.program(credential.Program{Kind: credential.KindNonformalActivity, Name: credential.Text{"kk": "Сыртқы онлайн-курстар"},
			Hours: 1, FormOfStudy: "online", Language: "kk"})
		doc := map[string]any{"activity": "Medical Education in the Digital Age (Coursera)", "format": "online_course",
			"date_from": "2026-02-01", "date_to": "2026-03-15", "content": "Цифрлық оқыту құралдары; бағалау", "hours": 45,
			"organizer": "University of Edinburgh", "responsible": "Dr. A. Mentor", "evidence": []string{"certificate.pdf"}}
		enrol := map[string]any{"program": x.regno, "staff_id": "KZ-7001", "family_name": "Ахметова", "given_name": "Дана",
			"department": "Физиология кафедрасы", "position": "ассистент", "document": doc}
		incomplete := map[string]any{}
		for k, v := range enrol {
			incomplete[k] = v
		}
		incomplete["document"] = map[string]any{"activity": "MOOC", "format": "online_course", "hours": 45}
		code, b := x.call("coordinator", "POST", "/api/v1/teachhub/cards", incomplete)
		e := decode[apiError](t, b)
		var fields []string
		for _, d := range e.Error.Details {
			fields = append(fields, d.Field)
		}
		for _, f := range []string{"document.date_from", "document.date_to", "document.content", "document.organizer", "document.responsible"} {
			if !slices.Contains(fields, f) {
				t.Errorf("an incomplete supporting document: %d, no %s in %v", code, f, fields)
			}
		}
		var c credential.Card
		x.ok("coordinator", "POST", "/api/v1/teachhub/cards", enrol, http.StatusCreated, &c)
		if c.Hours != 45 || c.SB != 1.5 || c.DateFrom != "2026-02-01" || c.Kind != credential.KindNonformalActivity {
			t.Fatalf("registered activity %+v", c)
		}
		x.move("coordinator", c.ID, body("in_progress"))
		done := x.move("coordinator", c.ID, body("completed"))
		var cred struct {
			Credential map[string]any `json:"credential"`
		}
		x.ok("viewer", "GET", "/api/v1/credentials/"+done.CredentialID, nil, http.StatusOK, &cred)
		subj, _ := cred.Credential["credentialSubject"].(map[string]any)
		ach, _ := subj["achievement"].(map[string]any)
		if ach["achievementType"] != "LearningProgram" || ach["academicHours"] != 45.0 || subj["creditUnits"] != 1.5 ||
			!strings.HasPrefix(subj["activityStartDate"].(string), "2026-02-01") || !strings.HasPrefix(subj["activityEndDate"].(string), "2026-03-15") {
			t.Fatalf("non-formal completion record %v", subj)
		}
		x.patch(c.ID, map[string]any{"verified": true, "plan_entry_date": today(), "plan_entry_number": "ЖЖ-9"})
		x.move("coordinator", c.ID, body("submitted_for_recognition"))
		x.move("registrar", c.ID, map[string]any{"to": "recognized", "recognized_sb": 1.5, "decision_date": today(), "decision_number": "12"})
		var rep credential.CardReport
		x.ok("viewer", "GET", "/api/v1/teachhub/report?department="+url.QueryEscape("Физиология кафедрасы"), nil, http.StatusOK, &rep)
		if len(rep.Rows) != 1 || rep.Rows[0].Activity != doc["activity"] || rep.Rows[0].Format != "online_course" || rep.Totals.RecognizedSB != 1.5 {
			t.Fatalf("report %+v", rep)
		}
	})
}
