package issuer

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/keyring"
)

// BenchmarkBuildAndSign measures what the issuance target is about:
// building one OB 3.0 credential and signing it as a VC-JWT (ES256), next
// to BenchmarkSignRawES256, the bare signature of a digest, in the same run.
func BenchmarkBuildAndSign(b *testing.B) {
	ring, _ := keyring.Open(b.TempDir())
	k, _ := ring.Generate(keyring.ES256)
	id := Identity{BaseURL: "https://credentials.example.edu", Name: credential.Text{"kk": "Үлгі университеті"}, DefaultLang: "kk", Scale: credential.DefaultGradeScale()}
	signer, _ := keyring.NewSigner(k, id.KeyURL(k.KID))
	is, err := New(id, nil, signer)
	if err != nil {
		b.Fatal(err)
	}
	p := &credential.Program{RegistrationNumber: "MQ-2026-0001", Version: 1, Status: credential.ProgramActive, Kind: credential.KindMicroqualification,
		Name: credential.Text{"kk": "Деректерді талдауға арналған Python"}, Hours: 90, Credits: 3, NQFLevel: 6, FormOfStudy: "blended",
		Competencies: []credential.Competency{
			{Code: "LO1", Title: credential.Text{"kk": "Деректерді жинау және тазалау"}},
			{Code: "LO2", Title: credential.Text{"kk": "Статистикалық талдау"}},
			{Code: "LO3", Title: credential.Text{"kk": "Нәтижелерді визуализациялау және қорғау"}},
		}}
	a, err := is.validate(is.Identity(), p, Request{StudentID: "S22633920", FamilyName: "Жұмабекова", GivenName: "Мөлдір", Patronymic: "Нұрланқызы",
		Email: "s22633920@students.example.edu", IIN: "760227487797", DateFrom: "2026-02-02", DateTo: "2026-04-24", DecisionDate: "2026-05-06",
		Grades: map[string]any{"LO1": 86.0, "LO2": 71.0, "LO3": 76.0}})
	if err != nil {
		b.Fatal(err)
	}
	if err := is.draw([]*award{a}); err != nil {
		b.Fatal(err)
	}
	at := time.Date(2026, 5, 10, 9, 0, 0, 0, time.UTC)
	n := credential.Numbers{Certificate: 42, Book: "2026/000042", StatusList: 1, StatusIndex: 4242}
	b.ReportAllocs()
	for b.Loop() {
		cp := *a
		cp.salts = append([]string(nil), a.salts...)
		if _, err := is.build(p, &cp, n, at); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSignRawES256(b *testing.B) {
	k, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	d := sha256.Sum256([]byte("payload"))
	for b.Loop() {
		if _, _, err := ecdsa.Sign(rand.Reader, k, d[:]); err != nil {
			b.Fatal(err)
		}
	}
}
