package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"text/tabwriter"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/teachhub"
)

// cmdTeachHub runs the participant-card commands: enrol a cohort from a
// spreadsheet, list cards, print the HR summary report. Status changes,
// which issue credentials, go through the server's API.
func cmdTeachHub(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || (args[0] != "enrol" && args[0] != "cards" && args[0] != "report") {
		fmt.Fprintln(e.stderr, "Usage: tanu teachhub enrol --program REGNO --file FILE [--stream S] | cards [--program REGNO] [--status S] [--department D] | report [--from DATE] [--to DATE] [--department D] [--format csv|json]")
		return fmt.Errorf("teachhub: say enrol, cards or report")
	}
	sub := args[0]
	fs := flagSet(e, "teachhub "+sub, "[flags]")
	c := configFlags(e, fs)
	program := fs.String("program", "", "registration number of the TeachHub module or non-formal activity (enrol; filter for cards)")
	file := fs.String("file", "", "staff list, CSV or XLSX: staff_id, family_name, given_name, patronymic, department, position (enrol)")
	stream := fs.String("stream", "", "module stream or group of the whole list (enrol)")
	langFlag := fs.String("lang", "", lang.EN.T(lang.CLILangFlag))
	status := fs.String("status", "", "only cards in this status (cards)")
	department := fs.String("department", "", "only this department (cards, report)")
	staffID := fs.String("staff-id", "", "only this staff member (cards)")
	from := fs.String("from", "", "first day of the report, YYYY-MM-DD (default: 1 January of this year)")
	to := fs.String("to", "", "last day of the report, YYYY-MM-DD (default: today)")
	format := fs.String("format", "csv", "report format: csv or json (report); table or json (cards)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	l, err := cliLang(e, *langFlag, "")
	if err != nil {
		return err
	}
	st, err := openStore(ctx, c, false)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx = credential.WithActor(ctx, cliActor())
	svc := teachhub.New(st, nil)
	switch sub {
	case "enrol":
		return teachhubEnrol(ctx, e, l, svc, *program, *stream, *file)
	case "cards":
		cards, err := svc.Cards(ctx, credential.CardFilter{Program: *program, Status: *status, Department: *department, StaffID: *staffID, Limit: 1000})
		if err != nil {
			return err
		}
		if *format == "json" {
			return teachhubJSON(e, map[string]any{"cards": cards})
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, l.T(lang.CLICardsHeader))
		for _, k := range cards {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", k.ID, k.Program, k.StaffID, k.Holder, k.Department, l.T(lang.CardStatus(k.Status)),
				strconv.FormatFloat(k.Hours, 'f', -1, 64), credential.FormatSB(k.SB), k.CredentialID)
		}
		return tw.Flush()
	default:
		rep, err := svc.Report(ctx, *from, *to, *department, l)
		if err != nil {
			return err
		}
		switch *format {
		case "csv":
			return teachhub.WriteReportCSV(e.stdout, rep)
		case "json":
			return teachhubJSON(e, rep)
		}
		return errors.New(l.T(lang.CLIReportFormat))
	}
}

func teachhubEnrol(ctx context.Context, e *env, l lang.Tag, svc *teachhub.Service, program, stream, file string) error {
	if program == "" || file == "" {
		return errors.New(l.T(lang.CLIEnrolArguments))
	}
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	res, err := svc.Import(ctx, program, stream, f, filepath.Base(file), "", string(l))
	if err != nil {
		_, details := credential.Localize(err, l)
		for _, d := range details {
			fmt.Fprintf(e.stderr, "  %s: %s\n", d.Column, d.Message)
		}
		return err
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(e.stderr, l.T(lang.CLIWarning, w.Message))
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, l.T(lang.CLIEnrolHeader))
	for _, r := range res.Rows {
		result, problem := l.T(lang.CLIEnrolled), ""
		switch {
		case !r.OK:
			result = l.T(lang.CLIFailed)
			_, details := credential.Localize(&credential.Error{Code: credential.CodeInvalid, Details: r.Errors}, l)
			for i, d := range details {
				if i > 0 {
					problem += "; "
				}
				problem += d.Message
			}
		case r.Existed:
			result = l.T(lang.CLIExisted)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", r.Row, result, r.StaffID, r.CardID, problem)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(e.stderr, l.T(lang.CLIEnrolSummary, res.Total, res.Enrolled, res.Existed, res.Failed))
	if res.Failed > 0 {
		return errors.New(l.T(lang.CLIEnrolFailed, res.Failed))
	}
	return nil
}

func teachhubJSON(e *env, v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
