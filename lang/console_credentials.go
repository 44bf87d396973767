package lang

// The console's credentials (console_credentials.go): search, one
// credential, its status actions.
const (
	CCredHolder               Key = "ccred.holder"
	CCredStudentID            Key = "ccred.student_id"
	CCredNumber               Key = "ccred.number"
	CCredBook                 Key = "ccred.book"
	CCredProgram              Key = "ccred.program"
	CCredStatus               Key = "ccred.status"
	CCredIssuedFrom           Key = "ccred.issued_from"
	CCredIssuedTo             Key = "ccred.issued_to"
	CCredIssued               Key = "ccred.issued"
	CCredNothingFound         Key = "ccred.nothing_found"
	CCredBadNumber            Key = "ccred.bad_number"
	CCredBadDate              Key = "ccred.bad_date"
	CCredStatusValid          Key = "ccred.status_valid"
	CCredStatusRevoked        Key = "ccred.status_revoked"
	CCredStatusSuspended      Key = "ccred.status_suspended"
	CCredReason               Key = "ccred.reason"
	CCredPublicPage           Key = "ccred.public_page"
	CCredDetails              Key = "ccred.details"
	CCredValidFrom            Key = "ccred.valid_from"
	CCredBatch                Key = "ccred.batch"
	CCredIdentifier           Key = "ccred.identifier"
	CCredDownloads            Key = "ccred.downloads"
	CCredHistory              Key = "ccred.history"
	CCredWhen                 Key = "ccred.when"
	CCredWhat                 Key = "ccred.what"
	CCredWho                  Key = "ccred.who"
	CCredMessages             Key = "ccred.messages"
	CCredMailError            Key = "ccred.mail_error"
	CCredNoMessages           Key = "ccred.no_messages"
	CCredMailQueued           Key = "ccred.mail_queued"
	CCredMailSending          Key = "ccred.mail_sending"
	CCredMailSent             Key = "ccred.mail_sent"
	CCredMailFailed           Key = "ccred.mail_failed"
	CCredMailSkipped          Key = "ccred.mail_skipped"
	CCredRevoke               Key = "ccred.revoke"
	CCredSuspend              Key = "ccred.suspend"
	CCredReinstate            Key = "ccred.reinstate"
	CCredConfirmRevoke        Key = "ccred.confirm_revoke"
	CCredConfirmSuspend       Key = "ccred.confirm_suspend"
	CCredConfirmReinstate     Key = "ccred.confirm_reinstate"
	CCredConfirmRevokeText    Key = "ccred.confirm_revoke_text"
	CCredConfirmSuspendText   Key = "ccred.confirm_suspend_text"
	CCredConfirmReinstateText Key = "ccred.confirm_reinstate_text"
	CCredReasonPublic         Key = "ccred.reason_public"
	CCredReasonReinstate      Key = "ccred.reason_reinstate"
	CCredReasonRequired       Key = "ccred.reason_required"
	CCredConflict             Key = "ccred.conflict"
	CCredDoneRevoke           Key = "ccred.done_revoke"
	CCredDoneSuspend          Key = "ccred.done_suspend"
	CCredDoneReinstate        Key = "ccred.done_reinstate"
)

var consoleCredentialMessages = map[Key]Message{
	CCredHolder: {
		KK: "Иесінің аты-жөні",
		RU: "ФИО владельца",
		EN: "Holder's name"},
	CCredStudentID: {
		KK: "Білім алушының ID",
		RU: "ID обучающегося",
		EN: "Student ID"},
	CCredNumber: {
		KK: "Куәлік нөмірі",
		RU: "Номер сертификата",
		EN: "Certificate number"},
	CCredBook: {
		KK: "Кітаптағы тіркеу нөмірі",
		RU: "Регистрационный номер в книге",
		EN: "Book registration number"},
	CCredProgram: {
		KK: "Бағдарлама",
		RU: "Программа",
		EN: "Program"},
	CCredStatus: {
		KK: "Күйі",
		RU: "Статус",
		EN: "Status"},
	CCredIssuedFrom: {
		KK: "Берілген күні, бастап",
		RU: "Дата выдачи, с",
		EN: "Issued from"},
	CCredIssuedTo: {
		KK: "Берілген күні, дейін",
		RU: "Дата выдачи, по",
		EN: "Issued to"},
	CCredIssued: {
		KK: "Берілген",
		RU: "Выдан",
		EN: "Issued"},
	CCredNothingFound: {
		KK: "Ештеңе табылмады.",
		RU: "Ничего не найдено.",
		EN: "Nothing found."},
	CCredBadNumber: {
		KK: "куәлік нөмірі — сан",
		RU: "номер сертификата — это число",
		EN: "a certificate number is a number"},
	CCredBadDate: {
		KK: "күнді ЖЖЖЖ-АА-КК түрінде жазыңыз",
		RU: "укажите дату в виде ГГГГ-ММ-ДД",
		EN: "write the date as YYYY-MM-DD"},
	CCredStatusValid: {
		KK: "жарамды",
		RU: "действителен",
		EN: "valid"},
	CCredStatusRevoked: {
		KK: "кері қайтарылған",
		RU: "отозван",
		EN: "revoked"},
	CCredStatusSuspended: {
		KK: "тоқтатылған",
		RU: "приостановлен",
		EN: "suspended"},
	CCredReason: {
		KK: "Себебі",
		RU: "Причина",
		EN: "Reason"},
	CCredPublicPage: {
		KK: "Ашық бетін ашу",
		RU: "Открыть публичную страницу",
		EN: "Open the public page"},
	CCredDetails: {
		KK: "Мәліметтер",
		RU: "Сведения",
		EN: "Details"},
	CCredValidFrom: {
		KK: "Жарамдылық мерзімі",
		RU: "Срок действия",
		EN: "Valid"},
	CCredBatch: {
		KK: "Топтама",
		RU: "Пакет",
		EN: "Batch"},
	CCredIdentifier: {
		KK: "Идентификаторы",
		RU: "Идентификатор",
		EN: "Identifier"},
	CCredDownloads: {
		KK: "Жүктеп алу",
		RU: "Скачать",
		EN: "Downloads"},
	CCredHistory: {
		KK: "Тарихы",
		RU: "История",
		EN: "History"},
	CCredWhen: {
		KK: "Уақыты",
		RU: "Когда",
		EN: "When"},
	CCredWhat: {
		KK: "Әрекет",
		RU: "Действие",
		EN: "Action"},
	CCredWho: {
		KK: "Кім",
		RU: "Кто",
		EN: "Who"},
	CCredMessages: {
		KK: "Иесіне жіберілген хаттар",
		RU: "Письма владельцу",
		EN: "E-mail to the holder"},
	CCredMailError: {
		KK: "Қате",
		RU: "Ошибка",
		EN: "Error"},
	CCredNoMessages: {
		KK: "Хат жіберілмеген.",
		RU: "Писем не было.",
		EN: "No e-mail was sent."},
	CCredMailQueued: {
		KK: "кезекте",
		RU: "в очереди",
		EN: "queued"},
	CCredMailSending: {
		KK: "жіберілуде",
		RU: "отправляется",
		EN: "sending"},
	CCredMailSent: {
		KK: "жіберілді",
		RU: "отправлено",
		EN: "sent"},
	CCredMailFailed: {
		KK: "жіберілмеді",
		RU: "не отправлено",
		EN: "failed"},
	CCredMailSkipped: {
		KK: "жіберілмейді (пошта бапталмаған)",
		RU: "не отправляется (почта не настроена)",
		EN: "not sent (no mail server)"},
	CCredRevoke: {
		KK: "Кері қайтару",
		RU: "Отозвать",
		EN: "Revoke"},
	CCredSuspend: {
		KK: "Тоқтата тұру",
		RU: "Приостановить",
		EN: "Suspend"},
	CCredReinstate: {
		KK: "Қалпына келтіру",
		RU: "Восстановить",
		EN: "Reinstate"},
	CCredConfirmRevoke: {
		KK: "Куәлікті кері қайтару",
		RU: "Отозвать сертификат",
		EN: "Revoke the credential"},
	CCredConfirmSuspend: {
		KK: "Куәлікті тоқтата тұру",
		RU: "Приостановить сертификат",
		EN: "Suspend the credential"},
	CCredConfirmReinstate: {
		KK: "Куәлікті қалпына келтіру",
		RU: "Восстановить сертификат",
		EN: "Reinstate the credential"},
	CCredConfirmRevokeText: {
		KK: "Кері қайтару түпкілікті: куәлік енді ешқашан жарамды болмайды. Себебі куәліктің ашық бетінде көрсетіледі.",
		RU: "Отзыв окончателен: сертификат больше никогда не станет действительным. Причина будет видна на публичной странице сертификата.",
		EN: "Revocation is final: the credential will never be valid again. The reason is shown on the credential's public page."},
	CCredConfirmSuspendText: {
		KK: "Тоқтатылған куәлік қалпына келтірілгенге дейін жарамсыз. Себебі куәліктің ашық бетінде көрсетіледі.",
		RU: "Приостановленный сертификат недействителен, пока его не восстановят. Причина будет видна на публичной странице.",
		EN: "A suspended credential is not valid until it is reinstated. The reason is shown on the public page."},
	CCredConfirmReinstateText: {
		KK: "Куәлік қайтадан жарамды болады. Себебі тарихта сақталады.",
		RU: "Сертификат снова станет действительным. Причина сохранится в истории.",
		EN: "The credential becomes valid again. The reason is kept in the history."},
	CCredReasonPublic: {
		KK: "Себебі (ашық бетте көрсетіледі)",
		RU: "Причина (видна на публичной странице)",
		EN: "Reason (shown on the public page)"},
	CCredReasonReinstate: {
		KK: "Қалпына келтіру себебі",
		RU: "Причина восстановления",
		EN: "Why it is reinstated"},
	CCredReasonRequired: {
		KK: "Себебін жазыңыз.",
		RU: "Укажите причину.",
		EN: "Give a reason."},
	CCredConflict: {
		KK: "Куәліктің қазіргі күйінде бұл әрекет мүмкін емес (мысалы, ол кері қайтарылған).",
		RU: "В текущем состоянии сертификата это действие невозможно (например, он отозван).",
		EN: "The credential's current state does not allow this (e.g. it is revoked)."},
	CCredDoneRevoke: {
		KK: "Куәлік кері қайтарылды.",
		RU: "Сертификат отозван.",
		EN: "The credential is revoked."},
	CCredDoneSuspend: {
		KK: "Куәлік тоқтатылды.",
		RU: "Сертификат приостановлен.",
		EN: "The credential is suspended."},
	CCredDoneReinstate: {
		KK: "Куәлік қалпына келтірілді.",
		RU: "Сертификат восстановлен.",
		EN: "The credential is reinstated."},
}
