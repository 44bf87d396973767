package httpapi

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/teachhub"
)

// TeachHub is what the participant-card endpoints need (package teachhub
// implements it).
type TeachHub interface {
	Enrol(ctx context.Context, e teachhub.Enrolment) (*credential.Card, error)
	Import(ctx context.Context, program, stream string, r io.Reader, filename, contentType, lang string) (*teachhub.ImportResult, error)
	CheckImport(ctx context.Context, program, stream string, r io.Reader, filename, contentType, lang string) (*teachhub.ImportResult, error)
	EnrolAll(ctx context.Context, program, stream string, es []teachhub.Enrolment) (*teachhub.ImportResult, error)
	Card(ctx context.Context, id string) (*credential.Card, error)
	Cards(ctx context.Context, f credential.CardFilter) ([]*credential.Card, error)
	Update(ctx context.Context, id, role string, patch []byte) (*credential.Card, error)
	Transition(ctx context.Context, id, role string, tr credential.CardTransition) (*credential.Card, error)
	Report(ctx context.Context, f credential.ReportFilter, l lang.Tag) (*credential.CardReport, error)
	Missing(ctx context.Context, c *credential.Card) ([]credential.Detail, error)
	Streams(ctx context.Context, program string) ([]credential.Stream, error)
	SetStreamPeriod(ctx context.Context, program, stream string, p credential.Period) error
	Departments(ctx context.Context) ([]string, error)
	Counts(ctx context.Context, program string) (map[string]int, error)
}

// Recognizer tells the recognition state of a completion record.
type Recognizer interface {
	Recognition(ctx context.Context, credID string) (*teachhub.Recognition, error)
}

// RecognitionAnnotator shows a TeachHub or non-formal completion record's
// card status and recognition (recognized SB, decision date and number) on
// the credential page and under annotations.recognition in verification
// results. Credentials no card issued get no annotation.
func RecognitionAnnotator(r Recognizer) Annotator {
	return func(ctx context.Context, rec *credential.Record) ([]Annotation, error) {
		// Only TeachHub and non-formal programs have cards: spare every
		// microcertificate verification the look-up.
		if p := rec.ProgramRegNo; strings.HasPrefix(p, credential.RegNoPrefix(credential.KindMicroqualification)+"-") {
			return nil, nil
		}
		rg, err := r.Recognition(ctx, rec.ID)
		if err != nil || rg == nil {
			return nil, err
		}
		return []Annotation{{Key: "recognition", Value: rg, Label: lang.PageRecognition,
			Text: func(l lang.Tag) string { return recognitionText(l, rg) }}}, nil
	}
}

// recognitionText says where a card stands in recognition, in l.
func recognitionText(l lang.Tag, r *teachhub.Recognition) string {
	if r.Recognized && r.RecognizedSB != nil {
		date := r.DecisionDate
		if len(date) == 10 {
			date = date[8:10] + "." + date[5:7] + "." + date[0:4]
		}
		return l.T(lang.PageRecognized, credential.FormatSB(*r.RecognizedSB), r.DecisionNumber, date)
	}
	sb := credential.FormatSB(r.SB)
	switch r.Status {
	case credential.CardSubmitted:
		return l.T(lang.PageRecSubmitted, sb)
	case credential.CardRejected:
		return l.T(lang.PageRecRejected)
	default:
		return l.T(lang.PageRecCompleted, sb)
	}
}

// teachhubRoutes registers the participant-card endpoints: coordinators
// enrol and edit (and move cards as credential.CardTransitionRoles allows),
// viewers read and report.
func (s *Server) teachhubRoutes(api *gin.RouterGroup) {
	small, upload := s.limitBody(s.cfg.MaxBodyBytes), s.limitBody(s.cfg.MaxUploadBytes)
	viewer, coordinator := s.authenticate(credential.RoleViewer), s.authenticate(credential.RoleCoordinator)
	g := api.Group("/teachhub")
	g.POST("/cards", coordinator, small, s.enrolCard)
	g.POST("/cards/import", coordinator, s.limitUpload(), upload, s.importCards)
	g.GET("/cards", viewer, s.listCards)
	g.GET("/cards/:id", viewer, s.getCard)
	g.PATCH("/cards/:id", coordinator, small, s.updateCard)
	g.POST("/cards/:id/transition", coordinator, small, s.transitionCard)
	g.GET("/report", viewer, s.teachhubReport)
	g.GET("/streams", viewer, s.listStreams)
	g.PUT("/streams", coordinator, small, s.putStream)
}

// streamPeriod is the body of PUT /api/v1/teachhub/streams.
type streamPeriod struct {
	Program  string `json:"program"`
	Stream   string `json:"stream"`
	DateFrom string `json:"date_from"`
	DateTo   string `json:"date_to"`
}

func (s *Server) listStreams(c *gin.Context) {
	streams, err := s.teachhub.Streams(c.Request.Context(), c.Query("program"))
	if err != nil {
		s.fail(c, err)
		return
	}
	if streams == nil {
		streams = []credential.Stream{}
	}
	c.JSON(http.StatusOK, gin.H{"program": c.Query("program"), "streams": streams})
}

func (s *Server) putStream(c *gin.Context) {
	var sp streamPeriod
	if err := bindJSON(c, &sp); err != nil {
		s.fail(c, err)
		return
	}
	p := credential.Period{From: sp.DateFrom, To: sp.DateTo}
	if err := s.teachhub.SetStreamPeriod(c.Request.Context(), sp.Program, sp.Stream, p); err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, sp)
}

func (s *Server) enrolCard(c *gin.Context) {
	var e teachhub.Enrolment
	if err := bindJSON(c, &e); err != nil {
		s.fail(c, err)
		return
	}
	card, err := s.teachhub.Enrol(c.Request.Context(), e)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Location", "/api/v1/teachhub/cards/"+card.ID)
	c.JSON(http.StatusCreated, card)
}

// importCards enrols the staff of a spreadsheet: a multipart "file" (with
// "program" and "stream" form fields or query parameters) or the body
// itself with its Content-Type.
func (s *Server) importCards(c *gin.Context) {
	program, stream := c.Query("program"), c.Query("stream")
	var (
		body        io.Reader
		name, ctype string
	)
	if strings.HasPrefix(c.ContentType(), "multipart/") {
		fh, err := c.FormFile("file")
		if err != nil {
			s.fail(c, credential.Wrap(credential.CodeInvalid, err, "send the spreadsheet as a multipart field \"file\""))
			return
		}
		f, err := fh.Open()
		if err != nil {
			s.fail(c, err)
			return
		}
		defer f.Close()
		body, name, ctype = f, fh.Filename, fh.Header.Get("Content-Type")
		if v := c.PostForm("program"); v != "" {
			program = v
		}
		if v := c.PostForm("stream"); v != "" {
			stream = v
		}
		from, to := c.PostForm("date_from"), c.PostForm("date_to")
		if (from != "" || to != "") && c.PostForm("dry_run") != "true" && c.Query("dry_run") != "true" {
			p := credential.Period{From: from, To: to}
			if err := s.teachhub.SetStreamPeriod(c.Request.Context(), program, strings.TrimSpace(stream), p); err != nil {
				s.fail(c, err)
				return
			}
		}
	} else {
		body, name, ctype = c.Request.Body, c.Query("filename"), c.ContentType()
	}
	read := s.teachhub.Import
	if c.Query("dry_run") == "true" || c.PostForm("dry_run") == "true" {
		read = s.teachhub.CheckImport
	}
	res, err := read(c.Request.Context(), program, strings.TrimSpace(stream), body, name, ctype, string(s.lang(c)))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, res)
}

func (s *Server) listCards(c *gin.Context) {
	limit, errL := strconv.Atoi(c.DefaultQuery("limit", "100"))
	offset, errO := strconv.Atoi(c.DefaultQuery("offset", "0"))
	if errL != nil || errO != nil || limit < 1 || limit > 1000 || offset < 0 {
		s.fail(c, credential.Errorm(credential.CodeInvalid, lang.TeachHubLimits))
		return
	}
	cards, err := s.teachhub.Cards(c.Request.Context(), credential.CardFilter{Program: c.Query("program"), Status: c.Query("status"),
		Department: c.Query("department"), StaffID: c.Query("staff_id"), Query: c.Query("q"), Stream: c.Query("stream"),
		Kind: c.Query("kind"), Limit: limit, Offset: offset})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"cards": cards, "limit": limit, "offset": offset})
}

func (s *Server) getCard(c *gin.Context) {
	card, err := s.teachhub.Card(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, card)
}

func (s *Server) updateCard(c *gin.Context) {
	body, err := io.ReadAll(c.Request.Body)
	if err != nil {
		s.fail(c, err)
		return
	}
	card, err := s.teachhub.Update(c.Request.Context(), c.Param("id"), c.GetString(ctxRole), body)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, card)
}

func (s *Server) transitionCard(c *gin.Context) {
	var tr credential.CardTransition
	if err := bindJSON(c, &tr); err != nil {
		s.fail(c, err)
		return
	}
	card, err := s.teachhub.Transition(c.Request.Context(), c.Param("id"), c.GetString(ctxRole), tr)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, card)
}

// teachhubReport answers the HR summary list as JSON, CSV or XLSX in the
// request's language, filtered by period, department, status and kind.
func (s *Server) teachhubReport(c *gin.Context) {
	format := c.DefaultQuery("format", "json")
	if format != "json" && format != "csv" && format != "xlsx" {
		s.fail(c, credential.Errorm(credential.CodeInvalid, lang.TeachHubFormatFilter))
		return
	}
	f := credential.ReportFilter{From: c.Query("from"), To: c.Query("to"), Department: c.Query("department"),
		Status: c.Query("status"), Kind: c.Query("kind")}
	rep, err := s.teachhub.Report(c.Request.Context(), f, s.lang(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	if format == "json" {
		c.JSON(http.StatusOK, rep)
		return
	}
	s.reportFile(c, rep, format)
}

// reportFile sends the report as a CSV or XLSX download.
func (s *Server) reportFile(c *gin.Context, rep *credential.CardReport, format string) {
	var b bytes.Buffer
	write, ctype := teachhub.WriteReportCSV, "text/csv; charset=utf-8"
	if format == "xlsx" {
		write, ctype = teachhub.WriteReportXLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	if err := write(&b, rep); err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Content-Disposition", `attachment; filename="`+teachhub.ReportFileName(rep)+`.`+format+`"`)
	c.Data(http.StatusOK, ctype, b.Bytes())
}
