package web

import (
	"fmt"
	"hash/fnv"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/contentcoding"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// Inventory serves every workload of every account from the cache, as JSON
// or, with ?format=csv, as CSV; gzipped to a client that accepts it.
// ?kind=, ?region=, ?tag=, ?status=, ?project= and ?finding= filter the
// rows. Its ETag changes when a refresh publishes new data, so a client
// that polls gets 304 Not Modified until then.
func (p *Pages) Inventory() http.Handler {
	return p.limit(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
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
		query := filter.query()
		if format == "csv" {
			query.Set("format", format)
		}
		snapshots := p.src.Snapshots()
		version, key, gzipIt := listsVersion(snapshots), query.Encode(), contentcoding.AcceptsGzip(r.Header)
		tag := etag(version, key, gzipIt)
		h := w.Header()
		h.Set("ETag", tag)
		h.Set("Cache-Control", "no-cache")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Vary", "Accept-Encoding")
		if matchesETag(r.Header.Get("If-None-Match"), tag) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		answer, err := p.inventory.get(r.Context(), version, key, func() (*gzipped, error) {
			return gzipBody(func(w io.Writer) error { return writeInventory(w, snapshots, filter, format) })
		})
		if r.Context().Err() != nil {
			return // the client went away
		}
		if err != nil {
			h.Del("ETag")
			http.Error(w, "encoding the inventory failed: "+err.Error(), http.StatusInternalServerError)
			return
		}
		if format == "csv" {
			h.Set("Content-Type", "text/csv; charset=utf-8")
			h.Set("Content-Disposition", `attachment; filename="digitalocean-inventory.csv"`)
		} else {
			h.Set("Content-Type", "application/json; charset=utf-8")
		}
		answer.writeTo(w, r, gzipIt) // an error is the client's: it went away
	}))
}

// writeInventory writes the workloads the filter selects in a format.
func writeInventory(w io.Writer, snapshots []*inventory.Snapshot, filter Filter, format string) error {
	if len(filter.Findings) > 0 {
		filter = filter.withFindings(evaluate(snapshots))
	}
	fleet := filter.apply(newFleet(snapshots))
	if format == "csv" {
		return writeCSV(w, fleet.Workloads)
	}
	return writeJSON(w, fleet)
}

// etag names an answer: the version of the lists, the canonical query and
// whether it is gzipped. Between two refreshes it stays the same; it is
// not a hash of the body, which is never built for a 304.
func etag(version, query string, gzipped bool) string {
	h := fnv.New64a()
	fmt.Fprintf(h, "v2\x00%s\x00%s", query, version)
	if gzipped {
		return fmt.Sprintf(`"%x-gzip"`, h.Sum64())
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
