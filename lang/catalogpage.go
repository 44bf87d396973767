package lang

// The public catalog of registered programs (sec. 9.1 of the Satbayev
// regulation): /programs and /programs/{regno}. The templates read them
// without the "catalog." prefix ({{.T.search}}).
const (
	PageProgramsNav        Key = "page.programs_nav"
	CatalogTitle           Key = "catalog.title"
	CatalogLead            Key = "catalog.lead"
	CatalogSearch          Key = "catalog.search"
	CatalogSearchHint      Key = "catalog.search_hint"
	CatalogKind            Key = "catalog.kind"
	CatalogKindAll         Key = "catalog.kind_all"
	CatalogFind            Key = "catalog.find"
	CatalogFound           Key = "catalog.found"
	CatalogNone            Key = "catalog.none"
	CatalogPage            Key = "catalog.page"
	CatalogPrev            Key = "catalog.prev"
	CatalogNext            Key = "catalog.next"
	CatalogRegNo           Key = "catalog.regno"
	CatalogVersion         Key = "catalog.version"
	CatalogLevel           Key = "catalog.level"
	CatalogVolume          Key = "catalog.volume"
	CatalogVolumeValue     Key = "catalog.volume_value"
	CatalogVolumeHours     Key = "catalog.volume_hours"
	CatalogDepartments     Key = "catalog.departments"
	CatalogStatus          Key = "catalog.status"
	CatalogValidity        Key = "catalog.validity"
	CatalogValidFrom       Key = "catalog.valid_from"
	CatalogValidUntil      Key = "catalog.valid_until"
	CatalogForm            Key = "catalog.form"
	CatalogLanguage        Key = "catalog.language"
	CatalogStandard        Key = "catalog.standard"
	CatalogAccreditation   Key = "catalog.accreditation"
	CatalogApproval        Key = "catalog.approval"
	CatalogDescription     Key = "catalog.description"
	CatalogGoal            Key = "catalog.goal"
	CatalogOutcomes        Key = "catalog.outcomes"
	CatalogIssued          Key = "catalog.issued"
	CatalogArchivedNote    Key = "catalog.archived_note"
	CatalogNotFound        Key = "catalog.not_found"
	CatalogNotFoundSub     Key = "catalog.not_found_sub"
	CatalogExports         Key = "catalog.exports"
	CatalogExportsLead     Key = "catalog.exports_lead"
	CatalogAll             Key = "catalog.all"
	CatalogQueryTooLong    Key = "catalog.query_too_long"
	CatalogUnknownKind     Key = "catalog.unknown_kind"
	CatalogArchivedByRegNo Key = "catalog.archived_by_regno"
)

var catalogMessages = map[Key]Message{
	PageProgramsNav: {KK: "Бағдарламалар", RU: "Программы", EN: "Programs"},
	CatalogTitle:    {KK: "Тіркелген бағдарламалар", RU: "Зарегистрированные программы", EN: "Registered programs"},
	CatalogLead: {
		KK: "Университеттің микробіліктілік бағдарламаларының тізілімі: атауы, деңгейі, көлемі, жауапты бөлімшелері, мәртебесі және қолданылу мерзімі.",
		RU: "Реестр программ микроквалификаций университета: наименование, уровень, объём, ответственные подразделения, статус и срок действия.",
		EN: "The university's register of microqualification programs: name, level, volume, responsible departments, status and validity."},
	CatalogSearch:        {KK: "Іздеу", RU: "Поиск", EN: "Search"},
	CatalogSearchHint:    {KK: "атауы, тіркеу нөмірі немесе бөлімше", RU: "название, регистрационный номер или подразделение", EN: "name, registration number or department"},
	CatalogKind:          {KK: "Түрі", RU: "Вид", EN: "Kind"},
	CatalogKindAll:       {KK: "барлық түрлері", RU: "все виды", EN: "all kinds"},
	CatalogFind:          {KK: "Табу", RU: "Найти", EN: "Find"},
	CatalogFound:         {KK: "Табылған бағдарламалар: %[1]d", RU: "Найдено программ: %[1]d", EN: "Programs found: %[1]d"},
	CatalogNone:          {KK: "Бұл сұрау бойынша бағдарлама табылмады.", RU: "По этому запросу программ не найдено.", EN: "No program matches this search."},
	CatalogPage:          {KK: "%[1]d-бет, барлығы %[2]d", RU: "Страница %[1]d из %[2]d", EN: "Page %[1]d of %[2]d"},
	CatalogPrev:          {KK: "← Алдыңғы", RU: "← Назад", EN: "← Previous"},
	CatalogNext:          {KK: "Келесі →", RU: "Далее →", EN: "Next →"},
	CatalogRegNo:         {KK: "Тіркеу нөмірі", RU: "Регистрационный номер", EN: "Registration number"},
	CatalogVersion:       {KK: "Нұсқасы", RU: "Версия", EN: "Version"},
	CatalogLevel:         {KK: "ҰБШ деңгейі", RU: "Уровень НРК", EN: "NQF level"},
	CatalogVolume:        {KK: "Көлемі", RU: "Объём", EN: "Volume"},
	CatalogVolumeValue:   {KK: "%[1]s академиялық сағат, %[2]s кредит", RU: "академических часов: %[1]s, кредитов: %[2]s", EN: "%[1]s academic hours, %[2]s credits"},
	CatalogVolumeHours:   {KK: "%[1]s академиялық сағат", RU: "академических часов: %[1]s", EN: "%[1]s academic hours"},
	CatalogDepartments:   {KK: "Жауапты бөлімшелер", RU: "Ответственные подразделения", EN: "Responsible departments"},
	CatalogStatus:        {KK: "Мәртебесі", RU: "Статус", EN: "Status"},
	CatalogValidity:      {KK: "Қолданылу мерзімі", RU: "Срок действия", EN: "Validity"},
	CatalogValidFrom:     {KK: "%[1]s бастап", RU: "с %[1]s", EN: "from %[1]s"},
	CatalogValidUntil:    {KK: "%[1]s дейін", RU: "до %[1]s", EN: "until %[1]s"},
	CatalogForm:          {KK: "Оқыту нысаны", RU: "Форма обучения", EN: "Form of study"},
	CatalogLanguage:      {KK: "Оқыту тілі", RU: "Язык обучения", EN: "Language of instruction"},
	CatalogStandard:      {KK: "Кәсіби стандарт", RU: "Профессиональный стандарт", EN: "Professional standard"},
	CatalogAccreditation: {KK: "Аккредиттеу", RU: "Аккредитация", EN: "Accreditation"},
	CatalogApproval:      {KK: "Бекітілді", RU: "Утверждена", EN: "Approved"},
	CatalogDescription:   {KK: "Сипаттамасы", RU: "Описание", EN: "Description"},
	CatalogGoal:          {KK: "Мақсаты", RU: "Цель", EN: "Goal"},
	CatalogOutcomes:      {KK: "Оқу нәтижелері", RU: "Результаты обучения", EN: "Learning outcomes"},
	CatalogIssued:        {KK: "Берілген сертификаттар", RU: "Выдано сертификатов", EN: "Certificates issued"},
	CatalogArchivedNote: {
		KK: "Бағдарлама мұрағатта: ол бойынша жаңа сертификаттар берілмейді, бұрын берілгендері жарамды болып қала береді.",
		RU: "Программа в архиве: новые сертификаты по ней не выдаются, выданные ранее остаются действительными.",
		EN: "The program is archived: no new certificates are issued under it; those issued before stay valid."},
	CatalogNotFound:    {KK: "Бағдарлама табылмады", RU: "Программа не найдена", EN: "Program not found"},
	CatalogNotFoundSub: {KK: "%[1]s нөмірімен тіркелген бағдарлама жоқ.", RU: "Программы с регистрационным номером %[1]s нет.", EN: "No program is registered under %[1]s."},
	CatalogExports:     {KK: "Машинамен оқылатын тізілім", RU: "Машиночитаемый реестр", EN: "Machine-readable register"},
	CatalogExportsLead: {
		KK: "Ұлттық тізілімге және басқа жүйелерге жүктеу үшін: белсенді және мұрағаттағы барлық бағдарламалар.",
		RU: "Для загрузки в национальный реестр и другие системы: все действующие и архивные программы.",
		EN: "For the national register and other systems to import: every active and archived program."},
	CatalogAll:             {KK: "Барлық бағдарламалар", RU: "Все программы", EN: "All programs"},
	CatalogQueryTooLong:    {KK: "Сұрау тым ұзын: алғашқы %[1]d таңбасы бойынша іздедік.", RU: "Запрос слишком длинный: искали по первым %[1]d знакам.", EN: "The search is too long: we searched for its first %[1]d characters."},
	CatalogUnknownKind:     {KK: "Мұндай бағдарлама түрі жоқ: барлық түрлері көрсетілді.", RU: "Такого вида программ нет: показаны все виды.", EN: "There is no such kind of program: all kinds are shown."},
	CatalogArchivedByRegNo: {KK: "мұрағаттағы бағдарлама, тіркеу нөмірі бойынша табылды", RU: "архивная программа, найдена по регистрационному номеру", EN: "archived program, found by its registration number"},
}
