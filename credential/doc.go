// Package credential holds tanu's domain types: programs, grade scales, the
// Open Badges 3.0 credential shape, and the one error vocabulary every other
// package speaks. It depends on the standard library only.
package credential
