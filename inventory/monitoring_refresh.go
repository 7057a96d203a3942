package inventory

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/go-kit/log"
	"github.com/go-kit/log/level"
)

// A monitored kind is refreshed in rounds. Each round plans what the budget
// allows, then reads one resource after another, spread evenly over the
// round's interval so that the requests never come in bursts, and publishes
// after each one: a reading is a refresh of the kind.

// startMonitors prepares the runs of the monitored kinds the account
// refreshes, and gives them to the budget.
func (r *Refresher) startMonitors() {
	r.monitors = map[string]monitorRun{}
	for _, k := range r.kinds {
		if k.monitor != nil {
			r.monitors[k.name] = k.monitor.newRun(r.monitoring)
			r.budget.monitor(k.name, r.monitoring.Interval, r.monitoring.MaxInterval)
		}
	}
}

// monitorLoop runs rounds until ctx ends. The first waits until every
// other kind was refreshed once, so that the budget knows what they cost.
func (r *Refresher) monitorLoop(ctx context.Context, k *Kind) {
	r.waitUntil(ctx, r.listedOnce)
	clock := r.monitoring.Clock
	for ctx.Err() == nil {
		start, interval, _ := r.monitorRound(ctx, k, r.pace)
		if clock.Sleep(ctx, start.Add(interval).Sub(clock.Now())) != nil {
			return
		}
	}
}

// listedOnce tells whether every kind that is not monitored has been
// refreshed at least once in s.
func (r *Refresher) listedOnce(s *Snapshot) bool {
	for _, k := range r.kinds {
		if k.monitor == nil && s.Status[k.name].Refreshes == 0 {
			return false
		}
	}
	return true
}

// pacer waits until a step is due, and returns when it started it.
type pacer func(ctx context.Context, due time.Time) (time.Time, error)

// pace waits until due, and out a pause after a 429.
func (r *Refresher) pace(ctx context.Context, due time.Time) (time.Time, error) {
	clock := r.monitoring.Clock
	if err := clock.Sleep(ctx, due.Sub(clock.Now())); err != nil {
		return due, err
	}
	if until, paused := r.recorder.paused(time.Now()); paused {
		if err := clock.Sleep(ctx, time.Until(until)+jitter(time.Second)); err != nil {
			return due, err
		}
	}
	return clock.Now(), nil
}

// noPace reads a round at once, for Refresh.
func noPace(_ context.Context, due time.Time) (time.Time, error) { return due, nil }

// monitorRound runs one round of k and returns when it started, its
// planned interval and the error of its last step.
func (r *Refresher) monitorRound(ctx context.Context, k *Kind, pace pacer) (start time.Time, interval time.Duration, err error) {
	run := r.monitors[k.name]
	start = r.monitoring.Clock.Now()
	current := r.Snapshot()
	if parent := current.Status[k.parent]; !parent.Known() {
		err := &parentUnknownError{parent: k.parent, reason: cmp.Or(parent.Reason, ReasonOther)}
		r.publish(k, nil, 0, err)
		return start, r.budget.interval(k.name), err
	}
	var plan monitoringPlan
	round := run.plan(current, start, r.detailInterval, func(perRound, perStep float64) float64 {
		plan = r.budget.planMonitoring(k.name, perRound, perStep, r.recorder.limit())
		return plan.share
	})
	r.logCoverage(k, round)
	if len(round.steps) == 0 { // nothing to read, so nothing can fail: publish the coverage
		r.publish(k, run.data(), 0, nil)
		return start, plan.interval, nil
	}
	// The steps are spread evenly over the interval; one that comes late
	// (a pause after a 429, a slow answer) moves the next ones on, so
	// that they never come closer together than the plan.
	gap, due := plan.interval/time.Duration(len(round.steps)), start
	var published time.Time
	for i, id := range round.steps {
		began, waitErr := pace(ctx, due)
		if waitErr != nil {
			return start, plan.interval, waitErr
		}
		publish := i == len(round.steps)-1 || began.Sub(published) >= monitorPublishEvery
		if publish {
			published = began
		}
		err = r.monitorStep(ctx, k, id, publish)
		if began.After(due) {
			due = began
		}
		due = due.Add(gap)
	}
	return start, plan.interval, err
}

// monitorPublishEvery is how often at most a round publishes what its
// readings learnt, besides at its last step and at a failure: a round of
// many resources reads one every fraction of a second, and every
// publication turns over what scrapes have cached of the kind.
const monitorPublishEvery = 10 * time.Second

// monitorStep reads one resource and, if told to or if the reading failed,
// publishes what the kind knows.
func (r *Refresher) monitorStep(ctx context.Context, k *Kind, id string, publish bool) error {
	run := r.monitors[k.name]
	stepCtx, cancel := context.WithTimeout(ctx, r.deadline(k))
	defer cancel()
	began := time.Now()
	err := run.read(stepCtx, r.client, id, r.monitoring.Clock.Now())
	if ctx.Err() != nil && errors.Is(err, context.Canceled) {
		return err // shutting down: nothing to report
	}
	if err == nil && !publish {
		return nil
	}
	before, after := r.publish(k, run.data(), time.Since(began), err)
	if err == nil && r.onRefresh != nil {
		r.onRefresh(k.name, before, after)
	}
	return err
}

// logCoverage logs when a kind starts leaving resources out for the budget,
// and when it stops.
func (r *Refresher) logCoverage(k *Kind, round roundPlan) {
	c := round.coverage
	logger := log.With(r.logger, "resource", k.name)
	switch {
	case c.SkippedBudget > 0 && !round.wasShort:
		level.Warn(logger).Log("msg", "the request budget does not allow reading every resource even at --monitoring.max-interval; "+
			"reading them in turn", "covered_per_round", c.Covered, "skipped_budget", c.SkippedBudget,
			"selected", c.Selected, "rounds_to_cover_all", fmt.Sprint(roundsToCover(c)))
	case c.SkippedBudget == 0 && round.wasShort:
		level.Info(logger).Log("msg", "the request budget allows reading every resource again", "selected", c.Selected)
	}
}

// roundsToCover is how many rounds it takes to read every resource that
// has data, at this round's coverage.
func roundsToCover(c Coverage) int {
	return (c.Covered + c.SkippedBudget + c.Covered - 1) / max(c.Covered, 1)
}
