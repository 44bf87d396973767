package httpapi

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// statusOf maps the error vocabulary to HTTP: the one place that does.
func statusOf(code credential.Code) int {
	switch code {
	case credential.CodeInvalid:
		return http.StatusBadRequest
	case credential.CodeUnauthorized:
		return http.StatusUnauthorized
	case credential.CodeForbidden:
		return http.StatusForbidden
	case credential.CodeNotFound:
		return http.StatusNotFound
	case credential.CodeMethodNotAllowed:
		return http.StatusMethodNotAllowed
	case credential.CodeConflict:
		return http.StatusConflict
	case credential.CodeTooLarge:
		return http.StatusRequestEntityTooLarge
	case credential.CodeUnsupported:
		return http.StatusUnsupportedMediaType
	case credential.CodeNotAcceptable:
		// The documented code for a request the current state refuses (a
		// draft or expired program): 422, not HTTP's 406, which is about
		// content negotiation (openapi.yaml, ErrorCode).
		return http.StatusUnprocessableEntity
	case credential.CodeTooManyRequests:
		return http.StatusTooManyRequests
	case credential.CodeUnavailable:
		return http.StatusServiceUnavailable
	case credential.CodeTimeout:
		return http.StatusRequestTimeout
	default:
		return http.StatusInternalServerError
	}
}

// errorBody is the JSON error shape of the API.
type errorBody struct {
	Error errorInfo `json:"error"`
}

type errorInfo struct {
	Code    credential.Code     `json:"code"`
	Message string              `json:"message"`
	Details []credential.Detail `json:"details"` // always present, [] when empty
}

// fail writes err in the JSON error shape and aborts, worded in the
// request's language where the error has a catalog message. Internal
// errors are logged with the request id; users see a generic message.
func (s *Server) fail(c *gin.Context, err error) {
	code := credential.ErrorCode(err)
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		code = credential.CodeTooLarge
		err = credential.Errorm(code, lang.ErrTooLarge, mbe.Limit)
	}
	if code == credential.CodeInternal {
		if cf := clientFault(err); cf != nil {
			s.log.InfoContext(c.Request.Context(), "request body not received", slog.String("request_id", requestID(c)), slog.Any("error", err))
			code, err = credential.ErrorCode(cf), cf
		}
	}
	status := statusOf(code)
	if status >= 500 {
		s.log.ErrorContext(c.Request.Context(), "request failed", slog.String("request_id", requestID(c)), slog.Any("error", err))
	}
	msg, details := credential.Localize(err, s.lang(c))
	if details == nil {
		details = []credential.Detail{}
	}
	c.AbortWithStatusJSON(status, errorBody{Error: errorInfo{Code: code, Message: msg, Details: details}})
}

// clientFault tells a request body the client cut off (400) or let stall
// past the server's read deadline (408) from a server fault; nil when err
// is neither. These are the client's doing and are logged below ERROR.
func clientFault(err error) error {
	var ne net.Error
	switch {
	case errors.Is(err, os.ErrDeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return credential.Wrap(credential.CodeTimeout, err, "the request body did not arrive in time")
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, http.ErrBodyReadAfterClose), errors.Is(err, context.Canceled),
		errors.Is(err, net.ErrClosed), strings.Contains(err.Error(), "connection reset by peer"),
		strings.Contains(err.Error(), "unexpected EOF"):
		return credential.Wrap(credential.CodeInvalid, err, "the request body ended before it was complete")
	}
	return nil
}
