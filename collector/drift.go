package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/drift"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// DriftReader is what the drift collector reads: a *drift.Tracker.
type DriftReader interface {
	Changes(account, kind string, change drift.ChangeType) uint64
	Recent() []drift.RecentChange
	// Verdict is nil without a baseline; loaded tells whether the
	// baseline file's last read loaded.
	Verdict(snapshots []*inventory.Snapshot) (v *drift.Verdict, loaded bool)
}

var (
	inventoryChanges = newDesc("inventory", "changes_total",
		"Workloads added, removed or modified (size, status, version, region, tags or node count) "+
			"between consecutive refreshes of their list.", "kind", "change")
	inventoryRecentChange = newDesc("inventory", "recent_change_info",
		"Each workload added, removed or modified in the last hour, value 1; fields names what a modification changed.",
		"kind", "id", "name", "region", "change", "fields")
	driftResources = newDesc("drift", "resources",
		"Workloads that drift from the baseline, by state: unexpected (live, not in the baseline), missing "+
			"(in the baseline, not live) or changed (live, with a declared field that differs).", "kind", "state")
	driftInfo = newDesc("drift", "info",
		"Each workload that drifts from the baseline, value 1; a changed one has a series per differing field.",
		"kind", "id", "name", "state", "field")
	driftBaselineReload = prometheus.NewDesc(prometheus.BuildFQName(namespace, "drift", "baseline_reload_success"),
		"1 when the last read of the baseline file loaded; 0 while a changed file does not load and the previous baseline is used.",
		nil, nil)
)

// driftCollector exposes what the drift tracker knows. Its values change
// between refreshes (a baseline file is edited, the last hour moves on),
// so it is gathered on every scrape.
type driftCollector struct {
	src   inventory.Source
	drift DriftReader
}

// NewDriftCollector exposes the change counters of every watched account,
// which start at 0, the last hour's changes, and, with a baseline, the drift
// from it.
func NewDriftCollector(src inventory.Source, d DriftReader) prometheus.Collector {
	return driftCollector{src: src, drift: d}
}

func (c driftCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{inventoryChanges, inventoryRecentChange, driftResources, driftInfo, driftBaselineReload} {
		ch <- d
	}
}

func (c driftCollector) Collect(ch chan<- prometheus.Metric) {
	out := func(m prometheus.Metric) { ch <- m }
	snapshots := c.src.Snapshots()
	watched := map[string]bool{}
	for _, s := range snapshots {
		watched[s.Account] = true
		for _, kind := range drift.Kinds {
			if _, enabled := s.Status[kind]; enabled {
				for _, change := range drift.ChangeTypes {
					counter(out, inventoryChanges, float64(c.drift.Changes(s.Account, kind, change)), s.Account, kind, string(change))
				}
			}
		}
	}
	for _, r := range c.drift.Recent() {
		if w := r.Workload; watched[r.Account] {
			gauge(out, inventoryRecentChange, 1, r.Account, w.Kind, w.ID, w.Name, w.Region, string(r.Type), r.FieldNames())
		}
	}
	if verdict, loaded := c.drift.Verdict(snapshots); verdict != nil {
		gauge(out, driftBaselineReload, boolValue(loaded))
		collectVerdict(out, verdict)
	}
}

// collectVerdict counts the drifted workloads of each judged kind, 0 for
// none, and names each of them once.
func collectVerdict(out emit, v *drift.Verdict) {
	type group struct {
		scope drift.Scope
		state drift.State
	}
	drifted := map[group]map[[2]string]bool{} // the workloads (id, name) of each group
	for _, scope := range v.Judged {
		for _, state := range drift.States {
			drifted[group{scope, state}] = map[[2]string]bool{}
		}
	}
	named := map[drift.Finding]bool{}
	for _, f := range v.Findings {
		if workloads := drifted[group{drift.Scope{Account: f.Account, Kind: f.Kind}, f.State}]; workloads != nil {
			workloads[[2]string{f.ID, f.Name}] = true
		}
		if !named[f] {
			named[f] = true
			gauge(out, driftInfo, 1, f.Account, f.Kind, f.ID, f.Name, string(f.State), f.Field)
		}
	}
	for g, workloads := range drifted {
		gauge(out, driftResources, float64(len(workloads)), g.scope.Account, g.scope.Kind, string(g.state))
	}
}
