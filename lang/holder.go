package lang

// The holder's page /my, its sign-in and transaction-code letters, and the
// wallet offer. The templates read them without the "holder." prefix.
const (
	HolderTitle        Key = "holder.title"
	HolderLead         Key = "holder.lead"
	HolderEmail        Key = "holder.email"
	HolderSend         Key = "holder.send"
	HolderSent         Key = "holder.sent"
	HolderSentSub      Key = "holder.sent_sub"
	HolderBadEmail     Key = "holder.bad_email"
	HolderSignInTitle  Key = "holder.signin_title"
	HolderSignInLead   Key = "holder.signin_lead"
	HolderSignIn       Key = "holder.signin"
	HolderLinkInvalid  Key = "holder.link_invalid"
	HolderAskAgain     Key = "holder.ask_again"
	HolderListLead     Key = "holder.list_lead"
	HolderNone         Key = "holder.none"
	HolderSignOut      Key = "holder.signout"
	HolderDownloadAll  Key = "holder.download_all"
	HolderShare        Key = "holder.share"
	HolderOpen         Key = "holder.open"
	HolderBadge        Key = "holder.badge"
	HolderWallet       Key = "holder.wallet"
	HolderWalletCode   Key = "holder.wallet_code"
	HolderWalletTitle  Key = "holder.wallet_title"
	HolderWalletScan   Key = "holder.wallet_scan"
	HolderWalletLink   Key = "holder.wallet_link"
	HolderWalletExpiry Key = "holder.wallet_expiry"
	HolderWalletTx     Key = "holder.wallet_tx"
	HolderBack         Key = "holder.back"
	HolderExpired      Key = "holder.expired"
	HolderTooLarge     Key = "holder.too_large"
	HolderStatus       Key = "holder.status"
	HolderNotYours     Key = "holder.not_yours"
	HolderNoWallets    Key = "holder.no_wallets"

	HolderMailSubject   Key = "holder.mail_subject"
	HolderMailBody      Key = "holder.mail_body"
	HolderMailButton    Key = "holder.mail_button"
	HolderMailIgnore    Key = "holder.mail_ignore"
	HolderTxMailSubject Key = "holder.tx_mail_subject"
	HolderTxMailBody    Key = "holder.tx_mail_body"
	HolderMailWallet    Key = "holder.mail_wallet"
)

var holderMessages = map[Key]Message{
	HolderTitle: {
		KK: "Менің сертификаттарым",
		RU: "Мои сертификаты",
		EN: "My credentials"},
	HolderLead: {
		KK: "Сертификаттарыңыз жіберілген электрондық поштаны жазыңыз: кіруге арналған бір реттік сілтеме сол мекенжайға келеді. Құпиясөз қажет емес.",
		RU: "Укажите адрес электронной почты, на который выдавались ваши сертификаты: на него придёт одноразовая ссылка для входа. Пароль не нужен.",
		EN: "Type the e-mail address your credentials were issued to: a one-time sign-in link will be sent there. No password needed."},
	HolderEmail: {
		KK: "Электрондық пошта",
		RU: "Электронная почта",
		EN: "E-mail address"},
	HolderSend: {
		KK: "Сілтеме жіберу",
		RU: "Отправить ссылку",
		EN: "Send me a link"},
	HolderSent: {
		KK: "Хатты тексеріңіз",
		RU: "Проверьте почту",
		EN: "Check your e-mail"},
	HolderSentSub: {
		KK: "Кіруге арналған сілтеме %[1]s мекенжайына жіберілді. Ол бір рет және %[2]d минут ішінде жұмыс істейді. Хат келмесе, «Спам» қалтасын қараңыз немесе университетке берген мекенжайыңызды жазыңыз.",
		RU: "Ссылка для входа отправлена на %[1]s. Она действует один раз и %[2]d минут. Если письма нет, проверьте папку «Спам» или укажите адрес, который вы давали университету.",
		EN: "A sign-in link has been sent to %[1]s. It works once, for %[2]d minutes. If no message arrives, look in your spam folder, or use the address you gave the university."},
	HolderBadEmail: {
		KK: "Электрондық пошта мекенжайын толық жазыңыз (атауы, @ белгісі, домен).",
		RU: "Укажите адрес электронной почты полностью (имя, знак @, домен).",
		EN: "Type an e-mail address in full (name, the @ sign, domain)."},
	HolderSignInTitle: {
		KK: "Кіру",
		RU: "Вход",
		EN: "Sign in"},
	HolderSignInLead: {
		KK: "Сертификаттарыңызды көру үшін түймені басыңыз.",
		RU: "Нажмите кнопку, чтобы увидеть свои сертификаты.",
		EN: "Press the button to see your credentials."},
	HolderSignIn: {
		KK: "Кіру",
		RU: "Войти",
		EN: "Sign in"},
	HolderLinkInvalid: {
		KK: "Бұл сілтеменің мерзімі өтіп кеткен немесе ол пайдаланылған. Жаңасын сұраңыз.",
		RU: "Срок действия ссылки истёк, или она уже использована. Запросите новую.",
		EN: "This link has expired or has already been used. Ask for a new one."},
	HolderAskAgain: {
		KK: "Жаңа сілтеме сұрау",
		RU: "Запросить новую ссылку",
		EN: "Ask for a new link"},
	HolderListLead: {
		KK: "Осы мекенжайға берілген сертификаттар:",
		RU: "Сертификаты, выданные на этот адрес:",
		EN: "Credentials issued to this address:"},
	HolderNone: {
		KK: "Бұл мекенжайға сертификат берілмеген. Университетке басқа мекенжай бергеніңізді тексеріңіз.",
		RU: "На этот адрес сертификаты не выдавались. Возможно, вы давали университету другой адрес.",
		EN: "No credentials were issued to this address. You may have given the university another one."},
	HolderSignOut: {
		KK: "Шығу",
		RU: "Выйти",
		EN: "Sign out"},
	HolderDownloadAll: {
		KK: "Барлығын жүктеп алу (PDF және белгішелер, бір архив)",
		RU: "Скачать всё (PDF и значки одним архивом)",
		EN: "Download all (PDFs and badges, one ZIP)"},
	HolderShare: {
		KK: "Бөлісуге арналған сілтеме",
		RU: "Ссылка, чтобы поделиться",
		EN: "Link to share"},
	HolderOpen: {
		KK: "Сертификат беті",
		RU: "Страница сертификата",
		EN: "Credential page"},
	HolderBadge: {
		KK: "Белгіше",
		RU: "Значок",
		EN: "Badge"},
	HolderWallet: {
		KK: "Әмиянға қосу",
		RU: "Добавить в кошелёк",
		EN: "Add to a wallet"},
	HolderWalletCode: {
		KK: "Әмиянға қосу (кодты поштаға жіберу)",
		RU: "Добавить в кошелёк (код по почте)",
		EN: "Add to a wallet (code by e-mail)"},
	HolderWalletTitle: {
		KK: "Сандық әмиянға қосу",
		RU: "Добавить в цифровой кошелёк",
		EN: "Add to a digital wallet"},
	HolderWalletScan: {
		KK: "Әмиян қолданбасымен кодты сканерлеңіз:",
		RU: "Отсканируйте код приложением кошелька:",
		EN: "Scan the code with your wallet app:"},
	HolderWalletLink: {
		KK: "Әмиян осы телефонда болса, сілтемені ашыңыз",
		RU: "Если кошелёк на этом телефоне, откройте ссылку",
		EN: "If the wallet is on this phone, open the link"},
	HolderWalletExpiry: {
		KK: "Ұсыныс бір рет және %d минут ішінде жұмыс істейді.",
		RU: "Предложение действует один раз и %d минут.",
		EN: "The offer works once, for %d minutes."},
	HolderWalletTx: {
		KK: "Әмиян сұрайтын код электрондық поштаңызға жіберілді.",
		RU: "Код, который спросит кошелёк, отправлен вам на почту.",
		EN: "The code your wallet will ask for has been sent to your e-mail."},
	HolderBack: {
		KK: "Сертификаттарға оралу",
		RU: "Назад к сертификатам",
		EN: "Back to the credentials"},
	HolderExpired: {
		KK: "Кіру уақыты аяқталды. Жаңа сілтеме сұраңыз.",
		RU: "Сеанс завершён. Запросите новую ссылку.",
		EN: "Your session has ended. Ask for a new link."},
	HolderTooLarge: {
		KK: "Архив тым үлкен: сертификаттарды бір-бірден жүктеп алыңыз.",
		RU: "Архив слишком велик: скачайте сертификаты по одному.",
		EN: "The ZIP would be too large: download the credentials one by one."},
	HolderStatus: {
		KK: "Мәртебесі",
		RU: "Статус",
		EN: "Status"},

	HolderNotYours: {
		KK: "%s сертификаты кірген иесіне тиесілі емес",
		RU: "сертификат %s не принадлежит вошедшему владельцу",
		EN: "credential %s is not among the signed-in holder's"},
	HolderNoWallets: {
		KK: "бұл серверде әмиянға беру қосылмаған",
		RU: "на этом сервере выдача в кошелёк не включена",
		EN: "wallets are not available on this server"},

	HolderMailSubject: {
		KK: "%s: сертификаттарыңызды көруге арналған сілтеме",
		RU: "%s: ссылка для входа к вашим сертификатам",
		EN: "%s: your sign-in link"},
	HolderMailBody: {
		KK: "Сертификаттарыңызды көру үшін сілтемені ашыңыз. Ол бір рет және %d минут ішінде жұмыс істейді.",
		RU: "Откройте ссылку, чтобы увидеть свои сертификаты. Она действует один раз и %d минут.",
		EN: "Open the link to see your credentials. It works once, for %d minutes."},
	HolderMailButton: {
		KK: "Сертификаттарымды көру",
		RU: "Мои сертификаты",
		EN: "See my credentials"},
	HolderMailIgnore: {
		KK: "Сілтемені сіз сұрамаған болсаңыз, бұл хатқа назар аудармаңыз.",
		RU: "Если вы не запрашивали ссылку, просто не обращайте внимания на это письмо.",
		EN: "If you did not ask for this link, ignore this message."},
	HolderTxMailSubject: {
		KK: "%s: әмиянға арналған код",
		RU: "%s: код для кошелька",
		EN: "%s: code for your wallet"},
	HolderTxMailBody: {
		KK: "Әмиян сертификатты алғанда осы кодты сұрайды: %[1]s. Код бір ұсыныс үшін %[2]d минут ішінде жұмыс істейді.",
		RU: "Кошелёк спросит этот код, когда будет получать сертификат: %[1]s. Код действует для одного предложения %[2]d минут.",
		EN: "Your wallet will ask for this code when it receives the credential: %[1]s. It works for one offer, for %[2]d minutes."},
	HolderMailWallet: {
		KK: "Сертификатты сандық әмиянға қосу",
		RU: "Добавить сертификат в цифровой кошелёк",
		EN: "Add the credential to a digital wallet"},
}
