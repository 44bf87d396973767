package httpapi

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/account"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// Keys lists and rotates the issuer's signing keys; their private halves
// stay in the key store.
type Keys interface {
	Keys(ctx context.Context) ([]credential.KeyInfo, error)
	Rotate(ctx context.Context) (*credential.KeyInfo, error)
}

// keyRefreshNote is how soon other instances follow a rotation (the app's
// KeyRefresh), said on the confirmation page.
const keyRefreshNote = 30 * time.Second

// auditPage is how many audit entries one page shows.
const auditPage = 50

// consoleAdminRoutes registers the console's pages for administration:
// users, API tokens, signing keys and the audit trail. Each change goes
// through the same account service as the API, which writes it to the
// audit trail.
func (s *Server) consoleAdminRoutes(g *gin.RouterGroup) {
	small := s.limitBody(s.cfg.MaxBodyBytes)
	admin := g.Group("/admin", s.need(credential.RoleAdmin))
	admin.GET("", s.adminIndex)
	admin.GET("/users", s.adminUsers)
	admin.POST("/users", small, s.adminInvite)
	admin.GET("/users/:id", s.adminUser)
	admin.POST("/users/:id", small, s.adminUserSave)
	admin.POST("/users/:id/link", small, s.adminUserLink)
	admin.GET("/tokens", s.adminTokens)
	admin.GET("/tokens/:id/revoke", s.adminTokenRevokeConfirm)
	admin.POST("/tokens/:id/revoke", small, s.adminTokenRevoke)
	admin.GET("/keys", s.adminKeys)
	admin.GET("/keys/rotate", s.adminKeysRotateConfirm)
	admin.POST("/keys/rotate", small, s.adminKeysRotate)
	admin.GET("/audit", s.adminAudit)
}

func (s *Server) adminData(c *gin.Context, title lang.Key) consoleData {
	return s.console(c, title, SectionAdmin, "cadmin")
}

func (s *Server) adminIndex(c *gin.Context) {
	s.render(c, http.StatusOK, "console_admin_index", s.adminData(c, lang.ConsoleAdminTitle))
}

// userRow is a user as the list shows it.
type userRow struct {
	account.User
	RoleLabel, State, StateClass string
}

type adminUsersView struct {
	consoleData
	Users []userRow
	Roles []nameValue
	// The invitation form, when it comes back with an error.
	Form   account.NewUser
	Errors map[string]string
	Alert  string
	// Link is a one-time setup link just issued, shown once.
	Link *linkOut
}

func (s *Server) roleOptions(l lang.Tag) []nameValue {
	var out []nameValue
	for _, r := range credential.Roles() {
		out = append(out, nameValue{Name: l.T(lang.Key("account.role_" + r)), Value: r})
	}
	return out
}

func (s *Server) userRows(ctx context.Context, l lang.Tag) ([]userRow, error) {
	us, err := s.accounts.Users(ctx)
	if err != nil {
		return nil, err
	}
	rows := make([]userRow, len(us))
	for i, u := range us {
		r := userRow{User: u, RoleLabel: l.T(lang.Key("account.role_" + u.Role)), State: l.T(lang.ConsoleAdminActive), StateClass: "ok"}
		switch {
		case u.Disabled:
			r.State, r.StateClass = l.T(lang.ConsoleAdminDisabled), "bad"
		case !u.HasPassword():
			r.State, r.StateClass = l.T(lang.ConsoleAdminAwaitingPassword), "warn"
		}
		rows[i] = r
	}
	return rows, nil
}

func (s *Server) renderUsers(c *gin.Context, status int, v adminUsersView) {
	l := s.lang(c)
	rows, err := s.userRows(c.Request.Context(), l)
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	v.Users, v.Roles = rows, s.roleOptions(l)
	if v.Form.Role == "" {
		v.Form.Role = credential.RoleViewer
	}
	s.render(c, status, "console_admin_users", v)
}

func (s *Server) adminUsers(c *gin.Context) {
	s.renderUsers(c, http.StatusOK, adminUsersView{consoleData: s.adminData(c, lang.ConsoleAdminUsers)})
}

// fieldErrors turns a domain error into messages by form field, in the
// page's language; what names no field goes to the alert.
func fieldErrors(l lang.Tag, err error) (map[string]string, string) {
	msg, details := credential.Localize(err, l)
	out := map[string]string{}
	for _, d := range details {
		if d.Field != "" {
			out[d.Field] = d.Message
		}
	}
	if len(out) == 0 {
		return out, msg
	}
	return out, ""
}

func (s *Server) adminInvite(c *gin.Context) {
	nu := account.NewUser{Email: strings.TrimSpace(c.PostForm("email")), Name: c.PostForm("name"), Role: c.PostForm("role"), Department: c.PostForm("department")}
	u, link, err := s.accounts.Invite(c.Request.Context(), nu)
	v := adminUsersView{consoleData: s.adminData(c, lang.ConsoleAdminUsers), Form: nu}
	if err != nil {
		if !isClientError(err) {
			s.consoleFail(c, err)
			return
		}
		v.Errors, v.Alert = fieldErrors(s.lang(c), err)
		s.renderUsers(c, statusOf(credential.ErrorCode(err)), v)
		return
	}
	out := s.link(u, link)
	v.Link, v.Form = &out, account.NewUser{}
	c.Header("Cache-Control", "no-store")
	s.renderUsers(c, http.StatusCreated, v)
}

// isClientError reports errors the person can fix in the form.
func isClientError(err error) bool { return statusOf(credential.ErrorCode(err)) < 500 }

type adminUserView struct {
	consoleData
	Subject *account.User
	Roles   []nameValue
	Errors  map[string]string
	Alert   string
	Self    bool
	Link    *linkOut
}

func (s *Server) adminUserView(c *gin.Context, u *account.User) adminUserView {
	p := principalOf(c)
	return adminUserView{consoleData: s.adminData(c, lang.ConsoleAdminUsers), Subject: u, Roles: s.roleOptions(s.lang(c)),
		Self: p != nil && p.User != nil && p.User.ID == u.ID}
}

func (s *Server) adminUser(c *gin.Context) {
	u, err := s.accounts.Find(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	s.render(c, http.StatusOK, "console_admin_user", s.adminUserView(c, u))
}

func (s *Server) adminUserSave(c *gin.Context) {
	ctx := c.Request.Context()
	name, dept, role := c.PostForm("name"), c.PostForm("department"), c.PostForm("role")
	disabled := c.PostForm("disabled") == "on"
	ch := account.UserChange{Name: &name, Department: &dept, Role: &role, Disabled: &disabled}
	err := account.CheckSelfChange(principalOf(c), c.Param("id"), ch)
	var u *account.User
	if err == nil {
		u, err = s.accounts.Change(ctx, c.Param("id"), ch)
	}
	if err != nil {
		if !isClientError(err) || credential.ErrorCode(err) == credential.CodeNotFound {
			s.consoleFail(c, err)
			return
		}
		cur, ferr := s.accounts.Find(ctx, c.Param("id"))
		if ferr != nil {
			s.consoleFail(c, ferr)
			return
		}
		v := s.adminUserView(c, cur)
		v.Errors, v.Alert = fieldErrors(s.lang(c), err)
		s.render(c, statusOf(credential.ErrorCode(err)), "console_admin_user", v)
		return
	}
	s.consoleRedirect(c, "/console/admin/users/"+u.ID, lang.ConsoleAdminUserSaved)
}

func (s *Server) adminUserLink(c *gin.Context) {
	u, link, err := s.accounts.IssueReset(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	v := s.adminUserView(c, u)
	out := s.link(u, link)
	v.Link = &out
	c.Header("Cache-Control", "no-store")
	s.render(c, http.StatusOK, "console_admin_user", v)
}

// tokenRow is a token as the list shows it.
type tokenRow struct {
	account.Token
	State, StateClass string
	Live              bool
}

type adminTokensView struct {
	consoleData
	Tokens []tokenRow
	Token  *tokenRow // the one to revoke, on the confirmation page
}

func (s *Server) tokenRows(c *gin.Context) ([]tokenRow, error) {
	ts, err := s.accounts.Tokens(c.Request.Context(), principalOf(c), true)
	if err != nil {
		return nil, err
	}
	l, now := s.lang(c), s.cfg.Now()
	rows := make([]tokenRow, len(ts))
	for i, t := range ts {
		r := tokenRow{Token: t, State: l.T(lang.ConsoleAdminActive), StateClass: "ok", Live: true}
		switch {
		case t.RevokedAt != nil:
			r.State, r.StateClass, r.Live = l.T(lang.ConsoleAdminRevoked), "bad", false
		case t.ExpiresAt != nil && !t.ExpiresAt.After(now):
			r.State, r.StateClass, r.Live = l.T(lang.ConsoleAdminExpired), "warn", false
		}
		rows[i] = r
	}
	return rows, nil
}

func (s *Server) adminTokens(c *gin.Context) {
	rows, err := s.tokenRows(c)
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	s.render(c, http.StatusOK, "console_admin_tokens", adminTokensView{consoleData: s.adminData(c, lang.ConsoleAdminTokens), Tokens: rows})
}

func (s *Server) adminTokenRevokeConfirm(c *gin.Context) {
	rows, err := s.tokenRows(c)
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	for _, r := range rows {
		if r.ID == c.Param("id") && r.Live {
			s.render(c, http.StatusOK, "console_admin_token_revoke", adminTokensView{consoleData: s.adminData(c, lang.ConsoleAdminRevokeTokenTitle), Token: &r})
			return
		}
	}
	s.consoleFail(c, credential.Errorm(credential.CodeNotFound, lang.ConsoleNotFoundText))
}

func (s *Server) adminTokenRevoke(c *gin.Context) {
	if _, err := s.accounts.RevokeToken(c.Request.Context(), principalOf(c), c.Param("id")); err != nil {
		s.consoleFail(c, err)
		return
	}
	s.consoleRedirect(c, "/console/admin/tokens", lang.ConsoleAdminTokenRevoked)
}

// keyRow is a signing key as the list shows it.
type keyRow struct {
	credential.KeyInfo
	PurposeLabel, State, StateClass string
}

type adminKeysView struct {
	consoleData
	Keys      []keyRow
	Available bool
	Rotated   string
	Refresh   string
}

func (s *Server) keyRows(c *gin.Context) ([]keyRow, error) {
	ks, err := s.keys.Keys(c.Request.Context())
	if err != nil {
		return nil, err
	}
	l := s.lang(c)
	rows := make([]keyRow, len(ks))
	for i, k := range ks {
		r := keyRow{KeyInfo: k, PurposeLabel: l.T(lang.ConsoleAdminPurposeJws), State: l.T(lang.ConsoleAdminKeyPublished)}
		if k.Purpose != "jws" {
			r.PurposeLabel = l.T(lang.ConsoleAdminPurposeDi)
		}
		switch {
		case k.Active:
			r.State, r.StateClass = l.T(lang.ConsoleAdminKeyActive), "ok"
		case k.Retired != nil:
			r.State = l.T(lang.ConsoleAdminKeyRetired, k.Retired.Format("02.01.2006"))
		}
		if k.Example {
			r.State, r.StateClass = r.State+" · "+l.T(lang.ConsoleAdminKeyExample), "bad"
		}
		rows[i] = r
	}
	return rows, nil
}

func (s *Server) adminKeys(c *gin.Context) {
	v := adminKeysView{consoleData: s.adminData(c, lang.ConsoleAdminKeys), Available: s.keys != nil}
	if s.keys != nil {
		rows, err := s.keyRows(c)
		if err != nil {
			s.consoleFail(c, err)
			return
		}
		v.Keys = rows
	}
	s.render(c, http.StatusOK, "console_admin_keys", v)
}

func (s *Server) adminKeysRotateConfirm(c *gin.Context) {
	v := adminKeysView{consoleData: s.adminData(c, lang.ConsoleAdminRotateTitle), Available: s.keys != nil,
		Refresh: s.lang(c).T(lang.ConsoleAdminRotateInstances, keyRefreshNote.String())}
	s.render(c, http.StatusOK, "console_admin_rotate", v)
}

func (s *Server) adminKeysRotate(c *gin.Context) {
	if s.keys == nil {
		s.consoleFail(c, credential.Errorm(credential.CodeUnavailable, lang.ConsoleAdminKeysUnavailable))
		return
	}
	k, err := s.keys.Rotate(c.Request.Context())
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	rows, err := s.keyRows(c)
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	s.render(c, http.StatusOK, "console_admin_keys", adminKeysView{consoleData: s.adminData(c, lang.ConsoleAdminKeys), Available: true, Keys: rows,
		Rotated: s.lang(c).T(lang.ConsoleAdminRotated, k.KID)})
}

// auditRow is an audit entry as the console shows it: the action, the
// kind of object and the system actor in the page's language (codes the
// catalog does not know yet are shown as they are).
type auditRow struct {
	credential.AuditEntry
	ActionLabel, TypeLabel, ActorLabel string
}

// said returns key's wording in l, or fallback when the catalog lacks it.
func said(l lang.Tag, key lang.Key, fallback string) string {
	if _, ok := lang.Lookup(key); ok {
		return l.T(key)
	}
	return fallback
}

func auditRows(l lang.Tag, entries []credential.AuditEntry) []auditRow {
	out := make([]auditRow, len(entries))
	for i, e := range entries {
		out[i] = auditRow{AuditEntry: e,
			ActionLabel: said(l, lang.Key("audit."+strings.ReplaceAll(e.Action, ".", "_")), e.Action),
			TypeLabel:   said(l, lang.Key("audit.type_"+e.ObjectType), e.ObjectType),
			ActorLabel:  e.Actor}
		if e.Actor == "system" {
			out[i].ActorLabel = l.T(lang.AuditActorSystem)
		}
	}
	return out
}

type adminAuditView struct {
	consoleData
	Entries []auditRow
	Filter  struct{ Action, ObjectType, ObjectID, From, To string }
	Alert   string
	Older   string
	CSV     string
}

// consoleDate reads a date typed as DD.MM.YYYY (as people here write it)
// or YYYY-MM-DD (a date field).
func consoleDate(v string) (time.Time, bool) {
	v = strings.TrimSpace(v)
	for _, layout := range []string{time.DateOnly, "02.01.2006"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func (s *Server) adminAudit(c *gin.Context) {
	v := adminAuditView{consoleData: s.adminData(c, lang.ConsoleAdminAudit)}
	v.Filter.Action, v.Filter.ObjectType, v.Filter.ObjectID = trimMax(c.Query("action"), 64), trimMax(c.Query("object_type"), 64), trimMax(c.Query("object_id"), 200)
	v.Filter.From, v.Filter.To = trimMax(c.Query("from"), 10), trimMax(c.Query("to"), 10)
	f := credential.AuditFilter{Action: v.Filter.Action, ObjectType: v.Filter.ObjectType, ObjectID: v.Filter.ObjectID, Limit: auditPage, Newest: true}
	api := cloneQuery(nil)
	for k, val := range map[string]string{"action": f.Action, "object_type": f.ObjectType, "object_id": f.ObjectID} {
		if val != "" {
			api.Set(k, val)
		}
	}
	status := http.StatusOK
	if v.Filter.From != "" {
		if t, ok := consoleDate(v.Filter.From); ok {
			f.From = t
			api.Set("from", t.Format(time.DateOnly))
		} else {
			v.Alert, status = s.lang(c).T(lang.ConsoleAdminBadDate), http.StatusBadRequest
		}
	}
	if v.Filter.To != "" {
		if t, ok := consoleDate(v.Filter.To); ok {
			f.To = t.AddDate(0, 0, 1)
			api.Set("to", t.Format(time.DateOnly))
		} else {
			v.Alert, status = s.lang(c).T(lang.ConsoleAdminBadDate), http.StatusBadRequest
		}
	}
	// Newest first, a page at a time: "older" continues below the last
	// entry shown.
	f.BeforeID, _ = strconv.ParseInt(c.Query("before"), 10, 64)
	if v.Alert == "" {
		entries, err := s.statusStore.AuditLog(c.Request.Context(), f)
		if err != nil {
			s.consoleFail(c, err)
			return
		}
		v.Entries = auditRows(s.lang(c), entries)
		if len(entries) == auditPage {
			q := cloneQuery(c.Request.URL.Query())
			q.Set("before", strconv.FormatInt(entries[len(entries)-1].ID, 10))
			q.Del("done")
			v.Older = "/console/admin/audit?" + q.Encode()
		}
	}
	api.Set("format", "csv")
	v.CSV = "/api/v1/audit?" + api.Encode()
	s.render(c, status, "console_admin_audit", v)
}

// trimMax trims v and cuts it to at most n bytes.
func trimMax(v string, n int) string {
	v = strings.TrimSpace(v)
	if len(v) > n {
		v = v[:n]
	}
	return v
}
