package lang

// The TeachHub console pages (/console/teachhub, /console/reports): what
// coordinators, registrars and HR see. Templates read them as .T.<name>
// (area "cth").
const (
	THCTitle          Key = "cth.title"
	THCCardTitle      Key = "cth.card_title"
	THCReportTitle    Key = "cth.report_title"
	THCNav            Key = "cth.nav"
	THCNavReport      Key = "cth.nav_report"
	THCModule         Key = "cth.module"
	THCNoModules      Key = "cth.no_modules"
	THCStream         Key = "cth.stream"
	THCNoStream       Key = "cth.no_stream"
	THCStatus         Key = "cth.status"
	THCDepartment     Key = "cth.department"
	THCKind           Key = "cth.kind"
	THCSearch         Key = "cth.search"
	THCAll            Key = "cth.all"
	THCShow           Key = "cth.show"
	THCParticipant    Key = "cth.participant"
	THCStaffID        Key = "cth.staff_id"
	THCFamilyName     Key = "cth.family_name"
	THCGivenName      Key = "cth.given_name"
	THCPatronymic     Key = "cth.patronymic"
	THCPosition       Key = "cth.position"
	THCPeriod         Key = "cth.period"
	THCDateFrom       Key = "cth.date_from"
	THCDateTo         Key = "cth.date_to"
	THCHours          Key = "cth.hours"
	THCSB             Key = "cth.sb"
	THCNoCards        Key = "cth.no_cards"
	THCOpen           Key = "cth.open"
	THCEnrolOne       Key = "cth.enrol_one"
	THCEnrol          Key = "cth.enrol"
	THCEnrolSheet     Key = "cth.enrol_sheet"
	THCSheetHelp      Key = "cth.sheet_help"
	THCFile           Key = "cth.file"
	THCCheckFile      Key = "cth.check_file"
	THCPreview        Key = "cth.preview"
	THCPreviewLead    Key = "cth.preview_lead"
	THCRow            Key = "cth.row"
	THCColumn         Key = "cth.column"
	THCProblem        Key = "cth.problem"
	THCRowOK          Key = "cth.row_ok"
	THCRowExists      Key = "cth.row_exists"
	THCConfirmEnrol   Key = "cth.confirm_enrol"
	THCNothingToEnrol Key = "cth.nothing_to_enrol"
	THCCancel         Key = "cth.cancel"
	THCEnrolled       Key = "cth.enrolled"
	THCStreamDates    Key = "cth.stream_dates"
	THCStreamHelp     Key = "cth.stream_help"
	THCSaveDates      Key = "cth.save_dates"
	THCDatesSaved     Key = "cth.dates_saved"
	THCStreamDatesOpt Key = "cth.stream_dates_opt"
	THCShown          Key = "cth.shown"
	THCBack           Key = "cth.back"
	THCForbidden      Key = "cth.forbidden"

	THCParticipantData Key = "cth.participant_data"
	THCModuleStream    Key = "cth.module_stream"
	THCOwnPeriod       Key = "cth.own_period"
	THCStreamPeriod    Key = "cth.stream_period"
	THCPeriodNone      Key = "cth.period_none"
	THCWork            Key = "cth.work"
	THCContactHours    Key = "cth.contact_hours"
	THCSelfStudyHours  Key = "cth.self_study_hours"
	THCRequired        Key = "cth.required"
	THCTotal           Key = "cth.total"
	THCTasks           Key = "cth.tasks"
	THCTaskTitle       Key = "cth.task_title"
	THCTaskProduct     Key = "cth.task_product"
	THCTaskDone        Key = "cth.task_done"
	THCTaskMark        Key = "cth.task_mark"
	THCTasksHelp       Key = "cth.tasks_help"
	THCMarks           Key = "cth.marks"
	THCFacilitator     Key = "cth.facilitator"
	THCDocument        Key = "cth.document"
	THCDocActivity     Key = "cth.doc_activity"
	THCDocFormat       Key = "cth.doc_format"
	THCDocContent      Key = "cth.doc_content"
	THCDocOutcomes     Key = "cth.doc_outcomes"
	THCDocHours        Key = "cth.doc_hours"
	THCDocOrganizer    Key = "cth.doc_organizer"
	THCDocResponsible  Key = "cth.doc_responsible"
	THCVerification    Key = "cth.verification"
	THCVerified        Key = "cth.verified"
	THCVerifiedBy      Key = "cth.verified_by"
	THCNote            Key = "cth.note"
	THCCoordinator     Key = "cth.coordinator"
	THCCoordinatorHelp Key = "cth.coordinator_help"
	THCPlanEntry       Key = "cth.plan_entry"
	THCPlanDate        Key = "cth.plan_date"
	THCPlanNumber      Key = "cth.plan_number"
	THCSave            Key = "cth.save"
	THCSaved           Key = "cth.saved"
	THCFrozen          Key = "cth.frozen"
	THCMissingComplete Key = "cth.missing_complete"
	THCMissingSubmit   Key = "cth.missing_submit"
	THCNothingMissing  Key = "cth.nothing_missing"
	THCActions         Key = "cth.actions"
	THCNoActions       Key = "cth.no_actions"
	THCDoStart         Key = "cth.do_start"
	THCDoComplete      Key = "cth.do_complete"
	THCCompletedOn     Key = "cth.completed_on"
	THCCompletedOnHelp Key = "cth.completed_on_help"
	THCConfirmStream   Key = "cth.confirm_stream"
	THCDoSubmit        Key = "cth.do_submit"
	THCDoRecognize     Key = "cth.do_recognize"
	THCRecognizedSB    Key = "cth.recognized_sb"
	THCDecisionDate    Key = "cth.decision_date"
	THCDecisionNumber  Key = "cth.decision_number"
	THCDoReject        Key = "cth.do_reject"
	THCDoWithdraw      Key = "cth.do_withdraw"
	THCReason          Key = "cth.reason"
	THCMoved           Key = "cth.moved"
	THCHistory         Key = "cth.history"
	THCWhen            Key = "cth.when"
	THCChange          Key = "cth.change"
	THCWho             Key = "cth.who"
	THCNoHistory       Key = "cth.no_history"
	THCCertificate     Key = "cth.certificate"
	THCCertPDF         Key = "cth.cert_pdf"
	THCCertPage        Key = "cth.cert_page"
	THCCertNone        Key = "cth.cert_none"
	THCRecognition     Key = "cth.recognition"
	THCRejectedReason  Key = "cth.rejected_reason"

	THCReportLead    Key = "cth.report_lead"
	THCDownloadCSV   Key = "cth.download_csv"
	THCDownloadXLSX  Key = "cth.download_xlsx"
	THCReportEmpty   Key = "cth.report_empty"
	THCReportShowing Key = "cth.report_showing"
	THCKindModule    Key = "cth.kind_module"
	THCKindNonformal Key = "cth.kind_nonformal"
	THCEnrolledOne   Key = "cth.enrolled_one"
	THCEnrolledMany  Key = "cth.enrolled_many"
	THCMovedDone     Key = "cth.moved_done"
	THCNoFile        Key = "cth.no_file"
)

var consoleTeachHubMessages = map[Key]Message{
	THCTitle:       {KK: "TeachHub: қатысушылар", RU: "TeachHub: участники", EN: "TeachHub: participants"},
	THCCardTitle:   {KK: "Қатысушының картасы", RU: "Карточка участника", EN: "Participant card"},
	THCReportTitle: {KK: "Бейресми білім беру бойынша жиынтық тізім", RU: "Сводный список по неформальному обучению", EN: "Non-formal learning summary list"},
	THCNav:         {KK: "TeachHub", RU: "TeachHub", EN: "TeachHub"},
	THCNavReport:   {KK: "Кадр бөліміне есеп", RU: "Отчёт для отдела кадров", EN: "HR report"},
	THCModule:      {KK: "Модуль немесе іс-шара", RU: "Модуль или мероприятие", EN: "Module or activity"},
	THCNoModules: {
		KK: "Белсенді TeachHub модулі немесе бейресми білім беру іс-шарасы жоқ: алдымен бағдарламаны тіркеңіз.",
		RU: "Нет активных модулей TeachHub или мероприятий неформального обучения: сначала зарегистрируйте программу.",
		EN: "There is no active TeachHub module or non-formal activity: register a program first."},
	THCStream:      {KK: "Ағын", RU: "Поток", EN: "Stream"},
	THCNoStream:    {KK: "(ағынсыз)", RU: "(без потока)", EN: "(no stream)"},
	THCStatus:      {KK: "Мәртебесі", RU: "Статус", EN: "Status"},
	THCDepartment:  {KK: "Құрылымдық бөлімше", RU: "Подразделение", EN: "Department"},
	THCKind:        {KK: "Түрі", RU: "Вид", EN: "Kind"},
	THCSearch:      {KK: "Аты-жөні бойынша іздеу", RU: "Поиск по ФИО", EN: "Search by name"},
	THCAll:         {KK: "барлығы", RU: "все", EN: "all"},
	THCShow:        {KK: "Көрсету", RU: "Показать", EN: "Show"},
	THCParticipant: {KK: "Қатысушы", RU: "Участник", EN: "Participant"},
	THCStaffID:     {KK: "Табель нөмірі", RU: "Табельный номер", EN: "Staff ID"},
	THCFamilyName:  {KK: "Тегі", RU: "Фамилия", EN: "Family name"},
	THCGivenName:   {KK: "Аты", RU: "Имя", EN: "Given name"},
	THCPatronymic:  {KK: "Әкесінің аты (бар болса)", RU: "Отчество (при наличии)", EN: "Patronymic (if any)"},
	THCPosition:    {KK: "Лауазымы", RU: "Должность", EN: "Position"},
	THCPeriod:      {KK: "Оқу кезеңі", RU: "Период обучения", EN: "Study period"},
	THCDateFrom:    {KK: "Бірінші күні", RU: "Первый день", EN: "First day"},
	THCDateTo:      {KK: "Соңғы күні", RU: "Последний день", EN: "Last day"},
	THCHours:       {KK: "Сағат", RU: "Часы", EN: "Hours"},
	THCSB:          {KK: "СБ", RU: "СБ", EN: "SB"},
	THCNoCards:     {KK: "Сүзгіге сай қатысушы жоқ.", RU: "Нет участников, подходящих под фильтр.", EN: "No participants match the filter."},
	THCOpen:        {KK: "Картаны ашу", RU: "Открыть карточку", EN: "Open the card"},
	THCEnrolOne:    {KK: "Бір қатысушыны тіркеу", RU: "Записать одного участника", EN: "Enrol one participant"},
	THCEnrol:       {KK: "Тіркеу", RU: "Записать", EN: "Enrol"},
	THCEnrolSheet:  {KK: "Қызметкерлер тізімінен тіркеу", RU: "Записать из списка сотрудников", EN: "Enrol from a staff spreadsheet"},
	THCSheetHelp: {
		KK: "CSV немесе Excel кестесі: табель нөмірі, тегі, аты, әкесінің аты, бөлімше, лауазымы. Алдымен файл тексеріледі, ешкім тіркелмейді.",
		RU: "CSV или таблица Excel: табельный номер, фамилия, имя, отчество, подразделение, должность. Сначала файл проверяется, никто не записывается.",
		EN: "CSV or an Excel sheet (XLSX, XLS, ODS too): staff ID, family name, given name, patronymic, department, position. The file is checked first; nobody is enrolled yet."},
	THCFile:      {KK: "Файл", RU: "Файл", EN: "File"},
	THCCheckFile: {KK: "Файлды тексеру", RU: "Проверить файл", EN: "Check the file"},
	THCPreview:   {KK: "Тексеру нәтижесі", RU: "Результат проверки", EN: "Check result"},
	THCPreviewLead: {
		KK: "%[1]s файлы: %[2]d жол, тіркеуге дайын: %[3]d, бұрын тіркелген: %[4]d, қатесі бар: %[5]d. Қатесі бар жолдар тіркелмейді.",
		RU: "Файл %[1]s: строк %[2]d, готовы к записи: %[3]d, уже записаны: %[4]d, с ошибками: %[5]d. Строки с ошибками не записываются.",
		EN: "File %[1]s: %[2]d rows, ready to enrol: %[3]d, already enrolled: %[4]d, with problems: %[5]d. Rows with problems enrol nobody."},
	THCRow:            {KK: "Жол", RU: "Строка", EN: "Row"},
	THCColumn:         {KK: "Баған", RU: "Столбец", EN: "Column"},
	THCProblem:        {KK: "Не дұрыс емес", RU: "Что не так", EN: "What is wrong"},
	THCRowOK:          {KK: "дайын", RU: "готово", EN: "ready"},
	THCRowExists:      {KK: "бұрын тіркелген", RU: "уже записан(а)", EN: "already enrolled"},
	THCConfirmEnrol:   {KK: "%[1]d қатысушыны тіркеу", RU: "Записать участников: %[1]d", EN: "Enrol %[1]d participants"},
	THCNothingToEnrol: {KK: "Тіркейтін ешкім жоқ: файлды түзетіп, қайта жүктеңіз.", RU: "Записывать некого: исправьте файл и загрузите снова.", EN: "There is nobody to enrol: fix the file and upload it again."},
	THCCancel:         {KK: "Болдырмау", RU: "Отмена", EN: "Cancel"},
	THCEnrolled: {
		KK: "Тіркелді: %[1]d, бұрын тіркелген: %[2]d, қатесі бар: %[3]d.",
		RU: "Записано: %[1]d, уже были записаны: %[2]d, с ошибками: %[3]d.",
		EN: "Enrolled: %[1]d, already enrolled: %[2]d, with problems: %[3]d."},
	THCStreamDates: {KK: "Ағынның күндері", RU: "Даты потока", EN: "Stream dates"},
	THCStreamHelp: {
		KK: "Өз күндері жоқ карталар аяқталғанда үйлестіруші растаса, осы күндер алынады.",
		RU: "Карточки без собственных дат при завершении получают эти даты, если координатор их подтвердит.",
		EN: "Cards without dates of their own take these when the coordinator confirms them at completion."},
	THCSaveDates:      {KK: "Күндерді сақтау", RU: "Сохранить даты", EN: "Save the dates"},
	THCDatesSaved:     {KK: "Ағынның күндері сақталды.", RU: "Даты потока сохранены.", EN: "The stream's dates are saved."},
	THCStreamDatesOpt: {KK: "Ағынның күндері (міндетті емес)", RU: "Даты потока (необязательно)", EN: "Stream dates (optional)"},
	THCShown:          {KK: "Көрсетілгені: %[1]d", RU: "Показано: %[1]d", EN: "Shown: %[1]d"},
	THCBack:           {KK: "Қатысушылар тізіміне", RU: "К списку участников", EN: "Back to the participants"},
	THCForbidden: {
		KK: "Бұл бетке рөліңіз жетпейді (%[1]s).",
		RU: "Вашей роли (%[1]s) недостаточно для этой страницы.",
		EN: "Your role (%[1]s) does not allow this page."},

	THCParticipantData: {KK: "Қатысушы туралы мәлімет", RU: "Данные участника", EN: "Participant"},
	THCModuleStream:    {KK: "Модуль және ағын", RU: "Модуль и поток", EN: "Module and stream"},
	THCOwnPeriod:       {KK: "Картаның өз кезеңі", RU: "Собственный период карточки", EN: "The card's own period"},
	THCStreamPeriod:    {KK: "Ағынның кезеңі: %[1]s – %[2]s", RU: "Период потока: %[1]s – %[2]s", EN: "The stream's period: %[1]s – %[2]s"},
	THCPeriodNone:      {KK: "көрсетілмеген", RU: "не указан", EN: "not set"},
	THCWork:            {KK: "Жұмыс көлемі", RU: "Объём работы", EN: "Work done"},
	THCContactHours:    {KK: "Байланыс сағаттары", RU: "Контактные часы", EN: "Contact hours"},
	THCSelfStudyHours:  {KK: "Өзіндік жұмыс сағаттары", RU: "Часы самостоятельной работы", EN: "Self-study hours"},
	THCRequired:        {KK: "талап етілетіні: %[1]s", RU: "требуется: %[1]s", EN: "required: %[1]s"},
	THCTotal:           {KK: "Барлығы: %[1]s ак. сағ = %[2]s СБ", RU: "Всего: %[1]s ак. ч = %[2]s СБ", EN: "Total: %[1]s academic hours = %[2]s SB"},
	THCTasks:           {KK: "Тапсырмалар мен өнімдер", RU: "Задания и продукты", EN: "Tasks and products"},
	THCTaskTitle:       {KK: "Тапсырма", RU: "Задание", EN: "Task"},
	THCTaskProduct:     {KK: "Өнім (файл немесе сілтеме)", RU: "Продукт (файл или ссылка)", EN: "Product (file or link)"},
	THCTaskDone:        {KK: "Орындалды", RU: "Выполнено", EN: "Done"},
	THCTaskMark:        {KK: "Баға", RU: "Оценка", EN: "Mark"},
	THCTasksHelp: {
		KK: "Міндетті тапсырмалар бағдарламадан алынды; жаңасын бос жолға жазыңыз.",
		RU: "Обязательные задания взяты из программы; новое впишите в пустую строку.",
		EN: "Required tasks come from the program; write a new one in the empty row."},
	THCMarks:       {KK: "Фасилитатордың бағалары", RU: "Оценки фасилитатора", EN: "Facilitator marks"},
	THCFacilitator: {KK: "Фасилитатор", RU: "Фасилитатор", EN: "Facilitator"},
	THCDocument: {
		KK: "Растайтын құжат (5.2-бөлім)",
		RU: "Подтверждающий документ (раздел 5.2)",
		EN: "Supporting document (sec. 5.2)"},
	THCDocActivity:     {KK: "Іс-шараның атауы", RU: "Название мероприятия", EN: "Activity"},
	THCDocFormat:       {KK: "Өткізу түрі", RU: "Форма проведения", EN: "Format"},
	THCDocContent:      {KK: "Мазмұны (тақырыптар, модульдер)", RU: "Содержание (темы, модули)", EN: "Content (topics, modules)"},
	THCDocOutcomes:     {KK: "Мақсаттары мен нәтижелері", RU: "Цели и результаты", EN: "Goals and outcomes"},
	THCDocHours:        {KK: "Көлемі, ак. сағат", RU: "Объём, ак. часов", EN: "Workload, academic hours"},
	THCDocOrganizer:    {KK: "Ұйымдастырушы", RU: "Организатор", EN: "Organizer"},
	THCDocResponsible:  {KK: "Жауапты адам немесе тәлімгер", RU: "Ответственное лицо или наставник", EN: "Responsible person or mentor"},
	THCVerification:    {KK: "Үйлестірушінің тексеруі", RU: "Проверка координатором", EN: "Coordinator verification"},
	THCVerified:        {KK: "Сағаттар мен тапсырмалар тексерілді", RU: "Часы и задания проверены", EN: "Hours and tasks verified"},
	THCVerifiedBy:      {KK: "Тексерген: %[1]s, %[2]s", RU: "Проверил(а): %[1]s, %[2]s", EN: "Verified by %[1]s, %[2]s"},
	THCNote:            {KK: "Ескертпе", RU: "Примечание", EN: "Note"},
	THCCoordinator:     {KK: "Үйлестірушінің аты-жөні (сертификатқа)", RU: "ФИО координатора (для сертификата)", EN: "Coordinator's name (for the certificate)"},
	THCCoordinatorHelp: {KK: "Бос болса, тексерген адамның аты жазылады.", RU: "Если пусто, ставится имя проверившего.", EN: "If empty, the name of whoever verifies."},
	THCPlanEntry:       {KK: "Жеке жұмыс жоспарындағы жазба", RU: "Запись в индивидуальном плане работы", EN: "Individual work plan entry"},
	THCPlanDate:        {KK: "Жазбаның күні", RU: "Дата записи", EN: "Entry date"},
	THCPlanNumber:      {KK: "Жазбаның нөмірі", RU: "Номер записи", EN: "Entry number"},
	THCSave:            {KK: "Сақтау", RU: "Сохранить", EN: "Save"},
	THCSaved:           {KK: "Сақталды.", RU: "Сохранено.", EN: "Saved."},
	THCFrozen: {
		KK: "Аяқтағаны туралы куәлік берілген: енді тек тексеру мен жұмыс жоспарындағы жазба өзгереді.",
		RU: "Свидетельство о завершении выдано: теперь меняются только проверка и запись в плане работы.",
		EN: "The completion record is issued: only the verification and the work plan entry can change now."},
	THCMissingComplete: {KK: "Аяқтау үшін жетіспейтіні", RU: "Для завершения не хватает", EN: "Missing for completion"},
	THCMissingSubmit:   {KK: "Тануға ұсыну үшін жетіспейтіні", RU: "Для представления к признанию не хватает", EN: "Missing for submission"},
	THCNothingMissing:  {KK: "Бәрі толық.", RU: "Всё заполнено.", EN: "Nothing is missing."},
	THCActions:         {KK: "Келесі қадам", RU: "Следующий шаг", EN: "Next step"},
	THCNoActions:       {KK: "Сіздің рөліңіз үшін қадам жоқ.", RU: "Для вашей роли шагов нет.", EN: "There is no step for your role."},
	THCDoStart:         {KK: "Оқуды бастау", RU: "Начать обучение", EN: "Start"},
	THCDoComplete:      {KK: "Аяқталды деп белгілеу", RU: "Отметить завершение", EN: "Mark completed"},
	THCCompletedOn:     {KK: "Қатысушы аяқтаған күн", RU: "Дата завершения участником", EN: "Day the participant completed"},
	THCCompletedOnHelp: {
		KK: "Өткен күн болуы мүмкін, болашақ күн емес. Бос болса: кезеңнің соңғы күні немесе бүгін.",
		RU: "Может быть в прошлом, но не в будущем. Если пусто: последний день периода или сегодня.",
		EN: "May be past, never future. If empty: the period's last day, or today."},
	THCConfirmStream: {
		KK: "Ағынның күндерін (%[1]s – %[2]s) осы картаның оқу кезеңі ретінде растаймын",
		RU: "Подтверждаю даты потока (%[1]s – %[2]s) как период обучения этой карточки",
		EN: "I confirm the stream's dates (%[1]s – %[2]s) as this card's study period"},
	THCDoSubmit:       {KK: "Тануға ұсыну", RU: "Представить к признанию", EN: "Submit for recognition"},
	THCDoRecognize:    {KK: "Тану", RU: "Признать", EN: "Recognize"},
	THCRecognizedSB:   {KK: "Танылған СБ", RU: "Признано СБ", EN: "Recognized SB"},
	THCDecisionDate:   {KK: "Шешім күні", RU: "Дата решения", EN: "Decision date"},
	THCDecisionNumber: {KK: "Шешім нөмірі", RU: "Номер решения", EN: "Decision number"},
	THCDoReject:       {KK: "Бас тарту", RU: "Отказать", EN: "Reject"},
	THCDoWithdraw:     {KK: "Тізімнен шығару", RU: "Отчислить", EN: "Withdraw"},
	THCReason:         {KK: "Себебі", RU: "Причина", EN: "Reason"},
	THCMoved:          {KK: "Картаның мәртебесі: %[1]s.", RU: "Статус карточки: %[1]s.", EN: "The card is now %[1]s."},
	THCHistory:        {KK: "Тарихы", RU: "История", EN: "History"},
	THCWhen:           {KK: "Қашан", RU: "Когда", EN: "When"},
	THCChange:         {KK: "Өзгеріс", RU: "Изменение", EN: "Change"},
	THCWho:            {KK: "Кім", RU: "Кто", EN: "Who"},
	THCNoHistory:      {KK: "Карта тіркелгеннен бері мәртебесі өзгерген жоқ.", RU: "Статус не менялся с момента записи.", EN: "The status has not changed since enrolment."},
	THCCertificate:    {KK: "Аяқтағаны туралы сертификат", RU: "Сертификат о завершении", EN: "Completion certificate"},
	THCCertPDF:        {KK: "Сертификат, PDF файлы · %[1]s", RU: "Сертификат, PDF · %[1]s", EN: "Certificate, PDF · %[1]s"},
	THCCertPage:       {KK: "Куәліктің ашық беті", RU: "Публичная страница сертификата", EN: "The credential's public page"},
	THCCertNone:       {KK: "Сертификат карта аяқталғанда беріледі.", RU: "Сертификат выдаётся при завершении.", EN: "The certificate is issued at completion."},
	THCRecognition:    {KK: "Танылды: %[1]s СБ, шешім № %[2]s, %[3]s", RU: "Признано: %[1]s СБ, решение № %[2]s от %[3]s", EN: "Recognized: %[1]s SB, decision No. %[2]s of %[3]s"},
	THCRejectedReason: {KK: "Себебі: %[1]s", RU: "Причина: %[1]s", EN: "Reason: %[1]s"},

	THCReportLead: {
		KK: "Кезеңде іске асырылған, тануға ұсынылған және танылған іс-шаралар, әлі оқып жүргендер де (мәртебесімен).",
		RU: "Мероприятия, реализованные, представленные к признанию и признанные за период, а также участники в процессе (со статусом).",
		EN: "Activities implemented, submitted and recognized in the period, and participants still under way (with their status)."},
	THCDownloadCSV:   {KK: "CSV жүктеу (Excel)", RU: "Скачать CSV (Excel)", EN: "Download CSV (Excel)"},
	THCDownloadXLSX:  {KK: "XLSX жүктеу", RU: "Скачать XLSX", EN: "Download XLSX"},
	THCReportEmpty:   {KK: "Бұл кезеңде ештеңе жоқ.", RU: "За этот период ничего нет.", EN: "Nothing in this period."},
	THCReportShowing: {KK: "%[1]s – %[2]s кезеңі", RU: "Период %[1]s – %[2]s", EN: "Period %[1]s – %[2]s"},
	THCKindModule:    {KK: "TeachHub модулі", RU: "Модуль TeachHub", EN: "TeachHub module"},
	THCKindNonformal: {KK: "Бейресми білім беру іс-шарасы", RU: "Мероприятие неформального обучения", EN: "Non-formal activity"},
	THCEnrolledOne:   {KK: "Қатысушы тіркелді.", RU: "Участник записан.", EN: "The participant is enrolled."},
	THCEnrolledMany:  {KK: "Тізімдегі қатысушылар тіркелді.", RU: "Участники из списка записаны.", EN: "The participants of the list are enrolled."},
	THCMovedDone:     {KK: "Картаның мәртебесі өзгерді.", RU: "Статус карточки изменён.", EN: "The card's status is changed."},
	THCNoFile:        {KK: "Қызметкерлер тізімінің файлын таңдаңыз.", RU: "Выберите файл со списком сотрудников.", EN: "Choose the staff list file."},
}
