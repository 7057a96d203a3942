package inventory

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
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
	// DetailInterval is how often kinds that cost a request per object
	// (a database's trusted sources, a cluster's upgrades) are refreshed.
	DetailInterval time.Duration
	// RequestBudget is the share of the token's hourly rate limit the
	// refreshes may plan to use; intervals stretch to stay under it. 0 is
	// no budget.
	RequestBudget float64
	Logger        log.Logger
	// Monitoring configures the monitored kinds (droplet_metrics, ...).
	Monitoring MonitoringOptions
	// Settings go with every snapshot of the account.
	Settings Settings
	// Now is the clock of what a refresh asks of time (the month billing
	// insights cover); nil for time.Now.
	Now func() time.Time
	// OnRefresh, if set, is called after each successful refresh of a kind
	// with the snapshots just before and just after it. Refreshes of
	// different kinds run concurrently, so it must be safe for concurrent
	// use, and quick: the kind's next refresh waits for it.
	OnRefresh func(kind string, before, after *Snapshot)
}

// Refresher keeps one account's snapshot fresh: one loop per resource kind
// lists that kind and publishes a new snapshot with it. Readers never
// wait for it and it never waits for them.
type Refresher struct {
	account        string
	client         *godo.Client
	token          func() string
	recorder       *apiRecorder
	kinds          []*Kind
	interval       time.Duration
	detailInterval time.Duration
	timeout        time.Duration // of one request
	logger         log.Logger
	onRefresh      func(kind string, before, after *Snapshot)
	budget         *budget
	monitoring     MonitoringOptions
	monitors       map[string]monitorRun // by monitored kind
	now            func() time.Time

	mu        sync.Mutex // held by writers only
	current   atomic.Pointer[Snapshot]
	published chan struct{}   // closed and replaced at each publish; guarded by mu
	failing   map[string]bool // kinds whose last refresh failed; guarded by mu
	rejected  bool            // the token was rejected, and no refresh has worked since; guarded by mu
	repeating sync.Map        // kinds whose last list repeated an ID: kind → bool
	// missing are the scopes the log has said the token lacks, so that
	// kinds that need the same scope say it once; guarded by mu.
	missing map[string]bool
}

// NewRefresher prepares a refresher; nothing is fetched before Run or Refresh.
func NewRefresher(o Options) (*Refresher, error) {
	recorder := newAPIRecorder()
	client, err := newClient(o.Client, recorder)
	if err != nil {
		return nil, fmt.Errorf("account %q: %w", o.Account, err)
	}
	r := &Refresher{
		account:        o.Account,
		client:         client,
		token:          o.Client.Token,
		recorder:       recorder,
		interval:       o.Interval,
		detailInterval: cmp.Or(o.DetailInterval, o.Interval),
		timeout:        o.Client.Timeout,
		logger:         log.With(o.Logger, "component", "refresher", "account", o.Account),
		published:      make(chan struct{}),
		failing:        map[string]bool{},
		missing:        map[string]bool{},
		onRefresh:      o.OnRefresh,
		budget:         newBudget(o.RequestBudget),
		monitoring:     o.Monitoring.withDefaults(),
		now:            o.Now,
	}
	if r.now == nil {
		r.now = time.Now
	}
	status := map[string]Status{}
	for _, k := range kinds {
		if k.name == KindAccount || slices.Contains(o.Kinds, k.name) || isParentOf(k.name, o.Kinds) {
			r.kinds = append(r.kinds, k)
			r.budget.plan(k.name, r.configuredInterval(k), k.detail)
			status[k.name] = Status{Errors: map[Reason]uint64{}, Interval: r.configuredInterval(k)}
		}
	}
	r.startMonitors()
	r.current.Store(&Snapshot{Account: o.Account, Status: status, API: recorder.stats(), Settings: o.Settings})
	return r, nil
}

// Snapshot returns the latest published snapshot. Never nil.
func (r *Refresher) Snapshot() *Snapshot { return r.current.Load() }

// Run refreshes every kind at once, then each again on its own jittered
// interval, until ctx ends.
func (r *Refresher) Run(ctx context.Context) {
	var wg sync.WaitGroup
	for _, k := range r.kinds {
		wg.Go(func() { r.loop(ctx, k) })
	}
	wg.Wait()
}

// Refresh lists every kind once and returns when all are published: the
// lists concurrently, then the kinds read per object of a list.
func (r *Refresher) Refresh(ctx context.Context) {
	for _, perObject := range []bool{false, true} {
		var wg sync.WaitGroup
		for _, k := range r.kinds {
			if (k.parent != "") == perObject {
				wg.Go(func() { r.refresh(ctx, k) })
			}
		}
		wg.Wait()
	}
}

func (r *Refresher) loop(ctx context.Context, k *Kind) {
	if k.monitor != nil {
		r.monitorLoop(ctx, k)
		return
	}
	if k.parent != "" {
		r.waitUntil(ctx, func(s *Snapshot) bool { return s.Status[k.parent].Refreshes > 0 })
	}
	for failures := 0; ; {
		err := r.refresh(ctx, k)
		if err == nil {
			failures = 0
		} else {
			failures++
		}
		timer := time.NewTimer(r.nextWait(k, err, failures))
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case <-timer.C:
		}
	}
}

// backoffBase is the first wait after a failure that is worth retrying soon.
const backoffBase = 5 * time.Second

// nextWait is the time until the next refresh of a kind: its interval, as
// stretched by the budget; sooner, with capped exponential backoff, after a
// server or network failure; and not before a 429's pause ends.
func (r *Refresher) nextWait(k *Kind, err error, failures int) time.Duration {
	interval := r.budget.interval(k.name)
	if until, paused := r.recorder.paused(time.Now()); paused {
		return time.Until(until) + jitter(time.Second)
	}
	switch ReasonOf(err) {
	case ReasonServerError, ReasonNetwork, ReasonTimeout:
		if err != nil {
			return exponentialBackoff(backoffBase, interval, failures)
		}
	}
	return jitter(interval)
}

func (r *Refresher) configuredInterval(k *Kind) time.Duration {
	if k.monitor != nil {
		return r.monitoring.Interval
	}
	if k.detail {
		return r.detailInterval
	}
	return r.interval
}

// waitUntil returns once the current snapshot satisfies done, or ctx ends.
func (r *Refresher) waitUntil(ctx context.Context, done func(*Snapshot) bool) {
	for {
		r.mu.Lock()
		published := r.published
		r.mu.Unlock()
		if done(r.Snapshot()) {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-published:
		}
	}
}

// refresh lists one kind and publishes the result: the new list on success,
// or the old list with the failure noted.
func (r *Refresher) refresh(ctx context.Context, k *Kind) error {
	if k.monitor != nil {
		_, _, err := r.monitorRound(ctx, k, noPace)
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, r.deadline(k))
	defer cancel()
	ctx, requests := withRequestCounter(ctx)
	ctx = withClock(ctx, r.now)
	start := time.Now()
	list, err := r.load(ctx, k)
	if err == nil && k.unique != nil {
		var repeated int
		list, repeated = k.unique(list)
		r.logRepeats(k, repeated)
	}
	duration := time.Since(start)
	if ctx.Err() != nil && errors.Is(err, context.Canceled) {
		return err // shutting down: nothing to report
	}
	if sent := requests.Load(); sent > 0 || err == nil { // a refresh that failed before asking tells nothing of the cost
		r.planBudget(k, sent)
	}
	for _, what := range r.recorder.newOddities() {
		level.Warn(r.logger).Log("msg", "the API answered something odd; the exporter works around it", "what", what)
	}
	before, after := r.publish(k, list, duration, err)
	if err == nil && r.onRefresh != nil {
		r.onRefresh(k.name, before, after)
	}
	return err
}

// publish stores the outcome of one refresh as the new current snapshot and
// returns the snapshots before and after.
func (r *Refresher) publish(k *Kind, list any, duration time.Duration, err error) (before, after *Snapshot) {
	r.mu.Lock()
	defer r.mu.Unlock()
	before = r.current.Load()
	next := *before
	next.Status = maps.Clone(next.Status)
	status := next.Status[k.name]
	status.Refreshes++
	status.Duration = duration
	status.Reason = ""
	if err != nil {
		status.Reason = ReasonOf(err)
		status.Errors = maps.Clone(status.Errors)
		status.Errors[status.Reason]++
	} else {
		next.put(k.name, list)
		status.LastSuccess = time.Now()
	}
	status.Interval = r.budget.interval(k.name)
	next.Status[k.name] = status
	next.API = r.recorder.stats()
	r.current.Store(&next)
	close(r.published)
	r.published = make(chan struct{})
	r.logChange(k, status.Reason, err)
	return before, &next
}

// load fetches one kind. A kind read per object of its parent cannot be
// read while the parent's list is unknown, and fails for the same reason.
func (r *Refresher) load(ctx context.Context, k *Kind) (any, error) {
	current := r.Snapshot()
	if parent := current.Status[k.parent]; k.parent != "" && !parent.Known() {
		return nil, &parentUnknownError{parent: k.parent, reason: cmp.Or(parent.Reason, ReasonOther)}
	}
	return k.load(ctx, r.client, current)
}

// deadline bounds one refresh of one kind: its interval, but never less
// than a few requests' worth.
func (r *Refresher) deadline(k *Kind) time.Duration {
	return max(r.configuredInterval(k), 5*r.timeout)
}

// planBudget tells the budget what a refresh cost, and logs when the
// intervals start or stop being stretched.
func (r *Refresher) planBudget(k *Kind, requests int64) {
	plan, changed := r.budget.record(k.name, requests, r.recorder.limit())
	switch {
	case changed && plan.stretched():
		level.Warn(r.logger).Log("msg", "stretching refresh intervals to stay within the request budget, the details' first",
			"detail_factor", fmt.Sprintf("%.2f", plan.detailStretch), "list_factor", fmt.Sprintf("%.2f", plan.listStretch),
			"planned_per_hour", int(plan.requestsPerHour()), "budget_per_hour", int(plan.allowedPerHour))
	case changed:
		level.Info(r.logger).Log("msg", "refresh intervals back to their configured values: the budget allows them",
			"planned_per_hour", int(plan.requestsPerHour()), "budget_per_hour", int(plan.allowedPerHour))
	}
}

func isParentOf(kind string, names []string) bool {
	return slices.ContainsFunc(kinds, func(k *Kind) bool { return k.parent == kind && slices.Contains(names, k.name) })
}

type clockKey struct{}

// withClock hands a refresh the refresher's clock.
func withClock(ctx context.Context, now func() time.Time) context.Context {
	return context.WithValue(ctx, clockKey{}, now)
}

// clockOf is the clock of the refresh ctx belongs to; time.Now outside one.
func clockOf(ctx context.Context) func() time.Time {
	if now, ok := ctx.Value(clockKey{}).(func() time.Time); ok {
		return now
	}
	return time.Now
}

// parentUnknownError is the failure of a per-object kind whose parent list
// has never been fetched; it carries the parent's reason.
type parentUnknownError struct {
	parent string
	reason Reason
}

func (e *parentUnknownError) Error() string {
	return fmt.Sprintf("the %s list is not known yet (%s)", e.parent, e.reason)
}

// logChange logs when a kind starts failing and when it recovers; repeats
// are debug lines, so a revoked token does not fill the log.
func (r *Refresher) logChange(k *Kind, reason Reason, err error) {
	if r.logRejection(k, reason, err) {
		return
	}
	logger := log.With(r.logger, "resource", k.name)
	wasFailing := r.failing[k.name]
	r.failing[k.name] = err != nil
	scope := scopeOf(k, err)
	switch {
	case err == nil && wasFailing:
		delete(r.missing, k.scope)
		level.Info(logger).Log("msg", "refresh recovered")
	case err == nil:
		level.Debug(logger).Log("msg", "refresh done")
	case wasFailing, reason == ReasonForbidden && r.missing[scope]:
		level.Debug(logger).Log("msg", "refresh still failing", "reason", reason, "err", r.safeError(err))
	case reason == ReasonForbidden:
		r.missing[scope] = true
		level.Error(logger).Log("msg", "the token may not read this resource; give it the "+scope+" scope or disable its collector",
			"reason", reason, "missing_scope", scope, "err", r.safeError(err))
	default:
		level.Warn(logger).Log("msg", "refresh failed; keeping the last good data", "reason", reason, "err", r.safeError(err))
	}
}

// logRejection logs a rejected token once for the account, however many
// kinds it fails, and once more when the API accepts it again; it tells
// whether the refresh's outcome is said by that. The token is accepted again
// when the account itself is read again (a kind may succeed without a
// request); kinds that failed only for the token do not each log their
// recovery.
func (r *Refresher) logRejection(k *Kind, reason Reason, err error) bool {
	switch {
	case reason == ReasonUnauthorized && !r.rejected:
		r.rejected = true
		level.Error(r.logger).Log("msg", "the API rejected the token; check that it exists and has not expired or been revoked",
			"reason", reason, "err", r.safeError(err))
		return true
	case reason == ReasonUnauthorized:
		return true
	case err == nil && r.rejected && k.name == KindAccount:
		r.rejected = false
		level.Info(r.logger).Log("msg", "the API accepts the token again")
	}
	return false
}

// logRepeats warns when a kind's list starts repeating IDs (each is kept
// once), and says when it stops; repeats are not logged again meanwhile.
func (r *Refresher) logRepeats(k *Kind, repeated int) {
	was, _ := r.repeating.Swap(k.name, repeated > 0)
	switch wasRepeating, _ := was.(bool); {
	case repeated > 0 && !wasRepeating:
		level.Warn(log.With(r.logger, "resource", k.name)).Log("msg", "the API listed an ID more than once; keeping the first of each",
			"repeated", repeated)
	case repeated == 0 && wasRepeating:
		level.Info(log.With(r.logger, "resource", k.name)).Log("msg", "the API lists each ID once again")
	}
}

// scopeOf is the scope a failed refresh of k lacks: its own, or its
// parent's when it failed because its parent could not be read.
func scopeOf(k *Kind, err error) string {
	var parentErr *parentUnknownError
	if errors.As(err, &parentErr) {
		if parent := KindNamed(parentErr.parent); parent != nil {
			return parent.scope
		}
	}
	return k.scope
}

// maxErrorLength bounds an error in a log line: a proxy's HTML error page
// becomes the message of godo's error.
const maxErrorLength = 300

// safeError is err's text cut to a readable length, with the token blanked
// out, in case a server echoed the request back.
func (r *Refresher) safeError(err error) string {
	text := err.Error()
	if len(text) > maxErrorLength {
		text = text[:maxErrorLength] + "..."
	}
	return redact(text, r.token())
}

// jitter spreads refreshes by ±10% so that kinds and exporters drift apart.
func jitter(d time.Duration) time.Duration {
	return d + time.Duration((rand.Float64()-0.5)*0.2*float64(d))
}
