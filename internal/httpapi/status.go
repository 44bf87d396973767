package httpapi

import (
	"context"
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/sheet"
)

// StatusStore is what the status endpoints need of the store.
type StatusStore interface {
	ChangeStatus(ctx context.Context, id, action, reason string) (*credential.Record, error)
	StatusListVersion(ctx context.Context, list int) (string, error)
	StatusListIndexes(ctx context.Context, list int, status string) ([]int, error)
	AuditLog(ctx context.Context, f credential.AuditFilter) ([]credential.AuditEntry, error)
}

// StatusSigner signs status list credentials valid until until.
type StatusSigner interface {
	StatusListCredential(purpose string, list, size int, set []int, until time.Time) (string, error)
	// StatusListDocument signs the list with a Data Integrity proof, as JSON.
	StatusListDocument(purpose string, list, size int, set []int, until time.Time) ([]byte, error)
}

// statusListWindow is how often a status list is re-signed: a list signed
// in a window is valid until two windows after its start, so a list served
// always has at least one window (12 h) to run. Windows are aligned on the
// clock, so every instance sharing the database re-signs in step and
// serves the same ETag; nothing assumes one process.
const statusListWindow = issuer.StatusListLifetime / 2

// statusLists caches signed status lists by version and window.
type statusLists struct {
	mu    sync.Mutex
	cache map[string]cachedList
}

type cachedList struct {
	version string
	window  time.Time
	jws     string
	doc     []byte // the Data Integrity form
}

// wantsJSONList reports whether a status list request asks for the JSON
// form (Data Integrity) rather than the VC-JWT.
func wantsJSONList(c *gin.Context) bool {
	a := strings.ToLower(c.GetHeader("Accept"))
	if strings.Contains(a, "jwt") {
		return false
	}
	for _, t := range []string{"application/json", "application/ld+json", "application/vc", "application/vc+ld+json"} {
		if strings.Contains(a, t) {
			return true
		}
	}
	return false
}

func (s *Server) statusRoutes(api *gin.RouterGroup) {
	small := s.limitBody(s.cfg.MaxBodyBytes)
	registrar := s.authenticate(credential.RoleRegistrar)
	api.POST("/credentials/:id/revoke", registrar, small, s.changeStatus(credential.Revoke))
	api.POST("/credentials/:id/suspend", registrar, small, s.changeStatus(credential.Suspend))
	api.POST("/credentials/:id/reinstate", registrar, small, s.changeStatus(credential.Reinstate))
	api.GET("/audit", s.authenticate(credential.RoleAdmin), s.auditLog)
	s.engine.GET("/status/:list", s.statusList)
}

func (s *Server) changeStatus(action string) gin.HandlerFunc {
	return func(c *gin.Context) {
		var body struct {
			Reason string `json:"reason"`
		}
		if err := bindJSON(c, &body); err != nil {
			s.fail(c, err)
			return
		}
		r, err := s.statusStore.ChangeStatus(c.Request.Context(), credID(c.Param("id")), action, body.Reason)
		if err != nil {
			s.fail(c, err)
			return
		}
		s.metrics.statusChanges.WithLabelValues(action).Inc()
		c.JSON(http.StatusOK, s.out(r, false, false))
	}
}

// statusList serves /status/{purpose}-{n} as a signed VC-JWT, with an ETag
// that changes only when a credential of the list changes status or the
// list is re-signed (every statusListWindow, before it lapses), so a CDN
// can carry verification traffic.
func (s *Server) statusList(c *gin.Context) {
	name := c.Param("list")
	purpose, num, ok := strings.Cut(name, "-")
	n, err := strconv.Atoi(num)
	var flag string
	switch purpose {
	case "revocation":
		flag = credential.StatusRevoked
	case "suspension":
		flag = credential.StatusSuspended
	}
	if !ok || err != nil || n < 1 || flag == "" {
		s.fail(c, credential.Errorf(credential.CodeNotFound, "no status list %q (lists are named revocation-N or suspension-N)", name))
		return
	}
	ctx := c.Request.Context()
	version, err := s.statusStore.StatusListVersion(ctx, n)
	if err != nil {
		s.fail(c, err)
		return
	}
	window := s.now().UTC().Truncate(statusListWindow)
	asJSON := wantsJSONList(c)
	etag := `"` + purpose + "-" + version + "-" + strconv.FormatInt(window.Unix(), 10) + `"`
	if asJSON {
		etag = `"` + purpose + "-" + version + "-" + strconv.FormatInt(window.Unix(), 10) + `-di"`
	}
	c.Header("Vary", "Accept")
	c.Header("ETag", etag)
	c.Header("Cache-Control", "public, max-age=60, must-revalidate")
	if match := c.GetHeader("If-None-Match"); match != "" && strings.Contains(match, etag) {
		c.Status(http.StatusNotModified)
		return
	}
	s.lists.mu.Lock()
	cached, hit := s.lists.cache[name]
	s.lists.mu.Unlock()
	if !hit || cached.version != version || !cached.window.Equal(window) || (asJSON && cached.doc == nil) || (!asJSON && cached.jws == "") {
		idx, err := s.statusStore.StatusListIndexes(ctx, n, flag)
		if err != nil {
			s.fail(c, err)
			return
		}
		if !hit || cached.version != version || !cached.window.Equal(window) {
			cached = cachedList{version: version, window: window}
		}
		if asJSON {
			cached.doc, err = s.statusSigner.StatusListDocument(purpose, n, credential.StatusListSize, idx, window.Add(2*statusListWindow))
		} else {
			cached.jws, err = s.statusSigner.StatusListCredential(purpose, n, credential.StatusListSize, idx, window.Add(2*statusListWindow))
		}
		if err != nil {
			s.fail(c, err)
			return
		}
		s.lists.mu.Lock()
		s.lists.cache[name] = cached
		s.lists.mu.Unlock()
	}
	if asJSON {
		ct := MediaTypeJSON
		if strings.Contains(c.GetHeader("Accept"), MediaTypeJSONLD) {
			ct = MediaTypeJSONLD
		}
		c.Data(http.StatusOK, ct, cached.doc)
		return
	}
	c.Data(http.StatusOK, MediaTypeJWT, []byte(cached.jws))
}

// auditLog lists the audit trail (admin), as JSON or CSV.
func (s *Server) auditLog(c *gin.Context) {
	f := credential.AuditFilter{ObjectType: c.Query("object_type"), ObjectID: c.Query("object_id"), Action: c.Query("action")}
	var err error
	if v := c.Query("from"); v != "" {
		if f.From, err = time.Parse(time.DateOnly, v); err != nil {
			s.fail(c, credential.Errorf(credential.CodeInvalid, "from must be a date YYYY-MM-DD"))
			return
		}
	}
	if v := c.Query("to"); v != "" {
		t, err := time.Parse(time.DateOnly, v)
		if err != nil {
			s.fail(c, credential.Errorf(credential.CodeInvalid, "to must be a date YYYY-MM-DD"))
			return
		}
		f.To = t.AddDate(0, 0, 1)
	}
	f.AfterID, _ = strconv.ParseInt(c.DefaultQuery("after", "0"), 10, 64)
	f.Limit, _ = strconv.Atoi(c.DefaultQuery("limit", "1000"))
	entries, err := s.statusStore.AuditLog(c.Request.Context(), f)
	if err != nil {
		s.fail(c, err)
		return
	}
	if c.Query("format") == "csv" {
		c.Header("Content-Type", "text/csv; charset=utf-8")
		c.Header("Content-Disposition", `attachment; filename="audit.csv"`)
		w := csv.NewWriter(c.Writer)
		_ = w.Write([]string{"id", "at", "actor", "action", "object_type", "object_id", "reason", "details"})
		for _, e := range entries {
			// Reasons and identifiers are free text: no cell may start a formula.
			_ = w.Write(sheet.SafeRecord([]string{strconv.FormatInt(e.ID, 10), e.At.Format(time.RFC3339Nano), e.Actor, e.Action,
				e.ObjectType, e.ObjectID, e.Reason, string(e.Details)}))
		}
		w.Flush()
		return
	}
	if entries == nil {
		entries = []credential.AuditEntry{}
	}
	c.JSON(http.StatusOK, gin.H{"entries": entries})
}
