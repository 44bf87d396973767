package lang

// The console's programs (console_programs.go): the list, the form with
// every registry field, one program with its versions.
const (
	CProgNewTitle          Key = "cprog.new_title"
	CProgEditTitle         Key = "cprog.edit_title"
	CProgNew               Key = "cprog.new"
	CProgFilterText        Key = "cprog.filter_text"
	CProgFilterKind        Key = "cprog.filter_kind"
	CProgFilterStatus      Key = "cprog.filter_status"
	CProgColRegno          Key = "cprog.col_regno"
	CProgColName           Key = "cprog.col_name"
	CProgColKind           Key = "cprog.col_kind"
	CProgColStatus         Key = "cprog.col_status"
	CProgColValidUntil     Key = "cprog.col_valid_until"
	CProgColVersion        Key = "cprog.col_version"
	CProgColChanged        Key = "cprog.col_changed"
	CProgVersionN          Key = "cprog.version_n"
	CProgStatusSuperseded  Key = "cprog.status_superseded"
	CProgNotSet            Key = "cprog.not_set"
	CProgNotNumber         Key = "cprog.not_number"
	CProgFixBelow          Key = "cprog.fix_below"
	CProgCreated           Key = "cprog.created"
	CProgVersionMade       Key = "cprog.version_made"
	CProgArchived          Key = "cprog.archived"
	CProgArchivedNoEdit    Key = "cprog.archived_no_edit"
	CProgImport            Key = "cprog.import"
	CProgImportLead        Key = "cprog.import_lead"
	CProgImportFile        Key = "cprog.import_file"
	CProgImportButton      Key = "cprog.import_button"
	CProgImportNoFile      Key = "cprog.import_no_file"
	CProgImportNotJSON     Key = "cprog.import_not_json"
	CProgImportInvalid     Key = "cprog.import_invalid"
	CProgExport            Key = "cprog.export"
	CProgArchive           Key = "cprog.archive"
	CProgArchiveTitle      Key = "cprog.archive_title"
	CProgArchiveText       Key = "cprog.archive_text"
	CProgArchiveConfirm    Key = "cprog.archive_confirm"
	CProgNewVersionNote    Key = "cprog.new_version_note"
	CProgSaveVersion       Key = "cprog.save_version"
	CProgOldVersion        Key = "cprog.old_version"
	CProgLatest            Key = "cprog.latest"
	CProgVersions          Key = "cprog.versions"
	CProgSecMain           Key = "cprog.sec_main"
	CProgKind              Key = "cprog.kind"
	CProgStatus            Key = "cprog.status"
	CProgStatusHint        Key = "cprog.status_hint"
	CProgAbbreviation      Key = "cprog.abbreviation"
	CProgDescription       Key = "cprog.description"
	CProgGoal              Key = "cprog.goal"
	CProgSecCompetencies   Key = "cprog.sec_competencies"
	CProgCompetenciesHint  Key = "cprog.competencies_hint"
	CProgCompCode          Key = "cprog.comp_code"
	CProgCompTitle         Key = "cprog.comp_title"
	CProgCompOptional      Key = "cprog.comp_optional"
	CProgUp                Key = "cprog.up"
	CProgDown              Key = "cprog.down"
	CProgRemoveRow         Key = "cprog.remove_row"
	CProgAddRow            Key = "cprog.add_row"
	CProgSecVolume         Key = "cprog.sec_volume"
	CProgHours             Key = "cprog.hours"
	CProgCredits           Key = "cprog.credits"
	CProgContactHours      Key = "cprog.contact_hours"
	CProgSelfStudyHours    Key = "cprog.self_study_hours"
	CProgNqfLevel          Key = "cprog.nqf_level"
	CProgFormOfStudy       Key = "cprog.form_of_study"
	CProgLanguageOfStudy   Key = "cprog.language_of_study"
	CProgSecOrganization   Key = "cprog.sec_organization"
	CProgStandard          Key = "cprog.standard"
	CProgStandardNone      Key = "cprog.standard_none"
	CProgDepartment        Key = "cprog.department"
	CProgCurator           Key = "cprog.curator"
	CProgFacilitators      Key = "cprog.facilitators"
	CProgOnePerLine        Key = "cprog.one_per_line"
	CProgAudience          Key = "cprog.audience"
	CProgCriteria          Key = "cprog.criteria"
	CProgSecApproval       Key = "cprog.sec_approval"
	CProgApproval          Key = "cprog.approval"
	CProgApprovalBody      Key = "cprog.approval_body"
	CProgApprovalDate      Key = "cprog.approval_date"
	CProgApprovalOrder     Key = "cprog.approval_order"
	CProgValidFrom         Key = "cprog.valid_from"
	CProgValidUntil        Key = "cprog.valid_until"
	CProgValidity          Key = "cprog.validity"
	CProgValidityHint      Key = "cprog.validity_hint"
	CProgNameKk            Key = "cprog.name_kk"
	CProgDescriptionKk     Key = "cprog.description_kk"
	CProgGoalKk            Key = "cprog.goal_kk"
	CProgPrerequisitesKk   Key = "cprog.prerequisites_kk"
	CProgCompTitleKk       Key = "cprog.comp_title_kk"
	CProgCompOutcomeKk     Key = "cprog.comp_outcome_kk"
	CProgNameRu            Key = "cprog.name_ru"
	CProgDescriptionRu     Key = "cprog.description_ru"
	CProgGoalRu            Key = "cprog.goal_ru"
	CProgPrerequisitesRu   Key = "cprog.prerequisites_ru"
	CProgCompTitleRu       Key = "cprog.comp_title_ru"
	CProgCompOutcomeRu     Key = "cprog.comp_outcome_ru"
	CProgNameEn            Key = "cprog.name_en"
	CProgDescriptionEn     Key = "cprog.description_en"
	CProgGoalEn            Key = "cprog.goal_en"
	CProgPrerequisitesEn   Key = "cprog.prerequisites_en"
	CProgCompTitleEn       Key = "cprog.comp_title_en"
	CProgCompOutcomeEn     Key = "cprog.comp_outcome_en"
	CProgLangKk            Key = "cprog.lang_kk"
	CProgLangRu            Key = "cprog.lang_ru"
	CProgLangEn            Key = "cprog.lang_en"
	CProgFormFullTime      Key = "cprog.form_full_time"
	CProgFormDistance      Key = "cprog.form_distance"
	CProgFormBlended       Key = "cprog.form_blended"
	CProgFormDual          Key = "cprog.form_dual"
	CProgFormOnline        Key = "cprog.form_online"
	CProgFormInternship    Key = "cprog.form_internship"
	CProgFormSelfStudy     Key = "cprog.form_self_study"
	CProgFormInternalEvent Key = "cprog.form_internal_event"
)

var consoleProgramMessages = map[Key]Message{
	CProgNewTitle: {
		KK: "Жаңа бағдарлама",
		RU: "Новая программа",
		EN: "New program"},
	CProgEditTitle: {
		KK: "Бағдарламаны өзгерту",
		RU: "Изменение программы",
		EN: "Edit program"},
	CProgNew: {
		KK: "Жаңа бағдарлама",
		RU: "Новая программа",
		EN: "New program"},
	CProgFilterText: {
		KK: "Атауы немесе нөмірі",
		RU: "Название или номер",
		EN: "Name or number"},
	CProgFilterKind: {
		KK: "Түрі",
		RU: "Вид",
		EN: "Kind"},
	CProgFilterStatus: {
		KK: "Күйі",
		RU: "Статус",
		EN: "Status"},
	CProgColRegno: {
		KK: "Тіркеу нөмірі",
		RU: "Рег. номер",
		EN: "Reg. number"},
	CProgColName: {
		KK: "Атауы",
		RU: "Название",
		EN: "Name"},
	CProgColKind: {
		KK: "Түрі",
		RU: "Вид",
		EN: "Kind"},
	CProgColStatus: {
		KK: "Күйі",
		RU: "Статус",
		EN: "Status"},
	CProgColValidUntil: {
		KK: "Жарамдылық мерзімі",
		RU: "Действует до",
		EN: "Valid until"},
	CProgColVersion: {
		KK: "Нұсқа",
		RU: "Версия",
		EN: "Version"},
	CProgColChanged: {
		KK: "Өзгертілді",
		RU: "Изменена",
		EN: "Changed"},
	CProgVersionN: {
		KK: "%d-нұсқа",
		RU: "версия %d",
		EN: "version %d"},
	CProgStatusSuperseded: {
		KK: "ауыстырылған",
		RU: "заменена",
		EN: "superseded"},
	CProgNotSet: {
		KK: "— көрсетілмеген —",
		RU: "— не указано —",
		EN: "— not set —"},
	CProgNotNumber: {
		KK: "сан жазыңыз",
		RU: "введите число",
		EN: "enter a number"},
	CProgFixBelow: {
		KK: "Белгіленген өрістерді түзетіңіз.",
		RU: "Исправьте отмеченные поля.",
		EN: "Correct the fields marked below."},
	CProgCreated: {
		KK: "Бағдарлама тіркелді.",
		RU: "Программа зарегистрирована.",
		EN: "The program is registered."},
	CProgVersionMade: {
		KK: "Бағдарламаның жаңа нұсқасы сақталды.",
		RU: "Сохранена новая версия программы.",
		EN: "A new version of the program is saved."},
	CProgArchived: {
		KK: "Бағдарлама мұрағатқа жіберілді.",
		RU: "Программа перенесена в архив.",
		EN: "The program is archived."},
	CProgArchivedNoEdit: {
		KK: "%s бағдарламасы мұрағатта, оны өзгертуге болмайды",
		RU: "программа %s в архиве, её нельзя изменить",
		EN: "program %s is archived and cannot change"},
	CProgImport: {
		KK: "Бағдарламаны JSON файлынан тіркеу",
		RU: "Регистрация программы из файла JSON",
		EN: "Register a program from a JSON file"},
	CProgImportLead: {
		KK: "API қабылдайтын және «JSON жүктеу» беретін файл.",
		RU: "Файл в том виде, в каком его принимает API и отдаёт «Скачать JSON».",
		EN: "A file as the API takes it and “Download JSON” gives it."},
	CProgImportFile: {
		KK: "JSON файлы",
		RU: "Файл JSON",
		EN: "JSON file"},
	CProgImportButton: {
		KK: "Тіркеу",
		RU: "Зарегистрировать",
		EN: "Register"},
	CProgImportNoFile: {
		KK: "JSON файлын таңдаңыз.",
		RU: "Выберите файл JSON.",
		EN: "Choose a JSON file."},
	CProgImportNotJSON: {
		KK: "Файл бағдарламаның JSON сипаттамасы емес: %s",
		RU: "Файл не является описанием программы в JSON: %s",
		EN: "The file is not a program in JSON: %s"},
	CProgImportInvalid: {
		KK: "Файлдағы бағдарлама жарамсыз:",
		RU: "Программа в файле содержит ошибки:",
		EN: "The program in the file is not valid:"},
	CProgExport: {
		KK: "JSON жүктеу",
		RU: "Скачать JSON",
		EN: "Download JSON"},
	CProgArchive: {
		KK: "Мұрағатқа жіберу",
		RU: "В архив",
		EN: "Archive"},
	CProgArchiveTitle: {
		KK: "Бағдарламаны мұрағатқа жіберу керек пе?",
		RU: "Перенести программу в архив?",
		EN: "Archive the program?"},
	CProgArchiveText: {
		KK: "Мұрағаттағы бағдарлама бойынша куәлік берілмейді және оны өзгертуге болмайды. Бұрын берілген куәліктер жарамды болып қалады. Бұл әрекетті болдырмау мүмкін емес.",
		RU: "По программе в архиве нельзя выдавать сертификаты, и её нельзя изменить. Выданные ранее сертификаты остаются действительными. Это действие нельзя отменить.",
		EN: "No credential can be issued under an archived program, and it cannot change. Credentials issued before stay valid. This cannot be undone."},
	CProgArchiveConfirm: {
		KK: "Иә, мұрағатқа жіберу",
		RU: "Да, перенести в архив",
		EN: "Yes, archive it"},
	CProgNewVersionNote: {
		KK: "Бұл бағдарлама белсенді: сақтағанда %[1]d-нұсқа жасалады. %[2]d-нұсқа бойынша берілген куәліктер өз нұсқасында қалады.",
		RU: "Программа действует: при сохранении будет создана версия %[1]d. Сертификаты, выданные по версии %[2]d, остаются при ней.",
		EN: "This program is active: saving makes version %[1]d. Credentials issued under version %[2]d keep it."},
	CProgSaveVersion: {
		KK: "%d-нұсқа ретінде сақтау",
		RU: "Сохранить как версию %d",
		EN: "Save as version %d"},
	CProgOldVersion: {
		KK: "Бұл — %[1]d-нұсқа; соңғысы — %[2]d-нұсқа.",
		RU: "Это версия %[1]d; последняя — версия %[2]d.",
		EN: "This is version %[1]d; the latest is version %[2]d."},
	CProgLatest: {
		KK: "Соңғы нұсқаны ашу",
		RU: "Открыть последнюю версию",
		EN: "Open the latest version"},
	CProgVersions: {
		KK: "Нұсқалар",
		RU: "Версии",
		EN: "Versions"},
	CProgSecMain: {
		KK: "Негізгі мәліметтер",
		RU: "Основные сведения",
		EN: "Main details"},
	CProgKind: {
		KK: "Бағдарлама түрі",
		RU: "Вид программы",
		EN: "Kind of program"},
	CProgStatus: {
		KK: "Күйі",
		RU: "Статус",
		EN: "Status"},
	CProgStatusHint: {
		KK: "Жоба күйіндегі бағдарлама бойынша куәлік берілмейді; белсенді бағдарлама бойынша беріледі.",
		RU: "По черновику сертификаты не выдаются; по действующей программе — выдаются.",
		EN: "Drafts issue nothing; active programs issue credentials."},
	CProgAbbreviation: {
		KK: "Қысқаша атауы",
		RU: "Сокращение",
		EN: "Abbreviation"},
	CProgDescription: {
		KK: "Сипаттамасы",
		RU: "Описание",
		EN: "Description"},
	CProgGoal: {
		KK: "Мақсаты",
		RU: "Цель",
		EN: "Goal"},
	CProgSecCompetencies: {
		KK: "Құзыреттер (оқыту нәтижелері)",
		RU: "Компетенции (результаты обучения)",
		EN: "Competencies (learning outcomes)"},
	CProgCompetenciesHint: {
		KK: "Әр құзыреттің коды (мысалы, ОН1) және қазақша атауы болуы керек. Бос жолдар ескерілмейді.",
		RU: "У каждой компетенции нужны код (например, РО1) и название на казахском. Пустые строки не учитываются.",
		EN: "Each competency needs a code (e.g. LO1) and a Kazakh title. Blank rows are left out."},
	CProgCompCode: {
		KK: "Коды",
		RU: "Код",
		EN: "Code"},
	CProgCompTitle: {
		KK: "Атауы",
		RU: "Название",
		EN: "Title"},
	CProgCompOptional: {
		KK: "таңдау бойынша (міндетті емес)",
		RU: "по выбору (необязательная)",
		EN: "elective (not required)"},
	CProgUp: {
		KK: "Жоғары",
		RU: "Выше",
		EN: "Move up"},
	CProgDown: {
		KK: "Төмен",
		RU: "Ниже",
		EN: "Move down"},
	CProgRemoveRow: {
		KK: "Жолды өшіру",
		RU: "Удалить строку",
		EN: "Remove row"},
	CProgAddRow: {
		KK: "Жол қосу",
		RU: "Добавить строку",
		EN: "Add a row"},
	CProgSecVolume: {
		KK: "Көлемі мен деңгейі",
		RU: "Объём и уровень",
		EN: "Volume and level"},
	CProgHours: {
		KK: "Академиялық сағаттар",
		RU: "Академические часы",
		EN: "Academic hours"},
	CProgCredits: {
		KK: "Академиялық кредиттер",
		RU: "Академические кредиты",
		EN: "Academic credits"},
	CProgContactHours: {
		KK: "Байланыс сағаттары",
		RU: "Контактные часы",
		EN: "Contact hours"},
	CProgSelfStudyHours: {
		KK: "Өзіндік жұмыс сағаттары",
		RU: "Часы самостоятельной работы",
		EN: "Self-study hours"},
	CProgNqfLevel: {
		KK: "ҰБШ деңгейі",
		RU: "Уровень НРК",
		EN: "NQF level"},
	CProgFormOfStudy: {
		KK: "Оқу түрі",
		RU: "Форма обучения",
		EN: "Form of study"},
	CProgLanguageOfStudy: {
		KK: "Оқыту тілі",
		RU: "Язык обучения",
		EN: "Language of study"},
	CProgSecOrganization: {
		KK: "Стандарт және ұйымдастыру",
		RU: "Стандарт и организация",
		EN: "Standard and organization"},
	CProgStandard: {
		KK: "Кәсіби стандарт",
		RU: "Профессиональный стандарт",
		EN: "Professional standard"},
	CProgStandardNone: {
		KK: "Кәсіби стандарт жоқ: ереже бекіткен сөйлем жазылады",
		RU: "Профессионального стандарта нет: записывается фраза, установленная положением",
		EN: "No professional standard: the regulation's fixed phrase is written"},
	CProgDepartment: {
		KK: "Кафедра (бөлім)",
		RU: "Кафедра (подразделение)",
		EN: "Department"},
	CProgCurator: {
		KK: "Жетекшісі (кураторы)",
		RU: "Руководитель (куратор)",
		EN: "Curator"},
	CProgFacilitators: {
		KK: "Оқытушылар (фасилитаторлар)",
		RU: "Преподаватели (фасилитаторы)",
		EN: "Facilitators"},
	CProgOnePerLine: {
		KK: "Әр жолға біреуден.",
		RU: "По одному в строке.",
		EN: "One per line."},
	CProgAudience: {
		KK: "Кімге арналған",
		RU: "Целевая аудитория",
		EN: "Target audience"},
	CProgCriteria: {
		KK: "Аяқтау талаптары",
		RU: "Критерии завершения",
		EN: "Completion criteria"},
	CProgSecApproval: {
		KK: "Бекіту және жарамдылық мерзімі",
		RU: "Утверждение и срок действия",
		EN: "Approval and validity"},
	CProgApproval: {
		KK: "Бекітілген",
		RU: "Утверждена",
		EN: "Approved"},
	CProgApprovalBody: {
		KK: "Бекіткен орган",
		RU: "Кем утверждена",
		EN: "Approved by"},
	CProgApprovalDate: {
		KK: "Бекіту күні",
		RU: "Дата утверждения",
		EN: "Approval date"},
	CProgApprovalOrder: {
		KK: "Хаттама (бұйрық) нөмірі",
		RU: "Номер протокола (приказа)",
		EN: "Minutes (order) number"},
	CProgValidFrom: {
		KK: "Жарамдылық басы",
		RU: "Действует с",
		EN: "Valid from"},
	CProgValidUntil: {
		KK: "Жарамдылық соңы",
		RU: "Действует до",
		EN: "Valid until"},
	CProgValidity: {
		KK: "Жарамдылық мерзімі",
		RU: "Срок действия",
		EN: "Validity"},
	CProgValidityHint: {
		KK: "Бағдарлама ең көбі 3 жылға бекітіледі (4.13-т.).",
		RU: "Программа утверждается не более чем на 3 года (п. 4.13).",
		EN: "A program is approved for at most 3 years (sec. 4.13)."},
	CProgNameKk: {
		KK: "Атауы, қазақша",
		RU: "Название на казахском",
		EN: "Name in Kazakh"},
	CProgDescriptionKk: {
		KK: "Сипаттамасы, қазақша",
		RU: "Описание на казахском",
		EN: "Description in Kazakh"},
	CProgGoalKk: {
		KK: "Мақсаты, қазақша",
		RU: "Цель на казахском",
		EN: "Goal in Kazakh"},
	CProgPrerequisitesKk: {
		KK: "Алдын ала талаптар, қазақша",
		RU: "Пререквизиты на казахском",
		EN: "Prerequisites in Kazakh"},
	CProgCompTitleKk: {
		KK: "Атауы, қазақша",
		RU: "Название на казахском",
		EN: "Title in Kazakh"},
	CProgCompOutcomeKk: {
		KK: "Оқыту нәтижесі, қазақша",
		RU: "Результат обучения на казахском",
		EN: "Learning outcome in Kazakh"},
	CProgNameRu: {
		KK: "Атауы, орысша",
		RU: "Название на русском",
		EN: "Name in Russian"},
	CProgDescriptionRu: {
		KK: "Сипаттамасы, орысша",
		RU: "Описание на русском",
		EN: "Description in Russian"},
	CProgGoalRu: {
		KK: "Мақсаты, орысша",
		RU: "Цель на русском",
		EN: "Goal in Russian"},
	CProgPrerequisitesRu: {
		KK: "Алдын ала талаптар, орысша",
		RU: "Пререквизиты на русском",
		EN: "Prerequisites in Russian"},
	CProgCompTitleRu: {
		KK: "Атауы, орысша",
		RU: "Название на русском",
		EN: "Title in Russian"},
	CProgCompOutcomeRu: {
		KK: "Оқыту нәтижесі, орысша",
		RU: "Результат обучения на русском",
		EN: "Learning outcome in Russian"},
	CProgNameEn: {
		KK: "Атауы, ағылшынша",
		RU: "Название на английском",
		EN: "Name in English"},
	CProgDescriptionEn: {
		KK: "Сипаттамасы, ағылшынша",
		RU: "Описание на английском",
		EN: "Description in English"},
	CProgGoalEn: {
		KK: "Мақсаты, ағылшынша",
		RU: "Цель на английском",
		EN: "Goal in English"},
	CProgPrerequisitesEn: {
		KK: "Алдын ала талаптар, ағылшынша",
		RU: "Пререквизиты на английском",
		EN: "Prerequisites in English"},
	CProgCompTitleEn: {
		KK: "Атауы, ағылшынша",
		RU: "Название на английском",
		EN: "Title in English"},
	CProgCompOutcomeEn: {
		KK: "Оқыту нәтижесі, ағылшынша",
		RU: "Результат обучения на английском",
		EN: "Learning outcome in English"},
	CProgLangKk: {
		KK: "қазақ тілі",
		RU: "казахский",
		EN: "Kazakh"},
	CProgLangRu: {
		KK: "орыс тілі",
		RU: "русский",
		EN: "Russian"},
	CProgLangEn: {
		KK: "ағылшын тілі",
		RU: "английский",
		EN: "English"},
	CProgFormFullTime: {
		KK: "күндізгі",
		RU: "очная",
		EN: "full-time"},
	CProgFormDistance: {
		KK: "қашықтықтан",
		RU: "дистанционная",
		EN: "distance"},
	CProgFormBlended: {
		KK: "аралас",
		RU: "смешанная",
		EN: "blended"},
	CProgFormDual: {
		KK: "дуальды",
		RU: "дуальная",
		EN: "dual"},
	CProgFormOnline: {
		KK: "онлайн",
		RU: "онлайн",
		EN: "online"},
	CProgFormInternship: {
		KK: "тағылымдама",
		RU: "стажировка",
		EN: "internship"},
	CProgFormSelfStudy: {
		KK: "өздігінен оқу",
		RU: "самостоятельное обучение",
		EN: "self-study"},
	CProgFormInternalEvent: {
		KK: "ішкі іс-шара",
		RU: "внутреннее мероприятие",
		EN: "internal event"},
}
