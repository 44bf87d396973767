package batch

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/sheet"
)

// Separator returns the CSV separator for a name ("comma", "semicolon",
// "tab", or the character itself), or by default the one spreadsheet
// programs expect in lang's locales: ';' for kk and ru, ',' for en.
func Separator(name, l string) (rune, error) {
	switch strings.ToLower(name) {
	case "":
		if Lang(l) == lang.EN {
			return ',', nil
		}
		return ';', nil
	case "comma", ",":
		return ',', nil
	case "semicolon", ";":
		return ';', nil
	case "tab", "\t":
		return '\t', nil
	}
	return 0, credential.Errorm(credential.CodeInvalid, lang.BatchBadSeparator, name)
}

// safeCSV is a CSV writer whose cells cannot start a formula in a
// spreadsheet program (sheet.SafeCell); the importer reads them back as
// they were.
type safeCSV struct{ *csv.Writer }

func (w safeCSV) Write(rec []string) error { return w.Writer.Write(sheet.SafeRecord(rec)) }

// newCSV starts a UTF-8 CSV with a byte-order mark (so that spreadsheet
// programs read it as UTF-8).
func newCSV(w io.Writer, sep rune) (safeCSV, error) {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return safeCSV{}, err
	}
	cw := csv.NewWriter(w)
	cw.Comma, cw.UseCRLF = sep, true
	return safeCSV{cw}, nil
}

// WriteErrorsCSV writes the rejected rows of a batch, row by row: the
// header as uploaded plus an errors column, and each rejected row's cells
// as read plus its problems ("row 5: Тегі: …; LO1: …"), ready to be
// fixed and uploaded again. Messages are in the batch's language.
func (s *Service) WriteErrorsCSV(ctx context.Context, w io.Writer, b *credential.Batch, sep rune) error {
	cw, err := newCSV(w, sep)
	if err != nil {
		return err
	}
	width := len(b.Header)
	if err := cw.Write(append(append([]string(nil), b.Header...), Lang(b.Lang).T(lang.BatchErrorsColumn))); err != nil {
		return err
	}
	rec := make([]string, 0, width+1)
	err = s.store.BatchRows(ctx, b.ID, credential.FailedRows, func(r *credential.BatchRow) error {
		rec = append(rec[:0], r.Cells...)
		for len(rec) < width {
			rec = append(rec, "")
		}
		rec = append(rec, describeProblems(Lang(b.Lang), r.Row, r.Errors))
		if err := cw.Write(rec); err != nil {
			return err
		}
		return cw.Error()
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

func describeProblems(l lang.Tag, row int, ps []credential.BatchProblem) string {
	var sb strings.Builder
	sb.WriteString(l.T(lang.BatchRowRef, row))
	sb.WriteString(": ")
	for i, p := range ps {
		if i > 0 {
			sb.WriteString("; ")
		}
		if p.Column != "" {
			sb.WriteString(p.Column)
			sb.WriteString(": ")
		}
		sb.WriteString(p.Message)
	}
	return sb.String()
}

// Result statuses in results.csv.
const (
	StatusIssued        = "issued"
	StatusAlreadyIssued = "already issued"
	// StatusReissued: the row corrected a credential issued before; the
	// credential is the new one.
	StatusReissued = "reissued"
)

// WriteResultsCSV writes one line per row that has a credential (issued by
// this batch, or already issued before), row by row: row, student_id,
// name, credential_id, certificate_number, url, status.
func (s *Service) WriteResultsCSV(ctx context.Context, w io.Writer, b *credential.Batch, sep rune) error {
	cw, err := newCSV(w, sep)
	if err != nil {
		return err
	}
	if err := cw.Write([]string{"row", "student_id", "name", "credential_id", "certificate_number", "url", "status"}); err != nil {
		return err
	}
	id := s.issuer.Identity()
	err = s.store.BatchRows(ctx, b.ID, credential.CredentialRows, func(r *credential.BatchRow) error {
		status := StatusIssued
		switch r.State {
		case credential.RowSkipped:
			status = StatusAlreadyIssued
		case credential.RowReissued:
			status = StatusReissued
		}
		if err := cw.Write([]string{strconv.Itoa(r.Row), r.StudentID, r.HolderName, r.CredentialID,
			issuer.FormatCertificateNumber(r.CertificateNumber), id.CredentialURL(r.CredentialID), status}); err != nil {
			return err
		}
		return cw.Error()
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// Documents renders a stored credential's documents.
type Documents interface {
	// PDF writes the certificate in lang (kk, ru or en).
	PDF(ctx context.Context, w io.Writer, rec *credential.Record, lang string) error
	// BadgePNG writes the badge image with the credential baked in.
	BadgePNG(ctx context.Context, w io.Writer, rec *credential.Record) error
	// BadgeSVG writes the SVG badge with the credential baked in.
	BadgeSVG(ctx context.Context, w io.Writer, rec *credential.Record) error
}

// DocumentOptions chooses what RenderDocuments renders.
type DocumentOptions struct {
	// Lang is the certificates' language; empty means each credential's.
	Lang string
	// Badges adds the PNG and SVG badges.
	Badges bool
	// Workers renders that many credentials at once (default GOMAXPROCS).
	Workers int
}

// File is one rendered document.
type File struct {
	Name string
	Data []byte
	// Compressed is true for formats that are compressed already (PDF, PNG).
	Compressed bool
}

// RenderDocuments renders the certificate (and badges) of every row of the
// batch that has a credential and calls emit with each file, in row order.
// Rendering runs on several goroutines; at most a few credentials' files
// are held in memory at once.
func (s *Service) RenderDocuments(ctx context.Context, b *credential.Batch, docs Documents, opt DocumentOptions, emit func(File) error) error {
	type item struct {
		cred, name string
	}
	var items []item
	err := s.store.BatchRows(ctx, b.ID, credential.CredentialRows, func(r *credential.BatchRow) error {
		items = append(items, item{r.CredentialID, fmt.Sprintf("%s-%s", issuer.FormatCertificateNumber(r.CertificateNumber), safeName(r.StudentID))})
		return nil
	})
	if err != nil {
		return err
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	type result struct {
		files []File
		err   error
	}
	results := make([]chan result, len(items))
	for i := range results {
		results[i] = make(chan result, 1)
	}
	window := make(chan struct{}, 2*workers) // credentials rendered but not yet emitted
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				files, err := s.render(ctx, docs, items[i].cred, items[i].name, opt)
				results[i] <- result{files, err}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range items {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	defer func() {
		cancel() // unblocks the feeder
		wg.Wait()
	}()
	for i := range items {
		var r result
		select {
		case r = <-results[i]:
		case <-ctx.Done():
			return ctx.Err()
		}
		if r.err != nil {
			return r.err
		}
		for _, f := range r.files {
			if err := emit(f); err != nil {
				return err
			}
		}
		<-window
	}
	return nil
}

// render renders one credential's files.
func (s *Service) render(ctx context.Context, docs Documents, id, name string, opt DocumentOptions) ([]File, error) {
	rec, err := s.store.Credential(ctx, id)
	if err != nil {
		return nil, err
	}
	l := opt.Lang
	if l == "" {
		l = rec.Language
	}
	var pdf bytes.Buffer
	if err := docs.PDF(ctx, &pdf, rec, l); err != nil {
		return nil, fmt.Errorf("certificate of %s: %w", id, err)
	}
	files := []File{{Name: name + ".pdf", Data: pdf.Bytes(), Compressed: true}}
	if opt.Badges {
		var png, svg bytes.Buffer
		if err := docs.BadgePNG(ctx, &png, rec); err != nil {
			return nil, fmt.Errorf("badge of %s: %w", id, err)
		}
		if err := docs.BadgeSVG(ctx, &svg, rec); err != nil {
			return nil, fmt.Errorf("badge of %s: %w", id, err)
		}
		files = append(files, File{Name: "badges/" + name + ".png", Data: png.Bytes(), Compressed: true},
			File{Name: "badges/" + name + ".svg", Data: svg.Bytes()})
	}
	return files, nil
}

// WriteZIP streams a ZIP archive of the batch's results.csv and documents
// to w, file by file: nothing but the files being rendered is held in
// memory.
func (s *Service) WriteZIP(ctx context.Context, w io.Writer, b *credential.Batch, docs Documents, opt DocumentOptions, sep rune) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	zw := zip.NewWriter(bw)
	modified := b.CreatedAt
	if b.FinishedAt != nil {
		modified = *b.FinishedAt
	}
	f, err := zw.CreateHeader(&zip.FileHeader{Name: "results.csv", Method: zip.Deflate, Modified: modified})
	if err != nil {
		return err
	}
	if err := s.WriteResultsCSV(ctx, f, b, sep); err != nil {
		return err
	}
	err = s.RenderDocuments(ctx, b, docs, opt, func(file File) error {
		method := zip.Deflate
		if file.Compressed {
			method = zip.Store
		}
		f, err := zw.CreateHeader(&zip.FileHeader{Name: file.Name, Method: method, Modified: modified})
		if err != nil {
			return err
		}
		if _, err := f.Write(file.Data); err != nil {
			return err
		}
		return bw.Flush()
	})
	if err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return bw.Flush()
}

// safeName keeps letters, digits, '-', '_' and '.' of a student id for a
// file name.
func safeName(s string) string {
	out := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.' {
			return r
		}
		return '_'
	}, s)
	out = strings.Trim(out, ".")
	if out == "" {
		return "_"
	}
	if r := []rune(out); len(r) > 64 {
		out = string(r[:64])
	}
	return out
}
