package lang

// The organization's identity and corrections (reissue): what issuing
// says while the identity is incomplete, and how a replaced credential's
// page links to its replacement.
const (
	OrgMissingField Key = "org.missing_field"
	OrgIncomplete   Key = "org.incomplete"
	OrgImageType    Key = "org.image_type"
	OrgImageSize    Key = "org.image_size"
	OrgImageDims    Key = "org.image_dims"
	OrgImageKind    Key = "org.image_kind"
	OrgBadURL       Key = "org.bad_url"
	OrgBadEmail     Key = "org.bad_email"
	OrgBadLang      Key = "org.bad_lang"
	OrgBadText      Key = "org.bad_text"

	ReissueReplacedBy    Key = "reissue.replaced_by"
	ReissueOf            Key = "reissue.of"
	ReissueLink          Key = "reissue.link"
	ReissueReasonMissing Key = "reissue.reason_missing"
	ReissueAlready       Key = "reissue.already"
	ReissueBatchReason   Key = "reissue.batch_reason"
	BatchRowReissue      Key = "batch.row_reissue"

	AuditOrganizationChanged Key = "audit.organization_changed"
	AuditOrganizationImage   Key = "audit.organization_image"
	AuditOrganizationSeeded  Key = "audit.organization_seeded"
	AuditCredentialReissued  Key = "audit.credential_reissued"
	AuditTypeOrganization    Key = "audit.type_organization"
)

var organizationMessages = map[Key]Message{
	AuditOrganizationChanged: {KK: "ұйым деректері өзгертілді", RU: "данные организации изменены", EN: "organization identity changed"},
	AuditOrganizationImage:   {KK: "ұйым суреті өзгертілді", RU: "изображение организации изменено", EN: "organization image changed"},
	AuditOrganizationSeeded:  {KK: "ұйым деректері баптау файлынан алынды", RU: "данные организации взяты из файла настроек", EN: "organization identity taken from the organization file"},
	AuditCredentialReissued:  {KK: "сертификат түзетіліп қайта берілді", RU: "сертификат исправлен и выпущен заново", EN: "credential corrected and reissued"},
	AuditTypeOrganization:    {KK: "ұйым", RU: "организация", EN: "organization"},
	OrgMissingField:          {KK: "%[1]s толтырылмаған", RU: "не заполнено: %[1]s", EN: "%[1]s is not set"},
	OrgIncomplete: {
		KK: "ұйымның деректері толық емес: %[1]s толтырыңыз (әкімші консольдің «Ұйым» бетінде)",
		RU: "данные организации не заполнены полностью: заполните %[1]s (администратор, на странице «Организация» консоли)",
		EN: "the organization's identity is incomplete: set %[1]s (an admin, on the console's organization page)"},
	OrgImageType: {
		KK: "%[1]s: тек PNG немесе JPG сурет қабылданады",
		RU: "%[1]s: принимаются только изображения PNG или JPG",
		EN: "%[1]s: only PNG or JPEG images are accepted"},
	OrgImageSize: {
		KK: "%[1]s: файл %[2]d КБ-тан үлкен",
		RU: "%[1]s: файл больше %[2]d КБ",
		EN: "%[1]s: the file is larger than %[2]d KB"},
	OrgImageDims: {
		KK: "%[1]s: сурет өлшемі %[2]d×%[3]d, %[4]d–%[5]d пиксель болуы керек",
		RU: "%[1]s: размер изображения %[2]d×%[3]d, допустимо от %[4]d до %[5]d пикселей по стороне",
		EN: "%[1]s: the image is %[2]d×%[3]d; each side must be %[4]d to %[5]d pixels"},
	OrgImageKind: {
		KK: "сурет түрі: логотип, мөр немесе қолтаңба",
		RU: "вид изображения: логотип, печать или подпись",
		EN: "the image kind must be logo, seal or signature"},
	OrgBadURL: {
		KK: "веб-сайттың толық мекенжайын жазыңыз (%[1]s деп басталады)",
		RU: "укажите полный адрес веб-сайта (начинается с %[1]s)",
		EN: "write the web site's full address (it starts with %[1]s)"},
	OrgBadEmail: {
		KK: "%[1]q — электрондық пошта мекенжайы емес",
		RU: "%[1]q не является адресом электронной почты",
		EN: "%[1]q is not an e-mail address"},
	OrgBadLang: {KK: "әдепкі тіл: kk, ru немесе en", RU: "язык по умолчанию: kk, ru или en", EN: "the default language must be kk, ru or en"},
	OrgBadText: {
		KK: "%[1]s: мәтін тым ұзын (ең көбі %[2]d таңба) немесе рұқсат етілмеген таңба бар",
		RU: "%[1]s: текст слишком длинный (не более %[2]d символов) или содержит недопустимый символ",
		EN: "%[1]s: the text is too long (at most %[2]d characters) or holds a character that is not allowed"},
	ReissueReplacedBy: {
		KK: "Түзетілген сертификатпен ауыстырылды:",
		RU: "Заменён исправленным сертификатом:",
		EN: "Replaced by a corrected certificate:"},
	ReissueOf: {
		KK: "Түзетіліп қайта берілген, бастапқысы:",
		RU: "Исправленный повторный выпуск взамен:",
		EN: "Corrected reissue of:"},
	ReissueLink: {KK: "№ %[1]s (кітаптағы тіркеу № %[2]s)", RU: "№ %[1]s (рег. № в книге %[2]s)", EN: "No. %[1]s (book registration No. %[2]s)"},
	ReissueReasonMissing: {
		KK: "түзету себебін жазыңыз",
		RU: "укажите причину исправления",
		EN: "say why the credential is corrected"},
	ReissueAlready: {
		KK: "сертификат бұрын ауыстырылған: %[1]s",
		RU: "сертификат уже заменён: %[1]s",
		EN: "the credential was already replaced by %[1]s"},
	ReissueBatchReason: {
		KK: "%[1]s топтамасында түзетілді",
		RU: "исправлено в пакете %[1]s",
		EN: "corrected in batch %[1]s"},
	BatchRowReissue: {
		KK: "бұрын %[1]s ретінде берілген, деректері өзгерген: растағанда түзетіліп қайта беріледі",
		RU: "уже выдан как %[1]s, данные изменились: при подтверждении будет выдан исправленный сертификат взамен",
		EN: "already issued as %[1]s with different data: confirming reissues it corrected"},
}
