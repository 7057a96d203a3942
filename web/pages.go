package web

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// PagesConfig configures the landing page and /inventory.
type PagesConfig struct {
	Landing LandingConfig
	// MaxRequests is how many requests the two may serve at once, with
	// slots of their own: a page never takes a scrape's. Past it they
	// answer 503. 0 is no limit.
	MaxRequests int
}

// Pages serves the landing page and /inventory from the snapshots. Each
// answer is built once per version of the lists and canonical query, one
// at a time, and kept in a small cache (see cache): a hundred requests for
// the same page cost one encoding, and distinct ones the memory of one.
type Pages struct {
	src       inventory.Source
	landing   LandingConfig
	slots     chan struct{} // nil: no limit
	pages     *cache[*stencil]
	inventory *cache[*gzipped]
	now       func() time.Time // the time ages are told at
}

// NewPages serves the pages of src.
func NewPages(src inventory.Source, cfg PagesConfig) *Pages {
	turn := make(chan struct{}, 1)
	p := &Pages{src: src, landing: cfg.Landing, pages: newCache[*stencil](turn), inventory: newCache[*gzipped](turn), now: time.Now}
	if cfg.MaxRequests > 0 {
		p.slots = make(chan struct{}, cfg.MaxRequests)
	}
	return p
}

// retryAfter is what a request refused for the limit is told to wait, in
// seconds: about what the largest answer takes to build.
const retryAfter = 5

// limit serves h while one of the pages' slots is free, and answers 503
// otherwise, as /metrics does past --web.max-requests.
func (p *Pages) limit(h http.Handler) http.Handler {
	if p.slots == nil {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case p.slots <- struct{}{}:
			defer func() { <-p.slots }()
			h.ServeHTTP(w, r)
		default:
			w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
			http.Error(w, fmt.Sprintf("Limit of concurrent requests for the page and /inventory reached (%d), "+
				"try again in a few seconds.", cap(p.slots)), http.StatusServiceUnavailable)
		}
	})
}

// listsVersion names the data the pages are made of: every listed kind
// (project_id comes from the project resources, posture from many), not
// the monitored ones, which the pages do not show.
func listsVersion(snapshots []*inventory.Snapshot) string {
	return inventory.Version(snapshots, inventory.ListedKinds())
}
