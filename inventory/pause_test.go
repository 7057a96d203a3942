package inventory

import (
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

func TestPauseIsWhatTheAnswerAsksButNeverOverAnHour(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	for _, tc := range []struct {
		name        string
		retryAfter  string
		reset       string
		want        time.Duration
		wantClamped bool
	}{
		{"retry-after", "30", "", 30 * time.Second, false},
		{"reset", "", strconv.FormatInt(now.Add(10*time.Minute).Unix(), 10), 10 * time.Minute, false},
		{"neither", "", "", defaultPause, false},
		{"a day's retry-after", "86400", "", maxPause, true},
		{"a reset next year", "", strconv.FormatInt(now.Add(365*24*time.Hour).Unix(), 10), maxPause, true},
		{"a reset in the past", "", strconv.FormatInt(now.Add(-time.Hour).Unix(), 10), defaultPause, false},
	} {
		resp := &http.Response{Header: http.Header{}}
		if tc.retryAfter != "" {
			resp.Header.Set("Retry-After", tc.retryAfter)
		}
		if tc.reset != "" {
			resp.Header.Set("Ratelimit-Reset", tc.reset)
		}
		until, clamped := pauseOf(resp, now)
		if until.Sub(now) != tc.want || clamped != tc.wantClamped {
			t.Errorf("%s: pause %s (clamped %v), want %s (%v)", tc.name, until.Sub(now), clamped, tc.want, tc.wantClamped)
		}
	}
}

// TestOddAnswersAreWorkedAroundAndLoggedOnce: a 429 asking for a day, and a
// reported limit of 1 an hour, are clamped, and each is logged once.
func TestOddAnswersAreWorkedAroundAndLoggedOnce(t *testing.T) {
	api := newTestAPI(t, fakeapi.Examples())
	api.SetRateLimit(1)
	api.SetFault("/v2/apps", fakeapi.Fault{Status: 429, RetryAfter: 86400, Times: 1})
	s := api.refresh(t)
	if until := s.API.PausedUntil; until.After(time.Now().Add(maxPause)) || until.Before(time.Now().Add(maxPause-time.Minute)) {
		t.Errorf("paused until %s, want an hour from now", until)
	}
	if got := api.refresher.recorder.limit(); got != minLimit {
		t.Errorf("the budget plans with a limit of %d, want %d", got, minLimit)
	}
	api.refresh(t) // still paused, and the limit still 1: nothing new to say
	logs := api.logs.String()
	for _, odd := range []string{"a 429 asked to wait longer than 1h0m0s", "ratelimit-limit 1 is below any real limit"} {
		if n := countLines(logs, "answered something odd", odd); n != 1 {
			t.Errorf("%q logged %d times, want once:\n%s", odd, n, logs)
		}
	}
}
