package storetest

import (
	"context"
	"errors"
	"sort"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/store"
)

// RunTeachHub runs the participant-card cases against an engine.
func RunTeachHub(t *testing.T, open Open) {
	suite{
		"CardEnrolAndRead":     testCardEnrol,
		"CardSearch":           testCardSearch,
		"CardUpdateAndHistory": testCardUpdate,
		"CardUpdateRollsBack":  testCardRollback,
		"CardReportPeriod":     testCardReport,
	}.run(t, open)
}

// SampleCard returns an enrolment of a TeachHub participant.
func SampleCard(staffID, family, department string) credential.Card {
	return credential.Card{Program: "TH-2026-0001", Kind: credential.KindTeachHubModule, StaffID: staffID,
		FamilyName: family, GivenName: "Әсел", Patronymic: "Бауыржанқызы", Department: department, Position: "аға оқытушы",
		ProgramName: credential.Text{"kk": "Дебрифинг"}}
}

func testCardEnrol(t *testing.T, open Open) {
	s := open(t)
	ctx := credential.WithActor(context.Background(), "token:coord")
	c, err := s.CreateCard(ctx, SampleCard("KZ-1", "Сейітқали", "Хирургия"))
	if err != nil {
		t.Fatal(err)
	}
	if c.ID == "" || c.Status != credential.CardRegistered || c.Holder != "Сейітқали Әсел Бауыржанқызы" || c.StatusChangedBy != "token:coord" {
		t.Fatalf("created %+v", c)
	}
	got, err := s.Card(ctx, c.ID)
	if err != nil || got.StaffID != "KZ-1" || got.ProgramName.Get("kk") != "Дебрифинг" || !got.CreatedAt.Equal(c.CreatedAt) {
		t.Fatalf("read back %+v err %v", got, err)
	}
	if _, err := s.CreateCard(ctx, SampleCard("KZ-1", "Сейітқали", "Хирургия")); credential.ErrorCode(err) != credential.CodeConflict {
		t.Fatalf("second enrolment in the same program and stream: err %v, want conflict", err)
	}
	other := SampleCard("KZ-1", "Сейітқали", "Хирургия")
	other.Stream = "2026-2"
	if _, err := s.CreateCard(ctx, other); err != nil {
		t.Fatalf("enrolment in another stream: %v", err)
	}
	by, err := s.CardByEnrolment(ctx, "TH-2026-0001", "KZ-1", "")
	if err != nil || by.ID != c.ID {
		t.Fatalf("by enrolment: %v err %v", by, err)
	}
	if _, err := s.Card(ctx, "nope"); !credential.IsNotFound(err) {
		t.Fatalf("unknown card: %v", err)
	}
	if _, err := s.CardByCredential(ctx, "nope"); !credential.IsNotFound(err) {
		t.Fatalf("unknown credential: %v", err)
	}
	log, err := s.AuditLog(ctx, credential.AuditFilter{ObjectType: "card", ObjectID: c.ID})
	if err != nil || len(log) != 1 || log[0].Action != credential.ActionCardEnrolled || log[0].Actor != "token:coord" {
		t.Fatalf("audit %+v err %v", log, err)
	}
}

func testCardSearch(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	for _, c := range []credential.Card{SampleCard("A1", "Сейітқали", "Хирургия"), SampleCard("A2", "Омаров", "Хирургия"),
		SampleCard("A3", "Smith", "Физиология")} {
		if _, err := s.CreateCard(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		f    credential.CardFilter
		want []string
	}{
		{"all", credential.CardFilter{}, []string{"A1", "A2", "A3"}},
		{"department", credential.CardFilter{Department: "Хирургия"}, []string{"A1", "A2"}},
		{"staff", credential.CardFilter{StaffID: "A3"}, []string{"A3"}},
		{"cyrillic name, any case", credential.CardFilter{Query: "СЕЙІТ"}, []string{"A1"}},
		{"status", credential.CardFilter{Status: credential.CardCompleted}, nil},
		{"program", credential.CardFilter{Program: "TH-2026-0002"}, nil},
		{"page", credential.CardFilter{Limit: 1, Offset: 1}, []string{"A2"}},
	}
	for _, tt := range tests {
		cs, err := s.Cards(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range cs {
			got = append(got, c.StaffID)
		}
		if len(got) != len(tt.want) || (len(got) > 0 && !sameStrings(got, tt.want)) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func sameStrings(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}

func testCardUpdate(t *testing.T, open Open) {
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	s := open(t, store.WithClock(func() time.Time { return now }))
	ctx := credential.WithActor(context.Background(), "token:coord")
	c, err := s.CreateCard(ctx, SampleCard("KZ-1", "Сейітқали", "Хирургия"))
	if err != nil {
		t.Fatal(err)
	}
	step := func(to string, edit func(*credential.Card)) *credential.Card {
		t.Helper()
		now = now.Add(24 * time.Hour)
		out, err := s.UpdateCard(ctx, c.ID, func(x *credential.Card) (credential.CardChange, error) {
			from := x.Status
			x.Status = to
			if edit != nil {
				edit(x)
			}
			return credential.CardChange{Action: credential.ActionCardTransitioned, Details: map[string]any{"from": from, "to": to}}, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	step(credential.CardInProgress, func(x *credential.Card) { x.ContactHours, x.SelfStudyHours = 24, 12 })
	done := step(credential.CardCompleted, func(x *credential.Card) { x.CredentialID = "cred-1" })
	if done.CompletedAt == nil || !done.CompletedAt.Equal(now) || done.Hours != 36 || done.SB != 1.2 || done.StatusChangedBy != "token:coord" {
		t.Fatalf("completed %+v", done)
	}
	step(credential.CardSubmitted, nil)
	rec := step(credential.CardRecognized, func(x *credential.Card) { sb := 1.2; x.RecognizedSB, x.DecisionDate = &sb, "2026-03-05" })
	if rec.SubmittedAt == nil || rec.RecognizedAt == nil || !rec.CompletedAt.Equal(*done.CompletedAt) {
		t.Fatalf("recognized %+v", rec)
	}
	by, err := s.CardByCredential(ctx, "cred-1")
	if err != nil || by.ID != c.ID || *by.RecognizedSB != 1.2 {
		t.Fatalf("by credential: %+v err %v", by, err)
	}
	// A change that changes nothing writes nothing.
	same, err := s.UpdateCard(ctx, c.ID, func(*credential.Card) (credential.CardChange, error) { return credential.CardChange{}, nil })
	if err != nil || !same.UpdatedAt.Equal(rec.UpdatedAt) {
		t.Fatalf("no-op update: %+v err %v", same, err)
	}
	hist, err := s.CardHistory(ctx, c.ID)
	if err != nil || len(hist) != 4 {
		t.Fatalf("history %+v err %v", hist, err)
	}
	want := [][2]string{{"registered", "in_progress"}, {"in_progress", "completed"}, {"completed", "submitted_for_recognition"},
		{"submitted_for_recognition", "recognized"}}
	for i, h := range hist {
		if h.From != want[i][0] || h.To != want[i][1] || h.Actor != "token:coord" || h.At.IsZero() {
			t.Errorf("history[%d] = %+v, want %v", i, h, want[i])
		}
	}
	// Two cards cannot share a completion record.
	d, _ := s.CreateCard(ctx, SampleCard("KZ-2", "Омаров", "Хирургия"))
	_, err = s.UpdateCard(ctx, d.ID, func(x *credential.Card) (credential.CardChange, error) {
		x.CredentialID = "cred-1"
		return credential.CardChange{Action: credential.ActionCardUpdated}, nil
	})
	if credential.ErrorCode(err) != credential.CodeConflict {
		t.Fatalf("shared credential: %v, want conflict", err)
	}
}

func testCardRollback(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	c, err := s.CreateCard(ctx, SampleCard("KZ-1", "Сейітқали", "Хирургия"))
	if err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	_, err = s.UpdateCard(ctx, c.ID, func(x *credential.Card) (credential.CardChange, error) {
		x.Status = credential.CardInProgress
		return credential.CardChange{}, boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err %v", err)
	}
	got, _ := s.Card(ctx, c.ID)
	log, _ := s.AuditLog(ctx, credential.AuditFilter{ObjectType: "card", ObjectID: c.ID})
	if got.Status != credential.CardRegistered || len(log) != 1 {
		t.Fatalf("after a failed update: %s, %d audit entries", got.Status, len(log))
	}
	if _, err := s.UpdateCard(ctx, "nope", func(*credential.Card) (credential.CardChange, error) { return credential.CardChange{}, nil }); !credential.IsNotFound(err) {
		t.Fatalf("unknown card: %v", err)
	}
}

func testCardReport(t *testing.T, open Open) {
	now := time.Date(2026, 3, 31, 23, 59, 0, 0, time.UTC)
	s := open(t, store.WithClock(func() time.Time { return now }))
	ctx := context.Background()
	mk := func(staff, dept, to, decision string, at time.Time) {
		t.Helper()
		now = at
		c, err := s.CreateCard(ctx, SampleCard(staff, "Омаров", dept))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.UpdateCard(ctx, c.ID, func(x *credential.Card) (credential.CardChange, error) {
			x.Status = to
			x.DecisionDate = decision
			return credential.CardChange{Action: credential.ActionCardTransitioned}, nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	mk("last-day", "A", credential.CardCompleted, "", time.Date(2026, 3, 31, 23, 59, 0, 0, time.UTC))
	mk("next-day", "A", credential.CardCompleted, "", time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC))
	mk("submitted", "B", credential.CardSubmitted, "", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	mk("decided", "B", credential.CardRecognized, "2026-03-15", time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC))
	mk("registered", "B", credential.CardInProgress, "", time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC))
	from, to := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		dept string
		want []string
	}{
		{"", []string{"last-day", "decided", "submitted"}},
		{"B", []string{"decided", "submitted"}},
	}
	for _, tt := range tests {
		cs, err := s.ReportCards(ctx, from, to, "2026-03-01", "2026-03-31", tt.dept)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range cs {
			got = append(got, c.StaffID)
		}
		sort.Strings(got)
		sort.Strings(tt.want)
		if !sameStrings(got, tt.want) {
			t.Errorf("department %q: got %v, want %v", tt.dept, got, tt.want)
		}
	}
}
