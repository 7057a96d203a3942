package inventory

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/digitalocean/godo"
	"github.com/go-kit/log"
	"github.com/go-kit/log/level"
)

// Options configure the refresher of one account.
type Options struct {
	Account  string // the account label
	Client   ClientOptions
	Kinds    []string // kinds to keep listed; the account itself always is
	Interval time.Duration
	Logger   log.Logger
}

// Refresher keeps one account's snapshot fresh: one loop per resource kind
// lists that kind and publishes a new snapshot with it. Readers never
// wait for it and it never waits for them.
type Refresher struct {
	account   string
	client    *godo.Client
	token     func() string
	recorder  *apiRecorder
	resources []resource
	interval  time.Duration
	deadline  time.Duration // of one whole refresh of one kind
	logger    log.Logger

	mu      sync.Mutex // held by writers only
	current atomic.Pointer[Snapshot]
	failing map[string]bool // kinds whose last refresh failed; guarded by mu
}

// NewRefresher prepares a refresher; nothing is fetched before Run or Refresh.
func NewRefresher(o Options) (*Refresher, error) {
	recorder := newAPIRecorder()
	client, err := newClient(o.Client, recorder)
	if err != nil {
		return nil, fmt.Errorf("account %q: %w", o.Account, err)
	}
	r := &Refresher{
		account:  o.Account,
		client:   client,
		token:    o.Client.Token,
		recorder: recorder,
		interval: o.Interval,
		deadline: max(o.Interval, 5*o.Client.Timeout),
		logger:   log.With(o.Logger, "component", "refresher", "account", o.Account),
		failing:  map[string]bool{},
	}
	status := map[string]Status{}
	for _, res := range resources {
		if res.kind == KindAccount || slices.Contains(o.Kinds, res.kind) {
			r.resources = append(r.resources, res)
			status[res.kind] = Status{Errors: map[Reason]uint64{}}
		}
	}
	r.current.Store(&Snapshot{Account: o.Account, Status: status, API: recorder.stats()})
	return r, nil
}

// Snapshot returns the latest published snapshot. Never nil.
func (r *Refresher) Snapshot() *Snapshot { return r.current.Load() }

// Run refreshes every kind at once, then each again on its own jittered
// interval, until ctx ends.
func (r *Refresher) Run(ctx context.Context) {
	var wg sync.WaitGroup
	for _, res := range r.resources {
		wg.Go(func() { r.loop(ctx, res) })
	}
	wg.Wait()
}

// Refresh lists every kind once, concurrently, and returns when all are published.
func (r *Refresher) Refresh(ctx context.Context) {
	var wg sync.WaitGroup
	for _, res := range r.resources {
		wg.Go(func() { r.refresh(ctx, res) })
	}
	wg.Wait()
}

func (r *Refresher) loop(ctx context.Context, res resource) {
	for {
		wait := jitter(r.interval)
		if err := r.refresh(ctx, res); err != nil {
			wait = max(wait, retryAfter(err))
		}
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case <-timer.C:
		}
	}
}

// refresh lists one kind and publishes the result: the new list on success,
// or the old list with the failure noted.
func (r *Refresher) refresh(ctx context.Context, res resource) error {
	ctx, cancel := context.WithTimeout(ctx, r.deadline)
	defer cancel()
	start := time.Now()
	apply, err := res.load(ctx, r.client)
	duration := time.Since(start)
	if ctx.Err() != nil && errors.Is(err, context.Canceled) {
		return err // shutting down: nothing to report
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	next := *r.current.Load()
	next.Status = maps.Clone(next.Status)
	status := next.Status[res.kind]
	status.Refreshes++
	status.Duration = duration
	status.Reason = ""
	if err != nil {
		status.Reason = ReasonOf(err)
		status.Errors = maps.Clone(status.Errors)
		status.Errors[status.Reason]++
	} else {
		apply(&next)
		status.LastSuccess = time.Now()
	}
	next.Status[res.kind] = status
	next.API = r.recorder.stats()
	r.current.Store(&next)
	r.logChange(res.kind, status.Reason, err)
	return err
}

// logChange logs when a kind starts failing and when it recovers; repeats
// are debug lines, so a revoked token does not fill the log.
func (r *Refresher) logChange(kind string, reason Reason, err error) {
	logger := log.With(r.logger, "resource", kind)
	wasFailing := r.failing[kind]
	r.failing[kind] = err != nil
	switch {
	case err == nil && wasFailing:
		level.Info(logger).Log("msg", "refresh recovered")
	case err == nil:
		level.Debug(logger).Log("msg", "refresh done")
	case wasFailing:
		level.Debug(logger).Log("msg", "refresh still failing", "reason", reason, "err", r.safeError(err))
	case reason == ReasonUnauthorized:
		level.Error(logger).Log("msg", "the API rejected the token; check that it exists and has not expired or been revoked",
			"reason", reason, "err", r.safeError(err))
	default:
		level.Warn(logger).Log("msg", "refresh failed; keeping the last good data", "reason", reason, "err", r.safeError(err))
	}
}

// maxErrorLength bounds an error in a log line: a proxy's HTML error page
// becomes the message of godo's error.
const maxErrorLength = 300

// safeError is err's text with the token blanked out, in case a server
// echoed the request back, and cut to a readable length.
func (r *Refresher) safeError(err error) string {
	text := err.Error()
	if token := r.token(); token != "" {
		text = strings.ReplaceAll(text, token, "<redacted>")
	}
	if len(text) > maxErrorLength {
		text = text[:maxErrorLength] + "..."
	}
	return text
}

// jitter spreads refreshes by ±10% so that kinds and exporters drift apart.
func jitter(d time.Duration) time.Duration {
	return d + time.Duration((rand.Float64()-0.5)*0.2*float64(d))
}

// retryAfter is how long a 429 asked us to wait; 0 for other errors.
func retryAfter(err error) time.Duration {
	var apiErr *godo.ErrorResponse
	if !errors.As(err, &apiErr) || apiErr.Response == nil {
		return 0
	}
	seconds, convErr := strconv.Atoi(apiErr.Response.Header.Get("Retry-After"))
	if convErr != nil || seconds < 0 {
		return 0
	}
	return time.Duration(seconds) * time.Second
}
