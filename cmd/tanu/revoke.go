package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/tanu-edu/tanu/credential"
)

// cmdStatus returns the revoke, suspend or reinstate command.
func cmdStatus(action string) func(ctx context.Context, e *env, args []string) error {
	return func(ctx context.Context, e *env, args []string) error {
		fs := flagSet(e, action, "ID --reason TEXT")
		c := configFlags(e, fs)
		reason := fs.String("reason", "", "why (required; shown on the public credential page)")
		// Accept the id before or after the flags.
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
			return fmt.Errorf("%s: give the credential id and --reason", action)
		}
		st, err := openStore(ctx, c, false)
		if err != nil {
			return err
		}
		defer st.Close()
		r, err := st.ChangeStatus(credential.WithActor(ctx, cliActor()), strings.TrimPrefix(id, "urn:uuid:"), action, *reason)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s %s\n", r.ID, r.Status)
		return nil
	}
}
