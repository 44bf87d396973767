package app_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/app/apptest"
	"github.com/tanu-edu/tanu/internal/demo"
	"github.com/tanu-edu/tanu/internal/httpapi"
	"github.com/tanu-edu/tanu/lang"
)

// createNamed registers a copy of the sample program under another name
// and status ("" for active) and returns its registration number.
func createNamed(t *testing.T, h *apptest.Harness, kk, status string) string {
	t.Helper()
	p := demo.Microqualification()
	p.Name = credential.Text{"kk": kk, "ru": kk + " (рус.)", "en": kk + " (eng.)"}
	p.Status = status
	resp, body := h.Do(t, "registrar", "POST", "/api/v1/programs", "application/json", mustJSON(t, p))
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("create program: %d %s", resp.StatusCode, body)
	}
	return decode[credential.Program](t, body).RegistrationNumber
}

// pageText is a page's visible text: tags, styles and entities gone.
var (
	styleRe = regexp.MustCompile(`(?s)<style.*?</style>`)
	tagRe   = regexp.MustCompile(`<[^>]*>`)
)

func pageText(b []byte) string {
	s := styleRe.ReplaceAllString(string(b), " ")
	s = tagRe.ReplaceAllString(s, " ")
	s = strings.NewReplacer("&#43;", "+", "&amp;", "&", "&lt;", "<", "&gt;", ">", "&#39;", "'", "&quot;", `"`, "&#34;", `"`).Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// noEnglish fails when a Kazakh or Russian page shows an English word of
// the interface (the English wording of a page or catalog message).
func noEnglish(t *testing.T, what, text string) {
	t.Helper()
	for _, k := range lang.Keys() {
		if !strings.HasPrefix(string(k), "catalog.") && !strings.HasPrefix(string(k), "page.") {
			continue
		}
		m, _ := lang.Lookup(k)
		en := strings.TrimSpace(m.EN)
		if len(en) < 4 || strings.Contains(en, "%") || en == m.KK || en == m.RU {
			continue
		}
		if strings.Contains(text, en) {
			t.Errorf("%s shows the English %q (%s)", what, en, k)
		}
	}
}

// TestProgramRegistryFields: the registry's fields go in and come out of
// the program JSON, and wrong ones are refused naming the field, in the
// request's language.
func TestProgramRegistryFields(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	want := demo.Microqualification()
	regno := createProgram(t, h)
	_, body := h.Do(t, "viewer", "GET", "/api/v1/programs/"+regno, "", nil)
	got := decode[credential.Program](t, body)
	a, _ := json.Marshal([]any{want.Accreditation, want.Postrequisites, want.Equipment, want.Teachers, want.Developers, want.Content})
	b, _ := json.Marshal([]any{got.Accreditation, got.Postrequisites, got.Equipment, got.Teachers, got.Developers, got.Content})
	if !bytes.Equal(a, b) {
		t.Fatalf("registry fields changed on the way:\n%s\n%s", a, b)
	}
	bad := demo.Microqualification()
	bad.Teachers[0].Phone = "call me"
	bad.Teachers[1].Email = "not-an-address"
	bad.Accreditation = []credential.Accreditation{{Kind: "excellent"}}
	bad.Content[0].Theory = -2
	bad.Content[1].Competency = "LO9"
	resp, body := h.Do(t, "registrar", "POST", "/api/v1/programs?lang=ru", "application/json", mustJSON(t, bad))
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("bad program: %d %s", resp.StatusCode, body)
	}
	e := decode[apiError](t, body)
	fields := map[string]string{}
	for _, d := range e.Error.Details {
		fields[d.Field] = d.Message
	}
	for f, ru := range map[string]string{
		"teachers[0].phone":       "номер телефона",
		"teachers[1].email":       "адрес электронной почты",
		"accreditation[0].kind":   "вид аккредитации",
		"content[0].theory_hours": "число часов",
		"content[1].competency":   "нет компетенции LO9",
		"content":                 "в таблице содержания часов всего 82, а в программе 90",
	} {
		if !strings.Contains(fields[f], ru) {
			t.Errorf("%s: %q, want it to say %q (details %v)", f, fields[f], ru, fields)
		}
	}
}

// TestProgramDocumentsAPI: staff download the three registry documents of
// the sample program as PDF in Kazakh and Russian; nobody else can.
func TestProgramDocumentsAPI(t *testing.T) {
	needPoppler(t)
	h := apptest.Start(t, "sqlite")
	regno := createProgram(t, h)
	dir := t.TempDir()
	p := demo.Microqualification()
	for _, l := range []lang.Tag{lang.KK, lang.RU} {
		for doc, words := range map[string][]string{
			"title":       {l.T(lang.RegdocTitleHeading), l.T(lang.RegdocApprove), p.Name[string(l)], regno},
			"note":        {l.T(lang.RegdocNoteHeading), l.T(lang.RegdocContentHeading), p.Content[2].Outcome[string(l)], p.Teachers[0].Email},
			"application": {l.T(lang.RegdocAppHeading), l.T(lang.RegdocAppAccred), "IAAR", l.T(lang.RegdocAppOutcomes)},
		} {
			path := "/api/v1/programs/" + regno + "/documents/" + doc + ".pdf?lang=" + string(l)
			resp, pdf := h.Do(t, "viewer", "GET", path, "", nil)
			if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" || !strings.Contains(resp.Header.Get("Cache-Control"), "private") {
				t.Fatalf("%s: %d %v %s", path, resp.StatusCode, resp.Header, pdf)
			}
			f := filepath.Join(dir, doc+"-"+string(l)+".pdf")
			if err := os.WriteFile(f, pdf, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("pdftotext", "-raw", f, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Join(strings.Fields(string(out)), " ")
			for _, w := range words {
				if !strings.Contains(text, w) {
					t.Errorf("%s %s lacks %q", doc, l, w)
				}
			}
		}
	}
	for _, c := range []struct {
		role, path string
		status     int
	}{
		{"", "/api/v1/programs/" + regno + "/documents/note.pdf", 401},
		{"viewer", "/api/v1/programs/" + regno + "/documents/passport.pdf", 404},
		{"viewer", "/api/v1/programs/" + regno + "/documents/note.pdf?lang=de", 400},
		{"viewer", "/api/v1/programs/" + regno + "/documents/note.pdf?version=9", 404},
		{"viewer", "/api/v1/programs/MQ-1999-0001/documents/note.pdf", 404},
	} {
		if resp, body := h.Do(t, c.role, "GET", c.path, "", nil); resp.StatusCode != c.status {
			t.Errorf("%s as %q: %d %s, want %d", c.path, c.role, resp.StatusCode, body, c.status)
		}
	}
}

// TestCatalog: the public catalog lists active programs in each language,
// filters and pages them, keeps drafts out and archived programs
// findable by registration number; its exports have the documented shape.
func TestCatalog(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *apptest.Harness) {
		active := createProgram(t, h)
		issue(t, h, active, "S1")
		issue(t, h, active, "S2")
		draft := createNamed(t, h, "Жоба бағдарламасы", credential.ProgramDraft)
		archived := createNamed(t, h, "Мұрағаттағы бағдарлама", "")
		if resp, body := h.Do(t, "registrar", "PATCH", "/api/v1/programs/"+archived, "application/json", strings.NewReader(`{"status":"archived"}`)); resp.StatusCode != 200 {
			t.Fatalf("archive: %d %s", resp.StatusCode, body)
		}
		name := demo.Microqualification().Name
		get := func(path string, status int) string {
			t.Helper()
			resp, body := h.Do(t, "", "GET", path, "", nil)
			if resp.StatusCode != status {
				t.Fatalf("%s: %d, want %d: %s", path, resp.StatusCode, status, body)
			}
			return pageText(body)
		}
		for _, l := range []lang.Tag{lang.KK, lang.RU, lang.EN} {
			s := string(l)
			list := get("/programs?lang="+s, 200)
			for _, w := range []string{l.T(lang.CatalogTitle), name[s], active, l.T(lang.ProgramStatusActive), l.T(lang.CatalogFound, 1),
				l.T(lang.CatalogVolumeValue, "90", "3"), "01.01.2026", "31.12.2027", l.T(lang.KindMicroqual)} {
				if !strings.Contains(list, w) {
					t.Errorf("/programs?lang=%s lacks %q: %s", s, w, list)
				}
			}
			if strings.Contains(list, draft) || strings.Contains(list, archived) {
				t.Errorf("/programs?lang=%s lists a draft or an archived program: %s", s, list)
			}
			one := get("/programs/"+active+"?lang="+s, 200)
			for _, w := range []string{name[s], l.T(lang.CatalogIssued) + " 2", l.T(lang.CatalogLevel) + " 6", "IAAR (EQAR)", l.T(lang.RegdocFormBlended)} {
				if !strings.Contains(one, w) {
					t.Errorf("/programs/%s?lang=%s lacks %q: %s", active, s, w, one)
				}
			}
			arch := get("/programs/"+strings.ToLower(archived)+"?lang="+s, 200)
			if !strings.Contains(arch, l.T(lang.CatalogArchivedNote)) || !strings.Contains(arch, l.T(lang.ProgramStatusArchived)) {
				t.Errorf("archived program page in %s: %s", s, arch)
			}
			found := get("/programs?lang="+s+"&q="+strings.ToLower(archived), 200)
			if !strings.Contains(found, archived) || !strings.Contains(found, l.T(lang.CatalogArchivedByRegNo)) {
				t.Errorf("the archived program is not found by its registration number in %s: %s", s, found)
			}
			missing := get("/programs/"+draft+"?lang="+s, 404)
			if !strings.Contains(missing, l.T(lang.CatalogNotFoundSub, draft)) {
				t.Errorf("draft page in %s: %s", s, missing)
			}
			if l != lang.EN {
				for what, text := range map[string]string{"list": list, "program": one, "archived": arch, "not found": missing,
					"empty search": get("/programs?lang="+s+"&q=zzzz&kind=teachhub_module", 200)} {
					noEnglish(t, s+" "+what, text)
				}
			}
		}
		req, _ := http.NewRequest("GET", h.URL+"/programs/"+active, nil)
		req.Header.Set("Accept", "application/json")
		if resp, err := h.Client.Do(req); err != nil || resp.StatusCode != 200 {
			t.Errorf("program page as JSON: %v %v", resp, err)
		} else {
			var e httpapi.CatalogEntry
			if err := json.NewDecoder(resp.Body).Decode(&e); err != nil || e.RegistrationNumber != active || e.CredentialsIssued == nil || *e.CredentialsIssued != 2 {
				t.Errorf("program page as JSON: %+v %v", e, err)
			}
			resp.Body.Close()
		}
		if none := get("/programs?lang=kk&q=zzzz", 200); !strings.Contains(none, lang.KK.T(lang.CatalogNone)) {
			t.Errorf("empty search: %s", none)
		}
		if byKind := get("/programs?lang=kk&kind=teachhub_module", 200); strings.Contains(byKind, active) {
			t.Errorf("kind filter keeps a microqualification: %s", byKind)
		}
		if byText := get("/programs?lang=ru&q=PYTHON", 200); !strings.Contains(byText, active) {
			t.Errorf("text search misses the program: %s", byText)
		}
		if odd := get("/programs?lang=ru&kind=diploma", 200); !strings.Contains(odd, lang.RU.T(lang.CatalogUnknownKind)) || !strings.Contains(odd, active) {
			t.Errorf("unknown kind: %s", odd)
		}

		// The exports: active and archived programs, never drafts.
		resp, body := h.Do(t, "", "GET", "/programs.json", "", nil)
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
			t.Fatalf("programs.json: %d %v", resp.StatusCode, resp.Header)
		}
		x := decode[httpapi.CatalogExport](t, body)
		if x.Format != "tanu-program-catalog" || x.FormatVersion != 1 || x.Issuer.ID == "" || x.Issuer.Name["kk"] == "" || x.GeneratedAt == "" {
			t.Errorf("export header: %+v", x)
		}
		var regnos []string
		for _, e := range x.Programs {
			regnos = append(regnos, e.RegistrationNumber+"="+e.Status)
		}
		sort.Strings(regnos)
		if want := []string{active + "=active", archived + "=archived"}; !slices.Equal(regnos, want) {
			t.Errorf("exported %v, want %v", regnos, want)
		}
		var raw struct {
			Programs []map[string]json.RawMessage `json:"programs"`
		}
		_ = json.Unmarshal(body, &raw)
		var keys []string
		for k := range raw.Programs[0] {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		wantKeys := []string{"accreditation", "approval", "credentials_issued", "credits", "departments", "form_of_study", "hours", "kind",
			"language", "learning_outcomes", "name", "nqf_level", "professional_standard", "registration_number", "status", "updated_at",
			"url", "valid_from", "valid_until", "version"}
		if !slices.Equal(keys, wantKeys) {
			t.Errorf("an exported program has the members\n%v, want\n%v", keys, wantKeys)
		}
		for _, e := range x.Programs {
			if e.RegistrationNumber == active && (e.CredentialsIssued == nil || *e.CredentialsIssued != 2 || e.URL != h.URL+"/programs/"+active) {
				t.Errorf("exported %+v", e)
			}
		}
		resp, body = h.Do(t, "", "GET", "/programs.csv", "", nil)
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
			t.Fatalf("programs.csv: %d %v", resp.StatusCode, resp.Header)
		}
		recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
		if err != nil || len(recs) != 3 || !slices.Equal(recs[0], httpapi.CatalogCSVHeader) {
			t.Fatalf("programs.csv: %v %q", err, recs)
		}
		row := map[string]string{}
		for i, k := range recs[0] {
			row[k] = recs[1][i]
		}
		if row["registration_number"] != active || row["name_ru"] != name["ru"] || row["credentials_issued"] != "2" || row["nqf_level"] != "6" ||
			row["hours"] != "90" || row["credits"] != "3" || row["accreditation"] != "institutional|IAAR (EQAR)|AA 0123|2029-06-30" {
			t.Errorf("programs.csv row: %v", row)
		}
	})
}

// TestCatalogPagingAndPrivacy: twenty programs a page, and an issuer that
// keeps its counts to itself shows none.
func TestCatalogPagingAndPrivacy(t *testing.T) {
	h := apptest.Start(t, "sqlite", apptest.Options{Configure: func(c *app.Config) {
		no := false
		c.Org.Catalog.ShowIssuedCount = &no
	}})
	first := createProgram(t, h)
	issue(t, h, first, "S1")
	for i := range 22 {
		createNamed(t, h, fmt.Sprintf("Бағдарлама %02d", i+1), "")
	}
	_, b1 := h.Do(t, "", "GET", "/programs?lang=kk", "", nil)
	p1 := pageText(b1)
	if !strings.Contains(p1, lang.KK.T(lang.CatalogFound, 23)) || !strings.Contains(p1, lang.KK.T(lang.CatalogPage, 1, 2)) ||
		!strings.Contains(string(b1), `href="/programs?lang=kk&amp;page=2"`) || strings.Contains(p1, lang.KK.T(lang.CatalogPrev)) {
		t.Errorf("page 1: %s", p1)
	}
	_, b2 := h.Do(t, "", "GET", "/programs?lang=kk&page=2", "", nil)
	p2 := pageText(b2)
	if n := strings.Count(p2, "Бағдарлама "); n != 3 || !strings.Contains(p2, lang.KK.T(lang.CatalogPrev)) || strings.Contains(p2, lang.KK.T(lang.CatalogNext)) {
		t.Errorf("page 2 has %d programs: %s", n, p2)
	}
	if _, b := h.Do(t, "", "GET", "/programs?lang=kk&page=99", "", nil); !strings.Contains(pageText(b), lang.KK.T(lang.CatalogPage, 2, 2)) {
		t.Errorf("page 99 is not the last page")
	}
	_, one := h.Do(t, "", "GET", "/programs/"+first+"?lang=kk", "", nil)
	if strings.Contains(pageText(one), lang.KK.T(lang.CatalogIssued)) {
		t.Errorf("the count shows although the issuer hides it")
	}
	_, js := h.Do(t, "", "GET", "/programs.json", "", nil)
	if bytes.Contains(js, []byte("credentials_issued")) {
		t.Errorf("the export counts credentials although the issuer hides them")
	}
}
