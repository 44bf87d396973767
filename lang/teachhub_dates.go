package lang

// TeachHub card dates (study period, completion day) and the HR report's
// filters, sections and downloads (packages credential and teachhub).
const (
	CardConfirmStreamPeriod   Key = "card.confirm_stream_period"
	CardNoPeriodStart         Key = "card.no_period_start"
	CardNoPeriodEnd           Key = "card.no_period_end"
	CardPeriodTooShort        Key = "card.period_too_short"
	TeachHubCompletedOnDate   Key = "teachhub.completed_on_date"
	TeachHubCompletedOnFuture Key = "teachhub.completed_on_future"
	TeachHubCompletedOnEarly  Key = "teachhub.completed_on_early"
	TeachHubOnlyCompletion    Key = "teachhub.only_completion"
	TeachHubKindFilter        Key = "teachhub.kind_filter"
	TeachHubReportTooLarge    Key = "teachhub.report_too_large"
	TeachHubStreamRequired    Key = "teachhub.stream_period_required"
	TeachHubTooManyRows       Key = "teachhub.too_many_rows"

	ReportCompletedOn        Key = "report.completed_on"
	ReportSectionActivities  Key = "report.section_activities"
	ReportSectionPersons     Key = "report.section_persons"
	ReportSectionDepartments Key = "report.section_departments"
	ReportFilterLine         Key = "report.filter_line"
	ReportAll                Key = "report.all"
)

var teachhubDatesMessages = map[Key]Message{
	CardConfirmStreamPeriod: {
		KK: "оқу кезеңі көрсетілмеген: ағынның күндерін (%[1]s – %[2]s) растаңыз немесе картаның өз күндерін енгізіңіз",
		RU: "не указан период обучения: подтвердите даты потока (%[1]s – %[2]s) или введите даты карточки",
		EN: "the study period is not set: confirm the stream's dates (%[1]s – %[2]s) or enter the card's own"},
	CardNoPeriodStart: {
		KK: "оқу кезеңінің бірінші күні көрсетілмеген",
		RU: "не указан первый день периода обучения",
		EN: "the first day of the study period is missing"},
	CardNoPeriodEnd: {
		KK: "оқу кезеңінің соңғы күні көрсетілмеген",
		RU: "не указан последний день периода обучения",
		EN: "the last day of the study period is missing"},
	CardPeriodTooShort: {
		KK: "%[1]s – %[2]s оқу кезеңі (%[3]d күн) %[4]s байланыс сағатына тым қысқа (күніне ең көбі %[5]d сағат)",
		RU: "период обучения %[1]s – %[2]s (дней: %[3]d) слишком короток для %[4]s контактных часов (не более %[5]d в день)",
		EN: "the study period %[1]s – %[2]s (%[3]d days) is too short for %[4]s contact hours (at most %[5]d a day)"},
	TeachHubCompletedOnDate: {
		KK: "аяқтау күні ЖЖЖЖ-АА-КК түріндегі күн болуы керек",
		RU: "дата завершения должна быть в виде ГГГГ-ММ-ДД",
		EN: "completed_on (the day the participant completed) must be a date YYYY-MM-DD"},
	TeachHubCompletedOnFuture: {
		KK: "аяқтау күні (%[1]s) әлі келген жоқ",
		RU: "дата завершения %[1]s ещё не наступила",
		EN: "the completion date %[1]s is in the future"},
	TeachHubCompletedOnEarly: {
		KK: "аяқтау күні (%[1]s) оқу кезеңі басталғанға дейін (%[2]s)",
		RU: "дата завершения %[1]s раньше начала периода обучения (%[2]s)",
		EN: "the completion date %[1]s is before the study period starts (%[2]s)"},
	TeachHubOnlyCompletion: {
		KK: "completed_on мен confirm_period тек to=completed болғанда беріледі",
		RU: "completed_on и confirm_period указываются только при to=completed",
		EN: "completed_on and confirm_period are given only with to=completed"},
	TeachHubKindFilter: {
		KK: "kind параметрі teachhub_module немесе nonformal_activity болуы керек",
		RU: "параметр kind должен быть teachhub_module или nonformal_activity",
		EN: "kind must be teachhub_module or nonformal_activity"},
	TeachHubReportTooLarge: {
		KK: "есепте %[1]d-ден көп іс-шара болар еді: кезеңді қысқартыңыз немесе бөлімше, мәртебе не түр бойынша сүзіңіз",
		RU: "в отчёт попало бы больше %[1]d мероприятий: сократите период или отфильтруйте по подразделению, статусу или виду",
		EN: "the report would list more than %[1]d activities: shorten the period or filter by department, status or kind"},
	TeachHubStreamRequired: {
		KK: "ағынның күндері үшін бірінші және соңғы күн керек",
		RU: "для дат потока нужны первый и последний день",
		EN: "a stream's dates need both the first and the last day"},

	TeachHubTooManyRows: {
		KK: "бір рет ең көбі %[1]d қатысушы тіркеледі",
		RU: "за один раз можно записать не более %[1]d участников",
		EN: "at most %[1]d participants are enrolled at once"},

	ReportCompletedOn:        {KK: "Аяқтаған күні", RU: "Дата завершения", EN: "Completed on"},
	ReportSectionActivities:  {KK: "Іс-шаралар", RU: "Мероприятия", EN: "Activities"},
	ReportSectionPersons:     {KK: "Қызметкерлер бойынша", RU: "По сотрудникам", EN: "Per person"},
	ReportSectionDepartments: {KK: "Бөлімшелер бойынша", RU: "По подразделениям", EN: "Per department"},
	ReportFilterLine: {
		KK: "Кезең: %[1]s – %[2]s; бөлімше: %[3]s; мәртебе: %[4]s; түрі: %[5]s",
		RU: "Период: %[1]s – %[2]s; подразделение: %[3]s; статус: %[4]s; вид: %[5]s",
		EN: "Period: %[1]s – %[2]s; department: %[3]s; status: %[4]s; kind: %[5]s"},
	ReportAll: {KK: "барлығы", RU: "все", EN: "all"},
}
