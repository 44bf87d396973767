package sheet_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/internal/bombs"
	"github.com/tanu-edu/tanu/sheet"
)

// guard runs fn and returns how long it took and the peak live heap seen
// while it ran. A run that passes maxHeap or deadline cannot be stopped
// (fn keeps allocating), so guard reports it and ends the test binary: on
// code without the limits the bombs fail fast instead of taking the
// machine down.
func guard(t *testing.T, maxHeap uint64, deadline time.Duration, fn func()) (time.Duration, uint64) {
	t.Helper()
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	base := sample[0].Value.Uint64()
	var peak uint64
	done := make(chan struct{})
	watched := make(chan struct{})
	start := time.Now()
	go func() {
		defer close(watched)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > base && v-base > peak {
				peak = v - base
			}
			if el := time.Since(start); peak > maxHeap || el > deadline {
				fmt.Fprintf(os.Stderr, "--- FAIL: %s: after %v the heap grew by %d MB (limits %v, %d MB); stopping the test binary\n",
					t.Name(), el.Round(time.Millisecond), peak>>20, deadline, maxHeap>>20)
				os.Exit(1)
			}
		}
	}()
	fn()
	el := time.Since(start)
	close(done)
	<-watched
	return el, peak
}

// TestBombs reads each hostile spreadsheet of package bombs as the TeachHub
// import and a cohort upload do: each must be refused (or read) within a
// few seconds and 96 MB of heap (the upload itself is up to 16 MB, read
// whole), with an *Error naming the limit and where it was reached. Before the limits, the 617-byte ODS grew past 2 GB in
// 34 s, the XLS took 1.5 GB and 15 s, the XLSX 1.25 GB in 60 s without
// finishing, the CSV 290 MB and the HTML page 1 GB in 21 s.
func TestBombs(t *testing.T) {
	const maxHeap = 96 << 20
	for _, tt := range []struct {
		name    string
		data    []byte
		code    string // "" when the file is read, its rows rejected
		message string
	}{
		{"ods", bombs.ODS(), sheet.CodeTooManyProblems, "more than 10000 rows have problems (the limit); the first, in row 2"},
		{"xls", bombs.XLS(), "", ""},
		{"xlsx", bombs.XLSX(), sheet.CodeTooManyCells, "3000000 cells (the limit, reached at row 185)"},
		{"csv", bombs.CSV(), sheet.CodeTooManyColumns, "line 2 has more than 4096 separators"},
		{"html", bombs.HTML(), sheet.CodeTooManyCells, "more than 400000 tags"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var res *sheet.Result
			var err error
			el, peak := guard(t, maxHeap, 20*time.Second, func() {
				res, err = sheet.Read(context.Background(), bytes.NewReader(tt.data), "bomb."+tt.name, "",
					sheet.Options{Staff: true, Lang: "en", MaxBytes: 16 << 20, MaxRows: 100_000})
			})
			t.Logf("%d bytes: %v, peak heap %d MB, %v", len(tt.data), el.Round(time.Millisecond), peak>>20, err)
			if tt.code == "" {
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range res.Rejected {
					if len(r.Cells) > len(res.Header)+16 {
						t.Fatalf("row %d keeps %d cells; the header has %d", r.Row, len(r.Cells), len(res.Header))
					}
				}
				return
			}
			var se *sheet.Error
			if !errors.As(err, &se) || se.Code != tt.code || !strings.Contains(se.Message, tt.message) {
				t.Fatalf("got %v, want a *sheet.Error %s saying %q", err, tt.code, tt.message)
			}
		})
	}
}

// TestBombMessages: each limit is worded in the three languages, naming the
// limit and the row.
func TestBombMessages(t *testing.T) {
	for _, tt := range []struct {
		lang, want string
	}{
		{"en", "reached at row 185"},
		{"kk", "шек 185-жолда асты"},
		{"ru", "достигнут в строке 185"},
	} {
		_, err := sheet.Read(context.Background(), bytes.NewReader(bombs.XLSX()), "b.xlsx", "",
			sheet.Options{Staff: true, Lang: tt.lang})
		var se *sheet.Error
		if !errors.As(err, &se) || !strings.Contains(se.Message, tt.want) {
			t.Errorf("%s: %v, want %q", tt.lang, err, tt.want)
		}
	}
}

// TestLimitsCutRecords: values far to the right of the header are dropped
// while reading (a rejected row keeps the header's width plus a margin),
// a header wider than sheet.MaxColumns is refused, a cell's text is cut,
// and the cell budget counts empty cells too.
func TestLimitsCutRecords(t *testing.T) {
	head := strings.Join(bombs.Header, ",")
	wideRow := "S1" + strings.Repeat(",x", 3000) + "\n"
	res, err := sheet.Read(context.Background(), strings.NewReader(head+"\n"+wideRow), "", "", sheet.Options{Staff: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rejected) != 1 || len(res.Rejected[0].Cells) != len(bombs.Header)+16 {
		t.Fatalf("rejected %+v", res.Rejected)
	}
	if p := res.Problems[0]; p.Code != sheet.CodeFieldCount || !strings.Contains(p.Message, "3001 cells") {
		t.Errorf("problem %+v", p)
	}
	wideHead := head + strings.Repeat(",extra", sheet.MaxColumns)
	_, err = sheet.Read(context.Background(), strings.NewReader(wideHead+"\nS1,A,B,C,D\n"), "", "", sheet.Options{Staff: true})
	var se *sheet.Error
	if !errors.As(err, &se) || se.Code != sheet.CodeTooManyColumns || !strings.Contains(se.Message, "row 1") {
		t.Errorf("wide header: %v", err)
	}
	long := "S1," + strings.Repeat("Ә", 20_000) + ",B,C,D\n"
	res, err = sheet.Read(context.Background(), strings.NewReader(head+"\n"+long), "", "", sheet.Options{Staff: true})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Rejected[0].Cells[1]); n > 2<<10 {
		t.Errorf("a rejected cell keeps %d bytes", n)
	}
	blank := head + "\n" + strings.Repeat(",,,,,,\n", 1000) + "S1,A,B,C,D\n"
	_, err = sheet.Read(context.Background(), strings.NewReader(blank), "", "", sheet.Options{Staff: true, MaxCells: 5000})
	if !errors.As(err, &se) || se.Code != sheet.CodeTooManyCells {
		t.Errorf("blank rows: %v", err)
	}
}

// TestODSRepeatedRowsStream: rows repeated a million times stop at the row
// limit as they are read, empty repeated rows (LibreOffice writes the rest
// of the sheet that way) cost nothing, and a value past the last row a
// spreadsheet may have is refused.
func TestODSRepeatedRowsStream(t *testing.T) {
	file := func(empty int) []byte {
		var b strings.Builder
		b.WriteString(`<table:table table:name="T"><table:table-row>`)
		for _, h := range bombs.Header {
			fmt.Fprintf(&b, `<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>`, h)
		}
		fmt.Fprintf(&b, `</table:table-row><table:table-row table:number-rows-repeated="%d"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>`+
			`<table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="string"><text:p>S1</text:p></table:table-cell></table:table-row></table:table>`, empty)
		return bombs.ODSFile(b.String())
	}
	for _, tt := range []struct {
		empty int
		want  string
	}{
		{1048000, "more than 50 data rows"},
		{2000000, "beyond the last row a spreadsheet may have (1048576)"},
	} {
		data := file(tt.empty)
		var err error
		el, peak := guard(t, 32<<20, 10*time.Second, func() {
			_, err = sheet.Read(context.Background(), bytes.NewReader(data), "", "", sheet.Options{Staff: true, MaxRows: 50})
		})
		var se *sheet.Error
		if !errors.As(err, &se) || se.Code != sheet.CodeTooManyRows || !strings.Contains(se.Message, tt.want) {
			t.Errorf("%v (%v, %d MB), want %q", err, el, peak>>20, tt.want)
		}
	}
}
