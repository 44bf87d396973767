package app_test

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/internal/app/apptest"
	"github.com/tanu-edu/tanu/issuer"
)

// TestMeasureStacking measures the candidate search and the learner
// record at a size a faculty reaches: 2 500 holders of a three-program
// pathway (500 eligible), and one holder with 40 credentials. It runs
// only with TANU_MEASURE_STACKING=1 (and TANU_TEST_DATABASE_URL for
// PostgreSQL); it prints its figures.
func TestMeasureStacking(t *testing.T) {
	if os.Getenv("TANU_MEASURE_STACKING") == "" {
		t.Skip("measurement: set TANU_MEASURE_STACKING=1")
	}
	for _, eng := range apptest.Engines(t) {
		t.Run(eng, func(t *testing.T) {
			h := apptest.Start(t, eng)
			ctx := context.Background()
			progs := []string{stackProgram(t, h, "Data collection", 3), stackProgram(t, h, "Statistical analysis", 3), stackProgram(t, h, "Machine learning basics", 3)}
			const holders, eligible = 2500, 500
			start := time.Now()
			for i, p := range progs {
				n := holders
				if i == 2 {
					n = eligible
				}
				var reqs []issuer.Request
				for k := 0; k < n; k++ {
					b := issueBody(p, fmt.Sprintf("M%05d", k))
					reqs = append(reqs, issuer.Request{Program: p, StudentID: b["student_id"].(string), FamilyName: "Әбенова", GivenName: "Мөлдір",
						DateFrom: "2026-02-02", DateTo: "2026-04-24", DecisionDate: "2026-05-06", Language: "kk",
						Grades: map[string]any{"LO1": 86, "LO2": "B+", "LO3": 76}})
				}
				if _, errs, err := h.App.Issuer.IssueMany(ctx, p, reqs); err != nil || errs[0] != nil {
					t.Fatal(err, errs[0])
				}
			}
			t.Logf("issued %d credentials in %v", 2*holders+eligible, time.Since(start).Round(time.Millisecond))
			pw := map[string]any{"name": map[string]string{"kk": "Деректер талдаушысы"}, "nqf_level": 6,
				"required": progs[:2], "electives": progs[2:], "min_electives": 1, "min_credits": 9}
			resp, body := h.Do(t, "registrar", "POST", "/api/v1/pathways", "application/json", mustJSON(t, pw))
			if resp.StatusCode != 201 {
				t.Fatalf("%d %s", resp.StatusCode, body)
			}
			id := decode[map[string]any](t, body)["id"].(string)
			var m0, m1 runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&m0)
			start = time.Now()
			code, body := getJSON(t, h, "registrar", "/api/v1/pathways/"+id+"/candidates")
			took := time.Since(start)
			runtime.ReadMemStats(&m1)
			if code != 200 || strings.Count(string(body), `"holder":"M`) != eligible {
				t.Fatalf("candidates: %d, %d holders", code, strings.Count(string(body), `"holder":"M`))
			}
			t.Logf("candidates: %d of %d holders in %v, %d KiB answer, %d MiB allocated (server and client in one process)",
				eligible, holders, took.Round(time.Millisecond), len(body)>>10, (m1.TotalAlloc-m0.TotalAlloc)>>20)
			// One holder with 40 credentials.
			var reqs []issuer.Request
			for k := 0; k < 40; k++ {
				from := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 7*k)
				reqs = append(reqs, issuer.Request{Program: progs[0], StudentID: "BIG", FamilyName: "Әбенова", GivenName: "Мөлдір",
					DateFrom: from.Format(time.DateOnly), DateTo: from.AddDate(0, 0, 5).Format(time.DateOnly), DecisionDate: from.AddDate(0, 0, 6).Format(time.DateOnly),
					Language: "kk", Grades: map[string]any{"LO1": 86, "LO2": "B+", "LO3": 76}})
			}
			if _, errs, err := h.App.Issuer.IssueMany(ctx, progs[0], reqs); err != nil || errs[0] != nil {
				t.Fatal(err, errs[0])
			}
			start = time.Now()
			code, jwt := getJSON(t, h, "registrar", "/api/v1/holders/BIG/clr?format=jwt")
			build := time.Since(start)
			if code != 200 {
				t.Fatalf("clr %d %s", code, jwt)
			}
			start = time.Now()
			if code, _ := getJSON(t, h, "registrar", "/api/v1/holders/BIG/clr?format=jwt"); code != 200 {
				t.Fatal(code)
			}
			again := time.Since(start)
			start = time.Now()
			resp, vb := h.Do(t, "", "POST", "/api/v1/verify/clr", "application/jwt", strings.NewReader(string(jwt)))
			if resp.StatusCode != 200 || !strings.Contains(string(vb), `"verified":true`) {
				t.Fatalf("verify %d %s", resp.StatusCode, vb)
			}
			t.Logf("learner record of 40 credentials: built and signed in %v (again: %v), %d KiB VC-JWT, verified in %v",
				build.Round(time.Millisecond), again.Round(time.Millisecond), len(jwt)>>10, time.Since(start).Round(time.Millisecond))
		})
	}
}
