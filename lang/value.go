package lang

// Checks of one value a person types (credential.Check*, shared by the
// API, the spreadsheet importer, the CLI, TeachHub cards and programs).
// The first argument is the field, said with Field.
const (
	ValueRequired     Key = "value.required"
	ValueLanguage     Key = "value.language"
	ValueDate         Key = "value.date"
	ValueTooLong      Key = "value.too_long"
	ValueBadChar      Key = "value.bad_char"
	ValueNoLetter     Key = "value.no_letter"
	ValueBadStart     Key = "value.bad_start"
	ValueNotUTF8      Key = "value.not_utf8"
	ValueIDChars      Key = "value.id_chars"
	ValueCodeChars    Key = "value.code_chars"
	ValueFacilitators Key = "value.facilitators"
	ValueCriteria     Key = "value.criteria"

	NumberNotNumber Key = "number.not_number"
	NumberPositive  Key = "number.positive"
	NumberRange     Key = "number.range"
)

var valueMessages = map[Key]Message{
	ValueRequired: {KK: `"%[1]s" өрісі толтырылмаған`, RU: `не заполнено поле "%[1]s"`, EN: "%[1]s is required"},
	ValueLanguage: {KK: "тіл kk, ru немесе en болуы керек", RU: "язык должен быть kk, ru или en", EN: "language must be kk, ru or en"},
	ValueDate: {
		KK: `"%[1]s" өрісі ЖЖЖЖ-АА-КК түріндегі күн болуы керек`,
		RU: `поле "%[1]s" должно быть датой в виде ГГГГ-ММ-ДД`,
		EN: "%[1]s must be a date YYYY-MM-DD"},
	ValueTooLong: {
		KK: `"%[1]s" өрісі тым ұзын (%[2]d таңба, ең көбі %[3]d)`,
		RU: `поле "%[1]s" слишком длинное (длина %[2]d, не более %[3]d)`,
		EN: "%[1]s is too long (%[2]d characters, at most %[3]d)"},
	ValueBadChar: {
		KK: `"%[1]s" өрісінде рұқсат етілмеген таңба бар (%[2]s)`,
		RU: `поле "%[1]s" содержит недопустимый символ (%[2]s)`,
		EN: "%[1]s holds a character that is not allowed (%[2]s)"},
	ValueNoLetter: {
		KK: `"%[1]s" өрісінде әріптер болуы керек`,
		RU: `поле "%[1]s" должно содержать буквы`,
		EN: "%[1]s must contain letters"},
	ValueBadStart: {
		KK: `"%[1]s" өрісі әріптен немесе цифрдан басталуы керек`,
		RU: `поле "%[1]s" должно начинаться с буквы или цифры`,
		EN: "%[1]s must start with a letter or a digit"},
	ValueNotUTF8: {
		KK: `"%[1]s" өрісіндегі мәтін UTF-8 кодтауында емес`,
		RU: `поле "%[1]s" содержит текст не в кодировке UTF-8`,
		EN: "%[1]s is not valid UTF-8 text"},
	ValueIDChars: {
		KK: "%[1]s; білім алушының ID-і тек әріптерден, цифрлардан және %[2]s таңбаларынан тұрады",
		RU: "%[1]s; ID обучающегося может содержать только буквы, цифры и символы %[2]s",
		EN: "%[1]s; a student id holds letters, digits and %[2]s"},
	ValueCodeChars: {
		KK: "%[1]s; код тек әріптерден, цифрлардан және %[2]s таңбаларынан тұрады",
		RU: "%[1]s; код может содержать только буквы, цифры и символы %[2]s",
		EN: "%[1]s; a code holds letters, digits and %[2]s"},
	ValueFacilitators: {
		KK: "фасилитаторлар ең көбі %[1]d болады",
		RU: "фасилитаторов может быть не более %[1]d",
		EN: "at most %[1]d facilitators"},
	ValueCriteria: {
		KK: "аяқтау критерийлері ең көбі %[1]d болады",
		RU: "критериев завершения может быть не более %[1]d",
		EN: "at most %[1]d completion criteria"},

	NumberNotNumber: {
		KK: `"%[1]s" өрісі сан болуы керек`,
		RU: `поле "%[1]s" должно быть числом`,
		EN: "%[1]s must be a number"},
	NumberPositive: {
		KK: `"%[1]s" өрісі 0-ден үлкен болуы керек (ең көбі %[2]s)`,
		RU: `поле "%[1]s" должно быть больше 0 (не более %[2]s)`,
		EN: "%[1]s must be above 0 (at most %[2]s)"},
	NumberRange: {
		KK: `"%[1]s" өрісі %[2]s–%[3]s аралығында болуы керек`,
		RU: `поле "%[1]s" должно быть от %[2]s до %[3]s`,
		EN: "%[1]s must be between %[2]s and %[3]s"},
}
