package lang

// Issuing one credential (package issuer): what is wrong with a request,
// as the API and a batch's rejected rows say it.
const (
	IssueEmail            Key = "issue.email"
	IssueFieldProblem     Key = "issue.field_problem"
	IssueNotDate          Key = "issue.not_date"
	IssuePeriodReversed   Key = "issue.period_reversed"
	IssueDecisionEarly    Key = "issue.decision_early"
	IssueDecisionRequired Key = "issue.decision_required"
	IssueValidUntil       Key = "issue.valid_until"
	IssueGradeRequired    Key = "issue.grade_required"
	IssueGradeFails       Key = "issue.grade_fails"
	IssueIINLength        Key = "issue.iin_length"
	IssueIINCentury       Key = "issue.iin_century"
	IssueIINBirth         Key = "issue.iin_birth"
	IssueIINNumber        Key = "issue.iin_number"
	IssueIINCheck         Key = "issue.iin_check"
	IssueIINCount         Key = "issue.iin_count"
	IssueYear             Key = "issue.year"
	IssueFuture           Key = "issue.future"
	IssueValidUntilYear   Key = "issue.valid_until_year"
	IssueValidUntilPassed Key = "issue.valid_until_passed"
	IssueValidUntilEarly  Key = "issue.valid_until_early"
	IssueGradeCount       Key = "issue.grade_count"
	IssueGradeEmpty       Key = "issue.grade_empty"
	IssueGradeRange       Key = "issue.grade_range"
	IssueGradeUnknown     Key = "issue.grade_unknown"
	IssueGradeType        Key = "issue.grade_type"
	IssueNoCompetency     Key = "issue.no_competency"

	FieldStudentID    Key = "field.student_id"
	FieldEmail        Key = "field.email"
	FieldIIN          Key = "field.iin"
	FieldDecisionDate Key = "field.decision_date"
)

var issueMessages = map[Key]Message{
	IssueEmail: {
		KK: "%[1]q — электрондық пошта мекенжайы емес",
		RU: "%[1]q не является адресом электронной почты",
		EN: "email %[1]q is not an e-mail address"},
	IssueFieldProblem: {KK: "%[1]s: %[2]s", RU: "%[1]s: %[2]s", EN: "%[1]s: %[2]s"},
	IssueNotDate: {
		KK: "%[1]q күн емес (ЖЖЖЖ-АА-КК немесе КК.АА.ЖЖЖЖ)",
		RU: "%[1]q не является датой (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)",
		EN: "%[1]q is not a date (YYYY-MM-DD or DD.MM.YYYY)"},
	IssuePeriodReversed: {
		KK: "оқу кезеңі басталмай жатып аяқталады: аяқталуы %[1]s, басталуы %[2]s",
		RU: "период обучения заканчивается (%[1]s) раньше, чем начинается (%[2]s)",
		EN: "date_to (%[1]s) is before date_from (%[2]s): the study period ends before it starts"},
	IssueDecisionEarly: {
		KK: "комиссия шешімінің күні (%[1]s) оқу аяқталған күннен (%[2]s) бұрын",
		RU: "решение комиссии (%[1]s) принято раньше окончания обучения (%[2]s)",
		EN: "the commission's decision (%[1]s) is before the end of study (%[2]s)"},
	IssueDecisionRequired: {
		KK: "микробіліктілік үшін біліктілік комиссиясы шешімінің күні міндетті",
		RU: "для микроквалификации нужна дата решения квалификационной комиссии",
		EN: "decision_date (the qualification commission's decision) is required for a microqualification"},
	IssueValidUntil: {
		KK: "жарамдылық мерзімі күн немесе RFC 3339 уақыты болуы керек",
		RU: "срок действия должен быть датой или временем в формате RFC 3339",
		EN: "valid_until must be a date or an RFC 3339 time"},
	IssueGradeRequired: {KK: "%[1]s бойынша баға қойылуы керек", RU: "нужна оценка по %[1]s", EN: "the grade for %[1]s is required"},
	IssueGradeFails: {
		KK: "%[1]s: %[2]s бағасы міндетті құзырет бойынша қанағаттанарлықсыз; сертификат берілмейді",
		RU: "%[1]s: оценка %[2]s по обязательной компетенции неудовлетворительная; сертификат выдать нельзя",
		EN: "%[1]s: grade %[2]s fails a required competency; the certificate cannot be awarded"},
	IssueIINLength:  {KK: "ЖСН %[1]q 12 цифрдан тұруы керек", RU: "ИИН %[1]q должен состоять из 12 цифр", EN: "IIN %[1]q must have 12 digits"},
	IssueIINCentury: {KK: "ЖСН %[1]q: ғасыр цифры қате", RU: "ИИН %[1]q: неверная цифра века", EN: "IIN %[1]q has a wrong century digit"},
	IssueIINBirth:   {KK: "ЖСН %[1]q нақты туған күннен басталмайды", RU: "ИИН %[1]q не начинается с реальной даты рождения", EN: "IIN %[1]q does not start with a real birth date"},
	IssueIINNumber:  {KK: "ЖСН %[1]q сан емес", RU: "ИИН %[1]q не является числом", EN: "IIN %[1]q is not a valid number"},
	IssueIINCheck:   {KK: "ЖСН %[1]q бақылау цифры қате", RU: "ИИН %[1]q: неверная контрольная цифра", EN: "IIN %[1]q has a wrong check digit"},
	IssueIINCount: {
		KK: "ЖСН 12 цифрдан тұруы керек, мұнда %[1]d таңба",
		RU: "ИИН должен состоять из 12 цифр (введено символов: %[1]d)",
		EN: "IIN must have 12 digits, not %[1]d characters"},
	IssueYear: {
		KK: "%[1]s: жылы шындыққа сай емес (%[2]d..%[3]d аралығында болуы керек)",
		RU: "%[1]s: неправдоподобный год (допустимо %[2]d..%[3]d)",
		EN: "%[1]s has an implausible year (%[2]d..%[3]d)"},
	IssueFuture: {
		KK: "%[1]s: %[2]s — әлі келмеген күн",
		RU: "%[1]s: %[2]s — дата в будущем",
		EN: "%[1]s %[2]s is in the future"},
	IssueValidUntilYear: {
		KK: "жарамдылық мерзімі %[1]d–%[2]d жылдар аралығындағы күн болуы керек",
		RU: "срок действия должен быть датой в %[1]d–%[2]d годах",
		EN: "valid_until must be a date in %[1]d..%[2]d"},
	IssueValidUntilPassed: {
		KK: "жарамдылық мерзімі (%[1]s) өтіп кеткен: куәлік берілген сәтте-ақ жарамсыз болар еді",
		RU: "срок действия (%[1]s) уже истёк: сертификат был бы недействителен сразу после выдачи",
		EN: "valid_until %[1]s has passed: the credential would be expired when issued"},
	IssueValidUntilEarly: {
		KK: "жарамдылық мерзімі оқу аяқталған күннен (%[1]s) кейін болуы керек",
		RU: "срок действия должен заканчиваться позже окончания обучения (%[1]s)",
		EN: "valid_until must be after the end of study (%[1]s)"},
	IssueGradeEmpty: {
		KK: "баға бос",
		RU: "оценка не указана",
		EN: "grade is empty"},
	IssueGradeRange: {
		KK: "%[1]q бағасы 0 мен 100 арасындағы пайыз емес",
		RU: "оценка %[1]q не является процентом от 0 до 100",
		EN: "grade %[1]q is not a percent between 0 and 100"},
	IssueGradeUnknown: {
		KK: "%[1]q бағасы пайыз да (0–100), шкаланың әрпі де (%[2]s) емес",
		RU: "оценка %[1]q не является ни процентом (0–100), ни буквой шкалы (%[2]s)",
		EN: "grade %[1]q is neither a percent (0–100) nor a letter of the scale (%[2]s)"},
	IssueGradeType: {
		KK: "%[1]s бағасы сан немесе әріп болуы керек",
		RU: "оценка %[1]s должна быть числом или буквой",
		EN: "grade %[1]s must be a number or a letter"},
	IssueGradeCount: {
		KK: "бағалар саны %[1]d, ал бағдарламада %[2]d құзырет бар",
		RU: "оценок: %[1]d, а компетенций в программе: %[2]d",
		EN: "%[1]d grades for a program of %[2]d competencies"},
	IssueNoCompetency: {
		KK: "бағдарламада %[1]q құзыреті жоқ (бары: %[2]s)",
		RU: "в программе нет компетенции %[1]q (есть: %[2]s)",
		EN: "the program has no competency %[1]q (it has %[2]s)"},

	FieldStudentID:    {KK: "білім алушының ID", RU: "ID обучающегося", EN: "student_id"},
	FieldEmail:        {KK: "электрондық пошта", RU: "электронная почта", EN: "email"},
	FieldIIN:          {KK: "ЖСН", RU: "ИИН", EN: "iin"},
	FieldDecisionDate: {KK: "шешім күні", RU: "дата решения", EN: "decision_date"},
}
