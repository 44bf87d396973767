package sheet

import (
	"time"

	"github.com/tanu-edu/tanu/credential"
)

// Default limits, used when the corresponding Options field is zero or negative.
const (
	// DefaultMaxBytes is the default limit on the size of the upload (32 MiB).
	DefaultMaxBytes int64 = 32 << 20
	// DefaultMaxRows is the default limit on the number of data rows.
	DefaultMaxRows = 100_000
	// DefaultMaxRejected is the default limit on rows with problems.
	DefaultMaxRejected = 10_000
)

// Problem codes for a single row (Problem.Code). They are stable: callers
// and clients may match on them.
const (
	// CodeRequired: a required value is empty.
	CodeRequired = "required"
	// CodeInvalidName: a name contains digits or no letter at all.
	CodeInvalidName = "invalid_name"
	// CodeInvalidID: a student (or staff) id holds characters other than
	// letters, digits and credential.IDSeparators, or starts with a separator.
	CodeInvalidID = "invalid_id"
	// CodeInvalidText: a department or position holds a character no text
	// may hold (a control or bidirectional formatting character).
	CodeInvalidText = "invalid_text"
	// CodeTooLong: a value is longer than any real value of its column.
	CodeTooLong = "too_long"
	// CodeInvalidIIN: the IIN has a wrong length, non-digits, an impossible
	// birth date, a wrong century digit or a wrong check digit.
	CodeInvalidIIN = "invalid_iin"
	// CodeInvalidEmail: the e-mail address is malformed.
	CodeInvalidEmail = "invalid_email"
	// CodeInvalidDate: a date is malformed, impossible (31.02.2026) or has
	// an implausible year.
	CodeInvalidDate = "invalid_date"
	// CodeAmbiguousDate: a DD/MM/YYYY date that could also be MM/DD/YYYY.
	CodeAmbiguousDate = "ambiguous_date"
	// CodePeriodReversed: date_from is after date_to (reported on date_to).
	CodePeriodReversed = "period_reversed"
	// CodeFutureDate: date_to or decision_date is in the future.
	CodeFutureDate = "future_date"
	// CodeDecisionBeforePeriod: decision_date is before date_from.
	CodeDecisionBeforePeriod = "decision_before_period"
	// CodeInvalidNumber: hours or credits is not a positive number in range.
	CodeInvalidNumber = "invalid_number"
	// CodeInvalidGrade: a grade is neither a percent 0..100 nor a letter of the scale.
	CodeInvalidGrade = "invalid_grade"
	// CodeFailingGrade: a required competency has a grade the scale does not pass.
	CodeFailingGrade = "failing_grade"
	// CodeInvalidLanguage: language is not kk, ru or en (or a known name of them).
	CodeInvalidLanguage = "invalid_language"
	// CodeDuplicateRow: the same student_id with the same period appears
	// earlier in the file; the message names the first row.
	CodeDuplicateRow = "duplicate_row"
	// CodeFieldCount: a CSV row has fewer cells than the header, or extra
	// non-empty cells (a cut-off file or an unquoted separator).
	CodeFieldCount = "field_count"
	// CodeBadQuote: a CSV row has a misplaced quote or a quoted value that is
	// never closed (a cut-off file).
	CodeBadQuote = "bad_quote"
	// CodeBadEncoding: a value contains characters that could not be decoded.
	CodeBadEncoding = "bad_encoding"
	// CodeUnknownColumn: (header row) a column whose header is not recognised, or
	// a column without header that holds values; its values are ignored.
	// This is a warning: it does not exclude any row.
	CodeUnknownColumn = "unknown_column"
)

// Error codes for a file that cannot be used at all (Error.Code).
const (
	// CodeTooLarge: the input is larger than Options.MaxBytes.
	CodeTooLarge = "too_large"
	// CodeTooManyRows: the file has more data rows than Options.MaxRows.
	CodeTooManyRows = "too_many_rows"
	// CodeEmpty: the file is empty (or holds only blank lines).
	CodeEmpty = "empty"
	// CodeNoRows: the file has a header but no data rows.
	CodeNoRows = "no_rows"
	// CodeUnreadable: the file is damaged (e.g. a broken XLSX).
	CodeUnreadable = "unreadable"
	// CodeUnsupportedFormat: the file is not CSV/TSV/XLSX (e.g. legacy .xls,
	// a password-protected workbook, a binary file).
	CodeUnsupportedFormat = "unsupported_format"
	// CodeSheetNotFound: Options.Sheet names no sheet of the workbook.
	CodeSheetNotFound = "sheet_not_found"
	// CodeBadDelimiter: the header could not be split with comma, semicolon or tab.
	CodeBadDelimiter = "bad_delimiter"
	// CodeMissingColumn: required columns are missing; Error.Columns lists them.
	CodeMissingColumn = "missing_column"
	// CodeDuplicateColumn: two columns mean the same field.
	CodeDuplicateColumn = "duplicate_column"
	// CodeTooManyCells: the file expands to more cells than Options.MaxCells
	// (repeated rows or columns, values far outside the table); the
	// message names the row where the limit was reached.
	CodeTooManyCells = "too_many_cells"
	// CodeTooManyProblems: more rows have problems than
	// Options.MaxRejected; the message quotes the first problem.
	CodeTooManyProblems = "too_many_problems"
	// CodeTooManyColumns: the header, or a line of a CSV file, has more
	// columns than MaxColumns allows.
	CodeTooManyColumns = "too_many_columns"
)

// Canonical column names (as in the contract). Error.Columns and the
// messages use them; Problem.Column uses the header as written instead.
const (
	ColStudentID    = "student_id"
	ColFamilyName   = "family_name"
	ColGivenName    = "given_name"
	ColPatronymic   = "patronymic"
	ColEmail        = "email"
	ColIIN          = "iin"
	ColDateFrom     = "date_from"
	ColDateTo       = "date_to"
	ColHours        = "hours"
	ColCredits      = "credits"
	ColDecisionDate = "decision_date"
	ColLanguage     = "language"
	ColDepartment   = "department" // staff lists only (Options.Staff)
	ColPosition     = "position"   // staff lists only (Options.Staff)
)

// GradeScale is what the importer needs to know about grades; the caller's
// domain type implements it.
type GradeScale interface {
	// Parse turns a grade cell into a percent and a letter, or returns an
	// error if the cell is neither a percent nor a letter of the scale.
	// Read passes the cell normalised: no spaces, no "%" sign, a decimal
	// point instead of a comma ("86,5 %" → "86.5"), letters upper-case
	// Latin with an ASCII "-" ("в+" → "B+", "A–" → "A-"); implementations
	// may accept more. For a letter, percent is whatever the scale defines
	// as that letter's percent (Grade.FromLetter tells the caller it was
	// not given). Read itself rejects a percent outside 0..100.
	Parse(raw string) (percent float64, letter string, err error)
	// Passing reports whether a letter returned by Parse is a pass.
	Passing(letter string) bool
}

// Options describes the program a file is imported for and the limits.
type Options struct {
	// Competencies are the competency codes the program requires (e.g.
	// LO1, LO2, LO3). Each needs a column headed by the code (matched
	// ignoring case and spaces) and a passing grade in every row.
	Competencies []string
	// OptionalCompetencies are competency codes the program knows but does
	// not require: a column headed by one is read (not reported unknown),
	// an empty cell is allowed, and a failing grade does not exclude the
	// row (it is returned in Row.Grades like any other).
	OptionalCompetencies []string
	// RequireDecisionDate makes decision_date required (microqualifications).
	RequireDecisionDate bool
	// Scale parses and judges grades. Required when Competencies is not empty.
	Scale GradeScale
	// Lang is the language of messages: kk, ru or en (default en).
	Lang string
	// MaxRows limits the number of data rows (default DefaultMaxRows);
	// exceeding it is an *Error with code too_many_rows naming the limit.
	MaxRows int
	// MaxBytes limits the size of the input (default DefaultMaxBytes);
	// exceeding it is an *Error with code too_large. A zipped workbook
	// may unpack to eight times as much, between 16 and 64 MiB.
	MaxBytes int64
	// MaxCells limits the cells the file expands to as it is read, empty
	// ones included (default DefaultMaxCells); exceeding it is an *Error
	// with code too_many_cells naming the row.
	MaxCells int
	// MaxRejected limits the rows with problems (default
	// DefaultMaxRejected): a file with more is refused with code
	// too_many_problems, quoting the first problem, rather than returned
	// (and stored) row by row.
	MaxRejected int
	// KeepCells keeps every valid row's cells in Row.Cells (rows with
	// problems are always in Result.Rejected).
	KeepCells bool
	// Sheet is the XLSX sheet to read; empty means the first sheet.
	Sheet string
	// Now is the clock for the future-date checks (default time.Now).
	Now func() time.Time
	// Staff reads a staff enrolment list (TeachHub and non-formal learning
	// participant cards) instead of a cohort: student_id holds the staff id
	// (also under staff headers such as staff_id or "Табельный номер"),
	// department and position are required columns, and date_from and
	// date_to are optional (checked when given). See staff.go.
	Staff bool
}

// Row is one valid data row.
type Row struct {
	// Number is the row number as the spreadsheet shows it (header = 1).
	Number int
	// StudentID, FamilyName, GivenName are always set; Patronymic, Email,
	// IIN (12 digits) and Language (kk, ru or en) may be empty.
	StudentID, FamilyName, GivenName, Patronymic, Email, IIN, Language string
	// DateFrom and DateTo are the study period, UTC midnight.
	DateFrom, DateTo time.Time
	// DecisionDate is the qualification commission's decision date, UTC
	// midnight; zero if the column is absent or the cell empty (allowed
	// only when Options.RequireDecisionDate is false).
	DecisionDate time.Time
	// Hours and Credits are nil when absent (the program's values apply).
	Hours, Credits *float64
	// Department and Position are set only when Options.Staff is set.
	Department, Position string
	// Cells are the row's cells as read, when Options.KeepCells is set.
	Cells []string
	// Grades holds one grade per competency of Options.Competencies, and
	// one per optional competency whose cell is filled, keyed by the code
	// as given in Options.
	Grades map[string]Grade
}

// Grade is one competency grade as read from a cell.
type Grade struct {
	// Raw is the cell as written (trimmed), e.g. "86,5" or "B+".
	Raw string
	// Percent is 0..100. When FromLetter is true it was not in the file but
	// is the scale's percent for Letter.
	Percent float64
	// Letter is the letter grade given by the scale.
	Letter string
	// FromLetter reports that the cell held a letter rather than a percent.
	FromLetter bool
}

// Problem is one problem found in the file.
type Problem struct {
	// Row is the spreadsheet row number; the header's row (1 unless title
	// lines precede it) for problems about columns, which are warnings and
	// exclude no row.
	Row int
	// Column is the header as written in the file; empty when the problem
	// concerns the whole row.
	Column string
	// Code is one of the Code* constants.
	Code string
	// Message explains the problem to a registrar in Options.Lang.
	Message string
}

// Result is the outcome of reading a file.
type Result struct {
	// Rows holds every data row that passed validation, in file order.
	Rows []Row
	// Problems holds every problem, in row order (column order within a row).
	Problems []Problem
	// Total is the number of data rows seen, blank lines excluded.
	Total int
	// UnknownColumns lists headers (as written) that were not recognised.
	UnknownColumns []string
	// Format is "csv" or "xlsx".
	Format string
	// Encoding is "utf-8", "utf-8-bom", "utf-16le", "utf-16be",
	// "windows-1251" or "utf-8-damaged" for CSV, empty for XLSX.
	Encoding string
	// Delimiter is the CSV separator (',', ';' or '\t'); 0 for XLSX.
	Delimiter rune
	// Sheet is the XLSX sheet that was read.
	Sheet string
	// Header is the header row as written (cells trimmed).
	Header []string
	// Columns maps the canonical name of every recognised column
	// (student_id, …, or a competency code as given in Options) to its
	// header as written.
	Columns map[string]string
	// Rejected holds the cells of every data row with a problem, as read
	// (XLSX dates and numbers as text), in file order: to give them back to
	// the registrar with the problems, ready to fix and re-upload.
	Rejected []Rejected
}

// Rejected is a data row that has problems.
type Rejected struct {
	// Row is the spreadsheet row number.
	Row int
	// Cells are the row's cells, one per column of Header (a CSV row with
	// the wrong number of cells keeps its own count).
	Cells []string
}

// Error is returned by Read when the file as a whole cannot be used.
type Error struct {
	// Code is one of the file-level Code* constants (CodeTooLarge ... CodeDuplicateColumn).
	Code string
	// Message explains the error to a registrar in Options.Lang.
	Message string
	// Columns lists the canonical names of missing (missing_column) or
	// clashing (duplicate_column) columns.
	Columns []string
	// Err is the underlying cause, if any.
	Err error
}

// Error returns the registrar-facing message prefixed with the code.
func (e *Error) Error() string { return "sheet: " + e.Code + ": " + e.Message }

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// APICode maps the error to the API's error vocabulary: too large (413),
// an unsupported format (415), anything else invalid input (400).
func (e *Error) APICode() credential.Code {
	switch e.Code {
	case CodeTooLarge:
		return credential.CodeTooLarge
	case CodeUnsupportedFormat:
		return credential.CodeUnsupported
	}
	return credential.CodeInvalid
}
