package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"

	"github.com/tanu-edu/tanu/internal/httpapi"
	"github.com/tanu-edu/tanu/store"
)

func cmdToken(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "create" {
		fmt.Fprintln(e.stderr, "Usage: tanu token create --role admin|registrar|coordinator|viewer [--name NAME]")
		return fmt.Errorf("token: say create")
	}
	fs := flagSet(e, "token create", "--role ROLE [--name NAME]")
	c := configFlags(e, fs)
	role := fs.String("role", "", "admin, registrar, coordinator or viewer")
	name := fs.String("name", "", "who or what the token is for")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if !httpapi.ValidRole(*role) {
		return fmt.Errorf("token create: --role must be admin, registrar, coordinator or viewer")
	}
	st, err := openStore(ctx, c, true)
	if err != nil {
		return err
	}
	defer st.Close()
	tok, id, err := newToken()
	if err != nil {
		return err
	}
	if err := st.CreateToken(ctx, store.Token{ID: id, Hash: httpapi.HashToken(tok), Role: *role, Name: *name}); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, tok)
	return nil
}

// newToken returns a random bearer token and a short public id for it.
func newToken() (tok, id string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	tok = "tanu_" + base64.RawURLEncoding.EncodeToString(b)
	idb := make([]byte, 6)
	if _, err := rand.Read(idb); err != nil {
		return "", "", err
	}
	return tok, base64.RawURLEncoding.EncodeToString(idb), nil
}
