package lang

// The audit trail's actions, kinds of objects and the system actor, as
// the console shows them: Audit keys are "audit." and the action with its
// dot made an underscore (credential.issued: audit.credential_issued).
const (
	AuditBatchCellsPurged     Key = "audit.batch_cells_purged"
	AuditBatchUploaded        Key = "audit.batch_uploaded"
	AuditCardEnrolled         Key = "audit.card_enrolled"
	AuditCardTransitioned     Key = "audit.card_transitioned"
	AuditCardUpdated          Key = "audit.card_updated"
	AuditCredentialIssued     Key = "audit.credential_issued"
	AuditCredentialReinstated Key = "audit.credential_reinstated"
	AuditCredentialRevoked    Key = "audit.credential_revoked"
	AuditCredentialSuspended  Key = "audit.credential_suspended"
	AuditKeyPublished         Key = "audit.key_published"
	AuditKeyRetired           Key = "audit.key_retired"
	AuditKeyRotated           Key = "audit.key_rotated"
	AuditProgramCreated       Key = "audit.program_created"
	AuditProgramUpdated       Key = "audit.program_updated"
	AuditTokenCreated         Key = "audit.token_created"
	AuditTokenRevoked         Key = "audit.token_revoked"
	AuditUserChanged          Key = "audit.user_changed"
	AuditUserCreated          Key = "audit.user_created"
	AuditUserIdentityLinked   Key = "audit.user_identity_linked"
	AuditUserLinkIssued       Key = "audit.user_link_issued"
	AuditUserPasswordSet      Key = "audit.user_password_set"
	AuditTypeBatch            Key = "audit.type_batch"
	AuditTypeCard             Key = "audit.type_card"
	AuditTypeCredential       Key = "audit.type_credential"
	AuditTypeKey              Key = "audit.type_key"
	AuditTypeProgram          Key = "audit.type_program"
	AuditTypeToken            Key = "audit.type_token"
	AuditTypeUser             Key = "audit.type_user"
	AuditActorSystem          Key = "audit.actor_system"
)

var auditMessages = map[Key]Message{
	AuditBatchCellsPurged: {
		KK: "топтама ұяшықтары тазаланды",
		RU: "ячейки пакета очищены",
		EN: "batch cells purged"},
	AuditBatchUploaded: {
		KK: "топтама жүктелді",
		RU: "пакет загружен",
		EN: "batch uploaded"},
	AuditCardEnrolled: {
		KK: "қатысушы тіркелді",
		RU: "участник зачислен",
		EN: "participant enrolled"},
	AuditCardTransitioned: {
		KK: "карта күйі өзгерді",
		RU: "статус карточки изменён",
		EN: "card status changed"},
	AuditCardUpdated: {
		KK: "карта өзгертілді",
		RU: "карточка изменена",
		EN: "card updated"},
	AuditCredentialIssued: {
		KK: "куәлік берілді",
		RU: "удостоверение выдано",
		EN: "credential issued"},
	AuditCredentialReinstated: {
		KK: "куәлік қалпына келтірілді",
		RU: "удостоверение восстановлено",
		EN: "credential reinstated"},
	AuditCredentialRevoked: {
		KK: "куәлік кері қайтарылды",
		RU: "удостоверение отозвано",
		EN: "credential revoked"},
	AuditCredentialSuspended: {
		KK: "куәлік тоқтатылды",
		RU: "удостоверение приостановлено",
		EN: "credential suspended"},
	AuditKeyPublished: {
		KK: "кілт жарияланды",
		RU: "ключ опубликован",
		EN: "key published"},
	AuditKeyRetired: {
		KK: "кілт зейнетке шықты",
		RU: "ключ выведен",
		EN: "key retired"},
	AuditKeyRotated: {
		KK: "қол қою кілті ауыстырылды",
		RU: "ключ подписи сменён",
		EN: "signing key rotated"},
	AuditProgramCreated: {
		KK: "бағдарлама жасалды",
		RU: "программа создана",
		EN: "program created"},
	AuditProgramUpdated: {
		KK: "бағдарлама өзгертілді",
		RU: "программа изменена",
		EN: "program updated"},
	AuditTokenCreated: {
		KK: "токен жасалды",
		RU: "токен создан",
		EN: "token created"},
	AuditTokenRevoked: {
		KK: "токен кері қайтарылды",
		RU: "токен отозван",
		EN: "token revoked"},
	AuditUserChanged: {
		KK: "пайдаланушы өзгертілді",
		RU: "пользователь изменён",
		EN: "user changed"},
	AuditUserCreated: {
		KK: "пайдаланушы шақырылды",
		RU: "пользователь приглашён",
		EN: "user invited"},
	AuditUserIdentityLinked: {
		KK: "бірыңғай кіру байланыстырылды",
		RU: "привязан единый вход",
		EN: "single sign-on linked"},
	AuditUserLinkIssued: {
		KK: "кіру сілтемесі берілді",
		RU: "выдана ссылка для входа",
		EN: "setup link issued"},
	AuditUserPasswordSet: {
		KK: "құпиясөз орнатылды",
		RU: "пароль задан",
		EN: "password set"},
	AuditTypeBatch: {
		KK: "топтама",
		RU: "пакет",
		EN: "batch"},
	AuditTypeCard: {
		KK: "карта",
		RU: "карточка",
		EN: "card"},
	AuditTypeCredential: {
		KK: "куәлік",
		RU: "удостоверение",
		EN: "credential"},
	AuditTypeKey: {
		KK: "кілт",
		RU: "ключ",
		EN: "key"},
	AuditTypeProgram: {
		KK: "бағдарлама",
		RU: "программа",
		EN: "program"},
	AuditTypeToken: {
		KK: "токен",
		RU: "токен",
		EN: "token"},
	AuditTypeUser: {
		KK: "пайдаланушы",
		RU: "пользователь",
		EN: "user"},
	AuditActorSystem: {
		KK: "жүйе",
		RU: "система",
		EN: "system"},
}
