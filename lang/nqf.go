package lang

// The page of Kazakhstan's National Qualifications Framework
// (/frameworks/nqf-kz). Its template reads them as {{.N.title}}, and the
// levels as nqf.1 … nqf.8.
const (
	NQFTitle Key = "nqf.title"
	NQFLead  Key = "nqf.lead"
	NQFLevel Key = "nqf.level"
	NQFDesc  Key = "nqf.desc"
	NQF1     Key = "nqf.1"
	NQF2     Key = "nqf.2"
	NQF3     Key = "nqf.3"
	NQF4     Key = "nqf.4"
	NQF5     Key = "nqf.5"
	NQF6     Key = "nqf.6"
	NQF7     Key = "nqf.7"
	NQF8     Key = "nqf.8"
)

var nqfMessages = map[Key]Message{
	NQFTitle: {
		KK: "Қазақстан Республикасының Ұлттық біліктілік шеңбері",
		RU: "Национальная рамка квалификаций Республики Казахстан",
		EN: "National Qualifications Framework of the Republic of Kazakhstan"},
	NQFLead: {
		KK: "Куәліктердегі ҰБШ деңгейі осы шеңбердің деңгейін білдіреді. Әр деңгейдің осы беттегі сілтемесі бар.",
		RU: "Уровень НРК в сертификатах означает уровень этой рамки. У каждого уровня есть ссылка на этой странице.",
		EN: "The \u201cNQF\u201d level in credentials is a level of this framework. Each level has its own link on this page."},
	NQFLevel: {
		KK: "Деңгей",
		RU: "Уровень",
		EN: "Level"},
	NQFDesc: {
		KK: "Білім беру деңгейі",
		RU: "Уровень образования",
		EN: "Level of education"},
	NQF1: {
		KK: "Негізгі орта білім деңгейіндегі бастапқы дағдылар",
		RU: "Начальные навыки на уровне основного среднего образования",
		EN: "Entry skills at the level of basic secondary education"},
	NQF2: {
		KK: "Жалпы орта білім, қарапайым кәсіптік дағдылар",
		RU: "Общее среднее образование, простые профессиональные навыки",
		EN: "General secondary education, simple occupational skills"},
	NQF3: {
		KK: "Техникалық және кәсіптік білім: жұмысшы біліктілігі",
		RU: "Техническое и профессиональное образование: рабочая квалификация",
		EN: "Technical and vocational education: skilled worker"},
	NQF4: {
		KK: "Техникалық және кәсіптік білім: орта буын маманы",
		RU: "Техническое и профессиональное образование: специалист среднего звена",
		EN: "Technical and vocational education: mid-level specialist"},
	NQF5: {
		KK: "Орта білімнен кейінгі білім: қолданбалы бакалавр",
		RU: "Послесреднее образование: прикладной бакалавр",
		EN: "Post-secondary education: applied bachelor"},
	NQF6: {
		KK: "Жоғары білім: бакалавр",
		RU: "Высшее образование: бакалавр",
		EN: "Higher education: bachelor"},
	NQF7: {
		KK: "Жоғары оқу орнынан кейінгі білім: магистр, резидентура",
		RU: "Послевузовское образование: магистр, резидентура",
		EN: "Postgraduate education: master, residency"},
	NQF8: {
		KK: "Докторантура: PhD докторы, бейіні бойынша доктор",
		RU: "Докторантура: доктор PhD, доктор по профилю",
		EN: "Doctoral education: PhD, professional doctorate"},
}
