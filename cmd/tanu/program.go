package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"text/tabwriter"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/render/programdoc"
	"github.com/tanu-edu/tanu/store"
)

func cmdProgram(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || (args[0] != "add" && args[0] != "list" && args[0] != "show" && args[0] != "document") {
		fmt.Fprintln(e.stderr, "Usage: tanu program add --file F | list | show REGNO | document --doc title|note|application [--lang kk] [--out F] REGNO")
		return fmt.Errorf("program: say add, list, show or document")
	}
	sub := args[0]
	fs := flagSet(e, "program "+sub, "[flags]")
	c := configFlags(e, fs)
	file := fs.String("file", "", "program JSON file (add)")
	kind := fs.String("kind", "", "only programs of this kind (list)")
	doc := fs.String("doc", "", "the registry document: title (App. В), note (App. Г) or application (App. Д) (document)")
	docLang := fs.String("lang", "", "language of the document: kk, ru or en; default the program's (document)")
	version := fs.Int("version", 0, "program version; default the latest (document)")
	out := fs.String("out", "", "PDF file to write; default REGNO-DOC-LANG.pdf (document)")
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
	case "document":
		return programDocument(ctx, e, c, st, fs.Args(), *doc, *docLang, *version, *out)
	}
	return nil
}

// programDocument writes a registry document of a program as PDF and
// prints the file's name.
func programDocument(ctx context.Context, e *env, c *app.Config, st *store.Store, args []string, doc, l string, version int, out string) error {
	if len(args) != 1 {
		return fmt.Errorf("program document: give one registration number")
	}
	if !slices.Contains(programdoc.Documents(), doc) {
		return fmt.Errorf("program document: --doc must be title, note or application")
	}
	if err := finish(c); err != nil {
		return err
	}
	p, err := st.Program(ctx, args[0], version)
	if err != nil {
		return err
	}
	tag := lang.ParseOr(p.Language, lang.Default)
	if l != "" {
		var ok bool
		if tag, ok = lang.Parse(l); !ok {
			return fmt.Errorf("program document: --lang must be kk, ru or en")
		}
	}
	id := c.Identity()
	docs, err := app.NewProgramDocuments(c.TemplateDir, &id)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := docs.Render(ctx, &buf, doc, p, tag); err != nil {
		return err
	}
	if out == "" {
		out = p.RegistrationNumber + "-" + doc + "-" + string(tag) + ".pdf"
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, out)
	return nil
}
