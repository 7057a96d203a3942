package inventory

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"
)

// defaultPause is how long a 429 that names no time stops an account's requests.
const defaultPause = time.Minute

// pausedError is returned, without sending anything, for a request made
// while the account is paused after a 429.
type pausedError struct{ until time.Time }

func (e *pausedError) Error() string {
	return fmt.Sprintf("requests paused after a 429 until %s", e.until.UTC().Format(time.RFC3339))
}

// pauseOf is when requests may start again after a 429: after retry-after
// seconds if the answer says, else at ratelimit-reset, else a minute on.
func pauseOf(resp *http.Response, now time.Time) time.Time {
	if seconds, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && seconds >= 0 {
		return now.Add(time.Duration(seconds) * time.Second)
	}
	if reset, err := strconv.ParseInt(resp.Header.Get("Ratelimit-Reset"), 10, 64); err == nil && time.Unix(reset, 0).After(now) {
		return time.Unix(reset, 0)
	}
	return now.Add(defaultPause)
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
