package templates_test

import (
	"encoding/json"
	"path"
	"testing"

	"github.com/tanu-edu/tanu/render/pdfdoc"
	"github.com/tanu-edu/tanu/templates"
)

// TestFontCoverage checks that every face covers Kazakh, Russian and Latin
// letters and the punctuation the layouts print.
func TestFontCoverage(t *testing.T) {
	const need = "ӘҒҚҢӨҰҮҺІәғқңөұүһі" + // Kazakh
		"АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя" + // Russian
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" +
		"«»№–—‘’“”…·•%()/:;.,-+!?\"'&@#*[]ÄÖÜäöüÉéŞşĞğİı"
	b, err := templates.FS.ReadFile("fonts/fonts.json")
	if err != nil {
		t.Fatal(err)
	}
	var ff struct{ Faces map[string]string }
	if err := json.Unmarshal(b, &ff); err != nil {
		t.Fatal(err)
	}
	if len(ff.Faces) == 0 {
		t.Fatal("fonts.json lists no faces")
	}
	for face, file := range ff.Faces {
		data, err := templates.FS.ReadFile(path.Join("fonts", file))
		if err != nil {
			t.Fatal(err)
		}
		f, err := pdfdoc.LoadFont("f", data)
		if err != nil {
			t.Fatalf("%s: %v", face, err)
		}
		if miss := f.Missing(need); len(miss) > 0 {
			t.Errorf("%s (%s) has no glyph for %q", face, file, string(miss))
		}
	}
}

func TestEmbedded(t *testing.T) {
	for _, p := range []string{"README.md", "fonts/OFL.txt", "fonts/README.md", "certificate/microqualification.kk.json"} {
		if _, err := templates.FS.ReadFile(p); err != nil {
			t.Error(err)
		}
	}
}
