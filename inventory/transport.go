package inventory

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// readOnlyTransport refuses every request that could change anything, so
// the exporter cannot write to an account whatever its token allows.
type readOnlyTransport struct{ next http.RoundTripper }

func (t readOnlyTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Method != http.MethodGet && req.Method != http.MethodHead {
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, fmt.Errorf("read-only exporter refuses %s %s", req.Method, req.URL.Path)
	}
	return t.next.RoundTrip(req)
}

// bearerTransport adds the token to each request. It clones the request
// first, as a RoundTripper must not change the one it is given.
type bearerTransport struct {
	token func() string
	next  http.RoundTripper
}

func (t bearerTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	authed := req.Clone(req.Context())
	authed.Header.Set("Authorization", "Bearer "+t.token())
	return t.next.RoundTrip(authed)
}

// apiRecorder counts requests by route, keeps the last rate-limit headers,
// and pauses the account's requests after a 429.
type apiRecorder struct {
	mu          sync.Mutex
	requests    map[RequestKey]uint64
	rate        RateLimit
	pausedUntil time.Time
	pauses      uint64
	oddities    map[string]bool // what the API said that made no sense: logged once each
}

func newAPIRecorder() *apiRecorder {
	return &apiRecorder{requests: map[RequestKey]uint64{}, oddities: map[string]bool{}}
}

// noteOddity remembers something the API said that made no sense, for the
// refresher to log once. The caller locks.
func (r *apiRecorder) noteOddity(what string) {
	if _, seen := r.oddities[what]; !seen {
		r.oddities[what] = false
	}
}

// newOddities returns the oddities not returned before.
func (r *apiRecorder) newOddities() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var fresh []string
	for what, told := range r.oddities {
		if !told {
			fresh = append(fresh, what)
			r.oddities[what] = true
		}
	}
	return fresh
}

func (r *apiRecorder) record(route string, resp *http.Response) {
	key := RequestKey{Endpoint: route, Code: "error"}
	rate, rateOK := RateLimit{}, false
	if resp != nil {
		key.Code = strconv.Itoa(resp.StatusCode)
		rate, rateOK = rateLimitOf(resp.Header)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.requests[key]++
	if rateOK {
		if rate.Limit < minLimit {
			r.noteOddity(fmt.Sprintf("ratelimit-limit %d is below any real limit; planning with %d", rate.Limit, minLimit))
		}
		r.rate = rate
	}
	if resp != nil && resp.StatusCode == http.StatusTooManyRequests {
		until, clamped := pauseOf(resp, time.Now())
		if clamped {
			r.noteOddity(fmt.Sprintf("a 429 asked to wait longer than %s; waiting %s", maxPause, maxPause))
		}
		if until.After(r.pausedUntil) {
			r.pausedUntil = until
		}
		r.pauses++
	}
}

// paused returns the end of the current pause, if one is running.
func (r *apiRecorder) paused(now time.Time) (time.Time, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.pausedUntil, now.Before(r.pausedUntil)
}

// minLimit is the lowest hourly limit the budget plans with: the API's
// burst limit of a single minute. A reported limit under it (0, from a
// broken proxy) would stretch every interval past usefulness.
const minLimit = 250

// limit is the hourly request limit the API last reported, at least
// minLimit; 0 until it reported one.
func (r *apiRecorder) limit() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.rate.Seen {
		return 0
	}
	return max(r.rate.Limit, minLimit)
}

// stats returns a copy that later requests do not change.
func (r *apiRecorder) stats() APIStats {
	r.mu.Lock()
	defer r.mu.Unlock()
	requests := make(map[RequestKey]uint64, len(r.requests))
	for k, v := range r.requests {
		requests[k] = v
	}
	return APIStats{Requests: requests, RateLimit: r.rate, PausedUntil: r.pausedUntil, Pauses: r.pauses}
}

func rateLimitOf(h http.Header) (RateLimit, bool) {
	limit, errLimit := strconv.Atoi(h.Get("Ratelimit-Limit"))
	remaining, errRemaining := strconv.Atoi(h.Get("Ratelimit-Remaining"))
	reset, errReset := strconv.ParseInt(h.Get("Ratelimit-Reset"), 10, 64)
	if errLimit != nil || errRemaining != nil || errReset != nil {
		return RateLimit{}, false
	}
	return RateLimit{Limit: limit, Remaining: remaining, Reset: time.Unix(reset, 0), Seen: true}, true
}

// recordingTransport feeds every answer, or its absence, to the recorder,
// and sends nothing while the account is paused after a 429.
type recordingTransport struct {
	recorder *apiRecorder
	next     http.RoundTripper
}

func (t recordingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if until, paused := t.recorder.paused(time.Now()); paused {
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, &pausedError{until: until}
	}
	countRequest(req.Context())
	resp, err := t.next.RoundTrip(req)
	t.recorder.record(routeTemplate(req.URL.EscapedPath(), objectOf(req.Context())), resp)
	return resp, err
}

var idSegment = regexp.MustCompile(`^([0-9]+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$`)

var dateSegment = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

// routeTemplate turns a request path into a label value of bounded
// cardinality: the object a request is about (object, escaped as in the
// path), and any number or UUID, become {id}, and a date {date}, so that
// /v2/databases/9cc1.../firewall is /v2/databases/{id}/firewall, a zone's
// /v2/domains/example.com/records is /v2/domains/{id}/records and billing
// insights /v2/billing/{id}/insights/{date}/{date}. A prefix before /v2/
// (a proxy's, say) is dropped.
func routeTemplate(path, object string) string {
	if i := strings.Index(path, "/v2/"); i > 0 {
		path = path[i:]
	}
	segments := strings.Split(path, "/")
	for i, s := range segments {
		switch {
		case dateSegment.MatchString(s):
			segments[i] = "{date}"
		case idSegment.MatchString(s) || s != "" && s == object:
			segments[i] = "{id}"
		}
	}
	return strings.Join(segments, "/")
}

// objectKey is the context key of the object a request is about.
type objectKey struct{}

// aboutObject marks ctx's requests as being about the object whose path
// segment is id.
func aboutObject(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, objectKey{}, id)
}

func objectOf(ctx context.Context) string {
	id, _ := ctx.Value(objectKey{}).(string)
	return id
}
