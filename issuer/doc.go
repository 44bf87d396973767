// Package issuer turns an award request into a signed Open Badges 3.0
// credential (VC-JWT) and stores it in the registry. It does no HTTP, SQL or
// file I/O of its own: the registry and the signer come in as small
// interfaces, and the clock and randomness are injected.
package issuer
