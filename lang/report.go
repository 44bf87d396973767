package lang

// The TeachHub HR report (package teachhub): its columns, the levels of
// its rows, and the card statuses and program kinds it shows.
const (
	ReportLevel            Key = "report.level"
	ReportDepartment       Key = "report.department"
	ReportStaffID          Key = "report.staff_id"
	ReportParticipant      Key = "report.participant"
	ReportPosition         Key = "report.position"
	ReportProgram          Key = "report.program"
	ReportActivity         Key = "report.activity"
	ReportFormat           Key = "report.format"
	ReportStatus           Key = "report.status"
	ReportDateFrom         Key = "report.date_from"
	ReportDateTo           Key = "report.date_to"
	ReportImplemented      Key = "report.implemented"
	ReportImplementedHours Key = "report.implemented_hours"
	ReportImplementedSB    Key = "report.implemented_sb"
	ReportSubmitted        Key = "report.submitted"
	ReportSubmittedHours   Key = "report.submitted_hours"
	ReportSubmittedSB      Key = "report.submitted_sb"
	ReportRecognized       Key = "report.recognized"
	ReportRecognizedHours  Key = "report.recognized_hours"
	ReportRecognizedSB     Key = "report.recognized_sb"
	ReportDecisionDate     Key = "report.decision_date"
	ReportDecisionNumber   Key = "report.decision_number"
	ReportCredentialID     Key = "report.credential_id"

	ReportLevelActivity   Key = "report.level_activity"
	ReportLevelPerson     Key = "report.level_person"
	ReportLevelDepartment Key = "report.level_department"
	ReportLevelTotal      Key = "report.level_total"

	CardStatusRegistered Key = "card.status_registered"
	CardStatusInProgress Key = "card.status_in_progress"
	CardStatusCompleted  Key = "card.status_completed"
	CardStatusSubmitted  Key = "card.status_submitted_for_recognition"
	CardStatusRecognized Key = "card.status_recognized"
	CardStatusRejected   Key = "card.status_rejected"

	KindTeachHubModule    Key = "kind.teachhub_module"
	KindNonformalActivity Key = "kind.nonformal_activity"
	KindMicroqual         Key = "kind.microqualification"
)

var reportMessages = map[Key]Message{
	ReportLevel:            {KK: "Деңгей", RU: "Уровень", EN: "Level"},
	ReportDepartment:       {KK: "Құрылымдық бөлімше", RU: "Подразделение", EN: "Department"},
	ReportStaffID:          {KK: "Қызметкердің табель нөмірі", RU: "Табельный номер", EN: "Staff ID"},
	ReportParticipant:      {KK: "Қатысушы", RU: "Участник", EN: "Participant"},
	ReportPosition:         {KK: "Лауазымы", RU: "Должность", EN: "Position"},
	ReportProgram:          {KK: "Бағдарламаның тіркеу нөмірі", RU: "Регистрационный номер программы", EN: "Program registration No."},
	ReportActivity:         {KK: "Іс-шара", RU: "Мероприятие", EN: "Activity"},
	ReportFormat:           {KK: "Өткізу түрі", RU: "Форма проведения", EN: "Format"},
	ReportStatus:           {KK: "Мәртебесі", RU: "Статус", EN: "Status"},
	ReportDateFrom:         {KK: "Басталуы", RU: "Дата начала", EN: "Start date"},
	ReportDateTo:           {KK: "Аяқталуы", RU: "Дата окончания", EN: "End date"},
	ReportImplemented:      {KK: "Іске асырылды", RU: "Реализовано", EN: "Implemented"},
	ReportImplementedHours: {KK: "Іске асырылды, сағат", RU: "Реализовано, часов", EN: "Implemented, hours"},
	ReportImplementedSB:    {KK: "Іске асырылды, СБ", RU: "Реализовано, СБ", EN: "Implemented, SB"},
	ReportSubmitted:        {KK: "Тануға ұсынылды", RU: "Представлено к признанию", EN: "Submitted for recognition"},
	ReportSubmittedHours:   {KK: "Тануға ұсынылды, сағат", RU: "Представлено к признанию, часов", EN: "Submitted, hours"},
	ReportSubmittedSB:      {KK: "Тануға ұсынылды, СБ", RU: "Представлено к признанию, СБ", EN: "Submitted, SB"},
	ReportRecognized:       {KK: "Танылды", RU: "Признано", EN: "Recognized"},
	ReportRecognizedHours:  {KK: "Танылды, сағат", RU: "Признано, часов", EN: "Recognized, hours"},
	ReportRecognizedSB:     {KK: "Танылды, СБ", RU: "Признано, СБ", EN: "Recognized, SB"},
	ReportDecisionDate:     {KK: "Шешім күні", RU: "Дата решения", EN: "Decision date"},
	ReportDecisionNumber:   {KK: "Шешім нөмірі", RU: "Номер решения", EN: "Decision No."},
	ReportCredentialID:     {KK: "Куәліктің идентификаторы", RU: "Идентификатор сертификата", EN: "Credential ID"},

	ReportLevelActivity:   {KK: "іс-шара", RU: "мероприятие", EN: "activity"},
	ReportLevelPerson:     {KK: "қызметкер бойынша", RU: "по сотруднику", EN: "person"},
	ReportLevelDepartment: {KK: "бөлімше бойынша", RU: "по подразделению", EN: "department"},
	ReportLevelTotal:      {KK: "барлығы", RU: "итого", EN: "total"},

	CardStatusRegistered: {KK: "тіркелді", RU: "зарегистрирован", EN: "registered"},
	CardStatusInProgress: {KK: "орындалуда", RU: "в процессе", EN: "in progress"},
	CardStatusCompleted:  {KK: "іске асырылды", RU: "реализовано", EN: "completed"},
	CardStatusSubmitted:  {KK: "тануға ұсынылды", RU: "представлено к признанию", EN: "submitted for recognition"},
	CardStatusRecognized: {KK: "танылды", RU: "признано", EN: "recognized"},
	CardStatusRejected:   {KK: "танылмады", RU: "не признано", EN: "rejected"},

	KindTeachHubModule:    {KK: "TeachHub модулі", RU: "модуль TeachHub", EN: "TeachHub module"},
	KindNonformalActivity: {KK: "бейресми білім беру іс-шарасы", RU: "мероприятие неформального обучения", EN: "non-formal learning activity"},
	KindMicroqual:         {KK: "микробіліктілік", RU: "микроквалификация", EN: "microqualification"},
}

// CardStatus is the key of a card status's name (credential.Card*).
func CardStatus(status string) Key { return Key("card.status_" + status) }

// Kind is the key of a program kind's name (credential.Kind*).
func Kind(kind string) Key { return Key("kind." + kind) }
