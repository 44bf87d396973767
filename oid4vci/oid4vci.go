// Package oid4vci issues copies of stored credentials to wallets over
// OpenID for Verifiable Credential Issuance 1.0: the pre-authorized code
// flow (with an optional transaction code), the nonce endpoint and the
// credential endpoint. A wallet receives the credential's OB3 payload as
// jwt_vc_json, with credentialSubject.id set to the key it proved, signed
// by the issuer's key: the same id, registry entry and status entry as the
// stored credential, so revoking it revokes every copy. Offers, codes,
// tokens and nonces are stored only as SHA-256 hashes.
package oid4vci

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"math/big"
	"net/url"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/notify"
)

// ConfigurationID names the one credential configuration: an Open Badges
// 3.0 credential as jwt_vc_json.
const ConfigurationID = "OpenBadgeCredential_jwt_vc_json"

// GrantPreAuthorized is the pre-authorized code grant type.
const GrantPreAuthorized = "urn:ietf:params:oauth:grant-type:pre-authorized_code"

// ProofType is the typ of a key proof JWT.
const ProofType = "openid4vci-proof+jwt"

// Store is what issuing to wallets needs of the registry.
type Store interface {
	Credential(ctx context.Context, id string) (*credential.Record, error)
	CreateWalletOffer(ctx context.Context, o credential.WalletOffer) error
	WalletOffer(ctx context.Context, hash string, byCode bool) (*credential.WalletOffer, error)
	RedeemWalletOffer(ctx context.Context, codeHash string, now time.Time) (bool, error)
	WalletOfferTxFailed(ctx context.Context, codeHash string) error
	CreateWalletToken(ctx context.Context, hash, credentialID string, now, expires time.Time) error
	WalletToken(ctx context.Context, hash string, now time.Time) (string, error)
	UseWalletToken(ctx context.Context, hash string, now time.Time) (string, error)
	CreateWalletNonce(ctx context.Context, hash string, now, expires time.Time) error
	UseWalletNonce(ctx context.Context, hash string, now time.Time) (bool, error)
	QueueTxCode(ctx context.Context, credentialID, lang, to, code string) error
}

// Signer signs the wallets' copies with the issuer's key.
type Signer interface {
	Sign(payload []byte) (string, error)
	KID() string
	Alg() string
}

// Config bounds the flow.
type Config struct {
	// OfferTTL is how long an offer can be redeemed (default
	// notify.TxCodeTTL, 30 minutes); TokenTTL how long an access token
	// works (default 5 minutes); NonceTTL how long a nonce does (default
	// 5 minutes).
	OfferTTL, TokenTTL, NonceTTL time.Duration
	// MaxTxFailures is how many wrong transaction codes kill an offer
	// (default 5).
	MaxTxFailures int
}

// Service is the credential issuer and its authorization server.
type Service struct {
	st   Store
	sig  Signer
	base string
	name credential.Text
	now  func() time.Time
	cfg  Config
	wake func()
}

// New returns the service for the issuer at base (its public URL, also its
// credential issuer identifier) named name.
func New(st Store, sig Signer, base string, name credential.Text, now func() time.Time, cfg Config, wake func()) *Service {
	if cfg.OfferTTL <= 0 {
		cfg.OfferTTL = notify.TxCodeTTL
	}
	if cfg.TokenTTL <= 0 {
		cfg.TokenTTL = 5 * time.Minute
	}
	if cfg.NonceTTL <= 0 {
		cfg.NonceTTL = 5 * time.Minute
	}
	if cfg.MaxTxFailures <= 0 {
		cfg.MaxTxFailures = 5
	}
	if now == nil {
		now = time.Now
	}
	return &Service{st: st, sig: sig, base: base, name: name, now: now, cfg: cfg, wake: wake}
}

// Config returns the settings with their defaults.
func (s *Service) Config() Config { return s.cfg }

// Error is an OAuth 2.0 / OpenID4VCI error answer.
type Error struct {
	Status      int    `json:"-"`
	Code        string `json:"error"`
	Description string `json:"error_description,omitempty"`
}

func (e *Error) Error() string { return e.Code + ": " + e.Description }

func oauthErr(status int, code, format string, args ...any) *Error {
	return &Error{Status: status, Code: code, Description: fmt.Sprintf(format, args...)}
}

func hash(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}

func newSecret() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("oid4vci: random: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// codeOf derives the pre-authorized code from an offer's secret, so that
// the offer can be served from its secret while only hashes are stored.
func codeOf(secret string) string {
	h := sha256.Sum256([]byte("tanu-oid4vci-code\x00" + secret))
	return base64.RawURLEncoding.EncodeToString(h[:])
}

// Offer is a new credential offer.
type Offer struct {
	// Link is openid-credential-offer://?credential_offer_uri=…, for a
	// wallet on the same device or in a QR code.
	Link string
	// URI is the credential_offer_uri itself.
	URI string
	// TxCode is the transaction code ("" when the offer needs none).
	TxCode    string
	ExpiresAt time.Time
}

// CreateOffer offers credential id to a wallet. With txTo, a six-digit
// transaction code is required and sent to that address in language l.
func (s *Service) CreateOffer(ctx context.Context, id, txTo string, l lang.Tag) (*Offer, error) {
	secret, err := newSecret()
	if err != nil {
		return nil, err
	}
	now := s.now().UTC()
	o := credential.WalletOffer{OfferHash: hash(secret), CodeHash: hash(codeOf(secret)), CredentialID: id,
		CreatedAt: now, ExpiresAt: now.Add(s.cfg.OfferTTL)}
	var tx string
	if txTo != "" {
		n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
		if err != nil {
			return nil, fmt.Errorf("oid4vci: random: %w", err)
		}
		tx = fmt.Sprintf("%06d", n.Int64())
		o.TxHash, o.TxLength = hash(o.CodeHash+"\x00"+tx), len(tx)
	}
	if err := s.st.CreateWalletOffer(ctx, o); err != nil {
		return nil, err
	}
	if tx != "" {
		if err := s.st.QueueTxCode(ctx, id, string(l), txTo, tx); err != nil {
			return nil, err
		}
		if s.wake != nil {
			s.wake()
		}
	}
	uri := s.base + "/oid4vci/offers/" + secret
	return &Offer{Link: "openid-credential-offer://?" + url.Values{"credential_offer_uri": {uri}}.Encode(), URI: uri,
		TxCode: tx, ExpiresAt: o.ExpiresAt}, nil
}

// OfferObject returns the credential offer behind an offer secret; an
// unknown, expired or redeemed offer is not found.
func (s *Service) OfferObject(ctx context.Context, secret string) (map[string]any, error) {
	if secret == "" || len(secret) > 100 {
		return nil, credential.ErrNotFound
	}
	o, err := s.st.WalletOffer(ctx, hash(secret), false)
	if err != nil {
		return nil, err
	}
	if o.RedeemedAt != nil || !s.now().Before(o.ExpiresAt) || o.TxFailures >= s.cfg.MaxTxFailures {
		return nil, credential.Errorf(credential.CodeNotFound, "the offer has expired or was used")
	}
	grant := map[string]any{"pre-authorized_code": codeOf(secret)}
	if o.TxHash != "" {
		grant["tx_code"] = map[string]any{"input_mode": "numeric", "length": o.TxLength,
			"description": "The code sent to your e-mail / Поштаңызға жіберілген код / Код из письма"}
	}
	return map[string]any{
		"credential_issuer":            s.base,
		"credential_configuration_ids": []string{ConfigurationID},
		"grants":                       map[string]any{GrantPreAuthorized: grant},
	}, nil
}
