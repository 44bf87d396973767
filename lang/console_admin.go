package lang

// The console's administration pages: users, API tokens, signing keys and
// the audit trail. Templates read them without the "cadmin." prefix.
const (
	ConsoleAdminTitle             Key = "cadmin.title"
	ConsoleAdminUsers             Key = "cadmin.users"
	ConsoleAdminUsersLead         Key = "cadmin.users_lead"
	ConsoleAdminTokens            Key = "cadmin.tokens"
	ConsoleAdminTokensLead        Key = "cadmin.tokens_lead"
	ConsoleAdminKeys              Key = "cadmin.keys"
	ConsoleAdminKeysLead          Key = "cadmin.keys_lead"
	ConsoleAdminAudit             Key = "cadmin.audit"
	ConsoleAdminAuditLead         Key = "cadmin.audit_lead"
	ConsoleAdminOrganization      Key = "cadmin.organization"
	ConsoleAdminOrganizationLead  Key = "cadmin.organization_lead"
	ConsoleAdminInvite            Key = "cadmin.invite"
	ConsoleAdminInviteButton      Key = "cadmin.invite_button"
	ConsoleAdminName              Key = "cadmin.name"
	ConsoleAdminEmail             Key = "cadmin.email"
	ConsoleAdminRole              Key = "cadmin.role"
	ConsoleAdminDepartment        Key = "cadmin.department"
	ConsoleAdminState             Key = "cadmin.state"
	ConsoleAdminLastLogin         Key = "cadmin.last_login"
	ConsoleAdminNever             Key = "cadmin.never"
	ConsoleAdminActive            Key = "cadmin.active"
	ConsoleAdminDisabled          Key = "cadmin.disabled"
	ConsoleAdminAwaitingPassword  Key = "cadmin.awaiting_password"
	ConsoleAdminDisable           Key = "cadmin.disable"
	ConsoleAdminEnable            Key = "cadmin.enable"
	ConsoleAdminUserDisabledLabel Key = "cadmin.user_disabled_label"
	ConsoleAdminSaveUser          Key = "cadmin.save_user"
	ConsoleAdminResendLink        Key = "cadmin.resend_link"
	ConsoleAdminLinkTitle         Key = "cadmin.link_title"
	ConsoleAdminLinkLead          Key = "cadmin.link_lead"
	ConsoleAdminSelfChange        Key = "cadmin.self_change"
	ConsoleAdminUserSaved         Key = "cadmin.user_saved"
	ConsoleAdminTokenName         Key = "cadmin.token_name"
	ConsoleAdminOwner             Key = "cadmin.owner"
	ConsoleAdminSystem            Key = "cadmin.system"
	ConsoleAdminCreated           Key = "cadmin.created"
	ConsoleAdminExpires           Key = "cadmin.expires"
	ConsoleAdminLastUsed          Key = "cadmin.last_used"
	ConsoleAdminNoExpiry          Key = "cadmin.no_expiry"
	ConsoleAdminRevoked           Key = "cadmin.revoked"
	ConsoleAdminExpired           Key = "cadmin.expired"
	ConsoleAdminRevoke            Key = "cadmin.revoke"
	ConsoleAdminRevokeTokenTitle  Key = "cadmin.revoke_token_title"
	ConsoleAdminRevokeTokenLead   Key = "cadmin.revoke_token_lead"
	ConsoleAdminTokenRevoked      Key = "cadmin.token_revoked"
	ConsoleAdminKid               Key = "cadmin.kid"
	ConsoleAdminAlg               Key = "cadmin.alg"
	ConsoleAdminPurpose           Key = "cadmin.purpose"
	ConsoleAdminPurposeJws        Key = "cadmin.purpose_jws"
	ConsoleAdminPurposeDi         Key = "cadmin.purpose_di"
	ConsoleAdminKeyActive         Key = "cadmin.key_active"
	ConsoleAdminKeyRetired        Key = "cadmin.key_retired"
	ConsoleAdminKeyPublished      Key = "cadmin.key_published"
	ConsoleAdminKeyExample        Key = "cadmin.key_example"
	ConsoleAdminRotate            Key = "cadmin.rotate"
	ConsoleAdminRotateTitle       Key = "cadmin.rotate_title"
	ConsoleAdminRotateLead        Key = "cadmin.rotate_lead"
	ConsoleAdminRotateInstances   Key = "cadmin.rotate_instances"
	ConsoleAdminRotated           Key = "cadmin.rotated"
	ConsoleAdminKeysUnavailable   Key = "cadmin.keys_unavailable"
	ConsoleAdminAt                Key = "cadmin.at"
	ConsoleAdminActor             Key = "cadmin.actor"
	ConsoleAdminAction            Key = "cadmin.action"
	ConsoleAdminObject            Key = "cadmin.object"
	ConsoleAdminReason            Key = "cadmin.reason"
	ConsoleAdminObjectType        Key = "cadmin.object_type"
	ConsoleAdminObjectId          Key = "cadmin.object_id"
	ConsoleAdminFrom              Key = "cadmin.from"
	ConsoleAdminTo                Key = "cadmin.to"
	ConsoleAdminOlder             Key = "cadmin.older"
	ConsoleAdminCsv               Key = "cadmin.csv"
	ConsoleAdminBadDate           Key = "cadmin.bad_date"
)

var consoleAdminMessages = map[Key]Message{
	ConsoleAdminTitle: {
		KK: "Әкімшілік",
		RU: "Администрирование",
		EN: "Administration"},
	ConsoleAdminUsers: {
		KK: "Пайдаланушылар",
		RU: "Пользователи",
		EN: "Users"},
	ConsoleAdminUsersLead: {
		KK: "Қызметкерлерді шақыру, рөлдері мен кіру құқығы.",
		RU: "Приглашение сотрудников, их роли и доступ.",
		EN: "Invite staff, set their roles and access."},
	ConsoleAdminTokens: {
		KK: "API токендері",
		RU: "API-токены",
		EN: "API tokens"},
	ConsoleAdminTokensLead: {
		KK: "Бағдарламалар мен интеграцияларға арналған токендер: мерзімі, соңғы қолданылуы, кері қайтару.",
		RU: "Токены для программ и интеграций: срок, последнее использование, отзыв.",
		EN: "Tokens for programs and integrations: expiry, last use, revocation."},
	ConsoleAdminKeys: {
		KK: "Қол қою кілттері",
		RU: "Ключи подписи",
		EN: "Signing keys"},
	ConsoleAdminKeysLead: {
		KK: "Куәліктерге қол қоятын кілттер және оларды ауыстыру.",
		RU: "Ключи, которыми подписываются удостоверения, и их смена.",
		EN: "The keys that sign credentials, and replacing them."},
	ConsoleAdminAudit: {
		KK: "Әрекеттер журналы",
		RU: "Журнал действий",
		EN: "Audit trail"},
	ConsoleAdminAuditLead: {
		KK: "Кім, қашан, не істеді: сүзгілер және CSV.",
		RU: "Кто, когда и что сделал: фильтры и CSV.",
		EN: "Who did what and when: filters and CSV."},
	ConsoleAdminOrganization: {
		KK: "Ұйым",
		RU: "Организация",
		EN: "Organization"},
	ConsoleAdminOrganizationLead: {
		KK: "Атауы, басшысы, логотипі, мөрі мен қолы.",
		RU: "Название, руководитель, логотип, печать и подпись.",
		EN: "Name, head, logo, seal and signature."},
	ConsoleAdminInvite: {
		KK: "Қызметкерді шақыру",
		RU: "Пригласить сотрудника",
		EN: "Invite a member of staff"},
	ConsoleAdminInviteButton: {
		KK: "Шақыру",
		RU: "Пригласить",
		EN: "Invite"},
	ConsoleAdminName: {
		KK: "Аты-жөні",
		RU: "ФИО",
		EN: "Name"},
	ConsoleAdminEmail: {
		KK: "Электрондық пошта",
		RU: "Электронная почта",
		EN: "E-mail"},
	ConsoleAdminRole: {
		KK: "Рөлі",
		RU: "Роль",
		EN: "Role"},
	ConsoleAdminDepartment: {
		KK: "Бөлім",
		RU: "Подразделение",
		EN: "Department"},
	ConsoleAdminState: {
		KK: "Күйі",
		RU: "Состояние",
		EN: "State"},
	ConsoleAdminLastLogin: {
		KK: "Соңғы кіру",
		RU: "Последний вход",
		EN: "Last sign-in"},
	ConsoleAdminNever: {
		KK: "ешқашан",
		RU: "никогда",
		EN: "never"},
	ConsoleAdminActive: {
		KK: "белсенді",
		RU: "активен",
		EN: "active"},
	ConsoleAdminDisabled: {
		KK: "бұғатталған",
		RU: "отключён",
		EN: "disabled"},
	ConsoleAdminAwaitingPassword: {
		KK: "құпиясөзді күтуде",
		RU: "ожидает пароль",
		EN: "awaiting password"},
	ConsoleAdminDisable: {
		KK: "Бұғаттау",
		RU: "Отключить",
		EN: "Disable"},
	ConsoleAdminEnable: {
		KK: "Қайта қосу",
		RU: "Включить",
		EN: "Enable"},
	ConsoleAdminUserDisabledLabel: {
		KK: "Кіруге тыйым салу",
		RU: "Запретить вход",
		EN: "Block sign-in"},
	ConsoleAdminSaveUser: {
		KK: "Өзгерістерді сақтау",
		RU: "Сохранить изменения",
		EN: "Save changes"},
	ConsoleAdminResendLink: {
		KK: "Жаңа орнату сілтемесін беру",
		RU: "Выдать новую ссылку для входа",
		EN: "Issue a new setup link"},
	ConsoleAdminLinkTitle: {
		KK: "Бір реттік сілтеме",
		RU: "Одноразовая ссылка",
		EN: "One-time link"},
	ConsoleAdminLinkLead: {
		KK: "Бұл сілтемені %s адресіне жіберіңіз: ол арқылы қызметкер құпиясөзін орнатады. Сілтеме бір рет көрсетіледі және %s дейін жарамды.",
		RU: "Отправьте эту ссылку на адрес %s: по ней сотрудник задаст пароль. Ссылка показана один раз и действует до %s.",
		EN: "Send this link to %s: it lets them set their password. It is shown once and works until %s."},
	ConsoleAdminSelfChange: {
		KK: "Өз рөліңізді өзгерте немесе өзіңізді бұғаттай алмайсыз: басқа әкімшіге жүгініңіз.",
		RU: "Нельзя менять свою роль или отключать себя: обратитесь к другому администратору.",
		EN: "You cannot change your own role or disable yourself: ask another administrator."},
	ConsoleAdminUserSaved: {
		KK: "Пайдаланушы сақталды.",
		RU: "Пользователь сохранён.",
		EN: "The user is saved."},
	ConsoleAdminTokenName: {
		KK: "Атауы",
		RU: "Название",
		EN: "Name"},
	ConsoleAdminOwner: {
		KK: "Иесі",
		RU: "Владелец",
		EN: "Owner"},
	ConsoleAdminSystem: {
		KK: "жүйелік",
		RU: "системный",
		EN: "system"},
	ConsoleAdminCreated: {
		KK: "Жасалған",
		RU: "Создан",
		EN: "Created"},
	ConsoleAdminExpires: {
		KK: "Мерзімі",
		RU: "Действует до",
		EN: "Expires"},
	ConsoleAdminLastUsed: {
		KK: "Соңғы қолданылуы",
		RU: "Последнее использование",
		EN: "Last used"},
	ConsoleAdminNoExpiry: {
		KK: "мерзімсіз",
		RU: "бессрочно",
		EN: "no expiry"},
	ConsoleAdminRevoked: {
		KK: "кері қайтарылған",
		RU: "отозван",
		EN: "revoked"},
	ConsoleAdminExpired: {
		KK: "мерзімі өткен",
		RU: "истёк",
		EN: "expired"},
	ConsoleAdminRevoke: {
		KK: "Кері қайтару",
		RU: "Отозвать",
		EN: "Revoke"},
	ConsoleAdminRevokeTokenTitle: {
		KK: "Токенді кері қайтару",
		RU: "Отзыв токена",
		EN: "Revoke a token"},
	ConsoleAdminRevokeTokenLead: {
		KK: "«%s» токені бірден жұмысын тоқтатады: оны қолданатын бағдарламалар бұдан былай кіре алмайды. Мұны болдырмау мүмкін емес.",
		RU: "Токен «%s» перестанет работать сразу: программы, которые им пользуются, больше не смогут войти. Это нельзя отменить.",
		EN: "The token \"%s\" stops working at once: programs that use it can no longer get in. This cannot be undone."},
	ConsoleAdminTokenRevoked: {
		KK: "Токен кері қайтарылды.",
		RU: "Токен отозван.",
		EN: "The token is revoked."},
	ConsoleAdminKid: {
		KK: "Кілт идентификаторы",
		RU: "Идентификатор ключа",
		EN: "Key identifier"},
	ConsoleAdminAlg: {
		KK: "Алгоритм",
		RU: "Алгоритм",
		EN: "Algorithm"},
	ConsoleAdminPurpose: {
		KK: "Мақсаты",
		RU: "Назначение",
		EN: "Purpose"},
	ConsoleAdminPurposeJws: {
		KK: "куәліктер мен мәртебе тізімдері (JWS)",
		RU: "удостоверения и списки статусов (JWS)",
		EN: "credentials and status lists (JWS)"},
	ConsoleAdminPurposeDi: {
		KK: "деректер тұтастығының дәлелдері",
		RU: "доказательства целостности данных",
		EN: "Data Integrity proofs"},
	ConsoleAdminKeyActive: {
		KK: "қол қояды",
		RU: "подписывает",
		EN: "signs now"},
	ConsoleAdminKeyRetired: {
		KK: "зейнетке шыққан %s",
		RU: "выведен %s",
		EN: "retired %s"},
	ConsoleAdminKeyPublished: {
		KK: "жарияланған",
		RU: "опубликован",
		EN: "published"},
	ConsoleAdminKeyExample: {
		KK: "мысал кілт: нақты куәліктерге жарамайды",
		RU: "пример ключа: не для настоящих удостоверений",
		EN: "example key: not for real credentials"},
	ConsoleAdminRotate: {
		KK: "Жаңа кілтке ауысу",
		RU: "Сменить ключ",
		EN: "Rotate the key"},
	ConsoleAdminRotateTitle: {
		KK: "Қол қою кілтін ауыстыру",
		RU: "Смена ключа подписи",
		EN: "Rotate the signing key"},
	ConsoleAdminRotateLead: {
		KK: "Жаңа кілт жасалады және бұдан былай барлық жаңа куәліктерге сол қол қояды. Ескі кілттер жарияланған күйінде қалады: олар қол қойған куәліктер бұрынғыдай жарамды болып тексеріледі. Кілт жарияланған тізімнен жоғалмайды, ал жеке бөлігі кілттер қоймасынан шықпайды. Кілтті ұрлау күдігі болса, оған қол қойылған куәліктерді бөлек кері қайтарыңыз.",
		RU: "Будет создан новый ключ, и все новые удостоверения будут подписываться им. Старые ключи остаются опубликованными: подписанные ими удостоверения по-прежнему проходят проверку. Закрытая часть ключа не покидает хранилище ключей. Если ключ мог быть похищен, отзовите подписанные им удостоверения отдельно.",
		EN: "A new key is made and signs every credential from now on. The old keys stay published: what they signed still verifies. No private key leaves the key store. If a key may have been stolen, revoke what it signed separately."},
	ConsoleAdminRotateInstances: {
		KK: "Басқа инстанциялар жаңа кілтке %s ішінде ауысады.",
		RU: "Другие экземпляры перейдут на новый ключ в течение %s.",
		EN: "Other instances move to the new key within %s."},
	ConsoleAdminRotated: {
		KK: "Жаңа кілт қол қоя бастады: %s",
		RU: "Новый ключ начал подписывать: %s",
		EN: "The new key now signs: %s"},
	ConsoleAdminKeysUnavailable: {
		KK: "Бұл инстанцияда кілттерді басқару қолжетімсіз.",
		RU: "На этом экземпляре управление ключами недоступно.",
		EN: "Managing keys is not available on this instance."},
	ConsoleAdminAt: {
		KK: "Уақыты",
		RU: "Время",
		EN: "Time"},
	ConsoleAdminActor: {
		KK: "Кім",
		RU: "Кто",
		EN: "Who"},
	ConsoleAdminAction: {
		KK: "Әрекет",
		RU: "Действие",
		EN: "Action"},
	ConsoleAdminObject: {
		KK: "Нысан",
		RU: "Объект",
		EN: "Object"},
	ConsoleAdminReason: {
		KK: "Себебі",
		RU: "Причина",
		EN: "Reason"},
	ConsoleAdminObjectType: {
		KK: "Нысан түрі",
		RU: "Тип объекта",
		EN: "Object type"},
	ConsoleAdminObjectId: {
		KK: "Нысан идентификаторы",
		RU: "Идентификатор объекта",
		EN: "Object identifier"},
	ConsoleAdminFrom: {
		KK: "Бастап",
		RU: "С",
		EN: "From"},
	ConsoleAdminTo: {
		KK: "Дейін",
		RU: "По",
		EN: "To"},
	ConsoleAdminOlder: {
		KK: "Ескірек жазбалар",
		RU: "Более ранние записи",
		EN: "Older entries"},
	ConsoleAdminCsv: {
		KK: "CSV жүктеп алу",
		RU: "Скачать CSV",
		EN: "Download CSV"},
	ConsoleAdminBadDate: {
		KK: "Күнді КК.АА.ЖЖЖЖ немесе ЖЖЖЖ-АА-КК түрінде жазыңыз.",
		RU: "Укажите дату как ДД.ММ.ГГГГ или ГГГГ-ММ-ДД.",
		EN: "Write the date as DD.MM.YYYY or YYYY-MM-DD."},
}
