package lang

// The command line (cmd/tanu): summaries and tables of issue and teachhub.
// Its language comes from --lang, else LC_ALL, LC_MESSAGES or LANG (FromEnv).
const (
	CLIBatchHeader    Key = "cli.batch_header"
	CLIWarningAt      Key = "cli.warning_at"
	CLIWarning        Key = "cli.warning"
	CLIIssuing        Key = "cli.issuing"
	CLICertificates   Key = "cli.certificates"
	CLIDryRun         Key = "cli.dry_run"
	CLIIssued         Key = "cli.issued"
	CLIRowProblem     Key = "cli.row_problem"
	CLINoRenderer     Key = "cli.no_renderer"
	CLIWrote          Key = "cli.wrote"
	CLIBatchStopped   Key = "cli.batch_stopped"
	CLIRowsFailed     Key = "cli.rows_failed"
	CLIEnrolSummary   Key = "cli.enrol_summary"
	CLIEnrolHeader    Key = "cli.enrol_header"
	CLIEnrolled       Key = "cli.enrolled"
	CLIExisted        Key = "cli.existed"
	CLIFailed         Key = "cli.failed"
	CLIEnrolFailed    Key = "cli.enrol_failed"
	CLICardsHeader    Key = "cli.cards_header"
	CLILangFlag       Key = "cli.lang_flag"
	CLIUnknownLang    Key = "cli.unknown_lang"
	CLIReportFormat   Key = "cli.report_format"
	CLIEnrolArguments Key = "cli.enrol_arguments"
)

var cliMessages = map[Key]Message{
	CLIBatchHeader:  {KK: "топтама %[1]s: %[2]s, %[3]d жол (%[4]s)", RU: "пакет %[1]s: %[2]s, строк: %[3]d (%[4]s)", EN: "batch %[1]s: %[2]s, %[3]d rows (%[4]s)"},
	CLIWarningAt:    {KK: "  ескерту: %[1]d-жол, %[2]s: %[3]s", RU: "  предупреждение: строка %[1]d, %[2]s: %[3]s", EN: "  warning: row %[1]d, %[2]s: %[3]s"},
	CLIWarning:      {KK: "ескерту: %[1]s", RU: "предупреждение: %[1]s", EN: "warning: %[1]s"},
	CLIIssuing:      {KK: "беру", RU: "выдача", EN: "issuing"},
	CLICertificates: {KK: "сертификаттар", RU: "сертификаты", EN: "certificates"},
	CLIDryRun: {
		KK: "тексеру ғана: %[1]d жол, %[2]d жарамды, %[3]d бұрын берілген, %[4]d қатемен",
		RU: "пробная проверка: строк %[1]d, верных %[2]d, уже выданных %[3]d, с ошибками %[4]d",
		EN: "dry run: %[1]d rows, %[2]d valid, %[3]d already issued, %[4]d failed"},
	CLIIssued: {
		KK: "%[1]d жол: %[2]d берілді, %[3]d бұрын берілген, %[4]d қатемен",
		RU: "строк %[1]d: выдано %[2]d, уже выданных %[3]d, с ошибками %[4]d",
		EN: "%[1]d rows: %[2]d issued, %[3]d already issued, %[4]d failed"},
	CLIRowProblem: {KK: "  %[1]d-жол, %[2]s: %[3]s", RU: "  строка %[1]d, %[2]s: %[3]s", EN: "  row %[1]d, %[2]s: %[3]s"},
	CLINoRenderer: {
		KK: "сертификаттарды жасау бапталмаған: PDF файлдары жазылмады",
		RU: "изготовление сертификатов не настроено: файлы PDF не записаны",
		EN: "certificate rendering is not configured: no PDFs written"},
	CLIWrote:        {KK: "%[2]s қалтасына %[1]d сертификат жазылды", RU: "сертификатов записано: %[1]d, в %[2]s", EN: "wrote %[1]d certificates to %[2]s"},
	CLIBatchStopped: {KK: "issue: топтама тоқтатылды: %[1]s", RU: "issue: пакет остановлен: %[1]s", EN: "issue: the batch stopped: %[1]s"},
	CLIRowsFailed:   {KK: "issue: %[2]d жолдың %[1]d жолы қатемен", RU: "issue: строк с ошибками: %[1]d из %[2]d", EN: "issue: %[1]d of %[2]d rows failed"},
	CLIEnrolSummary: {
		KK: "%[1]d жол: %[2]d тіркелді, %[3]d бұрын тіркелген, %[4]d қатемен",
		RU: "строк %[1]d: записано %[2]d, уже записанных %[3]d, с ошибками %[4]d",
		EN: "%[1]d rows: %[2]d enrolled, %[3]d already enrolled, %[4]d failed"},
	CLIEnrolHeader: {KK: "ЖОЛ\tНӘТИЖЕ\tТАБЕЛЬ НӨМІРІ\tКАРТА\tҚАТЕ", RU: "СТРОКА\tРЕЗУЛЬТАТ\tТАБЕЛЬНЫЙ НОМЕР\tКАРТОЧКА\tОШИБКА", EN: "ROW\tRESULT\tSTAFF ID\tCARD\tPROBLEM"},
	CLIEnrolled:    {KK: "тіркелді", RU: "записан", EN: "enrolled"},
	CLIExisted:     {KK: "бұрын тіркелген", RU: "уже записан", EN: "existed"},
	CLIFailed:      {KK: "қате", RU: "ошибка", EN: "failed"},
	CLIEnrolFailed: {KK: "teachhub enrol: %[1]d жол қатемен", RU: "teachhub enrol: строк с ошибками: %[1]d", EN: "teachhub enrol: %[1]d rows failed"},
	CLICardsHeader: {
		KK: "ID\tБАҒДАРЛАМА\tТАБЕЛЬ НӨМІРІ\tҚАТЫСУШЫ\tБӨЛІМШЕ\tМӘРТЕБЕ\tСАҒАТ\tСБ\tКУӘЛІК",
		RU: "ID\tПРОГРАММА\tТАБЕЛЬНЫЙ НОМЕР\tУЧАСТНИК\tПОДРАЗДЕЛЕНИЕ\tСТАТУС\tЧАСЫ\tСБ\tСЕРТИФИКАТ",
		EN: "ID\tPROGRAM\tSTAFF ID\tPARTICIPANT\tDEPARTMENT\tSTATUS\tHOURS\tSB\tCREDENTIAL"},
	CLILangFlag: {
		KK: "хабарламалар тілі: kk, ru немесе en (әдепкі: LC_ALL, LC_MESSAGES, LANG, одан кейін ұйымның тілі)",
		RU: "язык сообщений: kk, ru или en (по умолчанию: LC_ALL, LC_MESSAGES, LANG, затем язык организации)",
		EN: "language of the messages: kk, ru or en (default: LC_ALL, LC_MESSAGES or LANG, then the organization's)"},
	CLIUnknownLang:  {KK: "--lang %[1]q: kk, ru немесе en деп жазыңыз", RU: "--lang %[1]q: укажите kk, ru или en", EN: "--lang %[1]q: say kk, ru or en"},
	CLIReportFormat: {KK: "teachhub report: --format csv немесе json болуы керек", RU: "teachhub report: --format должен быть csv или json", EN: "teachhub report: --format must be csv or json"},
	CLIEnrolArguments: {
		KK: "teachhub enrol: --program және --file міндетті",
		RU: "teachhub enrol: нужны --program и --file",
		EN: "teachhub enrol: --program and --file are required"},
}
