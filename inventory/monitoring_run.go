package inventory

import (
	"cmp"
	"context"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/digitalocean/godo"
)

// monitorSpec declares a monitored kind: which objects of its parent list
// it reads, with which requests, and what a reading of one makes. Read is
// pure: it gets the resource's previous values (zero before the first
// reading) and the answers, in the order of Requests.
type monitorSpec[P, V any] struct {
	Name, Label, Scope string
	Parent             List[P]
	Path, IDParam      string // /v2/monitoring/metrics/<Path>/...?<IDParam>=<ID>
	ID                 func(*P) string
	// Select tells whether the object is read at all, and whether its list
	// says it has something to report (a Droplet's monitoring agent).
	Select   func(*P, MonitoringOptions) (selected, reports bool)
	Requests func(MonitoringOptions) []metricRequest
	Read     func(prev V, answers [][]series, o MonitoringOptions) V
}

// monitorKind is what the refresher needs of a monitored kind.
type monitorKind interface {
	newRun(MonitoringOptions) monitorRun
	status(list any) MonitoringStatus
}

// monitorRun is one account's reading of one monitored kind.
type monitorRun interface {
	// plan selects the resources of this round from s, in the order to
	// read them; allowed is the share of a full round (of perRound
	// requests, perStep a resource) the budget allows.
	plan(s *Snapshot, now time.Time, detail time.Duration, allowed func(perRound, perStep float64) float64) roundPlan
	// read reads one resource over the window since its last reading.
	read(ctx context.Context, c *godo.Client, id string, now time.Time) error
	// data is what to publish: MonitoringData[V].
	data() any
}

// roundPlan is what one round reads.
type roundPlan struct {
	steps    []string // resource IDs
	coverage Coverage
	wasShort bool // the round before left resources out for the budget
}

func newMonitored[P, V any](spec monitorSpec[P, V]) Monitored[V] {
	return Monitored[V]{&Kind{name: spec.Name, label: spec.Label, scope: spec.Scope, parent: spec.Parent.name,
		monitor: &spec}}
}

func (spec *monitorSpec[P, V]) newRun(o MonitoringOptions) monitorRun {
	return &monitorState[P, V]{spec: spec, opts: o.withDefaults(), resources: map[string]*resourceState[V]{}}
}

func (spec *monitorSpec[P, V]) status(list any) MonitoringStatus {
	data, _ := list.(MonitoringData[V])
	sampled := make(map[string]time.Time, len(data.ByID))
	for id, r := range data.ByID {
		sampled[id] = r.Sampled
	}
	return MonitoringStatus{Kind: spec.Parent.name, Coverage: data.Coverage, Sampled: sampled}
}

// resourceState is what a run remembers of one resource between rounds.
type resourceState[V any] struct {
	read    time.Time // the end of the window last read; zero before the first
	noData  bool      // the last answer had no samples, or the list says it has none to give
	probed  time.Time // when it was last asked while it had none
	reading *Reading[V]
}

// windowStart is where the next window of the resource starts: where the
// last one ended, so no sample is missed between two readings, but at
// least minWindow and at most maxWindow before now.
func (st *resourceState[V]) windowStart(now time.Time, interval time.Duration) time.Time {
	start := cmp.Or(st.read, now.Add(-interval))
	if latest := now.Add(-minWindow); start.After(latest) {
		start = latest
	}
	if earliest := now.Add(-maxWindow); start.Before(earliest) {
		start = earliest
	}
	return start
}

type monitorState[P, V any] struct {
	spec *monitorSpec[P, V]
	opts MonitoringOptions

	mu        sync.Mutex
	resources map[string]*resourceState[V]
	coverage  Coverage
}

func (m *monitorState[P, V]) plan(s *Snapshot, now time.Time, detail time.Duration, allowed func(float64, float64) float64) roundPlan {
	m.mu.Lock()
	defer m.mu.Unlock()
	var probes, reads []string
	selected := map[string]bool{}
	parents := m.spec.Parent.Of(s)
	for i := range parents {
		in, reports := m.spec.Select(&parents[i], m.opts)
		if !in {
			continue
		}
		id := m.spec.ID(&parents[i])
		selected[id] = true
		st, known := m.resources[id]
		if !known {
			st = &resourceState[V]{noData: !reports}
			m.resources[id] = st
		}
		switch {
		case !st.noData:
			reads = append(reads, id)
		case st.probed.IsZero() || now.Sub(st.probed) >= detail:
			probes = append(probes, id)
		}
	}
	for id := range m.resources {
		if !selected[id] {
			delete(m.resources, id) // gone, or no longer selected
		}
	}
	noData := len(selected) - len(reads)
	perResource := float64(len(m.spec.Requests(m.opts)))
	// A resource without data is asked once per detail interval: a share
	// of it in each round.
	perRound := float64(len(reads))*perResource + float64(noData)*min(1, float64(m.opts.Interval)/float64(detail))
	share := allowed(perRound, perResource)
	m.oldestFirst(probes, func(st *resourceState[V]) time.Time { return st.probed })
	m.oldestFirst(reads, func(st *resourceState[V]) time.Time { return st.read })
	if share < 1 {
		budget := share * perRound
		probes = probes[:min(len(probes), max(1, int(budget/2)))]
		fit := max(1, int(math.Floor((budget-float64(len(probes)))/perResource)))
		reads = reads[:min(len(reads), fit)]
	}
	wasShort := m.coverage.SkippedBudget > 0
	m.coverage = Coverage{Selected: len(selected), Covered: len(reads), SkippedNoAgent: noData,
		SkippedBudget: len(selected) - noData - len(reads)}
	return roundPlan{steps: append(reads, probes...), coverage: m.coverage, wasShort: wasShort}
}

// oldestFirst sorts ids by when, the zero time first, then by ID: the
// round-robin that reads every resource in turn.
func (m *monitorState[P, V]) oldestFirst(ids []string, when func(*resourceState[V]) time.Time) {
	slices.SortFunc(ids, func(a, b string) int {
		return cmp.Or(when(m.resources[a]).Compare(when(m.resources[b])), cmp.Compare(a, b))
	})
}

func (m *monitorState[P, V]) read(ctx context.Context, c *godo.Client, id string, now time.Time) error {
	m.mu.Lock()
	st, ok := m.resources[id]
	var prev V
	var w window
	if ok {
		w = window{start: st.windowStart(now, m.opts.Interval), end: now}
		if st.reading != nil {
			prev = st.reading.Values
		}
	}
	m.mu.Unlock()
	if !ok {
		return nil
	}
	requests := m.spec.Requests(m.opts)
	answers := make([][]series, len(requests))
	for i, r := range requests {
		answer, err := getMetric(ctx, c, m.spec.Path, m.spec.IDParam, id, r, w)
		switch {
		case isNotFound(err): // deleted since it was listed
			m.forget(id)
			return nil
		case err != nil:
			return err
		case i == 0 && len(answer) == 0:
			m.learn(id, now, nil)
			return nil
		}
		answers[i] = answer
	}
	m.learn(id, now, &Reading[V]{Sampled: newest(answers), Values: m.spec.Read(prev, answers, m.opts)})
	return nil
}

// forget drops a resource that is gone.
func (m *monitorState[P, V]) forget(id string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	st, ok := m.resources[id]
	if !ok {
		return
	}
	if st.noData {
		m.coverage.SkippedNoAgent--
	} else {
		m.coverage.Covered--
	}
	m.coverage.Selected--
	delete(m.resources, id)
}

// learn records a reading, or that the resource had no samples, and moves
// it between the covered and the skipped when that changed.
func (m *monitorState[P, V]) learn(id string, now time.Time, reading *Reading[V]) {
	m.mu.Lock()
	defer m.mu.Unlock()
	st, ok := m.resources[id]
	if !ok {
		return
	}
	hasData := reading != nil
	switch {
	case hasData && st.noData:
		m.coverage.SkippedNoAgent--
		m.coverage.Covered++
	case !hasData && !st.noData:
		m.coverage.Covered--
		m.coverage.SkippedNoAgent++
	}
	st.noData, st.reading = !hasData, reading
	if hasData {
		st.read = now
	} else {
		st.probed = now
	}
}

func (m *monitorState[P, V]) data() any {
	m.mu.Lock()
	defer m.mu.Unlock()
	byID := make(map[string]Reading[V], len(m.resources))
	for id, st := range m.resources {
		if st.reading != nil {
			byID[id] = *st.reading
		}
	}
	return MonitoringData[V]{Coverage: m.coverage, ByID: byID}
}
