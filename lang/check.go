package lang

// The checks every entry point runs on what a person types
// (credential.Check*, credential.CheckNumber): a value refused, naming
// its field. The first argument is the field (a Key from Field, or its
// name).
const (
	CheckTooLong     Key = "check.too_long"
	CheckBadChar     Key = "check.bad_char"
	CheckNoLetter    Key = "check.no_letter"
	CheckBadStart    Key = "check.bad_start"
	CheckInvalidUTF8 Key = "check.invalid_utf8"
	CheckNotNumber   Key = "check.not_number"
	CheckPositive    Key = "check.positive"
	CheckRange       Key = "check.range"
)

var checkMessages = map[Key]Message{
	CheckTooLong: {
		KK: "%[1]s тым ұзын (%[2]d таңба, ең көбі %[3]d)",
		RU: "%[1]s: слишком длинно (%[2]d символов, не больше %[3]d)",
		EN: "%[1]s is too long (%[2]d characters, at most %[3]d)"},
	CheckBadChar: {
		KK: "%[1]s ішінде рұқсат етілмеген таңба бар (%[2]s)",
		RU: "%[1]s: недопустимый символ (%[2]s)",
		EN: "%[1]s holds a character that is not allowed (%[2]s)"},
	CheckNoLetter: {
		KK: "%[1]s ішінде әріптер болуы керек",
		RU: "%[1]s: должны быть буквы",
		EN: "%[1]s must contain letters"},
	CheckBadStart: {
		KK: "%[1]s әріптен немесе цифрдан басталуы керек",
		RU: "%[1]s: должно начинаться с буквы или цифры",
		EN: "%[1]s must start with a letter or a digit"},
	CheckInvalidUTF8: {
		KK: "%[1]s — жарамды UTF-8 мәтіні емес",
		RU: "%[1]s: текст не в кодировке UTF-8",
		EN: "%[1]s is not valid UTF-8 text"},
	CheckNotNumber: {
		KK: "%[1]s сан болуы керек",
		RU: "%[1]s: должно быть числом",
		EN: "%[1]s must be a number"},
	CheckPositive: {
		KK: "%[1]s нөлден үлкен болуы керек (ең көбі %[2]s)",
		RU: "%[1]s: должно быть больше 0 (не больше %[2]s)",
		EN: "%[1]s must be above 0 (at most %[2]s)"},
	CheckRange: {
		KK: "%[1]s %[2]s мен %[3]s аралығында болуы керек",
		RU: "%[1]s: должно быть от %[2]s до %[3]s",
		EN: "%[1]s must be between %[2]s and %[3]s"},
}
