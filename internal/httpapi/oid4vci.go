package httpapi

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/oid4vci"
)

// walletRoutes are the OpenID4VCI endpoints: metadata, offers, token,
// nonce, credential. Wallets are not browsers: these take no cookies, and
// answer errors in OAuth's shape ({"error", "error_description"}).
func (s *Server) walletRoutes() {
	if s.delivery == nil || s.delivery.Wallet == nil {
		return
	}
	w := s.delivery.Wallet
	small := s.limitBody(64 << 10)
	if s.delivery.WalletPerMinute <= 0 {
		s.delivery.WalletPerMinute = 60
	}
	s.delivery.walletRate = newLimiter(float64(s.delivery.WalletPerMinute), max(1, s.delivery.WalletPerMinute/2), s.limits.MaxClients, s.now)
	limit := func(c *gin.Context) {
		if ok, wait := s.delivery.walletRate.allow(clientKey(c)); !ok {
			c.Header("Retry-After", strconv.Itoa(retrySeconds(wait)))
			s.oauthFail(c, &oid4vci.Error{Status: http.StatusTooManyRequests, Code: "slow_down", Description: "too many requests from this client: retry later"})
			return
		}
		c.Next()
	}
	s.engine.GET("/.well-known/openid-credential-issuer", func(c *gin.Context) {
		c.Header("Cache-Control", "public, max-age=300")
		c.JSON(http.StatusOK, w.IssuerMetadata())
	})
	s.engine.GET("/.well-known/oauth-authorization-server", func(c *gin.Context) {
		c.Header("Cache-Control", "public, max-age=300")
		c.JSON(http.StatusOK, w.AuthorizationServerMetadata())
	})
	s.engine.GET("/oid4vci/offers/:secret", s.walletOffer)
	s.engine.POST("/oid4vci/token", limit, small, s.walletToken)
	s.engine.POST("/oid4vci/nonce", limit, s.walletNonce)
	s.engine.POST("/oid4vci/credential", small, s.walletCredential)
}

// oauthFail answers an OAuth error, or the usual error shape for others.
func (s *Server) oauthFail(c *gin.Context, err error) {
	var oe *oid4vci.Error
	if errors.As(err, &oe) {
		c.Header("Cache-Control", "no-store")
		if oe.Status == http.StatusUnauthorized {
			c.Header("WWW-Authenticate", `Bearer error="`+oe.Code+`"`)
		}
		c.AbortWithStatusJSON(oe.Status, oe)
		return
	}
	s.fail(c, err)
}

func (s *Server) walletOffer(c *gin.Context) {
	o, err := s.delivery.Wallet.OfferObject(c.Request.Context(), c.Param("secret"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, o)
}

func (s *Server) walletToken(c *gin.Context) {
	if !strings.HasPrefix(c.ContentType(), "application/x-www-form-urlencoded") {
		s.oauthFail(c, &oid4vci.Error{Status: http.StatusBadRequest, Code: "invalid_request",
			Description: "the token request must be application/x-www-form-urlencoded"})
		return
	}
	tok, err := s.delivery.Wallet.Token(c.Request.Context(), c.PostForm("grant_type"), c.PostForm("pre-authorized_code"), c.PostForm("tx_code"))
	if err != nil {
		s.oauthFail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, tok)
}

func (s *Server) walletNonce(c *gin.Context) {
	n, err := s.delivery.Wallet.Nonce(c.Request.Context())
	if err != nil {
		s.oauthFail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, gin.H{"c_nonce": n})
}

func (s *Server) walletCredential(c *gin.Context) {
	tok, ok := bearerToken(c.GetHeader("Authorization"))
	if !ok {
		s.oauthFail(c, &oid4vci.Error{Status: http.StatusUnauthorized, Code: "invalid_token", Description: "Authorization: Bearer <access token> is required"})
		return
	}
	var req oid4vci.CredentialRequest
	if err := json.NewDecoder(c.Request.Body).Decode(&req); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			s.fail(c, err)
			return
		}
		s.oauthFail(c, &oid4vci.Error{Status: http.StatusBadRequest, Code: "invalid_credential_request", Description: "the body must be a JSON credential request"})
		return
	}
	out, err := s.delivery.Wallet.Credential(c.Request.Context(), tok, &req)
	if err != nil {
		s.oauthFail(c, err)
		return
	}
	s.log.InfoContext(c.Request.Context(), "oid4vci: credential issued to a wallet", "request_id", requestID(c))
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, out)
}
