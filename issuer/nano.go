package issuer

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// Nano makes a credential a nano-diploma: the pathway it completes and the
// component credentials it was built on. The achievement lists the
// component achievements (an alignment and a result description each),
// the results give each component's grade, and the evidence points at
// each component credential's public page.
type Nano struct {
	Pathway    *credential.Pathway
	Components []credential.Component
	// Identities are hashed identities of the holder copied from a
	// component credential (hash and salt as they are there), so a
	// verifier who knows the holder's IIN or e-mail can match them.
	Identities []credential.IdentityObject
}

// num prints a number without trailing zeros.
func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// nano adds the components to the achievement and their grades to the
// results, in language l.
func (is *Issuer) nano(n *Nano, ach *credential.Achievement, results []credential.Result, l string) []credential.Result {
	t := lang.ParseOr(l, lang.KK)
	var b strings.Builder
	b.WriteString(t.T(lang.StackNanoCriteria, n.Pathway.MinElectives, num(n.Pathway.MinCredits)))
	for _, c := range n.Components {
		fmt.Fprintf(&b, "\n- %s: %s", c.Program, c.Name)
	}
	ach.Criteria.Narrative = b.String()
	for _, c := range n.Components {
		al := credential.Alignment{Type: []string{"Alignment"}, TargetName: c.Name, TargetURL: c.AchievementID,
			TargetCode: c.Program, TargetType: "ceterms:Credential", TargetDescription: c.URL}
		ach.Alignment = append(ach.Alignment, al)
		rd := credential.ResultDescription{ID: ach.ID + "#" + c.Program, Type: []string{"ResultDescription"},
			Name: c.Program + " " + c.Name, ResultType: "LetterGrade", AllowedValue: is.Identity().Scale.Letters(),
			Alignment: []credential.Alignment{al}}
		ach.ResultDescription = append(ach.ResultDescription, rd)
		if c.Grade != "" {
			results = append(results, credential.Result{Type: []string{"Result"}, ResultDescription: rd.ID, Value: c.Grade})
		}
	}
	return results
}

// nanoEvidence is one Evidence per component credential, in language l.
func (is *Issuer) nanoEvidence(n *Nano, l string) []credential.Evidence {
	t := lang.ParseOr(l, lang.KK)
	out := make([]credential.Evidence, 0, len(n.Components))
	for _, c := range n.Components {
		grade := c.Grade
		if grade == "" {
			grade = "—"
		}
		out = append(out, credential.Evidence{ID: c.URL, Type: []string{"Evidence"}, Name: c.Program + " " + c.Name,
			Description: t.T(lang.StackNanoEvidence, c.CertificateNumber, num(c.Credits), grade), Genre: "Credential"})
	}
	return out
}
