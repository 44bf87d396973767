package render_test

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/render"
)

// TestLinks checks, with qpdf and poppler reading the PDF, that on every
// page both the QR code and the printed URL open the credential page when
// clicked in a viewer.
func TestLinks(t *testing.T) {
	qpdf, err := exec.LookPath("qpdf")
	if err != nil {
		t.Skip("qpdf not found: install qpdf (apt-get install -y qpdf) to run this test")
	}
	pdftohtml := needPoppler(t, "pdftohtml")
	r := newRenderer(t)
	for _, c := range []struct {
		name  string
		pages int
		cert  render.Certificate
	}{{"micro", 2, micro("en")}, {"teachhub", 1, teachhub("kk")}} {
		cert := c.cert
		file := writeTemp(t, renderPDF(t, r, cert))
		out, err := exec.Command(qpdf, "--json=2", "--json-key=qpdf", file).Output()
		if err != nil {
			t.Fatalf("qpdf --json: %v", err)
		}
		var doc struct {
			QPDF []json.RawMessage `json:"qpdf"`
		}
		if err := json.Unmarshal(out, &doc); err != nil || len(doc.QPDF) < 2 {
			t.Fatalf("qpdf json: %v", err)
		}
		var objs map[string]struct {
			Value map[string]json.RawMessage `json:"value"`
		}
		if err := json.Unmarshal(doc.QPDF[1], &objs); err != nil {
			t.Fatal(err)
		}
		pages := 0
		for _, o := range objs {
			if string(o.Value["/Type"]) != `"/Page"` {
				continue
			}
			pages++
			var annots []string
			_ = json.Unmarshal(o.Value["/Annots"], &annots)
			qr, text := false, false
			for _, ref := range annots {
				a := objs["obj:"+ref].Value
				var rect []float64
				var act struct {
					URI string `json:"/URI"`
				}
				_ = json.Unmarshal(a["/Rect"], &rect)
				_ = json.Unmarshal(a["/A"], &act)
				if string(a["/Subtype"]) != `"/Link"` || act.URI != "u:"+cert.URL || len(rect) != 4 {
					t.Errorf("%s: annotation %s is not a link to %s: %v", c.name, ref, cert.URL, a)
					continue
				}
				wmm, hmm := (rect[2]-rect[0])*25.4/72, (rect[3]-rect[1])*25.4/72
				switch {
				case wmm >= 25 && hmm >= 25 && wmm-hmm < 0.1 && hmm-wmm < 0.1:
					qr = true
				case wmm > 50 && hmm < 10:
					text = true
				}
			}
			if !qr || !text {
				t.Errorf("%s: page %s: QR link %v, URL text link %v", c.name, o.Value["/Contents"], qr, text)
			}
		}
		if pages != c.pages {
			t.Errorf("%s: %d pages, want %d", c.name, pages, c.pages)
		}
		html, err := exec.Command(pdftohtml, "-xml", "-stdout", "-i", file).Output()
		if err != nil {
			t.Fatalf("pdftohtml: %v", err)
		}
		if n := strings.Count(string(html), `<a href="`+cert.URL+`">`); n != c.pages {
			t.Errorf("%s: poppler finds the printed URL linked %d times, want once per page (%d)", c.name, n, c.pages)
		}
	}
}
