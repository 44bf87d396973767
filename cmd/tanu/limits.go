package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/httpapi"
	"github.com/tanu-edu/tanu/internal/outbound"
)

// limitFlags registers the server's limits (docs/security.md lists them
// all), defaulting to the TANU_* environment.
func limitFlags(e *env, fs *flag.FlagSet, c *app.Config) {
	d := httpapi.DefaultLimits
	rate := func(dst *float64) func(string) error {
		return func(v string) error {
			n, err := strconv.ParseFloat(v, 64)
			if err != nil || n < -1 || n != n {
				return fmt.Errorf("%q is not a rate (a number a minute, -1 for none)", v)
			}
			*dst = n
			return nil
		}
	}
	count := func(dst *int) func(string) error {
		return func(v string) error {
			n, err := strconv.Atoi(v)
			if err != nil || n < -1 {
				return fmt.Errorf("%q is not a count (-1 for none)", v)
			}
			*dst = n
			return nil
		}
	}
	duration := func(dst *time.Duration) func(string) error {
		return func(v string) error {
			t, err := time.ParseDuration(v)
			if err != nil || t < 0 {
				return fmt.Errorf("%q is not a duration", v)
			}
			*dst = t
			return nil
		}
	}
	str := func(dst *string) func(string) error {
		return func(v string) error { *dst = strings.TrimSpace(v); return nil }
	}
	l := &c.Limits
	for _, f := range []struct {
		name, env, usage string
		set              func(string) error
	}{
		{"verify-per-minute", "TANU_VERIFY_PER_MINUTE", fmt.Sprintf("public verification requests a minute per client address, per instance; -1 for no limit (default %g)", d.VerifyPerMinute), rate(&l.VerifyPerMinute)},
		{"verify-burst", "TANU_VERIFY_BURST", fmt.Sprintf("verification requests a client may send at once before the rate applies (default %d)", d.VerifyBurst), count(&l.VerifyBurst)},
		{"upload-per-minute", "TANU_UPLOAD_PER_MINUTE", fmt.Sprintf("spreadsheet uploads (batches, TeachHub imports) a minute per user, per instance; -1 for no limit (default %g)", d.UploadPerMinute), rate(&l.UploadPerMinute)},
		{"upload-burst", "TANU_UPLOAD_BURST", fmt.Sprintf("uploads a user may send at once before the rate applies (default %d)", d.UploadBurst), count(&l.UploadBurst)},
		{"uploads-per-user", "TANU_UPLOADS_PER_USER", fmt.Sprintf("uploads of one user read and parsed at once, per instance; -1 for no limit (default %d)", d.UploadsPerUser), count(&l.UploadsPerUser)},
		{"open-batches-per-user", "TANU_OPEN_BATCHES_PER_USER", fmt.Sprintf("batches of one user queued or running, over all instances (counted in the database); -1 for no limit (default %d)", d.OpenBatchesPerUser), count(&l.OpenBatchesPerUser)},
		{"body-timeout", "TANU_BODY_TIMEOUT", fmt.Sprintf("time to read one request, body included (default %s)", d.BodyTimeout), duration(&l.BodyTimeout)},
		{"upload-body-timeout", "TANU_UPLOAD_BODY_TIMEOUT", fmt.Sprintf("time to read a spreadsheet upload (default %s)", d.UploadBodyTimeout), duration(&l.UploadBodyTimeout)},
		{"trusted-proxies", "TANU_TRUSTED_PROXIES", "comma-separated proxy addresses or CIDRs whose X-Forwarded-For names the client (default none: the connection's address)",
			func(v string) error {
				c.TrustedProxies = nil
				for _, p := range strings.Split(v, ",") {
					if p = strings.TrimSpace(p); p != "" {
						c.TrustedProxies = append(c.TrustedProxies, p)
					}
				}
				return nil
			}},
		{"metrics-listen", "TANU_METRICS_LISTEN", "serve /metrics on this address only (e.g. 127.0.0.1:9090), without authentication; default: /metrics on the main address, for an admin token or the metrics token", str(&c.MetricsListen)},
		{"metrics-token", "TANU_METRICS_TOKEN", "bearer token /metrics on the main address requires instead of an admin token", str(&c.MetricsToken)},
		{"outbound-in-flight", "TANU_OUTBOUND_IN_FLIGHT", fmt.Sprintf("fetches of other issuers' keys and status lists in flight, per instance (default %d)", outbound.DefaultMaxInFlight), count(&c.Outbound.MaxInFlight)},
		{"outbound-per-host", "TANU_OUTBOUND_PER_HOST", fmt.Sprintf("fetches in flight to one issuer's host, per instance (default %d)", outbound.DefaultMaxPerHost), count(&c.Outbound.MaxPerHost)},
		{"outbound-timeout", "TANU_OUTBOUND_TIMEOUT", fmt.Sprintf("time one fetch from another issuer may take (default %s)", outbound.DefaultTimeout), duration(&c.Outbound.Timeout)},
	} {
		fs.Func(f.name, f.usage+" (env "+f.env+")", f.set)
		if v := e.getenv(f.env); v != "" {
			if err := f.set(v); err != nil {
				fmt.Fprintf(e.stderr, "tanu: ignoring %s: %v\n", f.env, err)
			}
		}
	}
}
