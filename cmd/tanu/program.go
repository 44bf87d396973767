package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/tanu-edu/tanu/credential"
)

func cmdProgram(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || (args[0] != "add" && args[0] != "list" && args[0] != "show") {
		fmt.Fprintln(e.stderr, "Usage: tanu program add --file F | list | show REGNO")
		return fmt.Errorf("program: say add, list or show")
	}
	sub := args[0]
	fs := flagSet(e, "program "+sub, "[flags]")
	c := configFlags(e, fs)
	file := fs.String("file", "", "program JSON file (add)")
	kind := fs.String("kind", "", "only programs of this kind (list)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	st, err := openStore(ctx, c, true)
	if err != nil {
		return err
	}
	defer st.Close()
	switch sub {
	case "add":
		if *file == "" {
			return fmt.Errorf("program add: --file is required")
		}
		b, err := os.ReadFile(*file)
		if err != nil {
			return err
		}
		var p credential.Program
		if err := json.Unmarshal(b, &p); err != nil {
			return fmt.Errorf("%s: %w", *file, err)
		}
		if err := p.Validate(); err != nil {
			l, _ := cliLang(e, "", "") // the locale's language, else English
			_, details := credential.Localize(err, l)
			for _, d := range details {
				fmt.Fprintf(e.stderr, "  %s: %s\n", d.Field, d.Message)
			}
			return err
		}
		out, err := st.CreateProgram(ctx, p)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, out.RegistrationNumber)
	case "list":
		ps, err := st.Programs(ctx, *kind, "")
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "REGNO\tVERSION\tKIND\tSTATUS\tNAME")
		for _, p := range ps {
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", p.RegistrationNumber, p.Version, p.Kind, p.Status, p.Name.Get("kk"))
		}
		return tw.Flush()
	case "show":
		if fs.NArg() != 1 {
			return fmt.Errorf("program show: give one registration number")
		}
		p, err := st.Program(ctx, fs.Arg(0), 0)
		if err != nil {
			return err
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(p)
	}
	return nil
}
