package teachhub

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/sheet"
)

// WriteReportXLSX writes the report as an Excel workbook in the report's
// language: one sheet per section (activities, per person, per department
// with the total), each with a bold, frozen header row. Counts and hours
// are numbers and SB numbers shown with two decimals, so that they can be
// summed; text cells that would start a formula are quoted. Rows are
// streamed, so memory stays bounded by credential.MaxReportCards.
func WriteReportXLSX(w io.Writer, rep *credential.CardReport) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return fmt.Errorf("teachhub: report: %w", err)
	}
	two := "0.00"
	sbStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &two})
	if err != nil {
		return fmt.Errorf("teachhub: report: %w", err)
	}
	for i, sec := range ReportSections(rep) {
		name := sheetName(sec.Title)
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return fmt.Errorf("teachhub: report: %w", err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return fmt.Errorf("teachhub: report: %w", err)
		}
		sw, err := f.NewStreamWriter(name)
		if err != nil {
			return fmt.Errorf("teachhub: report: %w", err)
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return fmt.Errorf("teachhub: report: %w", err)
		}
		for c := range sec.Header {
			width := 14.0
			if c < 7 {
				width = 24
			}
			if err := sw.SetColWidth(c+1, c+1, width); err != nil {
				return fmt.Errorf("teachhub: report: %w", err)
			}
		}
		head := make([]any, len(sec.Header))
		for c, h := range sec.Header {
			head[c] = excelize.Cell{StyleID: bold, Value: h}
		}
		if err := sw.SetRow("A1", head); err != nil {
			return fmt.Errorf("teachhub: report: %w", err)
		}
		for r, row := range sec.Rows {
			cells := make([]any, len(row))
			for c, v := range row {
				switch x := v.(type) {
				case string:
					cells[c] = sheet.SafeCell(x)
				case Hours:
					cells[c] = float64(x)
				case SB:
					cells[c] = excelize.Cell{StyleID: sbStyle, Value: float64(x)}
				default:
					cells[c] = v
				}
			}
			if i == 2 && r == len(sec.Rows)-1 { // the total
				cells[0] = excelize.Cell{StyleID: bold, Value: cells[0]}
			}
			axis, _ := excelize.CoordinatesToCellName(1, r+2)
			if err := sw.SetRow(axis, cells); err != nil {
				return fmt.Errorf("teachhub: report: %w", err)
			}
		}
		if err := sw.Flush(); err != nil {
			return fmt.Errorf("teachhub: report: %w", err)
		}
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("teachhub: report: %w", err)
	}
	return nil
}

// sheetName makes a section title a valid sheet name (at most 31
// characters, none of []:*?/\).
func sheetName(title string) string {
	title = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, title)
	if r := []rune(title); len(r) > 31 {
		title = string(r[:31])
	}
	return title
}
