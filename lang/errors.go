package lang

// API errors shared by every area.
const (
	ErrInternal   Key = "error.internal"
	ErrTooLarge   Key = "error.too_large"
	ErrLang       Key = "error.lang"
	ErrVerifyBusy Key = "error.verify_busy"

	ErrSSOOff         Key = "error.sso_off"
	ErrNoAchievement  Key = "error.no_achievement"
	ErrMailOff        Key = "error.mail_off"
	ErrMailHolder     Key = "error.mail_holder"
	ErrMailHolderWhat Key = "error.mail_holder_what"
)

var errorMessages = map[Key]Message{
	ErrInternal: {KK: "Ішкі қате.", RU: "Внутренняя ошибка.", EN: "Internal error."},
	ErrTooLarge: {
		KK: "сұраудың көлемі шектен (%[1]d байт) асады",
		RU: "запрос больше допустимого размера (%[1]d байт)",
		EN: "the request body is larger than the limit of %[1]d bytes"},
	ErrVerifyBusy: {
		KK: "сервер қазір барынша көп куәлікті тексеруде: бір секундтан кейін қайталаңыз",
		RU: "сервер проверяет столько сертификатов, сколько может: повторите через секунду",
		EN: "the server is verifying as many credentials as it can: try again in a second"},
	ErrLang: {
		KK: "lang параметрі kk, ru немесе en болуы керек",
		RU: "параметр lang должен быть kk, ru или en",
		EN: "lang must be kk, ru or en"},
	ErrSSOOff: {
		KK: "бірыңғай кіру бапталмаған",
		RU: "единый вход не настроен",
		EN: "single sign-on is not configured"},
	ErrNoAchievement: {
		KK: "бағдарламаның мұндай нұсқасы жоқ",
		RU: "такой версии программы нет",
		EN: "no such achievement"},
	ErrMailOff: {
		KK: "бұл серверде иелерге электрондық хат жіберілмейді",
		RU: "на этом сервере письма владельцам не отправляются",
		EN: "e-mail to holders is not available on this server"},
	ErrMailHolder: {
		KK: "куәлік иесінің электрондық пошта мекенжайын көрсетіңіз",
		RU: "укажите адрес электронной почты владельца",
		EN: "email must be the holder's e-mail address"},
	ErrMailHolderWhat: {
		KK: "электрондық пошта мекенжайы міндетті және дұрыс жазылуы керек",
		RU: "адрес электронной почты обязателен и должен быть правильным",
		EN: "email is required and must be an e-mail address"},
}
