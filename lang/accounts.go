package lang

// Staff accounts: the sign-in, password setup and console pages. The
// templates read them without the "account." prefix ({{.T.email}}).
const (
	AccountConsoleTitle    Key = "account.console_title"
	AccountLoginTitle      Key = "account.login_title"
	AccountEmail           Key = "account.email"
	AccountPassword        Key = "account.password"
	AccountPassword2       Key = "account.password2"
	AccountSignIn          Key = "account.sign_in"
	AccountSignInWith      Key = "account.sign_in_with"
	AccountOr              Key = "account.or"
	AccountSignOut         Key = "account.sign_out"
	AccountSignedInAs      Key = "account.signed_in_as"
	AccountName            Key = "account.name"
	AccountRole            Key = "account.role"
	AccountDepartment      Key = "account.department"
	AccountSessionUntil    Key = "account.session_until"
	AccountSetupTitle      Key = "account.setup_title"
	AccountSetupLead       Key = "account.setup_lead"
	AccountSavePassword    Key = "account.save_password"
	AccountRoleAdmin       Key = "account.role_admin"
	AccountRoleRegistrar   Key = "account.role_registrar"
	AccountRoleCoordinator Key = "account.role_coordinator"
	AccountRoleViewer      Key = "account.role_viewer"
	AccountErrLogin        Key = "account.err_login"
	AccountErrThrottled    Key = "account.err_throttled"
	AccountErrLink         Key = "account.err_link"
	AccountErrMismatch     Key = "account.err_mismatch"
	AccountErrTooShort     Key = "account.err_too_short"
	AccountErrTooLong      Key = "account.err_too_long"
	AccountErrCommon       Key = "account.err_common"
	AccountErrIsLogin      Key = "account.err_is_login"
	AccountErrEmail        Key = "account.err_email"
	AccountErrRequired     Key = "account.err_required"
	AccountErrGeneric      Key = "account.err_generic"
	AccountErrSso          Key = "account.err_sso"
	AccountErrNotAdmitted  Key = "account.err_not_admitted"
)

var accountMessages = map[Key]Message{
	AccountConsoleTitle: {
		KK: "Басқару панелі",
		RU: "Панель управления",
		EN: "Console"},
	AccountLoginTitle: {
		KK: "Қызметкерлердің кіруі",
		RU: "Вход для сотрудников",
		EN: "Staff sign-in"},
	AccountEmail: {
		KK: "Электрондық пошта",
		RU: "Электронная почта",
		EN: "E-mail"},
	AccountPassword: {
		KK: "Құпиясөз",
		RU: "Пароль",
		EN: "Password"},
	AccountPassword2: {
		KK: "Құпиясөзді қайталаңыз",
		RU: "Повторите пароль",
		EN: "Repeat the password"},
	AccountSignIn: {
		KK: "Кіру",
		RU: "Войти",
		EN: "Sign in"},
	AccountSignInWith: {
		KK: "%[1]s арқылы кіру",
		RU: "Войти через %[1]s",
		EN: "Sign in with %[1]s"},
	AccountOr: {
		KK: "немесе",
		RU: "или",
		EN: "or"},
	AccountSignOut: {
		KK: "Шығу",
		RU: "Выйти",
		EN: "Sign out"},
	AccountSignedInAs: {
		KK: "Сіз кірдіңіз",
		RU: "Вы вошли как",
		EN: "Signed in as"},
	AccountName: {
		KK: "Аты-жөні",
		RU: "Имя",
		EN: "Name"},
	AccountRole: {
		KK: "Рөлі",
		RU: "Роль",
		EN: "Role"},
	AccountDepartment: {
		KK: "Бөлімше",
		RU: "Подразделение",
		EN: "Department"},
	AccountSessionUntil: {
		KK: "Сеанс аяқталады",
		RU: "Сеанс завершится",
		EN: "Session ends"},
	AccountSetupTitle: {
		KK: "Құпиясөзді орнату",
		RU: "Установка пароля",
		EN: "Set your password"},
	AccountSetupLead: {
		KK: "Кемінде 12 таңбадан тұратын және басқа жерде қолданылмайтын құпиясөз ойлап табыңыз.",
		RU: "Придумайте пароль не короче 12 символов, который вы больше нигде не используете.",
		EN: "Choose a password of at least 12 characters that you use nowhere else."},
	AccountSavePassword: {
		KK: "Сақтау және кіру",
		RU: "Сохранить и войти",
		EN: "Save and sign in"},
	AccountRoleAdmin: {
		KK: "Әкімші",
		RU: "Администратор",
		EN: "Administrator"},
	AccountRoleRegistrar: {
		KK: "Тіркеуші",
		RU: "Регистратор",
		EN: "Registrar"},
	AccountRoleCoordinator: {
		KK: "Үйлестіруші",
		RU: "Координатор",
		EN: "Coordinator"},
	AccountRoleViewer: {
		KK: "Бақылаушы",
		RU: "Наблюдатель",
		EN: "Viewer"},
	AccountErrLogin: {
		KK: "Электрондық пошта немесе құпиясөз қате.",
		RU: "Неверная электронная почта или пароль.",
		EN: "Wrong e-mail address or password."},
	AccountErrThrottled: {
		KK: "Сәтсіз әрекеттер тым көп. Бірнеше минуттан кейін қайталаңыз.",
		RU: "Слишком много неудачных попыток. Повторите через несколько минут.",
		EN: "Too many failed attempts. Try again in a few minutes."},
	AccountErrLink: {
		KK: "Сілтеме белгісіз, пайдаланылған немесе мерзімі өткен. Әкімшіден жаңасын сұраңыз.",
		RU: "Ссылка неизвестна, уже использована или устарела. Попросите у администратора новую.",
		EN: "This link is unknown, already used or expired. Ask an administrator for a new one."},
	AccountErrMismatch: {
		KK: "Құпиясөздер сәйкес келмейді.",
		RU: "Пароли не совпадают.",
		EN: "The passwords do not match."},
	AccountErrTooShort: {
		KK: "Құпиясөз кемінде 12 таңбадан тұруы керек.",
		RU: "Пароль должен содержать не менее 12 символов.",
		EN: "The password needs at least 12 characters."},
	AccountErrTooLong: {
		KK: "Енгізілген мән тым ұзын.",
		RU: "Введённое значение слишком длинное.",
		EN: "What you typed is too long."},
	AccountErrCommon: {
		KK: "Бұл құпиясөз тым кең таралған: басқасын таңдаңыз.",
		RU: "Этот пароль слишком распространён: выберите другой.",
		EN: "This password is too common: choose another."},
	AccountErrIsLogin: {
		KK: "Құпиясөз электрондық пошта мекенжайымен бірдей болмауы керек.",
		RU: "Пароль не должен совпадать с адресом электронной почты.",
		EN: "The password must not be your e-mail address."},
	AccountErrEmail: {
		KK: "Электрондық пошта мекенжайы дұрыс емес.",
		RU: "Адрес электронной почты указан неверно.",
		EN: "The e-mail address is not valid."},
	AccountErrRequired: {
		KK: "Барлық өрістерді толтырыңыз.",
		RU: "Заполните все поля.",
		EN: "Fill in every field."},
	AccountErrGeneric: {
		KK: "Кіру мүмкін болмады. Қайталап көріңіз.",
		RU: "Войти не удалось. Попробуйте ещё раз.",
		EN: "Signing in failed. Try again."},
	AccountErrSso: {
		KK: "Бірыңғай кіру арқылы кіру мүмкін болмады. Қайта бастаңыз.",
		RU: "Не удалось войти через единый вход. Начните заново.",
		EN: "Single sign-on did not complete. Start again."},
	AccountErrNotAdmitted: {
		KK: "Бұл есептік жазбаға кіруге рұқсат жоқ. Әкімшіге хабарласыңыз.",
		RU: "Для этой учётной записи вход не разрешён. Обратитесь к администратору.",
		EN: "This account is not allowed in. Ask an administrator."},
}
