package lang

// The console's page for issuing one credential by form (console_issue.go).
const (
	CIssueTitle          Key = "cissue.title"
	CIssueLead           Key = "cissue.lead"
	CIssueFixBelow       Key = "cissue.fix_below"
	CIssueProgram        Key = "cissue.program"
	CIssueChoose         Key = "cissue.choose"
	CIssueChooseProgram  Key = "cissue.choose_program"
	CIssueNoProgram      Key = "cissue.no_program"
	CIssueHolder         Key = "cissue.holder"
	CIssueStudentID      Key = "cissue.student_id"
	CIssueFamilyName     Key = "cissue.family_name"
	CIssueGivenName      Key = "cissue.given_name"
	CIssuePatronymic     Key = "cissue.patronymic"
	CIssueIIN            Key = "cissue.iin"
	CIssueIINHint        Key = "cissue.iin_hint"
	CIssueEmail          Key = "cissue.email"
	CIssueNotify         Key = "cissue.notify"
	CIssueStudy          Key = "cissue.study"
	CIssueDateFrom       Key = "cissue.date_from"
	CIssueDateTo         Key = "cissue.date_to"
	CIssueDecisionDate   Key = "cissue.decision_date"
	CIssueLanguage       Key = "cissue.language"
	CIssueLangOfProgram  Key = "cissue.lang_of_program"
	CIssueValidUntil     Key = "cissue.valid_until"
	CIssueValidUntilHint Key = "cissue.valid_until_hint"
	CIssueGrades         Key = "cissue.grades"
	CIssueGradesHint     Key = "cissue.grades_hint"
	CIssueOptional       Key = "cissue.optional"
	CIssueIssue          Key = "cissue.issue"
	CIssueIssued         Key = "cissue.issued"
	CIssueExisted        Key = "cissue.existed"
)

var consoleIssueMessages = map[Key]Message{
	CIssueTitle: {
		KK: "Бір куәлік беру",
		RU: "Выдача одного сертификата",
		EN: "Issue one credential"},
	CIssueLead: {
		KK: "Бағдарламаны таңдаңыз, білім алушының деректерін және бағаларын енгізіңіз. Тексеру API-дегідей.",
		RU: "Выберите программу, введите данные обучающегося и оценки. Проверка та же, что в API.",
		EN: "Choose the program, enter the learner's details and grades. The checks are those of the API."},
	CIssueFixBelow: {
		KK: "Белгіленген өрістерді түзетіңіз.",
		RU: "Исправьте отмеченные поля.",
		EN: "Correct the fields marked below."},
	CIssueProgram: {
		KK: "Бағдарлама",
		RU: "Программа",
		EN: "Program"},
	CIssueChoose: {
		KK: "Таңдау",
		RU: "Выбрать",
		EN: "Choose"},
	CIssueChooseProgram: {
		KK: "— белсенді бағдарламаны таңдаңыз —",
		RU: "— выберите действующую программу —",
		EN: "— choose an active program —"},
	CIssueNoProgram: {
		KK: "Белсенді бағдарламаны таңдаңыз.",
		RU: "Выберите действующую программу.",
		EN: "Choose an active program."},
	CIssueHolder: {
		KK: "Білім алушы",
		RU: "Обучающийся",
		EN: "Learner"},
	CIssueStudentID: {
		KK: "Білім алушының ID",
		RU: "ID обучающегося",
		EN: "Student ID"},
	CIssueFamilyName: {
		KK: "Тегі",
		RU: "Фамилия",
		EN: "Family name"},
	CIssueGivenName: {
		KK: "Аты",
		RU: "Имя",
		EN: "Given name"},
	CIssuePatronymic: {
		KK: "Әкесінің аты",
		RU: "Отчество",
		EN: "Patronymic"},
	CIssueIIN: {
		KK: "ЖСН",
		RU: "ИИН",
		EN: "IIN"},
	CIssueIINHint: {
		KK: "Міндетті емес. Куәлікте тек тұзды хэш түрінде сақталады.",
		RU: "Необязательно. В сертификате хранится только в виде хэша с солью.",
		EN: "Optional. Kept in the credential only as a salted hash."},
	CIssueEmail: {
		KK: "Электрондық пошта",
		RU: "Электронная почта",
		EN: "E-mail"},
	CIssueNotify: {
		KK: "Куәлік туралы хат жіберу",
		RU: "Отправить письмо о сертификате",
		EN: "Send an e-mail about the credential"},
	CIssueStudy: {
		KK: "Оқу",
		RU: "Обучение",
		EN: "Study"},
	CIssueDateFrom: {
		KK: "Оқудың басталуы",
		RU: "Начало обучения",
		EN: "Study began"},
	CIssueDateTo: {
		KK: "Оқудың аяқталуы",
		RU: "Окончание обучения",
		EN: "Study ended"},
	CIssueDecisionDate: {
		KK: "Біліктілік комиссиясы шешімінің күні",
		RU: "Дата решения квалификационной комиссии",
		EN: "Date of the qualification commission's decision"},
	CIssueLanguage: {
		KK: "Куәліктің тілі",
		RU: "Язык сертификата",
		EN: "Language of the credential"},
	CIssueLangOfProgram: {
		KK: "— бағдарламаның тілі —",
		RU: "— язык программы —",
		EN: "— the program's language —"},
	CIssueValidUntil: {
		KK: "Куәліктің жарамдылық мерзімі",
		RU: "Сертификат действует до",
		EN: "Credential valid until"},
	CIssueValidUntilHint: {
		KK: "Міндетті емес: бос болса, куәлік мерзімсіз.",
		RU: "Необязательно: если пусто, сертификат бессрочный.",
		EN: "Optional: empty means the credential does not expire."},
	CIssueGrades: {
		KK: "Бағалар",
		RU: "Оценки",
		EN: "Grades"},
	CIssueGradesHint: {
		KK: "Әріптік баға (A, B+, …) немесе балл (0–100).",
		RU: "Буквенная оценка (A, B+, …) или балл (0–100).",
		EN: "A letter grade (A, B+, …) or points (0–100)."},
	CIssueOptional: {
		KK: "міндетті емес",
		RU: "необязательная",
		EN: "optional"},
	CIssueIssue: {
		KK: "Куәлік беру",
		RU: "Выдать сертификат",
		EN: "Issue the credential"},
	CIssueIssued: {
		KK: "Куәлік берілді.",
		RU: "Сертификат выдан.",
		EN: "The credential is issued."},
	CIssueExisted: {
		KK: "Бұл куәлік бұрын берілген: міне, сол.",
		RU: "Этот сертификат уже был выдан: вот он.",
		EN: "This credential was issued before: here it is."},
}
