// Package sheet reads a cohort spreadsheet exported by a registrar (CSV in
// any of the encodings Excel and student systems produce, an XLSX, XLS or ODS
// workbook) and validates it row by row against tanu's column contract: the
// columns and their English, Kazakh and Russian headers are listed in
// columns.go (the synonyms of each field), and the API documents them under
// POST /api/v1/batches in internal/httpapi/openapi.yaml.
//
// # Entry point
//
// [Read] takes the upload as an io.Reader, its file name and content type
// (both only hints) and [Options] describing the program (required
// competency codes, whether a decision date is required, the grade scale).
// It returns a [Result] holding every valid row and every [Problem] found,
// or an [*Error] when the file as a whole cannot be used (too large, not a
// spreadsheet, required columns missing, ...). A row with any problem is
// never in Result.Rows, so nothing is issued from it.
//
// # Formats
//
//   - XLS (Excel 97–2003, BIFF8), recognised as an OLE compound file with a
//     Workbook stream: the first worksheet or Options.Sheet. Shared strings
//     (across CONTINUE records), numbers, RK and MULRK cells, booleans and
//     formula results are read; number formats tell dates (YYYY-MM-DD),
//     percents ("86%") and zero-padded IINs. Encrypted workbooks and BIFF5
//     (Excel 95) are refused with a message saying so.
//   - HTML tables, what web systems and the "Web page" exports of Excel and
//     LibreOffice save (often with an .xls name): the largest table of the
//     page; <br> breaks a line, colspan repeats an empty column, and
//     LibreOffice's sdval/sdnum attributes give dates and percents as values.
//   - ODS (LibreOffice Calc, OpenDocument), recognised by the mimetype entry
//     of its zip: the first table or Options.Sheet, read from content.xml.
//     Cells are typed: dates become YYYY-MM-DD, percentages "86%", numbers
//     plain (a number shown with leading zeros keeps them), and a numeric
//     IIN that lost its leading zero is padded back to 12 digits.
//   - XLSX (also XLSM), recognised by its zip signature or by file name and
//     content type: the first sheet or Options.Sheet. Date cells (Excel
//     serial numbers, 1900 and 1904 date systems) are converted with
//     excelize; numeric cells are read unformatted (86, 86.5), except that a
//     percent-formatted grade cell holding 0.86 reads as "86%" and a numeric
//     IIN cell that lost its leading zero is padded back to 12 digits (when
//     its number format shows the zeros, or in a workbook of up to 2 MB,
//     where the cell's type can be looked up cheaply).
//   - CSV/TSV text in UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM,
//     or without BOM when the NUL pattern is unmistakable) and Windows-1251.
//     A file that is valid UTF-8 is UTF-8; otherwise it is read as
//     Windows-1251, unless most of its non-ASCII bytes already form UTF-8
//     sequences (then it is damaged UTF-8 and the damaged cells are
//     reported as bad_encoding).
//   - Separators: comma, semicolon or tab. The separator is the one whose
//     split of the first lines yields recognised column names; failing that,
//     the one that splits the header into the most fields with a consistent
//     field count on the following lines. A leading "sep=;" line (an Excel
//     convention) is honoured. Quoted fields may hold separators, quotes
//     ("") and line breaks; CRLF, LF and (in a file without LF) CR line
//     ends are accepted.
//   - Up to ten title lines above the header are skipped: the header is the
//     first line that contains at least two recognised column names.
//
// The whole input is read into memory, bounded by Options.MaxBytes (the
// encoding can only be decided soundly from all of it); rows are then
// parsed and validated one at a time.
//
// # Limits
//
// What a file expands into is bounded while it is read, never after (see
// limits.go and docs/import-limits.md): every cell read, empty or not,
// counts against Options.MaxCells (too_many_cells, naming the row); ODS
// repeated rows are streamed, so the row limit stops them; a record is cut
// to the header's width plus a margin, a header is at most MaxColumns wide
// and a CSV line holds at most 4,096 separators (too_many_columns); a
// zipped workbook unpacks to at most 8 times its size within 16–64 MiB
// (too_large); an HTML page has at most 400,000 tags; a cell's text is cut
// at 2 KiB and all cells' text is at most 64 MiB; more than Options.MaxRejected rows with problems is
// too_many_problems, quoting the first.
//
// # Formula cells
//
// SafeCell neutralizes a cell for a CSV file (a leading single quote before
// =, +, -, @, tab or CR), and Read takes that quote off again, so a file
// tanu wrote reads back as the cells it was written from.
//
// # Row numbers and columns
//
// Problem.Row is the row number a spreadsheet program shows: in a file
// whose first line is the header, the header is row 1 and the first data
// row is row 2. Blank lines count as rows (Excel shows them) but are not
// data rows, and a quoted value spanning several lines stays one row.
// Problems about columns carry the header's row (1, unless title lines
// precede it). Problem.Column is the header exactly as the registrar wrote
// it (trimmed), e.g. "Басталуы", not "date_from"; it is empty for problems
// about a whole row (field_count, bad_quote) or a column without header.
//
// # Values
//
// Dates: YYYY-MM-DD, DD.MM.YYYY and D.M.YYYY; DD/MM/YYYY only when it cannot
// be read as MM/DD/YYYY too (the day is above 12, or day and month are
// equal), otherwise it is ambiguous_date; two-digit years are rejected. A
// time of day after the date ("02.02.2026 0:00:00", as 1C exports it) is
// ignored. Dates are returned as UTC midnight. A date_from after date_to is
// period_reversed, reported on the date_to column. A date_to or
// decision_date later than tomorrow (by Options.Now) is future_date, and a
// decision_date before date_from is decision_before_period.
//
// Duplicates: a student_id (compared ignoring case) that appears again with
// the same period is duplicate_row on the later row, whose message names
// the first; the same student with another period is a separate award.
//
// IIN: 12 digits; digits 1–6 a real YYMMDD birth date; digit 7 is 1–6
// (century and sex) or 0 (century not encoded, accepted so as not to reject
// older IINs of foreign nationals; the birth date must then be real in the
// 1900s or 2000s); digit 12 is the check digit (weights 1..11 mod 11, and
// 3..11,1,2 when the first pass gives 10). Messages never repeat an IIN in
// full (the contract stores and shows IINs only hashed): they show its last
// four digits.
//
// Grades: every competency in Options.Competencies must have a column
// (one of Options.OptionalCompetencies may be absent, its cells empty, its
// grades failing); each cell is normalised (spaces and "%" removed,
// decimal comma to point, Cyrillic А/В/С and dash variants in letters to
// Latin and "-") and handed to [GradeScale].Parse; a percent outside
// 0..100 is invalid_grade, a letter the scale does not pass is
// failing_grade.
//
// Student ids, names and one-line texts are checked with the validators of
// package credential that every entry point shares (CheckStudentID,
// CheckPersonName, CheckLine, ValidEmail): invalid_id, invalid_name and
// invalid_text.
//
// Rejected rows: Result.Header and Result.Rejected give back the header
// and the cells of every row with a problem, so that a caller can return
// them to the registrar with the problems, ready to fix and re-upload.
//
// # Messages
//
// Problem.Message and Error.Message are written for registrars in
// Options.Lang (kk, ru or en). The message catalog lives in messages.go.
package sheet
