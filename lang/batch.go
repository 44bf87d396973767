package lang

// Batch issuance from spreadsheets (package batch); the spreadsheet's own
// problems are in sheet.go.
const (
	BatchErrorsColumn      Key = "batch.errors_column"
	BatchRowRef            Key = "batch.row_ref"
	BatchRejected          Key = "batch.rejected"
	BatchDecisionBeforeEnd Key = "batch.decision_before_end"
	BatchIINRejected       Key = "batch.iin_rejected"
	BatchProgramUnusable   Key = "batch.program_unusable"
	BatchGaveUp            Key = "batch.gave_up"
	BatchUnreadableRow     Key = "batch.unreadable_row"
	BatchBadSeparator      Key = "batch.bad_separator"
	BatchCellsNotKept      Key = "batch.cells_not_kept"
)

var batchMessages = map[Key]Message{
	BatchErrorsColumn: {KK: "қателер", RU: "ошибки", EN: "errors"},
	BatchRowRef:       {KK: "%[1]d-жол", RU: "строка %[1]d", EN: "row %[1]d"},
	BatchRejected: {
		KK: "тізілім бұл мәнді қабылдамады: %[1]s",
		RU: "реестр не принял это значение: %[1]s",
		EN: "the registry did not accept this value: %[1]s"},
	BatchDecisionBeforeEnd: {
		KK: "комиссия шешімінің күні (%[1]s) оқу аяқталған күннен (%[2]s) бұрын",
		RU: "дата решения комиссии (%[1]s) раньше окончания обучения (%[2]s)",
		EN: "the commission's decision (%[1]s) is dated before the end of study (%[2]s)"},
	BatchIINRejected: {
		KK: "тізілім бұл ЖСН-ді қабылдамайды (ғасыр цифры немесе бақылау цифры)",
		RU: "реестр не принимает этот ИИН (цифра века или контрольная цифра)",
		EN: "the registry does not accept this IIN (century digit or check digit)"},
	BatchProgramUnusable: {
		KK: "бағдарлама бойынша куәлік беру мүмкін емес: %[1]s",
		RU: "по программе нельзя выдавать сертификаты: %[1]s",
		EN: "the program cannot issue credentials: %[1]s"},
	BatchGaveUp: {
		KK: "өңдеу %[1]d рет үзілді; топтама тоқтатылды",
		RU: "обработка прерывалась %[1]d раз; пакет остановлен",
		EN: "processing was interrupted %[1]d times; the batch was stopped"},
	BatchUnreadableRow: {
		KK: "сақталған жолды оқу мүмкін болмады (ішкі қате)",
		RU: "сохранённую строку не удалось прочитать (внутренняя ошибка)",
		EN: "the stored row could not be read (internal error)"},
	BatchCellsNotKept: {
		KK: "%[1]d-жолдан бастап жолдардың ұяшықтары сақталмады (топтама ең көбі %[2]d МБ ұяшық сақтайды); errors.csv олардың қателерін бос ұяшықтармен көрсетеді",
		RU: "ячейки строк начиная со строки %[1]d не сохранены (пакет хранит не более %[2]d МБ ячеек); errors.csv показывает их ошибки с пустыми ячейками",
		EN: "the cells of rows from row %[1]d on were not kept (a batch keeps at most %[2]d MB of cells); errors.csv lists their problems with empty cells"},
	BatchBadSeparator: {
		KK: "sep параметрі comma, semicolon немесе tab болуы керек, ал мұнда %[1]q",
		RU: "параметр sep должен быть comma, semicolon или tab, а не %[1]q",
		EN: "sep must be comma, semicolon or tab, not %[1]q"},
}
