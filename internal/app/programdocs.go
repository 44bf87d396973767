package app

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/render/programdoc"
	"github.com/tanu-edu/tanu/templates"
)

// ProgramDocuments renders the registry's documents of a program (title
// page, explanatory note, application) for the configured organization.
type ProgramDocuments struct {
	r   *programdoc.Renderer
	org programdoc.Org
}

// Render implements httpapi.ProgramDocuments.
func (d *ProgramDocuments) Render(ctx context.Context, w io.Writer, document string, p *credential.Program, l lang.Tag) error {
	return d.r.Render(ctx, w, document, p, d.org, l)
}

// NewProgramDocuments loads the documents' fonts from the templates
// (templateDir, or the embedded ones when empty) for organization id.
func NewProgramDocuments(templateDir string, id *issuer.Identity) (*ProgramDocuments, error) {
	var tfs fs.FS = templates.FS
	if templateDir != "" {
		tfs = os.DirFS(templateDir)
	}
	r, err := programdoc.New(tfs)
	if err != nil {
		return nil, fmt.Errorf("program documents: %w", err)
	}
	return &ProgramDocuments{r: r, org: programdoc.Org{Name: id.Name, HeadName: id.HeadName}}, nil
}

func (a *App) openProgramDocuments(id *issuer.Identity) (*ProgramDocuments, error) {
	return NewProgramDocuments(a.Config.TemplateDir, id)
}
