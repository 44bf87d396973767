package notify

// texts are the words of the message telling a holder about a new
// credential, in kk, ru and en. %[1]s is the organization, %[2]s the
// program.
var texts = map[string]map[string]string{
	"kk": {
		"subject":  "%[1]s: «%[2]s» бойынша сертификат",
		"greeting": "Құрметті %s!",
		"issued":   "%[1]s сізге «%[2]s» бағдарламасы бойынша цифрлық сертификат берді. Оны кез келген адам төмендегі сілтеме арқылы тексере алады.",
		"page":     "Сертификат беті",
		"pdf":      "PDF жүктеп алу",
		"linkedin": "LinkedIn профиліне қосу",
		"howto":    "LinkedIn профиліңізге қосу үшін сілтемені ашып, «Сақтау» түймесін басыңыз.",
		"footer":   "Бұл хат автоматты түрде жіберілді, оған жауап берудің қажеті жоқ.",
	},
	"ru": {
		"subject":  "%[1]s: сертификат «%[2]s»",
		"greeting": "Здравствуйте, %s!",
		"issued":   "%[1]s: вам выдан цифровой сертификат по программе «%[2]s». Любой может проверить его по ссылке ниже.",
		"page":     "Страница сертификата",
		"pdf":      "Скачать PDF",
		"linkedin": "Добавить в профиль LinkedIn",
		"howto":    "Чтобы добавить сертификат в профиль LinkedIn, откройте ссылку и нажмите «Сохранить».",
		"footer":   "Это письмо отправлено автоматически, отвечать на него не нужно.",
	},
	"en": {
		"subject":  "%[1]s: your certificate for “%[2]s”",
		"greeting": "Dear %s,",
		"issued":   "%[1]s has issued you a digital certificate for the programme “%[2]s”. Anyone can verify it at the link below.",
		"page":     "Certificate page",
		"pdf":      "Download the PDF",
		"linkedin": "Add to LinkedIn profile",
		"howto":    "To add the certificate to your LinkedIn profile, open the link and press “Save”.",
		"footer":   "This message was sent automatically; there is no need to reply.",
	},
}
