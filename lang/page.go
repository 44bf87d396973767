package lang

// Public pages: the credential page, /verify and the home page. The
// templates read them without the "page." prefix ({{.T.holder}}), see Area.
const (
	PageTitle        Key = "page.title"
	PageValid        Key = "page.valid"
	PageRevoked      Key = "page.revoked"
	PageSuspended    Key = "page.suspended"
	PageExpired      Key = "page.expired"
	PageNotFound     Key = "page.not_found"
	PageInvalid      Key = "page.invalid"
	PageUnknown      Key = "page.unknown"
	PageValidSub     Key = "page.valid_sub"
	PageRevokedSub   Key = "page.revoked_sub"
	PageSuspendedSub Key = "page.suspended_sub"
	PageExpiredSub   Key = "page.expired_sub"
	PageNotFoundSub  Key = "page.not_found_sub"
	PageInvalidSub   Key = "page.invalid_sub"
	PageUnknownSub   Key = "page.unknown_sub"
	PageHolder       Key = "page.holder"
	PageAchievement  Key = "page.achievement"
	PageIssuer       Key = "page.issuer"
	PageIssued       Key = "page.issued"
	PageValidUntil   Key = "page.valid_until"
	PageCertNo       Key = "page.cert_no"
	PageRegNo        Key = "page.reg_no"
	PageProgramNo    Key = "page.program_no"
	PageIdentifier   Key = "page.identifier"
	PageReason       Key = "page.reason"
	PageSince        Key = "page.since"
	PageResults      Key = "page.results"
	PageChecks       Key = "page.checks"
	PageDownloads    Key = "page.downloads"
	PageVerifyTitle  Key = "page.verify_title"
	PageVerifyLead   Key = "page.verify_lead"
	PageVerifyButton Key = "page.verify_button"
	PagePaste        Key = "page.paste"
	PageFile         Key = "page.file"
	PageHomeLead     Key = "page.home_lead"
	PageLinkedIn     Key = "page.linkedin"
	PageHow          Key = "page.how"
	PageJWKS         Key = "page.jwks"
	PageIssuerProf   Key = "page.issuer_profile"
	PageAPIDocs      Key = "page.api_docs"

	PageAcademicHours Key = "page.academic_hours"
	PageCredits       Key = "page.credits"
	PageNQFLevel      Key = "page.nqf_level"
	PageCreditUnits   Key = "page.credit_units"

	PageRecognition       Key = "page.recognition"
	PageRecognized        Key = "page.recognized"
	PageRecSubmitted      Key = "page.rec_submitted"
	PageRecRejected       Key = "page.rec_rejected"
	PageRecCompleted      Key = "page.rec_completed"
	PageDownloadPDFKK     Key = "page.download_pdf_kk"
	PageDownloadPDFRU     Key = "page.download_pdf_ru"
	PageDownloadPDFEN     Key = "page.download_pdf_en"
	PageDownloadPNG       Key = "page.download_png"
	PageDownloadSVG       Key = "page.download_svg"
	PageDownloadJWT       Key = "page.download_jwt"
	PageDownloadJSON      Key = "page.download_json"
	PageIssuerUnreachable Key = "page.issuer_unreachable"
	PageTooMany           Key = "page.too_many"

	PageForeign         Key = "page.foreign"
	PageForeignSub      Key = "page.foreign_sub"
	PageAltered         Key = "page.altered"
	PageAlteredSub      Key = "page.altered_sub"
	PageNoCredential    Key = "page.no_credential"
	PageNoCredentialSub Key = "page.no_credential_sub"
	PageTooLarge        Key = "page.too_large"
	PageTooLargeSub     Key = "page.too_large_sub"
	PageBusy            Key = "page.busy"
	PageBusySub         Key = "page.busy_sub"
	PageIssuerId        Key = "page.issuer_id"
)

var pageMessages = map[Key]Message{
	PageTitle:        {KK: "Куәлікті тексеру", RU: "Проверка сертификата", EN: "Credential verification"},
	PageValid:        {KK: "Түпнұсқа және жарамды", RU: "Подлинный и действительный", EN: "Genuine and valid"},
	PageRevoked:      {KK: "Кері қайтарылған", RU: "Отозван", EN: "Revoked"},
	PageSuspended:    {KK: "Уақытша тоқтатылған", RU: "Приостановлен", EN: "Suspended"},
	PageExpired:      {KK: "Мерзімі өткен", RU: "Срок действия истёк", EN: "Expired"},
	PageNotFound:     {KK: "Тізілімде табылмады", RU: "Не найден в реестре", EN: "Not found in the registry"},
	PageInvalid:      {KK: "Жарамсыз немесе өзгертілген", RU: "Недействителен или изменён", EN: "Invalid or tampered"},
	PageUnknown:      {KK: "Мәртебесін тексеру мүмкін болмады", RU: "Не удалось проверить статус", EN: "Status could not be checked"},
	PageValidSub:     {KK: "Қолтаңба тексерілді, куәлік тізілімде бар және кері қайтарылмаған.", RU: "Подпись проверена, сертификат есть в реестре и не отозван.", EN: "The signature checks out, the credential is in the registry and has not been withdrawn."},
	PageRevokedSub:   {KK: "Ұйым бұл куәлікті кері қайтарды.", RU: "Организация отозвала этот сертификат.", EN: "The issuing organization has withdrawn this credential."},
	PageSuspendedSub: {KK: "Ұйым бұл куәлікті уақытша тоқтатты.", RU: "Организация временно приостановила этот сертификат.", EN: "The issuing organization has suspended this credential."},
	PageExpiredSub:   {KK: "Куәліктің жарамдылық мерзімі аяқталды.", RU: "Срок действия сертификата истёк.", EN: "The credential's validity period has ended."},
	PageNotFoundSub:  {KK: "Мұндай идентификаторы бар куәлік берілмеген.", RU: "Сертификат с таким идентификатором не выдавался.", EN: "No credential with this identifier was issued here."},
	PageInvalidSub:   {KK: "Бұл құжатқа сенуге болмайды.", RU: "Этому документу нельзя доверять.", EN: "This document cannot be trusted."},
	PageUnknownSub:   {KK: "Қолтаңба дұрыс, бірақ шығарушының мәртебе тізімін оқу мүмкін болмады.", RU: "Подпись верна, но список статусов издателя прочитать не удалось.", EN: "The signature is good, but the issuer's status list could not be read."},
	PageHolder:       {KK: "Иесі", RU: "Владелец", EN: "Holder"},
	PageAchievement:  {KK: "Бағдарлама", RU: "Программа", EN: "Program"},
	PageIssuer:       {KK: "Берген ұйым", RU: "Организация", EN: "Issued by"},
	PageIssued:       {KK: "Берілген күні", RU: "Дата выдачи", EN: "Issued"},
	PageValidUntil:   {KK: "Жарамды мерзімі", RU: "Действителен до", EN: "Valid until"},
	PageCertNo:       {KK: "Сертификат №", RU: "Сертификат №", EN: "Certificate No."},
	PageRegNo:        {KK: "Тіркеу нөмірі", RU: "Регистрационный номер", EN: "Registration No."},
	PageProgramNo:    {KK: "Бағдарламаның тіркеу нөмірі", RU: "Регистрационный номер программы", EN: "Program registration No."},
	PageIdentifier:   {KK: "Бірегей идентификатор", RU: "Уникальный идентификатор", EN: "Unique identifier"},
	PageReason:       {KK: "Себебі", RU: "Причина", EN: "Reason"},
	PageSince:        {KK: "Күні", RU: "Дата", EN: "Since"},
	PageResults:      {KK: "Құзыреттер мен бағалар", RU: "Компетенции и оценки", EN: "Competencies and grades"},
	PageChecks:       {KK: "Тексерулер", RU: "Проверки", EN: "Checks"},
	PageDownloads:    {KK: "Жүктеп алу", RU: "Скачать", EN: "Download"},
	PageVerifyTitle:  {KK: "Куәлікті тексеру", RU: "Проверить сертификат", EN: "Verify a credential"},
	PageVerifyLead: {
		KK: "Куәліктің мекенжайын, идентификаторын, сертификат нөмірін не JWT мәтінін қойыңыз немесе PDF сертификатын, PNG/SVG бейджін, JSON не JWT файлын жүктеңіз.",
		RU: "Вставьте адрес сертификата, его идентификатор, номер или текст JWT либо загрузите сертификат PDF, бейдж PNG/SVG, файл JSON или JWT.",
		EN: "Paste the credential's address, identifier, certificate number or JWT text, or upload a PDF certificate, a PNG/SVG badge, a JSON or a JWT file."},
	PageVerifyButton: {KK: "Тексеру", RU: "Проверить", EN: "Verify"},
	PagePaste:        {KK: "Мекенжай, идентификатор, нөмір немесе куәлік мәтіні", RU: "Адрес, идентификатор, номер или текст сертификата", EN: "Address, identifier, number or credential text"},
	PageFile:         {KK: "Немесе файл", RU: "Или файл", EN: "Or a file"},
	PageHomeLead:     {KK: "Цифрлық куәліктер тізілімі", RU: "Реестр цифровых сертификатов", EN: "Registry of digital credentials"},
	PageLinkedIn:     {KK: "LinkedIn профиліне қосу", RU: "Добавить в профиль LinkedIn", EN: "Add to LinkedIn profile"},
	PageHow: {
		KK: "Кез келген адам бұл тексеруді қайталай алады: қолтаңба ұйым жариялаған ашық кілттермен тексеріледі.",
		RU: "Любой может повторить проверку: подпись проверяется открытыми ключами, которые опубликовала организация.",
		EN: "Anyone can repeat this check: the signature verifies with the public keys the organization published."},
	PageJWKS:       {KK: "Ашық кілттер (JWKS)", RU: "Открытые ключи (JWKS)", EN: "Public keys (JWKS)"},
	PageIssuerProf: {KK: "Ұйым профилі", RU: "Профиль организации", EN: "Issuer profile"},
	PageAPIDocs:    {KK: "API сипаттамасы (OpenAPI)", RU: "Описание API (OpenAPI)", EN: "API description (OpenAPI)"},

	PageAcademicHours: {KK: "Академиялық сағат", RU: "Академические часы", EN: "Academic hours"},
	PageCredits:       {KK: "Академиялық кредит", RU: "Академические кредиты", EN: "Academic credits"},
	PageNQFLevel:      {KK: "ҰБШ деңгейі", RU: "Уровень НРК", EN: "NQF level"},
	PageCreditUnits:   {KK: "Кредит бірлігі (СБ)", RU: "Кредитные единицы (СБ)", EN: "Credit units (SB)"},

	PageRecognition: {KK: "Тану (СБ)", RU: "Признание (СБ)", EN: "Recognition (SB)"},
	PageRecognized: {
		KK: "танылды: %[1]s СБ; шешім %[2]s, %[3]s",
		RU: "признано: %[1]s СБ; решение %[2]s от %[3]s",
		EN: "recognized: %[1]s SB; decision %[2]s of %[3]s"},
	PageRecSubmitted: {KK: "тануға ұсынылды (%[1]s СБ)", RU: "представлено к признанию (%[1]s СБ)", EN: "submitted for recognition (%[1]s SB)"},
	PageRecRejected:  {KK: "танылмады", RU: "не признано", EN: "not recognized"},
	PageRecCompleted: {
		KK: "іске асырылды (%[1]s СБ), тануға әлі ұсынылмаған",
		RU: "реализовано (%[1]s СБ), к признанию не представлено",
		EN: "completed (%[1]s SB), not yet submitted for recognition"},

	PageDownloadPDFKK: {KK: "Сертификат (PDF, қазақша)", RU: "Сертификат (PDF, на казахском)", EN: "Certificate (PDF, in Kazakh)"},
	PageDownloadPDFRU: {KK: "Сертификат (PDF, орысша)", RU: "Сертификат (PDF, на русском)", EN: "Certificate (PDF, in Russian)"},
	PageDownloadPDFEN: {KK: "Сертификат (PDF, ағылшынша)", RU: "Сертификат (PDF, на английском)", EN: "Certificate (PDF, in English)"},
	PageDownloadPNG:   {KK: "Бейдж суреті (PNG)", RU: "Изображение бейджа (PNG)", EN: "Badge image (PNG)"},
	PageDownloadSVG:   {KK: "Бейдж суреті (SVG, сайт үшін)", RU: "Изображение бейджа (SVG, для сайта)", EN: "Badge image (SVG, for websites)"},
	PageDownloadJWT:   {KK: "Қол қойылған куәлік (тексерушілер үшін)", RU: "Подписанный сертификат (для проверяющих)", EN: "Signed credential (for verifiers)"},
	PageDownloadJSON:  {KK: "Куәлік деректері (JSON)", RU: "Данные сертификата (JSON)", EN: "Credential data (JSON)"},
	PageIssuerUnreachable: {
		KK: "Шығарушыға қосылу мүмкін болмады: оның кілттері мен мәртебе тізімін оқу мүмкін емес.",
		RU: "Не удалось связаться с издателем: его ключи и список статусов прочитать нельзя.",
		EN: "Could not reach the issuer: its keys and status list cannot be read."},
	PageTooMany: {
		KK: "Сіздің мекенжайыңыздан тексеру тым көп. %[1]d секундтан кейін қайталаңыз.",
		RU: "Слишком много проверок с вашего адреса. Повторите через %[1]d с.",
		EN: "Too many checks from your address. Try again in %[1]d seconds."},
	PageForeign: {
		KK: "Түпнұсқа, бірақ оны басқа ұйым берген",
		RU: "Подлинный, но выдан другой организацией",
		EN: "Genuine, signed by another issuer"},
	PageForeignSub: {
		KK: "Қолтаңба дұрыс, бірақ бұл куәлік осы тізілімде жоқ: оны төменде көрсетілген басқа ұйым берген.",
		RU: "Подпись верна, но этого сертификата нет в данном реестре: его выдала другая организация, указанная ниже.",
		EN: "The signature checks out, but this credential is not in this registry: another organization, named below, issued it."},
	PageAltered: {
		KK: "Файл өзгертілген",
		RU: "Файл изменён",
		EN: "This file has been altered"},
	PageAlteredSub: {
		KK: "Файлда көрсетілгені оның ішіндегі қол қойылған куәлікке сәйкес келмейді. QR кодты сканерлеңіз немесе сертификат нөмірін теріңіз.",
		RU: "То, что показывает файл, не совпадает с подписанным сертификатом внутри него. Отсканируйте QR-код или введите номер сертификата.",
		EN: "What the file shows does not match the signed credential it carries. Scan the QR code or type the certificate's number."},
	PageNoCredential: {
		KK: "Файлда куәлік табылмады",
		RU: "В файле не найден сертификат",
		EN: "No credential found in this file"},
	PageNoCredentialSub: {
		KK: "QR кодты сканерлеңіз немесе сертификаттың идентификаторын не нөмірін теріңіз.",
		RU: "Отсканируйте QR-код или введите идентификатор либо номер сертификата.",
		EN: "Scan the QR code or type the certificate's identifier or number."},
	PageTooLarge: {
		KK: "Файл тым үлкен",
		RU: "Файл слишком большой",
		EN: "The file is too large"},
	PageTooLargeSub: {
		KK: "Сертификат файлы 2 МБ-тан аспайды. QR кодты сканерлеңіз немесе сертификаттың идентификаторын не нөмірін теріңіз.",
		RU: "Файл сертификата не больше 2 МБ. Отсканируйте QR-код или введите идентификатор либо номер сертификата.",
		EN: "A certificate file is at most 2 MB. Scan the QR code or type the certificate's identifier or number."},
	PageBusy: {
		KK: "Сервер бос емес",
		RU: "Сервер занят",
		EN: "The server is busy"},
	PageBusySub: {
		KK: "Бірнеше секундтан кейін қайталап көріңіз.",
		RU: "Повторите попытку через несколько секунд.",
		EN: "Try again in a few seconds."},
	PageIssuerId: {
		KK: "Шығарушының идентификаторы",
		RU: "Идентификатор издателя",
		EN: "Issuer identifier"},
}
