package web

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// Filter selects workloads. Each field holds the values a row may have, any
// of them; an empty field selects every row.
type Filter struct {
	Kinds    []string
	Regions  []string
	Tags     []string
	Statuses []string
}

// filterParams are the query parameters a Filter reads, each repeatable.
const (
	paramKind   = "kind"
	paramRegion = "region"
	paramTag    = "tag"
	paramStatus = "status"
)

// parseFilter reads ?kind=, ?region=, ?tag= and ?status=. Empty values are
// ignored, so an HTML form's "any" choice selects everything; an unknown
// kind is an error rather than an empty answer.
func parseFilter(q url.Values) (Filter, error) {
	f := Filter{
		Kinds:    values(q, paramKind),
		Regions:  values(q, paramRegion),
		Tags:     values(q, paramTag),
		Statuses: values(q, paramStatus),
	}
	for _, kind := range f.Kinds {
		if !slices.Contains(Kinds, kind) {
			return f, fmt.Errorf("unknown kind %q: want one of %s", kind, strings.Join(Kinds, ", "))
		}
	}
	return f, nil
}

func values(q url.Values, key string) []string {
	var out []string
	for _, v := range q[key] {
		if v = strings.TrimSpace(v); v != "" {
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
	return anyOf(f.Kinds, r.Kind) && anyOf(f.Statuses, r.Status) &&
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
