package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/tanu-edu/tanu/account"
)

const userUsage = `Usage:
  tanu user add --email EMAIL --role ROLE [--name NAME] [--department DEPT]   prints a one-time setup link (72 h)
  tanu user list
  tanu user disable EMAIL      ends the user's sessions and stops their tokens at once
  tanu user enable EMAIL
  tanu user role EMAIL ROLE    ends the user's sessions
  tanu user reset EMAIL        prints a one-time password reset link (72 h)`

func cmdUser(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(e.stderr, userUsage)
		return fmt.Errorf("user: say add, list, disable, enable, role or reset")
	}
	sub, args := args[0], args[1:]
	switch sub {
	case "add":
		return userAdd(ctx, e, args)
	case "list":
		return userList(ctx, e, args)
	case "disable", "enable", "role", "reset":
		return userChange(ctx, e, sub, args)
	}
	fmt.Fprintln(e.stderr, userUsage)
	return fmt.Errorf("user: unknown subcommand %q", sub)
}

func userAdd(ctx context.Context, e *env, args []string) error {
	var email, role, name, dept *string
	ctx, st, acc, _, base, err := openAccounts(ctx, e, args, "user add", "--email EMAIL --role ROLE [--name NAME] [--department DEPT]", true, func(fs flagSetT) {
		email = fs.String("email", "", "the person's e-mail: their login")
		role = fs.String("role", "", "admin, registrar, coordinator or viewer")
		name = fs.String("name", "", "display name")
		dept = fs.String("department", "", "department (optional scope)")
	})
	if err != nil {
		return err
	}
	defer st.Close()
	u, link, err := acc.Invite(ctx, account.NewUser{Email: *email, Role: *role, Name: *name, Department: *dept})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "user %s (%s) added; send them this one-time link to set a password (valid until %s UTC):\n", u.Email, u.Role, link.ExpiresAt.Format("2006-01-02 15:04"))
	fmt.Fprintln(e.stdout, account.SetupURL(base, link.Secret))
	return nil
}

func userList(ctx context.Context, e *env, args []string) error {
	ctx, st, acc, _, _, err := openAccounts(ctx, e, args, "user list", "", false, nil)
	if err != nil {
		return err
	}
	defer st.Close()
	us, err := acc.Users(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "EMAIL\tNAME\tROLE\tDEPARTMENT\tSTATE\tLAST LOGIN")
	for _, u := range us {
		state := "active"
		switch {
		case u.Disabled:
			state = "disabled"
		case !u.HasPassword():
			state = "invited"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", u.Email, dash(u.Name), u.Role, dash(u.Department), state, day(u.LastLoginAt))
	}
	return w.Flush()
}

func userChange(ctx context.Context, e *env, sub string, args []string) error {
	ctx, st, acc, pos, base, err := openAccounts(ctx, e, args, "user "+sub, "EMAIL", false, nil)
	if err != nil {
		return err
	}
	defer st.Close()
	want := 1
	if sub == "role" {
		want = 2
	}
	if len(pos) != want {
		fmt.Fprintln(e.stderr, userUsage)
		return fmt.Errorf("user %s: wrong number of arguments", sub)
	}
	var ch account.UserChange
	switch sub {
	case "disable", "enable":
		d := sub == "disable"
		ch.Disabled = &d
	case "role":
		ch.Role = &pos[1]
	case "reset":
		u, link, err := acc.IssueReset(ctx, pos[0])
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "one-time password link for %s (valid until %s UTC):\n", u.Email, link.ExpiresAt.Format("2006-01-02 15:04"))
		fmt.Fprintln(e.stdout, account.SetupURL(base, link.Secret))
		return nil
	}
	u, err := acc.Change(ctx, pos[0], ch)
	if err != nil {
		return err
	}
	state := "enabled"
	if u.Disabled {
		state = "disabled"
	}
	fmt.Fprintf(e.stdout, "%s %s %s\n", u.Email, u.Role, state)
	return nil
}
