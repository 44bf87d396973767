package httpapi

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/skip2/go-qrcode"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/holder"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/oid4vci"
)

// Holder runs the holder's page: sign-in links and holder sessions.
type Holder interface {
	RequestLink(ctx context.Context, email string, l lang.Tag) error
	SignIn(ctx context.Context, secret string) (string, *credential.HolderSession, error)
	Session(ctx context.Context, secret string) (*credential.HolderSession, error)
	SignOut(ctx context.Context, secret string) error
	Credentials(ctx context.Context, ss *credential.HolderSession) ([]*credential.Record, error)
	Config() holder.Config
}

// Wallet issues credentials to wallets over OpenID4VCI.
type Wallet interface {
	CreateOffer(ctx context.Context, id, txTo string, l lang.Tag) (*oid4vci.Offer, error)
	OfferObject(ctx context.Context, secret string) (map[string]any, error)
	IssuerMetadata() map[string]any
	AuthorizationServerMetadata() map[string]any
	Token(ctx context.Context, grantType, code, txCode string) (*oid4vci.Token, error)
	Nonce(ctx context.Context) (string, error)
	Credential(ctx context.Context, accessToken string, req *oid4vci.CredentialRequest) (*oid4vci.Issued, error)
	Config() oid4vci.Config
}

// Delivery is the holder's page and the wallet endpoints (optional: both
// nil, and the routes answer 404).
type Delivery struct {
	Holder Holder
	Wallet Wallet
	// PerClientPerMinute caps the sign-in links one client asks for a
	// minute (default 5, burst 5).
	PerClientPerMinute int
	// MaxZipBytes caps the ZIP of a holder's documents (default 64 MiB).
	MaxZipBytes int64
	// WalletPerMinute caps the token and nonce requests one client makes
	// a minute (default 60, burst 30).
	WalletPerMinute int
	// rate and walletRate hold the per-client limits.
	rate, walletRate *limiter
}

// holderCookie is the holder session cookie's name, apart from the staff's.
func (s *Server) holderCookie() string {
	if s.secure() {
		return "__Host-tanu_holder"
	}
	return "tanu_holder"
}

func (s *Server) holderRoutes() {
	d := s.delivery
	if d == nil || d.Holder == nil {
		return
	}
	if d.PerClientPerMinute <= 0 {
		d.PerClientPerMinute = 5
	}
	if d.MaxZipBytes <= 0 {
		d.MaxZipBytes = 64 << 20
	}
	d.rate = newLimiter(float64(d.PerClientPerMinute), d.PerClientPerMinute, s.limits.MaxClients, s.now)
	small := s.limitBody(16 << 10)
	g := s.engine.Group("/my", s.holderGuard)
	g.GET("", s.myPage)
	g.POST("", small, s.myRequest)
	g.GET("/signin", s.mySignInPage)
	g.POST("/signin", small, s.mySignIn)
	g.POST("/logout", small, s.myLogout)
	g.GET("/all.zip", s.myZip)
	g.POST("/wallet/:id", small, s.myWallet)
}

// holderGuard refuses cross-site posts and keeps the pages out of caches
// and frames.
func (s *Server) holderGuard(c *gin.Context) {
	c.Header("Cache-Control", "no-store")
	c.Header("Referrer-Policy", "no-referrer")
	if s.crossSite(c) {
		return
	}
	c.Next()
}

type myCred struct {
	ID, Title, Status, StatusLabel, Issued, Number string
	Page, PDF, PNG, LinkedIn                       string
}

type myView struct {
	pageData
	Email, Error       string
	SentTo             string
	SignedIn           bool
	Credentials        []myCred
	Secret             string
	WalletLink, QR     template.URL
	WalletExpiry       string
	WalletTx           bool
	WalletTitle        string
	LinkInvalid        bool
	MinutesLinkWorks   int
	MinutesOfferWorks  int
	ShowWalletWithCode bool
}

func (s *Server) myView(c *gin.Context) myView {
	p := s.page(c, lang.HolderTitle)
	for k, v := range s.lang(c).Area("holder") {
		p.T[k] = v
	}
	v := myView{pageData: p, MinutesLinkWorks: int(s.delivery.Holder.Config().LinkTTL / time.Minute)}
	if s.delivery.Wallet != nil {
		v.MinutesOfferWorks = int(s.delivery.Wallet.Config().OfferTTL / time.Minute)
	}
	return v
}

// session returns the holder's live session, or nil.
func (s *Server) holderSession(c *gin.Context) (*credential.HolderSession, string) {
	ck, err := c.Cookie(s.holderCookie())
	if err != nil || ck == "" {
		return nil, ""
	}
	ss, err := s.delivery.Holder.Session(c.Request.Context(), ck)
	if err != nil {
		return nil, ""
	}
	return ss, ck
}

func (s *Server) myPage(c *gin.Context) {
	v := s.myView(c)
	ss, _ := s.holderSession(c)
	if ss == nil {
		s.render(c, http.StatusOK, "my", v)
		return
	}
	if err := s.fillCredentials(c, &v, ss); err != nil {
		s.fail(c, err)
		return
	}
	s.render(c, http.StatusOK, "my", v)
}

func (s *Server) fillCredentials(c *gin.Context, v *myView, ss *credential.HolderSession) error {
	recs, err := s.delivery.Holder.Credentials(c.Request.Context(), ss)
	if err != nil {
		return err
	}
	l := s.lang(c)
	base := s.issuer.Identity().Base()
	v.SignedIn, v.Credentials = true, []myCred{}
	v.ShowWalletWithCode = s.delivery.Wallet != nil
	for _, r := range recs {
		title := r.ProgramRegNo
		if p, err := s.store.Program(c.Request.Context(), r.ProgramRegNo, r.ProgramVersion); err == nil {
			title = p.Name.Get(string(l))
		}
		page := base + "/c/" + r.ID
		q := url.Values{}
		q.Set("startTask", "CERTIFICATION_NAME")
		q.Set("name", title)
		if s.linkedInOrg != "" {
			q.Set("organizationId", s.linkedInOrg)
		} else {
			q.Set("organizationName", s.issuer.Identity().Name.Get(string(l)))
		}
		q.Set("issueYear", fmt.Sprint(r.IssuedAt.Year()))
		q.Set("issueMonth", fmt.Sprint(int(r.IssuedAt.Month())))
		q.Set("certUrl", page)
		q.Set("certId", fmt.Sprint(r.CertificateNumber))
		v.Credentials = append(v.Credentials, myCred{ID: r.ID, Title: title, Status: r.Status,
			StatusLabel: l.T(lang.Key("page." + r.Status)), Issued: r.IssuedAt.Format("02.01.2006"), Number: fmt.Sprint(r.CertificateNumber),
			Page: page, PDF: "/c/" + r.ID + "/certificate.pdf?lang=" + string(l), PNG: "/c/" + r.ID + "/badge.png",
			LinkedIn: "https://www.linkedin.com/profile/add?" + q.Encode()})
	}
	return nil
}

// myRequest sends a sign-in link. Every well-formed address gets the same
// page, whether or not it has credentials and whether or not its own limit
// was reached; only the client's limit shows (429).
func (s *Server) myRequest(c *gin.Context) {
	v := s.myView(c)
	if ok, wait := s.delivery.rate.allow(clientKey(c)); !ok {
		c.Header("Retry-After", fmt.Sprint(retrySeconds(wait)))
		v.Error = s.lang(c).T(lang.PageTooMany, retrySeconds(wait))
		s.render(c, http.StatusTooManyRequests, "my", v)
		return
	}
	email := strings.TrimSpace(c.PostForm("email"))
	if err := s.delivery.Holder.RequestLink(c.Request.Context(), email, s.lang(c)); err != nil {
		if credential.ErrorCode(err) == credential.CodeInvalid {
			v.Email, v.Error = email, s.lang(c).T(lang.HolderBadEmail)
			s.render(c, http.StatusBadRequest, "my", v)
			return
		}
		s.fail(c, err)
		return
	}
	v.SentTo = holder.Normalize(email)
	v.Notice = s.lang(c).T(lang.HolderSentSub, v.SentTo, v.MinutesLinkWorks)
	s.render(c, http.StatusOK, "my_sent", v)
}

// mySignInPage shows the button that uses the link: a GET changes nothing,
// so mail scanners that open links do not use them up.
func (s *Server) mySignInPage(c *gin.Context) {
	v := s.myView(c)
	v.Secret = c.Query("t")
	s.render(c, http.StatusOK, "my_signin", v)
}

func (s *Server) mySignIn(c *gin.Context) {
	sid, ss, err := s.delivery.Holder.SignIn(c.Request.Context(), c.PostForm("t"))
	if err != nil {
		if credential.ErrorCode(err) == credential.CodeNotFound {
			v := s.myView(c)
			v.LinkInvalid, v.Error = true, s.lang(c).T(lang.HolderLinkInvalid)
			s.render(c, http.StatusGone, "my_signin", v)
			return
		}
		s.fail(c, err)
		return
	}
	s.setCookie(c, s.holderCookie(), sid, time.Until(ss.ExpiresAt))
	c.Redirect(http.StatusSeeOther, "/my?lang="+string(s.lang(c)))
}

func (s *Server) myLogout(c *gin.Context) {
	if _, ck := s.holderSession(c); ck != "" {
		if err := s.delivery.Holder.SignOut(c.Request.Context(), ck); err != nil {
			s.fail(c, err)
			return
		}
	}
	s.setCookie(c, s.holderCookie(), "", -1)
	c.Redirect(http.StatusSeeOther, "/my?lang="+string(s.lang(c)))
}

// signedInOr answers with the sign-in form (401) when there is no session.
func (s *Server) signedInOr(c *gin.Context) *credential.HolderSession {
	ss, _ := s.holderSession(c)
	if ss == nil {
		v := s.myView(c)
		v.Error = s.lang(c).T(lang.HolderExpired)
		s.render(c, http.StatusUnauthorized, "my", v)
		c.Abort()
	}
	return ss
}

// myZip streams the PDFs (in the page's language) and PNG badges of every
// credential of the session as one ZIP, refusing (413) before it starts
// when the documents would pass the cap.
func (s *Server) myZip(c *gin.Context) {
	ss := s.signedInOr(c)
	if ss == nil {
		return
	}
	recs, err := s.delivery.Holder.Credentials(c.Request.Context(), ss)
	if err != nil {
		s.fail(c, err)
		return
	}
	l := s.lang(c)
	type file struct {
		name string
		b    []byte
	}
	var files []file
	var total int64
	for i, r := range recs {
		var pdf, png bytes.Buffer
		if err := s.certs.PDF(c.Request.Context(), &pdf, r, string(l)); err != nil {
			s.fail(c, err)
			return
		}
		if err := s.certs.BadgePNG(c.Request.Context(), &png, r); err != nil {
			s.fail(c, err)
			return
		}
		total += int64(pdf.Len() + png.Len())
		if total > s.delivery.MaxZipBytes {
			v := s.myView(c)
			_ = s.fillCredentials(c, &v, ss)
			v.Error = l.T(lang.HolderTooLarge)
			s.render(c, http.StatusRequestEntityTooLarge, "my", v)
			return
		}
		stem := fmt.Sprintf("%02d-%d", i+1, r.CertificateNumber)
		files = append(files, file{stem + ".pdf", pdf.Bytes()}, file{stem + "-badge.png", png.Bytes()})
	}
	c.Header("Content-Type", "application/zip")
	c.Header("Content-Disposition", `attachment; filename="credentials.zip"`)
	c.Status(http.StatusOK)
	zw := zip.NewWriter(c.Writer)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Store, Modified: s.now()})
		if err != nil {
			return
		}
		if _, err := w.Write(f.b); err != nil {
			return
		}
	}
	_ = zw.Close()
}

// myWallet makes an OpenID4VCI offer of one of the session's credentials
// and shows it as a QR code and a link. With an address (which must be
// the one the credential was issued to) the offer needs a transaction
// code, sent there.
func (s *Server) myWallet(c *gin.Context) {
	ss := s.signedInOr(c)
	if ss == nil {
		return
	}
	if s.delivery.Wallet == nil {
		s.fail(c, credential.Errorm(credential.CodeNotFound, lang.HolderNoWallets))
		return
	}
	id := c.Param("id")
	if !holder.Holds(ss, id) {
		s.fail(c, credential.Errorm(credential.CodeForbidden, lang.HolderNotYours, id))
		return
	}
	l := s.lang(c)
	v := s.myView(c)
	var txTo string
	if email := holder.Normalize(c.PostForm("email")); email != "" {
		r, err := s.store.Credential(c.Request.Context(), id)
		if err != nil {
			s.fail(c, err)
			return
		}
		h, salt := holder.EmailHash(r.JWS)
		if h == "" || issuer.IdentityHash(email, salt) != h {
			_ = s.fillCredentials(c, &v, ss)
			v.Error = l.T(lang.HolderBadEmail)
			s.render(c, http.StatusBadRequest, "my", v)
			return
		}
		txTo = email
	}
	o, err := s.delivery.Wallet.CreateOffer(c.Request.Context(), id, txTo, l)
	if err != nil {
		s.fail(c, err)
		return
	}
	png, err := qrcode.Encode(o.Link, qrcode.Medium, 320)
	if err != nil {
		s.fail(c, err)
		return
	}
	v.SignedIn = true
	// Both are made here, not from input: a data: image and the
	// openid-credential-offer: link the template would otherwise refuse.
	v.WalletLink = template.URL(o.Link) //nolint:gosec
	v.QR = template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(png))
	v.WalletTx = o.TxCode != ""
	v.WalletExpiry = l.T(lang.HolderWalletExpiry, v.MinutesOfferWorks)
	s.render(c, http.StatusOK, "my_wallet", v)
}
