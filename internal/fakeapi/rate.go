package fakeapi

import (
	"cmp"
	"net/http"
	"strconv"
	"time"
)

// The API allows each token defaultRateLimit requests in any rateWindow; a
// request stays counted for one window from when it was made.
const (
	defaultRateLimit = 5000
	rateWindow       = time.Hour
)

// rateCounter counts requests over a sliding window. It is not enforced;
// it only feeds the ratelimit-* headers.
type rateCounter struct {
	limit int         // 0 means defaultRateLimit
	times []time.Time // oldest first
}

// rate is what the ratelimit-* headers say.
type rate struct {
	limit     int
	remaining int
	reset     time.Time
}

// add counts a request made at now and returns the rate after it.
func (c *rateCounter) add(now time.Time) rate {
	c.forgetBefore(now.Add(-rateWindow))
	c.times = append(c.times, now)
	limit := cmp.Or(c.limit, defaultRateLimit)
	return rate{
		limit:     limit,
		remaining: max(limit-len(c.times), 0),
		reset:     c.times[0].Add(rateWindow),
	}
}

func (c *rateCounter) forgetBefore(t time.Time) {
	i := 0
	for i < len(c.times) && !c.times[i].After(t) {
		i++
	}
	c.times = c.times[i:]
}

func (r rate) setHeaders(h http.Header) {
	h.Set("ratelimit-limit", strconv.Itoa(r.limit))
	h.Set("ratelimit-remaining", strconv.Itoa(r.remaining))
	h.Set("ratelimit-reset", strconv.FormatInt(r.reset.Unix(), 10))
}
