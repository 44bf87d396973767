package app_test

import (
	"bytes"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/app/apptest"
	"github.com/tanu-edu/tanu/internal/demo"
	"github.com/tanu-edu/tanu/verifier"
)

// TestAchievementAndProfileDocuments: /achievements/{regno}/{version} (a
// microqualification and a TeachHub module, in every language) is a valid
// Achievement of the official schema, with criteria and a description;
// /issuer is a valid Profile whose id is the DID and whose name does not
// change with the language; the NQF alignment's target answers.
func TestAchievementAndProfileDocuments(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	ach, err := verifier.LoadSchemaDef(verifier.SchemaFormal, "Achievement")
	if err != nil {
		t.Fatal(err)
	}
	prof, err := verifier.LoadSchema(verifier.SchemaProfile)
	if err != nil {
		t.Fatal(err)
	}
	micro := createProgram(t, h)
	resp, body := h.Do(t, "registrar", "POST", "/api/v1/programs", "application/json", mustJSON(t, demo.TeachHub()))
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("teachhub program: %s", body)
	}
	th := decode[map[string]any](t, body)["registration_number"].(string)
	for _, regno := range []string{micro, th} {
		for _, lang := range []string{"kk", "ru", "en"} {
			resp, body := h.Do(t, "", "GET", "/achievements/"+regno+"/1?lang="+lang, "", nil)
			if resp.StatusCode != 200 {
				t.Fatalf("achievement: %d %s", resp.StatusCode, body)
			}
			if err := ach.Validate(body); err != nil {
				t.Fatalf("%s %s: not a valid Achievement: %v\n%s", regno, lang, err, body)
			}
			d := decode[map[string]any](t, body)
			crit, _ := d["criteria"].(map[string]any)
			if s, _ := d["description"].(string); s == "" || crit["narrative"] == "" {
				t.Fatalf("%s %s: empty description or criteria: %s", regno, lang, body)
			}
		}
	}
	var names []string
	for _, lang := range []string{"kk", "ru", "en"} {
		_, body := h.Do(t, "", "GET", "/issuer?lang="+lang, "", nil)
		if err := prof.Validate(body); err != nil {
			t.Fatalf("/issuer is not a valid Profile: %v\n%s", err, body)
		}
		d := decode[map[string]any](t, body)
		if d["id"] != h.App.Issuer.Identity().DID() {
			t.Fatalf("/issuer id %v", d["id"])
		}
		names = append(names, d["name"].(string))
	}
	if names[0] != names[1] || names[1] != names[2] {
		t.Fatalf("the issuer's name changes with the language: %q", names)
	}
	// The alignment of the NQF level points at a page that answers, with
	// the level's anchor, in each language.
	_, body = h.Do(t, "", "GET", "/achievements/"+micro+"/1", "", nil)
	m := regexp.MustCompile(`"targetUrl":"([^"]+)"`).FindSubmatch(body)
	if m == nil {
		t.Fatalf("no alignment: %s", body)
	}
	target, _ := url.Parse(string(m[1]))
	for lang, title := range map[string]string{"kk": "Ұлттық біліктілік шеңбері", "ru": "Национальная рамка квалификаций", "en": "National Qualifications Framework"} {
		resp, page := h.Do(t, "", "GET", target.Path+"?lang="+lang, "", nil)
		if resp.StatusCode != 200 || !bytes.Contains(page, []byte(title)) || !bytes.Contains(page, []byte(`id="`+target.Fragment+`"`)) {
			t.Fatalf("%s in %s: %d, title or #%s missing", target, lang, resp.StatusCode, target.Fragment)
		}
	}
}

// TestLinkedInLink: the page's LinkedIn link names the program and the
// organization in the page's language, carries the configured LinkedIn
// organization id, and is not offered once the credential is revoked.
func TestLinkedInLink(t *testing.T) {
	h := apptest.Start(t, "sqlite", apptest.Options{Configure: func(c *app.Config) { c.LinkedInOrganizationID = "1234567" }})
	regno := createProgram(t, h)
	c := issue(t, h, regno, "S22633920")
	link := func(lang string) url.Values {
		_, page := h.Do(t, "", "GET", "/c/"+c.ID+"?lang="+lang, "", nil)
		m := regexp.MustCompile(`href="(https://www\.linkedin\.com/profile/add\?[^"]+)"`).FindSubmatch(page)
		if m == nil {
			return nil
		}
		u, err := url.Parse(html.UnescapeString(string(m[1])))
		if err != nil {
			t.Fatal(err)
		}
		return u.Query()
	}
	en := link("en")
	want := demo.Microqualification().Name.Get("en")
	if en == nil || en.Get("name") != want || en.Get("organizationId") != "1234567" {
		t.Fatalf("English page's LinkedIn link %v, want name %q and the organization id", en, want)
	}
	if kk := link("kk"); kk.Get("name") != demo.Microqualification().Name.Get("kk") {
		t.Fatalf("Kazakh page's LinkedIn link %v", kk)
	}
	h.Do(t, "registrar", "POST", "/api/v1/credentials/"+c.ID+"/revoke", "application/json", strings.NewReader(`{"reason":"x"}`))
	if l := link("en"); l != nil {
		t.Fatalf("a revoked credential offers LinkedIn: %v", l)
	}
}
