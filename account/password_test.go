package account

import (
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/credential"
)

func TestPasswordHash(t *testing.T) {
	salt := []byte("0123456789abcdef")
	h := HashPassword("correct horse battery staple", salt, DefaultArgon2())
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("PHC string %q", h)
	}
	if !CheckPassword("correct horse battery staple", h) {
		t.Fatal("the right password does not match")
	}
	if CheckPassword("correct horse battery stapler", h) {
		t.Fatal("a wrong password matches")
	}
	if HashPassword("correct horse battery staple", []byte("fedcba9876543210"), DefaultArgon2()) == h {
		t.Fatal("the salt does not change the hash")
	}
	// Malformed or hostile stored hashes never match, and never run with
	// unbounded cost.
	for _, bad := range []string{"", "plain", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
		strings.Replace(h, "m=19456", "m=4194304", 1), strings.Replace(h, "t=2", "t=1000", 1), strings.Replace(h, "p=1", "p=255", 1),
		strings.Replace(h, "v=19", "v=16", 1), h + "$extra", h[:len(h)-10]} {
		start := time.Now()
		if CheckPassword("correct horse battery staple", bad) {
			t.Errorf("%q matched", bad)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%q took %s", bad, d)
		}
	}
}

func TestCommonPasswords(t *testing.T) {
	if n := len(commonSet); n < 3000 {
		t.Fatalf("the embedded list has %d entries", n)
	}
	for p, want := range map[string]bool{
		"password": true, "PASSWORD": true, "password1234": true, "Password2024!": true, "qwertyqwerty": true,
		"abcabcabcabc": true, "aaaaaaaaaaaaaaaa": true, "123456789012": true, "iloveyou!!!!": true,
		"correct horse battery staple": false, "Алма-Ата тауы 2026": false, "Жұмабекова-LO1-86%": false,
	} {
		if got := IsCommonPassword(p); got != want {
			t.Errorf("IsCommonPassword(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestPasswordPolicy(t *testing.T) {
	for pw, code := range map[string]string{
		"":                       "too_short",
		"elevenchars":            "too_short",
		"қазақша сөз":            "too_short", // 11 characters, more bytes
		"қазақша сөзі":           "",
		strings.Repeat("x", 257): "too_long",
		"password123456":         "common",
		"name@uni.example":       "is_login",
		"NAME@UNI.EXAMPLE":       "is_login",
		"a good long passphrase": "",
		string([]byte{0xff, 0xfe, 0xfd}) + "aaaaaaaaaaaa": "not_text",
	} {
		err := CheckPasswordPolicy(pw, "name@uni.example")
		got := ""
		if d := credential.ErrorDetails(err); len(d) == 1 {
			got = d[0].Code
		}
		if got != code || (code != "" && credential.ErrorCode(err) != credential.CodeInvalid) {
			t.Errorf("%q: %v, want %q", pw, err, code)
		}
	}
}

func TestNormalizeEmail(t *testing.T) {
	for in, want := range map[string]string{
		" Alice@Uni.Example ":              "alice@uni.example",
		"a.b+c@kaznmu.kz":                  "a.b+c@kaznmu.kz",
		"Alice <a@b.kz>":                   "",
		"no-at-sign":                       "",
		"a@nodot":                          "",
		"":                                 "",
		strings.Repeat("a", 250) + "@b.kz": "",
	} {
		got, err := NormalizeEmail(in)
		if got != want || (want == "") != (err != nil) {
			t.Errorf("NormalizeEmail(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{"/console": "/console", "/console/users?x=1": "/console/users?x=1",
		"//evil.example/console": "/console", "https://evil.example": "/console", "/verify": "/console", "/console\\@evil": "/console"} {
		if got := SafeNext(in); got != want {
			t.Errorf("SafeNext(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkHashPassword measures one argon2id hash with the default
// parameters (the cost of every sign-in):
//
//	go test -run '^$' -bench HashPassword -benchmem ./account
func BenchmarkHashPassword(b *testing.B) {
	salt := []byte("0123456789abcdef")
	for b.Loop() {
		HashPassword("correct horse battery staple", salt, DefaultArgon2())
	}
}
