package fakeapi

import (
	"cmp"
	"net/http"
	"strconv"
)

// anyRoute is the route of a fault that applies to every path.
const anyRoute = "*"

// Fault makes the server misbehave on a route.
type Fault struct {
	Status     int    // answer with this HTTP status and the API's JSON error body
	RetryAfter int    // seconds; sent as a retry-after header (use with 429)
	Body       string // send this raw body instead; Status 0 means 200
	Hang       bool   // hold the request until the client gives up or the server closes
	Times      int    // how many matching requests it applies to; 0 = until cleared
	// Share, between 0 and 1, makes the fault hit only that share of the
	// matching requests, spread evenly and the same on every run (0.3: the
	// 3rd, 6th, 10th... of every ten); 0 means every request.
	Share float64
	// Once makes the fault hit each request (its path and query) at most
	// once, so that a client's retry of it gets the normal answer.
	Once bool
}

// armedFault is a fault set on a route, with what it has seen so far.
type armedFault struct {
	Fault
	seen int             // matching requests so far, for Share
	hit  map[string]bool // requests hit so far, for Once
}

// faults holds at most one fault per route. The caller locks.
type faults map[string]*armedFault

// take returns the fault for a request to path, which template serves:
// the path's own first, then the template's, then "*". It counts one use of
// it down. request is the path with its query, for Once.
func (fs faults) take(path, template, request string) (Fault, bool) {
	for _, route := range []string{path, template, anyRoute} {
		f, ok := fs[route]
		if !ok {
			continue
		}
		if !f.hits(request) {
			return Fault{}, false
		}
		if f.Times > 0 {
			f.Times--
			if f.Times == 0 {
				delete(fs, route)
			}
		}
		return f.Fault, true
	}
	return Fault{}, false
}

// hits counts one matching request and tells whether the fault hits it.
func (f *armedFault) hits(request string) bool {
	if f.Once && f.hit[request] {
		return false
	}
	f.seen++
	hit := f.Share <= 0 || int(float64(f.seen)*f.Share) > int(float64(f.seen-1)*f.Share)
	if hit && f.Once {
		if f.hit == nil {
			f.hit = map[string]bool{}
		}
		f.hit[request] = true
	}
	return hit
}

// apply answers r as f says. It reports false when f leaves the answer to
// the normal route (a fault that only sets headers).
func (f Fault) apply(a *answer, r *http.Request, closing <-chan struct{}) bool {
	h := a.w.Header()
	if f.RetryAfter > 0 {
		h.Set("retry-after", strconv.Itoa(f.RetryAfter))
	}
	if f.Status == http.StatusTooManyRequests {
		h.Set("ratelimit-remaining", "0")
	}
	switch {
	case f.Hang:
		hang(r, closing)
	case f.Body != "":
		a.send(cmp.Or(f.Status, http.StatusOK), []byte(f.Body))
	case f.Status != 0:
		a.fail(errorFor(f.Status))
	default:
		return false
	}
	return true
}

// hang holds the request until the client gives up or the server closes,
// then drops the connection without an answer.
func hang(r *http.Request, closing <-chan struct{}) {
	select {
	case <-r.Context().Done():
	case <-closing:
	}
	panic(http.ErrAbortHandler)
}
