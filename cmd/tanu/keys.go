package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/keyring"
)

func cmdKeys(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || (args[0] != "generate" && args[0] != "list" && args[0] != "rotate") {
		fmt.Fprintln(e.stderr, "Usage: tanu keys generate|list|rotate [--alg ES256|EdDSA|RS256] [--purpose jws|data-integrity]")
		return fmt.Errorf("keys: say generate, list or rotate")
	}
	sub := args[0]
	fs := flagSet(e, "keys "+sub, "[flags]")
	c := configFlags(e, fs)
	alg := fs.String("alg", "", "algorithm of a new key: ES256 (default for jws), EdDSA or RS256; data-integrity keys are EdDSA")
	purpose := fs.String("purpose", keyring.PurposeJWS, "what the key signs: jws (VC-JWTs) or data-integrity (eddsa-rdfc-2022 proofs)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	ring, err := keyring.Open(c.KeysPath())
	if err != nil {
		return err
	}
	switch sub {
	case "generate":
		k, err := ring.GenerateFor(*purpose, *alg)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, k.KID)
	case "rotate":
		k, err := ring.RotateFor(*purpose, *alg)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, k.KID)
	case "list":
		active, _ := ring.Active()
		activeDI, _ := ring.ActiveFor(keyring.PurposeDataIntegrity)
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "KID\tALG\tPURPOSE\tCREATED\tSTATE")
		for _, k := range ring.Keys() {
			state := "published"
			switch {
			case active != nil && k.KID == active.KID, activeDI != nil && k.KID == activeDI.KID:
				state = "active (signs)"
			case k.Retired != nil:
				state = "retired " + k.Retired.Format("2006-01-02")
			}
			if k.Example {
				state += ", EXAMPLE KEY"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", k.KID, k.Alg, k.Purpose, k.Created.Format("2006-01-02 15:04"), state)
		}
		return tw.Flush()
	}
	// Publish at once when the database is reachable; serve publishes at start anyway.
	if st, err := app.OpenStore(ctx, *c); err == nil {
		defer st.Close()
		if st.CheckSchema(ctx) == nil {
			return app.PublishKeys(credential.WithActor(ctx, cliActor()), st, ring)
		}
	}
	return nil
}
