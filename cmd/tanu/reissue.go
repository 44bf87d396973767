package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app"
)

// cmdReissue corrects a credential: the old one is revoked as replaced by
// a new one with the corrected data, new certificate and book numbers.
func cmdReissue(ctx context.Context, e *env, args []string) error {
	fs := flagSet(e, "reissue", "ID --reason TEXT [--set field=value …] [--changes FILE.json]")
	c := configFlags(e, fs)
	reason := fs.String("reason", "", "why the credential is corrected (required; kept in the audit trail)")
	changesFile := fs.String("changes", "", "JSON file with the fields to change, named as in POST /api/v1/credentials (e.g. {\"family_name\": \"…\", \"grades\": {\"LO1\": 91}})")
	set := map[string]any{}
	fs.Func("set", "a field to change, field=value (repeatable): family_name, given_name, patronymic, date_from, date_to, decision_date, language, iin, email, department, position, grades.CODE", func(v string) error {
		k, val, ok := strings.Cut(v, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return fmt.Errorf("--set %q: write field=value", v)
		}
		k = strings.TrimSpace(k)
		if code, ok := strings.CutPrefix(k, "grades."); ok {
			g, _ := set["grades"].(map[string]any)
			if g == nil {
				g = map[string]any{}
				set["grades"] = g
			}
			g[code] = gradeValue(val)
			return nil
		}
		set[k] = val
		return nil
	})
	var id string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		id, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if id == "" && fs.NArg() == 1 {
		id = fs.Arg(0)
	}
	if id == "" || strings.TrimSpace(*reason) == "" {
		fs.Usage()
		return errors.New("reissue: give the credential id and --reason")
	}
	changes := map[string]json.RawMessage{}
	if *changesFile != "" {
		b, err := os.ReadFile(*changesFile)
		if err != nil {
			return err
		}
		if err := json.Unmarshal(b, &changes); err != nil {
			return fmt.Errorf("reissue: %s: %w", *changesFile, err)
		}
	}
	for k, v := range set {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		changes[k] = b
	}
	body, err := json.Marshal(changes)
	if err != nil {
		return err
	}
	if err := finish(c); err != nil {
		return err
	}
	if err := c.CheckServing(); err != nil {
		return err
	}
	a, err := app.Open(ctx, *c, logger(e, e.stderr).With("command", "reissue"))
	if err != nil {
		return err
	}
	defer a.Close()
	rec, err := a.Issuer.Reissue(credential.WithActor(ctx, cliActor()), strings.TrimPrefix(id, "urn:uuid:"), body, *reason)
	if err != nil {
		l, _ := cliLang(e, "", "")
		_, details := credential.Localize(err, l)
		for _, d := range details {
			fmt.Fprintf(e.stderr, "  %s\n", d.Message)
		}
		return err
	}
	fmt.Fprintf(e.stdout, "%s %s %s\n", rec.ID, rec.BookNumber, a.Issuer.Identity().CredentialURL(rec.ID))
	return nil
}

// gradeValue reads a grade given on the command line: a number is a
// percent, anything else a letter.
func gradeValue(v string) any {
	var f float64
	if _, err := fmt.Sscan(v, &f); err == nil && !strings.ContainsAny(v, "ABCDFabcdf") {
		return f
	}
	return v
}
