package web

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"net/http"
	"strings"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// Inventory serves every workload of every account from the cache, as JSON
// or, with ?format=csv, as CSV. ?kind=, ?region=, ?tag= and ?status= filter
// the rows. Its ETag changes when a refresh publishes new data, so a client
// that polls gets 304 Not Modified until then.
func Inventory(src inventory.Source) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q, filter, err := readQuery(r)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		format := q.Get("format")
		if format != "" && format != "json" && format != "csv" {
			http.Error(w, fmt.Sprintf("unknown format %q: want json or csv", format), http.StatusBadRequest)
			return
		}
		snapshots := src.Snapshots()
		tag := etag(snapshots, q.Encode())
		w.Header().Set("ETag", tag)
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		if matchesETag(r.Header.Get("If-None-Match"), tag) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		if len(filter.Findings) > 0 {
			filter = filter.withFindings(evaluate(snapshots))
		}
		fleet := filter.apply(newFleet(snapshots))
		if format == "csv" {
			w.Header().Set("Content-Type", "text/csv; charset=utf-8")
			w.Header().Set("Content-Disposition", `attachment; filename="digitalocean-inventory.csv"`)
			writeCSV(w, fleet.Workloads)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.Encode(fleet)
	})
}

// etag names the data the answer is made of: each kind's last success and
// last failure reason in each account, and the query. Between two refreshes
// it stays the same; it is not a hash of the body, which is never built for
// a 304.
func etag(snapshots []*inventory.Snapshot, query string) string {
	h := fnv.New64a()
	fmt.Fprintf(h, "v1\x00%s", query)
	for _, s := range snapshots {
		fmt.Fprintf(h, "\x00%s", s.Account)
		for _, kind := range inventory.Kinds() { // every kind: project_id comes from the project resources
			if status, ok := s.Status[kind]; ok {
				fmt.Fprintf(h, "\x00%s=%d/%s", kind, status.LastSuccess.UnixNano(), status.Reason)
			}
		}
	}
	return fmt.Sprintf(`"%x"`, h.Sum64())
}

// matchesETag applies If-None-Match: a list of entity tags, or *. The
// comparison is weak, as RFC 9110 asks for If-None-Match.
func matchesETag(ifNoneMatch, tag string) bool {
	for candidate := range strings.SplitSeq(ifNoneMatch, ",") {
		candidate = strings.TrimPrefix(strings.TrimSpace(candidate), "W/")
		if candidate == "*" || candidate == tag {
			return true
		}
	}
	return false
}

// formatTime is how the CSV and the page show a time.
func formatTime(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.RFC3339)
}
