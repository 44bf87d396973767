package lang

// The console's shell: navigation, common words of its pages and its
// error pages. Templates read them without the "console." prefix
// ({{.T.nav_programs}}). Each console section keeps its own words in its
// own area (its own file and map), listed in catalog.
const (
	ConsoleNavDashboard   Key = "console.nav_dashboard"
	ConsoleNavPrograms    Key = "console.nav_programs"
	ConsoleNavIssue       Key = "console.nav_issue"
	ConsoleNavBatches     Key = "console.nav_batches"
	ConsoleNavCredentials Key = "console.nav_credentials"
	ConsoleNavTeachHub    Key = "console.nav_teachhub"
	ConsoleNavReports     Key = "console.nav_reports"
	ConsoleNavAdmin       Key = "console.nav_admin"
	ConsoleNavPublic      Key = "console.nav_public"
	ConsoleMenu           Key = "console.menu"
	ConsoleSkip           Key = "console.skip"
	ConsoleSave           Key = "console.save"
	ConsoleCancel         Key = "console.cancel"
	ConsoleSearch         Key = "console.search"
	ConsoleFilter         Key = "console.filter"
	ConsoleReset          Key = "console.reset"
	ConsoleConfirm        Key = "console.confirm"
	ConsoleBack           Key = "console.back"
	ConsoleEdit           Key = "console.edit"
	ConsoleDelete         Key = "console.delete"
	ConsoleAdd            Key = "console.add"
	ConsoleRemove         Key = "console.remove"
	ConsoleDownload       Key = "console.download"
	ConsoleActions        Key = "console.actions"
	ConsoleAll            Key = "console.all"
	ConsoleNone           Key = "console.none"
	ConsoleYes            Key = "console.yes"
	ConsoleNo             Key = "console.no"
	ConsolePrev           Key = "console.prev"
	ConsoleNext           Key = "console.next"
	ConsoleShown          Key = "console.shown"
	ConsoleEmpty          Key = "console.empty"
	ConsoleRequired       Key = "console.required"
	ConsoleSaved          Key = "console.saved"
	ConsoleForbiddenTitle Key = "console.forbidden_title"
	ConsoleForbiddenText  Key = "console.forbidden_text"
	ConsoleNotFoundTitle  Key = "console.not_found_title"
	ConsoleNotFoundText   Key = "console.not_found_text"
	ConsoleErrorTitle     Key = "console.error_title"
	ConsoleErrorText      Key = "console.error_text"
	ConsoleWelcome        Key = "console.welcome"
	ConsoleLanguage       Key = "console.language"
)

var consoleMessages = map[Key]Message{
	ConsoleNavDashboard: {
		KK: "Басты бет",
		RU: "Главная",
		EN: "Dashboard"},
	ConsoleNavPrograms: {
		KK: "Бағдарламалар",
		RU: "Программы",
		EN: "Programs"},
	ConsoleNavIssue: {
		KK: "Беру",
		RU: "Выдать",
		EN: "Issue"},
	ConsoleNavBatches: {
		KK: "Топтамалар",
		RU: "Пакеты",
		EN: "Batches"},
	ConsoleNavCredentials: {
		KK: "Куәліктер",
		RU: "Удостоверения",
		EN: "Credentials"},
	ConsoleNavTeachHub: {
		KK: "TeachHub",
		RU: "TeachHub",
		EN: "TeachHub"},
	ConsoleNavReports: {
		KK: "Есептер",
		RU: "Отчёты",
		EN: "Reports"},
	ConsoleNavAdmin: {
		KK: "Әкімшілік",
		RU: "Администрирование",
		EN: "Administration"},
	ConsoleNavPublic: {
		KK: "Ашық тізілім",
		RU: "Открытый реестр",
		EN: "Public registry"},
	ConsoleMenu: {
		KK: "Мәзір",
		RU: "Меню",
		EN: "Menu"},
	ConsoleSkip: {
		KK: "Негізгі мазмұнға өту",
		RU: "Перейти к содержимому",
		EN: "Skip to content"},
	ConsoleSave: {
		KK: "Сақтау",
		RU: "Сохранить",
		EN: "Save"},
	ConsoleCancel: {
		KK: "Болдырмау",
		RU: "Отмена",
		EN: "Cancel"},
	ConsoleSearch: {
		KK: "Іздеу",
		RU: "Найти",
		EN: "Search"},
	ConsoleFilter: {
		KK: "Сүзу",
		RU: "Отфильтровать",
		EN: "Filter"},
	ConsoleReset: {
		KK: "Тазарту",
		RU: "Сбросить",
		EN: "Reset"},
	ConsoleConfirm: {
		KK: "Растау",
		RU: "Подтвердить",
		EN: "Confirm"},
	ConsoleBack: {
		KK: "Артқа",
		RU: "Назад",
		EN: "Back"},
	ConsoleEdit: {
		KK: "Өңдеу",
		RU: "Изменить",
		EN: "Edit"},
	ConsoleDelete: {
		KK: "Жою",
		RU: "Удалить",
		EN: "Delete"},
	ConsoleAdd: {
		KK: "Қосу",
		RU: "Добавить",
		EN: "Add"},
	ConsoleRemove: {
		KK: "Алып тастау",
		RU: "Убрать",
		EN: "Remove"},
	ConsoleDownload: {
		KK: "Жүктеп алу",
		RU: "Скачать",
		EN: "Download"},
	ConsoleActions: {
		KK: "Әрекеттер",
		RU: "Действия",
		EN: "Actions"},
	ConsoleAll: {
		KK: "Барлығы",
		RU: "Все",
		EN: "All"},
	ConsoleNone: {
		KK: "Жоқ",
		RU: "Нет",
		EN: "None"},
	ConsoleYes: {
		KK: "Иә",
		RU: "Да",
		EN: "Yes"},
	ConsoleNo: {
		KK: "Жоқ",
		RU: "Нет",
		EN: "No"},
	ConsolePrev: {
		KK: "Алдыңғы",
		RU: "Предыдущая",
		EN: "Previous"},
	ConsoleNext: {
		KK: "Келесі",
		RU: "Следующая",
		EN: "Next"},
	ConsoleShown: {
		KK: "%[3]d ішінен %[1]d–%[2]d",
		RU: "%[1]d–%[2]d из %[3]d",
		EN: "%[1]d–%[2]d of %[3]d"},
	ConsoleEmpty: {
		KK: "Әзірге ештеңе жоқ.",
		RU: "Пока ничего нет.",
		EN: "Nothing here yet."},
	ConsoleRequired: {
		KK: "міндетті",
		RU: "обязательно",
		EN: "required"},
	ConsoleSaved: {
		KK: "Сақталды.",
		RU: "Сохранено.",
		EN: "Saved."},
	ConsoleForbiddenTitle: {
		KK: "Рұқсат жоқ",
		RU: "Нет доступа",
		EN: "Not allowed"},
	ConsoleForbiddenText: {
		KK: "Бұл әрекет сіздің рөліңізге рұқсат етілмеген. Қажет болса, әкімшіге жүгініңіз.",
		RU: "Это действие не разрешено вашей роли. При необходимости обратитесь к администратору.",
		EN: "Your role may not do this. Ask an administrator if you need it."},
	ConsoleNotFoundTitle: {
		KK: "Табылмады",
		RU: "Не найдено",
		EN: "Not found"},
	ConsoleNotFoundText: {
		KK: "Мұндай бет немесе жазба жоқ.",
		RU: "Такой страницы или записи нет.",
		EN: "There is no such page or record."},
	ConsoleErrorTitle: {
		KK: "Қате",
		RU: "Ошибка",
		EN: "Error"},
	ConsoleErrorText: {
		KK: "Сұрауды орындау мүмкін болмады.",
		RU: "Не удалось выполнить запрос.",
		EN: "The request could not be carried out."},
	ConsoleWelcome: {
		KK: "Қош келдіңіз, %s",
		RU: "Здравствуйте, %s",
		EN: "Welcome, %s"},
	ConsoleLanguage: {
		KK: "Тіл",
		RU: "Язык",
		EN: "Language"},
}
