package web

import (
	"fmt"
	"slices"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// landingView is everything the landing page shows, built by a pure function
// so that tests need no clock and no HTTP.
type landingView struct {
	Name, Version, MetricsPath string
	Nonce                      string // of the inline script and style, fresh per request
	Kinds                      []kindSummary
	Regions                    []regionSummary
	Health                     []healthRow
	Workloads                  []Row
	Shown                      int // rows the filter selects
	Choices                    choices
	Filter                     selected
	TagNote                    string // what the tag filter does not apply to; "" without one
	filter                     Filter
}

// RegionColumns is the width of the table by region: its region and
// total, and a column per kind.
func (v landingView) RegionColumns() int { return len(v.Kinds) + 2 }

// FilterMatches tells the template whether a row is shown at first.
func (v landingView) FilterMatches(r Row) bool { return v.filter.Match(r) }

type kindSummary struct {
	Kind, Label string
	Count       int
	Known       bool // listed in at least one account
	Tagged      bool // its workloads carry tags
}

type regionSummary struct {
	Region string
	Counts []int // per kind, in Kinds order
	Total  int
}

type healthRow struct {
	Account, Kind string
	State         string // ok, failing, pending
	Age           string // of the data; "" when never listed
	LastSuccess   string
	Reason        string
}

// choices are the values the filter selects offer.
type choices struct{ Kinds, Regions, Tags, Statuses []string }

// selected is the first value of each filter, as the selects show it.
type selected struct{ Kind, Region, Tag, Status string }

func newLandingView(snapshots []*inventory.Snapshot, filter Filter, now time.Time) landingView {
	fleet := newFleet(snapshots)
	v := landingView{Workloads: fleet.Workloads, filter: filter, TagNote: filter.untaggedNote(), Filter: selected{
		Kind: first(filter.Kinds), Region: first(filter.Regions), Tag: first(filter.Tags), Status: first(filter.Statuses),
	}}
	for _, kind := range inventory.WorkloadKinds() {
		v.Kinds = append(v.Kinds, kindSummary{Kind: kind.Name(), Label: kind.Label(), Tagged: kind.Has(inventory.HasTags)})
	}
	for _, r := range fleet.Refreshes {
		if r.LastSuccess != nil {
			v.Kinds[slices.Index(Kinds, r.Kind)].Known = true
		}
	}
	regions := map[string]*regionSummary{}
	var places, tags, statuses []string
	for _, row := range fleet.Workloads {
		k := slices.Index(Kinds, row.Kind)
		v.Kinds[k].Count++
		region := regions[row.Region]
		if region == nil {
			region = &regionSummary{Region: row.Region, Counts: make([]int, len(Kinds))}
			regions[row.Region] = region
		}
		region.Counts[k]++
		region.Total++
		places = append(places, row.Region, row.Geography)
		tags = append(tags, row.Tags...)
		statuses = append(statuses, row.Status)
		if filter.Match(row) {
			v.Shown++
		}
	}
	names := sortedKeys(regions)
	if len(names) > 0 && names[0] == "" { // workloads of kinds placed in no region, last
		names = append(names[1:], "")
	}
	for _, name := range names {
		v.Regions = append(v.Regions, *regions[name])
	}
	v.Choices = choices{Kinds: Kinds, Regions: uniq(places), Tags: uniq(tags), Statuses: uniq(statuses)}
	for _, s := range snapshots {
		v.Health = append(v.Health, healthRows(s, now)...)
	}
	return v
}

// healthRows tells how each enabled kind of one account was refreshed, the
// account itself included, in the refresher's order.
func healthRows(s *inventory.Snapshot, now time.Time) []healthRow {
	var rows []healthRow
	for _, kind := range inventory.Kinds() {
		status, enabled := s.Status[kind]
		if !enabled {
			continue
		}
		row := healthRow{Account: s.Account, Kind: kind, State: "ok", Reason: string(status.Reason)}
		switch {
		case status.Refreshes == 0:
			row.State = "pending"
		case !status.Succeeded():
			row.State = "failing"
		}
		if status.Known() {
			row.Age = age(now.Sub(status.LastSuccess))
			row.LastSuccess = status.LastSuccess.UTC().Format(time.RFC3339)
		}
		rows = append(rows, row)
	}
	return rows
}

// age says how old data is, to the unit a person cares about.
func age(d time.Duration) string {
	switch d = max(d, 0); {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm %ds", int(d.Minutes()), int(d.Seconds())%60)
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh %dm", int(d.Hours()), int(d.Minutes())%60)
	}
	return fmt.Sprintf("%dd", int(d.Hours()/24))
}

func first(values []string) string {
	if len(values) == 0 {
		return ""
	}
	return values[0]
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// uniq sorts values and drops repeats and empty strings.
func uniq(values []string) []string {
	values = slices.DeleteFunc(slices.Clone(values), func(v string) bool { return v == "" })
	slices.Sort(values)
	return slices.Compact(values)
}
