package lang

// The console's batch wizard and batch list (area "cbatch"): templates
// read them without the prefix ({{.T.check}}).
const (
	CbatchTitle            Key = "cbatch.title"
	CbatchNew              Key = "cbatch.new"
	CbatchStepProgram      Key = "cbatch.step_program"
	CbatchStepUpload       Key = "cbatch.step_upload"
	CbatchStepPreview      Key = "cbatch.step_preview"
	CbatchStepConfirm      Key = "cbatch.step_confirm"
	CbatchStepProgress     Key = "cbatch.step_progress"
	CbatchStepResults      Key = "cbatch.step_results"
	CbatchSteps            Key = "cbatch.steps"
	CbatchChooseProgram    Key = "cbatch.choose_program"
	CbatchProgram          Key = "cbatch.program"
	CbatchNoPrograms       Key = "cbatch.no_programs"
	CbatchNextStep         Key = "cbatch.next_step"
	CbatchUploadLead       Key = "cbatch.upload_lead"
	CbatchColumnsHint      Key = "cbatch.columns_hint"
	CbatchFile             Key = "cbatch.file"
	CbatchFileLimit        Key = "cbatch.file_limit"
	CbatchCheck            Key = "cbatch.check"
	CbatchCheckNote        Key = "cbatch.check_note"
	CbatchFileRequired     Key = "cbatch.file_required"
	CbatchProgramRequired  Key = "cbatch.program_required"
	CbatchPreviewTitle     Key = "cbatch.preview_title"
	CbatchRowsTotal        Key = "cbatch.rows_total"
	CbatchRowsValid        Key = "cbatch.rows_valid"
	CbatchRowsProblems     Key = "cbatch.rows_problems"
	CbatchRowsAlready      Key = "cbatch.rows_already"
	CbatchRowsIssued       Key = "cbatch.rows_issued"
	CbatchRowsPending      Key = "cbatch.rows_pending"
	CbatchWarnings         Key = "cbatch.warnings"
	CbatchFixTitle         Key = "cbatch.fix_title"
	CbatchFixLead          Key = "cbatch.fix_lead"
	CbatchErrorsCSV        Key = "cbatch.errors_csv"
	CbatchResultsCSV       Key = "cbatch.results_csv"
	CbatchZip              Key = "cbatch.zip"
	CbatchRecheck          Key = "cbatch.recheck"
	CbatchReupload         Key = "cbatch.reupload"
	CbatchRowsTitle        Key = "cbatch.rows_title"
	CbatchShowAll          Key = "cbatch.show_all"
	CbatchShowProblems     Key = "cbatch.show_problems"
	CbatchRow              Key = "cbatch.row"
	CbatchStatus           Key = "cbatch.status"
	CbatchProblems         Key = "cbatch.problems"
	CbatchCellLabel        Key = "cbatch.cell_label"
	CbatchProblemAt        Key = "cbatch.problem_at"
	CbatchProblemRow       Key = "cbatch.problem_row"
	CbatchConfirmTitle     Key = "cbatch.confirm_title"
	CbatchConfirmLead      Key = "cbatch.confirm_lead"
	CbatchConfirmProblems  Key = "cbatch.confirm_problems"
	CbatchNotify           Key = "cbatch.notify"
	CbatchIssueN           Key = "cbatch.issue_n"
	CbatchNothingToIssue   Key = "cbatch.nothing_to_issue"
	CbatchProgressTitle    Key = "cbatch.progress_title"
	CbatchProgressLabel    Key = "cbatch.progress_label"
	CbatchProgressNote     Key = "cbatch.progress_note"
	CbatchDoneNote         Key = "cbatch.done_note"
	CbatchFailedNote       Key = "cbatch.failed_note"
	CbatchDownloads        Key = "cbatch.downloads"
	CbatchOpenCredential   Key = "cbatch.open_credential"
	CbatchHolder           Key = "cbatch.holder"
	CbatchStudentID        Key = "cbatch.student_id"
	CbatchNumber           Key = "cbatch.number"
	CbatchFileCol          Key = "cbatch.file_col"
	CbatchCreated          Key = "cbatch.created"
	CbatchBy               Key = "cbatch.by"
	CbatchKind             Key = "cbatch.kind"
	CbatchKindPreview      Key = "cbatch.kind_preview"
	CbatchKindBatch        Key = "cbatch.kind_batch"
	CbatchAny              Key = "cbatch.any"
	CbatchDateFrom         Key = "cbatch.date_from"
	CbatchDateTo           Key = "cbatch.date_to"
	CbatchOpen             Key = "cbatch.open"
	CbatchEmpty            Key = "cbatch.empty"
	CbatchStQueued         Key = "cbatch.st_queued"
	CbatchStRunning        Key = "cbatch.st_running"
	CbatchStDone           Key = "cbatch.st_done"
	CbatchStFailed         Key = "cbatch.st_failed"
	CbatchRowValid         Key = "cbatch.row_valid"
	CbatchRowPending       Key = "cbatch.row_pending"
	CbatchRowIssued        Key = "cbatch.row_issued"
	CbatchRowAlreadyIssued Key = "cbatch.row_already_issued"
	CbatchRowFailed        Key = "cbatch.row_failed"
	CbatchRowsPageNote     Key = "cbatch.rows_page_note"
	CbatchRechecked        Key = "cbatch.rechecked"
	CbatchChecked          Key = "cbatch.checked"
	CbatchStarted          Key = "cbatch.started"
	CbatchFromPreview      Key = "cbatch.from_preview"
	CbatchInvalidDate      Key = "cbatch.invalid_date"
	CbatchOtherLang        Key = "cbatch.other_lang"
	CbatchErrOtherProgram  Key = "cbatch.err_other_program"
	CbatchErrNotPreview    Key = "cbatch.err_not_preview"
	CbatchErrPurged        Key = "cbatch.err_purged"
	CbatchErrNotKept       Key = "cbatch.err_not_kept"
	CbatchErrTooManyFixes  Key = "cbatch.err_too_many_fixes"
	CbatchErrNoCell        Key = "cbatch.err_no_cell"
	CbatchErrCellTooLong   Key = "cbatch.err_cell_too_long"
)

var consoleBatchMessages = map[Key]Message{
	CbatchTitle: {
		KK: "Топтамалар",
		RU: "Пакеты",
		EN: "Batches"},
	CbatchNew: {
		KK: "Жаңа топтама",
		RU: "Новый пакет",
		EN: "New batch"},
	CbatchStepProgram: {
		KK: "Бағдарлама",
		RU: "Программа",
		EN: "Program"},
	CbatchStepUpload: {
		KK: "Файл",
		RU: "Файл",
		EN: "File"},
	CbatchStepPreview: {
		KK: "Тексеру",
		RU: "Проверка",
		EN: "Check"},
	CbatchStepConfirm: {
		KK: "Растау",
		RU: "Подтверждение",
		EN: "Confirm"},
	CbatchStepProgress: {
		KK: "Беру барысы",
		RU: "Выдача",
		EN: "Issuing"},
	CbatchStepResults: {
		KK: "Нәтижелер",
		RU: "Результаты",
		EN: "Results"},
	CbatchSteps: {
		KK: "Шеберлердің қадамдары",
		RU: "Шаги мастера",
		EN: "Wizard steps"},
	CbatchChooseProgram: {
		KK: "Қай бағдарлама бойынша куәліктер беріледі?",
		RU: "По какой программе выдаются удостоверения?",
		EN: "Which program are the credentials for?"},
	CbatchProgram: {
		KK: "Бағдарлама",
		RU: "Программа",
		EN: "Program"},
	CbatchNoPrograms: {
		KK: "Белсенді бағдарлама жоқ: алдымен бағдарламаны тіркеңіз.",
		RU: "Нет действующих программ: сначала зарегистрируйте программу.",
		EN: "No active program: register a program first."},
	CbatchNextStep: {
		KK: "Әрі қарай",
		RU: "Далее",
		EN: "Next"},
	CbatchUploadLead: {
		KK: "Топтың кестесін жүктеңіз: CSV, XLSX, XLS, ODS немесе веб-беттегі кесте. Бағандар қазақша, орысша немесе ағылшынша аталуы мүмкін; әр құзыретке бір баған (коды бойынша).",
		RU: "Загрузите таблицу группы: CSV, XLSX, XLS, ODS или таблицу веб-страницы. Столбцы можно назвать по-казахски, по-русски или по-английски; по одному столбцу на каждую компетенцию (по её коду).",
		EN: "Upload the cohort's spreadsheet: CSV, XLSX, XLS, ODS or an HTML table. Columns may be named in Kazakh, Russian or English; one column per competency (by its code)."},
	CbatchColumnsHint: {
		KK: "Бағандар: %s",
		RU: "Столбцы: %s",
		EN: "Columns: %s"},
	CbatchFile: {
		KK: "Кесте файлы",
		RU: "Файл таблицы",
		EN: "Spreadsheet file"},
	CbatchFileLimit: {
		KK: "Ең көбі %s, %d жол.",
		RU: "Не больше %s, %d строк.",
		EN: "At most %s, %d rows."},
	CbatchCheck: {
		KK: "Тексеру",
		RU: "Проверить",
		EN: "Check"},
	CbatchCheckNote: {
		KK: "Тексеру ештеңе бермейді: алдымен әр жолдың нәтижесін көресіз.",
		RU: "Проверка ничего не выдаёт: сначала вы увидите результат по каждой строке.",
		EN: "Checking issues nothing: you first see the verdict for every row."},
	CbatchFileRequired: {
		KK: "Файлды таңдаңыз.",
		RU: "Выберите файл.",
		EN: "Choose a file."},
	CbatchProgramRequired: {
		KK: "Бағдарламаны таңдаңыз.",
		RU: "Выберите программу.",
		EN: "Choose a program."},
	CbatchPreviewTitle: {
		KK: "Тексеру: %s",
		RU: "Проверка: %s",
		EN: "Check: %s"},
	CbatchRowsTotal: {
		KK: "Жолдар",
		RU: "Строк",
		EN: "Rows"},
	CbatchRowsValid: {
		KK: "Берілуге дайын",
		RU: "Готовы к выдаче",
		EN: "Ready to issue"},
	CbatchRowsProblems: {
		KK: "Қатесі бар",
		RU: "С ошибками",
		EN: "With problems"},
	CbatchRowsAlready: {
		KK: "Бұрын берілген",
		RU: "Уже выданы",
		EN: "Already issued"},
	CbatchRowsIssued: {
		KK: "Берілді",
		RU: "Выдано",
		EN: "Issued"},
	CbatchRowsPending: {
		KK: "Кезекте",
		RU: "В очереди",
		EN: "Waiting"},
	CbatchWarnings: {
		KK: "Ескертулер",
		RU: "Предупреждения",
		EN: "Warnings"},
	CbatchFixTitle: {
		KK: "Қателерді түзету",
		RU: "Исправление ошибок",
		EN: "Fixing the problems"},
	CbatchFixLead: {
		KK: "Қате ұяшықтарды осы жерде түзетіп, «Қайта тексеру» батырмасын басыңыз, немесе errors.csv файлын жүктеп алып, түзетіп, қайта жүктеңіз. Жүктелген файл өзгермейді: әр тексеру жаңа нұсқа болып сақталады.",
		RU: "Исправьте ячейки с ошибками здесь и нажмите «Проверить снова», или скачайте errors.csv, исправьте и загрузите снова. Загруженный файл не меняется: каждая проверка сохраняется новой версией.",
		EN: "Correct the cells with problems here and press \"Check again\", or download errors.csv, fix it and upload it again. The uploaded file is not changed: every check is kept as a new version."},
	CbatchErrorsCSV: {
		KK: "Қателер тізімі (errors.csv)",
		RU: "Список ошибок (errors.csv)",
		EN: "List of problems (errors.csv)"},
	CbatchResultsCSV: {
		KK: "Нәтижелер (CSV)",
		RU: "Результаты (CSV)",
		EN: "Results (results.csv)"},
	CbatchZip: {
		KK: "Сертификаттар (PDF, архив)",
		RU: "Сертификаты (PDF, архив)",
		EN: "Certificates (ZIP)"},
	CbatchRecheck: {
		KK: "Қайта тексеру",
		RU: "Проверить снова",
		EN: "Check again"},
	CbatchReupload: {
		KK: "Түзетілген файлды жүктеу",
		RU: "Загрузить исправленный файл",
		EN: "Upload a corrected file"},
	CbatchRowsTitle: {
		KK: "Файлдағы жолдар",
		RU: "Строки файла",
		EN: "Rows of the file"},
	CbatchShowAll: {
		KK: "Барлық жолдар",
		RU: "Все строки",
		EN: "All rows"},
	CbatchShowProblems: {
		KK: "Тек қатесі барлар",
		RU: "Только с ошибками",
		EN: "Only with problems"},
	CbatchRow: {
		KK: "Жол",
		RU: "Строка",
		EN: "Row"},
	CbatchStatus: {
		KK: "Күйі",
		RU: "Состояние",
		EN: "Status"},
	CbatchProblems: {
		KK: "Қателер",
		RU: "Ошибки",
		EN: "Problems"},
	CbatchCellLabel: {
		KK: "%[1]d-жол, «%[2]s»",
		RU: "строка %[1]d, «%[2]s»",
		EN: "row %[1]d, \"%[2]s\""},
	CbatchProblemAt: {
		KK: "%[1]d-жол, «%[2]s» бағаны: %[3]s",
		RU: "Строка %[1]d, столбец «%[2]s»: %[3]s",
		EN: "Row %[1]d, column \"%[2]s\": %[3]s"},
	CbatchProblemRow: {
		KK: "%[1]d-жол: %[2]s",
		RU: "Строка %[1]d: %[2]s",
		EN: "Row %[1]d: %[2]s"},
	CbatchConfirmTitle: {
		KK: "Растау және беру",
		RU: "Подтверждение и выдача",
		EN: "Confirm and issue"},
	CbatchConfirmLead: {
		KK: "%d куәлік беріледі. Қатесі бар жолдар берілмейді; бұрын берілгендер қайта берілмейді.",
		RU: "Будет выдано удостоверений: %d. Строки с ошибками не выдаются; уже выданные не выдаются повторно.",
		EN: "%d credentials will be issued. Rows with problems are not issued; those already issued are not issued again."},
	CbatchConfirmProblems: {
		KK: "Назар аударыңыз: қатесі бар %d жол берілмейді. Оларды кейін түзетіп, қайта жүктеуге болады.",
		RU: "Внимание: строк с ошибками, которые не будут выданы: %d. Их можно исправить и загрузить позже.",
		EN: "Note: %d rows with problems will not be issued. You can fix them and upload them later."},
	CbatchNotify: {
		KK: "Иелеріне электрондық хат жіберу",
		RU: "Уведомить владельцев по электронной почте",
		EN: "Notify holders by e-mail"},
	CbatchIssueN: {
		KK: "%d куәлік беру",
		RU: "Выдать удостоверения: %d",
		EN: "Issue %d credentials"},
	CbatchNothingToIssue: {
		KK: "Берілетін жол жоқ: қателерді түзетіңіз немесе басқа файл жүктеңіз.",
		RU: "Нечего выдавать: исправьте ошибки или загрузите другой файл.",
		EN: "Nothing to issue: fix the problems or upload another file."},
	CbatchProgressTitle: {
		KK: "Топтама: %s",
		RU: "Пакет: %s",
		EN: "Batch: %s"},
	CbatchProgressLabel: {
		KK: "Өңделді: %[1]d / %[2]d",
		RU: "Обработано: %[1]d из %[2]d",
		EN: "Processed: %[1]d of %[2]d"},
	CbatchProgressNote: {
		KK: "Бет өзі жаңарады; оны жауып, кейін қайта ашуға болады: топтама серверде жалғасады.",
		RU: "Страница обновляется сама; её можно закрыть и открыть позже: пакет продолжает выдаваться на сервере.",
		EN: "The page updates itself; you may close it and come back later: the batch goes on on the server."},
	CbatchDoneNote: {
		KK: "Топтама аяқталды.",
		RU: "Пакет завершён.",
		EN: "The batch is finished."},
	CbatchFailedNote: {
		KK: "Топтама тоқтады: %s",
		RU: "Пакет остановлен: %s",
		EN: "The batch stopped: %s"},
	CbatchDownloads: {
		KK: "Жүктеп алу",
		RU: "Скачать",
		EN: "Downloads"},
	CbatchOpenCredential: {
		KK: "Куәлікті ашу",
		RU: "Открыть удостоверение",
		EN: "Open the credential"},
	CbatchHolder: {
		KK: "Иесі",
		RU: "Владелец",
		EN: "Holder"},
	CbatchStudentID: {
		KK: "Білім алушы ID",
		RU: "ID обучающегося",
		EN: "Student id"},
	CbatchNumber: {
		KK: "Нөмірі",
		RU: "Номер",
		EN: "Number"},
	CbatchFileCol: {
		KK: "Файл",
		RU: "Файл",
		EN: "File"},
	CbatchCreated: {
		KK: "Жүктелді",
		RU: "Загружен",
		EN: "Uploaded"},
	CbatchBy: {
		KK: "Кім жүктеді",
		RU: "Кем загружен",
		EN: "By"},
	CbatchKind: {
		KK: "Түрі",
		RU: "Вид",
		EN: "Kind"},
	CbatchKindPreview: {
		KK: "Тексеру",
		RU: "Проверка",
		EN: "Check"},
	CbatchKindBatch: {
		KK: "Беру",
		RU: "Выдача",
		EN: "Issue"},
	CbatchAny: {
		KK: "Кез келген",
		RU: "Любой",
		EN: "Any"},
	CbatchDateFrom: {
		KK: "Күннен бастап",
		RU: "С даты",
		EN: "From"},
	CbatchDateTo: {
		KK: "Күнге дейін",
		RU: "По дату",
		EN: "To"},
	CbatchOpen: {
		KK: "Ашу",
		RU: "Открыть",
		EN: "Open"},
	CbatchEmpty: {
		KK: "Топтама табылмады.",
		RU: "Пакеты не найдены.",
		EN: "No batch found."},
	CbatchStQueued: {
		KK: "Кезекте",
		RU: "В очереди",
		EN: "Queued"},
	CbatchStRunning: {
		KK: "Орындалуда",
		RU: "Выполняется",
		EN: "Running"},
	CbatchStDone: {
		KK: "Аяқталды",
		RU: "Завершён",
		EN: "Done"},
	CbatchStFailed: {
		KK: "Тоқтады",
		RU: "Остановлен",
		EN: "Stopped"},
	CbatchRowValid: {
		KK: "Дайын",
		RU: "Готова",
		EN: "Ready"},
	CbatchRowPending: {
		KK: "Кезекте",
		RU: "В очереди",
		EN: "Waiting"},
	CbatchRowIssued: {
		KK: "Берілді",
		RU: "Выдана",
		EN: "Issued"},
	CbatchRowAlreadyIssued: {
		KK: "Бұрын берілген",
		RU: "Уже выдана",
		EN: "Already issued"},
	CbatchRowFailed: {
		KK: "Қате",
		RU: "Ошибка",
		EN: "Problem"},
	CbatchRowsPageNote: {
		KK: "Жолдар беттерге бөлінген: бір бетте %d жол.",
		RU: "Строки показаны по %d на странице.",
		EN: "Rows are shown %d a page."},
	CbatchRechecked: {
		KK: "Түзетулер қолданылып, кесте қайта тексерілді.",
		RU: "Исправления применены, таблица проверена снова.",
		EN: "The corrections were applied and the spreadsheet checked again."},
	CbatchChecked: {
		KK: "Файл тексерілді: нәтижені қараңыз.",
		RU: "Файл проверен: посмотрите результат.",
		EN: "The file was checked: see the result."},
	CbatchStarted: {
		KK: "Беру басталды.",
		RU: "Выдача началась.",
		EN: "Issuing has started."},
	CbatchFromPreview: {
		KK: "Осы тексеруден: %s",
		RU: "По проверке: %s",
		EN: "From the check: %s"},
	CbatchInvalidDate: {
		KK: "Күн дұрыс емес: %q (КК.АА.ЖЖЖЖ немесе ЖЖЖЖ-АА-КК).",
		RU: "Неверная дата: %q (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД).",
		EN: "The date %q is not valid (DD.MM.YYYY or YYYY-MM-DD)."},
	CbatchOtherLang: {
		KK: "Қателер басқа тілде жазылған: кестені осы тілде қайта тексеруге болады.",
		RU: "Ошибки записаны на другом языке: таблицу можно проверить снова на этом языке.",
		EN: "The problems are worded in another language: the spreadsheet can be checked again in this one."},
	CbatchErrOtherProgram: {
		KK: "Бұл тексеру басқа бағдарламаға арналған (%s).",
		RU: "Эта проверка относится к другой программе (%s).",
		EN: "This check belongs to another program (%s)."},
	CbatchErrNotPreview: {
		KK: "Бұл топтама тексеру емес: оны түзетуге не растауға болмайды.",
		RU: "Этот пакет не является проверкой: его нельзя исправить или подтвердить.",
		EN: "This batch is not a check: it cannot be corrected or confirmed."},
	CbatchErrPurged: {
		KK: "Бұл тексерудің ұяшықтары сақтау мерзімі бойынша өшірілген: файлды қайта жүктеңіз.",
		RU: "Ячейки этой проверки удалены по сроку хранения: загрузите файл снова.",
		EN: "The cells of this check were cleared by the retention policy: upload the file again."},
	CbatchErrNotKept: {
		KK: "Бұл тексеру барлық жолдарды сақтамаған (%d-жолдан бастап): файлды қайта жүктеңіз.",
		RU: "Эта проверка сохранила не все строки (начиная со строки %d): загрузите файл снова.",
		EN: "This check did not keep every row (from row %d on): upload the file again."},
	CbatchErrTooManyFixes: {
		KK: "Тым көп түзету: %[1]d ұяшық, ең көбі %[2]d.",
		RU: "Слишком много исправлений: %[1]d ячеек, не больше %[2]d.",
		EN: "Too many corrections: %[1]d cells, at most %[2]d."},
	CbatchErrNoCell: {
		KK: "Мұндай ұяшық жоқ: %[1]d-жол, %[2]d-баған.",
		RU: "Нет такой ячейки: строка %[1]d, столбец %[2]d.",
		EN: "No such cell: row %[1]d, column %[2]d."},
	CbatchErrCellTooLong: {
		KK: "%[1]d-жол, «%[2]s»: мәні тым ұзын (ең көбі %[3]d байт).",
		RU: "Строка %[1]d, «%[2]s»: значение слишком длинное (не больше %[3]d байт).",
		EN: "Row %[1]d, \"%[2]s\": the value is too long (at most %[3]d bytes)."},
}
