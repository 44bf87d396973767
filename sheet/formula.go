package sheet

import "strings"

// Formula injection: a spreadsheet program opening a CSV runs a cell that
// starts with =, +, -, @ (or a tab or carriage return before one) as a
// formula. The CSV files tanu writes (errors.csv, results.csv, the audit
// log, reports) pass every cell through SafeCell, which puts a single
// quote before such a cell, as OWASP recommends; Read takes that quote off
// again (unquoteCell), so that errors.csv, fixed and uploaded again, reads
// as it was uploaded.

// formulaStart reports whether a spreadsheet program would take a cell
// starting with c as a formula.
func formulaStart(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// needsQuote reports whether a cell, past any single quotes it starts
// with, starts a formula.
func needsQuote(s string) bool {
	s = strings.TrimLeft(s, "'")
	return s != "" && formulaStart(s[0])
}

// SafeCell neutralizes a cell for a CSV file a spreadsheet program will
// open: one that starts with =, +, -, @, a tab or a carriage return (after
// any single quotes) gets a leading single quote. Other cells are
// returned unchanged.
func SafeCell(s string) string {
	if needsQuote(s) {
		return "'" + s
	}
	return s
}

// SafeRecord applies SafeCell to every cell of rec, in place, and returns it.
func SafeRecord(rec []string) []string {
	for i, c := range rec {
		rec[i] = SafeCell(c)
	}
	return rec
}

// unquoteCell takes off the single quote SafeCell puts before a cell (a
// quote followed by what needsQuote); a quote before anything else is the
// registrar's own and stays.
func unquoteCell(s string) string {
	if len(s) >= 2 && s[0] == '\'' && needsQuote(s[1:]) {
		return s[1:]
	}
	return s
}
