package inventory

import "time"

// monitoringBudget plans the monitored kinds with what the lists and
// details leave of the budget. They come first, since the inventory is what
// everything else reads; but when the monitored kinds are on, the lists
// are stretched rather than take more than monitoringReserve of the budget,
// so that monitoring always gets a share.
//
// Within their share, the monitored kinds stretch their interval alike, up
// to the longest allowed; past that, each reads in a round only the share
// of its resources that fits, and the others in later rounds.
type monitoringBudget struct {
	interval, maxInterval time.Duration // as configured
	kinds                 map[string]*monitoredCost
}

// monitoringReserve is the share of the budget the lists leave to the
// monitored kinds, at the least, when they need it.
const monitoringReserve = 0.1

type monitoredCost struct {
	perRound float64       // requests of a round that reads every resource
	perStep  float64       // requests of the reading of one resource
	planned  time.Duration // the interval now planned
	share    float64       // of a full round that fits at that interval
}

// monitoringPlan is what the budget allows a monitored kind: its interval,
// and the share of a full round a round may send.
type monitoringPlan struct {
	interval time.Duration
	share    float64
}

// monitor adds a monitored kind to the plan.
func (b *budget) monitor(kind string, interval, maxInterval time.Duration) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.monitoring.interval, b.monitoring.maxInterval = interval, maxInterval
	if b.monitoring.kinds == nil {
		b.monitoring.kinds = map[string]*monitoredCost{}
	}
	b.monitoring.kinds[kind] = &monitoredCost{planned: interval, share: 1}
}

// planMonitoring notes what a full round of the kind would cost, and one
// step of it, plans again and returns what the kind may do. The lists'
// stretch is left as it was: it changes, and is logged, when a list next
// reports its cost.
func (b *budget) planMonitoring(kind string, perRound, perStep float64, limit int) monitoringPlan {
	b.mu.Lock()
	defer b.mu.Unlock()
	k := b.monitoring.kinds[kind]
	k.perRound, k.perStep = perRound, perStep
	b.planLocked(limit)
	return monitoringPlan{interval: k.planned, share: k.share}
}

// intervalOf is the interval planned for a monitored kind; false for any
// other kind.
func (m *monitoringBudget) intervalOf(kind string) (time.Duration, bool) {
	k, ok := m.kinds[kind]
	if !ok {
		return 0, false
	}
	return k.planned, true
}

// perHour is what the monitored kinds would send in an hour if each read
// everything every interval.
func (m *monitoringBudget) perHour(interval time.Duration) float64 {
	var total float64
	for _, k := range m.kinds {
		total += k.perRound * float64(time.Hour) / float64(interval)
	}
	return total
}

// reserve is the share of allowed the lists leave to the monitored kinds:
// what they need at their longest interval, up to monitoringReserve.
func (m *monitoringBudget) reserve(allowed float64) float64 {
	if len(m.kinds) == 0 {
		return 0
	}
	return min(m.perHour(m.maxInterval), monitoringReserve*allowed)
}

// plan shares allowance, the requests an hour the lists leave, between the
// monitored kinds; without a budget, each reads everything every interval.
// The steps of a round are evenly spaced, so any hour holds at most one
// step more than an hour's share of them: that much is kept aside.
func (m *monitoringBudget) plan(limited bool, allowance float64) {
	for _, k := range m.kinds {
		allowance -= k.perStep
	}
	demand := m.perHour(m.interval)
	stretch := 1.0
	if limited && demand > allowance {
		stretch = demand / max(allowance, 1) // at least a request an hour
	}
	stretched := float64(m.interval) * stretch
	for _, k := range m.kinds {
		k.planned, k.share = time.Duration(stretched), 1
		if stretched > float64(m.maxInterval) {
			k.planned, k.share = m.maxInterval, float64(m.maxInterval)/stretched
		}
	}
}
