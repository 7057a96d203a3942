package inventory

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"
)

// defaultPause is how long a 429 that names no time stops an account's
// requests; maxPause the longest any 429 may stop them, whatever it asks:
// a proxy's Retry-After of a day, or a reset a year away, must not silence
// an exporter until someone restarts it.
const (
	defaultPause = time.Minute
	maxPause     = time.Hour
)

// pausedError is returned, without sending anything, for a request made
// while the account is paused after a 429.
type pausedError struct{ until time.Time }

func (e *pausedError) Error() string {
	return fmt.Sprintf("requests paused after a 429 until %s", e.until.UTC().Format(time.RFC3339))
}

// pauseOf is when requests may start again after a 429: after retry-after
// seconds if the answer says, else at ratelimit-reset, else a minute on;
// never more than maxPause on, and clamped tells whether it asked more.
func pauseOf(resp *http.Response, now time.Time) (until time.Time, clamped bool) {
	until = now.Add(defaultPause)
	if wait, ok := retryAfter(resp); ok {
		until = now.Add(min(wait, maxPause+time.Second))
	} else if reset, err := strconv.ParseInt(resp.Header.Get("Ratelimit-Reset"), 10, 64); err == nil && time.Unix(reset, 0).After(now) {
		until = time.Unix(min(reset, now.Add(maxPause+time.Second).Unix()), 0)
	}
	if latest := now.Add(maxPause); until.After(latest) {
		return latest, true
	}
	return until, false
}

// requestCounter counts the requests one refresh sends; the refresher puts
// it in the refresh's context, and the budget learns each kind's cost from it.
type requestCounter struct{ atomic.Int64 }

type requestCounterKey struct{}

func withRequestCounter(ctx context.Context) (context.Context, *requestCounter) {
	c := &requestCounter{}
	return context.WithValue(ctx, requestCounterKey{}, c), c
}

func countRequest(ctx context.Context) {
	if c, ok := ctx.Value(requestCounterKey{}).(*requestCounter); ok {
		c.Add(1)
	}
}
