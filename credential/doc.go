// Package credential holds tanu's domain types: programs, grade scales, the
// Open Badges 3.0 credential shape, batches and their rows, the audit trail's
// entries and actions, participant cards, staff roles, and the one error
// vocabulary every other package speaks. Packages above the storage layer
// speak these types, so only the wiring imports package store. It depends on
// the standard library and package lang (message keys) only.
package credential
