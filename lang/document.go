package lang

// Verification of Data Integrity credentials and of what a certificate
// PDF shows (package verifier: VerifyDataIntegrity, VerifyExtracted).
const (
	VerifyDINotObject   Key = "verify.di_not_object"
	VerifyDIProof       Key = "verify.di_proof"
	VerifyDIPurpose     Key = "verify.di_purpose"
	VerifyDINoIssuer    Key = "verify.di_no_issuer"
	VerifyDIMethod      Key = "verify.di_method"
	VerifyDINotEd25519  Key = "verify.di_not_ed25519"
	VerifyDIBadProof    Key = "verify.di_bad_proof"
	VerifyDISignatureOK Key = "verify.di_signature_ok"
	VerifyDIClaimsBad   Key = "verify.di_claims_bad"
	VerifyDIClaimsOK    Key = "verify.di_claims_ok"

	VerifyDocAltered Key = "verify.doc_altered"
	VerifyDocOK      Key = "verify.doc_ok"

	// What does not match in a certificate PDF (said inside VerifyDocAltered).
	DocRevised         Key = "doc.revised"
	DocUnconfirmed     Key = "doc.unconfirmed"
	DocNotTanu         Key = "doc.not_tanu"
	DocNoHolder        Key = "doc.no_holder"
	DocHolder          Key = "doc.holder"
	DocNumber          Key = "doc.number"
	DocOtherNumber     Key = "doc.other_number"
	DocIdentifier      Key = "doc.identifier"
	DocOtherIdentifier Key = "doc.other_identifier"
	DocNoLink          Key = "doc.no_link"
	DocOtherLink       Key = "doc.other_link"
	DocNoQR            Key = "doc.no_qr"
	DocOtherQR         Key = "doc.other_qr"
)

var documentMessages = map[Key]Message{
	VerifyDINotObject: {
		KK: "куәлік JSON нысаны емес",
		RU: "сертификат не является объектом JSON",
		EN: "the credential is not a JSON object"},
	VerifyDIProof: {
		KK: "куәліктің қолтаңбасы (Data Integrity proof) жоқ немесе қате жазылған",
		RU: "у сертификата нет подписи (Data Integrity proof) или она записана с ошибкой",
		EN: "the credential has no readable Data Integrity proof"},
	VerifyDIPurpose: {
		KK: "қолтаңбаның мақсаты assertionMethod болуы керек, ал мұнда %[1]s",
		RU: "назначение подписи должно быть assertionMethod, а не %[1]s",
		EN: "the proof's purpose must be assertionMethod, not %[1]s"},
	VerifyDINoIssuer: {
		KK: "куәлікте берген ұйым көрсетілмеген",
		RU: "в сертификате не указан издатель",
		EN: "the credential names no issuer"},
	VerifyDIMethod: {
		KK: "%[1]s кілті %[2]s ұйымының кілті емес",
		RU: "ключ %[1]s не является ключом издателя %[2]s",
		EN: "the proof's verification method %[1]s is not a key of the issuer %[2]s"},
	VerifyDINotEd25519: {
		KK: "%[1]s кілті Ed25519 кілті емес",
		RU: "ключ %[1]s не является ключом Ed25519",
		EN: "the key %[1]s is not an Ed25519 key"},
	VerifyDIBadProof: {
		KK: "қолтаңба (Data Integrity proof) мазмұнға сәйкес келмейді: куәлік өзгертілген немесе оған басқа біреу қол қойған",
		RU: "подпись (Data Integrity proof) не совпадает с содержимым: сертификат изменён или подписан кем-то другим",
		EN: "the Data Integrity proof does not verify: the credential was altered or signed by someone else"},
	VerifyDISignatureOK: {
		KK: "%[1]s кілтімен қойылған Data Integrity қолтаңбасы (eddsa-rdfc-2022) дұрыс",
		RU: "подпись Data Integrity (eddsa-rdfc-2022) ключом %[1]s верна",
		EN: "eddsa-rdfc-2022 Data Integrity proof by %[1]s"},
	VerifyDIClaimsBad: {
		KK: "куәлік деректері дұрыс жазылмаған: %[1]s",
		RU: "данные сертификата записаны неверно: %[1]s",
		EN: "the credential's fields are not well formed: %[1]s"},
	VerifyDIClaimsOK: {
		KK: "берген ұйым, идентификатор мен күндер дұрыс жазылған; қолтаңба кілті ұйымдікі",
		RU: "издатель, идентификатор и даты записаны верно; ключ подписи принадлежит издателю",
		EN: "issuer, id and dates are well formed; the proof's key is the issuer's"},

	VerifyDocAltered: {
		KK: "бұл файл өзгертілген: %[1]s",
		RU: "этот файл изменён: %[1]s",
		EN: "this file has been altered: %[1]s"},
	VerifyDocOK: {
		KK: "файлда көрсетілген иесі, сертификат нөмірі, идентификатор, сілтемелер мен QR код ішіндегі куәлікке тиесілі",
		RU: "владелец, номер сертификата, идентификатор, ссылки и QR-код в файле принадлежат сертификату внутри него",
		EN: "the holder, certificate number, identifier, links and QR code the file shows belong to the credential it carries"},

	DocRevised: {
		KK: "файл берілгеннен кейін өңделген",
		RU: "файл редактировали после выдачи",
		EN: "the file was edited after it was issued"},
	DocUnconfirmed: {
		KK: "файлда көрсетілгенін растау мүмкін емес",
		RU: "видимое содержимое файла подтвердить нельзя",
		EN: "its visible content cannot be confirmed"},
	DocNotTanu: {
		KK: "файлда көрсетілгенін растау мүмкін емес: бұл осы жүйе беретін сертификат емес",
		RU: "видимое содержимое подтвердить нельзя: это не сертификат, какие выдаёт эта система",
		EN: "its visible content cannot be confirmed (not a certificate as tanu issues them)"},
	DocNoHolder: {
		KK: "куәлікте файлмен салыстыратын иесінің аты жоқ",
		RU: "в сертификате нет имени владельца, чтобы сравнить с файлом",
		EN: "the credential names no holder to compare with the file"},
	DocHolder: {
		KK: "файлда куәлік иесінің аты көрсетілмеген",
		RU: "файл не показывает владельца сертификата",
		EN: "the file does not show the credential's holder"},
	DocNumber: {
		KK: "файлда куәліктің сертификат нөмірі көрсетілмеген",
		RU: "файл не показывает номер сертификата",
		EN: "the file does not show the credential's certificate number"},
	DocOtherNumber: {
		KK: "файлда басқа сертификат нөмірі көрсетілген (№ %[1]s)",
		RU: "файл показывает другой номер сертификата (№ %[1]s)",
		EN: "the file shows another certificate number (№ %[1]s)"},
	DocIdentifier: {
		KK: "файлда куәліктің идентификаторы көрсетілмеген",
		RU: "файл не показывает идентификатор сертификата",
		EN: "the file does not show the credential's identifier"},
	DocOtherIdentifier: {
		KK: "файлда басқа куәліктің идентификаторы көрсетілген (%[1]s)",
		RU: "файл показывает идентификатор другого сертификата (%[1]s)",
		EN: "the file shows another credential's identifier (%[1]s)"},
	DocNoLink: {
		KK: "файлда куәлік бетіне сілтеме жоқ",
		RU: "в файле нет ссылки на страницу сертификата",
		EN: "the file has no link to the credential's page"},
	DocOtherLink: {
		KK: "файлдағы сілтеме куәлік бетін емес, %[1]s мекенжайын ашады",
		RU: "ссылка в файле открывает %[1]s, а не страницу сертификата",
		EN: "a link in the file opens %[1]s, not the credential's page"},
	DocNoQR: {
		KK: "файлда оқылатын QR код жоқ",
		RU: "в файле нет читаемого QR-кода",
		EN: "the file has no QR code that can be read"},
	DocOtherQR: {
		KK: "QR код куәлік бетін ашпайды",
		RU: "QR-код не открывает страницу сертификата",
		EN: "the QR code does not open the credential's page"},
}
