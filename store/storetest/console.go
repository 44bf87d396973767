package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/store"
)

func consoleTests() suite {
	return suite{
		"ConsoleCounts":          testConsoleCounts,
		"ConsoleSearch":          testConsoleSearch,
		"ConsoleRecentAudit":     testConsoleRecentAudit,
		"ConsoleProgramVersions": testConsoleProgramVersions,
	}
}

// issueNamed stores one award per holder name (student ids s0, s1, …).
func issueNamed(t testing.TB, s *store.Store, prog *credential.Program, names ...string) []*credential.Record {
	t.Helper()
	keys := make([]string, len(names))
	for i := range names {
		keys[i] = fmt.Sprintf("%s-s%d", prog.RegistrationNumber, i)
	}
	out, err := s.IssueAwards(context.Background(), keys, func(i int, n credential.Numbers, at time.Time) (*credential.Record, error) {
		return &credential.Record{ID: fmt.Sprintf("id-%s", keys[i]), ProgramRegNo: prog.RegistrationNumber, ProgramVersion: prog.Version,
			StudentID: fmt.Sprintf("s%d", i), HolderName: names[i], Language: "kk", KID: "k1", ValidFrom: at, JWS: "jws"}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	recs := make([]*credential.Record, len(out))
	for i, o := range out {
		recs[i] = o.Record
	}
	return recs
}

func testConsoleCounts(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	prog, _ := s.CreateProgram(ctx, SampleProgram())
	issueNamed(t, s, prog, "Ким Ли", "Әлиев Бауыржан", "Smith John")
	recent, total, err := s.CredentialCounts(ctx, time.Now().Add(-time.Hour))
	if err != nil || recent != 3 || total != 3 {
		t.Fatalf("counts %d %d %v, want 3 3", recent, total, err)
	}
	recent, total, _ = s.CredentialCounts(ctx, time.Now().Add(time.Hour))
	if recent != 0 || total != 3 {
		t.Fatalf("counts from the future %d %d, want 0 3", recent, total)
	}
}

func testConsoleSearch(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	prog, _ := s.CreateProgram(ctx, SampleProgram())
	other, _ := s.CreateProgram(ctx, SampleProgram())
	recs := issueNamed(t, s, prog, "Ким Ли", "Әлиев Бауыржан", "Smith John", "ӘЛІМОВА Айгүл")
	issueNamed(t, s, other, "Ким Ли")
	if _, err := s.ChangeStatus(ctx, recs[2].ID, credential.Revoke, "test"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		f     credential.CredentialSearch
		total int
		first string
	}{
		{"all", credential.CredentialSearch{}, 5, "Ким Ли"},
		{"Kazakh letters in any case", credential.CredentialSearch{Holder: "әл"}, 2, "ӘЛІМОВА Айгүл"},
		{"Latin in any case", credential.CredentialSearch{Holder: "SMITH"}, 1, "Smith John"},
		{"program", credential.CredentialSearch{Program: prog.RegistrationNumber}, 4, "ӘЛІМОВА Айгүл"},
		{"holder and program", credential.CredentialSearch{Holder: "ким", Program: other.RegistrationNumber}, 1, "Ким Ли"},
		{"student id", credential.CredentialSearch{StudentID: "s1", Program: prog.RegistrationNumber}, 1, "Әлиев Бауыржан"},
		{"number", credential.CredentialSearch{Number: recs[1].CertificateNumber}, 1, "Әлиев Бауыржан"},
		{"book", credential.CredentialSearch{Book: recs[3].BookNumber}, 1, "ӘЛІМОВА Айгүл"},
		{"status", credential.CredentialSearch{Status: credential.StatusRevoked}, 1, "Smith John"},
		{"issued today", credential.CredentialSearch{IssuedFrom: time.Now().Add(-time.Hour), IssuedTo: time.Now().Add(time.Hour)}, 5, "Ким Ли"},
		{"issued before", credential.CredentialSearch{IssuedTo: time.Now().Add(-time.Hour)}, 0, ""},
		{"second page", credential.CredentialSearch{Limit: 2, Offset: 2}, 5, "Smith John"},
	} {
		got, total, err := s.SearchCredentials(ctx, tc.f)
		if err != nil || total != tc.total {
			t.Fatalf("%s: total %d err %v, want %d", tc.name, total, err, tc.total)
		}
		if tc.first == "" {
			if len(got) != 0 {
				t.Fatalf("%s: %d found", tc.name, len(got))
			}
			continue
		}
		if len(got) == 0 || got[0].HolderName != tc.first {
			t.Fatalf("%s: %+v, want first %q", tc.name, got, tc.first)
		}
		if tc.f.Limit > 0 && len(got) > tc.f.Limit {
			t.Fatalf("%s: %d on a page of %d", tc.name, len(got), tc.f.Limit)
		}
	}
}

func testConsoleRecentAudit(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	prog, _ := s.CreateProgram(ctx, SampleProgram())
	recs := issueNamed(t, s, prog, "Ким Ли")
	if _, err := s.ChangeStatus(ctx, recs[0].ID, credential.Suspend, "проверка"); err != nil {
		t.Fatal(err)
	}
	got, err := s.RecentAudit(ctx, 2)
	if err != nil || len(got) != 2 || got[0].Action != credential.ActionCredentialSuspended || got[0].Reason != "проверка" ||
		got[1].Action != credential.ActionCredentialIssued || got[0].ID <= got[1].ID {
		t.Fatalf("recent %+v err %v", got, err)
	}
}

func testConsoleProgramVersions(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	p := SampleProgram()
	p.Status = credential.ProgramActive
	prog, _ := s.CreateProgram(ctx, p)
	if _, err := s.UpdateProgram(ctx, prog.RegistrationNumber, func(p *credential.Program) error { p.Hours++; return nil }); err != nil {
		t.Fatal(err)
	}
	vs, err := s.ProgramVersions(ctx, prog.RegistrationNumber)
	if err != nil || len(vs) != 2 || vs[0].Version != 2 || vs[1].Version != 1 || vs[1].Status != "superseded" {
		t.Fatalf("versions %+v err %v", vs, err)
	}
	if _, err := s.ProgramVersions(ctx, "MQ-1900-0001"); !credential.IsNotFound(err) {
		t.Fatalf("unknown program: %v", err)
	}
}
