// Package demo seeds a fresh registry with sample programs and credentials
// (fictional people) for `tanu demo` and for tests.
package demo

import (
	"context"
	"crypto/rand"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"time"

	"github.com/tanu-edu/tanu/account"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/teachhub"
)

//go:embed program-microqualification.json
var microJSON []byte

//go:embed program-teachhub.json
var teachhubJSON []byte

// Microqualification returns the sample microqualification program.
func Microqualification() credential.Program { return mustProgram(microJSON) }

// TeachHub returns the sample TeachHub module.
func TeachHub() credential.Program { return mustProgram(teachhubJSON) }

func mustProgram(b []byte) credential.Program {
	var p credential.Program
	if err := json.Unmarshal(b, &p); err != nil {
		panic(fmt.Sprintf("demo: embedded program: %v", err))
	}
	return p
}

// Students returns sample holders (fictional).
func Students() []issuer.Request {
	return []issuer.Request{
		{StudentID: "S22633920", FamilyName: "Жұмабекова", GivenName: "Мөлдір", Patronymic: "Нұрланқызы", Email: "s22633920@students.example.edu", IIN: "760227487797", Grades: map[string]any{"LO1": 86.0, "LO2": 71.0, "LO3": 76.0}},
		{StudentID: "S20815439", FamilyName: "Мұхаметжанова", GivenName: "Гүлнұр", Patronymic: "Нұрланқызы", Email: "s20815439@students.example.edu", IIN: "820713481347", Grades: map[string]any{"LO1": 97.0, "LO2": 98.0, "LO3": 78.0}, Language: "ru"},
		{StudentID: "S98384612", FamilyName: "Құдайбергенов", GivenName: "Дәурен", Patronymic: "Болатұлы", Email: "s98384612@students.example.edu", IIN: "770305338004", Grades: map[string]any{"LO1": 100.0, "LO2": "C", "LO3": 96.0}, Language: "en"},
	}
}

// Store is what seeding needs of the store.
type Store interface {
	CreateProgram(ctx context.Context, p credential.Program) (*credential.Program, error)
}

// Issuer issues credentials.
type Issuer interface {
	Issue(ctx context.Context, r issuer.Request) (*issuer.Result, error)
}

// Seeded is what Seed created.
type Seeded struct {
	Programs    []*credential.Program
	Credentials []*credential.Record
}

// Seed registers the sample programs and issues the sample credentials.
func Seed(ctx context.Context, reg Store, is Issuer) (*Seeded, error) {
	out := &Seeded{}
	mq, err := reg.CreateProgram(ctx, Microqualification())
	if err != nil {
		return nil, fmt.Errorf("demo: program: %w", err)
	}
	th, err := reg.CreateProgram(ctx, TeachHub())
	if err != nil {
		return nil, fmt.Errorf("demo: program: %w", err)
	}
	out.Programs = []*credential.Program{mq, th}
	for _, s := range Students() {
		r := s
		r.Program, r.DateFrom, r.DateTo, r.DecisionDate = mq.RegistrationNumber, "2026-02-02", "2026-04-24", "2026-05-06"
		res, err := is.Issue(ctx, r)
		if err != nil {
			return nil, fmt.Errorf("demo: issue %s: %w", r.StudentID, err)
		}
		out.Credentials = append(out.Credentials, res.Record)
	}
	return out, nil
}

// Staff returns sample TeachHub participants (fictional), enrolled in the
// TeachHub module by SeedTeachHub.
func Staff() []teachhub.Enrolment {
	return []teachhub.Enrolment{
		{StaffID: "KZ-0417", FamilyName: "Сейітқали", GivenName: "Әсел", Patronymic: "Маратқызы", Department: "Хирургиялық аурулар кафедрасы", Position: "доцент", Stream: "2026-1"},
		{StaffID: "KZ-0523", FamilyName: "Омаров", GivenName: "Ерлан", Patronymic: "Серікұлы", Department: "Физиология кафедрасы", Position: "аға оқытушы", Stream: "2026-1"},
		{StaffID: "KZ-0688", FamilyName: "Ли", GivenName: "Виктория", Department: "Физиология кафедрасы", Position: "ассистент", Stream: "2026-1"},
	}
}

// Cards runs TeachHub participant cards.
type Cards interface {
	Enrol(ctx context.Context, e teachhub.Enrolment) (*credential.Card, error)
	Update(ctx context.Context, id, role string, patch []byte) (*credential.Card, error)
	Transition(ctx context.Context, id, role string, tr credential.CardTransition) (*credential.Card, error)
}

// SeedTeachHub enrols Staff in the TeachHub module program and takes each
// card as far as a real cohort would get: the first is recognized by the
// commission (its completion record carries the recognized credit units),
// the second has completed the module (a completion record, awaiting
// recognition), the third is still in progress. today (YYYY-MM-DD) dates
// the decisions.
func SeedTeachHub(ctx context.Context, cards Cards, program, today string) ([]*credential.Card, error) {
	// A step is a transition, or (with patch set) recorded work.
	type step struct {
		role  string
		to    credential.CardTransition
		patch map[string]any
	}
	move := func(to string) step {
		return step{role: credential.RoleCoordinator, to: credential.CardTransition{To: to}}
	}
	work := func(contact, self float64, marks map[string]any, tasks ...string) step {
		ts := make([]map[string]any, 0, len(tasks))
		for _, t := range tasks {
			ts = append(ts, map[string]any{"title": t, "product": t + ".pdf", "files": []string{t + ".pdf"}, "done": true})
		}
		return step{role: credential.RoleCoordinator, patch: map[string]any{"contact_hours": contact, "self_study_hours": self,
			"tasks": ts, "marks": marks, "facilitator": "Facilitator One"}}
	}
	tasks := []string{"барлық сессияларға қатысу", "мини-жоба", "презентация"}
	sb := 1.2
	paths := [][]step{
		{ // recognized
			move(credential.CardInProgress),
			work(24, 12, map[string]any{"TH1": 92, "TH2": "A-"}, tasks...),
			move(credential.CardCompleted),
			{role: credential.RoleCoordinator, patch: map[string]any{"verified": true, "plan_entry_date": today, "plan_entry_number": "ЖЖ-17",
				"coordinator": "Серікқызы Әйгерім"}},
			move(credential.CardSubmitted),
			{role: credential.RoleRegistrar, to: credential.CardTransition{To: credential.CardRecognized,
				RecognizedSB: &sb, DecisionDate: today, DecisionNumber: "№ 7-ҒК"}},
		},
		{ // completed
			move(credential.CardInProgress),
			work(26, 12, map[string]any{"TH1": 85, "TH2": "B+"}, tasks...),
			move(credential.CardCompleted),
		},
		{ // in progress
			move(credential.CardInProgress),
			work(10, 4, nil),
		},
	}
	// The module ran over two weeks that ended ten days ago.
	day, err := time.Parse(time.DateOnly, today)
	if err != nil {
		return nil, fmt.Errorf("demo: today %q: %w", today, err)
	}
	var out []*credential.Card
	for i, e := range Staff() {
		e.Program = program
		if e.DateFrom == "" && e.DateTo == "" {
			e.DateFrom, e.DateTo = day.AddDate(0, 0, -23).Format(time.DateOnly), day.AddDate(0, 0, -10).Format(time.DateOnly)
		}
		c, err := cards.Enrol(ctx, e)
		if err != nil {
			return nil, fmt.Errorf("demo: enrol %s: %w", e.StaffID, err)
		}
		for _, st := range paths[i] {
			if st.patch != nil {
				b, _ := json.Marshal(st.patch)
				c, err = cards.Update(ctx, c.ID, st.role, b)
			} else {
				c, err = cards.Transition(ctx, c.ID, st.role, st.to)
			}
			if err != nil {
				return nil, fmt.Errorf("demo: card of %s: %w", e.StaffID, err)
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// Accounts is what SeedAdmin needs of the account service.
type Accounts interface {
	Invite(ctx context.Context, nu account.NewUser) (*account.User, account.IssuedLink, error)
	SetPassword(ctx context.Context, secret, password string) (*account.User, error)
	CreateSystemToken(ctx context.Context, ownerEmail string, req account.TokenRequest) (*account.Token, string, error)
}

// Admin is the demo's administrator: a console login and an API token.
type Admin struct {
	Email, Password, Token string
}

// AdminEmail is the demo administrator's login.
const AdminEmail = "admin@demo.example.edu"

// SeedAdmin creates the demo administrator through the real paths (an
// invitation whose setup link sets a random password) and gives it an API
// token.
func SeedAdmin(ctx context.Context, acc Accounts) (*Admin, error) {
	_, link, err := acc.Invite(ctx, account.NewUser{Email: AdminEmail, Name: "Demo Admin", Role: credential.RoleAdmin})
	if err != nil {
		return nil, fmt.Errorf("demo: admin: %w", err)
	}
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		return nil, fmt.Errorf("demo: admin password: %w", err)
	}
	pw := "demo-" + base64.RawURLEncoding.EncodeToString(b)
	if _, err := acc.SetPassword(ctx, link.Secret, pw); err != nil {
		return nil, fmt.Errorf("demo: admin password: %w", err)
	}
	_, tok, err := acc.CreateSystemToken(ctx, AdminEmail, account.TokenRequest{Name: "demo", Role: credential.RoleAdmin})
	if err != nil {
		return nil, fmt.Errorf("demo: admin token: %w", err)
	}
	return &Admin{Email: AdminEmail, Password: pw, Token: tok}, nil
}
