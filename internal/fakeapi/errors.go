package fakeapi

import (
	"cmp"
	"encoding/json"
	"net/http"
	"strings"
	"unicode"
)

// apiError is an error answer of the API: an HTTP status and the body's id
// and message.
type apiError struct {
	status  int
	id      string
	message string
}

func (e *apiError) Error() string { return e.message }

// knownErrors are the ids and messages the API documents.
var knownErrors = map[int]apiError{
	http.StatusBadRequest:          {id: "bad_request", message: "The request could not be understood."},
	http.StatusUnauthorized:        {id: "unauthorized", message: "Unable to authenticate you."},
	http.StatusForbidden:           {id: "forbidden", message: "You do not have permission to perform this action."},
	http.StatusNotFound:            {id: "not_found", message: "The resource you were accessing could not be found."},
	http.StatusMethodNotAllowed:    {id: "method_not_allowed", message: "This fake API serves only GET and HEAD."},
	http.StatusTooManyRequests:     {id: "too_many_requests", message: "API rate limit exceeded."},
	http.StatusInternalServerError: {id: "server_error", message: "Unexpected server-side error"},
}

// errorFor is the API's error for an HTTP status; a status it does not
// document gets the status text as its id and message.
func errorFor(status int) *apiError {
	e, ok := knownErrors[status]
	if !ok {
		text := cmp.Or(http.StatusText(status), "Error")
		e = apiError{id: snakeCase(text), message: text + "."}
	}
	e.status = status
	return &e
}

// snakeCase turns "Bad Gateway" into "bad_gateway".
func snakeCase(text string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return '_'
	}, text)
}

func badRequest(message string) *apiError {
	e := errorFor(http.StatusBadRequest)
	e.message = message
	return e
}

func (e *apiError) body(requestID string) []byte {
	b, _ := json.Marshal(struct {
		ID        string `json:"id"`
		Message   string `json:"message"`
		RequestID string `json:"request_id"`
	}{e.id, e.message, requestID})
	return b
}
