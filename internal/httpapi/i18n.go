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
	"verify_lead":        {"JWT мәтінін қойыңыз немесе PDF сертификатын, PNG/SVG бейджін, JSON не JWT файлын жүктеңіз.", "Вставьте текст JWT или загрузите сертификат PDF, бейдж PNG/SVG, файл JSON или JWT.", "Paste the JWT text, or upload a PDF certificate, a PNG/SVG badge, a JSON or a JWT file."},
	"verify_button":      {"Тексеру", "Проверить", "Verify"},
	"paste":              {"Куәлік (JWT немесе JSON)", "Сертификат (JWT или JSON)", "Credential (JWT or JSON)"},
	"file":               {"Немесе файл", "Или файл", "Or a file"},
	"home_lead":          {"Цифрлық куәліктер тізілімі", "Реестр цифровых сертификатов", "Registry of digital credentials"},
	"linkedin":           {"LinkedIn профиліне қосу", "Добавить в профиль LinkedIn", "Add to LinkedIn profile"},
	"issuer_unreachable": {"Шығарушыға қосылу мүмкін болмады: оның кілттері мен мәртебе тізімін оқу мүмкін емес.", "Не удалось связаться с издателем: его ключи и список статусов прочитать нельзя.", "Could not reach the issuer: its keys and status list cannot be read."},
	"too_many":           {"Сіздің мекенжайыңыздан тексеру тым көп. %d секундтан кейін қайталаңыз.", "Слишком много проверок с вашего адреса. Повторите через %d с.", "Too many checks from your address. Try again in %d seconds."},
	"how":                {"Кез келген адам бұл тексеруді қайталай алады: JWT қолтаңбасы жарияланған кілттермен тексеріледі.", "Любой может повторить проверку: подпись JWT проверяется опубликованными ключами.", "Anyone can repeat this check: the JWT signature verifies with the published keys."},
	"nqf_title":          {"Қазақстан Республикасының Ұлттық біліктілік шеңбері", "Национальная рамка квалификаций Республики Казахстан", "National Qualifications Framework of the Republic of Kazakhstan"},
	"nqf_lead":           {"Куәліктердегі «NQF» деңгейі осы шеңбердің деңгейін білдіреді. Әр деңгейдің осы беттегі сілтемесі бар.", "Уровень «NQF» в сертификатах означает уровень этой рамки. У каждого уровня есть ссылка на этой странице.", "The \u201cNQF\u201d level in credentials is a level of this framework. Each level has its own link on this page."},
	"nqf_level":          {"Деңгей", "Уровень", "Level"},
	"nqf_desc":           {"Білім беру деңгейі", "Уровень образования", "Level of education"},
	"nqf_1":              {"Негізгі орта білім деңгейіндегі бастапқы дағдылар", "Начальные навыки на уровне основного среднего образования", "Entry skills at the level of basic secondary education"},
	"nqf_2":              {"Жалпы орта білім, қарапайым кәсіптік дағдылар", "Общее среднее образование, простые профессиональные навыки", "General secondary education, simple occupational skills"},
	"nqf_3":              {"Техникалық және кәсіптік білім: жұмысшы біліктілігі", "Техническое и профессиональное образование: рабочая квалификация", "Technical and vocational education: skilled worker"},
	"nqf_4":              {"Техникалық және кәсіптік білім: орта буын маманы", "Техническое и профессиональное образование: специалист среднего звена", "Technical and vocational education: mid-level specialist"},
	"nqf_5":              {"Орта білімнен кейінгі білім: қолданбалы бакалавр", "Послесреднее образование: прикладной бакалавр", "Post-secondary education: applied bachelor"},
	"nqf_6":              {"Жоғары білім: бакалавр", "Высшее образование: бакалавр", "Higher education: bachelor"},
	"nqf_7":              {"Жоғары оқу орнынан кейінгі білім: магистр, резидентура", "Послевузовское образование: магистр, резидентура", "Postgraduate education: master, residency"},
	"nqf_8":              {"Докторантура: PhD докторы, бейіні бойынша доктор", "Докторантура: доктор PhD, доктор по профилю", "Doctoral education: PhD, professional doctorate"},
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
