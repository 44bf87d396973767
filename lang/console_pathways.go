package lang

// The console's pathways pages (internal/httpapi/console_pathways.go),
// area "cpath": pathways to nano-diplomas, their candidates and reviews.
const (
	CPathNav           Key = "cpath.nav"
	CPathTitle         Key = "cpath.title"
	CPathNew           Key = "cpath.new"
	CPathNameKK        Key = "cpath.name_kk"
	CPathNameRU        Key = "cpath.name_ru"
	CPathNameEN        Key = "cpath.name_en"
	CPathNQF           Key = "cpath.nqf"
	CPathRequired      Key = "cpath.required"
	CPathElectives     Key = "cpath.electives"
	CPathRegnosHint    Key = "cpath.regnos_hint"
	CPathMinElectives  Key = "cpath.min_electives"
	CPathMinCredits    Key = "cpath.min_credits"
	CPathCreate        Key = "cpath.create"
	CPathCreated       Key = "cpath.created"
	CPathNone          Key = "cpath.none"
	CPathID            Key = "cpath.id"
	CPathName          Key = "cpath.name"
	CPathPerson        Key = "cpath.person"
	CPathRule          Key = "cpath.rule"
	CPathRuleText      Key = "cpath.rule_text"
	CPathCandidates    Key = "cpath.candidates"
	CPathCandidatesFor Key = "cpath.candidates_hint"
	CPathNoCandidates  Key = "cpath.no_candidates"
	CPathHolder        Key = "cpath.holder"
	CPathCredits       Key = "cpath.credits"
	CPathComponents    Key = "cpath.components"
	CPathIssue         Key = "cpath.issue"
	CPathIssued        Key = "cpath.issued"
	CPathReview        Key = "cpath.review"
	CPathNoReview      Key = "cpath.no_review"
	CPathDiploma       Key = "cpath.diploma"
	CPathComponent     Key = "cpath.component"
	CPathOpen          Key = "cpath.open"
)

var consolePathwayMessages = map[Key]Message{
	CPathNav:          {KK: "Траекториялар", RU: "Траектории", EN: "Pathways"},
	CPathTitle:        {KK: "Нано-дипломға апаратын траекториялар", RU: "Траектории к нано-дипломам", EN: "Pathways to nano-diplomas"},
	CPathNew:          {KK: "Жаңа траектория", RU: "Новая траектория", EN: "New pathway"},
	CPathNameKK:       {KK: "Атауы (қазақша)", RU: "Название (на казахском)", EN: "Name (Kazakh)"},
	CPathNameRU:       {KK: "Атауы (орысша)", RU: "Название (на русском)", EN: "Name (Russian)"},
	CPathNameEN:       {KK: "Атауы (ағылшынша)", RU: "Название (на английском)", EN: "Name (English)"},
	CPathNQF:          {KK: "ҰБШ деңгейі", RU: "Уровень НРК", EN: "NQF level"},
	CPathRequired:     {KK: "Міндетті бағдарламалар", RU: "Обязательные программы", EN: "Required programs"},
	CPathElectives:    {KK: "Таңдау бағдарламалары", RU: "Элективные программы", EN: "Elective programs"},
	CPathRegnosHint:   {KK: "тіркеу нөмірлері, үтір немесе жаңа жол арқылы", RU: "регистрационные номера через запятую или с новой строки", EN: "registration numbers, separated by commas or new lines"},
	CPathMinElectives: {KK: "Таңдау бағдарламаларының ең аз саны", RU: "Минимум элективных программ", EN: "Minimum electives"},
	CPathMinCredits:   {KK: "Кредит шегі", RU: "Порог кредитов", EN: "Credit threshold"},
	CPathCreate:       {KK: "Траекторияны жасау", RU: "Создать траекторию", EN: "Create the pathway"},
	CPathCreated:      {KK: "Траектория жасалды", RU: "Траектория создана", EN: "The pathway was created"},
	CPathNone:         {KK: "Әзірге траектория жоқ", RU: "Траекторий пока нет", EN: "No pathways yet"},
	CPathID:           {KK: "Тіркеу №", RU: "Рег. №", EN: "Reg. No."},
	CPathName:         {KK: "Атауы", RU: "Название", EN: "Name"},
	CPathPerson:       {KK: "Аты-жөні", RU: "ФИО", EN: "Full name"},
	CPathRule:         {KK: "Шарты", RU: "Условие", EN: "Rule"},
	CPathRuleText: {
		KK: "міндетті: %[1]s; таңдау: %[2]s (кемінде %[3]d); кемінде %[4]s кредит",
		RU: "обязательные: %[1]s; элективные: %[2]s (не менее %[3]d); не менее %[4]s кредитов",
		EN: "required: %[1]s; electives: %[2]s (at least %[3]d); at least %[4]s credits"},
	CPathCandidates: {KK: "Үміткерлер", RU: "Кандидаты", EN: "Candidates"},
	CPathCandidatesFor: {
		KK: "Жарамды сертификаттары траекторияны толтыратын және әлі нано-дипломы жоқ білім алушылар. Нано-диплом өздігінен берілмейді: оны тіркеуші береді.",
		RU: "Обучающиеся, чьи действительные сертификаты закрывают траекторию и у которых ещё нет нано-диплома. Нано-диплом не выдаётся сам: его выдаёт регистратор.",
		EN: "Holders whose valid credentials satisfy the pathway and who have no nano-diploma of it yet. A nano-diploma is never issued by itself: the registrar issues it."},
	CPathNoCandidates: {KK: "Қазір үміткер жоқ", RU: "Сейчас кандидатов нет", EN: "No candidates now"},
	CPathHolder:       {KK: "Білім алушы ID", RU: "ID обучающегося", EN: "Student ID"},
	CPathCredits:      {KK: "Кредит", RU: "Кредиты", EN: "Credits"},
	CPathComponents:   {KK: "Құрамы", RU: "Состав", EN: "Components"},
	CPathIssue:        {KK: "Нано-диплом беру", RU: "Выдать нано-диплом", EN: "Issue the nano-diploma"},
	CPathIssued:       {KK: "Нано-диплом берілді", RU: "Нано-диплом выдан", EN: "The nano-diploma was issued"},
	CPathReview:       {KK: "Қайта қарауды күтетін нано-дипломдар", RU: "Нано-дипломы на пересмотре", EN: "Nano-diplomas under review"},
	CPathNoReview:     {KK: "Қайта қарайтын нано-диплом жоқ", RU: "Нано-дипломов на пересмотре нет", EN: "No nano-diplomas under review"},
	CPathDiploma:      {KK: "Нано-диплом", RU: "Нано-диплом", EN: "Nano-diploma"},
	CPathComponent:    {KK: "Жарамсыз болған құрамдас", RU: "Ставший недействительным сертификат", EN: "Component no longer valid"},
	CPathOpen:         {KK: "ашу", RU: "открыть", EN: "open"},
}
