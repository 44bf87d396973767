package lang

// The program registry (credential.Program.Validate): what is wrong with a
// program definition.
const (
	ProgramInvalid          Key = "program.invalid"
	ProgramKind             Key = "program.kind"
	ProgramKazakhName       Key = "program.kazakh_name"
	ProgramHours            Key = "program.hours"
	ProgramCredits          Key = "program.credits"
	ProgramMicroCredits     Key = "program.micro_credits"
	ProgramNQF              Key = "program.nqf"
	ProgramNegativeHours    Key = "program.negative_hours"
	ProgramForm             Key = "program.form"
	ProgramNoCompetencies   Key = "program.no_competencies"
	ProgramCode             Key = "program.code"
	ProgramCodeRepeated     Key = "program.code_repeated"
	ProgramCompTitle        Key = "program.competency_title"
	ProgramPeriod           Key = "program.period"
	ProgramTooLong          Key = "program.too_long"
	ProgramStatusValue      Key = "program.status_value"
	ProgramManyCompetencies Key = "program.many_competencies"
)

var programMessages = map[Key]Message{
	ProgramInvalid: {KK: "бағдарлама жарамсыз: %[1]s: %[2]s", RU: "программа неверна: %[1]s: %[2]s", EN: "The program is not valid: %[1]s: %[2]s"},
	ProgramKind: {
		KK: "kind мәні microqualification, teachhub_module немесе nonformal_activity болуы керек",
		RU: "kind должен быть microqualification, teachhub_module или nonformal_activity",
		EN: "kind must be microqualification, teachhub_module or nonformal_activity"},
	ProgramKazakhName: {KK: "қазақша атауы міндетті", RU: "нужно название на казахском языке", EN: "the Kazakh name is required"},
	ProgramHours: {
		KK: "сағат саны академиялық сағатпен оң сан болуы керек",
		RU: "число академических часов должно быть положительным",
		EN: "hours must be a positive number of academic hours"},
	ProgramCredits: {KK: "кредит саны теріс болмауы керек", RU: "число кредитов не может быть отрицательным", EN: "credits must not be negative"},
	ProgramMicroCredits: {
		KK: "микробіліктілікке академиялық кредит керек (әдетте 1–6)",
		RU: "для микроквалификации нужны академические кредиты (обычно 1–6)",
		EN: "a microqualification needs academic credits (typically 1–6)"},
	ProgramNQF:           {KK: "ҰБШ деңгейі 1 мен 8 аралығында болуы керек", RU: "уровень НРК должен быть от 1 до 8", EN: "nqf_level must be between 1 and 8"},
	ProgramNegativeHours: {KK: "сағат саны теріс болмауы керек", RU: "число часов не может быть отрицательным", EN: "hours must not be negative"},
	ProgramForm: {
		KK: "оқу түрі full_time, distance, blended немесе dual болуы керек",
		RU: "форма обучения должна быть full_time, distance, blended или dual",
		EN: "form_of_study must be full_time, distance, blended or dual"},
	ProgramNoCompetencies: {
		KK: "микробіліктілікте кемінде бір құзырет болуы керек",
		RU: "в микроквалификации должна быть хотя бы одна компетенция",
		EN: "a microqualification lists at least one competency"},
	ProgramCode: {KK: "құзырет коды міндетті", RU: "нужен код компетенции", EN: "competency code is required"},
	ProgramManyCompetencies: {
		KK: "бағдарламада ең көбі %[1]d құзырет болады, мұнда %[2]d",
		RU: "в программе может быть не более %[1]d компетенций, а указано %[2]d",
		EN: "a program lists at most %[1]d competencies, not %[2]d"},
	ProgramCodeRepeated: {KK: "%[1]s құзырет коды қайталанады", RU: "код компетенции %[1]s повторяется", EN: "competency code %[1]s is repeated"},
	ProgramCompTitle:    {KK: "құзыреттің атауы міндетті", RU: "нужно название компетенции", EN: "competency title is required"},
	ProgramPeriod: {
		KK: "valid_until күні valid_from күнінен кейін болуы керек",
		RU: "valid_until должно быть позже valid_from",
		EN: "valid_until must be after valid_from"},
	ProgramTooLong: {
		KK: "бағдарлама ең көбі 3 жылға бекітіледі (4.13-т.)",
		RU: "программа утверждается не более чем на 3 года (п. 4.13)",
		EN: "a program is approved for at most 3 years (sec. 4.13)"},
	ProgramStatusValue: {
		KK: "status мәні draft, active немесе archived болуы керек",
		RU: "status должен быть draft, active или archived",
		EN: "status must be draft, active or archived"},
}
