package lang

// Verification: the names of the checks (check.<name>, the names package
// verifier gives them) and what each found.
const (
	CheckFormat    Key = "check.format"
	CheckHeader    Key = "check.header"
	CheckKey       Key = "check.key"
	CheckSignature Key = "check.signature"
	CheckClaims    Key = "check.claims"
	CheckSchema    Key = "check.schema"
	CheckTime      Key = "check.time"
	CheckRegistry  Key = "check.registry"
	CheckStatus    Key = "check.status"

	VerifyPassed          Key = "verify.passed"
	VerifyFailed          Key = "verify.failed"
	VerifyTooLarge        Key = "verify.too_large"
	VerifyNotCompact      Key = "verify.not_compact"
	VerifyUnparsable      Key = "verify.unparsable"
	VerifyOneSignature    Key = "verify.one_signature"
	VerifyTyp             Key = "verify.typ"
	VerifyHeaderParam     Key = "verify.header_param"
	VerifyPayloadJSON     Key = "verify.payload_json"
	VerifyNoIss           Key = "verify.no_iss"
	VerifyUnknownKey      Key = "verify.unknown_key"
	VerifyEmbeddedUnknown Key = "verify.embedded_unknown"
	VerifyNoKey           Key = "verify.no_key"
	VerifyKeyAlg          Key = "verify.key_alg"
	VerifyBadSignature    Key = "verify.bad_signature"
	VerifySignatureOK     Key = "verify.signature_ok"
	VerifyEmbeddedKey     Key = "verify.embedded_key"
	VerifyPayloadObject   Key = "verify.payload_object"
	VerifyTypes           Key = "verify.types"
	VerifyClaimsBad       Key = "verify.claims_bad"
	VerifyClaimsOK        Key = "verify.claims_ok"
	VerifySchemaBad       Key = "verify.schema_bad"
	VerifySchemaOK        Key = "verify.schema_ok"
	VerifyNotBefore       Key = "verify.not_before"
	VerifyExpiredOn       Key = "verify.expired_on"
	VerifyValidSince      Key = "verify.valid_since"
	VerifyRegistryFailed  Key = "verify.registry_failed"
	VerifyOtherIssuer     Key = "verify.other_issuer"
	VerifyNotInRegistry   Key = "verify.not_in_registry"
	VerifyRegistryDiffers Key = "verify.registry_differs"
	VerifyRegistryOK      Key = "verify.registry_ok"
	VerifyStatusUnknown   Key = "verify.status_unknown"
	VerifyNoStatus        Key = "verify.no_status"
	VerifyStatusRevoked   Key = "verify.status_revoked"
	VerifyStatusSuspended Key = "verify.status_suspended"
	VerifyStatusOK        Key = "verify.status_ok"
	VerifyNoSuchID        Key = "verify.no_such_id"
	VerifyNotCredential   Key = "verify.not_credential"
	VerifyEmpty           Key = "verify.empty"
	VerifyUnreadableFile  Key = "verify.unreadable_file"
	VerifyBadJSON         Key = "verify.bad_json"
	VerifyJSONNotOB3      Key = "verify.json_not_ob3"
	VerifyJSONUnknown     Key = "verify.json_unknown"
	VerifyJSONAltered     Key = "verify.json_altered"
	VerifyBadgeEmpty      Key = "verify.badge_empty"
	VerifyBadgeUnreadable Key = "verify.badge_unreadable"
	VerifyPDFTooLarge     Key = "verify.pdf_too_large"
	VerifyPDFUnreadable   Key = "verify.pdf_unreadable"
	VerifyInputTooLarge   Key = "verify.input_too_large"
	VerifyFormMalformed   Key = "verify.form_malformed"
	VerifyNotOurAddress   Key = "verify.not_our_address"
	VerifyNoSuchNumber    Key = "verify.no_such_number"
	VerifyNoCredential    Key = "verify.no_credential"
	VerifyFileTooLarge    Key = "verify.file_too_large"
)

var verifyMessages = map[Key]Message{
	CheckFormat:    {KK: "Пішімі", RU: "Формат", EN: "Format"},
	CheckHeader:    {KK: "Қолтаңба тақырыбы", RU: "Заголовок подписи", EN: "Signature header"},
	CheckKey:       {KK: "Кілт", RU: "Ключ", EN: "Key"},
	CheckSignature: {KK: "Қолтаңба", RU: "Подпись", EN: "Signature"},
	CheckClaims:    {KK: "Деректер сәйкестігі", RU: "Соответствие данных", EN: "Claims"},
	CheckSchema:    {KK: "Стандартқа сәйкестік", RU: "Соответствие стандарту", EN: "Schema"},
	CheckTime:      {KK: "Жарамдылық мерзімі", RU: "Срок действия", EN: "Validity period"},
	CheckRegistry:  {KK: "Тізілім", RU: "Реестр", EN: "Registry"},
	CheckStatus:    {KK: "Мәртебе", RU: "Статус", EN: "Status"},

	VerifyPassed: {KK: "тексеруден өтті", RU: "проверка пройдена", EN: "passed"},
	VerifyFailed: {KK: "тексеруден өтпеді", RU: "проверка не пройдена", EN: "failed"},
	VerifyTooLarge: {
		KK: "куәлік тым үлкен (%[1]d байттан асады)",
		RU: "сертификат слишком большой (больше %[1]d байт)",
		EN: "the token is larger than %[1]d bytes"},
	VerifyNotCompact: {
		KK: "бұл қол қойылған куәлік (JWS) емес: нүктемен бөлінген үш бөлік болуы керек",
		RU: "это не подписанный сертификат (JWS): должно быть три части, разделённые точками",
		EN: "not a compact JWS (three base64url parts separated by dots)"},
	VerifyUnparsable: {
		KK: "қолтаңба (JWS) оқылмады немесе оның алгоритміне рұқсат жоқ (ES256, EdDSA, RS256)",
		RU: "подпись (JWS) не удалось разобрать, или её алгоритм не разрешён (ES256, EdDSA, RS256)",
		EN: "cannot parse the JWS or its algorithm is not allowed (ES256, EdDSA, RS256)"},
	VerifyOneSignature: {KK: "бір ғана қолтаңба болуы керек", RU: "ожидается ровно одна подпись", EN: "exactly one signature expected"},
	VerifyTyp: {
		KK: "қолтаңба тақырыбындағы тип JWT болуы керек, мұнда: %[1]v",
		RU: "тип в заголовке подписи должен быть JWT, а здесь: %[1]v",
		EN: "typ must be JWT, got %[1]v"},
	VerifyHeaderParam: {
		KK: "қолтаңба тақырыбында %[1]q параметріне рұқсат жоқ",
		RU: "параметр %[1]q в заголовке подписи не разрешён",
		EN: "header parameter %[1]q is not allowed"},
	VerifyPayloadJSON: {KK: "куәлік мазмұны JSON емес", RU: "содержимое сертификата не является JSON", EN: "the payload is not JSON"},
	VerifyNoIss: {
		KK: "куәлікті берген ұйым көрсетілмеген",
		RU: "не указана организация, выдавшая сертификат",
		EN: "the iss claim is missing"},
	VerifyUnknownKey: {
		KK: "%[1]s кілтін ұйым жарияламаған",
		RU: "ключ %[1]s организация не публиковала",
		EN: "the key %[1]s is not a key the issuer published"},
	VerifyEmbeddedUnknown: {
		KK: "қолтаңбаның ішіндегі кілтті ұйым жарияламаған",
		RU: "встроенный в подпись ключ организация не публиковала",
		EN: "the embedded key is not one the issuer published"},
	VerifyNoKey: {
		KK: "қолтаңбада кілт көрсетілмеген",
		RU: "в подписи не указан ключ",
		EN: "the header names no key (kid or jwk)"},
	VerifyKeyAlg: {
		KK: "кілт %[1]s алгоритміне арналған, ал қолтаңбада %[2]s көрсетілген",
		RU: "ключ предназначен для алгоритма %[1]s, а в подписи указан %[2]s",
		EN: "the key is for %[1]s, the JWS says %[2]s"},
	VerifyBadSignature: {
		KK: "қолтаңба мазмұнға сәйкес келмейді: куәлік өзгертілген немесе оған басқа біреу қол қойған",
		RU: "подпись не соответствует содержимому: сертификат изменён или подписан кем-то другим",
		EN: "the signature does not match the content: the credential was altered or signed by someone else"},
	VerifySignatureOK: {
		KK: "%[1]s қолтаңбасы дұрыс; кілт: %[2]s",
		RU: "подпись %[1]s верна; ключ: %[2]s",
		EN: "%[1]s signature by %[2]s"},
	VerifyEmbeddedKey:   {KK: "қолтаңбаның ішіндегі кілт", RU: "встроенный ключ", EN: "embedded key"},
	VerifyPayloadObject: {KK: "куәлік мазмұны JSON нысаны емес", RU: "содержимое сертификата не является объектом JSON", EN: "the payload is not a JSON object"},
	VerifyTypes: {
		KK: "бұл Open Badges куәлігі емес (түрі көрсетілмеген)",
		RU: "это не сертификат Open Badges (не указан тип)",
		EN: "type must contain VerifiableCredential and OpenBadgeCredential"},
	VerifyClaimsBad: {
		KK: "қолтаңбадағы деректер куәлікке сәйкес келмейді: %[1]s",
		RU: "данные подписи не совпадают с сертификатом: %[1]s",
		EN: "the JWT claims do not match the credential: %[1]s"},
	VerifyClaimsOK: {
		KK: "қолтаңбадағы деректер (ұйым, идентификатор, иесі, күні) куәлікке сәйкес келеді",
		RU: "данные подписи (организация, идентификатор, владелец, дата) совпадают с сертификатом",
		EN: "iss, jti, sub, nbf match the credential"},
	VerifySchemaBad: {
		KK: "Open Badges 3.0 стандартының схемасына сәйкес келмейді",
		RU: "не соответствует схеме стандарта Open Badges 3.0",
		EN: "does not conform to the Open Badges 3.0 schema"},
	VerifySchemaOK: {
		KK: "Open Badges 3.0 стандартының схемасына сәйкес келеді",
		RU: "соответствует схеме стандарта Open Badges 3.0",
		EN: "conforms to the Open Badges 3.0 AchievementCredential schema"},
	VerifyNotBefore:      {KK: "%[1]s дейін жарамсыз", RU: "недействителен до %[1]s", EN: "not valid before %[1]s"},
	VerifyExpiredOn:      {KK: "мерзімі %[1]s аяқталды", RU: "срок действия истёк %[1]s", EN: "expired on %[1]s"},
	VerifyValidSince:     {KK: "%[1]s бастап жарамды", RU: "действителен с %[1]s", EN: "valid since %[1]s"},
	VerifyRegistryFailed: {KK: "тізілімді тексеру мүмкін болмады", RU: "не удалось проверить реестр", EN: "registry lookup failed"},
	VerifyOtherIssuer: {
		KK: "басқа ұйым берген (%[1]s): бұл тізілімде жоқ",
		RU: "выдан другой организацией (%[1]s): в этом реестре его нет",
		EN: "issued by another organization (%[1]s): not in this registry"},
	VerifyNotInRegistry: {
		KK: "ұйымның тізілімінде мұндай куәлік жоқ",
		RU: "в реестре организации такого сертификата нет",
		EN: "the issuer's registry has no such credential"},
	VerifyRegistryDiffers: {
		KK: "куәлік ұйым тізіліміндегі нұсқадан өзгеше",
		RU: "сертификат отличается от записи в реестре организации",
		EN: "the credential differs from the one in the issuer's registry"},
	VerifyRegistryOK: {
		KK: "ұйымның тізілімінде бар және онымен бірдей",
		RU: "есть в реестре организации и совпадает с ним",
		EN: "present in the issuer's registry and identical"},
	VerifyStatusUnknown: {
		KK: "ұйымның мәртебе тізімі оқылмады",
		RU: "список статусов организации прочитать не удалось",
		EN: "unknown: the issuer's status list could not be read"},
	VerifyNoStatus: {
		KK: "куәлікте мәртебе жазбасы жоқ: оны кері қайтаруға болмайды",
		RU: "у сертификата нет записи статуса: его нельзя отозвать",
		EN: "the credential has no status entry: it cannot be revoked"},
	VerifyStatusRevoked: {
		KK: "ұйымның мәртебе тізімінде кері қайтарылған",
		RU: "отозван по списку статусов организации",
		EN: "revoked in the issuer's status list"},
	VerifyStatusSuspended: {
		KK: "ұйымның мәртебе тізімінде уақытша тоқтатылған",
		RU: "приостановлен по списку статусов организации",
		EN: "suspended in the issuer's status list"},
	VerifyStatusOK: {
		KK: "ұйымның мәртебе тізімі бойынша кері қайтарылмаған және тоқтатылмаған",
		RU: "по списку статусов организации не отозван и не приостановлен",
		EN: "not revoked or suspended in the issuer's status list"},
	VerifyNoSuchID: {
		KK: "бұл тізілімде %[1]s куәлігі жоқ",
		RU: "в этом реестре нет сертификата %[1]s",
		EN: "no credential %[1]s in this registry"},
	VerifyNotCredential: {
		KK: "бұл куәлік емес: қол қойылған куәліктің мәтінін (JWT), JSON файлын, PNG не SVG бейджін, PDF сертификатын немесе куәліктің мекенжайын, идентификаторын не сертификат нөмірін жіберіңіз",
		RU: "это не сертификат: нужен текст подписанного сертификата (JWT), файл JSON, бейдж PNG или SVG, сертификат PDF либо адрес, идентификатор или номер сертификата",
		EN: "not a credential: expected a compact JWS, OB3 JSON, a baked PNG or SVG badge, a certificate PDF, or a credential's address, identifier or certificate number"},
	VerifyNoCredential: {
		KK: "файлда куәлік табылмады: QR кодты сканерлеңіз немесе сертификаттың идентификаторын теріңіз",
		RU: "в файле не найден сертификат: отсканируйте QR-код или введите идентификатор сертификата",
		EN: "no credential found in this file: scan the QR code or type the certificate's identifier"},
	VerifyFileTooLarge: {
		KK: "файл осы түрдегі куәліктен үлкен болмауы керек",
		RU: "файл больше, чем может быть сертификат такого вида",
		EN: "the file is larger than a credential of its kind may be"},
	VerifyNotOurAddress: {
		KK: "бұл мекенжай осы тізілімнің беті емес: сол сайт не дейтінін көру үшін оны ашыңыз",
		RU: "этот адрес не является страницей этого реестра: откройте его, чтобы увидеть, что говорит тот сайт",
		EN: "the address is not one of this registry's pages: open it to see what its site says"},
	VerifyNoSuchNumber: {
		KK: "№ %[1]s сертификаты жоқ",
		RU: "сертификата № %[1]s нет",
		EN: "no certificate № %[1]s"},
	VerifyBadgeUnreadable: {
		KK: "%[1]s бейджіндегі куәлікті оқу мүмкін емес",
		RU: "сертификат в бейдже %[1]s прочитать нельзя",
		EN: "the %[1]s badge holds no readable credential"},
	VerifyPDFTooLarge: {
		KK: "PDF файлы сертификатқа рұқсат етілген шектен асады",
		RU: "файл PDF превышает пределы, допустимые для сертификата",
		EN: "the PDF exceeds the limits for a certificate"},
	VerifyPDFUnreadable: {
		KK: "PDF файлын оқу мүмкін емес",
		RU: "файл PDF прочитать нельзя",
		EN: "the PDF cannot be read"},
	VerifyInputTooLarge: {
		KK: "жіберілгені куәлікке рұқсат етілген %[1]d байттан үлкен",
		RU: "отправленное больше %[1]d байт, допустимых для сертификата",
		EN: "the input is larger than the %[1]d bytes a credential may weigh"},
	VerifyFormMalformed: {
		KK: "пішін қате жіберілген",
		RU: "форма отправлена с ошибкой",
		EN: "the form is malformed"},
	VerifyBadgeEmpty: {
		KK: "%[1]s бейджінде қол қойылған куәлік жоқ",
		RU: "в бейдже %[1]s нет подписанного сертификата",
		EN: "the %[1]s badge holds no signed credential"},
	VerifyEmpty: {
		KK: "ештеңе жіберілмеді: куәлік мәтінін қойыңыз немесе файлды таңдаңыз",
		RU: "ничего не отправлено: вставьте текст сертификата или выберите файл",
		EN: "the body is empty: send a compact JWS, OB3 JSON, a baked PNG/SVG badge or a certificate PDF"},
	VerifyUnreadableFile: {
		KK: "файлда оқылатын куәлік жоқ",
		RU: "в файле нет читаемого сертификата",
		EN: "the file holds no readable credential"},
	VerifyBadJSON: {KK: "JSON қате жазылған", RU: "JSON записан с ошибкой", EN: "the JSON is malformed"},
	VerifyJSONNotOB3: {
		KK: "бұл JSON Open Badges куәлігі емес (идентификаторы жоқ)",
		RU: "этот JSON не является сертификатом Open Badges (нет идентификатора)",
		EN: "the JSON is not an Open Badges credential (no id)"},
	VerifyJSONUnknown: {
		KK: "JSON-да қолтаңба жоқ және ол бұл тізілімде жоқ; қол қойылған нұсқасын (JWT) жіберіңіз",
		RU: "в JSON нет подписи, и его нет в этом реестре; отправьте подписанный вариант (JWT)",
		EN: "the JSON carries no proof and is not in this registry; send the signed form (compact JWS)"},
	VerifyJSONAltered: {
		KK: "JSON осы тізілімдегі %[1]s куәлігінен өзгеше: ол өзгертілген",
		RU: "JSON отличается от сертификата %[1]s в этом реестре: он изменён",
		EN: "the JSON differs from the credential %[1]s in this registry: it was altered"},
}
