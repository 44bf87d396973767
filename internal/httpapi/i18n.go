package httpapi

// msg is the page wording in kk, ru, en.
var msg = map[string][3]string{
	"title":              {"Куәлікті тексеру", "Проверка сертификата", "Credential verification"},
	"valid":              {"Түпнұсқа және жарамды", "Подлинный и действительный", "Genuine and valid"},
	"revoked":            {"Кері қайтарылған", "Отозван", "Revoked"},
	"suspended":          {"Уақытша тоқтатылған", "Приостановлен", "Suspended"},
	"expired":            {"Мерзімі өткен", "Срок действия истёк", "Expired"},
	"not_found":          {"Тізілімде табылмады", "Не найден в реестре", "Not found in the registry"},
	"invalid":            {"Жарамсыз немесе өзгертілген", "Недействителен или изменён", "Invalid or tampered"},
	"unknown":            {"Мәртебесін тексеру мүмкін болмады", "Не удалось проверить статус", "Status could not be checked"},
	"valid_sub":          {"Қолтаңба тексерілді, куәлік тізілімде бар және кері қайтарылмаған.", "Подпись проверена, сертификат есть в реестре и не отозван.", "The signature checks out, the credential is in the registry and has not been withdrawn."},
	"revoked_sub":        {"Ұйым бұл куәлікті кері қайтарды.", "Организация отозвала этот сертификат.", "The issuing organization has withdrawn this credential."},
	"suspended_sub":      {"Ұйым бұл куәлікті уақытша тоқтатты.", "Организация временно приостановила этот сертификат.", "The issuing organization has suspended this credential."},
	"expired_sub":        {"Куәліктің жарамдылық мерзімі аяқталды.", "Срок действия сертификата истёк.", "The credential's validity period has ended."},
	"not_found_sub":      {"Мұндай идентификаторы бар куәлік берілмеген.", "Сертификат с таким идентификатором не выдавался.", "No credential with this identifier was issued here."},
	"invalid_sub":        {"Бұл құжатқа сенуге болмайды.", "Этому документу нельзя доверять.", "This document cannot be trusted."},
	"unknown_sub":        {"Қолтаңба дұрыс, бірақ шығарушының мәртебе тізімін оқу мүмкін болмады.", "Подпись верна, но список статусов издателя прочитать не удалось.", "The signature is good, but the issuer's status list could not be read."},
	"foreign":            {"Түпнұсқа, бірақ оны басқа ұйым берген", "Подлинный, но выдан другой организацией", "Genuine, signed by another issuer"},
	"foreign_sub":        {"Қолтаңба дұрыс, бірақ бұл куәлік осы тізілімде жоқ: оны төменде көрсетілген басқа ұйым берген.", "Подпись верна, но этого сертификата нет в данном реестре: его выдала другая организация, указанная ниже.", "The signature checks out, but this credential is not in this registry: another organization, named below, issued it."},
	"altered":            {"Файл өзгертілген", "Файл изменён", "This file has been altered"},
	"altered_sub":        {"Файлда көрсетілгені оның ішіндегі қол қойылған куәлікке сәйкес келмейді. QR кодты сканерлеңіз немесе сертификат нөмірін теріңіз.", "То, что показывает файл, не совпадает с подписанным сертификатом внутри него. Отсканируйте QR-код или введите номер сертификата.", "What the file shows does not match the signed credential it carries. Scan the QR code or type the certificate's number."},
	"no_credential":      {"Файлда куәлік табылмады", "В файле не найден сертификат", "No credential found in this file"},
	"no_credential_sub":  {"QR кодты сканерлеңіз немесе сертификаттың идентификаторын не нөмірін теріңіз.", "Отсканируйте QR-код или введите идентификатор либо номер сертификата.", "Scan the QR code or type the certificate's identifier or number."},
	"too_large":          {"Файл тым үлкен", "Файл слишком большой", "The file is too large"},
	"too_large_sub":      {"Сертификат файлы 2 МБ-тан аспайды. QR кодты сканерлеңіз немесе сертификаттың идентификаторын не нөмірін теріңіз.", "Файл сертификата не больше 2 МБ. Отсканируйте QR-код или введите идентификатор либо номер сертификата.", "A certificate file is at most 2 MB. Scan the QR code or type the certificate's identifier or number."},
	"busy":               {"Сервер бос емес", "Сервер занят", "The server is busy"},
	"busy_sub":           {"Бірнеше секундтан кейін қайталап көріңіз.", "Повторите попытку через несколько секунд.", "Try again in a few seconds."},
	"issuer_id":          {"Шығарушының идентификаторы", "Идентификатор издателя", "Issuer identifier"},
	"holder":             {"Иесі", "Владелец", "Holder"},
	"achievement":        {"Бағдарлама", "Программа", "Program"},
	"issuer":             {"Берген ұйым", "Организация", "Issued by"},
	"issued":             {"Берілген күні", "Дата выдачи", "Issued"},
	"valid_until":        {"Жарамды мерзімі", "Действителен до", "Valid until"},
	"cert_no":            {"Сертификат №", "Сертификат №", "Certificate No."},
	"reg_no":             {"Тіркеу нөмірі", "Регистрационный номер", "Registration No."},
	"program_no":         {"Бағдарламаның тіркеу нөмірі", "Регистрационный номер программы", "Program registration No."},
	"identifier":         {"Бірегей идентификатор", "Уникальный идентификатор", "Unique identifier"},
	"reason":             {"Себебі", "Причина", "Reason"},
	"since":              {"Күні", "Дата", "Since"},
	"results":            {"Құзыреттер мен бағалар", "Компетенции и оценки", "Competencies and grades"},
	"checks":             {"Тексерулер", "Проверки", "Checks"},
	"downloads":          {"Жүктеп алу", "Скачать", "Download"},
	"verify_title":       {"Куәлікті тексеру", "Проверить сертификат", "Verify a credential"},
	"verify_lead":        {"Куәліктің мекенжайын, идентификаторын, сертификат нөмірін не JWT мәтінін қойыңыз немесе PDF сертификатын, PNG/SVG бейджін, JSON не JWT файлын жүктеңіз.", "Вставьте адрес сертификата, его идентификатор, номер или текст JWT либо загрузите сертификат PDF, бейдж PNG/SVG, файл JSON или JWT.", "Paste the credential's address, identifier, certificate number or JWT text, or upload a PDF certificate, a PNG/SVG badge, a JSON or a JWT file."},
	"verify_button":      {"Тексеру", "Проверить", "Verify"},
	"paste":              {"Мекенжай, идентификатор, нөмір немесе куәлік мәтіні", "Адрес, идентификатор, номер или текст сертификата", "Address, identifier, number or credential text"},
	"file":               {"Немесе файл", "Или файл", "Or a file"},
	"home_lead":          {"Цифрлық куәліктер тізілімі", "Реестр цифровых сертификатов", "Registry of digital credentials"},
	"linkedin":           {"LinkedIn профиліне қосу", "Добавить в профиль LinkedIn", "Add to LinkedIn profile"},
	"how":                {"Кез келген адам бұл тексеруді қайталай алады: JWT қолтаңбасы жарияланған кілттермен тексеріледі.", "Любой может повторить проверку: подпись JWT проверяется опубликованными ключами.", "Anyone can repeat this check: the JWT signature verifies with the published keys."},
	"issuer_unreachable": {"Шығарушыға қосылу мүмкін болмады: оның кілттері мен мәртебе тізімін оқу мүмкін емес.", "Не удалось связаться с издателем: его ключи и список статусов прочитать нельзя.", "Could not reach the issuer: its keys and status list cannot be read."},
	"too_many":           {"Сіздің мекенжайыңыздан тексеру тым көп. %d секундтан кейін қайталаңыз.", "Слишком много проверок с вашего адреса. Повторите через %d с.", "Too many checks from your address. Try again in %d seconds."},
}

func langIndex(l string) int {
	switch l {
	case "ru":
		return 1
	case "en":
		return 2
	default:
		return 0
	}
}

// T returns the wording of key in lang.
func T(lang, key string) string {
	m, ok := msg[key]
	if !ok {
		return key
	}
	return m[langIndex(lang)]
}
