package lang

// Stacking and recognition (package stacking): pathways to nano-diplomas,
// the learner record (CLR 2.0) and credit transfers into degree programs.
const (
	StackInvalid           Key = "stack.invalid"
	StackNameRequired      Key = "stack.name_required"
	StackLanguage          Key = "stack.language"
	StackTooLong           Key = "stack.too_long"
	StackNQF               Key = "stack.nqf"
	StackNoRequired        Key = "stack.no_required"
	StackTooManyPrograms   Key = "stack.too_many_programs"
	StackRegNo             Key = "stack.regno"
	StackNestedPathway     Key = "stack.nested_pathway"
	StackRepeated          Key = "stack.repeated"
	StackMinElectives      Key = "stack.min_electives"
	StackMinCredits        Key = "stack.min_credits"
	StackStatus            Key = "stack.status"
	StackRequired          Key = "stack.required"
	StackForm              Key = "stack.form"
	StackCredits           Key = "stack.credits"
	StackCreditSystem      Key = "stack.credit_system"
	StackGrade             Key = "stack.grade"
	StackDate              Key = "stack.date"
	StackFuture            Key = "stack.future"
	StackValidationKind    Key = "stack.validation_kind"
	StackUnknownProgram    Key = "stack.unknown_program"
	StackNotEligible       Key = "stack.not_eligible"
	StackPathwayArchived   Key = "stack.pathway_archived"
	StackNotValid          Key = "stack.not_valid"
	StackNanoDirect        Key = "stack.nano_direct"
	StackExportFormat      Key = "stack.export_format"
	StackNoCredentials     Key = "stack.no_credentials"
	StackHolderRef         Key = "stack.holder_ref"
	StackTooManyCandidates Key = "stack.too_many_candidates"
	StackNotNano           Key = "stack.not_nano"
	StackNoPathway         Key = "stack.no_pathway"

	StackComponents      Key = "stack.components"
	StackComponentsText  Key = "stack.components_text"
	StackComponentsTitle Key = "stack.components_title"
	StackReview          Key = "stack.review"
	StackReviewText      Key = "stack.review_text"
	StackStatusRevoked   Key = "stack.status_revoked"
	StackStatusSuspended Key = "stack.status_suspended"
	StackTransfers       Key = "stack.transfers"
	StackTransferText    Key = "stack.transfer_text"
	StackFormElective    Key = "stack.form_elective"
	StackFormModule      Key = "stack.form_module"
	StackFormCredits     Key = "stack.form_credits"
	StackECTS            Key = "stack.ects"
	StackAcademic        Key = "stack.academic"
	StackValidated       Key = "stack.validated"
	StackValTest         Key = "stack.val_test"
	StackValInterview    Key = "stack.val_interview"
	StackValProject      Key = "stack.val_project"
	StackPassed          Key = "stack.passed"
	StackFailed          Key = "stack.failed"
	StackDownloadCLR     Key = "stack.download_clr"
	StackCLRName         Key = "stack.clr_name"
	StackCLRDescription  Key = "stack.clr_description"
	StackNanoEvidence    Key = "stack.nano_evidence"
	StackNanoCriteria    Key = "stack.nano_criteria"
	StackNanoDescription Key = "stack.nano_description"
	StackCheckComponents Key = "check.components"
	StackComponentsOK    Key = "stack.components_ok"
	StackComponentBad    Key = "stack.component_bad"
	StackCLRSchemaOK     Key = "stack.clr_schema_ok"
	StackCLRSchemaBad    Key = "stack.clr_schema_bad"

	StackColTransfer      Key = "stack.col_transfer"
	StackColStudent       Key = "stack.col_student"
	StackColHolder        Key = "stack.col_holder"
	StackColCredential    Key = "stack.col_credential"
	StackColCertificate   Key = "stack.col_certificate"
	StackColMQ            Key = "stack.col_mq"
	StackColMQName        Key = "stack.col_mq_name"
	StackColProgramCode   Key = "stack.col_program_code"
	StackColProgramName   Key = "stack.col_program_name"
	StackColForm          Key = "stack.col_form"
	StackColCourse        Key = "stack.col_course"
	StackColCredits       Key = "stack.col_credits"
	StackColCreditSystem  Key = "stack.col_credit_system"
	StackColGrade         Key = "stack.col_grade"
	StackColBody          Key = "stack.col_body"
	StackColDecisionDate  Key = "stack.col_decision_date"
	StackColDecisionNo    Key = "stack.col_decision_no"
	StackColValidation    Key = "stack.col_validation"
	StackColValResult     Key = "stack.col_val_result"
	StackColValPassed     Key = "stack.col_val_passed"
	StackColURL           Key = "stack.col_url"
	StackColRecordedAt    Key = "stack.col_recorded_at"
	StackColValidationDay Key = "stack.col_validation_day"
)

var stackingMessages = map[Key]Message{
	StackInvalid:      {KK: `"%[1]s" өрісінде қате бар`, RU: `ошибка в поле "%[1]s"`, EN: "%[1]s is not valid"},
	StackNameRequired: {KK: "қазақша атауы міндетті", RU: "название на казахском обязательно", EN: "the Kazakh name is required"},
	StackLanguage:     {KK: "тіл kk, ru немесе en болуы керек", RU: "язык должен быть kk, ru или en", EN: "language must be kk, ru or en"},
	StackTooLong:      {KK: "тым ұзын (ең көбі %[1]d таңба)", RU: "слишком длинно (не более %[1]d символов)", EN: "longer than %[1]d characters"},
	StackNQF:          {KK: "ҰБШ деңгейі 1-ден 8-ге дейін болуы керек", RU: "уровень НРК должен быть от 1 до 8", EN: "the NQF level must be between 1 and 8"},
	StackNoRequired: {
		KK: "жолда кемінде бір міндетті бағдарлама болуы керек",
		RU: "в траектории должна быть хотя бы одна обязательная программа",
		EN: "a pathway has at least one required program"},
	StackTooManyPrograms: {
		KK: "жолда ең көбі %[1]d бағдарлама болады, мұнда %[2]d",
		RU: "в траектории не более %[1]d программ, здесь %[2]d",
		EN: "a pathway has at most %[1]d programs, not %[2]d"},
	StackRegNo: {
		KK: "бағдарламаның тіркеу нөмірі болуы керек (мысалы MQ-2026-0001)",
		RU: "должен быть регистрационный номер программы (например MQ-2026-0001)",
		EN: "must be a program registration number (e.g. MQ-2026-0001)"},
	StackNestedPathway: {
		KK: "%[1]s — нано-диплом: жол тек микробіліктіліктерден құралады",
		RU: "%[1]s — нано-диплом: траектория складывается только из микроквалификаций",
		EN: "%[1]s is a nano-diploma: a pathway is built from microqualifications only"},
	StackRepeated: {
		KK: "%[1]s бағдарламасы қайталанады (%[2]s өрісінде де бар)",
		RU: "программа %[1]s повторяется (уже есть в %[2]s)",
		EN: "program %[1]s is repeated (also in %[2]s)"},
	StackMinElectives: {
		KK: "таңдау бағдарламаларының ең аз саны 0-ден %[1]d-ге дейін болуы керек",
		RU: "минимум элективных программ должен быть от 0 до %[1]d",
		EN: "min_electives must be between 0 and the %[1]d electives"},
	StackMinCredits: {
		KK: "кредит шегі 0-ден %[1]d-ге дейін болуы керек",
		RU: "порог кредитов должен быть от 0 до %[1]d",
		EN: "min_credits must be between 0 and %[1]d"},
	StackStatus:   {KK: "мәртебе active немесе archived болуы керек", RU: "статус должен быть active или archived", EN: "status must be active or archived"},
	StackRequired: {KK: "міндетті өріс", RU: "обязательное поле", EN: "is required"},
	StackForm: {
		KK: "тану нысаны elective, module_part немесе credits болуы керек",
		RU: "форма признания должна быть elective, module_part или credits",
		EN: "form must be elective, module_part or credits"},
	StackCredits: {
		KK: "кредиттер 0-ден үлкен және %[1]d-ден аспауы керек",
		RU: "кредиты должны быть больше 0 и не больше %[1]d",
		EN: "credits must be above 0 and at most %[1]d"},
	StackCreditSystem: {
		KK: "кредит жүйесі ects немесе academic болуы керек",
		RU: "система кредитов должна быть ects или academic",
		EN: "credit_system must be ects or academic"},
	StackGrade: {
		KK: "баға шкаладағы әріп болуы керек: %[1]s",
		RU: "оценка должна быть буквой шкалы: %[1]s",
		EN: "grade must be a letter of the scale: %[1]s"},
	StackDate:           {KK: "ЖЖЖЖ-АА-КК түріндегі күн болуы керек", RU: "должна быть дата в виде ГГГГ-ММ-ДД", EN: "must be a date YYYY-MM-DD"},
	StackFuture:         {KK: "күн болашақта болмауы керек", RU: "дата не может быть в будущем", EN: "must not be in the future"},
	StackValidationKind: {KK: "тексеру түрі test, interview немесе project_defence болуы керек", RU: "вид проверки должен быть test, interview или project_defence", EN: "validation.kind must be test, interview or project_defence"},
	StackUnknownProgram: {
		KK: "%[1]s бағдарламасы тізілімде жоқ",
		RU: "программы %[1]s нет в реестре",
		EN: "program %[1]s is not in the registry"},
	StackNotEligible: {
		KK: "%[1]s білім алушысының жарамды сертификаттары %[2]s жолын толтырмайды (жетпейді: %[3]s; таңдау: %[4]d/%[5]d; кредит: %[6]s/%[7]s)",
		RU: "действительные сертификаты обучающегося %[1]s не закрывают траекторию %[2]s (не хватает: %[3]s; элективы: %[4]d/%[5]d; кредиты: %[6]s/%[7]s)",
		EN: "the valid credentials of holder %[1]s do not satisfy pathway %[2]s (missing: %[3]s; electives: %[4]d/%[5]d; credits: %[6]s/%[7]s)"},
	StackPathwayArchived: {
		KK: "%[1]s жолы мұрағатта: нано-дипломдар берілмейді",
		RU: "траектория %[1]s в архиве: нано-дипломы не выдаются",
		EN: "pathway %[1]s is archived: no nano-diplomas are issued"},
	StackNotValid: {
		KK: "%[1]s сертификаты жарамсыз (%[2]s): тек жарамды сертификаттар танылады",
		RU: "сертификат %[1]s недействителен (%[2]s): признаются только действительные сертификаты",
		EN: "credential %[1]s is %[2]s: only valid credentials are recognized"},
	StackNanoDirect: {
		KK: "нано-диплом бағдарламалары /api/v1/pathways арқылы жасалады",
		RU: "программы нано-дипломов создаются через /api/v1/pathways",
		EN: "nano-diploma programs are created through /api/v1/pathways"},
	StackExportFormat: {
		KK: "format csv немесе json болуы керек",
		RU: "format должен быть csv или json",
		EN: "format must be csv or json"},
	StackNoCredentials: {
		KK: "%[1]s білім алушысының бұл ұйымда жарамды сертификаты жоқ",
		RU: "у обучающегося %[1]s нет действительных сертификатов этой организации",
		EN: "holder %[1]s has no valid credentials from this issuer"},
	StackHolderRef: {
		KK: "білім алушының сілтемесі (student_id) көрсетілуі керек",
		RU: "нужна ссылка на обучающегося (student_id)",
		EN: "holder (the student_id) is required"},
	StackTooManyCandidates: {
		KK: "бағдарлама бойынша %[1]d-ден көп сертификат: үміткерлер тізімі толық емес болар еді",
		RU: "по программе больше %[1]d сертификатов: список кандидатов был бы неполным",
		EN: "a program of the pathway has more than %[1]d credentials: the candidate list would be incomplete"},
	StackNotNano: {
		KK: "%[1]s сертификаты нано-диплом емес",
		RU: "сертификат %[1]s не является нано-дипломом",
		EN: "credential %[1]s is not a nano-diploma"},
	StackNoPathway: {
		KK: "%[1]s жолы жоқ",
		RU: "траектории %[1]s нет",
		EN: "no pathway %[1]s"},

	StackComponents: {KK: "Құрамы", RU: "Состав", EN: "Built on"},
	StackComponentsText: {
		KK: "%[1]d микросертификат, %[2]s кредит: %[3]s",
		RU: "%[1]d микросертификатов, %[2]s кредитов: %[3]s",
		EN: "%[1]d microcertificates, %[2]s credits: %[3]s"},
	StackComponentsTitle: {KK: "Құрамдағы микросертификаттар мен бағалар", RU: "Входящие микросертификаты и оценки", EN: "Microcertificates and grades"},
	StackReview:          {KK: "Қайта қарау", RU: "На пересмотре", EN: "Under review"},
	StackReviewText: {
		KK: "құрамдағы %[1]s (№ %[2]s сертификат) %[4]s %[3]s: тіркеуші нано-дипломды қайта қарайды",
		RU: "входящий сертификат %[1]s (№ %[2]s) %[3]s %[4]s: регистратор пересматривает нано-диплом",
		EN: "component %[1]s (certificate № %[2]s) was %[3]s on %[4]s: the registrar is reviewing this nano-diploma"},
	StackStatusRevoked:   {KK: "кері қайтарылды", RU: "отозван", EN: "revoked"},
	StackStatusSuspended: {KK: "тоқтатылды", RU: "приостановлен", EN: "suspended"},
	StackTransfers:       {KK: "Білім беру бағдарламасында танылды", RU: "Признан в образовательной программе", EN: "Recognized in a degree program"},
	StackTransferText: {
		KK: "%[1]s «%[2]s»: %[3]s, баға %[4]s; шешім: %[5]s, № %[6]s, %[7]s",
		RU: "%[1]s «%[2]s»: %[3]s, оценка %[4]s; решение: %[5]s, № %[6]s от %[7]s",
		EN: "%[1]s “%[2]s”: %[3]s, grade %[4]s; decision: %[5]s, № %[6]s of %[7]s"},
	StackFormElective: {KK: "«%[1]s» элективті пәні ретінде", RU: "как элективная дисциплина «%[1]s»", EN: "as the elective course “%[1]s”"},
	StackFormModule:   {KK: "«%[1]s» модулінің бөлігі ретінде", RU: "как часть модуля «%[1]s»", EN: "as part of the module “%[1]s”"},
	StackFormCredits:  {KK: "%[1]s %[2]s кредит ретінде", RU: "как %[1]s кредитов %[2]s", EN: "as %[1]s %[2]s credits"},
	StackECTS:         {KK: "ECTS", RU: "ECTS", EN: "ECTS"},
	StackAcademic:     {KK: "академиялық", RU: "академических", EN: "academic"},
	StackValidated: {
		KK: "қосымша тексеруден кейін (%[1]s): %[2]s",
		RU: "после дополнительной проверки (%[1]s): %[2]s",
		EN: "after additional validation (%[1]s): %[2]s"},
	StackValTest:      {KK: "тестілеу", RU: "тестирование", EN: "test"},
	StackValInterview: {KK: "сұхбат", RU: "собеседование", EN: "interview"},
	StackValProject:   {KK: "жобаны қорғау", RU: "защита проекта", EN: "project defence"},
	StackPassed:       {KK: "өтті", RU: "пройдена", EN: "passed"},
	StackFailed:       {KK: "өтпеді", RU: "не пройдена", EN: "not passed"},
	StackDownloadCLR:  {KK: "Білім алушының жазбасы (CLR 2.0, JSON)", RU: "Запись обучающегося (CLR 2.0, JSON)", EN: "Learner record (CLR 2.0, JSON)"},
	StackCLRName:      {KK: "Білім алушының жазбасы — %[1]s", RU: "Запись обучающегося — %[1]s", EN: "Learner record — %[1]s"},
	StackCLRDescription: {
		KK: "%[1]s: %[2]s берген барлық жарамды сертификаттар, %[3]d",
		RU: "%[1]s: все действительные сертификаты, выданные организацией %[2]s, %[3]d",
		EN: "%[1]s: every valid credential issued by %[2]s, %[3]d"},
	StackNanoEvidence: {
		KK: "№ %[1]s сертификат, %[2]s кредит, баға %[3]s",
		RU: "сертификат № %[1]s, кредитов %[2]s, оценка %[3]s",
		EN: "certificate № %[1]s, %[2]s credits, grade %[3]s"},
	StackNanoCriteria: {
		KK: "Жолдың барлық міндетті микробіліктіліктерін, кемінде %[1]d таңдау бағдарламасын және барлығы кемінде %[2]s кредитті жарамды сертификаттармен растау:",
		RU: "Подтвердить действительными сертификатами все обязательные микроквалификации траектории, не менее %[1]d элективных программ и не менее %[2]s кредитов всего:",
		EN: "Hold valid credentials of every required microqualification of the pathway, at least %[1]d electives and at least %[2]s credits in all:"},
	StackNanoDescription: {
		KK: "Нано-диплом: %[1]d микросертификат, %[2]s академиялық сағат, %[3]s академиялық кредит.",
		RU: "Нано-диплом: %[1]d микросертификатов, %[2]s академических часов, %[3]s академических кредитов.",
		EN: "Nano-diploma: %[1]d microcertificates, %[2]s academic hours, %[3]s academic credits."},
	StackCheckComponents: {KK: "Құрамдағы сертификаттар", RU: "Входящие сертификаты", EN: "Included credentials"},
	StackComponentsOK: {
		KK: "ішіндегі %[1]d сертификаттың бәрі жарамды",
		RU: "все %[1]d вложенных сертификатов действительны",
		EN: "all %[1]d included credentials are valid"},
	StackComponentBad: {
		KK: "ішіндегі %[1]s сертификаты: %[2]s",
		RU: "вложенный сертификат %[1]s: %[2]s",
		EN: "included credential %[1]s: %[2]s"},
	StackCLRSchemaOK: {
		KK: "CLR 2.0 ClrCredential схемасына сәйкес",
		RU: "соответствует схеме CLR 2.0 ClrCredential",
		EN: "conforms to the CLR 2.0 ClrCredential schema"},
	StackCLRSchemaBad: {
		KK: "CLR 2.0 ClrCredential схемасына сәйкес емес",
		RU: "не соответствует схеме CLR 2.0 ClrCredential",
		EN: "does not conform to the CLR 2.0 ClrCredential schema"},

	StackColTransfer:      {KK: "Тану ID", RU: "ID признания", EN: "Transfer ID"},
	StackColStudent:       {KK: "Білім алушы ID", RU: "ID обучающегося", EN: "Student ID"},
	StackColHolder:        {KK: "Аты-жөні", RU: "ФИО", EN: "Holder"},
	StackColCredential:    {KK: "Сертификат ID", RU: "ID сертификата", EN: "Credential ID"},
	StackColCertificate:   {KK: "Сертификат №", RU: "№ сертификата", EN: "Certificate No."},
	StackColMQ:            {KK: "Микробіліктілік тіркеу №", RU: "Рег. № микроквалификации", EN: "Microqualification reg. No."},
	StackColMQName:        {KK: "Микробіліктілік", RU: "Микроквалификация", EN: "Microqualification"},
	StackColProgramCode:   {KK: "БББ шифры", RU: "Шифр ОП", EN: "Degree program code"},
	StackColProgramName:   {KK: "Білім беру бағдарламасы", RU: "Образовательная программа", EN: "Degree program"},
	StackColForm:          {KK: "Тану нысаны", RU: "Форма признания", EN: "Form"},
	StackColCourse:        {KK: "Пән / модуль", RU: "Дисциплина / модуль", EN: "Course / module"},
	StackColCredits:       {KK: "Кредиттер", RU: "Кредиты", EN: "Credits"},
	StackColCreditSystem:  {KK: "Кредит жүйесі", RU: "Система кредитов", EN: "Credit system"},
	StackColGrade:         {KK: "Баға", RU: "Оценка", EN: "Grade"},
	StackColBody:          {KK: "Шешім қабылдаған орган", RU: "Орган, принявший решение", EN: "Decision body"},
	StackColDecisionDate:  {KK: "Шешім күні", RU: "Дата решения", EN: "Decision date"},
	StackColDecisionNo:    {KK: "Шешім №", RU: "№ решения", EN: "Decision No."},
	StackColValidation:    {KK: "Қосымша тексеру", RU: "Дополнительная проверка", EN: "Additional validation"},
	StackColValidationDay: {KK: "Тексеру күні", RU: "Дата проверки", EN: "Validation date"},
	StackColValResult:     {KK: "Тексеру нәтижесі", RU: "Результат проверки", EN: "Validation result"},
	StackColValPassed:     {KK: "Тексеруден өтті", RU: "Проверка пройдена", EN: "Validation passed"},
	StackColURL:           {KK: "Тексеру сілтемесі", RU: "Ссылка для проверки", EN: "Verification URL"},
	StackColRecordedAt:    {KK: "Енгізілген уақыты", RU: "Дата внесения", EN: "Recorded at"},
}
