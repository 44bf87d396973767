package httpapi

import (
	"bytes"
	_ "embed"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/batch"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
)

// The batch wizard: choose a program (/console/batches/new), upload a
// spreadsheet (checked as a dry run that keeps its rows: a preview),
// correct cells in the browser (/fix stores a new preview from the old
// one's rows with the corrections) or upload again, confirm (/confirm
// submits the preview's rows for real), then watch the batch's page until
// it is done and download its files. Every step calls the batch service
// the API's /api/v1/batches calls; the state is in the database, so the
// pages survive a reload and any instance answers them.

//go:embed web/console_batches.js
var batchesJS []byte

// Page sizes of the batch pages.
const (
	batchListSize = 25
	batchRowsSize = 50
)

// consoleBatchRoutes registers the console's pages for the batch wizard and the batch list.
func (s *Server) consoleBatchRoutes(g *gin.RouterGroup) {
	viewer, registrar := s.need(credential.RoleViewer), s.need(credential.RoleRegistrar)
	small := s.limitBody(s.cfg.MaxBodyBytes)
	g.GET("/batches.js", viewer, s.batchesScript)
	b := g.Group("/batches")
	b.GET("", viewer, s.batchListPage)
	b.GET("/new", registrar, s.batchNewPage)
	b.POST("/new", registrar, s.limitUpload(), s.limitBody(s.cfg.MaxUploadBytes), s.batchUploadPost)
	b.GET("/:id", viewer, s.batchPage)
	b.GET("/:id/progress", viewer, s.batchProgress)
	b.GET("/:id/errors.csv", viewer, s.batchErrorsCSV)
	b.GET("/:id/results.csv", viewer, s.batchResultsCSV)
	b.GET("/:id/certificates.zip", viewer, s.batchCertificates)
	b.POST("/:id/fix", registrar, small, s.batchFixPost)
	b.POST("/:id/confirm", registrar, small, s.limitOpenBatches(), s.batchConfirmPost)
}

func (s *Server) batchesScript(c *gin.Context) {
	c.Header("Cache-Control", "private, max-age=300")
	c.Data(http.StatusOK, "text/javascript; charset=utf-8", batchesJS)
}

// wizardStep is one step of the wizard's indicator.
type wizardStep struct {
	N             int
	Label         string
	Current, Done bool
}

func wizardSteps(l lang.Tag, current int) []wizardStep {
	keys := []lang.Key{lang.CbatchStepProgram, lang.CbatchStepUpload, lang.CbatchStepPreview, lang.CbatchStepConfirm,
		lang.CbatchStepProgress, lang.CbatchStepResults}
	out := make([]wizardStep, len(keys))
	for i, k := range keys {
		out[i] = wizardStep{N: i + 1, Label: l.T(k), Current: i+1 == current, Done: i+1 < current}
	}
	return out
}

// programChoice is a program offered in the wizard and the list's filter.
type programChoice struct {
	RegNo, Name string
	Selected    bool
}

func (s *Server) programChoices(c *gin.Context, selected string, issuable bool) ([]programChoice, error) {
	ps, err := s.store.Programs(c.Request.Context(), "", "")
	if err != nil {
		return nil, err
	}
	l := string(s.lang(c))
	out := make([]programChoice, 0, len(ps))
	for _, p := range ps {
		if issuable && p.IssuableAt(s.now()) != nil {
			continue
		}
		out = append(out, programChoice{RegNo: p.RegistrationNumber, Name: p.Name.Get(l), Selected: p.RegistrationNumber == selected})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].RegNo < out[j].RegNo })
	return out, nil
}

// batchNewView is the wizard's first two steps.
type batchNewView struct {
	consoleData
	Steps    []wizardStep
	Programs []programChoice
	// Program is the chosen program (step 2), nil on step 1.
	Program *credential.Program
	Name    string
	Columns string
	Limit   string
	Error   string
	Details []string
}

func (s *Server) batchNewView(c *gin.Context, regno string) (batchNewView, error) {
	l := s.lang(c)
	v := batchNewView{consoleData: s.console(c, lang.CbatchNew, SectionBatches, "cbatch")}
	if regno != "" {
		p, err := s.store.Program(c.Request.Context(), regno, 0)
		if err != nil && !credential.IsNotFound(err) {
			return v, err
		}
		if p != nil && p.IssuableAt(s.now()) == nil {
			v.Program, v.Name = p, p.Name.Get(string(l))
			var cols []string
			keys := []lang.Key{lang.SheetColStudentID, lang.SheetColFamilyName, lang.SheetColGivenName, lang.SheetColPatronymic,
				lang.SheetColIIN, lang.SheetColEmail, lang.SheetColDateFrom, lang.SheetColDateTo}
			if p.Kind == credential.KindMicroqualification {
				keys = append(keys, lang.SheetColDecisionDate)
			}
			for _, k := range keys {
				cols = append(cols, l.T(k))
			}
			for _, comp := range p.Competencies {
				cols = append(cols, comp.Code)
			}
			v.Columns = l.T(lang.CbatchColumnsHint, strings.Join(cols, ", "))
			v.Limit = l.T(lang.CbatchFileLimit, strconv.FormatInt(s.cfg.MaxUploadBytes>>20, 10)+" MiB", s.batchMaxRows())
			v.Steps = wizardSteps(l, 2)
			return v, nil
		}
	}
	v.Steps = wizardSteps(l, 1)
	var err error
	v.Programs, err = s.programChoices(c, regno, true)
	return v, err
}

// batchMaxRows is the row limit of an upload, when the service says it.
func (s *Server) batchMaxRows() int {
	if bs, ok := s.batches.(interface{ Config() batch.Config }); ok {
		return bs.Config().MaxRows
	}
	return batch.DefaultMaxRows
}

func (s *Server) batchNewPage(c *gin.Context) {
	v, err := s.batchNewView(c, c.Query("program"))
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	s.render(c, http.StatusOK, "console_batches_new", v)
}

// batchUploadPost checks an uploaded spreadsheet (a dry run that keeps its
// rows) and shows the preview.
func (s *Server) batchUploadPost(c *gin.Context) {
	l := s.lang(c)
	var program string
	var body []byte
	var filename, ctype string
	mr, err := c.Request.MultipartReader()
	if err != nil {
		s.consoleFail(c, credential.Wrap(credential.CodeInvalid, err, "the form cannot be read"))
		return
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			s.consoleFail(c, uploadError(err))
			return
		}
		switch part.FormName() {
		case "file":
			if body, err = io.ReadAll(part); err != nil {
				s.consoleFail(c, uploadError(err))
				return
			}
			filename, ctype = part.FileName(), part.Header.Get("Content-Type")
		case "program":
			v, err := io.ReadAll(io.LimitReader(part, maxFormField))
			if err != nil {
				s.consoleFail(c, uploadError(err))
				return
			}
			program = strings.TrimSpace(string(v))
		}
	}
	v, err := s.batchNewView(c, program)
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	if v.Program == nil {
		v.Error = l.T(lang.CbatchProgramRequired)
		s.render(c, http.StatusBadRequest, "console_batches_new", v)
		return
	}
	if len(body) == 0 {
		v.Error = l.T(lang.CbatchFileRequired)
		s.render(c, http.StatusBadRequest, "console_batches_new", v)
		return
	}
	b, err := s.batches.Submit(c.Request.Context(), batch.Upload{Program: program, Filename: filename, ContentType: ctype,
		Body: bytes.NewReader(body), DryRun: true, Keep: true, Lang: string(l)})
	if err != nil {
		if code := credential.ErrorCode(err); code == credential.CodeInternal || code == credential.CodeNotFound || code == credential.CodeForbidden {
			s.consoleFail(c, err)
			return
		}
		msg, details := credential.Localize(uploadError(err), l)
		v.Error = msg
		for _, d := range details {
			if d.Message != msg {
				v.Details = append(v.Details, d.Message)
			}
		}
		s.render(c, statusOf(credential.ErrorCode(err)), "console_batches_new", v)
		return
	}
	s.consoleRedirect(c, "/console/batches/"+b.ID, lang.CbatchChecked)
}

// batchCellView is one cell of a preview's row.
type batchCellView struct {
	Value string
	// Name is the form field of an editable (problem) cell, "" otherwise.
	Name, ID, Label string
	Problems        []string
}

// batchRowView is one row on a batch's page.
type batchRowView struct {
	Row                   int
	State, Label, Badge   string
	Cells                 []batchCellView
	Problems              []string // problems of the whole row
	StudentID, Holder     string
	CredentialURL, Number string
}

// batchProblemLine is a problem listed at its row and column.
type batchProblemLine struct {
	Text, Anchor string
}

// batchPageView is a batch's page: a preview (steps 3 and 4) or an
// issuing batch (steps 5 and 6).
type batchPageView struct {
	consoleData
	B                                *credential.Batch
	Steps                            []wizardStep
	Preview, Running, Finished, Kept bool
	ProgramName, StatusLabel, Badge  string
	Valid, Pending, Percent          int
	Header                           []string
	Rows                             []batchRowView
	ProblemLines                     []batchProblemLine
	Warnings                         []string
	Show                             string
	Pager                            pager
	Editable                         bool
	OtherLang                        bool
	ConfirmLead, ConfirmWarn         string
	IssueLabel, FailedNote           string
	RowsNote, Actor                  string
}

func batchStatusLabel(l lang.Tag, status string) string {
	switch status {
	case credential.BatchQueued:
		return l.T(lang.CbatchStQueued)
	case credential.BatchRunning:
		return l.T(lang.CbatchStRunning)
	case credential.BatchDone:
		return l.T(lang.CbatchStDone)
	case credential.BatchFailed:
		return l.T(lang.CbatchStFailed)
	}
	return status
}

// rowLabel names a row's state in l; a state this page does not know
// (another step's) is shown as the service names it.
func rowLabel(l lang.Tag, state string) (label, badge string) {
	switch state {
	case credential.RowValid:
		return l.T(lang.CbatchRowValid), "ok"
	case credential.RowPending:
		return l.T(lang.CbatchRowPending), "queued"
	case credential.RowIssued:
		return l.T(lang.CbatchRowIssued), "ok"
	case credential.RowSkipped:
		return l.T(lang.CbatchRowAlreadyIssued), "warn"
	case credential.RowFailed:
		return l.T(lang.CbatchRowFailed), "bad"
	}
	if k := lang.Key("cbatch.row_" + state); k != "" {
		if _, ok := lang.Lookup(k); ok {
			return l.T(k), "warn"
		}
	}
	return state, "warn"
}

func (s *Server) batchPage(c *gin.Context) {
	ctx := c.Request.Context()
	l := s.lang(c)
	b, err := s.batches.Batch(ctx, c.Param("id"))
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	title := lang.CbatchProgressTitle
	if b.DryRun {
		title = lang.CbatchPreviewTitle
	}
	v := batchPageView{consoleData: s.console(c, title, SectionBatches, "cbatch"), B: b, Preview: b.DryRun,
		Running: b.Status == credential.BatchQueued || b.Status == credential.BatchRunning, Kept: b.CellsPurgedAt == nil}
	name := b.Filename
	if name == "" {
		name = shortID(b.ID)
	}
	v.Title = l.T(title, name)
	v.Finished = !v.Running
	v.Actor = strings.TrimPrefix(b.Actor, "user:")
	v.StatusLabel = batchStatusLabel(l, b.Status)
	v.Badge = b.Status
	if p, err := s.store.Program(ctx, b.Program, 0); err == nil {
		v.ProgramName = p.Name.Get(string(l))
	}
	v.Pending = b.Total - b.Processed
	if b.Total > 0 {
		v.Percent = b.Processed * 100 / b.Total
	}
	for _, w := range b.Warnings {
		v.Warnings = append(v.Warnings, w.Message)
	}
	if b.DryRun {
		v.Steps = wizardSteps(l, 3)
		v.Valid = b.Total - b.Failed - b.Skipped
		v.OtherLang = b.Lang != string(l)
		v.ConfirmLead = l.T(lang.CbatchConfirmLead, v.Valid)
		if b.Failed > 0 {
			v.ConfirmWarn = l.T(lang.CbatchConfirmProblems, b.Failed)
		}
		v.IssueLabel = l.T(lang.CbatchIssueN, v.Valid)
	} else {
		v.Steps = wizardSteps(l, 5)
		if v.Finished {
			v.Steps = wizardSteps(l, 6)
		}
		if b.Status == credential.BatchFailed {
			v.FailedNote = l.T(lang.CbatchFailedNote, b.Error)
		}
	}
	// The rows: only those with problems by default while a preview has
	// any.
	f, total := credential.AllRows, b.Total
	v.Show = c.Query("show")
	if v.Show == "" && b.DryRun && b.Failed > 0 {
		v.Show = "problems"
	}
	if v.Show == "problems" {
		f, total = credential.FailedRows, b.Failed
	} else {
		v.Show = "all"
	}
	page, off := pageOf(c, batchRowsSize)
	v.Header = b.Header
	col := make(map[string]int, len(b.Header))
	for i := len(b.Header) - 1; i >= 0; i-- {
		col[b.Header[i]] = i
	}
	v.Editable = b.DryRun && v.Kept && b.Failed > 0 && v.Can(credential.RoleRegistrar)
	id := s.issuer.Identity()
	err = s.batches.RowsPage(ctx, b.ID, f, off, batchRowsSize, func(r *credential.BatchRow) error {
		rv := batchRowView{Row: r.Row, State: r.State, StudentID: r.StudentID, Holder: r.HolderName}
		rv.Label, rv.Badge = rowLabel(l, r.State)
		if r.CredentialID != "" {
			rv.CredentialURL = id.CredentialURL(r.CredentialID)
			if r.CertificateNumber > 0 {
				rv.Number = issuer.FormatCertificateNumber(r.CertificateNumber)
			}
		}
		if b.DryRun {
			width := max(len(b.Header), len(r.Cells))
			rv.Cells = make([]batchCellView, width)
			for i := range rv.Cells {
				if i < len(r.Cells) {
					rv.Cells[i].Value = r.Cells[i]
				}
			}
		}
		for _, p := range r.Errors {
			i, ok := col[p.Column]
			if p.Column != "" && ok && rv.Cells != nil {
				cell := &rv.Cells[i]
				cell.Problems = append(cell.Problems, p.Message)
				cell.ID = "r" + strconv.Itoa(r.Row) + "c" + strconv.Itoa(i)
				if v.Editable {
					cell.Name = "c." + strconv.Itoa(r.Row) + "." + strconv.Itoa(i)
					cell.Label = l.T(lang.CbatchCellLabel, r.Row, p.Column)
				}
				v.ProblemLines = append(v.ProblemLines, batchProblemLine{Text: l.T(lang.CbatchProblemAt, r.Row, p.Column, p.Message), Anchor: cell.ID})
				continue
			}
			rv.Problems = append(rv.Problems, p.Message)
			line := l.T(lang.CbatchProblemRow, r.Row, p.Message)
			if p.Column != "" {
				line = l.T(lang.CbatchProblemAt, r.Row, p.Column, p.Message)
			}
			v.ProblemLines = append(v.ProblemLines, batchProblemLine{Text: line, Anchor: "r" + strconv.Itoa(r.Row)})
		}
		v.Rows = append(v.Rows, rv)
		return nil
	})
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	v.Pager = s.makePager(c, page, batchRowsSize, len(v.Rows), total)
	v.RowsNote = l.T(lang.CbatchRowsPageNote, batchRowsSize)
	s.render(c, http.StatusOK, "console_batches_batch", v)
}

// batchFixPost applies the corrections typed into a preview's cells
// (fields c.<row>.<column>) to its rows and checks them again as a new
// preview, in the page's language.
func (s *Server) batchFixPost(c *gin.Context) {
	if err := c.Request.ParseForm(); err != nil {
		s.consoleFail(c, credential.Wrap(credential.CodeInvalid, err, "the form cannot be read"))
		return
	}
	prev, err := s.batches.Batch(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	var fixes []batch.Correction
	for k, vals := range c.Request.PostForm {
		rest, ok := strings.CutPrefix(k, "c.")
		if !ok || len(vals) == 0 {
			continue
		}
		rs, cs, ok := strings.Cut(rest, ".")
		row, err1 := strconv.Atoi(rs)
		col, err2 := strconv.Atoi(cs)
		if !ok || err1 != nil || err2 != nil {
			s.consoleFail(c, credential.Errorf(credential.CodeInvalid, "%q names no cell", k))
			return
		}
		fixes = append(fixes, batch.Correction{Row: row, Column: col, Value: vals[0]})
		if len(fixes) > batch.MaxCorrections {
			break // the service refuses it, naming the limit
		}
	}
	b, err := s.batches.Submit(c.Request.Context(), batch.Upload{Program: prev.Program, From: prev.ID, Corrections: fixes,
		DryRun: true, Keep: true, Lang: string(s.lang(c))})
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	s.consoleRedirect(c, "/console/batches/"+b.ID, lang.CbatchRechecked)
}

// batchConfirmPost issues a preview's rows: the batch is stored and run
// by the workers; its page shows the progress.
func (s *Server) batchConfirmPost(c *gin.Context) {
	prev, err := s.batches.Batch(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	notify := formValue(c, "notify") != ""
	// The preview showed each corrected row as a reissue: confirming it
	// confirms those corrections too.
	b, err := s.batches.Submit(c.Request.Context(), batch.Upload{Program: prev.Program, From: prev.ID, NoNotify: !notify,
		Reissue: true, Lang: string(s.lang(c))})
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	s.consoleRedirect(c, "/console/batches/"+b.ID, lang.CbatchStarted)
}

// batchProgressOut is a batch's progress alone: the cheap answer a page
// polls (GET /api/v1/batches/{id}/progress).
type batchProgressOut struct {
	ID         string     `json:"id"`
	Status     string     `json:"status"`
	DryRun     bool       `json:"dry_run"`
	Total      int        `json:"total"`
	Processed  int        `json:"processed"`
	Issued     int        `json:"issued"`
	Skipped    int        `json:"skipped"`
	Failed     int        `json:"failed"`
	Error      string     `json:"error,omitempty"`
	UpdatedAt  time.Time  `json:"updated_at"`
	FinishedAt *time.Time `json:"finished_at,omitempty"`
}

// batchProgress answers a batch's counters from one narrow query, without
// its rows: for the API and the console's progress page alike.
func (s *Server) batchProgress(c *gin.Context) {
	p, err := s.batches.Counters(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, batchProgressOut{ID: p.ID, Status: p.Status, DryRun: p.DryRun, Total: p.Total, Processed: p.Processed,
		Issued: p.Issued, Skipped: p.Skipped, Failed: p.Failed, Error: p.Error, UpdatedAt: p.UpdatedAt, FinishedAt: p.FinishedAt})
}

// batchListView is the list of batches.
type batchListView struct {
	consoleData
	Items           []batchItemView
	Programs        []programChoice
	Status, Kind    string
	From, To        string
	Pager           pager
	Error           string
	Statuses, Kinds []option
}

type batchItemView struct {
	B                  *credential.Batch
	ProgramName, Label string
	Kind, Actor        string
}

// parseDay reads a yyyy-mm-dd filter date.
func parseDay(v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.DateOnly, v)
}

func (s *Server) batchListPage(c *gin.Context) {
	l := s.lang(c)
	v := batchListView{consoleData: s.console(c, lang.CbatchTitle, SectionBatches, "cbatch"),
		Status: c.Query("status"), Kind: c.DefaultQuery("kind", credential.BatchKindIssue), From: c.Query("from"), To: c.Query("to")}
	q := credential.BatchQuery{Program: c.Query("program"), Status: v.Status, Kind: v.Kind, Limit: batchListSize}
	if v.Kind == "any" {
		q.Kind = ""
	}
	var errs []error
	var err error
	if q.From, err = parseDay(v.From); err != nil {
		errs = append(errs, err)
		v.Error = l.T(lang.CbatchInvalidDate, v.From)
	}
	to, err := parseDay(v.To)
	if err != nil {
		errs = append(errs, err)
		v.Error = l.T(lang.CbatchInvalidDate, v.To)
	} else if !to.IsZero() {
		q.To = to.AddDate(0, 0, 1)
	}
	page, off := pageOf(c, batchListSize)
	q.Offset = off
	names := map[string]string{}
	if v.Programs, err = s.programChoices(c, q.Program, false); err != nil {
		s.consoleFail(c, err)
		return
	}
	for _, p := range v.Programs {
		names[p.RegNo] = p.Name
	}
	for _, st := range []string{"", credential.BatchQueued, credential.BatchRunning, credential.BatchDone, credential.BatchFailed} {
		label := l.T(lang.CbatchAny)
		if st != "" {
			label = batchStatusLabel(l, st)
		}
		v.Statuses = append(v.Statuses, option{Value: st, Label: label, Selected: st == v.Status})
	}
	for _, k := range []struct {
		v string
		l lang.Key
	}{{credential.BatchKindIssue, lang.CbatchKindBatch}, {credential.BatchKindPreview, lang.CbatchKindPreview}, {"any", lang.CbatchAny}} {
		v.Kinds = append(v.Kinds, option{Value: k.v, Label: l.T(k.l), Selected: k.v == v.Kind})
	}
	status := http.StatusOK
	var items []*credential.Batch
	total := 0
	if len(errs) == 0 {
		items, total, err = s.batches.Search(c.Request.Context(), q)
		if err != nil {
			if credential.ErrorCode(err) != credential.CodeInvalid {
				s.consoleFail(c, err)
				return
			}
			msg, _ := credential.Localize(err, l)
			v.Error = msg
		}
	}
	if v.Error != "" {
		status = http.StatusBadRequest
	}
	for _, b := range items {
		it := batchItemView{B: b, ProgramName: names[b.Program], Label: batchStatusLabel(l, b.Status), Kind: l.T(lang.CbatchKindBatch),
			Actor: strings.TrimPrefix(b.Actor, "user:")}
		if b.DryRun {
			it.Kind = l.T(lang.CbatchKindPreview)
		}
		v.Items = append(v.Items, it)
	}
	v.Pager = s.makePager(c, page, batchListSize, len(items), total)
	s.render(c, status, "console_batches_list", v)
}

// rowsQuery reads the API's ?offset= and ?limit= for a page of a batch's
// rows; ok is false when neither is given (all rows, as before).
func rowsQuery(c *gin.Context) (offset, limit int, paged bool, err error) {
	o, hasO := c.GetQuery("offset")
	lim, hasL := c.GetQuery("limit")
	if !hasO && !hasL {
		return 0, 0, false, nil
	}
	limit = defaultRowsLimit
	if hasO {
		if offset, err = strconv.Atoi(o); err != nil || offset < 0 {
			return 0, 0, false, &credential.Error{Code: credential.CodeInvalid, Message: "offset must be a whole number from 0",
				Details: []credential.Detail{{Field: "offset", Message: url.QueryEscape(o) + " is not a row offset"}}}
		}
	}
	if hasL {
		if limit, err = strconv.Atoi(lim); err != nil || limit < 1 || limit > maxRowsLimit {
			return 0, 0, false, &credential.Error{Code: credential.CodeInvalid, Message: "limit must be from 1 to " + strconv.Itoa(maxRowsLimit),
				Details: []credential.Detail{{Field: "limit", Message: url.QueryEscape(lim) + " is not a page size from 1 to " + strconv.Itoa(maxRowsLimit)}}}
		}
	}
	return offset, limit, true, nil
}

// Page sizes of a batch's rows in the API (?offset=&limit=).
const (
	defaultRowsLimit = 1000
	maxRowsLimit     = 10000
)
