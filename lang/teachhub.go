package lang

// TeachHub participant cards (package teachhub and the card rules of
// package credential): what the API answers when a card cannot be enrolled,
// edited or moved. Fields are named with Field.
const (
	TeachHubProgramRequired   Key = "teachhub.program_required"
	TeachHubNotCardProgram    Key = "teachhub.not_card_program"
	TeachHubNotCardKind       Key = "teachhub.not_card_kind"
	TeachHubProgramInactive   Key = "teachhub.program_inactive"
	TeachHubEmpty             Key = "teachhub.empty"
	TeachHubTooLong           Key = "teachhub.too_long"
	TeachHubPeriodReversed    Key = "teachhub.period_reversed"
	TeachHubFromDate          Key = "teachhub.from_date"
	TeachHubToDate            Key = "teachhub.to_date"
	TeachHubStatusFilter      Key = "teachhub.status_filter"
	TeachHubNotJSON           Key = "teachhub.not_json"
	TeachHubStatusTransition  Key = "teachhub.status_transition"
	TeachHubSetByTransition   Key = "teachhub.set_by_transition"
	TeachHubImmutable         Key = "teachhub.immutable"
	TeachHubPatchMisfit       Key = "teachhub.patch_misfit"
	TeachHubCardFinal         Key = "teachhub.card_final"
	TeachHubFrozen            Key = "teachhub.frozen"
	TeachHubVerifyRole        Key = "teachhub.verify_role"
	TeachHubHoursRange        Key = "teachhub.hours_range"
	TeachHubTaskTitle         Key = "teachhub.task_title"
	TeachHubTooManyTasks      Key = "teachhub.too_many_tasks"
	TeachHubNoCompetency      Key = "teachhub.no_competency"
	TeachHubChangedMeanwhile  Key = "teachhub.changed_meanwhile"
	TeachHubCannotIssue       Key = "teachhub.cannot_issue"
	TeachHubRecognizedSB      Key = "teachhub.recognized_sb"
	TeachHubDecisionDate      Key = "teachhub.decision_date"
	TeachHubDecisionFuture    Key = "teachhub.decision_future"
	TeachHubDecisionEarly     Key = "teachhub.decision_early"
	TeachHubDecisionNumber    Key = "teachhub.decision_number"
	TeachHubDecisionNumberLen Key = "teachhub.decision_number_len"
	TeachHubOnlyRecognizedSB  Key = "teachhub.only_recognized_sb"
	TeachHubOnlyDecision      Key = "teachhub.only_decision"
	TeachHubReasonRequired    Key = "teachhub.reason_required"
	TeachHubReasonLong        Key = "teachhub.reason_long"
	TeachHubFormatFilter      Key = "teachhub.format_filter"
	TeachHubLimits            Key = "teachhub.limits"

	CardUnknownTarget     Key = "card.unknown_target"
	CardUnknownTargetWhat Key = "card.unknown_target_what"
	CardIsFinal           Key = "card.is_final"
	CardNoPath            Key = "card.no_path"
	CardNeedsRole         Key = "card.needs_role"
	CardCannotMove        Key = "card.cannot_move"
	CardContactHours      Key = "card.contact_hours"
	CardSelfStudyHours    Key = "card.self_study_hours"
	CardTaskNotDone       Key = "card.task_not_done"
	CardNoHours           Key = "card.no_hours"
	CardNotVerified       Key = "card.not_verified"
	CardNoPlanDate        Key = "card.no_plan_date"
	CardNoPlanNumber      Key = "card.no_plan_number"
	DocMissing            Key = "card.doc_missing"
	DocActivity           Key = "card.doc_activity"
	DocFormat             Key = "card.doc_format"
	DocFirstDay           Key = "card.doc_first_day"
	DocLastDay            Key = "card.doc_last_day"
	DocReversed           Key = "card.doc_reversed"
	DocContent            Key = "card.doc_content"
	DocHours              Key = "card.doc_hours"
	DocOrganizer          Key = "card.doc_organizer"
	DocResponsible        Key = "card.doc_responsible"

	ProgramStatusDraft    Key = "program.status_draft"
	ProgramStatusActive   Key = "program.status_active"
	ProgramStatusArchived Key = "program.status_archived"

	FieldStaffID          Key = "field.staff_id"
	FieldFamilyName       Key = "field.family_name"
	FieldGivenName        Key = "field.given_name"
	FieldPatronymic       Key = "field.patronymic"
	FieldDepartment       Key = "field.department"
	FieldPosition         Key = "field.position"
	FieldStream           Key = "field.stream"
	FieldDateFrom         Key = "field.date_from"
	FieldDateTo           Key = "field.date_to"
	FieldFacilitator      Key = "field.facilitator"
	FieldPlanEntryNumber  Key = "field.plan_entry_number"
	FieldPlanEntryDate    Key = "field.plan_entry_date"
	FieldVerificationNote Key = "field.verification_note"
	FieldContactHours     Key = "field.contact_hours"
	FieldSelfStudyHours   Key = "field.self_study_hours"
	FieldProgram          Key = "field.program"
)

var teachhubMessages = map[Key]Message{
	TeachHubProgramRequired: {
		KK: "бағдарлама (оның тіркеу нөмірі) көрсетілуі керек",
		RU: "нужно указать программу (её регистрационный номер)",
		EN: "program (the registration number) is required"},
	TeachHubNotCardProgram: {
		KK: "%[1]s бағдарламасы — %[2]s: қатысушы карталары тек TeachHub модульдері мен бейресми білім беру іс-шаралары үшін ашылады",
		RU: "программа %[1]s — %[2]s: карточки участников ведутся только для модулей TeachHub и мероприятий неформального обучения",
		EN: "program %[1]s is a %[2]s: participant cards are for TeachHub modules and non-formal activities"},
	TeachHubNotCardKind: {
		KK: "бұл TeachHub модулі де, бейресми білім беру іс-шарасы да емес",
		RU: "это не модуль TeachHub и не мероприятие неформального обучения",
		EN: "not a teachhub_module or nonformal_activity program"},
	TeachHubProgramInactive: {
		KK: "%[1]s бағдарламасы белсенді емес (%[2]s); қатысушылар тек белсенді бағдарламаларға тіркеледі",
		RU: "программа %[1]s не активна (%[2]s); участников записывают только в активные программы",
		EN: "program %[1]s is %[2]s; participants are enrolled only in active programs"},
	TeachHubEmpty: {KK: `"%[1]s" өрісі бос болмауы керек`, RU: `поле "%[1]s" не может быть пустым`, EN: "%[1]s cannot be empty"},
	TeachHubTooLong: {
		KK: `"%[1]s" өрісі тым ұзын (ең көбі %[2]d таңба)`,
		RU: `поле "%[1]s" слишком длинное (не более %[2]d символов)`,
		EN: "%[1]s is longer than %[2]d characters"},
	TeachHubPeriodReversed: {
		KK: "кезең басталмай жатып аяқталады: аяқталуы %[1]s, басталуы %[2]s",
		RU: "период заканчивается (%[1]s) раньше, чем начинается (%[2]s)",
		EN: "the period ends (%[1]s) before it starts (%[2]s)"},
	TeachHubFromDate: {
		KK: "from параметрі ЖЖЖЖ-АА-КК түріндегі күн болуы керек",
		RU: "параметр from должен быть датой в виде ГГГГ-ММ-ДД",
		EN: "from must be a date YYYY-MM-DD"},
	TeachHubToDate: {
		KK: "to параметрі ЖЖЖЖ-АА-КК түріндегі күн болуы керек",
		RU: "параметр to должен быть датой в виде ГГГГ-ММ-ДД",
		EN: "to must be a date YYYY-MM-DD"},
	TeachHubStatusFilter: {
		KK: "status параметрі мыналардың бірі болуы керек: %[1]s",
		RU: "параметр status должен быть одним из: %[1]s",
		EN: "status must be one of %[1]s"},
	TeachHubNotJSON: {KK: "сұраудың денесі JSON нысаны емес", RU: "тело запроса не является объектом JSON", EN: "the request body is not a JSON object"},
	TeachHubStatusTransition: {
		KK: "мәртебе тек POST /api/v1/teachhub/cards/{id}/transition арқылы өзгереді",
		RU: "статус меняется только через POST /api/v1/teachhub/cards/{id}/transition",
		EN: "status changes only through POST /api/v1/teachhub/cards/{id}/transition"},
	TeachHubSetByTransition: {
		KK: `"%[1]s" өрісін мәртебе ауысқанда ғана жүйе толтырады`,
		RU: `поле "%[1]s" заполняется только при смене статуса`,
		EN: "%[1]s is set by the status transitions"},
	TeachHubImmutable: {KK: `"%[1]s" өрісін өзгертуге болмайды`, RU: `поле "%[1]s" нельзя изменить`, EN: "%[1]s cannot be changed"},
	TeachHubPatchMisfit: {
		KK: "өзгерістер картаның құрылымына сәйкес келмейді",
		RU: "изменения не соответствуют структуре карточки",
		EN: "the patch does not fit a card"},
	TeachHubCardFinal: {
		KK: `картаның мәртебесі — "%[1]s", оны енді өзгертуге болмайды`,
		RU: `карточка в статусе "%[1]s" и больше не может меняться`,
		EN: "the card is %[1]s and cannot change"},
	TeachHubFrozen: {
		KK: `картаның мәртебесі — "%[1]s", аяқтағаны туралы куәлік берілген: %[2]s енді өзгермейді`,
		RU: `карточка в статусе "%[1]s", свидетельство о завершении выдано: %[2]s больше нельзя изменить`,
		EN: "the card is %[1]s and its completion record is issued: %[2]s can no longer change"},
	TeachHubVerifyRole: {
		KK: "картаның тексерілгенін үйлестіруші (немесе әкімші) ғана белгілейді; токеннің рөлі: %[1]s",
		RU: "проверку карточки отмечает только координатор (или администратор); роль токена: %[1]s",
		EN: "the card's verification is recorded by the coordinator (or admin) role; the token has %[1]s"},
	TeachHubHoursRange: {
		KK: `"%[1]s" 0-ден 10000 академиялық сағатқа дейін болуы керек`,
		RU: `поле "%[1]s" должно быть от 0 до 10000 академических часов`,
		EN: "%[1]s must be between 0 and 10000 academic hours"},
	TeachHubTaskTitle:    {KK: "әр тапсырманың атауы болуы керек", RU: "у каждого задания должно быть название", EN: "every task needs a title"},
	TeachHubTooManyTasks: {KK: "картада ең көбі 200 тапсырма болады", RU: "в карточке может быть не более 200 заданий", EN: "a card holds at most 200 tasks"},
	TeachHubNoCompetency: {
		KK: "бағдарламада %[1]s құзыреті жоқ (бары: %[2]s)",
		RU: "в программе нет компетенции %[1]s (есть: %[2]s)",
		EN: "the program has no competency %[1]s (it has %[2]s)"},
	TeachHubChangedMeanwhile: {
		KK: `карта осы арада өзгерді (қазір мәртебесі — "%[1]s"): оны қайта оқып, әрекетті қайталаңыз`,
		RU: `карточка тем временем изменилась (сейчас статус "%[1]s"): прочитайте её заново и повторите`,
		EN: "the card changed meanwhile (it is now %[1]s): read it again and retry"},
	TeachHubCannotIssue: {
		KK: "бұл құрал куәлік бере алмайды: карталарды сервер арқылы аяқтаңыз",
		RU: "этот инструмент не может выдавать сертификаты: завершайте карточки через сервер",
		EN: "this tool cannot issue credentials: complete cards through the server"},
	TeachHubRecognizedSB: {
		KK: "танылған кредит бірліктері (шешім танитын СБ, 1 СБ = 30 академиялық сағат) оң сан болуы керек",
		RU: "признанные кредитные единицы (СБ по решению, 1 СБ = 30 академических часов) должны быть положительным числом",
		EN: "recognized_sb (the credit units the decision recognizes, 1 SB = 30 academic hours) must be a positive number"},
	TeachHubDecisionDate: {
		KK: "тану туралы шешімнің күні ЖЖЖЖ-АА-КК түрінде болуы керек",
		RU: "дата решения о признании должна быть в виде ГГГГ-ММ-ДД",
		EN: "decision_date (the date of the recognition decision) must be a date YYYY-MM-DD"},
	TeachHubDecisionFuture: {KK: "шешім күні (%[1]s) әлі келген жоқ", RU: "дата решения %[1]s ещё не наступила", EN: "the decision date %[1]s is in the future"},
	TeachHubDecisionEarly: {
		KK: "шешім күні (%[1]s) карта аяқталған күннен бұрын",
		RU: "дата решения %[1]s раньше завершения карточки",
		EN: "the decision date %[1]s is before the card was completed"},
	TeachHubDecisionNumber: {
		KK: "тану туралы шешімнің нөмірі көрсетілуі керек",
		RU: "нужно указать номер решения о признании",
		EN: "decision_number (the number of the recognition decision) is required"},
	TeachHubDecisionNumberLen: {KK: "шешімнің нөмірі тым ұзын (ең көбі 100 таңба)", RU: "номер решения длиннее 100 символов", EN: "decision_number is longer than 100 characters"},
	TeachHubOnlyRecognizedSB: {
		KK: "recognized_sb тек to=recognized болғанда беріледі",
		RU: "recognized_sb указывается только при to=recognized",
		EN: "recognized_sb is given only with to=recognized"},
	TeachHubOnlyDecision: {
		KK: "decision_date пен decision_number тек to=recognized болғанда беріледі",
		RU: "decision_date и decision_number указываются только при to=recognized",
		EN: "decision_date and decision_number are given only with to=recognized"},
	TeachHubReasonRequired: {KK: "бас тартудың себебі көрсетілуі керек", RU: "для отказа нужна причина", EN: "a rejection needs a reason"},
	TeachHubReasonLong:     {KK: "себебі тым ұзын (ең көбі 1000 таңба)", RU: "причина длиннее 1000 символов", EN: "reason is longer than 1000 characters"},
	TeachHubFormatFilter:   {KK: "format параметрі json немесе csv болуы керек", RU: "параметр format должен быть json или csv", EN: "format must be json or csv"},
	TeachHubLimits: {
		KK: "limit 1-ден 1000-ға дейін, ал offset теріс емес болуы керек",
		RU: "limit должен быть от 1 до 1000, а offset не может быть отрицательным",
		EN: "limit must be 1–1000 and offset not negative"},

	CardUnknownTarget: {
		KK: "to мәні in_progress, completed, submitted_for_recognition, recognized немесе rejected болуы керек",
		RU: "to должно быть in_progress, completed, submitted_for_recognition, recognized или rejected",
		EN: "to must be in_progress, completed, submitted_for_recognition, recognized or rejected"},
	CardUnknownTargetWhat: {KK: "белгісіз мәртебе: %[1]q", RU: "неизвестный статус %[1]q", EN: "unknown target status %[1]q"},
	CardIsFinal: {
		KK: `картаның мәртебесі — "%[1]s", ол соңғы: "%[2]s" мәртебесіне ауыса алмайды`,
		RU: `карточка в окончательном статусе "%[1]s": перейти в "%[2]s" нельзя`,
		EN: "the card is %[1]s, which is final: it cannot move to %[2]s"},
	CardNoPath: {
		KK: `карта "%[1]s" мәртебесінен "%[2]s" мәртебесіне ауыса алмайды; "%[1]s" мәртебесінен ауысуға болатыны: %[3]s`,
		RU: `карточка не может перейти из "%[1]s" в "%[2]s"; из "%[1]s" можно перейти в: %[3]s`,
		EN: "a card cannot go from %[1]s to %[2]s; from %[1]s it can go to %[3]s"},
	CardNeedsRole: {
		KK: `картаны "%[1]s" мәртебесінен "%[2]s" мәртебесіне ауыстыру үшін мына рөл керек: %[3]s; токеннің рөлі: %[4]s`,
		RU: `для перевода карточки из "%[1]s" в "%[2]s" нужна роль %[3]s; роль токена: %[4]s`,
		EN: "moving a card from %[1]s to %[2]s needs the %[3]s role; the token has %[4]s"},
	CardCannotMove: {
		KK: `картаны "%[1]s" мәртебесіне ауыстыру мүмкін емес: %[2]s`,
		RU: `карточку нельзя перевести в статус "%[1]s": %[2]s`,
		EN: "the card cannot be %[1]s: %[2]s"},
	CardContactHours: {
		KK: "байланыс сағаттары: %[1]s, талап етілетіні %[2]s",
		RU: "контактных часов %[1]s из требуемых %[2]s",
		EN: "contact hours %[1]s of the required %[2]s"},
	CardSelfStudyHours: {
		KK: "өзіндік жұмыс сағаттары: %[1]s, талап етілетіні %[2]s",
		RU: "часов самостоятельной работы %[1]s из требуемых %[2]s",
		EN: "self-study hours %[1]s of the required %[2]s"},
	CardTaskNotDone: {KK: "міндетті тапсырма орындалмаған: %[1]s", RU: "не выполнено обязательное задание: %[1]s", EN: "required task not done: %[1]s"},
	CardNoHours:     {KK: "бірде-бір сағат тіркелмеген", RU: "не учтено ни одного часа", EN: "no hours are recorded"},
	CardNotVerified: {KK: "үйлестіруші картаны әлі тексермеген", RU: "координатор ещё не проверил карточку", EN: "the coordinator has not verified the card"},
	CardNoPlanDate: {
		KK: "жеке жұмыс жоспарындағы жазбаның күні көрсетілмеген",
		RU: "не указана дата записи в индивидуальном плане работы",
		EN: "the date of the individual work plan entry is missing"},
	CardNoPlanNumber: {
		KK: "жеке жұмыс жоспарындағы жазбаның нөмірі көрсетілмеген",
		RU: "не указан номер записи в индивидуальном плане работы",
		EN: "the number of the individual work plan entry is missing"},
	DocMissing: {
		KK: "растайтын құжат (іс-шара, түрі, күндері, мазмұны, сағаттары, ұйымдастырушысы, жауапты адамы) жоқ",
		RU: "нет подтверждающего документа (мероприятие, форма, даты, содержание, часы, организатор, ответственное лицо)",
		EN: "the supporting document (activity, format, dates, content, hours, organizer, responsible person) is missing"},
	DocActivity:    {KK: "іс-шараның атауы көрсетілмеген", RU: "не указано название мероприятия", EN: "the activity's name is missing"},
	DocFormat:      {KK: "өткізу түрі мыналардың бірі болуы керек: %[1]s", RU: "форма проведения должна быть одной из: %[1]s", EN: "the format must be one of %[1]s"},
	DocFirstDay:    {KK: "іс-шараның бірінші күні (ЖЖЖЖ-АА-КК) көрсетілмеген", RU: "не указан первый день мероприятия (ГГГГ-ММ-ДД)", EN: "the first day of the activity (YYYY-MM-DD) is missing"},
	DocLastDay:     {KK: "іс-шараның соңғы күні (ЖЖЖЖ-АА-КК) көрсетілмеген", RU: "не указан последний день мероприятия (ГГГГ-ММ-ДД)", EN: "the last day of the activity (YYYY-MM-DD) is missing"},
	DocReversed:    {KK: "іс-шара басталмай жатып аяқталады", RU: "мероприятие заканчивается раньше, чем начинается", EN: "the activity ends before it starts"},
	DocContent:     {KK: "мазмұны (тақырыптары немесе модульдері) көрсетілмеген", RU: "не указано содержание (темы или модули)", EN: "the content (topics or modules) is missing"},
	DocHours:       {KK: "академиялық сағатпен көлемі көрсетілмеген", RU: "не указан объём в академических часах", EN: "the workload in academic hours is missing"},
	DocOrganizer:   {KK: "ұйымдастырушысы (ұйым немесе бөлімше) көрсетілмеген", RU: "не указан организатор (организация или подразделение)", EN: "the organizer (organization or department) is missing"},
	DocResponsible: {KK: "жауапты адам немесе тәлімгер көрсетілмеген", RU: "не указано ответственное лицо или наставник", EN: "the responsible person or mentor is missing"},

	ProgramStatusDraft:    {KK: "жоба", RU: "черновик", EN: "draft"},
	ProgramStatusActive:   {KK: "белсенді", RU: "активна", EN: "active"},
	ProgramStatusArchived: {KK: "мұрағатта", RU: "в архиве", EN: "archived"},

	FieldStaffID:          {KK: "табель нөмірі", RU: "табельный номер", EN: "staff_id"},
	FieldFamilyName:       {KK: "тегі", RU: "фамилия", EN: "family_name"},
	FieldGivenName:        {KK: "аты", RU: "имя", EN: "given_name"},
	FieldPatronymic:       {KK: "әкесінің аты", RU: "отчество", EN: "patronymic"},
	FieldDepartment:       {KK: "құрылымдық бөлімше", RU: "подразделение", EN: "department"},
	FieldPosition:         {KK: "лауазымы", RU: "должность", EN: "position"},
	FieldStream:           {KK: "ағын", RU: "поток", EN: "stream"},
	FieldDateFrom:         {KK: "басталған күні", RU: "дата начала", EN: "date_from"},
	FieldDateTo:           {KK: "аяқталған күні", RU: "дата окончания", EN: "date_to"},
	FieldFacilitator:      {KK: "фасилитатор", RU: "фасилитатор", EN: "facilitator"},
	FieldPlanEntryNumber:  {KK: "жеке жұмыс жоспарындағы жазбаның нөмірі", RU: "номер записи в индивидуальном плане работы", EN: "plan_entry_number"},
	FieldPlanEntryDate:    {KK: "жеке жұмыс жоспарындағы жазбаның күні", RU: "дата записи в индивидуальном плане работы", EN: "plan_entry_date"},
	FieldVerificationNote: {KK: "тексеру туралы ескертпе", RU: "примечание к проверке", EN: "verification_note"},
	FieldContactHours:     {KK: "байланыс сағаттары", RU: "контактные часы", EN: "contact_hours"},
	FieldSelfStudyHours:   {KK: "өзіндік жұмыс сағаттары", RU: "часы самостоятельной работы", EN: "self_study_hours"},
	FieldProgram:          {KK: "бағдарлама", RU: "программа", EN: "program"},
}

// Field returns how a request field is named for people: a Key when the
// catalog names it (field.<name>), else the name itself. Use it as a
// message argument.
func Field(name string) any {
	if _, ok := catalog[Key("field."+name)]; ok {
		return Key("field." + name)
	}
	return name
}

// ProgramStatus is the key of a program status's name (credential.Program*).
func ProgramStatus(status string) Key { return Key("program.status_" + status) }
