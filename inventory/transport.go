package inventory

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
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
}

func newAPIRecorder() *apiRecorder {
	return &apiRecorder{requests: map[RequestKey]uint64{}}
}

func (r *apiRecorder) record(path string, resp *http.Response) {
	key := RequestKey{Endpoint: routeTemplate(path), Code: "error"}
	rate, rateOK := RateLimit{}, false
	if resp != nil {
		key.Code = strconv.Itoa(resp.StatusCode)
		rate, rateOK = rateLimitOf(resp.Header)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.requests[key]++
	if rateOK {
		r.rate = rate
	}
	if resp != nil && resp.StatusCode == http.StatusTooManyRequests {
		if until := pauseOf(resp, time.Now()); until.After(r.pausedUntil) {
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

// limit is the hourly request limit the API last reported; 0 until then.
func (r *apiRecorder) limit() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.rate.Limit
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
	t.recorder.record(req.URL.Path, resp)
	return resp, err
}

var idSegment = regexp.MustCompile(`^([0-9]+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$`)

// namedBy are the collections whose objects a path names by their name
// rather than an ID: /v2/domains/example.com/records,
// /v2/registries/storefront/repositoriesV2.
var namedBy = []string{"domains", "registries"}

// routeTemplate turns a request path into a label value of bounded
// cardinality: /v2/databases/9cc1.../firewall becomes /v2/databases/{id}/firewall,
// and /v2/domains/example.com/records /v2/domains/{id}/records.
// A prefix before /v2/ (a proxy's, say) is dropped.
func routeTemplate(path string) string {
	if i := strings.Index(path, "/v2/"); i > 0 {
		path = path[i:]
	}
	segments := strings.Split(path, "/")
	for i, s := range segments {
		if idSegment.MatchString(s) || s != "" && i > 2 && slices.Contains(namedBy, segments[i-1]) {
			segments[i] = "{id}"
		}
	}
	return strings.Join(segments, "/")
}
