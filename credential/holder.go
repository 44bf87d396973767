package credential

import "time"

// HolderLink is a one-time sign-in link to the holder's page, stored by
// the hash of its secret. Email is kept until the link is used or expires.
type HolderLink struct {
	Hash      string
	Email     string
	RateKey   string // hash of the address: counts requests per address
	Language  string
	CreatedAt time.Time
	ExpiresAt time.Time
}

// HolderSession is a signed-in holder: the credentials matched by the
// address at sign-in.
type HolderSession struct {
	Hash        string
	Credentials []string
	Language    string
	CreatedAt   time.Time
	ExpiresAt   time.Time
}

// CredentialEmail is the salted e-mail hash a credential carries
// ("sha256$…" of address+salt; Hash is empty when it carries none).
type CredentialEmail struct {
	CredentialID string
	Hash, Salt   string
}

// SignedCredential is a stored credential's id and its signed form.
type SignedCredential struct {
	ID, JWS string
}

// WalletOffer is an OpenID4VCI credential offer of one credential, stored
// by the hashes of its secrets. TxHash is the hash of the transaction code
// ("" when the offer needs none).
type WalletOffer struct {
	OfferHash, CodeHash string
	CredentialID        string
	TxHash              string
	TxLength            int
	TxFailures          int
	CreatedAt           time.Time
	ExpiresAt           time.Time
	RedeemedAt          *time.Time
}
