package inventory

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"

	"github.com/digitalocean/godo"
)

// Reason is why a refresh failed, from a fixed set, so that it can be a
// label value. Raw error text never is.
type Reason string

const (
	ReasonUnauthorized Reason = "unauthorized"
	ReasonForbidden    Reason = "forbidden"
	ReasonRateLimited  Reason = "rate_limited"
	ReasonTimeout      Reason = "timeout"
	ReasonServerError  Reason = "server_error"
	ReasonDecode       Reason = "decode"
	ReasonNetwork      Reason = "network"
	ReasonTooLarge     Reason = "too_large"
	ReasonOther        Reason = "other"
)

// Reasons lists every reason, in the order metrics show them.
var Reasons = []Reason{
	ReasonUnauthorized, ReasonForbidden, ReasonRateLimited, ReasonTimeout,
	ReasonServerError, ReasonDecode, ReasonNetwork, ReasonTooLarge, ReasonOther,
}

// ReasonOf classifies an error returned by godo or by our transport.
func ReasonOf(err error) Reason {
	var parentErr *parentUnknownError
	if errors.As(err, &parentErr) {
		return parentErr.reason
	}
	var pausedErr *pausedError
	if errors.As(err, &pausedErr) {
		return ReasonRateLimited
	}
	if errors.Is(err, errTooLarge) {
		return ReasonTooLarge
	}
	var apiErr *godo.ErrorResponse
	if errors.As(err, &apiErr) && apiErr.Response != nil {
		return reasonOfStatus(apiErr.Response.StatusCode)
	}
	var netErr net.Error
	var urlErr *url.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return ReasonTimeout
	case errors.As(err, &urlErr): // the request itself failed, before any body was decoded
		return ReasonNetwork
	case isDecodeError(err):
		return ReasonDecode
	case errors.As(err, &netErr):
		return ReasonNetwork
	}
	return ReasonOther
}

func reasonOfStatus(code int) Reason {
	switch {
	case code == http.StatusUnauthorized:
		return ReasonUnauthorized
	case code == http.StatusForbidden:
		return ReasonForbidden
	case code == http.StatusTooManyRequests:
		return ReasonRateLimited
	case code >= 500:
		return ReasonServerError
	}
	return ReasonOther
}

// errIncompleteAnswer is a well-formed answer that lacks what it must hold.
var errIncompleteAnswer = errors.New("the answer lacks the expected object")

func isDecodeError(err error) bool {
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	return errors.As(err, &syntaxErr) || errors.As(err, &typeErr) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) || errors.Is(err, errIncompleteAnswer)
}
