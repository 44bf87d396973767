package main

import (
	"flag"
	"fmt"
	"time"

	"github.com/tanu-edu/tanu/account"
	"github.com/tanu-edu/tanu/internal/app"
)

// accountFlags registers serve's account settings: single sign-on and
// session lifetimes, defaulting to the TANU_* environment.
// After parsing, call the returned function to load the SSO file.
func accountFlags(e *env, fs *flag.FlagSet, c *app.Config) func() error {
	def := func(k string) string { return e.getenv(k) }
	sso := fs.String("sso-config", def("TANU_SSO_CONFIG"), "JSON file of OpenID Connect providers for single sign-on; see docs/accounts.md (env TANU_SSO_CONFIG)")
	dur := func(name, env string, dst *time.Duration, usage string) {
		fs.Func(name, usage+" (env "+env+")", func(v string) error {
			d, err := time.ParseDuration(v)
			if err != nil || d <= 0 {
				return fmt.Errorf("%q is not a positive duration", v)
			}
			*dst = d
			return nil
		})
		if v := def(env); v != "" {
			if d, err := time.ParseDuration(v); err == nil && d > 0 {
				*dst = d
			}
		}
	}
	dur("session-idle", "TANU_SESSION_IDLE", &c.Accounts.IdleTimeout, "a console session unused this long ends (default 1h)")
	dur("session-max", "TANU_SESSION_MAX", &c.Accounts.AbsoluteTimeout, "a console session ends this long after sign-in (default 12h)")
	return func() error {
		if *sso == "" {
			return nil
		}
		cfg, err := account.LoadSSOConfig(*sso, e.getenv)
		if err != nil {
			return err
		}
		c.SSO = cfg
		return nil
	}
}
