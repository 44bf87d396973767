package lang

// The console's pages for the organization's identity (first-run setup and
// editing, area "corg") and for correcting a credential (area "creissue").
const (
	COrgSetupTitle         Key = "corg.setup_title"
	COrgEditTitle          Key = "corg.edit_title"
	COrgSaved              Key = "corg.saved"
	COrgIncomplete         Key = "corg.incomplete"
	CReissueTitle          Key = "creissue.title"
	CReissueDone           Key = "creissue.done"
	COrgImageInfo          Key = "corg.image_info"
	COrgSetupLead          Key = "corg.setup_lead"
	COrgEditLead           Key = "corg.edit_lead"
	COrgNames              Key = "corg.names"
	COrgName               Key = "corg.name"
	COrgHeadName           Key = "corg.head_name"
	COrgHeadTitle          Key = "corg.head_title"
	COrgInKk               Key = "corg.in_kk"
	COrgInRu               Key = "corg.in_ru"
	COrgInEn               Key = "corg.in_en"
	COrgContacts           Key = "corg.contacts"
	COrgUrl                Key = "corg.url"
	COrgEmail              Key = "corg.email"
	COrgDefaultLanguage    Key = "corg.default_language"
	COrgLangKk             Key = "corg.lang_kk"
	COrgLangRu             Key = "corg.lang_ru"
	COrgLangEn             Key = "corg.lang_en"
	COrgImages             Key = "corg.images"
	COrgImagesHint         Key = "corg.images_hint"
	COrgLogo               Key = "corg.logo"
	COrgSeal               Key = "corg.seal"
	COrgSignature          Key = "corg.signature"
	COrgCurrent            Key = "corg.current"
	COrgNone               Key = "corg.none"
	COrgRemoveImage        Key = "corg.remove_image"
	COrgScale              Key = "corg.scale"
	COrgScaleHint          Key = "corg.scale_hint"
	COrgLetter             Key = "corg.letter"
	COrgMin                Key = "corg.min"
	COrgMax                Key = "corg.max"
	COrgPass               Key = "corg.pass"
	COrgSave               Key = "corg.save"
	COrgFix                Key = "corg.fix"
	COrgScaleInvalid       Key = "corg.scale_invalid"
	CReissueLead           Key = "creissue.lead"
	CReissueOriginal       Key = "creissue.original"
	CReissueNumber         Key = "creissue.number"
	CReissueBook           Key = "creissue.book"
	CReissueHolder         Key = "creissue.holder"
	CReissueStatus         Key = "creissue.status"
	CReissueFamilyName     Key = "creissue.family_name"
	CReissueGivenName      Key = "creissue.given_name"
	CReissuePatronymic     Key = "creissue.patronymic"
	CReissueDateFrom       Key = "creissue.date_from"
	CReissueDateTo         Key = "creissue.date_to"
	CReissueDecisionDate   Key = "creissue.decision_date"
	CReissueLanguage       Key = "creissue.language"
	CReissueDepartment     Key = "creissue.department"
	CReissuePosition       Key = "creissue.position"
	CReissueIin            Key = "creissue.iin"
	CReissueEmail          Key = "creissue.email"
	CReissueKeptHint       Key = "creissue.kept_hint"
	CReissueGrades         Key = "creissue.grades"
	CReissueReason         Key = "creissue.reason"
	CReissueReasonHint     Key = "creissue.reason_hint"
	CReissueSubmit         Key = "creissue.submit"
	CReissueConfirm        Key = "creissue.confirm"
	CReissueReplaced       Key = "creissue.replaced"
	CReissueReissueOf      Key = "creissue.reissue_of"
	CReissuePublicPage     Key = "creissue.public_page"
	CReissueFix            Key = "creissue.fix"
	CReissueNothingChanged Key = "creissue.nothing_changed"
	CReissueNoProgram      Key = "creissue.no_program"
)

var consoleOrgMessages = map[Key]Message{
	COrgSetupTitle:         {KK: "Алғашқы баптау: ұйым", RU: "Первая настройка: организация", EN: "First-run setup: the organization"},
	COrgSetupLead:          {KK: "Сертификаттарда басылатын ұйым деректерін толтырыңыз. Олар толық болмайынша ештеңе берілмейді.", RU: "Заполните данные организации, которые печатаются в сертификатах. Пока они не заполнены полностью, выдача невозможна.", EN: "Fill in the organization's identity printed on every certificate. Nothing can be issued until it is complete."},
	COrgEditTitle:          {KK: "Ұйым", RU: "Организация", EN: "Organization"},
	COrgEditLead:           {KK: "Өзгерістер бұдан кейін берілетін сертификаттарға және барлық даналарға екі секунд ішінде қолданылады.", RU: "Изменения применяются к сертификатам, выпускаемым с этого момента, на всех экземплярах в течение двух секунд.", EN: "Changes apply to certificates issued from now on, on every instance within two seconds."},
	COrgSaved:              {KK: "Ұйым деректері сақталды", RU: "Данные организации сохранены", EN: "The organization's identity is saved"},
	COrgIncomplete:         {KK: "Толтыру қажет: %[1]s", RU: "Нужно заполнить: %[1]s", EN: "Still to fill in: %[1]s"},
	COrgNames:              {KK: "Атаулары", RU: "Наименования", EN: "Names"},
	COrgName:               {KK: "Ұйымның атауы", RU: "Наименование организации", EN: "Organization's name"},
	COrgHeadName:           {KK: "Басшының аты-жөні", RU: "ФИО руководителя", EN: "Head's name"},
	COrgHeadTitle:          {KK: "Басшының лауазымы", RU: "Должность руководителя", EN: "Head's title"},
	COrgInKk:               {KK: "қазақша", RU: "на казахском", EN: "in Kazakh"},
	COrgInRu:               {KK: "орысша", RU: "на русском", EN: "in Russian"},
	COrgInEn:               {KK: "ағылшынша", RU: "на английском", EN: "in English"},
	COrgContacts:           {KK: "Байланыс", RU: "Контакты", EN: "Contacts"},
	COrgUrl:                {KK: "Веб-сайт", RU: "Веб-сайт", EN: "Web site"},
	COrgEmail:              {KK: "Электрондық пошта", RU: "Электронная почта", EN: "E-mail"},
	COrgDefaultLanguage:    {KK: "Әдепкі тіл", RU: "Язык по умолчанию", EN: "Default language"},
	COrgLangKk:             {KK: "Қазақ тілі", RU: "Казахский", EN: "Kazakh"},
	COrgLangRu:             {KK: "Орыс тілі", RU: "Русский", EN: "Russian"},
	COrgLangEn:             {KK: "Ағылшын тілі", RU: "Английский", EN: "English"},
	COrgImages:             {KK: "Суреттер", RU: "Изображения", EN: "Images"},
	COrgImageInfo:          {KK: "%[1]d×%[2]d пиксель · %[3]d КБ", RU: "%[1]d×%[2]d пикс. · %[3]d КБ", EN: "%[1]d×%[2]d pixels · %[3]d KB"},
	COrgImagesHint:         {KK: "PNG немесе JPG, 1 МБ-қа дейін, әр жағы 16–2000 пиксель.", RU: "PNG или JPG, до 1 МБ, каждая сторона от 16 до 2000 пикселей.", EN: "PNG or JPG, up to 1 MB, each side 16 to 2000 pixels."},
	COrgLogo:               {KK: "Логотип", RU: "Логотип", EN: "Logo"},
	COrgSeal:               {KK: "Мөр", RU: "Печать", EN: "Seal"},
	COrgSignature:          {KK: "Басшының қолтаңбасы", RU: "Подпись руководителя", EN: "Head's signature"},
	COrgCurrent:            {KK: "Қазіргі", RU: "Текущее", EN: "Current"},
	COrgNone:               {KK: "жоқ", RU: "нет", EN: "none"},
	COrgRemoveImage:        {KK: "Өшіру", RU: "Удалить", EN: "Remove"},
	COrgScale:              {KK: "Бағалау шкаласы", RU: "Шкала оценок", EN: "Grade scale"},
	COrgScaleHint:          {KK: "Жоғарыдан төменге; бос жол ескерілмейді.", RU: "Сверху вниз; пустые строки не учитываются.", EN: "Highest first; empty rows are ignored."},
	COrgLetter:             {KK: "Әріп", RU: "Буква", EN: "Letter"},
	COrgMin:                {KK: "Ең аз, %", RU: "От, %", EN: "From, %"},
	COrgMax:                {KK: "Ең көп, %", RU: "До, %", EN: "To, %"},
	COrgPass:               {KK: "Өту", RU: "Зачёт", EN: "Passing"},
	COrgSave:               {KK: "Сақтау", RU: "Сохранить", EN: "Save"},
	COrgFix:                {KK: "Белгіленген өрістерді түзетіңіз.", RU: "Исправьте отмеченные поля.", EN: "Correct the marked fields."},
	COrgScaleInvalid:       {KK: "%[1]d-жол: пайыздар 0–100 сандары болуы керек", RU: "строка %[1]d: проценты должны быть числами от 0 до 100", EN: "row %[1]d: the percents must be numbers from 0 to 100"},
	CReissueTitle:          {KK: "Түзету және қайта беру", RU: "Исправление и повторный выпуск", EN: "Correct and reissue"},
	CReissueLead:           {KK: "Қате деректерді түзетіңіз. Жаңа сертификат жаңа нөмірмен беріледі, ескісі «ауыстырылды» деп кері қайтарылады; екеуі де тізілімде қалады.", RU: "Исправьте неверные данные. Будет выпущен новый сертификат с новыми номерами, старый будет отозван как «заменён»; оба останутся в реестре.", EN: "Correct what is wrong. A new certificate is issued with new numbers and the old one is revoked as replaced; both stay in the registry."},
	CReissueOriginal:       {KK: "Түзетілетін сертификат", RU: "Исправляемый сертификат", EN: "Certificate to correct"},
	CReissueNumber:         {KK: "Сертификат №", RU: "Сертификат №", EN: "Certificate No."},
	CReissueBook:           {KK: "Кітаптағы тіркеу №", RU: "Рег. № в книге", EN: "Book registration No."},
	CReissueHolder:         {KK: "Иесі", RU: "Владелец", EN: "Holder"},
	CReissueStatus:         {KK: "Мәртебесі", RU: "Статус", EN: "Status"},
	CReissueFamilyName:     {KK: "Тегі", RU: "Фамилия", EN: "Family name"},
	CReissueGivenName:      {KK: "Аты", RU: "Имя", EN: "Given name"},
	CReissuePatronymic:     {KK: "Әкесінің аты", RU: "Отчество", EN: "Patronymic"},
	CReissueDateFrom:       {KK: "Оқудың басталуы", RU: "Начало обучения", EN: "Study from"},
	CReissueDateTo:         {KK: "Оқудың аяқталуы", RU: "Окончание обучения", EN: "Study to"},
	CReissueDecisionDate:   {KK: "Комиссия шешімінің күні", RU: "Дата решения комиссии", EN: "Commission's decision date"},
	CReissueLanguage:       {KK: "Сертификат тілі", RU: "Язык сертификата", EN: "Certificate language"},
	CReissueDepartment:     {KK: "Бөлім", RU: "Подразделение", EN: "Department"},
	CReissuePosition:       {KK: "Лауазымы", RU: "Должность", EN: "Position"},
	CReissueIin:            {KK: "ЖСН (жаңасы ғана)", RU: "ИИН (только новый)", EN: "IIN (only a new one)"},
	CReissueEmail:          {KK: "Эл. пошта (жаңасы ғана)", RU: "Эл. почта (только новая)", EN: "E-mail (only a new one)"},
	CReissueKeptHint:       {KK: "ЖСН мен пошта сертификатта тек хэш түрінде сақталады: бос қалдырсаңыз, бұрынғысы сақталады.", RU: "ИИН и почта хранятся в сертификате только в виде хэша: если оставить поле пустым, сохранится прежнее значение.", EN: "The IIN and e-mail are kept in the certificate only as hashes: left empty, the previous ones carry over."},
	CReissueGrades:         {KK: "Бағалар", RU: "Оценки", EN: "Grades"},
	CReissueReason:         {KK: "Түзету себебі", RU: "Причина исправления", EN: "Reason for the correction"},
	CReissueReasonHint:     {KK: "Аудит журналында сақталады.", RU: "Сохраняется в журнале аудита.", EN: "Kept in the audit trail."},
	CReissueSubmit:         {KK: "Түзетіп қайта беру", RU: "Исправить и выпустить заново", EN: "Correct and reissue"},
	CReissueConfirm:        {KK: "Ескі сертификат кері қайтарылады. Жалғастырасыз ба?", RU: "Старый сертификат будет отозван. Продолжить?", EN: "The old certificate will be revoked. Go on?"},
	CReissueDone:           {KK: "Түзетілген сертификат берілді, ескісі кері қайтарылды", RU: "Исправленный сертификат выпущен, старый отозван", EN: "The corrected certificate is issued; the old one is revoked"},
	CReissueReplaced:       {KK: "Бұл сертификат бұрын ауыстырылған:", RU: "Этот сертификат уже заменён:", EN: "This certificate was already replaced by:"},
	CReissueReissueOf:      {KK: "Бұл — мына сертификаттың түзетілген нұсқасы:", RU: "Это исправленный выпуск взамен:", EN: "This is the corrected reissue of:"},
	CReissuePublicPage:     {KK: "Ашық бет", RU: "Публичная страница", EN: "Public page"},
	CReissueFix:            {KK: "Белгіленген өрістерді түзетіңіз.", RU: "Исправьте отмеченные поля.", EN: "Correct the marked fields."},
	CReissueNothingChanged: {KK: "Ештеңе өзгертілмеген: түзетілетін өрісті өзгертіңіз.", RU: "Ничего не изменено: измените поле, которое нужно исправить.", EN: "Nothing was changed: change the field to correct."},
	CReissueNoProgram:      {KK: "Бағдарлама табылмады", RU: "Программа не найдена", EN: "The program was not found"},
}
