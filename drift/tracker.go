package drift

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/go-kit/log"
	"github.com/go-kit/log/level"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// RecentWindow is how long a workload's last change is remembered by name.
const RecentWindow = time.Hour

// Tracker counts the changes between consecutive refreshes of each
// account's workloads, logs each one, remembers the last hour's by
// workload, and holds the baseline, if there is one.
type Tracker struct {
	logger   log.Logger
	baseline *BaselineFile // nil without one
	now      func() time.Time

	mu     sync.Mutex
	counts map[countKey]uint64
	recent map[recentKey]RecentChange

	judging    sync.Mutex // guards the last verdict, and makes scrapes wait for one evaluation
	verdict    *Verdict
	verdictOf  *Baseline // the baseline it judged against
	verdictKey string    // and the lists it judged
}

type countKey struct {
	account, kind string
	change        ChangeType
}

type recentKey struct {
	account, kind, id string
	change            ChangeType
}

// RecentChange is the last change of one type of one workload.
type RecentChange struct {
	Account string
	Change
	At time.Time
}

// NewTracker starts with no changes; baseline may be nil.
func NewTracker(logger log.Logger, baseline *BaselineFile) *Tracker {
	return &Tracker{
		logger:   log.With(logger, "component", "drift"),
		baseline: baseline,
		now:      time.Now,
		counts:   map[countKey]uint64{},
		recent:   map[recentKey]RecentChange{},
	}
}

// Observe compares a kind's list before and after a successful refresh; it
// is the refresher's OnRefresh hook. The first list of a kind is where
// counting starts, so its workloads are not counted as added.
func (t *Tracker) Observe(kind string, before, after *inventory.Snapshot) {
	if !slices.Contains(Kinds, kind) || !before.Status[kind].Known() {
		return
	}
	changes := Compare(Workloads(before, kind), Workloads(after, kind))
	if len(changes) == 0 {
		return
	}
	now := t.now()
	t.mu.Lock()
	for _, c := range changes {
		t.counts[countKey{after.Account, kind, c.Type}]++
		t.recent[recentKey{after.Account, kind, c.Workload.ID, c.Type}] = RecentChange{after.Account, c, now}
	}
	for key, r := range t.recent {
		if now.Sub(r.At) >= RecentWindow {
			delete(t.recent, key)
		}
	}
	t.mu.Unlock()
	for _, c := range changes {
		t.log(after.Account, c)
	}
}

func (t *Tracker) log(account string, c Change) {
	w := c.Workload
	keyvals := []any{"msg", "workload " + string(c.Type), "account", account, "kind", w.Kind,
		"id", w.ID, "name", w.Name, "region", w.Region}
	if len(c.Fields) > 0 {
		changed := make([]string, len(c.Fields))
		for i, f := range c.Fields {
			changed[i] = fmt.Sprintf("%s %s -> %s", f.Name, orNone(f.Before), orNone(f.After))
		}
		keyvals = append(keyvals, "changed", strings.Join(changed, ", "))
	}
	level.Info(t.logger).Log(keyvals...)
}

// Changes is how many changes of a type the account's kind has seen.
func (t *Tracker) Changes(account, kind string, change ChangeType) uint64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.counts[countKey{account, kind, change}]
}

// Recent returns each workload's last change of each type within the
// RecentWindow, in no particular order.
func (t *Tracker) Recent() []RecentChange {
	now := t.now()
	t.mu.Lock()
	defer t.mu.Unlock()
	recent := make([]RecentChange, 0, len(t.recent))
	for _, r := range t.recent {
		if now.Sub(r.At) < RecentWindow {
			recent = append(recent, r)
		}
	}
	return recent
}

// Verdict judges the snapshots against the baseline, after reading its
// file again if it changed, and tells whether the file's last read loaded;
// nil without a baseline. A verdict is kept until the baseline or a list
// it judges changes, so scrapes between refreshes cost nothing.
func (t *Tracker) Verdict(snapshots []*inventory.Snapshot) (*Verdict, bool) {
	if t.baseline == nil {
		return nil, false
	}
	b, loaded := t.baseline.Current()
	key := inventory.Version(snapshots, b.Kinds)
	t.judging.Lock()
	defer t.judging.Unlock()
	if t.verdictOf != b || key != t.verdictKey {
		v := Evaluate(b, snapshots)
		t.verdict, t.verdictOf, t.verdictKey = &v, b, key
	}
	return t.verdict, loaded
}

func orNone(value string) string {
	if value == "" {
		return "(none)"
	}
	return value
}
