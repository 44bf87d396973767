package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/tanu-edu/tanu/account"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/store"
)

const tokenUsage = `Usage:
  tanu token create --role ROLE [--name NAME] [--owner EMAIL] [--expires 720h]
  tanu token list
  tanu token revoke ID`

func cmdToken(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(e.stderr, tokenUsage)
		return fmt.Errorf("token: say create, list or revoke")
	}
	switch args[0] {
	case "create":
		return tokenCreate(ctx, e, args[1:])
	case "list":
		return tokenList(ctx, e, args[1:])
	case "revoke":
		return tokenRevoke(ctx, e, args[1:])
	}
	fmt.Fprintln(e.stderr, tokenUsage)
	return fmt.Errorf("token: unknown subcommand %q", args[0])
}

// openAccounts opens the store and an account service on it, on the wall
// clock, with the CLI user as the actor of its writes.
func openAccounts(ctx context.Context, e *env, args []string, name, synopsis string, migrate bool, flags func(fs flagSetT)) (context.Context, *store.Store, *account.Service, []string, string, error) {
	fs := flagSet(e, name, synopsis)
	c := configFlags(e, fs)
	if flags != nil {
		flags(fs)
	}
	// Accept positional arguments before the flags too.
	var pos []string
	for len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		pos, args = append(pos, args[0]), args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return nil, nil, nil, nil, "", err
	}
	pos = append(pos, fs.Args()...)
	st, err := openStore(ctx, c, migrate)
	if err != nil {
		return nil, nil, nil, nil, "", err
	}
	return credential.WithActor(ctx, cliActor()), st, account.New(st, account.Config{}, time.Now), pos, c.PublicURL, nil
}

func tokenCreate(ctx context.Context, e *env, args []string) error {
	var role, name, owner *string
	var expires *time.Duration
	ctx, st, acc, _, _, err := openAccounts(ctx, e, args, "token create", "--role ROLE [--name NAME] [--owner EMAIL] [--expires 720h]", true, func(fs flagSetT) {
		role = fs.String("role", "", "admin, registrar, coordinator or viewer")
		name = fs.String("name", "", "who or what the token is for")
		owner = fs.String("owner", "", "e-mail of the user who owns the token (its role is capped by theirs; disabling them stops it); empty: a system token")
		expires = fs.Duration("expires", 0, "lifetime, e.g. 720h (0: no expiry)")
	})
	if err != nil {
		return err
	}
	defer st.Close()
	if !credential.ValidRole(*role) {
		return fmt.Errorf("token create: --role must be one of %s", strings.Join(credential.Roles(), ", "))
	}
	req := account.TokenRequest{Name: *name, Role: *role}
	if *expires > 0 {
		t := time.Now().Add(*expires)
		req.ExpiresAt = &t
	}
	_, secret, err := acc.CreateSystemToken(ctx, *owner, req)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, secret)
	return nil
}

func tokenList(ctx context.Context, e *env, args []string) error {
	ctx, st, acc, _, _, err := openAccounts(ctx, e, args, "token list", "", false, nil)
	if err != nil {
		return err
	}
	defer st.Close()
	ts, err := acc.AllTokens(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tNAME\tROLE\tOWNER\tCREATED\tEXPIRES\tLAST USED\tSTATE")
	for _, t := range ts {
		owner := t.OwnerEmail
		if owner == "" {
			owner = "(system)"
		}
		state := "active"
		switch {
		case t.RevokedAt != nil:
			state = "revoked " + day(t.RevokedAt)
		case t.ExpiresAt != nil && !time.Now().Before(*t.ExpiresAt):
			state = "expired"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", t.ID, dash(t.Name), t.Role, owner, day(&t.CreatedAt), day(t.ExpiresAt), day(t.LastUsedAt), state)
	}
	return w.Flush()
}

func tokenRevoke(ctx context.Context, e *env, args []string) error {
	ctx, st, acc, pos, _, err := openAccounts(ctx, e, args, "token revoke", "ID", false, nil)
	if err != nil {
		return err
	}
	defer st.Close()
	if len(pos) != 1 {
		return fmt.Errorf("token revoke: give the token id (see tanu token list)")
	}
	t, err := acc.RevokeToken(ctx, nil, pos[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s revoked\n", t.ID)
	return nil
}

func day(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.UTC().Format("2006-01-02 15:04")
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
