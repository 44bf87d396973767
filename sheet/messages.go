package sheet

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// lang indexes the message catalog.
type lang int

const (
	langEN lang = iota
	langKK
	langRU
)

// parseLang maps Options.Lang ("kk", "kk-KZ", "ru", "en", ...) to a catalog
// language; anything unknown is English.
func parseLang(s string) lang {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case strings.HasPrefix(s, "kk"), strings.HasPrefix(s, "kz"), strings.HasPrefix(s, "kaz"):
		return langKK
	case strings.HasPrefix(s, "ru"):
		return langRU
	}
	return langEN
}

// msgID names one message of the catalog.
type msgID int

const (
	mTooLarge msgID = iota
	mTooManyRows
	mEmpty
	mNoRows
	mUnreadableXLSX
	mUnreadableODS
	mUnreadableXLS
	mUnreadableHTML
	mXML2003
	mLegacyXLS
	mBinary
	mSheetNotFound
	mBadDelimiter
	mBadDelimiterFound
	mMissingColumns
	mMissingItem
	mUnrecognised
	mDuplicateColumn

	mUnknownColumn
	mUnnamedColumn
	mFieldCountShort
	mFieldCountLong
	mQuoteOpen
	mQuoteBare
	mRequired
	mTooLong
	mInvalidName
	mBadEncoding
	mDateFormat
	mDateImpossible
	mDateYear
	mDateShortYear
	mDateAmbiguous
	mPeriodReversed
	mFutureDate
	mDecisionBeforePeriod
	mIINChars
	mIINLength
	mIINLengthZero
	mIINBirth
	mIINCentury
	mIINCheck
	mEmail
	mLanguage
	mNumber
	mGradeInvalid
	mGradeFailing
	mDuplicateRow
	mTooManyCells
	mTooManyColumns
	mCSVTooWide
	mRowBeyond
	mUnzipTooLarge
	mHTMLTooLarge
	mBadIDChar
	mBadNameChar
	mTooManyProblems
	mTooMuchText
	numMessages
)

// catalog holds every message in English, Kazakh and Russian. Arguments are
// indexed (%[1]s) so that each language may order them freely. Values are
// quoted with straight double quotes in every language.
var catalog = [numMessages][3]string{
	mTooLarge: {
		`the file is larger than the limit of %[1]s`,
		`файл рұқсат етілген көлемнен (%[1]s) үлкен`,
		`файл больше допустимого размера (%[1]s)`},
	mTooManyRows: {
		`the file has more than %[1]d data rows (the limit); split it into several files`,
		`файлдағы деректер жолдарының саны шектен асады (ең көбі %[1]d); файлды бірнеше файлға бөліңіз`,
		`в файле слишком много строк данных (не более %[1]d); разделите его на несколько файлов`},
	mEmpty: {
		`the file is empty`,
		`файл бос`,
		`файл пустой`},
	mNoRows: {
		`the file has a header row but no data rows`,
		`файлда тақырып жолы ғана бар, деректер жолдары жоқ`,
		`в файле есть только строка заголовков, строк с данными нет`},
	mUnreadableXLSX: {
		`the file could not be opened as an Excel workbook (.xlsx); it may be damaged or in another format — open it in Excel and save it as .xlsx or CSV`,
		`файлды Excel кітабы (.xlsx) ретінде ашу мүмкін болмады; ол бүлінген немесе басқа пішімде болуы мүмкін — оны Excel-де ашып, .xlsx немесе CSV ретінде сақтаңыз`,
		`файл не удалось открыть как книгу Excel (.xlsx); возможно, он повреждён или в другом формате — откройте его в Excel и сохраните как .xlsx или CSV`},
	mUnreadableODS: {
		`the file could not be read as an OpenDocument spreadsheet (.ods); it may be damaged — open it in LibreOffice Calc and save it again as .ods, .xlsx or CSV`,
		`файлды OpenDocument кестесі (.ods) ретінде оқу мүмкін болмады; ол бүлінген болуы мүмкін — оны LibreOffice Calc-та ашып, .ods, .xlsx немесе CSV ретінде қайта сақтаңыз`,
		`файл не удалось прочитать как таблицу OpenDocument (.ods); возможно, он повреждён — откройте его в LibreOffice Calc и сохраните заново как .ods, .xlsx или CSV`},
	mUnreadableXLS: {
		`the file could not be read as an Excel 97–2003 workbook (.xls); it may be damaged — open it in Excel or LibreOffice and save it as .xlsx or CSV`,
		`файлды Excel 97–2003 кітабы (.xls) ретінде оқу мүмкін болмады; ол бүлінген болуы мүмкін — оны Excel-де немесе LibreOffice-те ашып, .xlsx немесе CSV ретінде сақтаңыз`,
		`файл не удалось прочитать как книгу Excel 97–2003 (.xls); возможно, он повреждён — откройте его в Excel или LibreOffice и сохраните как .xlsx или CSV`},
	mUnreadableHTML: {
		`the file is a web page, but no table could be read from it; open it in Excel or LibreOffice and save it as .xlsx or CSV`,
		`файл веб-бет, бірақ одан кесте оқылмады; оны Excel-де немесе LibreOffice-те ашып, .xlsx немесе CSV ретінде сақтаңыз`,
		`файл является веб-страницей, но таблицу из него прочитать не удалось; откройте его в Excel или LibreOffice и сохраните как .xlsx или CSV`},
	mXML2003: {
		`this is an Excel 2003 XML spreadsheet, which is not supported; open it in Excel or LibreOffice and save it as .xlsx or CSV`,
		`бұл Excel 2003 XML кестесі, ол қолдау таппайды; оны Excel-де немесе LibreOffice-те ашып, .xlsx немесе CSV ретінде сақтаңыз`,
		`это таблица Excel 2003 XML, она не поддерживается; откройте её в Excel или LibreOffice и сохраните как .xlsx или CSV`},
	mLegacyXLS: {
		`this workbook is password-protected or older than Excel 97; save it without a password as .xlsx or CSV and upload it again`,
		`бұл кітап құпиясөзбен қорғалған немесе Excel 97-ден ескі пішімде; оны құпиясөзсіз .xlsx немесе CSV ретінде сақтап, қайта жүктеңіз`,
		`эта книга защищена паролем или сохранена в формате старше Excel 97; сохраните её без пароля как .xlsx или CSV и загрузите снова`},
	mBinary: {
		`the file is not a spreadsheet; upload a CSV, XLSX, XLS or ODS file`,
		`файл кесте емес; CSV, XLSX, XLS немесе ODS файлын жүктеңіз`,
		`файл не является таблицей; загрузите файл CSV, XLSX, XLS или ODS`},
	mSheetNotFound: {
		`the workbook has no sheet "%[1]s"; its sheets are: %[2]s`,
		`кітапта "%[1]s" парағы жоқ; бар парақтар: %[2]s`,
		`в книге нет листа "%[1]s"; есть листы: %[2]s`},
	mBadDelimiter: {
		`the header row could not be split into columns; separate the columns with a comma, a semicolon or a tab`,
		`тақырып жолын бағандарға бөлу мүмкін болмады; бағандарды үтірмен, нүктелі үтірмен немесе табуляциямен бөліңіз`,
		`не удалось разделить строку заголовков на столбцы; разделяйте столбцы запятой, точкой с запятой или табуляцией`},
	mBadDelimiterFound: {
		`the header row could not be split into columns: the file seems to use "%[1]s"; separate the columns with a comma, a semicolon or a tab`,
		`тақырып жолын бағандарға бөлу мүмкін болмады: файлда "%[1]s" бөлгіші қолданылған сияқты; бағандарды үтірмен, нүктелі үтірмен немесе табуляциямен бөліңіз`,
		`не удалось разделить строку заголовков на столбцы: похоже, в файле используется "%[1]s"; разделяйте столбцы запятой, точкой с запятой или табуляцией`},
	mMissingColumns: {
		`required columns are missing: %[1]s`,
		`міндетті бағандар жоқ: %[1]s`,
		`нет обязательных столбцов: %[1]s`},
	mMissingItem: {
		`%[1]s (accepted headers: %[2]s)`,
		`%[1]s (қабылданатын атаулар: %[2]s)`,
		`%[1]s (допустимые заголовки: %[2]s)`},
	mUnrecognised: {
		`; columns not recognised: %[1]s`,
		`; танылмаған бағандар: %[1]s`,
		`; нераспознанные столбцы: %[1]s`},
	mDuplicateColumn: {
		`columns "%[1]s" and "%[2]s" both mean %[3]s; keep only one of them`,
		`"%[1]s" және "%[2]s" бағандарының екеуі де %[3]s дегенді білдіреді; біреуін ғана қалдырыңыз`,
		`столбцы "%[1]s" и "%[2]s" оба означают %[3]s; оставьте только один из них`},

	mUnknownColumn: {
		`column "%[1]s" is not recognised; its values are ignored`,
		`"%[1]s" бағаны танылмады; оның мәндері ескерілмейді`,
		`столбец "%[1]s" не распознан; его значения не учитываются`},
	mUnnamedColumn: {
		`column %[1]d has values but no header; its values are ignored`,
		`%[1]d-бағанда мәндер бар, бірақ тақырыбы жоқ; олар ескерілмейді`,
		`в столбце %[1]d есть значения, но нет заголовка; они не учитываются`},
	mFieldCountShort: {
		`the row has %[1]d cells but the header has %[2]d; the file may be cut off`,
		`жолда %[1]d ұяшық бар, ал тақырыпта %[2]d; файл толық жүктелмеген болуы мүмкін`,
		`число ячеек в строке — %[1]d, а в заголовке — %[2]d; возможно, файл обрезан`},
	mFieldCountLong: {
		`the row has %[1]d cells but the header has %[2]d; a value probably contains an unquoted separator (e.g. a decimal comma) — put it in quotes`,
		`жолда %[1]d ұяшық бар, ал тақырыпта %[2]d; мәндердің бірінде тырнақшаға алынбаған бөлгіш (мысалы, ондық үтір) бар болуы мүмкін — оны тырнақшаға алыңыз`,
		`число ячеек в строке — %[1]d, а в заголовке — %[2]d; вероятно, значение содержит разделитель без кавычек (например, десятичную запятую) — заключите его в кавычки`},
	mQuoteOpen: {
		`a quoted value that starts in this row is never closed (a closing " is missing); the file may be cut off`,
		`осы жолда басталған тырнақшадағы мән жабылмаған (жабатын " жоқ); файл толық жүктелмеген болуы мүмкін`,
		`значение в кавычках, начатое в этой строке, не закрыто (нет закрывающей "); возможно, файл обрезан`},
	mQuoteBare: {
		`a quote (") is out of place in this row; put the whole value in quotes and double the quotes inside it`,
		`бұл жолда тырнақша (") орнында емес; мәнді толығымен тырнақшаға алып, ішіндегі тырнақшаларды қосарлаңыз`,
		`в этой строке кавычка (") стоит не на месте; заключите всё значение в кавычки, а кавычки внутри него удвойте`},
	mRequired: {
		`"%[1]s" is empty; a value is required`,
		`"%[1]s" толтырылмаған; мән міндетті`,
		`не заполнено поле "%[1]s"; значение обязательно`},
	mTooLong: {
		`the value is too long (%[1]d characters, at most %[2]d)`,
		`мән тым ұзын (%[1]d таңба, ең көбі %[2]d)`,
		`значение слишком длинное (длина %[1]d, не более %[2]d)`},
	mInvalidName: {
		`"%[1]s" must consist of letters (digits are not allowed)`,
		`"%[1]s" әріптерден тұруы керек (цифрлар болмауы тиіс)`,
		`"%[1]s" должно состоять из букв (цифры недопустимы)`},
	mBadEncoding: {
		`the value contains characters that could not be read; save the file as UTF-8 (CSV UTF-8) and upload it again`,
		`мәнде оқылмайтын таңбалар бар; файлды UTF-8 (CSV UTF-8) түрінде сақтап, қайта жүктеңіз`,
		`значение содержит нечитаемые символы; сохраните файл в кодировке UTF-8 (CSV UTF-8) и загрузите снова`},
	mDateFormat: {
		`"%[1]s" is not a date; write it as DD.MM.YYYY or YYYY-MM-DD`,
		`"%[1]s" күн емес; оны КК.АА.ЖЖЖЖ немесе ЖЖЖЖ-АА-КК түрінде жазыңыз`,
		`"%[1]s" не является датой; запишите её как ДД.ММ.ГГГГ или ГГГГ-ММ-ДД`},
	mDateImpossible: {
		`date "%[1]s" does not exist`,
		`"%[1]s" деген күн күнтізбеде жоқ`,
		`даты "%[1]s" не существует`},
	mDateYear: {
		`date "%[1]s" has an implausible year`,
		`"%[1]s" күнінде жыл қате көрсетілген`,
		`в дате "%[1]s" указан неправдоподобный год`},
	mDateShortYear: {
		`date "%[1]s" has a two-digit year; write the year in full (DD.MM.YYYY)`,
		`"%[1]s" күнінде жыл екі цифрмен жазылған; жылды толық жазыңыз (КК.АА.ЖЖЖЖ)`,
		`в дате "%[1]s" год записан двумя цифрами; укажите год полностью (ДД.ММ.ГГГГ)`},
	mDateAmbiguous: {
		`date "%[1]s" is ambiguous (the day and the month could be swapped); write it as DD.MM.YYYY`,
		`"%[1]s" күні екіұшты (күн мен айды шатастыруға болады); оны КК.АА.ЖЖЖЖ түрінде жазыңыз`,
		`дата "%[1]s" неоднозначна (день и месяц можно перепутать); запишите её как ДД.ММ.ГГГГ`},
	mPeriodReversed: {
		`the period ends (%[2]s) before it starts (%[1]s)`,
		`оқу кезеңі басталмай жатып аяқталады: басталуы %[1]s, аяқталуы %[2]s`,
		`период заканчивается (%[2]s) раньше, чем начинается (%[1]s)`},
	mFutureDate: {
		`date %[1]s is in the future`,
		`%[1]s күні әлі келген жоқ`,
		`дата %[1]s ещё не наступила`},
	mDecisionBeforePeriod: {
		`the decision date %[1]s is before the study period starts (%[2]s)`,
		`шешім күні (%[1]s) оқу кезеңі басталғанға дейін (%[2]s)`,
		`дата решения %[1]s раньше начала обучения (%[2]s)`},
	mIINChars: {
		`IIN %[1]s must contain only digits`,
		`ЖСН %[1]s тек цифрлардан тұруы керек`,
		`ИИН %[1]s должен состоять только из цифр`},
	mIINLength: {
		`IIN %[1]s must have 12 digits, this one has %[2]d`,
		`ЖСН %[1]s 12 цифрдан тұруы керек, мұнда %[2]d цифр`,
		`ИИН %[1]s должен состоять из 12 цифр, здесь %[2]d`},
	mIINLengthZero: {
		`IIN %[1]s must have 12 digits, this one has 11: Excel may have dropped a leading zero — format the column as text and type the IIN again`,
		`ЖСН %[1]s 12 цифрдан тұруы керек, мұнда 11 цифр: Excel бастапқы нөлді өшірген болуы мүмкін — бағанды мәтін пішіміне ауыстырып, ЖСН-ді қайта енгізіңіз`,
		`ИИН %[1]s должен состоять из 12 цифр, здесь 11: возможно, Excel удалил ведущий ноль — задайте столбцу текстовый формат и введите ИИН заново`},
	mIINBirth: {
		`IIN %[1]s does not start with a real birth date (YYMMDD)`,
		`ЖСН %[1]s нақты туған күннен (ЖЖААКК) басталмайды`,
		`ИИН %[1]s не начинается с реальной даты рождения (ГГММДД)`},
	mIINCentury: {
		`IIN %[1]s has a wrong 7th digit (century and sex: 1–6)`,
		`ЖСН %[1]s: 7-цифры қате (ғасыры мен жынысы: 1–6)`,
		`ИИН %[1]s: неверная 7-я цифра (век и пол: 1–6)`},
	mIINCheck: {
		`IIN %[1]s has a wrong check digit`,
		`ЖСН %[1]s бақылау цифры қате`,
		`ИИН %[1]s: неверная контрольная цифра`},
	mEmail: {
		`e-mail "%[1]s" is not a valid address`,
		`"%[1]s" электрондық пошта мекенжайы жарамсыз`,
		`адрес электронной почты "%[1]s" указан неверно`},
	mLanguage: {
		`language "%[1]s" is not supported; write kk, ru or en`,
		`"%[1]s" тілі қолдау таппайды; kk, ru немесе en деп жазыңыз`,
		`язык "%[1]s" не поддерживается; укажите kk, ru или en`},
	mNumber: {
		`"%[1]s" is not a valid number; expected a positive number up to %[2]s`,
		`"%[1]s" жарамды сан емес; оң сан болуы керек (ең көбі %[2]s)`,
		`"%[1]s" не является допустимым числом; ожидается положительное число не больше %[2]s`},
	mGradeInvalid: {
		`grade "%[1]s" is not valid; write a percent from 0 to 100 or a letter grade (A, A-, B+, … F)`,
		`"%[1]s" бағасы жарамсыз; 0-ден 100-ге дейінгі пайызды немесе әріптік бағаны (A, A-, B+, … F) жазыңыз`,
		`оценка "%[1]s" недопустима; укажите процент от 0 до 100 или буквенную оценку (A, A-, B+, … F)`},
	mGradeFailing: {
		`grade "%[1]s" (%[2]s) in %[3]s is a fail`,
		`%[3]s бойынша "%[1]s" (%[2]s) бағасы қанағаттанарлықсыз`,
		`оценка "%[1]s" (%[2]s) по %[3]s неудовлетворительная`},
	mDuplicateRow: {
		`student %[1]s with the same period is already in row %[2]d`,
		`%[1]s білім алушысы осы кезеңмен %[2]d-жолда бар`,
		`обучающийся %[1]s с тем же периодом уже есть в строке %[2]d`},
	mTooManyCells: {
		`the file holds more than %[1]d cells (the limit, reached at row %[2]d): it probably has values or formatting far below or to the right of the table — delete the rows and columns after the table, save it and upload it again`,
		`файлда %[1]d ұяшықтан артық бар (шек %[2]d-жолда асты): кестеден әлдеқайда төмен немесе оң жақта мәндер не пішімдеу бар болуы мүмкін — кестеден кейінгі жолдар мен бағандарды жойып, файлды сақтап, қайта жүктеңіз`,
		`в файле больше %[1]d ячеек (предел достигнут в строке %[2]d): вероятно, ниже или правее таблицы есть значения или форматирование — удалите строки и столбцы после таблицы, сохраните файл и загрузите снова`},
	mTooManyColumns: {
		`row %[1]d, the header, has more than %[2]d columns (the limit); delete the columns to the right of the table and upload the file again`,
		`тақырып жолында (%[1]d-жол) %[2]d бағаннан артық бар (шек); кестенің оң жағындағы бағандарды жойып, файлды қайта жүктеңіз`,
		`в строке заголовков (строка %[1]d) больше %[2]d столбцов (предел); удалите столбцы правее таблицы и загрузите файл снова`},
	mCSVTooWide: {
		`line %[1]d has more than %[2]d separators (the limit); the file is not a cohort table or is damaged`,
		`%[1]d-жолда %[2]d бөлгіштен артық бар (шек); файл кесте емес немесе бүлінген`,
		`в строке %[1]d больше %[2]d разделителей (предел); файл не является таблицей или повреждён`},
	mRowBeyond: {
		`the file has a value in row %[1]d, beyond the last row a spreadsheet may have (%[2]d); the file is damaged`,
		`файлда %[1]d-жолда мән бар, ал кестеде ең көбі %[2]d жол болады; файл бүлінген`,
		`в файле есть значение в строке %[1]d, а в таблице может быть не больше %[2]d строк; файл повреждён`},
	mUnzipTooLarge: {
		`the workbook unpacks to more than %[1]d MB (the limit); delete the unused sheets, rows and columns, or save it as CSV, and upload it again`,
		`кітап ашылғанда %[1]d МБ-тан асады (шек); пайдаланылмайтын парақтарды, жолдар мен бағандарды жойыңыз немесе оны CSV ретінде сақтап, қайта жүктеңіз`,
		`книга в распакованном виде больше %[1]d МБ (предел); удалите неиспользуемые листы, строки и столбцы или сохраните её как CSV и загрузите снова`},
	mHTMLTooLarge: {
		`the web page has more than %[1]d tags (the limit); open it in Excel or LibreOffice and save it as .xlsx or CSV`,
		`веб-бетте %[1]d тегтен артық бар (шек); оны Excel-де немесе LibreOffice-те ашып, .xlsx немесе CSV ретінде сақтаңыз`,
		`на веб-странице больше %[1]d тегов (предел); откройте её в Excel или LibreOffice и сохраните как .xlsx или CSV`},
	mBadIDChar: {
		`"%[1]s" may hold only letters, digits and the separators %[2]s, and must start with a letter or a digit`,
		`"%[1]s" тек әріптерден, цифрлардан және %[2]s бөлгіштерінен тұра алады және әріптен немесе цифрдан басталуы керек`,
		`"%[1]s" может содержать только буквы, цифры и разделители %[2]s и должно начинаться с буквы или цифры`},
	mTooManyProblems: {
		`more than %[1]d rows have problems (the limit); the first, in row %[2]d: %[3]s — the file is probably for another program or its columns are shifted; fix what the rows have in common and upload it again`,
		`%[1]d-ден астам жолда қате бар (шек); біріншісі, %[2]d-жолда: %[3]s — файл басқа бағдарламаға арналған немесе бағандары жылжып кеткен болуы мүмкін; жолдарға ортақ қатені түзетіп, қайта жүктеңіз`,
		`ошибки есть более чем в %[1]d строках (предел); первая, в строке %[2]d: %[3]s — вероятно, файл относится к другой программе или его столбцы сдвинуты; исправьте общую для строк ошибку и загрузите файл снова`},
	mTooMuchText: {
		`the file's cells hold more than %[1]d MB of text (the limit, reached at row %[2]d); delete what is not the table, save it and upload it again`,
		`файлдың ұяшықтарында %[1]d МБ-тан артық мәтін бар (шек %[2]d-жолда асты); кестеге қатысы жоқтың бәрін жойып, файлды сақтап, қайта жүктеңіз`,
		`в ячейках файла больше %[1]d МБ текста (предел достигнут в строке %[2]d); удалите всё, что не относится к таблице, сохраните файл и загрузите снова`},
	mBadNameChar: {
		`the value contains a character that is not allowed here (%[1]s)`,
		`мәнде мұнда рұқсат етілмеген таңба бар (%[1]s)`,
		`значение содержит недопустимый здесь символ (%[1]s)`},
}

// text formats a catalog message.
func (l lang) text(id msgID, args ...any) string {
	return fmt.Sprintf(catalog[id][l], args...)
}

// columnName is a field's name for a registrar in l.
func (l lang) columnName(f field) string { return fieldSpecs[f].display[l] }

// size renders a byte count as megabytes (or kilobytes) for messages.
func (l lang) size(n int64) string {
	unitMB, unitKB := "MB", "KB"
	if l != langEN {
		unitMB, unitKB = "МБ", "КБ"
	}
	v, unit := float64(n)/(1<<10), unitKB
	if n >= 1<<20 {
		v, unit = float64(n)/(1<<20), unitMB
	}
	return strings.TrimSuffix(strconv.FormatFloat(v, 'f', 1, 64), ".0") + " " + unit
}

// showDate renders a date as DD.MM.YYYY (the registrars' format) in messages.
func showDate(t time.Time) string { return t.Format("02.01.2006") }
