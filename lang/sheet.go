package lang

// Spreadsheets (package sheet): what is wrong with a file, a column or a
// cell, and the columns' names for registrars.
const (
	SheetTooLarge             Key = "sheet.too_large"
	SheetTooManyRows          Key = "sheet.too_many_rows"
	SheetEmpty                Key = "sheet.empty"
	SheetNoRows               Key = "sheet.no_rows"
	SheetUnreadableXLSX       Key = "sheet.unreadable_xlsx"
	SheetUnreadableODS        Key = "sheet.unreadable_ods"
	SheetUnreadableXLS        Key = "sheet.unreadable_xls"
	SheetUnreadableHTML       Key = "sheet.unreadable_html"
	SheetXML2003              Key = "sheet.xml2003"
	SheetLegacyXLS            Key = "sheet.legacy_xls"
	SheetBinary               Key = "sheet.binary"
	SheetSheetNotFound        Key = "sheet.sheet_not_found"
	SheetBadDelimiter         Key = "sheet.bad_delimiter"
	SheetBadDelimiterFound    Key = "sheet.bad_delimiter_found"
	SheetMissingColumns       Key = "sheet.missing_columns"
	SheetMissingItem          Key = "sheet.missing_item"
	SheetUnrecognised         Key = "sheet.unrecognised"
	SheetDuplicateColumn      Key = "sheet.duplicate_column"
	SheetUnknownColumn        Key = "sheet.unknown_column"
	SheetUnnamedColumn        Key = "sheet.unnamed_column"
	SheetFieldCountShort      Key = "sheet.field_count_short"
	SheetFieldCountLong       Key = "sheet.field_count_long"
	SheetQuoteOpen            Key = "sheet.quote_open"
	SheetQuoteBare            Key = "sheet.quote_bare"
	SheetRequired             Key = "sheet.required"
	SheetTooLong              Key = "sheet.too_long"
	SheetInvalidName          Key = "sheet.invalid_name"
	SheetBadEncoding          Key = "sheet.bad_encoding"
	SheetDateFormat           Key = "sheet.date_format"
	SheetDateImpossible       Key = "sheet.date_impossible"
	SheetDateYear             Key = "sheet.date_year"
	SheetDateShortYear        Key = "sheet.date_short_year"
	SheetDateAmbiguous        Key = "sheet.date_ambiguous"
	SheetPeriodReversed       Key = "sheet.period_reversed"
	SheetFutureDate           Key = "sheet.future_date"
	SheetDecisionBeforePeriod Key = "sheet.decision_before_period"
	SheetIINChars             Key = "sheet.iin_chars"
	SheetIINLength            Key = "sheet.iin_length"
	SheetIINLengthZero        Key = "sheet.iin_length_zero"
	SheetIINBirth             Key = "sheet.iin_birth"
	SheetIINCentury           Key = "sheet.iin_century"
	SheetIINCheck             Key = "sheet.iin_check"
	SheetEmail                Key = "sheet.email"
	SheetLanguage             Key = "sheet.language"
	SheetNumber               Key = "sheet.number"
	SheetGradeInvalid         Key = "sheet.grade_invalid"
	SheetGradeFailing         Key = "sheet.grade_failing"
	SheetDuplicateRow         Key = "sheet.duplicate_row"
	SheetTooManyCells         Key = "sheet.too_many_cells"
	SheetTooManyColumns       Key = "sheet.too_many_columns"
	SheetCSVTooWide           Key = "sheet.csv_too_wide"
	SheetRowBeyond            Key = "sheet.row_beyond"
	SheetUnzipTooLarge        Key = "sheet.unzip_too_large"
	SheetHTMLTooLarge         Key = "sheet.html_too_large"
	SheetBadIDChar            Key = "sheet.bad_id_char"
	SheetTooManyProblems      Key = "sheet.too_many_problems"
	SheetTooMuchText          Key = "sheet.too_much_text"
	SheetBadNameChar          Key = "sheet.bad_name_char"
	SheetColStudentID         Key = "sheet.col_student_id"
	SheetColFamilyName        Key = "sheet.col_family_name"
	SheetColGivenName         Key = "sheet.col_given_name"
	SheetColPatronymic        Key = "sheet.col_patronymic"
	SheetColEmail             Key = "sheet.col_email"
	SheetColIIN               Key = "sheet.col_iin"
	SheetColDateFrom          Key = "sheet.col_date_from"
	SheetColDateTo            Key = "sheet.col_date_to"
	SheetColHours             Key = "sheet.col_hours"
	SheetColCredits           Key = "sheet.col_credits"
	SheetColDecisionDate      Key = "sheet.col_decision_date"
	SheetColLanguage          Key = "sheet.col_language"
	SheetColDepartment        Key = "sheet.col_department"
	SheetColPosition          Key = "sheet.col_position"
)

// Arguments are indexed (%[1]s) so that each language may order them
// freely. Values are quoted with straight double quotes in every language.
var sheetMessages = map[Key]Message{
	SheetTooLarge: {
		KK: `файл рұқсат етілген көлемнен (%[1]s) үлкен`,
		RU: `файл больше допустимого размера (%[1]s)`,
		EN: `the file is larger than the limit of %[1]s`},
	SheetTooManyRows: {
		KK: `файлдағы деректер жолдарының саны шектен асады (ең көбі %[1]d); файлды бірнеше файлға бөліңіз`,
		RU: `в файле слишком много строк данных (не более %[1]d); разделите его на несколько файлов`,
		EN: `the file has more than %[1]d data rows (the limit); split it into several files`},
	SheetEmpty: {
		KK: `файл бос`,
		RU: `файл пустой`,
		EN: `the file is empty`},
	SheetNoRows: {
		KK: `файлда тақырып жолы ғана бар, деректер жолдары жоқ`,
		RU: `в файле есть только строка заголовков, строк с данными нет`,
		EN: `the file has a header row but no data rows`},
	SheetUnreadableXLSX: {
		KK: `файлды Excel кітабы (.xlsx) ретінде ашу мүмкін болмады; ол бүлінген немесе басқа пішімде болуы мүмкін — оны Excel-де ашып, .xlsx немесе CSV ретінде сақтаңыз`,
		RU: `файл не удалось открыть как книгу Excel (.xlsx); возможно, он повреждён или в другом формате — откройте его в Excel и сохраните как .xlsx или CSV`,
		EN: `the file could not be opened as an Excel workbook (.xlsx); it may be damaged or in another format — open it in Excel and save it as .xlsx or CSV`},
	SheetUnreadableODS: {
		KK: `файлды OpenDocument кестесі (.ods) ретінде оқу мүмкін болмады; ол бүлінген болуы мүмкін — оны LibreOffice Calc-та ашып, .ods, .xlsx немесе CSV ретінде қайта сақтаңыз`,
		RU: `файл не удалось прочитать как таблицу OpenDocument (.ods); возможно, он повреждён — откройте его в LibreOffice Calc и сохраните заново как .ods, .xlsx или CSV`,
		EN: `the file could not be read as an OpenDocument spreadsheet (.ods); it may be damaged — open it in LibreOffice Calc and save it again as .ods, .xlsx or CSV`},
	SheetUnreadableXLS: {
		KK: `файлды Excel 97–2003 кітабы (.xls) ретінде оқу мүмкін болмады; ол бүлінген болуы мүмкін — оны Excel-де немесе LibreOffice-те ашып, .xlsx немесе CSV ретінде сақтаңыз`,
		RU: `файл не удалось прочитать как книгу Excel 97–2003 (.xls); возможно, он повреждён — откройте его в Excel или LibreOffice и сохраните как .xlsx или CSV`,
		EN: `the file could not be read as an Excel 97–2003 workbook (.xls); it may be damaged — open it in Excel or LibreOffice and save it as .xlsx or CSV`},
	SheetUnreadableHTML: {
		KK: `файл веб-бет, бірақ одан кесте оқылмады; оны Excel-де немесе LibreOffice-те ашып, .xlsx немесе CSV ретінде сақтаңыз`,
		RU: `файл является веб-страницей, но таблицу из него прочитать не удалось; откройте его в Excel или LibreOffice и сохраните как .xlsx или CSV`,
		EN: `the file is a web page, but no table could be read from it; open it in Excel or LibreOffice and save it as .xlsx or CSV`},
	SheetXML2003: {
		KK: `бұл Excel 2003 XML кестесі, ол қолдау таппайды; оны Excel-де немесе LibreOffice-те ашып, .xlsx немесе CSV ретінде сақтаңыз`,
		RU: `это таблица Excel 2003 XML, она не поддерживается; откройте её в Excel или LibreOffice и сохраните как .xlsx или CSV`,
		EN: `this is an Excel 2003 XML spreadsheet, which is not supported; open it in Excel or LibreOffice and save it as .xlsx or CSV`},
	SheetLegacyXLS: {
		KK: `бұл кітап құпиясөзбен қорғалған немесе Excel 97-ден ескі пішімде; оны құпиясөзсіз .xlsx немесе CSV ретінде сақтап, қайта жүктеңіз`,
		RU: `эта книга защищена паролем или сохранена в формате старше Excel 97; сохраните её без пароля как .xlsx или CSV и загрузите снова`,
		EN: `this workbook is password-protected or older than Excel 97; save it without a password as .xlsx or CSV and upload it again`},
	SheetBinary: {
		KK: `файл кесте емес; CSV, XLSX, XLS немесе ODS файлын жүктеңіз`,
		RU: `файл не является таблицей; загрузите файл CSV, XLSX, XLS или ODS`,
		EN: `the file is not a spreadsheet; upload a CSV, XLSX, XLS or ODS file`},
	SheetSheetNotFound: {
		KK: `кітапта "%[1]s" парағы жоқ; бар парақтар: %[2]s`,
		RU: `в книге нет листа "%[1]s"; есть листы: %[2]s`,
		EN: `the workbook has no sheet "%[1]s"; its sheets are: %[2]s`},
	SheetBadDelimiter: {
		KK: `тақырып жолын бағандарға бөлу мүмкін болмады; бағандарды үтірмен, нүктелі үтірмен немесе табуляциямен бөліңіз`,
		RU: `не удалось разделить строку заголовков на столбцы; разделяйте столбцы запятой, точкой с запятой или табуляцией`,
		EN: `the header row could not be split into columns; separate the columns with a comma, a semicolon or a tab`},
	SheetBadDelimiterFound: {
		KK: `тақырып жолын бағандарға бөлу мүмкін болмады: файлда "%[1]s" бөлгіші қолданылған сияқты; бағандарды үтірмен, нүктелі үтірмен немесе табуляциямен бөліңіз`,
		RU: `не удалось разделить строку заголовков на столбцы: похоже, в файле используется "%[1]s"; разделяйте столбцы запятой, точкой с запятой или табуляцией`,
		EN: `the header row could not be split into columns: the file seems to use "%[1]s"; separate the columns with a comma, a semicolon or a tab`},
	SheetMissingColumns: {
		KK: `міндетті бағандар жоқ: %[1]s`,
		RU: `нет обязательных столбцов: %[1]s`,
		EN: `required columns are missing: %[1]s`},
	SheetMissingItem: {
		KK: `%[1]s (қабылданатын атаулар: %[2]s)`,
		RU: `%[1]s (допустимые заголовки: %[2]s)`,
		EN: `%[1]s (accepted headers: %[2]s)`},
	SheetUnrecognised: {
		KK: `; танылмаған бағандар: %[1]s`,
		RU: `; нераспознанные столбцы: %[1]s`,
		EN: `; columns not recognised: %[1]s`},
	SheetDuplicateColumn: {
		KK: `"%[1]s" және "%[2]s" бағандарының екеуі де %[3]s дегенді білдіреді; біреуін ғана қалдырыңыз`,
		RU: `столбцы "%[1]s" и "%[2]s" оба означают %[3]s; оставьте только один из них`,
		EN: `columns "%[1]s" and "%[2]s" both mean %[3]s; keep only one of them`},
	SheetUnknownColumn: {
		KK: `"%[1]s" бағаны танылмады; оның мәндері ескерілмейді`,
		RU: `столбец "%[1]s" не распознан; его значения не учитываются`,
		EN: `column "%[1]s" is not recognised; its values are ignored`},
	SheetUnnamedColumn: {
		KK: `%[1]d-бағанда мәндер бар, бірақ тақырыбы жоқ; олар ескерілмейді`,
		RU: `в столбце %[1]d есть значения, но нет заголовка; они не учитываются`,
		EN: `column %[1]d has values but no header; its values are ignored`},
	SheetFieldCountShort: {
		KK: `жолда %[1]d ұяшық бар, ал тақырыпта %[2]d; файл толық жүктелмеген болуы мүмкін`,
		RU: `число ячеек в строке — %[1]d, а в заголовке — %[2]d; возможно, файл обрезан`,
		EN: `the row has %[1]d cells but the header has %[2]d; the file may be cut off`},
	SheetFieldCountLong: {
		KK: `жолда %[1]d ұяшық бар, ал тақырыпта %[2]d; мәндердің бірінде тырнақшаға алынбаған бөлгіш (мысалы, ондық үтір) бар болуы мүмкін — оны тырнақшаға алыңыз`,
		RU: `число ячеек в строке — %[1]d, а в заголовке — %[2]d; вероятно, значение содержит разделитель без кавычек (например, десятичную запятую) — заключите его в кавычки`,
		EN: `the row has %[1]d cells but the header has %[2]d; a value probably contains an unquoted separator (e.g. a decimal comma) — put it in quotes`},
	SheetQuoteOpen: {
		KK: `осы жолда басталған тырнақшадағы мән жабылмаған (жабатын " жоқ); файл толық жүктелмеген болуы мүмкін`,
		RU: `значение в кавычках, начатое в этой строке, не закрыто (нет закрывающей "); возможно, файл обрезан`,
		EN: `a quoted value that starts in this row is never closed (a closing " is missing); the file may be cut off`},
	SheetQuoteBare: {
		KK: `бұл жолда тырнақша (") орнында емес; мәнді толығымен тырнақшаға алып, ішіндегі тырнақшаларды қосарлаңыз`,
		RU: `в этой строке кавычка (") стоит не на месте; заключите всё значение в кавычки, а кавычки внутри него удвойте`,
		EN: `a quote (") is out of place in this row; put the whole value in quotes and double the quotes inside it`},
	SheetRequired: {
		KK: `"%[1]s" толтырылмаған; мән міндетті`,
		RU: `не заполнено поле "%[1]s"; значение обязательно`,
		EN: `"%[1]s" is empty; a value is required`},
	SheetTooLong: {
		KK: `мән тым ұзын (%[1]d таңба, ең көбі %[2]d)`,
		RU: `значение слишком длинное (длина %[1]d, не более %[2]d)`,
		EN: `the value is too long (%[1]d characters, at most %[2]d)`},
	SheetInvalidName: {
		KK: `"%[1]s" әріптерден тұруы керек (цифрлар болмауы тиіс)`,
		RU: `"%[1]s" должно состоять из букв (цифры недопустимы)`,
		EN: `"%[1]s" must consist of letters (digits are not allowed)`},
	SheetBadEncoding: {
		KK: `мәнде оқылмайтын таңбалар бар; файлды UTF-8 (CSV UTF-8) түрінде сақтап, қайта жүктеңіз`,
		RU: `значение содержит нечитаемые символы; сохраните файл в кодировке UTF-8 (CSV UTF-8) и загрузите снова`,
		EN: `the value contains characters that could not be read; save the file as UTF-8 (CSV UTF-8) and upload it again`},
	SheetDateFormat: {
		KK: `"%[1]s" күн емес; оны КК.АА.ЖЖЖЖ немесе ЖЖЖЖ-АА-КК түрінде жазыңыз`,
		RU: `"%[1]s" не является датой; запишите её как ДД.ММ.ГГГГ или ГГГГ-ММ-ДД`,
		EN: `"%[1]s" is not a date; write it as DD.MM.YYYY or YYYY-MM-DD`},
	SheetDateImpossible: {
		KK: `"%[1]s" деген күн күнтізбеде жоқ`,
		RU: `даты "%[1]s" не существует`,
		EN: `date "%[1]s" does not exist`},
	SheetDateYear: {
		KK: `"%[1]s" күнінде жыл қате көрсетілген`,
		RU: `в дате "%[1]s" указан неправдоподобный год`,
		EN: `date "%[1]s" has an implausible year`},
	SheetDateShortYear: {
		KK: `"%[1]s" күнінде жыл екі цифрмен жазылған; жылды толық жазыңыз (КК.АА.ЖЖЖЖ)`,
		RU: `в дате "%[1]s" год записан двумя цифрами; укажите год полностью (ДД.ММ.ГГГГ)`,
		EN: `date "%[1]s" has a two-digit year; write the year in full (DD.MM.YYYY)`},
	SheetDateAmbiguous: {
		KK: `"%[1]s" күні екіұшты (күн мен айды шатастыруға болады); оны КК.АА.ЖЖЖЖ түрінде жазыңыз`,
		RU: `дата "%[1]s" неоднозначна (день и месяц можно перепутать); запишите её как ДД.ММ.ГГГГ`,
		EN: `date "%[1]s" is ambiguous (the day and the month could be swapped); write it as DD.MM.YYYY`},
	SheetPeriodReversed: {
		KK: `оқу кезеңі басталмай жатып аяқталады: басталуы %[1]s, аяқталуы %[2]s`,
		RU: `период заканчивается (%[2]s) раньше, чем начинается (%[1]s)`,
		EN: `the period ends (%[2]s) before it starts (%[1]s)`},
	SheetFutureDate: {
		KK: `%[1]s күні әлі келген жоқ`,
		RU: `дата %[1]s ещё не наступила`,
		EN: `date %[1]s is in the future`},
	SheetDecisionBeforePeriod: {
		KK: `шешім күні (%[1]s) оқу кезеңі басталғанға дейін (%[2]s)`,
		RU: `дата решения %[1]s раньше начала обучения (%[2]s)`,
		EN: `the decision date %[1]s is before the study period starts (%[2]s)`},
	SheetIINChars: {
		KK: `ЖСН %[1]s тек цифрлардан тұруы керек`,
		RU: `ИИН %[1]s должен состоять только из цифр`,
		EN: `IIN %[1]s must contain only digits`},
	SheetIINLength: {
		KK: `ЖСН %[1]s 12 цифрдан тұруы керек, мұнда %[2]d цифр`,
		RU: `ИИН %[1]s должен состоять из 12 цифр, здесь %[2]d`,
		EN: `IIN %[1]s must have 12 digits, this one has %[2]d`},
	SheetIINLengthZero: {
		KK: `ЖСН %[1]s 12 цифрдан тұруы керек, мұнда 11 цифр: Excel бастапқы нөлді өшірген болуы мүмкін — бағанды мәтін пішіміне ауыстырып, ЖСН-ді қайта енгізіңіз`,
		RU: `ИИН %[1]s должен состоять из 12 цифр, здесь 11: возможно, Excel удалил ведущий ноль — задайте столбцу текстовый формат и введите ИИН заново`,
		EN: `IIN %[1]s must have 12 digits, this one has 11: Excel may have dropped a leading zero — format the column as text and type the IIN again`},
	SheetIINBirth: {
		KK: `ЖСН %[1]s нақты туған күннен (ЖЖААКК) басталмайды`,
		RU: `ИИН %[1]s не начинается с реальной даты рождения (ГГММДД)`,
		EN: `IIN %[1]s does not start with a real birth date (YYMMDD)`},
	SheetIINCentury: {
		KK: `ЖСН %[1]s: 7-цифры қате (ғасыры мен жынысы: 1–6)`,
		RU: `ИИН %[1]s: неверная 7-я цифра (век и пол: 1–6)`,
		EN: `IIN %[1]s has a wrong 7th digit (century and sex: 1–6)`},
	SheetIINCheck: {
		KK: `ЖСН %[1]s бақылау цифры қате`,
		RU: `ИИН %[1]s: неверная контрольная цифра`,
		EN: `IIN %[1]s has a wrong check digit`},
	SheetEmail: {
		KK: `"%[1]s" электрондық пошта мекенжайы жарамсыз`,
		RU: `адрес электронной почты "%[1]s" указан неверно`,
		EN: `e-mail "%[1]s" is not a valid address`},
	SheetLanguage: {
		KK: `"%[1]s" тілі қолдау таппайды; kk, ru немесе en деп жазыңыз`,
		RU: `язык "%[1]s" не поддерживается; укажите kk, ru или en`,
		EN: `language "%[1]s" is not supported; write kk, ru or en`},
	SheetNumber: {
		KK: `"%[1]s" жарамды сан емес; оң сан болуы керек (ең көбі %[2]s)`,
		RU: `"%[1]s" не является допустимым числом; ожидается положительное число не больше %[2]s`,
		EN: `"%[1]s" is not a valid number; expected a positive number up to %[2]s`},
	SheetGradeInvalid: {
		KK: `"%[1]s" бағасы жарамсыз; 0-ден 100-ге дейінгі пайызды немесе әріптік бағаны (A, A-, B+, … F) жазыңыз`,
		RU: `оценка "%[1]s" недопустима; укажите процент от 0 до 100 или буквенную оценку (A, A-, B+, … F)`,
		EN: `grade "%[1]s" is not valid; write a percent from 0 to 100 or a letter grade (A, A-, B+, … F)`},
	SheetGradeFailing: {
		KK: `%[3]s бойынша "%[1]s" (%[2]s) бағасы қанағаттанарлықсыз`,
		RU: `оценка "%[1]s" (%[2]s) по %[3]s неудовлетворительная`,
		EN: `grade "%[1]s" (%[2]s) in %[3]s is a fail`},
	SheetDuplicateRow: {
		KK: `%[1]s білім алушысы осы кезеңмен %[2]d-жолда бар`,
		RU: `обучающийся %[1]s с тем же периодом уже есть в строке %[2]d`,
		EN: `student %[1]s with the same period is already in row %[2]d`},
	SheetTooManyCells: {
		KK: `файлда %[1]d ұяшықтан артық бар (шек %[2]d-жолда асты): кестеден әлдеқайда төмен немесе оң жақта мәндер не пішімдеу бар болуы мүмкін — кестеден кейінгі жолдар мен бағандарды жойып, файлды сақтап, қайта жүктеңіз`,
		RU: `в файле больше %[1]d ячеек (предел достигнут в строке %[2]d): вероятно, ниже или правее таблицы есть значения или форматирование — удалите строки и столбцы после таблицы, сохраните файл и загрузите снова`,
		EN: `the file holds more than %[1]d cells (the limit, reached at row %[2]d): it probably has values or formatting far below or to the right of the table — delete the rows and columns after the table, save it and upload it again`},
	SheetTooManyColumns: {
		KK: `тақырып жолында (%[1]d-жол) %[2]d бағаннан артық бар (шек); кестенің оң жағындағы бағандарды жойып, файлды қайта жүктеңіз`,
		RU: `в строке заголовков (строка %[1]d) больше %[2]d столбцов (предел); удалите столбцы правее таблицы и загрузите файл снова`,
		EN: `row %[1]d, the header, has more than %[2]d columns (the limit); delete the columns to the right of the table and upload the file again`},
	SheetCSVTooWide: {
		KK: `%[1]d-жолда %[2]d бөлгіштен артық бар (шек); файл кесте емес немесе бүлінген`,
		RU: `в строке %[1]d больше %[2]d разделителей (предел); файл не является таблицей или повреждён`,
		EN: `line %[1]d has more than %[2]d separators (the limit); the file is not a cohort table or is damaged`},
	SheetRowBeyond: {
		KK: `файлда %[1]d-жолда мән бар, ал кестеде ең көбі %[2]d жол болады; файл бүлінген`,
		RU: `в файле есть значение в строке %[1]d, а в таблице может быть не больше %[2]d строк; файл повреждён`,
		EN: `the file has a value in row %[1]d, beyond the last row a spreadsheet may have (%[2]d); the file is damaged`},
	SheetUnzipTooLarge: {
		KK: `кітап ашылғанда %[1]d МБ-тан асады (шек); пайдаланылмайтын парақтарды, жолдар мен бағандарды жойыңыз немесе оны CSV ретінде сақтап, қайта жүктеңіз`,
		RU: `книга в распакованном виде больше %[1]d МБ (предел); удалите неиспользуемые листы, строки и столбцы или сохраните её как CSV и загрузите снова`,
		EN: `the workbook unpacks to more than %[1]d MB (the limit); delete the unused sheets, rows and columns, or save it as CSV, and upload it again`},
	SheetHTMLTooLarge: {
		KK: `веб-бетте %[1]d тегтен артық бар (шек); оны Excel-де немесе LibreOffice-те ашып, .xlsx немесе CSV ретінде сақтаңыз`,
		RU: `на веб-странице больше %[1]d тегов (предел); откройте её в Excel или LibreOffice и сохраните как .xlsx или CSV`,
		EN: `the web page has more than %[1]d tags (the limit); open it in Excel or LibreOffice and save it as .xlsx or CSV`},
	SheetBadIDChar: {
		KK: `"%[1]s" тек әріптерден, цифрлардан және %[2]s бөлгіштерінен тұра алады және әріптен немесе цифрдан басталуы керек`,
		RU: `"%[1]s" может содержать только буквы, цифры и разделители %[2]s и должно начинаться с буквы или цифры`,
		EN: `"%[1]s" may hold only letters, digits and the separators %[2]s, and must start with a letter or a digit`},
	SheetTooManyProblems: {
		KK: `%[1]d-ден астам жолда қате бар (шек); біріншісі, %[2]d-жолда: %[3]s — файл басқа бағдарламаға арналған немесе бағандары жылжып кеткен болуы мүмкін; жолдарға ортақ қатені түзетіп, қайта жүктеңіз`,
		RU: `ошибки есть более чем в %[1]d строках (предел); первая, в строке %[2]d: %[3]s — вероятно, файл относится к другой программе или его столбцы сдвинуты; исправьте общую для строк ошибку и загрузите файл снова`,
		EN: `more than %[1]d rows have problems (the limit); the first, in row %[2]d: %[3]s — the file is probably for another program or its columns are shifted; fix what the rows have in common and upload it again`},
	SheetTooMuchText: {
		KK: `файлдың ұяшықтарында %[1]d МБ-тан артық мәтін бар (шек %[2]d-жолда асты); кестеге қатысы жоқтың бәрін жойып, файлды сақтап, қайта жүктеңіз`,
		RU: `в ячейках файла больше %[1]d МБ текста (предел достигнут в строке %[2]d); удалите всё, что не относится к таблице, сохраните файл и загрузите снова`,
		EN: `the file's cells hold more than %[1]d MB of text (the limit, reached at row %[2]d); delete what is not the table, save it and upload it again`},
	SheetBadNameChar: {
		KK: `мәнде мұнда рұқсат етілмеген таңба бар (%[1]s)`,
		RU: `значение содержит недопустимый здесь символ (%[1]s)`,
		EN: `the value contains a character that is not allowed here (%[1]s)`},
	SheetColStudentID:    {KK: "Білім алушы ID", RU: "ID обучающегося", EN: "student_id"},
	SheetColFamilyName:   {KK: "Тегі", RU: "Фамилия", EN: "family_name"},
	SheetColGivenName:    {KK: "Аты", RU: "Имя", EN: "given_name"},
	SheetColPatronymic:   {KK: "Әкесінің аты", RU: "Отчество", EN: "patronymic"},
	SheetColEmail:        {KK: "Эл. пошта", RU: "Эл. почта", EN: "email"},
	SheetColIIN:          {KK: "ЖСН", RU: "ИИН", EN: "iin"},
	SheetColDateFrom:     {KK: "Басталуы", RU: "Дата начала", EN: "date_from"},
	SheetColDateTo:       {KK: "Аяқталуы", RU: "Дата окончания", EN: "date_to"},
	SheetColHours:        {KK: "Сағат", RU: "Часы", EN: "hours"},
	SheetColCredits:      {KK: "Кредит", RU: "Кредиты", EN: "credits"},
	SheetColDecisionDate: {KK: "Шешім күні", RU: "Дата решения", EN: "decision_date"},
	SheetColLanguage:     {KK: "Тіл", RU: "Язык", EN: "language"},
	SheetColDepartment:   {KK: "Құрылымдық бөлімше", RU: "Подразделение", EN: "department"},
	SheetColPosition:     {KK: "Лауазымы", RU: "Должность", EN: "position"},
}
