package sheet_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/sheet"
)

// TestRejectedAndHeader: the header and the cells of rejected rows come
// back as written, in file order; valid rows are not among them.
func TestRejectedAndHeader(t *testing.T) {
	const in = "Білім алушы ID;Тегі;Аты;Басталуы;Аяқталуы;Шешім күні;LO1;LO2;LO3;Ескерту\r\n" +
		"S1;Ким;Ли;02.02.2026;24.04.2026;06.05.2026;86;90;A;\r\n" +
		"S2;;Әсел;02.02.2026;24.04.2026;06.05.2026;86;90;A;жоқ\r\n" +
		"S3;Ким;Ли;02.02.2026\r\n" +
		"S4;Ким;Ли;31.02.2026;24.04.2026;06.05.2026;86;90;A;\r\n"
	res, err := sheet.Read(context.Background(), strings.NewReader(in), "c.csv", "", options("kk"))
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := []string{"Білім алушы ID", "Тегі", "Аты", "Басталуы", "Аяқталуы", "Шешім күні", "LO1", "LO2", "LO3", "Ескерту"}
	if !reflect.DeepEqual(res.Header, wantHeader) {
		t.Fatalf("header %q", res.Header)
	}
	want := []sheet.Rejected{
		{Row: 3, Cells: []string{"S2", "", "Әсел", "02.02.2026", "24.04.2026", "06.05.2026", "86", "90", "A", "жоқ"}},
		{Row: 4, Cells: []string{"S3", "Ким", "Ли", "02.02.2026"}},
		{Row: 5, Cells: []string{"S4", "Ким", "Ли", "31.02.2026", "24.04.2026", "06.05.2026", "86", "90", "A", ""}},
	}
	if !reflect.DeepEqual(res.Rejected, want) {
		t.Fatalf("rejected %v\nwant %v", res.Rejected, want)
	}
	if len(res.Rows) != 1 || res.Rows[0].Number != 2 || res.Rows[0].Cells != nil {
		t.Fatalf("rows %+v", res.Rows)
	}
	if res.Columns["student_id"] != "Білім алушы ID" || res.Columns["LO2"] != "LO2" || res.Columns["decision_date"] != "Шешім күні" || len(res.Columns) != 9 {
		t.Fatalf("columns %q", res.Columns)
	}
	opt := options("kk")
	opt.KeepCells = true
	res, err = sheet.Read(context.Background(), strings.NewReader(in), "c.csv", "", opt)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Rows[0].Cells; !reflect.DeepEqual(got, []string{"S1", "Ким", "Ли", "02.02.2026", "24.04.2026", "06.05.2026", "86", "90", "A", ""}) {
		t.Fatalf("kept cells %q", got)
	}
}

// TestOptionalCompetencies: an optional competency's column is read when
// present (not reported unknown), may be empty or failing, and may be
// absent altogether.
func TestOptionalCompetencies(t *testing.T) {
	opt := options("en")
	opt.Competencies, opt.OptionalCompetencies = []string{"LO1", "LO2"}, []string{"LO3"}
	const in = "student_id,family_name,given_name,date_from,date_to,decision_date,LO1,LO2,lo 3\n" +
		"S1,Kim,Li,2026-02-02,2026-04-24,2026-05-06,86,90,A\n" +
		"S2,Kim,Li,2026-02-02,2026-04-24,2026-05-06,86,90,\n" +
		"S3,Kim,Li,2026-02-02,2026-04-24,2026-05-06,86,90,F\n" +
		"S4,Kim,Li,2026-02-02,2026-04-24,2026-05-06,86,90,zz\n"
	res, err := sheet.Read(context.Background(), strings.NewReader(in), "c.csv", "", opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.UnknownColumns) != 0 {
		t.Fatalf("unknown columns %q", res.UnknownColumns)
	}
	if len(res.Rows) != 3 || len(res.Problems) != 1 || res.Problems[0].Row != 5 || res.Problems[0].Column != "lo 3" ||
		res.Problems[0].Code != sheet.CodeInvalidGrade {
		t.Fatalf("rows %d problems %+v", len(res.Rows), res.Problems)
	}
	if g, ok := res.Rows[0].Grades["LO3"]; !ok || g.Letter != "A" {
		t.Errorf("S1 LO3 %+v", res.Rows[0].Grades)
	}
	if _, ok := res.Rows[1].Grades["LO3"]; ok {
		t.Errorf("S2 has an LO3 grade from an empty cell")
	}
	if g := res.Rows[2].Grades["LO3"]; g.Letter != "F" {
		t.Errorf("S3 LO3 %+v", g)
	}
	// Without the column at all.
	res, err = sheet.Read(context.Background(), strings.NewReader(strings.ReplaceAll(strings.ReplaceAll(in, ",lo 3", ""), ",A\n", "\n")),
		"c.csv", "", opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 4 {
		t.Fatalf("total %d", res.Total)
	}
}
