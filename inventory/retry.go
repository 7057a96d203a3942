package inventory

import (
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"
)

// RetryPolicy says how often, and after how long, a request that failed on
// the server's side or the network's is sent again before its refresh
// fails. One failed page no longer fails a list of fifty.
type RetryPolicy struct {
	Attempts int           // at most, the first one included; 1 never retries
	Base     time.Duration // the first wait; each next one doubles, with jitter
	Max      time.Duration // the longest wait, Retry-After included
}

// DefaultRetryPolicy tries a request four times over about four seconds.
var DefaultRetryPolicy = RetryPolicy{Attempts: 4, Base: 500 * time.Millisecond, Max: 8 * time.Second}

// retryTransport sends a GET again after a 5xx answer (but 501) or a
// failed connection, with capped, jittered exponential backoff, honouring
// Retry-After. Every attempt goes through next, so each is counted in the
// request metrics and the budget like any other. A 429 is not retried here:
// it pauses the whole account (see recordingTransport).
type retryTransport struct {
	policy RetryPolicy
	next   http.RoundTripper
	wait   func(context.Context, time.Duration) error // time.Sleep that ctx cuts short
}

func (t retryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	for attempt := 1; ; attempt++ {
		resp, err := t.next.RoundTrip(req.Clone(ctx))
		if attempt >= t.policy.Attempts || !retryable(resp, err) || ctx.Err() != nil {
			return resp, err
		}
		wait := t.backoff(attempt, resp)
		if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < wait {
			return resp, err // no time left to try again: report this failure
		}
		discard(resp)
		if err := t.wait(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// retryable tells whether a failure may pass if the request is sent again.
func retryable(resp *http.Response, err error) bool {
	if err != nil {
		var paused *pausedError
		return !errors.As(err, &paused) && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded)
	}
	return resp.StatusCode >= 500 && resp.StatusCode != http.StatusNotImplemented
}

// backoff is the wait before attempt+1: what Retry-After asks, or base
// doubled per attempt with full jitter above its half; never over Max.
func (t retryTransport) backoff(attempt int, resp *http.Response) time.Duration {
	if wait, ok := retryAfter(resp); ok {
		return min(wait, t.policy.Max)
	}
	return exponentialBackoff(t.policy.Base, t.policy.Max, attempt)
}

// exponentialBackoff is base doubled per failure past the first, never
// over most, with full jitter above its half.
func exponentialBackoff(base, most time.Duration, failures int) time.Duration {
	step := min(base<<min(failures-1, 16), most)
	return step/2 + time.Duration(rand.Int64N(int64(step/2)+1))
}

// retryAfter is the wait an answer's Retry-After header asks in seconds,
// if it asks one.
func retryAfter(resp *http.Response) (time.Duration, bool) {
	if resp == nil {
		return 0, false
	}
	seconds, err := strconv.Atoi(resp.Header.Get("Retry-After"))
	return time.Duration(seconds) * time.Second, err == nil && seconds >= 0
}

// discard reads what is left of a failed answer, so that its connection
// can be used again, and closes it.
func discard(resp *http.Response) {
	if resp != nil && resp.Body != nil {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
	}
}

// sleep waits d, or less when ctx ends first.
func sleep(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}
