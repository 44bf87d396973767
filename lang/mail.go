package lang

// The e-mail telling a holder about a new credential. %[1]s is the
// organization, %[2]s the program.
const (
	MailSubject  Key = "mail.subject"
	MailGreeting Key = "mail.greeting"
	MailIssued   Key = "mail.issued"
	MailPage     Key = "mail.page"
	MailPdf      Key = "mail.pdf"
	MailLinkedin Key = "mail.linkedin"
	MailHowto    Key = "mail.howto"
	MailFooter   Key = "mail.footer"
)

var mailMessages = map[Key]Message{
	MailSubject: {
		KK: "%[1]s: «%[2]s» бойынша сертификат",
		RU: "%[1]s: сертификат «%[2]s»",
		EN: "%[1]s: your certificate for “%[2]s”"},
	MailGreeting: {
		KK: "Құрметті %s!",
		RU: "Здравствуйте, %s!",
		EN: "Dear %s,"},
	MailIssued: {
		KK: "%[1]s сізге «%[2]s» бағдарламасы бойынша цифрлық сертификат берді. Оны кез келген адам төмендегі сілтеме арқылы тексере алады.",
		RU: "%[1]s: вам выдан цифровой сертификат по программе «%[2]s». Любой может проверить его по ссылке ниже.",
		EN: "%[1]s has issued you a digital certificate for the programme “%[2]s”. Anyone can verify it at the link below."},
	MailPage: {
		KK: "Сертификат беті",
		RU: "Страница сертификата",
		EN: "Certificate page"},
	MailPdf: {
		KK: "PDF жүктеп алу",
		RU: "Скачать PDF",
		EN: "Download the PDF"},
	MailLinkedin: {
		KK: "LinkedIn профиліне қосу",
		RU: "Добавить в профиль LinkedIn",
		EN: "Add to LinkedIn profile"},
	MailHowto: {
		KK: "LinkedIn профиліңізге қосу үшін сілтемені ашып, «Сақтау» түймесін басыңыз.",
		RU: "Чтобы добавить сертификат в профиль LinkedIn, откройте ссылку и нажмите «Сохранить».",
		EN: "To add the certificate to your LinkedIn profile, open the link and press “Save”."},
	MailFooter: {
		KK: "Бұл хат автоматты түрде жіберілді, оған жауап берудің қажеті жоқ.",
		RU: "Это письмо отправлено автоматически, отвечать на него не нужно.",
		EN: "This message was sent automatically; there is no need to reply."},
}
