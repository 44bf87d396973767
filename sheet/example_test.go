package sheet_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/tanu-edu/tanu/sheet"
)

func ExampleRead() {
	const upload = "\ufeffБілім алушы ID;Тегі;Аты;ЖСН;Басталуы;Аяқталуы;Шешім күні;LO1;LO2\r\n" +
		"S22633920;Жұмабекова;Мөлдір;760227487797;02.02.2026;24.04.2026;06.05.2026;86;B+\r\n" +
		"S18302983;Нұрланов;Ғалым;760227487798;02.02.2026;24.04.2026;06.05.2026;45;A\r\n"
	res, err := sheet.Read(context.Background(), strings.NewReader(upload), "cohort.csv", "text/csv", sheet.Options{
		Competencies:        []string{"LO1", "LO2"},
		RequireDecisionDate: true,
		Scale:               testScale{},
		Lang:                "en",
		Now:                 now,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Format, res.Encoding, string(res.Delimiter), res.Total, "rows,", len(res.Rows), "valid")
	for _, r := range res.Rows {
		fmt.Println(r.Number, r.StudentID, r.DateFrom.Format("2006-01-02"), r.Grades["LO2"].Letter)
	}
	for _, p := range res.Problems {
		fmt.Printf("row %d, %s: %s (%s)\n", p.Row, p.Column, p.Message, p.Code)
	}
	// Output:
	// csv utf-8-bom ; 2 rows, 1 valid
	// 2 S22633920 2026-02-02 B+
	// row 3, ЖСН: IIN "********7798" has a wrong check digit (invalid_iin)
	// row 3, LO1: grade "45" (F) in LO1 is a fail (failing_grade)
}
