package credential

import (
	"errors"
	"fmt"

	"github.com/tanu-edu/tanu/lang"
)

// Code classifies an error. The HTTP layer maps each code to one status.
type Code string

// The error vocabulary.
const (
	CodeInvalid       Code = "invalid"        // malformed or semantically wrong input (400)
	CodeNotFound      Code = "not_found"      // no such object (404)
	CodeConflict      Code = "conflict"       // already exists or state forbids it (409)
	CodeUnauthorized  Code = "unauthorized"   // missing or wrong credentials (401)
	CodeForbidden     Code = "forbidden"      // authenticated but not allowed (403)
	CodeTooLarge      Code = "too_large"      // body or file over an explicit limit (413)
	CodeUnsupported   Code = "unsupported"    // media type not handled (415)
	CodeUnavailable   Code = "unavailable"    // dependency down, try later (503)
	CodeInternal      Code = "internal"       // bug or unexpected failure (500)
	CodeNotAcceptable Code = "not_acceptable" // e.g. program not active (422)
	// CodeMethodNotAllowed: the path exists, not with this method (405).
	CodeMethodNotAllowed Code = "method_not_allowed"
	// CodeTooManyRequests: over a rate or concurrency limit; retry later (429).
	CodeTooManyRequests Code = "too_many_requests"
	CodeTimeout         Code = "timeout" // the request body did not arrive in time (408)
)

// Detail points at one problem inside a request, such as a field or a
// spreadsheet cell.
type Detail struct {
	Field   string `json:"field,omitempty"`
	Row     int    `json:"row,omitempty"`
	Column  string `json:"column,omitempty"`
	Code    string `json:"code,omitempty"`
	Message string `json:"message"`
	// Msg and Args are Message as a catalog message, so that it can be
	// said in the request's language (see Localize).
	Msg  lang.Key `json:"-"`
	Args []any    `json:"-"`
}

// DetailMsg returns a detail about field worded by catalog message msg
// (Message is its English wording).
func DetailMsg(field string, msg lang.Key, args ...any) Detail {
	return Detail{Field: field, Message: lang.EN.T(msg, args...), Msg: msg, Args: args}
}

// Error is an application error with a code and a message that is safe to
// show to users. Err, if set, is the cause and is never shown.
type Error struct {
	Code    Code
	Message string
	Details []Detail
	Err     error
	// Msg and Args are Message as a catalog message (see Localize).
	Msg  lang.Key
	Args []any
}

// Error implements error.
func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Errorm returns an *Error with the given code worded by catalog message
// msg with args; its Message is the English wording.
func Errorm(code Code, msg lang.Key, args ...any) *Error {
	return &Error{Code: code, Message: lang.EN.T(msg, args...), Msg: msg, Args: args}
}

// Wrap returns an *Error with the given code and message whose cause is err.
func Wrap(code Code, err error, msg string) *Error {
	return &Error{Code: code, Message: msg, Err: err}
}

// ErrorCode returns the code of the first *Error in err's chain, or
// CodeInternal when there is none.
func ErrorCode(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// ErrorMessage returns the user-safe message of err. Internal errors get a
// generic message so details never leak.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Code != CodeInternal {
		return e.Message
	}
	return "Internal error."
}

// Localize returns err's message and details in t: those with a catalog
// message are worded in t, the others are returned as they are.
func Localize(err error, t lang.Tag) (string, []Detail) {
	msg, details := ErrorMessage(err), ErrorDetails(err)
	var e *Error
	if errors.As(err, &e) && e.Code != CodeInternal && e.Msg != "" {
		msg = t.T(e.Msg, e.Args...)
	} else if !errors.As(err, &e) || e.Code == CodeInternal {
		msg = t.T(lang.ErrInternal)
	}
	if len(details) > 0 {
		out := make([]Detail, len(details))
		for i, d := range details {
			if d.Msg != "" {
				d.Message = t.T(d.Msg, d.Args...)
			}
			out[i] = d
		}
		details = out
	}
	return msg, details
}

// Said returns err's message as an argument of another catalog message:
// a lang.Phrase when err carries a catalog message, else its message.
func Said(err error) any {
	var e *Error
	if errors.As(err, &e) && e.Msg != "" && e.Code != CodeInternal {
		return lang.Phrase{Key: e.Msg, Args: e.Args}
	}
	return ErrorMessage(err)
}

// ErrorDetails returns the details of the first *Error in err's chain.
func ErrorDetails(err error) []Detail {
	var e *Error
	if errors.As(err, &e) {
		return e.Details
	}
	return nil
}

// IsNotFound reports whether err has CodeNotFound.
func IsNotFound(err error) bool { return ErrorCode(err) == CodeNotFound }

// ErrNotFound is a generic not-found error for stores.
var ErrNotFound = &Error{Code: CodeNotFound, Message: "Not found."}
