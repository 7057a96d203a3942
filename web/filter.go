package web

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
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

// Match tells whether the row passes every part of the filter. A row matches
// a tag filter when it carries any of the tags.
func (f Filter) Match(r Row) bool {
	return anyOf(f.Kinds, r.Kind) && anyOf(f.Regions, r.Region) && anyOf(f.Statuses, r.Status) &&
		(len(f.Tags) == 0 || slices.ContainsFunc(r.Tags, func(t string) bool { return slices.Contains(f.Tags, t) }))
}

func anyOf(allowed []string, v string) bool { return len(allowed) == 0 || slices.Contains(allowed, v) }

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
	return out
}
