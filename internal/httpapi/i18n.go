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
	// The staff pages: sign-in, password setup, console.
	"console_title":    {"Басқару панелі", "Панель управления", "Console"},
	"console_lead":     {"Басқару панелінің бөлімдері келесі нұсқаларда қосылады. Әзірге API-ді токенмен пайдаланыңыз.", "Разделы панели управления появятся в следующих версиях. Пока пользуйтесь API с токеном.", "The console's sections arrive in the next versions. Until then, use the API with a token."},
	"login_title":      {"Қызметкерлердің кіруі", "Вход для сотрудников", "Staff sign-in"},
	"email":            {"Электрондық пошта", "Электронная почта", "E-mail"},
	"password":         {"Құпиясөз", "Пароль", "Password"},
	"password2":        {"Құпиясөзді қайталаңыз", "Повторите пароль", "Repeat the password"},
	"sign_in":          {"Кіру", "Войти", "Sign in"},
	"sign_in_with":     {"{p} арқылы кіру", "Войти через {p}", "Sign in with {p}"},
	"or":               {"немесе", "или", "or"},
	"sign_out":         {"Шығу", "Выйти", "Sign out"},
	"signed_in_as":     {"Сіз кірдіңіз", "Вы вошли как", "Signed in as"},
	"name":             {"Аты-жөні", "Имя", "Name"},
	"role":             {"Рөлі", "Роль", "Role"},
	"department":       {"Бөлімше", "Подразделение", "Department"},
	"session_until":    {"Сеанс аяқталады", "Сеанс завершится", "Session ends"},
	"setup_title":      {"Құпиясөзді орнату", "Установка пароля", "Set your password"},
	"setup_lead":       {"Кемінде 12 таңбадан тұратын және басқа жерде қолданылмайтын құпиясөз ойлап табыңыз.", "Придумайте пароль не короче 12 символов, который вы больше нигде не используете.", "Choose a password of at least 12 characters that you use nowhere else."},
	"save_password":    {"Сақтау және кіру", "Сохранить и войти", "Save and sign in"},
	"role_admin":       {"Әкімші", "Администратор", "Administrator"},
	"role_registrar":   {"Тіркеуші", "Регистратор", "Registrar"},
	"role_coordinator": {"Үйлестіруші", "Координатор", "Coordinator"},
	"role_viewer":      {"Бақылаушы", "Наблюдатель", "Viewer"},
	"err_login":        {"Электрондық пошта немесе құпиясөз қате.", "Неверная электронная почта или пароль.", "Wrong e-mail address or password."},
	"err_throttled":    {"Сәтсіз әрекеттер тым көп. Бірнеше минуттан кейін қайталаңыз.", "Слишком много неудачных попыток. Повторите через несколько минут.", "Too many failed attempts. Try again in a few minutes."},
	"err_link":         {"Сілтеме белгісіз, пайдаланылған немесе мерзімі өткен. Әкімшіден жаңасын сұраңыз.", "Ссылка неизвестна, уже использована или устарела. Попросите у администратора новую.", "This link is unknown, already used or expired. Ask an administrator for a new one."},
	"err_mismatch":     {"Құпиясөздер сәйкес келмейді.", "Пароли не совпадают.", "The passwords do not match."},
	"err_too_short":    {"Құпиясөз кемінде 12 таңбадан тұруы керек.", "Пароль должен содержать не менее 12 символов.", "The password needs at least 12 characters."},
	"err_too_long":     {"Енгізілген мән тым ұзын.", "Введённое значение слишком длинное.", "What you typed is too long."},
	"err_common":       {"Бұл құпиясөз тым кең таралған: басқасын таңдаңыз.", "Этот пароль слишком распространён: выберите другой.", "This password is too common: choose another."},
	"err_is_login":     {"Құпиясөз электрондық пошта мекенжайымен бірдей болмауы керек.", "Пароль не должен совпадать с адресом электронной почты.", "The password must not be your e-mail address."},
	"err_email":        {"Электрондық пошта мекенжайы дұрыс емес.", "Адрес электронной почты указан неверно.", "The e-mail address is not valid."},
	"err_required":     {"Барлық өрістерді толтырыңыз.", "Заполните все поля.", "Fill in every field."},
	"err_generic":      {"Кіру мүмкін болмады. Қайталап көріңіз.", "Войти не удалось. Попробуйте ещё раз.", "Signing in failed. Try again."},
	"err_sso":          {"Бірыңғай кіру арқылы кіру мүмкін болмады. Қайта бастаңыз.", "Не удалось войти через единый вход. Начните заново.", "Single sign-on did not complete. Start again."},
	"err_not_admitted": {"Бұл есептік жазбаға кіруге рұқсат жоқ. Әкімшіге хабарласыңыз.", "Для этой учётной записи вход не разрешён. Обратитесь к администратору.", "This account is not allowed in. Ask an administrator."},
	"nqf_title":        {"Қазақстан Республикасының Ұлттық біліктілік шеңбері", "Национальная рамка квалификаций Республики Казахстан", "National Qualifications Framework of the Republic of Kazakhstan"},
	"nqf_lead":         {"Куәліктердегі «NQF» деңгейі осы шеңбердің деңгейін білдіреді. Әр деңгейдің осы беттегі сілтемесі бар.", "Уровень «NQF» в сертификатах означает уровень этой рамки. У каждого уровня есть ссылка на этой странице.", "The \u201cNQF\u201d level in credentials is a level of this framework. Each level has its own link on this page."},
	"nqf_level":        {"Деңгей", "Уровень", "Level"},
	"nqf_desc":         {"Білім беру деңгейі", "Уровень образования", "Level of education"},
	"nqf_1":            {"Негізгі орта білім деңгейіндегі бастапқы дағдылар", "Начальные навыки на уровне основного среднего образования", "Entry skills at the level of basic secondary education"},
	"nqf_2":            {"Жалпы орта білім, қарапайым кәсіптік дағдылар", "Общее среднее образование, простые профессиональные навыки", "General secondary education, simple occupational skills"},
	"nqf_3":            {"Техникалық және кәсіптік білім: жұмысшы біліктілігі", "Техническое и профессиональное образование: рабочая квалификация", "Technical and vocational education: skilled worker"},
	"nqf_4":            {"Техникалық және кәсіптік білім: орта буын маманы", "Техническое и профессиональное образование: специалист среднего звена", "Technical and vocational education: mid-level specialist"},
	"nqf_5":            {"Орта білімнен кейінгі білім: қолданбалы бакалавр", "Послесреднее образование: прикладной бакалавр", "Post-secondary education: applied bachelor"},
	"nqf_6":            {"Жоғары білім: бакалавр", "Высшее образование: бакалавр", "Higher education: bachelor"},
	"nqf_7":            {"Жоғары оқу орнынан кейінгі білім: магистр, резидентура", "Послевузовское образование: магистр, резидентура", "Postgraduate education: master, residency"},
	"nqf_8":            {"Докторантура: PhD докторы, бейіні бойынша доктор", "Докторантура: доктор PhD, доктор по профилю", "Doctoral education: PhD, professional doctorate"},
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
