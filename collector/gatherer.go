package collector

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// Gatherer serves a scrape. Health and runtime metrics are gathered live
// on every scrape; each collector of workload lists is gathered once per
// version of the lists it reads, and its families are reused until one of
// them is refreshed. A list changes every few minutes and is scraped far
// more often, and on a large account the gathering (building, checking and
// sorting tens of thousands of series) is as costly as the encoding.
type Gatherer struct {
	live  *prometheus.Registry
	lists []*listGatherer
}

// NewGatherer gathers the health collector and extra collectors live, and
// every enabled collector of Factories from its cache.
func NewGatherer(src inventory.Source, enabled func(name string) bool, extra ...prometheus.Collector) *Gatherer {
	g := &Gatherer{live: prometheus.NewRegistry()}
	g.live.MustRegister(newHealthCollector(src))
	g.live.MustRegister(extra...)
	for _, f := range Factories {
		if enabled(f.Name) {
			reg := prometheus.NewRegistry()
			reg.MustRegister(f.New(src))
			g.lists = append(g.lists, &listGatherer{src: src, kinds: f.reads(), reg: reg})
		}
	}
	return g
}

// Registerer is where the HTTP handler's own metrics go.
func (g *Gatherer) Registerer() prometheus.Registerer { return g.live }

// Gather returns every family sorted by name. The cached families are
// shared between scrapes; nothing downstream changes them.
func (g *Gatherer) Gather() ([]*dto.MetricFamily, error) {
	families, err := g.live.Gather()
	for _, l := range g.lists {
		cached, listErr := l.gather()
		families = append(families, cached...)
		err = errors.Join(err, listErr)
	}
	slices.SortFunc(families, func(a, b *dto.MetricFamily) int { return strings.Compare(a.GetName(), b.GetName()) })
	return families, err
}

// Warm rebuilds, every so often until ctx ends, the families of any list
// that changed, so that a scrape seldom pays for building them itself.
func (g *Gatherer) Warm(ctx context.Context, every time.Duration) {
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for {
		for _, l := range g.lists {
			l.gather() // an error here is the next scrape's to report
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

// listGatherer caches the families of one collector.
type listGatherer struct {
	src   inventory.Source
	kinds []string // the inventory kinds its collector reads
	reg   *prometheus.Registry

	mu       sync.Mutex
	version  string
	families []*dto.MetricFamily
}

func (l *listGatherer) gather() ([]*dto.MetricFamily, error) {
	// The version is read before gathering: a list published in between
	// makes the cache look older than it is, never newer.
	version := l.currentVersion()
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.families != nil && version == l.version {
		return l.families, nil
	}
	families, err := l.reg.Gather()
	if err != nil {
		return families, err // not cached: the next scrape tries again
	}
	l.version, l.families = version, families
	return families, nil
}

// currentVersion names the lists the collector reads by when each account
// last listed them.
func (l *listGatherer) currentVersion() string {
	var b strings.Builder
	for _, s := range l.src.Snapshots() {
		b.WriteString(s.Account)
		for _, kind := range l.kinds {
			b.WriteByte(' ')
			b.WriteString(strconv.FormatInt(s.Status[kind].LastSuccess.UnixNano(), 10))
		}
		b.WriteByte('\n')
	}
	return b.String()
}
