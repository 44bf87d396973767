package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/tanu-edu/tanu/batch"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/lang"
)

// batchFlags registers the batch workers' settings, defaulting to the
// TANU_BATCH_* environment (serve and issue share them).
func batchFlags(e *env, fs *flag.FlagSet, c *app.Config) {
	intVar := func(dst *int) func(string) error {
		return func(v string) error {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				return fmt.Errorf("%q is not a count", v)
			}
			*dst = n
			return nil
		}
	}
	durationVar := func(dst *time.Duration) func(string) error {
		return func(v string) error {
			d, err := time.ParseDuration(v)
			if err != nil || d < 0 {
				return fmt.Errorf("%q is not a duration", v)
			}
			*dst = d
			return nil
		}
	}
	for _, f := range []struct {
		name, env, usage string
		set              func(string) error
	}{
		{"batch-workers", "TANU_BATCH_WORKERS", fmt.Sprintf("batches processed at once by this instance (default %d)", batch.DefaultWorkers), intVar(&c.Batch.Workers)},
		{"batch-step", "TANU_BATCH_STEP", fmt.Sprintf("rows issued per transaction (default %d)", batch.DefaultStep), intVar(&c.Batch.Step)},
		{"batch-max-rows", "TANU_BATCH_MAX_ROWS", fmt.Sprintf("maximum data rows of an upload (default %d)", batch.DefaultMaxRows), intVar(&c.Batch.MaxRows)},
		{"batch-lease", "TANU_BATCH_LEASE", fmt.Sprintf("how long a dead instance's batch waits before another takes it over (default %s)", batch.DefaultLease),
			durationVar(&c.Batch.Lease)},
		{"batch-pause", "TANU_BATCH_PAUSE", "rest between two steps of a batch, to spare the database (default none)", durationVar(&c.Batch.Pause)},
		{"batch-poll", "TANU_BATCH_POLL", fmt.Sprintf("how often idle workers look for batches uploaded to other instances (default %s)", batch.DefaultPoll), durationVar(&c.Batch.Poll)},
		{"batch-cells-retention", "TANU_BATCH_CELLS_RETENTION", "how long a finished batch keeps its rejected rows' cells (IINs, e-mails, names) for errors.csv " +
			"before the workers clear them: a duration such as 720h or 30d, or never (default 30d)",
			func(v string) error {
				d, err := parseRetention(v)
				if err != nil {
					return err
				}
				c.Batch.CellsRetention = d
				return nil
			}},
		{"smtp-url", "TANU_SMTP_URL", "SMTP server for e-mail to holders: smtp://user:pass@host:port?tls=starttls|tls|none (default none: messages are skipped)",
			func(v string) error { c.Mail.SMTPURL = v; return nil }},
		{"smtp-from", "TANU_SMTP_FROM", "sender address of e-mail to holders, e.g. \"University <noreply@example.edu>\"",
			func(v string) error { c.Mail.From = v; return nil }},
		{"mail-per-minute", "TANU_MAIL_PER_MINUTE", "messages this instance sends per minute at most (default 60)", intVar(&c.Mail.PerMinute)},
		{"mail-max-attempts", "TANU_MAIL_MAX_ATTEMPTS", "attempts before a message is given up (default 8)", intVar(&c.Mail.MaxAttempts)},
		{"mail-backoff", "TANU_MAIL_BACKOFF", "wait after a failed attempt, doubled each time up to 6h (default 1m)", durationVar(&c.Mail.Backoff)},
		{"mail-poll", "TANU_MAIL_POLL", "how often idle senders look for due messages (default 5s)", durationVar(&c.Mail.Poll)},
		{"mail-attach-pdf", "TANU_MAIL_ATTACH_PDF", "attach the PDF certificate to the holder's message (1) instead of linking to it (default 0)",
			func(v string) error {
				b, err := strconv.ParseBool(v)
				if err != nil {
					return fmt.Errorf("%q is not 0 or 1", v)
				}
				c.Mail.AttachPDF = b
				return nil
			}},
		{"mail-lease", "TANU_MAIL_LEASE", "how long a sender holds a claimed message; a dead sender's messages are taken over after it (default 2m)", durationVar(&c.Mail.Lease)},
		{"max-upload-bytes", "TANU_MAX_UPLOAD_BYTES", "maximum size of an upload in bytes (default 16 MiB)",
			func(v string) error {
				n, err := strconv.ParseInt(v, 10, 64)
				if err != nil || n < 0 {
					return fmt.Errorf("%q is not a size in bytes", v)
				}
				c.MaxUploadBytes = n
				return nil
			}},
	} {
		fs.Func(f.name, f.usage+" (env "+f.env+")", f.set)
		if v := e.getenv(f.env); v != "" {
			if err := f.set(v); err != nil {
				fmt.Fprintf(e.stderr, "tanu: ignoring %s: %v\n", f.env, err)
			}
		}
	}
}

// parseRetention reads a retention: "never" (or "off") turns the purge
// off, "0" means the default, otherwise a positive Go duration ("720h")
// or a number of days ("30d").
func parseRetention(v string) (time.Duration, error) {
	v = strings.TrimSpace(strings.ToLower(v))
	switch v {
	case "never", "off", "forever":
		return batch.KeepCellsForever, nil
	}
	if days, ok := strings.CutSuffix(v, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n < 0 || n > 100*365 {
			return 0, fmt.Errorf("%q is not a number of days", v)
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("%q is not a duration (such as 720h or 30d) nor never", v)
	}
	return d, nil
}

func cmdIssue(ctx context.Context, e *env, args []string) error {
	fs := flagSet(e, "issue", "--program REGNO --file FILE [--out DIR] [--dry-run] [--lang kk|ru|en]")
	c := configFlags(e, fs)
	batchFlags(e, fs, c)
	program := fs.String("program", "", "registration number of the program (required)")
	file := fs.String("file", "", "the cohort spreadsheet: CSV (any common encoding and separator) or XLSX (required)")
	out := fs.String("out", "", "directory for results.csv, errors.csv, and the PDFs and badges")
	dry := fs.Bool("dry-run", false, "only validate: report every problem, issue nothing")
	langFlag := fs.String("lang", "", lang.EN.T(lang.CLILangFlag))
	language := fs.String("language", "", "certificate language of rows without a language column (default: the program's)")
	sepName := fs.String("sep", "", "separator of the CSV files written: comma, semicolon or tab (default: semicolon for kk/ru, comma for en)")
	badges := fs.Bool("badges", true, "write the PNG and SVG badges next to the PDFs")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *program == "" || *file == "" || fs.NArg() > 0 {
		fs.Usage()
		return errors.New("issue: --program and --file are required")
	}
	if err := finish(c); err != nil {
		return err
	}
	if err := c.CheckServing(); err != nil {
		return err
	}
	l, err := cliLang(e, *langFlag, c.Org.DefaultLang)
	if err != nil {
		return err
	}
	sep, err := batch.Separator(*sepName, string(l))
	if err != nil {
		return err
	}
	f, err := os.Open(*file)
	if err != nil {
		return err
	}
	defer f.Close()

	log := logger(e, e.stderr)
	if e.getenv("TANU_LOG_LEVEL") == "" { // keep the progress bar readable
		log = slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	a, err := app.Open(ctx, *c, log.With("command", "issue"))
	if err != nil {
		return err
	}
	defer a.Close()
	ctx = credential.WithActor(ctx, cliActor())

	b, err := a.Batches.Submit(ctx, batch.Upload{Program: *program, Filename: filepath.Base(*file), Body: f,
		DryRun: *dry, Lang: string(l), Language: *language})
	if err != nil {
		_, details := credential.Localize(err, l)
		for _, d := range details {
			fmt.Fprintf(e.stderr, "  %s\n", d.Message)
		}
		return err
	}
	fmt.Fprintln(e.stderr, l.T(lang.CLIBatchHeader, b.ID, b.Filename, b.Total, b.Format))
	for _, w := range b.Warnings {
		fmt.Fprintln(e.stderr, l.T(lang.CLIWarningAt, w.Row, w.Column, w.Message))
	}
	if b.Status != credential.BatchDone && b.Status != credential.BatchFailed {
		bar := progressbar.NewOptions(b.Total, progressbar.OptionSetWriter(e.stderr), progressbar.OptionSetDescription(l.T(lang.CLIIssuing)),
			progressbar.OptionShowCount(), progressbar.OptionSetPredictTime(true), progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionSetRenderBlankState(true))
		b, err = a.Batches.RunBatch(ctx, b.ID, func(cur *credential.Batch) { _ = bar.Set(cur.Processed) })
		_ = bar.Finish()
		fmt.Fprintln(e.stderr)
		if err != nil {
			return err
		}
	}
	if err := report(ctx, e, l, a.Batches, b); err != nil {
		return err
	}
	if *out != "" {
		if err := writeOutputs(ctx, e, l, a, b, *out, sep, *badges); err != nil {
			return err
		}
	}
	switch {
	case b.Status == credential.BatchFailed:
		return errors.New(l.T(lang.CLIBatchStopped, b.Error))
	case b.Failed > 0:
		return errors.New(l.T(lang.CLIRowsFailed, b.Failed, b.Total))
	}
	return nil
}

// report prints the counters on stdout and every failed row on stderr, in l.
func report(ctx context.Context, e *env, l lang.Tag, s *batch.Service, b *credential.Batch) error {
	if b.DryRun {
		fmt.Fprintln(e.stdout, l.T(lang.CLIDryRun, b.Total, b.Total-b.Failed-b.Skipped, b.Skipped, b.Failed))
	} else {
		fmt.Fprintln(e.stdout, l.T(lang.CLIIssued, b.Total, b.Issued, b.Skipped, b.Failed))
	}
	return s.Rows(ctx, b.ID, credential.FailedRows, func(r *credential.BatchRow) error {
		for _, p := range r.Errors {
			col := p.Column
			if col == "" {
				col = "-"
			}
			fmt.Fprintln(e.stderr, l.T(lang.CLIRowProblem, r.Row, col, p.Message))
		}
		return nil
	})
}

// writeOutputs writes results.csv, errors.csv (if any row failed) and the
// documents (when certificates can be rendered) into dir.
func writeOutputs(ctx context.Context, e *env, l lang.Tag, a *app.App, b *credential.Batch, dir string, sep rune, badges bool) error {
	if err := os.MkdirAll(filepath.Join(dir, "badges"), 0o755); err != nil {
		return err
	}
	write := func(name string, fn func(f *os.File) error) error {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		if err := fn(f); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	if err := write("results.csv", func(f *os.File) error { return a.Batches.WriteResultsCSV(ctx, f, b, sep) }); err != nil {
		return err
	}
	if b.Failed > 0 {
		if err := write("errors.csv", func(f *os.File) error { return a.Batches.WriteErrorsCSV(ctx, f, b, sep) }); err != nil {
			return err
		}
	}
	n := b.Issued + b.Skipped
	if b.DryRun || n == 0 {
		return nil
	}
	if a.Certificates == nil {
		fmt.Fprintln(e.stderr, l.T(lang.CLINoRenderer))
		return nil
	}
	bar := progressbar.NewOptions(n, progressbar.OptionSetWriter(e.stderr), progressbar.OptionSetDescription(l.T(lang.CLICertificates)),
		progressbar.OptionShowCount(), progressbar.OptionThrottle(100*time.Millisecond))
	done := 0
	err := a.Batches.RenderDocuments(ctx, b, a.Certificates, batch.DocumentOptions{Badges: badges}, func(f batch.File) error {
		if filepath.Ext(f.Name) == ".pdf" {
			done++
			_ = bar.Set(done)
		}
		return os.WriteFile(filepath.Join(dir, filepath.FromSlash(f.Name)), f.Data, 0o644)
	})
	_ = bar.Finish()
	fmt.Fprintln(e.stderr)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stderr, l.T(lang.CLIWrote, done, dir))
	return nil
}
