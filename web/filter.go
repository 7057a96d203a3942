package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
	"github.com/digitalocean-exporter/digitalocean_exporter/posture"
)

// Filter selects workloads. Each field holds the values a row may have, any
// of them; an empty field selects every row.
type Filter struct {
	Kinds    []string
	Regions  []string
	Tags     []string
	Statuses []string
	Projects []string // project IDs
	Findings []string // posture checks: the workloads that fail any of them
	failing  map[workloadKey]bool
}

// workloadKey names one workload of one account.
type workloadKey struct{ account, kind, id string }

// The query parameters a Filter reads, each repeatable.
const (
	paramKind    = "kind"
	paramRegion  = "region"
	paramTag     = "tag"
	paramStatus  = "status"
	paramProject = "project"
	paramFinding = "finding"
)

// filterFields are the parameters a Filter reads, in the order links
// keep them, and the field each fills.
var filterFields = []struct {
	param string
	field func(*Filter) *[]string
}{
	{paramKind, func(f *Filter) *[]string { return &f.Kinds }},
	{paramRegion, func(f *Filter) *[]string { return &f.Regions }},
	{paramTag, func(f *Filter) *[]string { return &f.Tags }},
	{paramStatus, func(f *Filter) *[]string { return &f.Statuses }},
	{paramProject, func(f *Filter) *[]string { return &f.Projects }},
	{paramFinding, func(f *Filter) *[]string { return &f.Findings }},
}

// readQuery reads a request's query and its filter; an error is the
// client's, for a 400: never an unfiltered answer for a filter it could not
// read.
func readQuery(r *http.Request) (url.Values, Filter, error) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, Filter{}, fmt.Errorf("cannot read the query: %w", err)
	}
	filter, err := parseFilter(q)
	return q, filter, err
}

// parseFilter reads ?kind=, ?region=, ?tag=, ?status=, ?project= and
// ?finding=. Empty values are ignored, so an HTML form's "any" choice
// selects everything; an unknown kind or check is an error rather than an
// empty answer.
func parseFilter(q url.Values) (Filter, error) {
	var f Filter
	for _, p := range filterFields {
		*p.field(&f) = values(q, p.param)
	}
	for _, kind := range f.Kinds {
		if !slices.Contains(Kinds, kind) {
			return f, fmt.Errorf("unknown kind %q: want one of %s", kind, strings.Join(Kinds, ", "))
		}
	}
	for _, check := range f.Findings {
		if !slices.ContainsFunc(posture.Checks, func(c posture.Check) bool { return c.Name == check }) {
			return f, fmt.Errorf("unknown posture check %q", check)
		}
	}
	return f, nil
}

// query is the filter as the query parameters it reads: the canonical form
// of every query that selects the same, whatever the order of its
// parameters and values repeated.
func (f Filter) query() url.Values {
	q := url.Values{}
	for _, p := range filterFields {
		if v := *p.field(&f); len(v) > 0 {
			q[p.param] = v
		}
	}
	return q
}

// withFindings resolves a finding filter against what each account's
// checks found: the workloads that fail the checks asked for.
func (f Filter) withFindings(results map[string][]posture.Result) Filter {
	if len(f.Findings) == 0 {
		return f
	}
	f.failing = map[workloadKey]bool{}
	for account, checks := range results {
		for _, r := range checks {
			if slices.Contains(f.Findings, r.Name) {
				for _, ref := range r.Failing {
					f.failing[workloadKey{account, ref.Kind, ref.ID}] = true
				}
			}
		}
	}
	return f
}

// evaluate runs the posture checks of every account, by account.
func evaluate(snapshots []*inventory.Snapshot) map[string][]posture.Result {
	results := make(map[string][]posture.Result, len(snapshots))
	for _, s := range snapshots {
		results[s.Account] = posture.Evaluate(s)
	}
	return results
}

// values are the values of a parameter, trimmed, each once, in order.
func values(q url.Values, key string) []string {
	var out []string
	for _, v := range q[key] {
		if v = strings.TrimSpace(v); v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// Match tells whether the row passes every part of the filter. A region
// filter selects a region and the workloads placed by its geography (apps
// in nyc for nyc1), or a whole geography; a tag filter selects rows that
// carry any of the tags, and does not apply to kinds that carry no tags.
func (f Filter) Match(r Row) bool {
	return anyOf(f.Kinds, r.Kind) && anyOf(f.Statuses, r.Status) && anyOf(f.Projects, r.ProjectID) &&
		(len(f.Findings) == 0 || f.failing[workloadKey{r.Account, r.Kind, r.ID}]) &&
		(len(f.Regions) == 0 || slices.ContainsFunc(f.Regions, func(want string) bool { return inventory.RegionMatches(want, r.Region) })) &&
		(len(f.Tags) == 0 || !tagged(r.Kind) || slices.ContainsFunc(r.Tags, func(t string) bool { return slices.Contains(f.Tags, t) }))
}

func anyOf(allowed []string, v string) bool { return len(allowed) == 0 || slices.Contains(allowed, v) }

// tagged tells whether the kind's workloads carry tags.
func tagged(kind string) bool {
	k := inventory.KindNamed(kind)
	return k != nil && k.Has(inventory.HasTags)
}

// untaggedNote says which of the kinds asked for a tag filter leaves as
// they are, or "" when it leaves none.
func (f Filter) untaggedNote() string {
	if len(f.Tags) == 0 {
		return ""
	}
	var untagged []string
	for _, k := range inventory.WorkloadKinds() {
		if !k.Has(inventory.HasTags) && anyOf(f.Kinds, k.Name()) {
			untagged = append(untagged, k.Name())
		}
	}
	if len(untagged) == 0 {
		return ""
	}
	return strings.Join(untagged, ", ") + " carry no tags: the tag filter does not apply to them"
}

// apply keeps the matching workloads, and the refreshes of the kinds asked for.
func (f Filter) apply(fleet Fleet) Fleet {
	out := Fleet{Refreshes: []Refresh{}, Workloads: []Row{}}
	for _, r := range fleet.Refreshes {
		if anyOf(f.Kinds, r.Kind) {
			out.Refreshes = append(out.Refreshes, r)
		}
	}
	for _, row := range fleet.Workloads {
		if f.Match(row) {
			out.Workloads = append(out.Workloads, row)
		}
	}
	if note := f.untaggedNote(); note != "" {
		out.Notes = append(out.Notes, note)
	}
	return out
}
