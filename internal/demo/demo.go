// Package demo seeds a fresh registry with sample programs and credentials
// (fictional people) for `tanu demo` and for tests.
package demo

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
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

// Registry is what seeding needs.
type Registry interface {
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
func Seed(ctx context.Context, reg Registry, is Issuer) (*Seeded, error) {
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
