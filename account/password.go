package account

import (
	"bufio"
	"bytes"
	"crypto/subtle"
	_ "embed"
	"encoding/base64"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"github.com/tanu-edu/tanu/credential"
)

// Password limits.
const (
	MinPasswordChars = 12  // characters (runes), not bytes
	MaxPasswordBytes = 256 // longer input is refused before hashing
)

// Argon2Params are the argon2id cost parameters written into every hash.
type Argon2Params struct {
	Memory  uint32 // KiB
	Time    uint32
	Threads uint8
}

// DefaultArgon2 returns OWASP's argon2id minimum: 19 MiB, 2 passes, 1 lane.
func DefaultArgon2() Argon2Params { return Argon2Params{Memory: 19 * 1024, Time: 2, Threads: 1} }

// Bounds on parameters read back from a stored hash, so a damaged or hostile
// row cannot make a login take unbounded memory or time.
const (
	maxArgonMemory  = 256 * 1024
	maxArgonTime    = 10
	maxArgonThreads = 8
	saltBytes       = 16
	keyBytes        = 32
)

// HashPassword returns the PHC string of password:
// $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash> (unpadded standard base64).
func HashPassword(password string, salt []byte, p Argon2Params) string {
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, keyBytes)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key))
}

// CheckPassword reports whether password matches the PHC string encoded.
// A malformed hash, or one with parameters beyond tanu's bounds, never
// matches.
func CheckPassword(password, encoded string) bool {
	p, salt, key, err := parsePHC(encoded)
	if err != nil {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1
}

func parsePHC(s string) (Argon2Params, []byte, []byte, error) {
	var p Argon2Params
	parts := strings.Split(s, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, fmt.Errorf("account: not an argon2id hash")
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return p, nil, nil, fmt.Errorf("account: argon2 version %q", parts[2])
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return p, nil, nil, fmt.Errorf("account: argon2 parameters %q", parts[3])
	}
	if p.Memory < 8 || p.Memory > maxArgonMemory || p.Time < 1 || p.Time > maxArgonTime || p.Threads < 1 || p.Threads > maxArgonThreads {
		return p, nil, nil, fmt.Errorf("account: argon2 parameters out of bounds")
	}
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil || len(salt) < 8 || len(salt) > 64 {
		return p, nil, nil, fmt.Errorf("account: argon2 salt")
	}
	key, err := b64.DecodeString(parts[5])
	if err != nil || len(key) < 16 || len(key) > 64 {
		return p, nil, nil, fmt.Errorf("account: argon2 key")
	}
	return p, salt, key, nil
}

// commonPasswords is Openwall's public-domain list of the passwords most
// often seen (3,546 entries; see the file's header), one a line.
//
//go:embed common-passwords.txt
var commonPasswordsTxt []byte

// commonSet is the list, lower-cased; built once from the embedded file.
var commonSet = func() map[string]bool {
	m := make(map[string]bool, 4096)
	sc := bufio.NewScanner(bytes.NewReader(commonPasswordsTxt))
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" || strings.HasPrefix(w, "#!comment:") {
			continue
		}
		m[strings.ToLower(w)] = true
	}
	return m
}()

// IsCommonPassword reports whether p is on the common-password list, also
// once lower-cased and stripped of the digits and symbols people append
// ("Password2024!"), or repeated ("qwertyqwerty").
func IsCommonPassword(p string) bool {
	l := strings.ToLower(p)
	if commonSet[l] {
		return true
	}
	trim := func(r rune) bool { return unicode.IsDigit(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || r == ' ' }
	core := strings.TrimLeftFunc(strings.TrimRightFunc(l, trim), trim)
	if core == "" { // digits and symbols only: judge the digits
		core = strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return r
			}
			return -1
		}, l)
	}
	if core != "" && commonSet[core] {
		return true
	}
	// A run along the digits, the alphabet or a keyboard row: "123456789012".
	for _, seq := range []string{"01234567890123456789", "98765432109876543210", "abcdefghijklmnopqrstuvwxyz",
		"qwertyuiopasdfghjklzxcvbnm", "йцукенгшщзхъфывапролджэячсмитьбю"} {
		if len(core) >= 6 && strings.Contains(seq+seq, core) {
			return true
		}
	}
	// A short unit repeated: "qwertyqwerty", "abcabcabcabc", "aaaaaaaaaaaa".
	for n := 1; n <= len(core)/2; n++ {
		if len(core)%n == 0 && strings.Repeat(core[:n], len(core)/n) == core {
			return n < 4 || commonSet[core[:n]]
		}
	}
	return false
}

// CheckPasswordPolicy returns an invalid-input error naming what is wrong
// with a new password: too short, too long, not text, on the common list,
// or the account's own e-mail.
func CheckPasswordPolicy(password, email string) error {
	bad := func(code, msg string) error {
		return &credential.Error{Code: credential.CodeInvalid, Message: msg,
			Details: []credential.Detail{{Field: "password", Code: code, Message: msg}}}
	}
	switch {
	case len(password) > MaxPasswordBytes:
		return bad("too_long", fmt.Sprintf("the password is longer than %d bytes", MaxPasswordBytes))
	case !utf8.ValidString(password):
		return bad("not_text", "the password is not valid UTF-8 text")
	case utf8.RuneCountInString(password) < MinPasswordChars:
		return bad("too_short", fmt.Sprintf("the password needs at least %d characters", MinPasswordChars))
	case IsCommonPassword(password):
		return bad("common", "the password is on the list of common passwords: choose another")
	case email != "" && (strings.EqualFold(password, email) || strings.EqualFold(password, strings.SplitN(email, "@", 2)[0])):
		return bad("is_login", "the password must not be the e-mail address")
	}
	return nil
}
