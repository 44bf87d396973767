package lang

// API errors shared by every area.
const (
	ErrInternal   Key = "error.internal"
	ErrTooLarge   Key = "error.too_large"
	ErrLang       Key = "error.lang"
	ErrVerifyBusy Key = "error.verify_busy"
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
}
