package lang

// The console's dashboard (console_home.go): counts, batches to look at,
// programs whose approval ends soon, the latest actions (worded by
// the audit area), and who acted.
const (
	CHomeTitle            Key = "chome.title"
	CHomeIssuedMonth      Key = "chome.issued_month"
	CHomeIssuedTotal      Key = "chome.issued_total"
	CHomeBatchesAttention Key = "chome.batches_attention"
	CHomeExpiringCount    Key = "chome.expiring_count"
	CHomeIssueOne         Key = "chome.issue_one"
	CHomeUploadBatch      Key = "chome.upload_batch"
	CHomeNewProgram       Key = "chome.new_program"
	CHomeBatches          Key = "chome.batches"
	CHomeBatchFile        Key = "chome.batch_file"
	CHomeBatchProgram     Key = "chome.batch_program"
	CHomeBatchStatus      Key = "chome.batch_status"
	CHomeBatchProgress    Key = "chome.batch_progress"
	CHomeBatchProblems    Key = "chome.batch_problems"
	CHomeBatchesNone      Key = "chome.batches_none"
	CHomeBatchQueued      Key = "chome.batch_queued"
	CHomeBatchRunning     Key = "chome.batch_running"
	CHomeBatchDone        Key = "chome.batch_done"
	CHomeBatchFailed      Key = "chome.batch_failed"
	CHomeExpiring         Key = "chome.expiring"
	CHomeExpires          Key = "chome.expires"
	CHomeExpiringNone     Key = "chome.expiring_none"
	CHomeRecent           Key = "chome.recent"
	CHomeRecentNone       Key = "chome.recent_none"
	CHomeWhen             Key = "chome.when"
	CHomeWhat             Key = "chome.what"
	CHomeObject           Key = "chome.object"
	CHomeWho              Key = "chome.who"
	CHomeActorToken       Key = "chome.actor_token"
	CHomeActorVia         Key = "chome.actor_via"
	CHomeActorCLI         Key = "chome.actor_cli"
	CHomeActorSSO         Key = "chome.actor_sso"
	CHomeMonth01          Key = "chome.month_01"
	CHomeMonth02          Key = "chome.month_02"
	CHomeMonth03          Key = "chome.month_03"
	CHomeMonth04          Key = "chome.month_04"
	CHomeMonth05          Key = "chome.month_05"
	CHomeMonth06          Key = "chome.month_06"
	CHomeMonth07          Key = "chome.month_07"
	CHomeMonth08          Key = "chome.month_08"
	CHomeMonth09          Key = "chome.month_09"
	CHomeMonth10          Key = "chome.month_10"
	CHomeMonth11          Key = "chome.month_11"
	CHomeMonth12          Key = "chome.month_12"
)

var consoleHomeMessages = map[Key]Message{
	CHomeTitle: {
		KK: "Басты бет",
		RU: "Главная",
		EN: "Dashboard"},
	CHomeIssuedMonth: {
		KK: "Берілген куәліктер, %s",
		RU: "Выдано сертификатов, %s",
		EN: "Credentials issued, %s"},
	CHomeIssuedTotal: {
		KK: "Барлық берілген куәліктер",
		RU: "Всего выдано сертификатов",
		EN: "Credentials issued in all"},
	CHomeBatchesAttention: {
		KK: "Назар аударатын топтамалар",
		RU: "Пакеты, требующие внимания",
		EN: "Batches to look at"},
	CHomeExpiringCount: {
		KK: "90 күнде мерзімі бітетін бағдарламалар",
		RU: "Программы, истекающие за 90 дней",
		EN: "Programs expiring within 90 days"},
	CHomeIssueOne: {
		KK: "Бір куәлік беру",
		RU: "Выдать один сертификат",
		EN: "Issue one credential"},
	CHomeUploadBatch: {
		KK: "Тізімді жүктеу",
		RU: "Загрузить список",
		EN: "Upload a list"},
	CHomeNewProgram: {
		KK: "Жаңа бағдарлама",
		RU: "Новая программа",
		EN: "New program"},
	CHomeBatches: {
		KK: "Орындалып жатқан немесе қатесі бар топтамалар",
		RU: "Пакеты в работе или с ошибками",
		EN: "Batches running or with problems"},
	CHomeBatchFile: {
		KK: "Файл",
		RU: "Файл",
		EN: "File"},
	CHomeBatchProgram: {
		KK: "Бағдарлама",
		RU: "Программа",
		EN: "Program"},
	CHomeBatchStatus: {
		KK: "Күйі",
		RU: "Состояние",
		EN: "State"},
	CHomeBatchProgress: {
		KK: "Өңделді",
		RU: "Обработано",
		EN: "Processed"},
	CHomeBatchProblems: {
		KK: "қатесі бар жол: %d",
		RU: "строк с ошибками: %d",
		EN: "rows with problems: %d"},
	CHomeBatchesNone: {
		KK: "Орындалып жатқан немесе қатесі бар топтама жоқ.",
		RU: "Нет пакетов в работе или с ошибками.",
		EN: "No batch is running or has problems."},
	CHomeBatchQueued: {
		KK: "кезекте",
		RU: "в очереди",
		EN: "queued"},
	CHomeBatchRunning: {
		KK: "орындалуда",
		RU: "выполняется",
		EN: "running"},
	CHomeBatchDone: {
		KK: "аяқталды",
		RU: "завершён",
		EN: "done"},
	CHomeBatchFailed: {
		KK: "тоқтады",
		RU: "остановлен",
		EN: "failed"},
	CHomeExpiring: {
		KK: "Бекіту мерзімі 90 күнде бітетін бағдарламалар (4.13-т.)",
		RU: "Программы, срок утверждения которых истекает в течение 90 дней (п. 4.13)",
		EN: "Programs whose approval ends within 90 days (sec. 4.13)"},
	CHomeExpires: {
		KK: "%[1]s дейін жарамды, %[2]d күн қалды",
		RU: "действует до %[1]s, осталось дней: %[2]d",
		EN: "valid until %[1]s, %[2]d days left"},
	CHomeExpiringNone: {
		KK: "Жақын 90 күнде мерзімі бітетін бағдарлама жоқ.",
		RU: "Ни у одной программы срок не истекает в ближайшие 90 дней.",
		EN: "No program expires within the next 90 days."},
	CHomeRecent: {
		KK: "Соңғы әрекеттер",
		RU: "Последние действия",
		EN: "Recent actions"},
	CHomeRecentNone: {
		KK: "Әзірге әрекет жоқ.",
		RU: "Пока действий нет.",
		EN: "No actions yet."},
	CHomeWhen: {
		KK: "Уақыты",
		RU: "Когда",
		EN: "When"},
	CHomeWhat: {
		KK: "Әрекет",
		RU: "Действие",
		EN: "Action"},
	CHomeObject: {
		KK: "Нысан",
		RU: "Объект",
		EN: "Object"},
	CHomeWho: {
		KK: "Кім",
		RU: "Кто",
		EN: "Who"},
	CHomeActorToken: {
		KK: "API токені %s",
		RU: "токен API %s",
		EN: "API token %s"},
	CHomeActorVia: {
		KK: "%[1]s (API токені %[2]s арқылы)",
		RU: "%[1]s (через токен API %[2]s)",
		EN: "%[1]s (through API token %[2]s)"},
	CHomeActorCLI: {
		KK: "командалық жол, %s",
		RU: "командная строка, %s",
		EN: "command line, %s"},
	CHomeActorSSO: {
		KK: "бірыңғай кіру, %s",
		RU: "единый вход, %s",
		EN: "single sign-on, %s"},
	CHomeMonth01: {
		KK: "қаңтар",
		RU: "январь",
		EN: "January"},
	CHomeMonth02: {
		KK: "ақпан",
		RU: "февраль",
		EN: "February"},
	CHomeMonth03: {
		KK: "наурыз",
		RU: "март",
		EN: "March"},
	CHomeMonth04: {
		KK: "сәуір",
		RU: "апрель",
		EN: "April"},
	CHomeMonth05: {
		KK: "мамыр",
		RU: "май",
		EN: "May"},
	CHomeMonth06: {
		KK: "маусым",
		RU: "июнь",
		EN: "June"},
	CHomeMonth07: {
		KK: "шілде",
		RU: "июль",
		EN: "July"},
	CHomeMonth08: {
		KK: "тамыз",
		RU: "август",
		EN: "August"},
	CHomeMonth09: {
		KK: "қыркүйек",
		RU: "сентябрь",
		EN: "September"},
	CHomeMonth10: {
		KK: "қазан",
		RU: "октябрь",
		EN: "October"},
	CHomeMonth11: {
		KK: "қараша",
		RU: "ноябрь",
		EN: "November"},
	CHomeMonth12: {
		KK: "желтоқсан",
		RU: "декабрь",
		EN: "December"},
}
