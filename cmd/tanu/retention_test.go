package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/batch"
)

// TestCellsRetentionSetting: the retention of rejected rows' cells is read
// from TANU_BATCH_CELLS_RETENTION and --batch-cells-retention (the flag
// wins), as a duration, a number of days, or never.
func TestCellsRetentionSetting(t *testing.T) {
	day := 24 * time.Hour
	for _, tc := range []struct {
		env  string
		args []string
		want time.Duration
		warn bool
	}{
		{want: 0}, // the service's default (30 days)
		{env: "45d", want: 45 * day},
		{env: "720h", want: 720 * time.Hour},
		{env: "never", want: batch.KeepCellsForever},
		{env: "Off", want: batch.KeepCellsForever},
		{env: "0", want: 0},
		{env: "-1h", want: 0, warn: true},
		{env: "soon", want: 0, warn: true},
		{env: "7d", args: []string{"--batch-cells-retention", "never"}, want: batch.KeepCellsForever},
		{env: "never", args: []string{"--batch-cells-retention", "90d"}, want: 90 * day},
	} {
		var stderr bytes.Buffer
		e := &env{stderr: &stderr, getenv: func(k string) string {
			if k == "TANU_BATCH_CELLS_RETENTION" {
				return tc.env
			}
			return ""
		}}
		fs := flagSet(e, "serve", "")
		c := configFlags(e, fs)
		batchFlags(e, fs, c)
		if err := fs.Parse(tc.args); err != nil {
			t.Fatalf("env %q args %q: %v", tc.env, tc.args, err)
		}
		if c.Batch.CellsRetention != tc.want {
			t.Errorf("env %q args %q: retention %v, want %v", tc.env, tc.args, c.Batch.CellsRetention, tc.want)
		}
		if warned := strings.Contains(stderr.String(), "ignoring TANU_BATCH_CELLS_RETENTION"); warned != tc.warn {
			t.Errorf("env %q: warning %q", tc.env, stderr.String())
		}
	}
	var stderr bytes.Buffer
	e := &env{stderr: &stderr, getenv: func(string) string { return "" }}
	fs := flagSet(e, "serve", "")
	batchFlags(e, fs, configFlags(e, fs))
	if err := fs.Parse([]string{"--batch-cells-retention", "-5d"}); err == nil {
		t.Fatal("a negative retention was accepted")
	}
}
