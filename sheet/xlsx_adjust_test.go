package sheet

import (
	"errors"
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/lang"
)

// TestAdjustPanicIsAnError: a panic inside excelize while adjusting a row
// (here: a workbook without its parts) is an error for the whole file,
// which Read reports as unreadable, not a row silently left unadjusted.
func TestAdjustPanicIsAnError(t *testing.T) {
	src := &xlsxSource{lookups: true} // no workbook: reading its formats panics
	cols := &columnMap{cols: []column{{field: fIIN, header: "iin"}}}
	rec := record{row: 2, cells: []string{"12345678901"}} // an IIN that lost a zero: its format is looked up
	err := src.adjust(&rec, cols)
	if err == nil || !strings.Contains(err.Error(), "row 2") {
		t.Fatalf("adjust after a panic: %v", err)
	}
	rd := &reader{l: lang.EN, res: &Result{Format: "xlsx"}}
	var e *Error
	if !errors.As(rd.unreadable(err), &e) || e.Code != CodeUnreadable || !errors.Is(e, err) {
		t.Fatalf("the panic as a file error: %#v", e)
	}
}
