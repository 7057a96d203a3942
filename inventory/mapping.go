package inventory

import (
	"slices"
	"time"

	"github.com/digitalocean/godo"
)

// Helpers that the mappings of several kinds share.

func regionSlug(r *godo.Region) string {
	if r == nil {
		return ""
	}
	return r.Slug
}

// parseTime reads an RFC 3339 time; anything else is unknown (zero).
func parseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// sortedTags returns a sorted copy without duplicates or empty tags.
func sortedTags(tags []string) []string {
	if len(tags) == 0 {
		return nil
	}
	sorted := slices.DeleteFunc(slices.Clone(tags), func(t string) bool { return t == "" })
	slices.Sort(sorted)
	return slices.Compact(sorted)
}

// nonEmpty lists the values that are not "".
func nonEmpty(values ...string) []string {
	var out []string
	for _, v := range values {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

// timeOf is *t, or zero for nil.
func timeOf(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return *t
}

// firstOfEach keeps the first of the items that share a key, in order: an
// answer that repeats an ID (the API's own images example does) must not
// make one object two workloads or two series.
func firstOfEach[T any, K comparable](items []T, key func(*T) K) []T {
	seen := make(map[K]bool, len(items))
	return slices.DeleteFunc(items, func(item T) bool {
		k := key(&item)
		if seen[k] {
			return true
		}
		seen[k] = true
		return false
	})
}
