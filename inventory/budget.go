package inventory

import (
	"sync"
	"time"
)

const (
	// maxRequestsPerMinute is the API's burst limit; the budget never plans more.
	maxRequestsPerMinute = 250
	// assumedLimit stands for the hourly limit until the API has reported it.
	assumedLimit = 5000
	// detailShare is the share of the budget the details are sure of when
	// the lists and the details together exceed it: the lists may take the
	// rest, so that what runs stays fresh while per-object details wait.
	detailShare = 0.25
)

// budget keeps an account's requests under a share of its hourly rate
// limit. It learns what a refresh of each kind costs from the requests the
// last one sent (a list's pages follow from its meta.total; a per-object
// kind costs one request per object). When the planned hourly total
// exceeds the budget, it stretches the intervals of the details first:
// the lists keep their own unless, with the details' share of the budget
// set apart, they alone exceed it. The monitored kinds share what the
// lists and details leave (see monitoringBudget).
type budget struct {
	share float64 // of the hourly limit; 0 turns the budget off

	mu         sync.Mutex
	kinds      map[string]*kindCost
	last       budgetPlan
	monitoring monitoringBudget // the monitored kinds, planned with what the others leave
}

type kindCost struct {
	interval time.Duration // as configured
	detail   bool          // refreshed on the detail cadence
	requests float64       // sent by the last refresh
}

func newBudget(share float64) *budget {
	return &budget{share: share, kinds: map[string]*kindCost{}, last: budgetPlan{listStretch: 1, detailStretch: 1}}
}

func (b *budget) plan(kind string, interval time.Duration, detail bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.kinds[kind] = &kindCost{interval: interval, detail: detail}
}

// record notes what one refresh cost and plans again. It returns the plan
// and whether stretching just started or stopped.
func (b *budget) record(kind string, requests int64, limit int) (plan budgetPlan, changed bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if k, ok := b.kinds[kind]; ok {
		k.requests = float64(requests)
	}
	plan = b.planLocked(limit)
	changed = plan.stretched() != b.last.stretched()
	b.last = plan
	return plan, changed
}

// interval is how long the kind now waits between refreshes.
func (b *budget) interval(kind string) time.Duration {
	b.mu.Lock()
	defer b.mu.Unlock()
	if planned, ok := b.monitoring.intervalOf(kind); ok {
		return planned
	}
	k := b.kinds[kind]
	stretch := b.last.listStretch
	if k.detail {
		stretch = b.last.detailStretch
	}
	return time.Duration(float64(k.interval) * stretch)
}

// budgetPlan is the outcome of planning: how much the intervals of the
// lists and of the details are stretched (each ≥ 1), and the figures
// behind it, for logs.
type budgetPlan struct {
	listStretch, detailStretch float64
	listsPerHour               float64 // at the configured intervals
	detailsPerHour             float64
	allowedPerHour             float64 // for the lists and details: what monitoring leaves
}

// stretch is how much intervals stretch for planned requests an hour to
// fit in allowed: 1 when nothing is planned (0/0 would be NaN).
func stretch(planned, allowed float64) float64 {
	if planned == 0 {
		return 1
	}
	return max(1, planned/allowed)
}

func (p budgetPlan) stretched() bool { return p.listStretch > 1 || p.detailStretch > 1 }

func (p budgetPlan) requestsPerHour() float64 { return p.listsPerHour + p.detailsPerHour }

func (b *budget) planLocked(limit int) budgetPlan {
	if limit <= 0 {
		limit = assumedLimit
	}
	allowed := min(b.share*float64(limit), maxRequestsPerMinute*60)
	plan := budgetPlan{listStretch: 1, detailStretch: 1, allowedPerHour: allowed - b.monitoring.reserve(allowed)}
	for _, k := range b.kinds {
		perHour := k.requests * float64(time.Hour) / float64(k.interval)
		if k.detail {
			plan.detailsPerHour += perHour
		} else {
			plan.listsPerHour += perHour
		}
	}
	if b.share > 0 && plan.requestsPerHour() > plan.allowedPerHour {
		// The lists may use what the details are not sure of; the details
		// take what the lists leave.
		forLists := min(plan.listsPerHour, plan.allowedPerHour-min(plan.detailsPerHour, detailShare*plan.allowedPerHour))
		plan.listStretch = stretch(plan.listsPerHour, forLists)
		plan.detailStretch = stretch(plan.detailsPerHour, plan.allowedPerHour-forLists)
	}
	b.monitoring.plan(b.share > 0, allowed-plan.listsPerHour/plan.listStretch-plan.detailsPerHour/plan.detailStretch)
	return plan
}
