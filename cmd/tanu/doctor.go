package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/tanu-edu/tanu/internal/app"
)

// cmdDoctor checks a configuration and prints one line per check; it
// fails when any check finds a problem.
func cmdDoctor(ctx context.Context, e *env, args []string) error {
	fs := flagSet(e, "doctor", "[flags]")
	c := configFlags(e, fs)
	var o app.DoctorOptions
	fs.StringVar(&o.SMTPURL, "smtp", e.getenv("TANU_SMTP_URL"), "mail server to check, smtp://host:587 or smtps://host:465 (env TANU_SMTP_URL)")
	fs.BoolVar(&o.SkipPublic, "offline", false, "do not fetch the public URL's key set (before the first start)")
	minFree := fs.String("min-free", "1GiB", "least free space wanted in the data directory (bytes, or with KiB, MiB, GiB, TiB)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	n, err := parseBytes(*minFree)
	if err != nil {
		return fmt.Errorf("doctor: --min-free: %w", err)
	}
	o.MinFreeBytes = n
	if c.ConfigFile != "" {
		if err := finish(c); err != nil {
			return err
		}
	}
	problems := 0
	for _, f := range app.Doctor(ctx, *c, o) {
		mark := "ok     "
		switch f.Severity {
		case app.Warn:
			mark = "warning"
		case app.Fail:
			mark, problems = "PROBLEM", problems+1
		}
		fmt.Fprintf(e.stdout, "%s  %-18s %s\n", mark, f.Check, f.Message)
	}
	if problems > 0 {
		return fmt.Errorf("doctor: %d problem(s) found", problems)
	}
	fmt.Fprintln(e.stdout, "no problems found")
	return nil
}

// parseBytes reads a size such as 512MiB, 1GiB or 1048576.
func parseBytes(s string) (uint64, error) {
	s = strings.TrimSpace(s)
	for i, u := range []string{"KiB", "MiB", "GiB", "TiB", "PiB"} {
		if num, ok := strings.CutSuffix(s, u); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
			if err != nil || v < 0 {
				return 0, fmt.Errorf("%q is not a size", s)
			}
			return uint64(v * float64(uint64(1)<<(10*(i+1)))), nil
		}
	}
	v, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a size", s)
	}
	return v, nil
}
