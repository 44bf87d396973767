package httpapi

import (
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// Console pages of the organization's identity: the first-run setup page
// (where an admin lands while the identity is incomplete) and the edit
// page, one form posted as multipart/form-data with the images, usable
// without JavaScript. Both call the same service as PUT
// /api/v1/organization and PUT /api/v1/organization/images/{kind}.

// orgFormLimit caps the form's body: three images and the text fields.
const orgFormLimit = 3*credential.MaxImageBytes + 256<<10

// orgScaleRows is how many rows the grade scale's table offers beyond the
// bands it has.
const orgScaleRows = 2

// maxScaleRows caps the grade scale's rows read from the form.
const maxScaleRows = 30

// consoleOrgRoutes registers the console's pages for the organization's identity and first-run setup.
func (s *Server) consoleOrgRoutes(g *gin.RouterGroup) {
	admin := s.need(credential.RoleAdmin)
	g.GET("/organization/setup", admin, s.needOrg(), s.orgSetupPage)
	g.GET("/organization", admin, s.needOrg(), s.orgEditPage)
	g.POST("/organization", admin, s.needOrg(), s.limitBody(orgFormLimit), s.orgPost)
	registrar := s.need(credential.RoleRegistrar)
	g.GET("/credentials/:id/reissue", registrar, s.reissuePage)
	g.POST("/credentials/:id/reissue", registrar, s.limitBody(s.cfg.MaxBodyBytes), s.reissuePost)
}

// firstRun sends an admin who opens the console's landing page to the
// setup page while the organization's identity is incomplete.
func (s *Server) firstRun(c *gin.Context) {
	if s.org != nil && c.Request.Method == http.MethodGet && c.Request.URL.Path == "/console" &&
		credential.AtLeast(roleOf(c), credential.RoleAdmin) && s.issuer.Identity().Incomplete != nil {
		c.Redirect(http.StatusSeeOther, "/console/organization/setup?lang="+string(s.lang(c)))
		c.Abort()
		return
	}
	c.Next()
}

// orgText is one multilingual field of the form.
type orgText struct {
	Field, Label string
	Values       []orgTextValue
}

type orgTextValue struct {
	Lang, Label, Name, Value, Error string
}

// orgImageRow is one image of the form.
type orgImageRow struct {
	Kind, Label, Src, Info, Error string
	Has                           bool
}

type orgScaleRow struct {
	N                int
	Letter, Min, Max string
	Pass             bool
}

type orgLangOption struct {
	Code, Label string
	Selected    bool
}

// orgFormView is the setup and edit page.
type orgFormView struct {
	consoleData
	Setup                 bool
	Texts                 []orgText
	URL, Email            string
	URLError, EmailError  string
	Langs                 []orgLangOption
	LangError, ScaleError string
	Images                []orgImageRow
	Scale                 []orgScaleRow
	Missing               string
	Alert                 string
}

func (s *Server) orgSetupPage(c *gin.Context) {
	st, err := s.org.State(c.Request.Context())
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	if len(st.Missing) == 0 && c.Query("done") == "" {
		c.Redirect(http.StatusSeeOther, "/console/organization?lang="+string(s.lang(c)))
		return
	}
	s.renderOrgForm(c, http.StatusOK, true, st, &st.Organization, nil, "")
}

func (s *Server) orgEditPage(c *gin.Context) {
	st, err := s.org.State(c.Request.Context())
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	s.renderOrgForm(c, http.StatusOK, false, st, &st.Organization, nil, "")
}

// renderOrgForm renders the form with the identity o (as stored, or as
// posted) and the problems found, by field ("name.kk", "email",
// "image.logo", "grade_scale").
func (s *Server) renderOrgForm(c *gin.Context, status int, setup bool, st *credential.OrgState, o *credential.Organization, problems map[string]string, alert string) {
	l := s.lang(c)
	title := lang.COrgEditTitle
	if setup {
		title = lang.COrgSetupTitle
	}
	v := orgFormView{consoleData: s.console(c, title, SectionAdmin, "corg"), Setup: setup, URL: o.URL, Email: o.Email,
		URLError: problems["url"], EmailError: problems["email"], LangError: problems["default_language"], ScaleError: problems["grade_scale"], Alert: alert}
	for _, f := range []struct {
		field string
		label lang.Key
		t     credential.Text
	}{{"name", lang.Key("corg.name"), o.Name}, {"head_name", lang.Key("corg.head_name"), o.HeadName}, {"head_title", lang.Key("corg.head_title"), o.HeadTitle}} {
		row := orgText{Field: f.field, Label: l.T(f.label)}
		for _, x := range lang.All() {
			code := string(x)
			row.Values = append(row.Values, orgTextValue{Lang: code, Label: l.T(lang.Key("corg.in_" + code)), Name: f.field + "_" + code,
				Value: f.t[code], Error: problems[f.field+"."+code]})
		}
		v.Texts = append(v.Texts, row)
	}
	def := o.DefaultLang
	if def == "" {
		def = string(lang.Default)
	}
	for _, x := range lang.All() {
		v.Langs = append(v.Langs, orgLangOption{Code: string(x), Label: l.T(lang.Key("corg.lang_" + string(x))), Selected: string(x) == def})
	}
	for _, kind := range credential.ImageKinds {
		row := orgImageRow{Kind: kind, Label: l.T(lang.Key("corg." + kind)), Error: problems["image."+kind]}
		if im, ok := st.Image(kind); ok {
			row.Has, row.Src = true, orgImageURL(kind, st.Version)
			row.Info = l.T(lang.COrgImageInfo, im.Width, im.Height, (im.Size+1023)/1024)
		}
		v.Images = append(v.Images, row)
	}
	for i, b := range o.Scale().Bands {
		v.Scale = append(v.Scale, orgScaleRow{N: i, Letter: b.Letter, Min: percent(b.Min), Max: percent(b.Max), Pass: b.Pass})
	}
	for i := 0; i < orgScaleRows; i++ {
		v.Scale = append(v.Scale, orgScaleRow{N: len(v.Scale)})
	}
	if m := o.Missing(); len(m) > 0 {
		names := make([]string, len(m))
		for i, d := range m {
			// "name.kk" as the form labels it: the name (in Kazakh).
			field, code, _ := strings.Cut(d.Field, ".")
			names[i] = l.T(lang.Key("corg."+field)) + " (" + l.T(lang.Key("corg.in_"+code)) + ")"
		}
		v.Missing = l.T(lang.COrgIncomplete, strings.Join(names, "; "))
	}
	s.render(c, status, "console_org_form", v)
}

func percent(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// orgPost saves the form: the identity, then each image given (or
// removed). Nothing is stored when anything is wrong: the form comes back
// with every problem next to its field.
func (s *Server) orgPost(c *gin.Context) {
	ctx := c.Request.Context()
	l := s.lang(c)
	if err := c.Request.ParseMultipartForm(orgFormLimit); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			err = credential.Errorf(credential.CodeTooLarge, "the form is larger than %d KB", orgFormLimit>>10)
		} else if !errors.Is(err, http.ErrNotMultipart) {
			err = credential.Wrap(credential.CodeInvalid, err, "the form cannot be read")
		}
		if !errors.Is(err, http.ErrNotMultipart) {
			s.consoleFail(c, err)
			return
		}
		if err := c.Request.ParseForm(); err != nil {
			s.consoleFail(c, credential.Wrap(credential.CodeInvalid, err, "the form cannot be read"))
			return
		}
	}
	if c.Request.MultipartForm != nil {
		defer func() { _ = c.Request.MultipartForm.RemoveAll() }()
	}
	setup := c.PostForm("setup") == "1"
	st, err := s.org.State(ctx)
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	o := &credential.Organization{Name: credential.Text{}, HeadName: credential.Text{}, HeadTitle: credential.Text{},
		URL: strings.TrimSpace(c.PostForm("url")), Email: strings.TrimSpace(c.PostForm("email")), DefaultLang: c.PostForm("default_language"),
		GradeScale: st.GradeScale}
	for _, f := range []struct {
		name string
		t    credential.Text
	}{{"name", o.Name}, {"head_name", o.HeadName}, {"head_title", o.HeadTitle}} {
		for _, x := range lang.All() {
			if v := strings.TrimSpace(c.PostForm(f.name + "_" + string(x))); v != "" {
				f.t[string(x)] = v
			}
		}
	}
	problems := map[string]string{}
	if scale, p := s.scaleFromForm(c, l, o.Scale()); p != "" {
		problems["grade_scale"] = p
	} else {
		o.GradeScale = scale
	}
	if err := o.Validate(); err != nil {
		_, details := credential.Localize(err, l)
		for _, d := range details {
			if _, seen := problems[d.Field]; !seen {
				problems[d.Field] = d.Message
			}
		}
	}
	images := map[string][]byte{}
	for _, kind := range credential.ImageKinds {
		fh, err := c.FormFile("image_" + kind)
		if err != nil || fh.Size == 0 {
			continue
		}
		data, err := readUpload(fh, kind)
		if err == nil {
			_, err = credential.CheckImage(kind, data)
		}
		if err != nil {
			msg, _ := credential.Localize(err, l)
			problems["image."+kind] = msg
			continue
		}
		images[kind] = data
	}
	if len(problems) > 0 {
		s.renderOrgForm(c, http.StatusBadRequest, setup, st, o, problems, l.T(lang.COrgFix))
		return
	}
	if _, err := s.org.Put(ctx, o); err != nil {
		s.consoleFail(c, err)
		return
	}
	for _, kind := range credential.ImageKinds {
		data, given := images[kind]
		if !given && c.PostForm("remove_"+kind) != "1" {
			continue
		}
		if _, err := s.org.PutImage(ctx, kind, data); err != nil {
			msg, _ := credential.Localize(err, l)
			if st, serr := s.org.State(ctx); serr == nil {
				s.renderOrgForm(c, statusOf(credential.ErrorCode(err)), setup, st, o, map[string]string{"image." + kind: msg}, l.T(lang.COrgFix))
				return
			}
			s.consoleFail(c, err)
			return
		}
	}
	if setup && len(o.Missing()) == 0 {
		s.consoleRedirect(c, "/console", lang.COrgSaved)
		return
	}
	path := "/console/organization"
	if setup {
		path += "/setup"
	}
	s.consoleRedirect(c, path, lang.COrgSaved)
}

// readUpload reads an uploaded file of at most credential.MaxImageBytes.
func readUpload(fh *multipart.FileHeader, kind string) ([]byte, error) {
	tooLarge := credential.Errorm(credential.CodeTooLarge, lang.OrgImageSize, credential.ImageLabel(kind), credential.MaxImageBytes>>10)
	if fh.Size > credential.MaxImageBytes {
		return nil, tooLarge
	}
	f, err := fh.Open()
	if err != nil {
		return nil, credential.Wrap(credential.CodeInvalid, err, "the file cannot be read")
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, credential.MaxImageBytes+1))
	if err != nil {
		return nil, credential.Wrap(credential.CodeInvalid, err, "the file cannot be read")
	}
	if len(data) > credential.MaxImageBytes {
		return nil, tooLarge
	}
	return data, nil
}

// scaleFromForm reads the grade scale's rows (letter_N, min_N, max_N,
// pass_N); a letter keeps its names in the three languages from the scale
// it had (or the regulation's). It returns nil when the rows are the
// regulation's scale, and a problem for the page when a row is wrong.
func (s *Server) scaleFromForm(c *gin.Context, l lang.Tag, cur credential.GradeScale) (*credential.GradeScale, string) {
	names := map[string]credential.Text{}
	for _, sc := range []credential.GradeScale{credential.DefaultGradeScale(), cur} {
		for _, b := range sc.Bands {
			names[b.Letter] = b.Name
		}
	}
	var out credential.GradeScale
	for i := 0; i < maxScaleRows; i++ {
		n := strconv.Itoa(i)
		letter := strings.TrimSpace(c.PostForm("letter_" + n))
		if letter == "" {
			continue
		}
		lo, err1 := strconv.ParseFloat(strings.TrimSpace(strings.ReplaceAll(c.PostForm("min_"+n), ",", ".")), 64)
		hi, err2 := strconv.ParseFloat(strings.TrimSpace(strings.ReplaceAll(c.PostForm("max_"+n), ",", ".")), 64)
		if err1 != nil || err2 != nil || lo < 0 || hi > 100 || lo > hi || len(letter) > 4 {
			return nil, l.T(lang.COrgScaleInvalid, i+1)
		}
		out.Bands = append(out.Bands, credential.GradeBand{Letter: letter, Min: lo, Max: hi, Pass: c.PostForm("pass_"+n) == "1", Name: names[letter]})
	}
	if len(out.Bands) == 0 {
		return nil, ""
	}
	if err := out.Validate(); err != nil {
		msg, _ := credential.Localize(err, l)
		return nil, msg
	}
	if sameScale(out, credential.DefaultGradeScale()) {
		return nil, ""
	}
	return &out, ""
}

func sameScale(a, b credential.GradeScale) bool {
	if len(a.Bands) != len(b.Bands) {
		return false
	}
	for i := range a.Bands {
		x, y := a.Bands[i], b.Bands[i]
		if x.Letter != y.Letter || x.Min != y.Min || x.Max != y.Max || x.Pass != y.Pass {
			return false
		}
	}
	return true
}
