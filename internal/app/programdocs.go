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

// programDocuments renders the registry's documents of a program for the
// configured organization.
type programDocuments struct {
	r   *programdoc.Renderer
	org programdoc.Org
}

// Render implements httpapi.ProgramDocuments.
func (d programDocuments) Render(ctx context.Context, w io.Writer, document string, p *credential.Program, l lang.Tag) error {
	return d.r.Render(ctx, w, document, p, d.org, l)
}

// openProgramDocuments loads the fonts of the registry's documents from
// the templates (embedded, or TemplateDir).
func (a *App) openProgramDocuments(id *issuer.Identity) (programDocuments, error) {
	var tfs fs.FS = templates.FS
	if a.Config.TemplateDir != "" {
		tfs = os.DirFS(a.Config.TemplateDir)
	}
	r, err := programdoc.New(tfs)
	if err != nil {
		return programDocuments{}, fmt.Errorf("program documents: %w", err)
	}
	return programDocuments{r: r, org: programdoc.Org{Name: id.Name, HeadName: id.HeadName}}, nil
}
