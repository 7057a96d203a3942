package web

import (
	"cmp"
	"fmt"
	"maps"
	"net/url"
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
	RegionKinds                []kindSummary // the kinds placed in a region, the columns of Regions
	Regions                    []regionSummary
	Health                     []healthRow
	Posture                    []postureView // by account
	Changes                    changeList
	Table                      workloadTable
	Choices                    choices
	Filter                     selected
	TagNote                    string            // what the tag filter does not apply to; "" without one
	Projects                   map[string]string // project names by ID
}

// RegionColumns is the width of the table by region: its region and
// total, and a column per kind.
func (v landingView) RegionColumns() int { return len(v.RegionKinds) + 2 }

type kindSummary struct {
	Kind, Label string
	Count       int
	Known       bool // listed in at least one account
	Tagged      bool // its workloads carry tags
}

type regionSummary struct {
	Region string
	Counts []kindCount // per kind, in Kinds order
	Total  int
}

type kindCount struct {
	Kind string
	N    int
}

type healthRow struct {
	Account, Kind string
	State         string // ok, failing, pending
	Age           string // of the data; "" when never listed
	LastSuccess   string
	Reason        string
}

// choices are the values the filter selects offer.
type choices struct {
	Kinds, Regions, Tags, Statuses []string
	Projects                       []option
}

// option is a choice whose value is not what a person reads.
type option struct{ Value, Label string }

// selected is the first value of each filter, as the form shows it, and
// the sort the form keeps.
type selected struct{ Kind, Region, Tag, Status, Project, Finding, Sort string }

// landingRequest is what the page was asked for.
type landingRequest struct {
	filter Filter
	table  tableQuery
}

// query is the canonical query of the request: the same for every query
// that asks for the same page.
func (r landingRequest) query() url.Values {
	q := r.filter.query()
	r.table.addTo(q)
	return q
}

// newLandingView builds the page of snapshots and recent changes; since
// says how long ago a time was.
func newLandingView(snapshots []*inventory.Snapshot, req landingRequest, changes lastHour, since func(time.Time) string) landingView {
	fleet := newFleet(snapshots)
	results := evaluate(snapshots)
	filter := req.filter.withFindings(results)
	v := landingView{TagNote: filter.untaggedNote(), Changes: changes.list(since), Projects: projectNames(snapshots),
		Filter: selected{Kind: first(filter.Kinds), Region: first(filter.Regions), Tag: first(filter.Tags),
			Status: first(filter.Statuses), Project: first(filter.Projects), Finding: first(filter.Findings),
			Sort: req.table.sortParam()}}
	for _, kind := range inventory.WorkloadKinds() {
		v.Kinds = append(v.Kinds, kindSummary{Kind: kind.Name(), Label: kind.Label(), Tagged: kind.Has(inventory.HasTags)})
	}
	for _, r := range fleet.Refreshes {
		if r.LastSuccess != nil {
			v.Kinds[slices.Index(Kinds, r.Kind)].Known = true
		}
	}
	var places, tags, statuses []string
	var selectedRows []Row
	for _, row := range fleet.Workloads {
		v.Kinds[slices.Index(Kinds, row.Kind)].Count++
		places = append(places, row.Region, row.Geography)
		tags = append(tags, row.Tags...)
		statuses = append(statuses, row.Status)
		if filter.Match(row) {
			selectedRows = append(selectedRows, row)
		}
	}
	v.Table = newWorkloadTable(selectedRows, len(fleet.Workloads), req.table, filter, v.Projects)
	v.RegionKinds = slices.DeleteFunc(slices.Clone(v.Kinds), func(k kindSummary) bool {
		return !inventory.KindNamed(k.Kind).Has(inventory.HasRegion)
	})
	v.Regions = regionSummaries(fleet.Workloads, v.RegionKinds)
	v.Choices = choices{Kinds: Kinds, Regions: uniq(places), Tags: uniq(tags), Statuses: uniq(statuses),
		Projects: projectOptions(v.Projects)}
	for _, s := range snapshots {
		v.Health = append(v.Health, healthRows(s, since)...)
		v.Posture = append(v.Posture, newPostureView(s, results[s.Account]))
	}
	return v
}

// projectNames are the names of every account's projects, by ID.
func projectNames(snapshots []*inventory.Snapshot) map[string]string {
	names := map[string]string{}
	for _, s := range snapshots {
		for _, p := range inventory.Projects.Of(s) {
			names[p.ID] = p.Name
		}
	}
	return names
}

// projectOptions are the projects as the filter offers them, by name.
func projectOptions(names map[string]string) []option {
	options := make([]option, 0, len(names))
	for id, name := range names {
		options = append(options, option{Value: id, Label: name})
	}
	slices.SortFunc(options, func(a, b option) int { return cmp.Or(compareNatural(a.Label, b.Label), cmp.Compare(a.Value, b.Value)) })
	return options
}

// regionSummaries count the workloads of the regional kinds by region.
func regionSummaries(rows []Row, kinds []kindSummary) []regionSummary {
	regions := map[string]*regionSummary{}
	for _, row := range rows {
		k := slices.IndexFunc(kinds, func(s kindSummary) bool { return s.Kind == row.Kind })
		if k < 0 {
			continue
		}
		region := regions[row.Region]
		if region == nil {
			region = &regionSummary{Region: row.Region, Counts: make([]kindCount, len(kinds))}
			for i, kind := range kinds {
				region.Counts[i].Kind = kind.Kind
			}
			regions[row.Region] = region
		}
		region.Counts[k].N++
		region.Total++
	}
	summaries := make([]regionSummary, 0, len(regions))
	for _, name := range slices.Sorted(maps.Keys(regions)) {
		summaries = append(summaries, *regions[name])
	}
	return summaries
}

// healthRows tells how each enabled kind of one account was refreshed, the
// account itself included, in the refresher's order.
func healthRows(s *inventory.Snapshot, since func(time.Time) string) []healthRow {
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
			row.Age = since(status.LastSuccess)
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

// uniq sorts values and drops repeats and empty strings.
func uniq(values []string) []string {
	values = slices.DeleteFunc(slices.Clone(values), func(v string) bool { return v == "" })
	slices.Sort(values)
	return slices.Compact(values)
}
