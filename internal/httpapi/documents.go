package httpapi

import (
	"context"
	"io"

	"github.com/tanu-edu/tanu/credential"
)

// Certificates renders a stored credential's documents: the PDF
// certificate and the baked badge images.
type Certificates interface {
	// PDF writes the certificate in lang (kk, ru or en).
	PDF(ctx context.Context, w io.Writer, rec *credential.Record, lang string) error
	// BadgePNG writes the badge image with the credential baked in.
	BadgePNG(ctx context.Context, w io.Writer, rec *credential.Record) error
	// BadgeSVG writes the SVG badge with the credential baked in.
	BadgeSVG(ctx context.Context, w io.Writer, rec *credential.Record) error
}
