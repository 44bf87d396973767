package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/batch"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
)

// Batches is the batch issuance service (package batch).
type Batches interface {
	Submit(ctx context.Context, u batch.Upload) (*credential.Batch, error)
	Batch(ctx context.Context, id string) (*credential.Batch, error)
	List(ctx context.Context, f credential.BatchFilter) (*credential.BatchPage, error)
	Rows(ctx context.Context, id string, f credential.BatchRowFilter, fn func(*credential.BatchRow) error) error
	WriteErrorsCSV(ctx context.Context, w io.Writer, b *credential.Batch, sep rune) error
	WriteResultsCSV(ctx context.Context, w io.Writer, b *credential.Batch, sep rune) error
	WriteZIP(ctx context.Context, w io.Writer, b *credential.Batch, docs batch.Documents, opt batch.DocumentOptions, sep rune) error
	Counters(ctx context.Context, id string) (*credential.BatchCounters, error)
	Search(ctx context.Context, q credential.BatchQuery) ([]*credential.Batch, int, error)
	RowsPage(ctx context.Context, id string, f credential.BatchRowFilter, offset, limit int, fn func(*credential.BatchRow) error) error
}

func (s *Server) batchRoutes(api *gin.RouterGroup) {
	viewer, registrar := s.authenticate(credential.RoleViewer), s.authenticate(credential.RoleRegistrar)
	api.POST("/batches", registrar, s.limitUpload(), s.limitOpenBatches(), s.limitBody(s.cfg.MaxUploadBytes), s.createBatch)
	api.GET("/batches", viewer, s.listBatches)
	api.GET("/batches/:id", viewer, s.getBatch)
	api.GET("/batches/:id/progress", viewer, s.batchProgress)
	api.GET("/batches/:id/errors.csv", viewer, s.batchErrorsCSV)
	api.GET("/batches/:id/results.csv", viewer, s.batchResultsCSV)
	api.GET("/batches/:id/certificates.zip", viewer, s.batchCertificates)
}

// maxFormField bounds the small multipart fields (program, dry_run, …).
const maxFormField = 1 << 10

// createBatch accepts a spreadsheet as the multipart field "file" or as
// the whole body, with program, dry_run, language (and lang) as query
// parameters or multipart fields.
func (s *Server) createBatch(c *gin.Context) {
	u := batch.Upload{Program: c.Query("program"), Lang: string(s.lang(c)), Language: c.Query("language")}
	dry, notify, reissue := c.Query("dry_run"), c.Query("notify"), c.Query("reissue")
	mt, params, _ := mime.ParseMediaType(c.GetHeader("Content-Type"))
	if mt == "multipart/form-data" {
		if params["boundary"] == "" {
			s.fail(c, credential.Errorf(credential.CodeInvalid, "the multipart body has no boundary"))
			return
		}
		mr, err := c.Request.MultipartReader()
		if err != nil {
			s.fail(c, credential.Wrap(credential.CodeInvalid, err, "the multipart body cannot be read"))
			return
		}
		for {
			part, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				s.fail(c, uploadError(err))
				return
			}
			name := part.FormName()
			if name == "file" {
				data, err := io.ReadAll(part)
				if err != nil {
					s.fail(c, uploadError(err))
					return
				}
				u.Body, u.Filename, u.ContentType = bytes.NewReader(data), part.FileName(), part.Header.Get("Content-Type")
				continue
			}
			v, err := io.ReadAll(io.LimitReader(part, maxFormField))
			if err != nil {
				s.fail(c, uploadError(err))
				return
			}
			val := strings.TrimSpace(string(v))
			switch name {
			case "program":
				u.Program = val
			case "dry_run":
				dry = val
			case "reissue":
				reissue = val
			case "notify":
				notify = val
			case "language":
				u.Language = val
			case "lang":
				if lang.Valid(val) {
					u.Lang = val
				}
			}
		}
		if u.Body == nil {
			s.fail(c, &credential.Error{Code: credential.CodeInvalid, Message: "the multipart field file (the spreadsheet) is missing",
				Details: []credential.Detail{{Field: "file", Message: "file is required"}}})
			return
		}
	} else {
		u.Body, u.ContentType = c.Request.Body, c.GetHeader("Content-Type")
		u.Filename = c.Query("filename")
		if _, p, err := mime.ParseMediaType(c.GetHeader("Content-Disposition")); err == nil && p["filename"] != "" {
			u.Filename = p["filename"]
		}
	}
	if dry != "" {
		v, err := strconv.ParseBool(dry)
		if err != nil {
			s.fail(c, credential.Errorf(credential.CodeInvalid, "dry_run must be true or false"))
			return
		}
		u.DryRun = v
	}
	if reissue != "" {
		v, err := strconv.ParseBool(reissue)
		if err != nil {
			s.fail(c, credential.Errorf(credential.CodeInvalid, "reissue must be true or false"))
			return
		}
		u.Reissue = v
	}
	if notify != "" {
		v, err := strconv.ParseBool(notify)
		if err != nil {
			s.fail(c, credential.Errorf(credential.CodeInvalid, "notify must be true or false"))
			return
		}
		u.NoNotify = !v
	}
	b, err := s.batches.Submit(c.Request.Context(), u)
	if err != nil {
		s.fail(c, uploadError(err))
		return
	}
	status := http.StatusAccepted
	if b.Status == credential.BatchDone || b.Status == credential.BatchFailed {
		status = http.StatusOK // a dry run, or nothing left to issue
	}
	c.Header("Location", "/api/v1/batches/"+b.ID)
	s.writeBatch(c, b, status, credential.AllRows)
}

// uploadError reports a body over the upload limit as too_large.
func uploadError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return credential.Errorf(credential.CodeTooLarge, "the upload is larger than the limit of %d bytes", mbe.Limit)
	}
	return err
}

// batchFor loads the batch named in the path, answering the error itself.
func (s *Server) batchFor(c *gin.Context) (*credential.Batch, bool) {
	b, err := s.batches.Batch(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	return b, true
}

func (s *Server) getBatch(c *gin.Context) {
	b, ok := s.batchFor(c)
	if !ok {
		return
	}
	f := credential.AllRows
	switch c.DefaultQuery("rows", "all") {
	case "all":
	case "failed":
		f = credential.FailedRows
	case "none":
		f = "none"
	default:
		s.fail(c, credential.Errorf(credential.CodeInvalid, "rows must be all, failed or none"))
		return
	}
	offset, limit, paged, err := rowsQuery(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	if paged && f != "none" {
		s.writeBatchRows(c, b, http.StatusOK, func(fn func(*credential.BatchRow) error) error {
			return s.batches.RowsPage(c.Request.Context(), b.ID, f, offset, limit, fn)
		})
		return
	}
	s.writeBatch(c, b, http.StatusOK, f)
}

// listBatches answers a page of batches, newest first, without their
// rows; ?program=, ?status=, ?limit= and ?cursor= (next_cursor of the
// previous page).
func (s *Server) listBatches(c *gin.Context) {
	f := credential.BatchFilter{Program: c.Query("program"), Status: c.Query("status"), Cursor: c.Query("cursor"), Limit: credential.DefaultBatchLimit}
	if v, ok := c.GetQuery("limit"); ok {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			s.fail(c, &credential.Error{Code: credential.CodeInvalid, Message: fmt.Sprintf("limit must be from 1 to %d", credential.MaxBatchLimit),
				Details: []credential.Detail{{Field: "limit", Message: fmt.Sprintf("%q is not a whole number from 1 to %d", v, credential.MaxBatchLimit)}}})
			return
		}
		f.Limit = n
	}
	page, err := s.batches.List(c.Request.Context(), f)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := batchListOut{Items: make([]batchOut, len(page.Batches)), NextCursor: page.NextCursor}
	for i, b := range page.Batches {
		out.Items[i] = batchView(b)
	}
	c.JSON(http.StatusOK, out)
}

// batchListOut is a page of batches.
type batchListOut struct {
	Items      []batchOut `json:"items"`
	NextCursor string     `json:"next_cursor,omitempty"`
}

// batchOut is the API view of a batch, without its rows.
type batchOut struct {
	ID         string            `json:"id"`
	Program    string            `json:"program"`
	Status     string            `json:"status"`
	DryRun     bool              `json:"dry_run"`
	File       string            `json:"file,omitempty"`
	Format     string            `json:"format,omitempty"`
	Lang       string            `json:"lang"`
	Total      int               `json:"total"`
	Processed  int               `json:"processed"`
	Issued     int               `json:"issued"`
	Skipped    int               `json:"skipped"`
	Failed     int               `json:"failed"`
	Error      string            `json:"error,omitempty"`
	UploadedBy string            `json:"uploaded_by,omitempty"`
	Warnings   []batchProblemOut `json:"warnings"`
	CreatedAt  time.Time         `json:"created_at"`
	UpdatedAt  time.Time         `json:"updated_at"`
	FinishedAt *time.Time        `json:"finished_at,omitempty"`
	// CellsPurgedAt is when the retention purge cleared the rows' cells
	// (errors.csv then gives the rejected rows without them).
	CellsPurgedAt *time.Time        `json:"cells_purged_at,omitempty"`
	Links         map[string]string `json:"links"`
}

type batchProblemOut struct {
	Row     int    `json:"row,omitempty"`
	Column  string `json:"column"`
	Code    string `json:"code,omitempty"`
	Message string `json:"message"`
}

// batchRowOut is one row of a batch. status is pending, issued,
// already_issued, failed or (dry run) valid.
type batchRowOut struct {
	Row               int               `json:"row"`
	OK                bool              `json:"ok"`
	Status            string            `json:"status"`
	StudentID         string            `json:"student_id,omitempty"`
	CredentialID      *string           `json:"credential_id"`
	CertificateNumber string            `json:"certificate_number,omitempty"`
	URL               string            `json:"url,omitempty"`
	Errors            []batchProblemOut `json:"errors"`
}

func problemsOut(ps []credential.BatchProblem) []batchProblemOut {
	out := make([]batchProblemOut, len(ps))
	for i, p := range ps {
		out[i] = batchProblemOut{Row: p.Row, Column: p.Column, Code: p.Code, Message: p.Message}
	}
	return out
}

// batchView is the API view of b, without its rows.
func batchView(b *credential.Batch) batchOut {
	base := "/api/v1/batches/" + b.ID
	return batchOut{ID: b.ID, Program: b.Program, Status: b.Status, DryRun: b.DryRun, File: b.Filename,
		Format: b.Format, Lang: b.Lang, Total: b.Total, Processed: b.Processed, Issued: b.Issued, Skipped: b.Skipped,
		Failed: b.Failed, Error: b.Error, UploadedBy: b.Actor, Warnings: problemsOut(b.Warnings), CreatedAt: b.CreatedAt,
		UpdatedAt: b.UpdatedAt, FinishedAt: b.FinishedAt, CellsPurgedAt: b.CellsPurgedAt, Links: map[string]string{"self": base, "errors_csv": base + "/errors.csv",
			"results_csv": base + "/results.csv", "certificates_zip": base + "/certificates.zip"}}
}

// writeBatch writes the batch and, unless f is "none", its rows, streamed
// row by row from the database.
func (s *Server) writeBatch(c *gin.Context, b *credential.Batch, status int, f credential.BatchRowFilter) {
	if f == "none" {
		s.writeBatchRows(c, b, status, nil)
		return
	}
	s.writeBatchRows(c, b, status, func(fn func(*credential.BatchRow) error) error {
		return s.batches.Rows(c.Request.Context(), b.ID, f, fn)
	})
}

// writeBatchRows writes the batch and the rows each yields (none, without
// the rows member, when each is nil).
func (s *Server) writeBatchRows(c *gin.Context, b *credential.Batch, status int, each func(fn func(*credential.BatchRow) error) error) {
	head, err := json.Marshal(batchView(b))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Content-Type", "application/json; charset=utf-8")
	c.Status(status)
	w := c.Writer
	if each == nil {
		_, _ = w.Write(head)
		return
	}
	_, _ = w.Write(head[:len(head)-1])
	_, _ = io.WriteString(w, `,"rows":[`)
	id := s.issuer.Identity()
	first := true
	err = each(func(r *credential.BatchRow) error {
		o := batchRowOut{Row: r.Row, OK: r.State != credential.RowFailed, Status: r.State, StudentID: r.StudentID, Errors: problemsOut(r.Errors)}
		if r.CredentialID != "" {
			o.CredentialID = &r.CredentialID
			o.URL = id.CredentialURL(r.CredentialID)
			if r.CertificateNumber > 0 {
				o.CertificateNumber = issuer.FormatCertificateNumber(r.CertificateNumber)
			}
		}
		line, err := json.Marshal(o)
		if err != nil {
			return err
		}
		if !first {
			line = append([]byte{','}, line...)
		}
		first = false
		_, err = w.Write(line)
		return err
	})
	if err != nil {
		s.abortStream(c, err)
		return
	}
	_, _ = io.WriteString(w, "]}")
}

// abortStream ends a response whose body is partly written: it logs err
// and closes the connection, so the client sees a truncated transfer
// rather than a complete-looking file.
func (s *Server) abortStream(c *gin.Context, err error) {
	s.log.ErrorContext(c.Request.Context(), "streamed response failed", slog.String("request_id", requestID(c)), slog.Any("error", err))
	if hj, ok := c.Writer.(http.Hijacker); ok {
		if conn, _, herr := hj.Hijack(); herr == nil {
			_ = conn.Close()
		}
	}
	c.Abort()
}

// csvSeparator reads ?sep= (comma, semicolon, tab); the default follows
// the batch's language.
func (s *Server) csvSeparator(c *gin.Context, b *credential.Batch) (rune, bool) {
	sep, err := batch.Separator(c.Query("sep"), b.Lang)
	if err != nil {
		s.fail(c, err)
		return 0, false
	}
	return sep, true
}

func attachment(c *gin.Context, contentType, name string) {
	c.Header("Content-Type", contentType)
	c.Header("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	c.Header("Cache-Control", "no-store")
	c.Status(http.StatusOK)
}

func shortID(id string) string {
	if len(id) > 8 {
		return id[:8]
	}
	return id
}

func (s *Server) batchErrorsCSV(c *gin.Context) { s.batchCSV(c, "errors", s.batches.WriteErrorsCSV) }

func (s *Server) batchResultsCSV(c *gin.Context) { s.batchCSV(c, "results", s.batches.WriteResultsCSV) }

// batchCSV streams one of a batch's CSV files.
func (s *Server) batchCSV(c *gin.Context, name string, write func(ctx context.Context, w io.Writer, b *credential.Batch, sep rune) error) {
	b, ok := s.batchFor(c)
	if !ok {
		return
	}
	sep, ok := s.csvSeparator(c, b)
	if !ok {
		return
	}
	attachment(c, "text/csv; charset=utf-8", "batch-"+shortID(b.ID)+"-"+name+".csv")
	if err := write(c.Request.Context(), c.Writer, b, sep); err != nil {
		s.abortStream(c, err)
	}
}

func (s *Server) batchCertificates(c *gin.Context) {
	b, ok := s.batchFor(c)
	if !ok {
		return
	}
	if b.Status != credential.BatchDone && b.Status != credential.BatchFailed {
		s.fail(c, credential.Errorf(credential.CodeConflict, "the batch is %s (%d of %d rows processed): the certificates are available once it is done", b.Status, b.Processed, b.Total))
		return
	}
	opt := batch.DocumentOptions{Badges: true}
	if l := c.Query("lang"); l != "" {
		if !lang.Valid(l) {
			s.fail(c, credential.Errorm(credential.CodeInvalid, lang.ErrLang))
			return
		}
		opt.Lang = l
	}
	if v := c.Query("badges"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			s.fail(c, credential.Errorf(credential.CodeInvalid, "badges must be true or false"))
			return
		}
		opt.Badges = b
	}
	sep, ok := s.csvSeparator(c, b)
	if !ok {
		return
	}
	attachment(c, "application/zip", "batch-"+shortID(b.ID)+"-certificates.zip")
	if err := s.batches.WriteZIP(c.Request.Context(), c.Writer, b, s.certs, opt, sep); err != nil {
		s.abortStream(c, err)
	}
}
