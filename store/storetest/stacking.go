package storetest

import (
	"context"
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/credential"
)

func stackingTests() suite {
	return suite{
		"PathwayCreate":      testPathwayCreate,
		"NanoReview":         testNanoReview,
		"TransfersFiltered":  testTransfers,
		"ValidCredentialsOf": testValidCredentialsOf,
	}
}

func samplePathway(required ...string) credential.Pathway {
	return credential.Pathway{Name: credential.Text{"kk": "Деректер талдаушысы", "en": "Data analyst"}, NQFLevel: 6,
		Required: required, MinCredits: 6}
}

// testPathwayCreate: a pathway gets its nano-diploma program's new
// registration number as its id, in one transaction with the program.
func testPathwayCreate(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	p1, _ := s.CreateProgram(ctx, SampleProgram())
	pw, err := s.CreatePathway(ctx, samplePathway(p1.RegistrationNumber))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(pw.ID, "ND-") || pw.Status != credential.PathwayActive {
		t.Fatalf("pathway %+v", pw)
	}
	prog, err := s.Program(ctx, pw.ID, 0)
	if err != nil || prog.Kind != credential.KindNanoDiploma || prog.NQFLevel != 6 || prog.Name.Get("en") != "Data analyst" {
		t.Fatalf("nano-diploma program %+v, %v", prog, err)
	}
	got, err := s.Pathway(ctx, pw.ID)
	if err != nil || got.Required[0] != p1.RegistrationNumber || got.MinCredits != 6 {
		t.Fatalf("read back %+v, %v", got, err)
	}
	second, _ := s.CreatePathway(ctx, samplePathway(p1.RegistrationNumber))
	list, err := s.Pathways(ctx, "")
	if err != nil || len(list) != 2 || list[0].ID != pw.ID || list[1].ID != second.ID {
		t.Fatalf("list %v, %v", list, err)
	}
	if list, _ := s.Pathways(ctx, credential.PathwayArchived); len(list) != 0 {
		t.Fatalf("archived %v", list)
	}
	if _, err := s.Pathway(ctx, "ND-1999-0001"); !credential.IsNotFound(err) {
		t.Fatalf("missing pathway: %v", err)
	}
}

// testNanoReview: components are recorded once, and revoking one flags
// the nano-diploma, by nano-diploma and by pathway.
func testNanoReview(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	p1, _ := s.CreateProgram(ctx, SampleProgram())
	pw, err := s.CreatePathway(ctx, samplePathway(p1.RegistrationNumber))
	if err != nil {
		t.Fatal(err)
	}
	comps := issue(t, s, p1, "c1", "c2")
	nanoProg, _ := s.Program(ctx, pw.ID, 0)
	nano := issue(t, s, nanoProg, "n1")[0].Record
	ids := []string{comps[0].Record.ID, comps[1].Record.ID}
	for range 2 {
		if err := s.AddNanoComponents(ctx, nano.ID, pw.ID, ids); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.NanoComponents(ctx, nano.ID)
	if err != nil || len(got) != 2 {
		t.Fatalf("components %v, %v", got, err)
	}
	if fs, err := s.NanoReview(ctx, nano.ID, ""); err != nil || len(fs) != 0 {
		t.Fatalf("review before revocation %v, %v", fs, err)
	}
	if _, err := s.ChangeStatus(ctx, ids[1], credential.Revoke, "plagiarism"); err != nil {
		t.Fatal(err)
	}
	for _, q := range [][2]string{{nano.ID, ""}, {"", pw.ID}} {
		fs, err := s.NanoReview(ctx, q[0], q[1])
		if err != nil || len(fs) != 1 || fs[0].ComponentID != ids[1] || fs[0].NanoID != nano.ID || fs[0].Status != credential.StatusRevoked ||
			fs[0].Reason != "plagiarism" || fs[0].Since == nil || fs[0].Program != p1.RegistrationNumber {
			t.Fatalf("review %v: %+v, %v", q, fs, err)
		}
	}
	if fs, _ := s.NanoReview(ctx, "", ""); len(fs) != 0 {
		t.Fatalf("review with no filter: %v", fs)
	}
	if valid, err := s.ValidCredentials(ctx, p1.RegistrationNumber, "", 10); err != nil || len(valid) != 1 || valid[0].ID != ids[0] {
		t.Fatalf("valid credentials %v, %v", valid, err)
	}
	if hs, err := s.ValidHolders(ctx, p1.RegistrationNumber, 10); err != nil || len(hs) != 1 || hs[0].CredentialID != ids[0] ||
		hs[0].StudentID != "c1" || hs[0].HolderName != "Holder c1" || hs[0].Program != p1.RegistrationNumber {
		t.Fatalf("valid holders %+v, %v", hs, err)
	}
}

// testTransfers: transfers filtered by credential, holder and decision
// dates, with their credential's facts.
func testTransfers(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	p1, _ := s.CreateProgram(ctx, SampleProgram())
	recs := issue(t, s, p1, "h1", "h2")
	for i, d := range []string{"2026-06-10", "2026-05-01", "2026-07-01"} {
		r := recs[i%2].Record
		_, err := s.CreateTransfer(ctx, credential.Transfer{CredentialID: r.ID, StudentID: r.StudentID, ProgramCode: "6B0610" + string(rune('1'+i)),
			ProgramName: "Информатика", Form: credential.TransferCredits, Credits: 5, CreditSystem: credential.CreditsECTS, Grade: "A",
			Body: "Council", DecisionDate: d, DecisionNumber: "N" + d})
		if err != nil {
			t.Fatal(err)
		}
	}
	all, err := s.Transfers(ctx, credential.TransferFilter{})
	if err != nil || len(all) != 3 || all[0].DecisionDate != "2026-05-01" || all[2].DecisionDate != "2026-07-01" {
		t.Fatalf("all %+v, %v", all, err)
	}
	if all[0].Holder != "Holder h2" || all[0].Microqualification != p1.RegistrationNumber || all[0].CertificateNumber != recs[1].Record.CertificateNumber || all[0].ID == "" {
		t.Fatalf("row %+v", all[0])
	}
	for _, tc := range []struct {
		f    credential.TransferFilter
		want int
	}{
		{credential.TransferFilter{CredentialID: recs[0].Record.ID}, 2},
		{credential.TransferFilter{StudentID: "h2"}, 1},
		{credential.TransferFilter{From: "2026-06-01"}, 2},
		{credential.TransferFilter{From: "2026-06-01", To: "2026-06-30"}, 1},
		{credential.TransferFilter{Limit: 1}, 1},
	} {
		got, err := s.Transfers(ctx, tc.f)
		if err != nil || len(got) != tc.want {
			t.Errorf("%+v: %d, %v; want %d", tc.f, len(got), err, tc.want)
		}
	}
}

// testValidCredentialsOf: a holder's valid credentials, oldest first.
func testValidCredentialsOf(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	p1, _ := s.CreateProgram(ctx, SampleProgram())
	a := issue(t, s, p1, "x")[0].Record
	issue(t, s, p1, "y")
	got, err := s.ValidCredentialsOf(ctx, "x", 10)
	if err != nil || len(got) != 1 || got[0].ID != a.ID {
		t.Fatalf("%v, %v", got, err)
	}
	if _, err := s.ChangeStatus(ctx, a.ID, credential.Revoke, "error"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.ValidCredentialsOf(ctx, "x", 10); len(got) != 0 {
		t.Fatalf("after revocation %v", got)
	}
}
