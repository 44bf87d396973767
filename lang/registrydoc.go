package lang

// The registry's own documents (package programdoc): the program's title
// page (App. В of the Satbayev regulation), the explanatory note with its
// content table (App. Г) and the application for entry into the registry
// (App. Д); and what is wrong with the fields they need
// (credential.Program.Validate).
const (
	RegdocOrgCaption      Key = "regdoc.org_caption"
	RegdocApprove         Key = "regdoc.approve"
	RegdocHead            Key = "regdoc.head"
	RegdocSign            Key = "regdoc.sign"
	RegdocFullName        Key = "regdoc.full_name"
	RegdocDateLine        Key = "regdoc.date_line"
	RegdocDate            Key = "regdoc.date"
	RegdocTitleDoc        Key = "regdoc.title_doc"
	RegdocTitleHeading    Key = "regdoc.title_heading"
	RegdocNameCaption     Key = "regdoc.name_caption"
	RegdocHoursCredits    Key = "regdoc.hours_credits"
	RegdocDevelopers      Key = "regdoc.developers"
	RegdocRegNo           Key = "regdoc.regno"
	RegdocNoteDoc         Key = "regdoc.note_doc"
	RegdocNoteHeading     Key = "regdoc.note_heading"
	RegdocDescription     Key = "regdoc.description"
	RegdocCompetencies    Key = "regdoc.competencies"
	RegdocPrerequisites   Key = "regdoc.prerequisites"
	RegdocPostrequisites  Key = "regdoc.postrequisites"
	RegdocEquipment       Key = "regdoc.equipment"
	RegdocContacts        Key = "regdoc.contacts"
	RegdocTeacherName     Key = "regdoc.teacher_name"
	RegdocPhone           Key = "regdoc.phone"
	RegdocEmail           Key = "regdoc.email"
	RegdocContentHeading  Key = "regdoc.content_heading"
	RegdocColOutcomes     Key = "regdoc.col_outcomes"
	RegdocColCriteria     Key = "regdoc.col_criteria"
	RegdocColTotal        Key = "regdoc.col_total"
	RegdocColOfWhich      Key = "regdoc.col_of_which"
	RegdocColTheory       Key = "regdoc.col_theory"
	RegdocColPractice     Key = "regdoc.col_practice"
	RegdocColIndividual   Key = "regdoc.col_individual"
	RegdocColWithTeacher  Key = "regdoc.col_with_teacher"
	RegdocColSelfStudy    Key = "regdoc.col_self_study"
	RegdocColLessonType   Key = "regdoc.col_lesson_type"
	RegdocTotalRow        Key = "regdoc.total_row"
	RegdocAppDoc          Key = "regdoc.app_doc"
	RegdocAppAnnex        Key = "regdoc.app_annex"
	RegdocAppHeading      Key = "regdoc.app_heading"
	RegdocAppOrg          Key = "regdoc.app_org"
	RegdocAppName         Key = "regdoc.app_name"
	RegdocAppGoal         Key = "regdoc.app_goal"
	RegdocAppGoalHint     Key = "regdoc.app_goal_hint"
	RegdocAppForm         Key = "regdoc.app_form"
	RegdocAppNQF          Key = "regdoc.app_nqf"
	RegdocAppAccred       Key = "regdoc.app_accreditation"
	RegdocAppAccredHint   Key = "regdoc.app_accreditation_hint"
	RegdocAppWorkload     Key = "regdoc.app_workload"
	RegdocAppLanguage     Key = "regdoc.app_language"
	RegdocAppStandard     Key = "regdoc.app_standard"
	RegdocAppStandardHint Key = "regdoc.app_standard_hint"
	RegdocAppOutcomes     Key = "regdoc.app_outcomes"
	RegdocWorkload        Key = "regdoc.workload"
	RegdocWorkloadHours   Key = "regdoc.workload_hours"
	RegdocAccredNone      Key = "regdoc.accreditation_none"
	RegdocAccredInst      Key = "regdoc.accreditation_institutional"
	RegdocAccredProg      Key = "regdoc.accreditation_programmatic"
	RegdocAccredIntl      Key = "regdoc.accreditation_international"
	RegdocAccredNumber    Key = "regdoc.accreditation_number"
	RegdocAccredUntil     Key = "regdoc.accreditation_until"
	RegdocFormFullTime    Key = "regdoc.form_full_time"
	RegdocFormDistance    Key = "regdoc.form_distance"
	RegdocFormBlended     Key = "regdoc.form_blended"
	RegdocFormDual        Key = "regdoc.form_dual"
	RegdocFormOnline      Key = "regdoc.form_online"
	RegdocFormInternship  Key = "regdoc.form_internship"
	RegdocFormSelfStudy   Key = "regdoc.form_self_study"
	RegdocFormEvent       Key = "regdoc.form_internal_event"
	RegdocLangKK          Key = "regdoc.lang_kk"
	RegdocLangRU          Key = "regdoc.lang_ru"
	RegdocLangEN          Key = "regdoc.lang_en"

	RegdocErrLang              Key = "regdoc.err_lang"
	RegdocErrTooMany           Key = "regdoc.err_too_many"
	RegdocErrNoneWithAgency    Key = "regdoc.err_none_with_agency"
	RegdocErrAgency            Key = "regdoc.err_agency"
	RegdocErrAccreditationKind Key = "regdoc.err_accreditation_kind"
	RegdocErrDate              Key = "regdoc.err_date"
	RegdocErrTeacherName       Key = "regdoc.err_teacher_name"
	RegdocErrPhone             Key = "regdoc.err_phone"
	RegdocErrEmail             Key = "regdoc.err_email"
	RegdocErrOutcome           Key = "regdoc.err_outcome"
	RegdocErrCompetency        Key = "regdoc.err_competency"
	RegdocErrRowHours          Key = "regdoc.err_row_hours"
	RegdocErrRowNoHours        Key = "regdoc.err_row_no_hours"
	RegdocErrTotal             Key = "regdoc.err_total"
	RegdocErrDocument          Key = "regdoc.err_document"
)

// RegdocForm is the key of a form of study's name in the registry's
// documents (credential.Program.FormOfStudy).
func RegdocForm(code string) Key { return Key("regdoc.form_" + code) }

// RegdocAccreditation is the key of an accreditation kind's name.
func RegdocAccreditation(kind string) Key { return Key("regdoc.accreditation_" + kind) }

var regdocMessages = map[Key]Message{
	RegdocOrgCaption: {
		KK: "(білім беру ұйымының немесе басқа провайдердің атауы)",
		RU: "(наименование организации образования или другого провайдера)",
		EN: "(name of the education organization or other provider)"},
	RegdocApprove:  {KK: "«БЕКІТЕМІН»", RU: "«УТВЕРЖДАЮ»", EN: "“APPROVED”"},
	RegdocHead:     {KK: "Жетекші", RU: "Руководитель", EN: "Head"},
	RegdocSign:     {KK: "(қолы)", RU: "(подпись)", EN: "(signature)"},
	RegdocFullName: {KK: "(Т.А.Ә.)", RU: "(Ф.И.О.)", EN: "(full name)"},
	RegdocDateLine: {KK: "« ____ » ____________ 20____ ж.", RU: "« ____ » ____________ 20____ г.", EN: "“ ____ ” ____________ 20____"},
	RegdocDate:     {KK: "Күні: %[1]s", RU: "Дата: %[1]s", EN: "Date: %[1]s"},
	RegdocTitleDoc: {KK: "Микробіліктілік бағдарламасының титулдық парағы", RU: "Титульный лист программы микроквалификации", EN: "Title page of the microqualification program"},
	RegdocTitleHeading: {
		KK: "Микробіліктілік бағдарламасын меңгеру курсының оқу бағдарламасы",
		RU: "Учебная программа курса освоения программы микроквалификации",
		EN: "Curriculum of the course of the microqualification program"},
	RegdocNameCaption:    {KK: "(микробіліктілік атауы)", RU: "(наименование микроквалификации)", EN: "(name of the microqualification)"},
	RegdocHoursCredits:   {KK: "Жалпы сағат саны %[1]s, академиялық кредиттер %[2]s", RU: "Общее количество часов %[1]s, академических кредитов %[2]s", EN: "Total hours %[1]s, academic credits %[2]s"},
	RegdocDevelopers:     {KK: "Дайындаушы(-лар)", RU: "Разработчик(-и)", EN: "Developer(s)"},
	RegdocRegNo:          {KK: "Тіркеу нөмірі: %[1]s, нұсқасы %[2]d", RU: "Регистрационный номер: %[1]s, версия %[2]d", EN: "Registration number: %[1]s, version %[2]d"},
	RegdocNoteDoc:        {KK: "Бағдарламаға түсіндірме жазба", RU: "Пояснительная записка к программе", EN: "Explanatory note to the program"},
	RegdocNoteHeading:    {KK: "Бағдарламаға түсіндірме жазба", RU: "Пояснительная записка к программе", EN: "Explanatory note to the program"},
	RegdocDescription:    {KK: "Курс сипаттамасы", RU: "Описание курса", EN: "Course description"},
	RegdocCompetencies:   {KK: "Қалыптасатын құзыреттер", RU: "Формируемые компетенции", EN: "Competencies formed"},
	RegdocPrerequisites:  {KK: "Пререквизиттер", RU: "Пререквизиты", EN: "Prerequisites"},
	RegdocPostrequisites: {KK: "Постреквизиттер", RU: "Постреквизиты", EN: "Postrequisites"},
	RegdocEquipment:      {KK: "Қажетті оқу құралдары, жабдықтар", RU: "Необходимые учебные пособия, оборудование", EN: "Teaching materials and equipment needed"},
	RegdocContacts:       {KK: "Педагогтің (-тердің) байланыс ақпараты:", RU: "Контактная информация педагога (-ов):", EN: "Contact information of the teacher(s):"},
	RegdocTeacherName:    {KK: "Тегі, аты, әкесінің аты (бар болса)", RU: "Фамилия, имя, отчество (при наличии)", EN: "Family name, given name, patronymic (if any)"},
	RegdocPhone:          {KK: "тел.:", RU: "тел.:", EN: "tel.:"},
	RegdocEmail:          {KK: "электрондық пошта:", RU: "эл. почта:", EN: "e-mail:"},
	RegdocContentHeading: {
		KK: "Микробіліктілікті меңгеру курсының оқу бағдарламасының мазмұны",
		RU: "Содержание учебной программы курса освоения микроквалификации",
		EN: "Content of the curriculum of the microqualification course"},
	RegdocColOutcomes:    {KK: "Оқу нәтижелері", RU: "Результаты обучения", EN: "Learning outcomes"},
	RegdocColCriteria:    {KK: "Бағалау критерийлері", RU: "Критерии оценивания", EN: "Assessment criteria"},
	RegdocColTotal:       {KK: "Барлық сағат саны", RU: "Всего часов", EN: "Total hours"},
	RegdocColOfWhich:     {KK: "Олардың ішінде", RU: "Из них", EN: "Of which"},
	RegdocColTheory:      {KK: "Теориялық", RU: "Теоретические", EN: "Theory"},
	RegdocColPractice:    {KK: "Зертханалық-практикалық", RU: "Лабораторно-практические", EN: "Laboratory and practical"},
	RegdocColIndividual:  {KK: "Жеке", RU: "Индивидуальные", EN: "Individual"},
	RegdocColWithTeacher: {KK: "Студенттің педагогпен өздік жұмысы", RU: "Самостоятельная работа студента с педагогом", EN: "Student's work with the teacher"},
	RegdocColSelfStudy:   {KK: "Студенттің өздік жұмысы", RU: "Самостоятельная работа студента", EN: "Student's self-study"},
	RegdocColLessonType:  {KK: "Сабақ түрі", RU: "Вид занятий", EN: "Type of lessons"},
	RegdocTotalRow:       {KK: "Жалпы сағат саны", RU: "Общее количество часов", EN: "Total hours"},
	RegdocAppDoc:         {KK: "Білім беру бағдарламаларының тізіліміне енгізу үшін өтінім", RU: "Заявка на включение в реестр образовательных программ", EN: "Application for entry into the register of educational programs"},
	RegdocAppAnnex: {
		KK: "Микробіліктілік бағдарламаларын әзірлеу, іске асыру және тану жөніндегі әдістемелік ұсынымдарға қосымша",
		RU: "Приложение к методическим рекомендациям по разработке, реализации и признанию программ микроквалификаций",
		EN: "Annex to the methodological recommendations on developing, delivering and recognizing microqualification programs"},
	RegdocAppHeading: {KK: "Білім беру бағдарламаларының тізіліміне енгізу үшін өтінім", RU: "Заявка на включение в реестр образовательных программ", EN: "Application for entry into the register of educational programs"},
	RegdocAppOrg: {
		KK: "Жоғары және/немесе жоғары оқу орнынан кейінгі білім беру ұйымының атауы",
		RU: "Наименование организации высшего и (или) послевузовского образования",
		EN: "Name of the higher and/or postgraduate education organization"},
	RegdocAppName: {KK: "Микробіліктілік бағдарламасының атауы", RU: "Наименование программы микроквалификации", EN: "Name of the microqualification program"},
	RegdocAppGoal: {KK: "Бағдарламаның мақсаты", RU: "Цель программы", EN: "Goal of the program"},
	RegdocAppGoalHint: {
		KK: "(білім алушылар алатын оқу нәтижелерін қысқаша, нақты және синергетикалық түрде біріктіру ұсынылады)",
		RU: "(рекомендуется кратко, конкретно и синергетически объединить результаты обучения, которые получат обучающиеся)",
		EN: "(a short, concrete and synergetic summary of the learning outcomes the learners will gain is recommended)"},
	RegdocAppForm:   {KK: "Оқыту нысаны (офлайн және / немесе онлайн)", RU: "Форма обучения (офлайн и (или) онлайн)", EN: "Form of study (offline and/or online)"},
	RegdocAppNQF:    {KK: "Ұлттық біліктілік шеңбері бойынша деңгейі", RU: "Уровень по Национальной рамке квалификаций", EN: "Level of the National Qualifications Framework"},
	RegdocAppAccred: {KK: "Аккредиттеудің болуы", RU: "Наличие аккредитации", EN: "Accreditation"},
	RegdocAppAccredHint: {
		KK: "(аккредиттеудің болуы және түрі көрсетіледі: ұлттық институционалдық және / немесе бағдарламалық аккредиттеу немесе EQAR, ENQA немесе аккредиттеу ұйымдарының ұқсас ресми тізілімдеріне кіретін танылған агенттік берген халықаралық аккредиттеу)",
		RU: "(указываются наличие и вид аккредитации: национальная институциональная и (или) программная аккредитация либо международная аккредитация признанного агентства, входящего в EQAR, ENQA или аналогичные официальные реестры аккредитационных организаций)",
		EN: "(state whether and how the program is accredited: national institutional and/or program accreditation, or international accreditation by a recognized agency listed in EQAR, ENQA or a similar official register of accreditation bodies)"},
	RegdocAppWorkload: {KK: "Жалпы еңбек сыйымдылығы (академиялық кредиттермен немесе сағатпен)", RU: "Общая трудоемкость (в академических кредитах или часах)", EN: "Total workload (in academic credits or hours)"},
	RegdocAppLanguage: {KK: "Оқыту тілі", RU: "Язык обучения", EN: "Language of instruction"},
	RegdocAppStandard: {KK: "Кәсіби стандарт негізінде әзірленген", RU: "Разработана на основе профессионального стандарта", EN: "Developed on the basis of a professional standard"},
	RegdocAppStandardHint: {
		KK: "(бар болса - уәкілетті органмен немесе салалық біліктілік кеңесімен бекітілген нақты кәсіби стандарт көрсетіледі; жоқ болса - «еңбек нарығының өзекті талаптарына және тиісті еңбек функцияларында анықталған біліктіліктерге сәйкес» деп көрсетіледі)",
		RU: "(если есть, указывается конкретный профессиональный стандарт, утвержденный уполномоченным органом или отраслевым советом по квалификациям; если нет, указывается «в соответствии с актуальными требованиями рынка труда и квалификациями, определенными в соответствующих трудовых функциях»)",
		EN: "(if there is one, name the professional standard approved by the authorized body or the sectoral qualifications council; if not, write “in line with the current requirements of the labour market and the qualifications defined in the corresponding labour functions”)"},
	RegdocAppOutcomes:    {KK: "Қалыптасқан оқу нәтижелері", RU: "Формируемые результаты обучения", EN: "Learning outcomes formed"},
	RegdocWorkload:       {KK: "%[1]s академиялық кредит (%[2]s академиялық сағат)", RU: "академических кредитов: %[1]s (академических часов: %[2]s)", EN: "%[1]s academic credits (%[2]s academic hours)"},
	RegdocWorkloadHours:  {KK: "%[1]s академиялық сағат", RU: "академических часов: %[1]s", EN: "%[1]s academic hours"},
	RegdocAccredNone:     {KK: "аккредиттелмеген", RU: "не аккредитована", EN: "not accredited"},
	RegdocAccredInst:     {KK: "ұлттық институционалдық аккредиттеу", RU: "национальная институциональная аккредитация", EN: "national institutional accreditation"},
	RegdocAccredProg:     {KK: "ұлттық бағдарламалық аккредиттеу", RU: "национальная программная аккредитация", EN: "national program accreditation"},
	RegdocAccredIntl:     {KK: "халықаралық аккредиттеу", RU: "международная аккредитация", EN: "international accreditation"},
	RegdocAccredNumber:   {KK: "куәлік № %[1]s", RU: "свидетельство № %[1]s", EN: "certificate no. %[1]s"},
	RegdocAccredUntil:    {KK: "%[1]s дейін", RU: "до %[1]s", EN: "until %[1]s"},
	RegdocFormFullTime:   {KK: "күндізгі (офлайн)", RU: "очная (офлайн)", EN: "full-time (offline)"},
	RegdocFormDistance:   {KK: "қашықтан (онлайн)", RU: "дистанционная (онлайн)", EN: "distance (online)"},
	RegdocFormBlended:    {KK: "аралас (офлайн және онлайн)", RU: "смешанная (офлайн и онлайн)", EN: "blended (offline and online)"},
	RegdocFormDual:       {KK: "дуалды (офлайн)", RU: "дуальная (офлайн)", EN: "dual (offline)"},
	RegdocFormOnline:     {KK: "онлайн", RU: "онлайн", EN: "online"},
	RegdocFormInternship: {KK: "тағылымдама (офлайн)", RU: "стажировка (офлайн)", EN: "internship (offline)"},
	RegdocFormSelfStudy:  {KK: "өздік оқу", RU: "самостоятельное обучение", EN: "self-study"},
	RegdocFormEvent:      {KK: "ішкі іс-шара (офлайн)", RU: "внутреннее мероприятие (офлайн)", EN: "internal event (offline)"},
	RegdocLangKK:         {KK: "қазақ тілі", RU: "казахский", EN: "Kazakh"},
	RegdocLangRU:         {KK: "орыс тілі", RU: "русский", EN: "Russian"},
	RegdocLangEN:         {KK: "ағылшын тілі", RU: "английский", EN: "English"},

	RegdocErrLang:    {KK: "тіл коды kk, ru немесе en болуы керек", RU: "код языка должен быть kk, ru или en", EN: "the language must be kk, ru or en"},
	RegdocErrTooMany: {KK: "ең көбі %[1]d болуы мүмкін, мұнда %[2]d", RU: "допускается не более %[1]d, а здесь %[2]d", EN: "at most %[1]d are allowed, not %[2]d"},
	RegdocErrNoneWithAgency: {
		KK: "«аккредиттелмеген» (none) жазбасында агенттік, нөмір немесе мерзім болмауы керек",
		RU: "у записи «не аккредитована» (none) не должно быть агентства, номера или срока",
		EN: "an accreditation of kind none names no agency, number or date"},
	RegdocErrAgency: {KK: "аккредиттеу агенттігін көрсетіңіз", RU: "укажите аккредитационное агентство", EN: "name the accrediting agency"},
	RegdocErrAccreditationKind: {
		KK: "аккредиттеу түрі none, institutional, programmatic немесе international болуы керек",
		RU: "вид аккредитации должен быть none, institutional, programmatic или international",
		EN: "the kind must be none, institutional, programmatic or international"},
	RegdocErrDate:        {KK: "%[1]s ЖЖЖЖ-АА-КК түріндегі күн болуы керек", RU: "%[1]s должно быть датой в виде ГГГГ-ММ-ДД", EN: "%[1]s must be a date YYYY-MM-DD"},
	RegdocErrTeacherName: {KK: "адамның аты-жөні міндетті", RU: "нужны фамилия и имя", EN: "the person's name is required"},
	RegdocErrPhone: {
		KK: "телефон нөмірінде тек цифрлар, бос орын және + - ( ) болады, кемінде 5 цифр, ең көбі %[1]d таңба",
		RU: "номер телефона состоит из цифр, пробелов и + - ( ), не менее 5 цифр, не более %[1]d знаков",
		EN: "a telephone number holds digits, spaces and + - ( ), at least 5 digits, at most %[1]d characters"},
	RegdocErrEmail:      {KK: "электрондық пошта мекенжайы дұрыс емес", RU: "адрес электронной почты неверен", EN: "not an e-mail address"},
	RegdocErrOutcome:    {KK: "оқу нәтижесінің қазақша мәтіні міндетті", RU: "нужен текст результата обучения на казахском языке", EN: "the learning outcome in Kazakh is required"},
	RegdocErrCompetency: {KK: "бағдарламада %[1]s құзыреті жоқ", RU: "в программе нет компетенции %[1]s", EN: "the program has no competency %[1]s"},
	RegdocErrRowHours:   {KK: "сағат саны 0 мен %[1]d аралығында болуы керек", RU: "число часов должно быть от 0 до %[1]d", EN: "hours must be between 0 and %[1]d"},
	RegdocErrRowNoHours: {KK: "мазмұн жолында сағат көрсетілмеген", RU: "в строке содержания не указаны часы", EN: "the content row has no hours"},
	RegdocErrTotal: {
		KK: "мазмұн кестесінде барлығы %[1]s сағат, ал бағдарламада %[2]s сағат",
		RU: "в таблице содержания часов всего %[1]s, а в программе %[2]s",
		EN: "the content rows total %[1]s hours, the program has %[2]s"},
	RegdocErrDocument: {
		KK: "құжат title, note немесе application болуы керек",
		RU: "документ должен быть title, note или application",
		EN: "the document must be title, note or application"},
}
