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
)

// budget keeps an account's requests under a share of its hourly rate
// limit. It learns what a refresh of each kind costs from the requests the
// last one sent (a list's pages follow from its meta.total; a per-object
// kind costs one request per object), and when the planned hourly total
// exceeds the budget it stretches every interval by the same factor.
type budget struct {
	share float64 // of the hourly limit; 0 turns the budget off

	mu         sync.Mutex
	kinds      map[string]*kindCost
	stretch    float64          // ≥ 1
	monitoring monitoringBudget // the monitored kinds, planned with what the others leave
}

type kindCost struct {
	interval time.Duration // as configured
	requests float64       // sent by the last refresh
}

func newBudget(share float64) *budget {
	return &budget{share: share, kinds: map[string]*kindCost{}, stretch: 1}
}

func (b *budget) plan(kind string, interval time.Duration) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.kinds[kind] = &kindCost{interval: interval}
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
	changed = (plan.stretch > 1) != (b.stretch > 1)
	b.stretch = plan.stretch
	return plan, changed
}

// interval is how long the kind now waits between refreshes.
func (b *budget) interval(kind string) time.Duration {
	b.mu.Lock()
	defer b.mu.Unlock()
	if planned, ok := b.monitoring.intervalOf(kind); ok {
		return planned
	}
	return time.Duration(float64(b.kinds[kind].interval) * b.stretch)
}

// budgetPlan is the outcome of planning, for logs.
type budgetPlan struct {
	stretch         float64
	requestsPerHour float64 // at the configured intervals
	allowedPerHour  float64 // for the lists and details: what monitoring leaves
}

func (b *budget) planLocked(limit int) budgetPlan {
	if limit <= 0 {
		limit = assumedLimit
	}
	allowed := min(b.share*float64(limit), maxRequestsPerMinute*60)
	plan := budgetPlan{stretch: 1, allowedPerHour: allowed - b.monitoring.reserve(allowed)}
	for _, k := range b.kinds {
		plan.requestsPerHour += k.requests * float64(time.Hour) / float64(k.interval)
	}
	if b.share > 0 && plan.requestsPerHour > plan.allowedPerHour {
		plan.stretch = plan.requestsPerHour / plan.allowedPerHour
	}
	b.monitoring.plan(b.share > 0, allowed-plan.requestsPerHour/plan.stretch)
	return plan
}
