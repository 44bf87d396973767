package batch

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/sheet"
)

// Store is what the service needs of the registry.
type Store interface {
	Program(ctx context.Context, regno string, version int) (*credential.Program, error)
	Credential(ctx context.Context, id string) (*credential.Record, error)
	ExistingAwards(ctx context.Context, keys []string) (map[string]string, error)
	// ExistingAwardRecords returns the credentials of award keys with
	// their content hashes (a dry run tells corrections from repeats).
	ExistingAwardRecords(ctx context.Context, keys []string) (map[string]*credential.Record, error)
	CreateBatch(ctx context.Context, b *credential.Batch, rows []credential.BatchRow) error
	Batch(ctx context.Context, id string) (*credential.Batch, error)
	Batches(ctx context.Context, f credential.BatchFilter) (*credential.BatchPage, error)
	BatchRows(ctx context.Context, id string, f credential.BatchRowFilter, fn func(*credential.BatchRow) error) error
	ClaimBatch(ctx context.Context, owner, id string, lease time.Duration) (*credential.Batch, error)
	RenewBatchLease(ctx context.Context, id, owner string, lease time.Duration) error
	PendingBatchRows(ctx context.Context, id string, after, limit int) ([]credential.BatchRow, error)
	ProcessBatchStep(ctx context.Context, id, owner string, lease time.Duration, step credential.BatchStep) ([]credential.Outcome, error)
	FinishBatch(ctx context.Context, id, owner, status, reason string) error
	ReleaseBatch(ctx context.Context, id, owner string) error
	PurgeBatchCells(ctx context.Context, finishedBefore time.Time, limit int) (int, error)
	BatchCounters(ctx context.Context, id string) (*credential.BatchCounters, error)
	SearchBatches(ctx context.Context, q credential.BatchQuery) ([]*credential.Batch, int, error)
	BatchRowsPage(ctx context.Context, id string, f credential.BatchRowFilter, offset, limit int, fn func(*credential.BatchRow) error) error
}

// Issuer validates requests and prepares their issuance.
type Issuer interface {
	Check(ctx context.Context, regno string, reqs []issuer.Request) (*issuer.Plan, error)
	Plan(ctx context.Context, regno string, reqs []issuer.Request) (*issuer.Plan, error)
	Identity() *issuer.Identity
	// Ready reports why nothing can be issued now (the organization's
	// identity is incomplete), nil when it can.
	Ready(ctx context.Context) error
}

// Defaults of Config.
const (
	DefaultWorkers     = 2
	DefaultLease       = 30 * time.Second
	DefaultPoll        = 2 * time.Second
	DefaultStep        = 1000
	DefaultMaxRows     = 50_000
	DefaultMaxBytes    = 16 << 20
	DefaultMaxAttempts = 10
	// DefaultCellsRetention is how long a finished batch keeps its failed
	// rows' cells by default.
	DefaultCellsRetention = 30 * 24 * time.Hour
)

// KeepCellsForever, as Config.CellsRetention, turns the retention purge
// off: failed rows keep their cells as long as the batch exists.
const KeepCellsForever time.Duration = -1

// PurgeInterval is how often, at most, an instance's workers run the
// retention purge.
const PurgeInterval = 10 * time.Minute

// purgeLimit is how many batches one call of the store's purge handles.
const purgeLimit = 100

// Config sets the service's limits and the workers' pace. Zero fields take
// the defaults.
type Config struct {
	// Workers is the number of batches this instance processes at once;
	// negative means none (the instance only accepts uploads, or runs
	// batches itself with RunBatch).
	Workers int
	// Lease is how long a claimed batch stays with its worker without a
	// heartbeat; a dead instance's batches are taken over after it.
	Lease time.Duration
	// Poll is how often idle workers look for batches (an upload to this
	// instance wakes them at once).
	Poll time.Duration
	// Step is the number of rows issued per transaction.
	Step int
	// Pause is a rest between steps, to leave the database and CPUs to
	// other work while a big batch runs (default none).
	Pause time.Duration
	// MaxRows and MaxBytes limit an upload (400 and 413 beyond them).
	MaxRows  int
	MaxBytes int64
	// MaxAttempts fails a batch claimed that many times without finishing
	// (for example one that crashes its worker every time).
	MaxAttempts int
	// Owner names this instance in leases (default: host, pid and a random
	// suffix).
	Owner string
	// Uploads bounds how many uploads are parsed at once (default 2);
	// others wait.
	Uploads int
	// CellsRetention is how long a finished batch keeps the cells of its
	// failed rows, which errors.csv gives back and which hold IINs,
	// e-mails and names in clear; the workers then purge them (every row
	// keeps its number, state and problems, so errors.csv still lists
	// them, with empty cells). Zero means DefaultCellsRetention (30
	// days); a negative value (KeepCellsForever) keeps them for ever.
	CellsRetention time.Duration
}

func (c *Config) defaults() {
	if c.Workers == 0 {
		c.Workers = DefaultWorkers
	}
	if c.Lease <= 0 {
		c.Lease = DefaultLease
	}
	if c.Poll <= 0 {
		c.Poll = DefaultPoll
	}
	if c.Step <= 0 {
		c.Step = DefaultStep
	}
	if c.MaxRows <= 0 {
		c.MaxRows = DefaultMaxRows
	}
	if c.MaxBytes <= 0 {
		c.MaxBytes = DefaultMaxBytes
	}
	if c.MaxAttempts <= 0 {
		c.MaxAttempts = DefaultMaxAttempts
	}
	if c.Uploads <= 0 {
		c.Uploads = 2
	}
	if c.CellsRetention == 0 {
		c.CellsRetention = DefaultCellsRetention
	} else if c.CellsRetention < 0 {
		c.CellsRetention = KeepCellsForever
	}
	if c.Owner == "" {
		host, _ := os.Hostname()
		b := make([]byte, 4)
		_, _ = rand.Read(b)
		c.Owner = fmt.Sprintf("%s/%d/%s", host, os.Getpid(), hex.EncodeToString(b))
	}
}

// Service accepts uploads and issues them in the background.
type Service struct {
	store  Store
	issuer Issuer
	cfg    Config
	log    *slog.Logger
	now    func() time.Time
	wake   chan struct{}
	parse  chan struct{}

	purgeMu   sync.Mutex
	lastPurge time.Time // when this instance's workers last ran the purge
}

// Option configures a Service.
type Option func(*Service)

// WithClock sets the clock (validation of dates against today, program
// validity, the retention purge's cut-off and pace).
func WithClock(now func() time.Time) Option { return func(s *Service) { s.now = now } }

// New returns a Service.
func New(st Store, is Issuer, cfg Config, log *slog.Logger, opts ...Option) *Service {
	cfg.defaults()
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	s := &Service{store: st, issuer: is, cfg: cfg, log: log, now: time.Now,
		wake: make(chan struct{}, 1), parse: make(chan struct{}, cfg.Uploads)}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Config returns the effective configuration.
func (s *Service) Config() Config { return s.cfg }

// Upload is a spreadsheet to issue from.
type Upload struct {
	// Program is the registration number of the program.
	Program string
	// Filename and ContentType are hints for the format.
	Filename, ContentType string
	Body                  io.Reader
	// DryRun validates and reports without issuing.
	DryRun bool
	// Lang is the language of the messages: kk, ru or en.
	Lang string
	// Language is the certificate language of rows without a language
	// column; empty means the program's.
	Language string
	// NoNotify keeps tanu from e-mailing the holders of this batch.
	NoNotify bool
	// Reissue confirms the corrections a dry run offered: rows whose award
	// was issued before with other data are reissued (the old credential
	// revoked as replaced). Without it they are already issued, as before.
	Reissue bool
	// Keep makes a dry run keep every row's cells (a preview), so that
	// it can be corrected and confirmed later without the file (From).
	Keep bool
	// From names a preview (a dry run stored with Keep) whose rows are
	// read instead of Body, with Corrections applied; Filename then
	// defaults to the preview's.
	From string
	// Corrections change cells of the preview From (at most
	// MaxCorrections).
	Corrections []Correction
}

// Submit reads, validates and stores an upload as a batch, and wakes the
// workers. A file that cannot be used at all is an error (invalid,
// too_large, unsupported) whose Details carry the sheet's code; problems of
// single rows are stored with the batch. A dry run is stored finished.
func (s *Service) Submit(ctx context.Context, u Upload) (*credential.Batch, error) {
	l := Lang(u.Lang)
	if u.Language != "" && !lang.Valid(u.Language) {
		return nil, credential.Errorf(credential.CodeInvalid, "language must be kk, ru or en, not %q", u.Language)
	}
	if strings.TrimSpace(u.Program) == "" {
		return nil, &credential.Error{Code: credential.CodeInvalid, Message: "program (the registration number) is required",
			Details: []credential.Detail{{Field: "program", Message: "program is required"}}}
	}
	if err := s.issuer.Ready(ctx); err != nil {
		return nil, err
	}
	prog, err := s.store.Program(ctx, u.Program, 0)
	if err != nil {
		return nil, err
	}
	if err := prog.IssuableAt(s.now()); err != nil {
		return nil, err
	}
	select {
	case s.parse <- struct{}{}:
		defer func() { <-s.parse }()
	case <-ctx.Done():
		return nil, fmt.Errorf("batch: waiting to read the upload: %w", ctx.Err())
	}
	res, prev, err := s.read(ctx, u, prog, l)
	if err != nil {
		return nil, err
	}
	reqs := make([]issuer.Request, len(res.Rows))
	for i := range res.Rows {
		reqs[i] = request(prog.RegistrationNumber, &res.Rows[i], u.Language)
		if u.NoNotify {
			reqs[i].Notify = new(false)
		}
		reqs[i].ReissueChanged = u.Reissue
	}
	plan, err := s.issuer.Check(ctx, prog.RegistrationNumber, reqs)
	if err != nil {
		return nil, err
	}
	keyOf, planOf := make([]string, len(reqs)), make([]int, len(reqs))
	for k, j := range plan.Index {
		keyOf[j], planOf[j] = plan.Keys[k], k
	}
	var existing map[string]*credential.Record
	if u.DryRun {
		if existing, err = s.store.ExistingAwardRecords(ctx, plan.Keys); err != nil {
			return nil, err
		}
	}

	b := &credential.Batch{ID: uuid.NewString(), Program: prog.RegistrationNumber, Status: credential.BatchQueued, DryRun: u.DryRun,
		Lang: string(l), Filename: baseName(u.Filename), Format: describeFormat(res), Header: res.Header, Columns: res.Columns, Total: res.Total}
	if prev != nil {
		if b.Filename == "" {
			b.Filename = prev.Filename
		}
		b.Format = prev.Format
	}
	problems := map[int][]credential.BatchProblem{}
	for _, p := range res.Problems {
		if p.Code == sheet.CodeUnknownColumn {
			b.Warnings = append(b.Warnings, credential.BatchProblem{Row: p.Row, Column: p.Column, Code: p.Code, Message: p.Message})
			continue
		}
		problems[p.Row] = append(problems[p.Row], credential.BatchProblem{Column: p.Column, Code: p.Code, Message: p.Message})
	}
	rows := make([]credential.BatchRow, 0, res.Total)
	pending := 0
	for j := range res.Rows {
		r := &res.Rows[j]
		br := credential.BatchRow{Row: r.Number, StudentID: r.StudentID, HolderName: reqs[j].HolderName(), Cells: r.Cells}
		switch {
		case plan.Errs[j] != nil:
			br.State, br.Errors = credential.RowFailed, issuerProblems(plan.Errs[j], &reqs[j], res.Columns, l)
		case u.DryRun:
			br.AwardKey = keyOf[j]
			if !u.Keep {
				br.Cells = nil
			}
			if rec, ok := existing[keyOf[j]]; ok {
				// A row that says something else than the credential issued
				// for its award is a correction: confirming reissues it.
				br.State, br.CredentialID = credential.RowSkipped, rec.ID
				if plan.Changed(planOf[j], rec) {
					br.State = credential.RowReissue
				}
			} else {
				br.State = credential.RowValid
			}
		default:
			br.State, br.AwardKey = credential.RowPending, keyOf[j]
			if br.Request, err = json.Marshal(reqs[j]); err != nil {
				return nil, fmt.Errorf("batch: encode row %d: %w", r.Number, err)
			}
			pending++
		}
		rows = append(rows, br)
	}
	idCol := indexOf(res.Header, res.Columns[sheet.ColStudentID])
	for _, r := range res.Rejected {
		br := credential.BatchRow{Row: r.Row, State: credential.RowFailed, Cells: r.Cells, Errors: problems[r.Row]}
		if idCol >= 0 && idCol < len(r.Cells) {
			br.StudentID = strings.TrimSpace(r.Cells[idCol])
		}
		rows = append(rows, br)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].Row < rows[j].Row })
	if w := capCells(rows, l); w != nil {
		b.Warnings = append(b.Warnings, *w)
	}
	for _, r := range rows {
		switch r.State {
		case credential.RowFailed:
			b.Failed++
			b.Processed++
		case credential.RowSkipped:
			b.Skipped++
			b.Processed++
		case credential.RowValid, credential.RowReissue:
			b.Processed++
		}
	}
	if pending == 0 {
		b.Status = credential.BatchDone
	}
	if err := s.store.CreateBatch(ctx, b, rows); err != nil {
		return nil, err
	}
	if pending > 0 {
		s.Wake()
	}
	s.log.InfoContext(ctx, "batch stored", "batch", b.ID, "program", b.Program, "rows", b.Total, "pending", pending,
		"failed", b.Failed, "dry_run", b.DryRun)
	return b, nil
}

// Wake tells an idle worker of this instance to look for work now.
func (s *Service) Wake() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Batch returns a batch.
func (s *Service) Batch(ctx context.Context, id string) (*credential.Batch, error) {
	return s.store.Batch(ctx, id)
}

// List returns a page of batches, newest first (see store.Store.Batches).
func (s *Service) List(ctx context.Context, f credential.BatchFilter) (*credential.BatchPage, error) {
	return s.store.Batches(ctx, f)
}

// Rows calls fn for the batch's rows in row order.
func (s *Service) Rows(ctx context.Context, id string, f credential.BatchRowFilter, fn func(*credential.BatchRow) error) error {
	return s.store.BatchRows(ctx, id, f, fn)
}

// sheetOptions describes the program to the importer: a microqualification
// requires its non-optional competencies and a decision date; other kinds
// take whatever grades are given.
func (s *Service) sheetOptions(p *credential.Program, l lang.Tag) sheet.Options {
	opt := sheet.Options{RequireDecisionDate: p.Kind == credential.KindMicroqualification, Scale: sheetScale{s.issuer.Identity().Scale},
		Lang: string(l), MaxRows: s.cfg.MaxRows, MaxBytes: s.cfg.MaxBytes, Now: s.now, KeepCells: true}
	for _, c := range p.Competencies {
		if c.Optional || p.Kind != credential.KindMicroqualification {
			opt.OptionalCompetencies = append(opt.OptionalCompetencies, c.Code)
		} else {
			opt.Competencies = append(opt.Competencies, c.Code)
		}
	}
	return opt
}

// sheetScale adapts the issuer's grade scale to the importer, which wants
// a letter's percent in 0..100: a letter reads as its band's lower bound
// (the request then carries the letter alone, as written).
type sheetScale struct{ credential.GradeScale }

func (s sheetScale) Parse(raw string) (float64, string, error) {
	p, l, err := s.GradeScale.Parse(raw)
	if err == nil && p < 0 {
		if b, ok := s.Band(l); ok {
			p = b.Min
		}
	}
	return p, l, err
}

// request turns a valid row into an issuance request.
func request(regno string, r *sheet.Row, language string) issuer.Request {
	req := issuer.Request{Program: regno, StudentID: r.StudentID, FamilyName: r.FamilyName, GivenName: r.GivenName,
		Patronymic: r.Patronymic, Email: r.Email, IIN: r.IIN, DateFrom: r.DateFrom.Format(time.DateOnly),
		DateTo: r.DateTo.Format(time.DateOnly), Language: r.Language, Hours: r.Hours, Credits: r.Credits,
		Department: r.Department, Position: r.Position}
	if req.Language == "" {
		req.Language = language
	}
	if !r.DecisionDate.IsZero() {
		req.DecisionDate = r.DecisionDate.Format(time.DateOnly)
	}
	if len(r.Grades) > 0 {
		req.Grades = make(map[string]any, len(r.Grades))
		for code, g := range r.Grades {
			if g.FromLetter {
				req.Grades[code] = g.Letter
			} else {
				req.Grades[code] = g.Percent
			}
		}
	}
	return req
}

// fileError maps a sheet file-level error to the error vocabulary: the
// message stays the sheet's (in the request's language), the sheet's code
// goes into the details.
func fileError(err error) error {
	var se *sheet.Error
	if !errors.As(err, &se) {
		return err
	}
	d := credential.Detail{Code: se.Code, Message: se.Message}
	if len(se.Columns) > 0 {
		d.Column = strings.Join(se.Columns, ", ")
	}
	return &credential.Error{Code: se.APICode(), Message: se.Message, Details: []credential.Detail{d}, Err: err}
}

// describeFormat says how the file was read, e.g. "csv utf-16le tab" or,
// for a workbook, its format and sheet: "xls Когорта".
func describeFormat(res *sheet.Result) string {
	if res.Sheet != "" {
		return res.Format + " " + res.Sheet
	}
	sep := map[rune]string{',': "comma", ';': "semicolon", '\t': "tab"}[res.Delimiter]
	return strings.TrimSpace(res.Format + " " + res.Encoding + " " + sep)
}

func baseName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	if r := []rune(name); len(r) > 200 {
		name = string(r[:200])
	}
	return name
}

func indexOf(xs []string, x string) int {
	if x == "" {
		return -1
	}
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

// capCells cuts what the rows keep of their cells to the store's limits: a
// cell to credential.MaxBatchCellBytes (ending in "…"), a row to
// credential.MaxBatchRowCells cells and credential.MaxBatchRowBytes, the batch to
// credential.MaxBatchBytes, after which rows keep no cells (errors.csv still
// lists them with their problems). It returns a warning naming the first
// row that kept no cells, if any.
func capCells(rows []credential.BatchRow, l lang.Tag) *credential.BatchProblem {
	total := 0
	var warn *credential.BatchProblem
	for i := range rows {
		r := &rows[i]
		if len(r.Cells) == 0 {
			continue
		}
		if warn != nil {
			r.Cells = nil
			continue
		}
		cells := r.Cells[:min(len(r.Cells), credential.MaxBatchRowCells)]
		out := make([]string, len(cells))
		n := 0
		for j, c := range cells {
			if len(c) > credential.MaxBatchCellBytes {
				c = cutText(c, credential.MaxBatchCellBytes)
			}
			if n+len(c) > credential.MaxBatchRowBytes {
				c = ""
			}
			out[j], n = c, n+len(c)
		}
		if total+n > credential.MaxBatchBytes {
			r.Cells = nil
			warn = &credential.BatchProblem{Row: r.Row, Code: "cells_not_kept", Message: l.T(lang.BatchCellsNotKept, r.Row, credential.MaxBatchBytes>>20)}
			continue
		}
		total += n
		r.Cells = out
	}
	return warn
}

// cutText cuts s to at most n bytes at a character boundary, ending it
// with "…".
func cutText(s string, n int) string {
	n -= len("…")
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
