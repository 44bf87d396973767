package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// ConsoleStore is what the console's pages read besides Store: cheap
// counts, the credential search with its total, the latest actions, and
// a program's versions.
type ConsoleStore interface {
	CredentialCounts(ctx context.Context, since time.Time) (recent, total int, err error)
	SearchCredentials(ctx context.Context, f credential.CredentialSearch) ([]*credential.Record, int, error)
	RecentAudit(ctx context.Context, limit int) ([]credential.AuditEntry, error)
	ProgramVersions(ctx context.Context, regno string) ([]*credential.Program, error)
}

// Dashboard limits: how many batches and actions it lists, and how far
// ahead it looks for programs whose approval lapses (sec. 4.13).
const (
	dashboardBatches = 50
	dashboardActions = 10
	expiringWithin   = 90 * 24 * time.Hour
)

type dashBatch struct {
	ID, Program, File, Status, StatusLabel, Created string
	Processed, Total, Failed                        int
}

type dashAction struct {
	At, Actor, Action, Reason, Href, Object string
}

type dashProgram struct {
	RegNo, Name, Until string
	Days               int
}

type dashboardView struct {
	consoleData
	Month, Total int
	MonthLabel   string
	Batches      []dashBatch
	Actions      []dashAction
	Expiring     []dashProgram
	Until        string
}

// consolePage is the console's landing page: credentials issued this
// month and in all, batches running or with problems, the latest actions,
// and active programs whose validity ends within 90 days.
func (s *Server) consolePage(c *gin.Context) {
	l := s.lang(c)
	ctx := c.Request.Context()
	p := principalOf(c)
	v := dashboardView{consoleData: s.console(c, lang.ConsoleNavDashboard, SectionDashboard, "chome"), Until: p.SessionExpires.Format("02.01.2006 15:04 MST")}
	now := s.now().UTC()
	monthStart := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	v.MonthLabel = l.T(lang.Key("chome.month_" + now.Format("01")))
	var err error
	if v.Month, v.Total, err = s.store.CredentialCounts(ctx, monthStart); err != nil {
		s.consoleFail(c, err)
		return
	}
	page, err := s.batches.List(ctx, credential.BatchFilter{Limit: dashboardBatches})
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	for _, b := range page.Batches {
		if b.DryRun {
			continue
		}
		if b.Status == credential.BatchQueued || b.Status == credential.BatchRunning || b.Status == credential.BatchFailed || b.Failed > 0 {
			v.Batches = append(v.Batches, dashBatch{ID: b.ID, Program: b.Program, File: b.Filename, Status: b.Status,
				StatusLabel: l.T(lang.Key("chome.batch_" + b.Status)), Created: b.CreatedAt.Format("02.01.2006 15:04"),
				Processed: b.Processed, Total: b.Total, Failed: b.Failed})
		}
	}
	if credential.AtLeast(p.Role, credential.RoleRegistrar) {
		entries, err := s.store.RecentAudit(ctx, dashboardActions)
		if err != nil {
			s.consoleFail(c, err)
			return
		}
		for _, e := range entries {
			a := dashAction{At: e.At.Format("02.01.2006 15:04"), Actor: actorLabel(l, e.Actor), Action: auditLabel(l, e.Action), Reason: e.Reason}
			// Objects with a console page are linked; the others (users,
			// tokens, keys) are named by the action alone.
			switch e.ObjectType {
			case "credential":
				a.Href, a.Object = "/console/credentials/"+e.ObjectID, e.ObjectID
			case "program":
				a.Href, a.Object = "/console/programs/"+e.ObjectID, e.ObjectID
			case "batch":
				a.Href, a.Object = "/console/batches/"+e.ObjectID, e.ObjectID
			}
			v.Actions = append(v.Actions, a)
		}
	}
	ps, err := s.store.Programs(ctx, "", credential.ProgramActive)
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	today := now.Format(time.DateOnly)
	horizon := now.Add(expiringWithin).Format(time.DateOnly)
	for _, p := range ps {
		if p.ValidUntil == "" || p.ValidUntil < today || p.ValidUntil > horizon {
			continue
		}
		until, _ := time.Parse(time.DateOnly, p.ValidUntil)
		v.Expiring = append(v.Expiring, dashProgram{RegNo: p.RegistrationNumber, Name: p.Name.Get(string(l)), Until: isoToDate(p.ValidUntil),
			Days: int(until.Sub(time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)).Hours() / 24)})
	}
	s.render(c, http.StatusOK, "console", v)
}
