// Package account gives tanu's staff real identities: users with an e-mail
// login and a role, argon2id passwords set through one-time links, sessions
// kept (hashed) in the database so every instance sees them, API tokens
// owned by a user, login throttling shared by all instances, and single
// sign-on with OpenID Connect. Every time comes from an injected clock.
//
// Nothing here caches who may do what: every request looks its session or
// token up in the database, so a disabled user, a revoked or expired token
// or a changed role takes effect at once on every instance.
package account
