package verifier

import (
	"context"
	"testing"
)

// TestHiddenTextDoesNotCount: text a reader cannot see (white, tiny, off
// the page, invisible render mode, scaled by a matrix) is kept apart from
// the visible text a certificate's holder must appear in.
func TestHiddenTextDoesNotCount(t *testing.T) {
	font := map[uint16][]rune{1: {'A'}, 2: {'B'}}
	content := `0 0 0 rg BT /F1 12 Tf 100 700 Td <0001> Tj ET
1 1 1 rg BT /F1 12 Tf 100 680 Td <0002> Tj ET
0 0 0 rg BT /F1 2 Tf 100 660 Td <0002> Tj ET
BT /F1 12 Tf 900 660 Td <0002> Tj ET
BT 3 Tr /F1 12 Tf 100 640 Td <0002> Tj ET
q 0.1 0 0 0.1 0 0 cm BT 0 Tr /F1 12 Tf 100 620 Td <0002> Tj ET Q
BT /F1 12 Tf 100 600 Td <0001> Tj ET`
	doc := &Document{}
	tokens := maxContentTokens
	p := &pageReader{fonts: map[string]map[uint16][]rune{"F1": font}, box: []float64{0, 0, 595, 842}, doc: doc, tokens: &tokens}
	if err := p.run(context.Background(), []byte(content)); err != nil {
		t.Fatal(err)
	}
	if len(doc.Visible) != 2 || doc.Visible[0] != "A" || doc.Visible[1] != "A" || len(doc.Hidden) != 5 {
		t.Errorf("visible %q, hidden %q", doc.Visible, doc.Hidden)
	}
	for _, bad := range []string{"BT /F1 12 Tf <0009> Tj ET", "/Fm1 Do", "BI /W 1 ID x EI"} {
		tokens := maxContentTokens
		p := &pageReader{fonts: map[string]map[uint16][]rune{"F1": font}, box: []float64{0, 0, 595, 842}, doc: &Document{}, tokens: &tokens}
		if err := p.run(context.Background(), []byte(bad)); err == nil {
			t.Errorf("%q was read as if it could be confirmed", bad)
		}
	}
}
