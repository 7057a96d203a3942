package collector

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// Gatherer serves a scrape. Health and runtime metrics are gathered and
// encoded live at every scrape; each collector of workload lists is
// gathered once per version of the lists it reads, and encoded once per
// format scrapes ask for (see Handler), then its families are dropped and
// their encodings reused until one of the lists is refreshed. A list
// changes every few minutes and is scraped far more often, and on a large
// account gathering and encoding its tens of thousands of series is nearly
// all a scrape would cost.
type Gatherer struct {
	live  *prometheus.Registry
	lists []*listCache
}

// NewGatherer gathers the health collector and extra collectors live, and
// every enabled collector of Factories from its cache.
// A metric family must come from one collector only (see assemble): a
// family that two collectors describe makes NewGatherer panic.
func NewGatherer(src inventory.Source, enabled func(name string) bool, extra ...prometheus.Collector) *Gatherer {
	live := append([]prometheus.Collector{newHealthCollector(src)}, extra...)
	g := &Gatherer{live: prometheus.NewRegistry()}
	g.live.MustRegister(live...)
	all := prometheus.NewRegistry() // only to check that no two collectors describe the same family
	all.MustRegister(live...)
	for _, f := range Factories {
		if enabled(f.Name) {
			c := f.New(src)
			reg := prometheus.NewRegistry()
			reg.MustRegister(c)
			all.MustRegister(c)
			g.lists = append(g.lists, &listCache{src: src, kinds: f.reads(), reg: reg, collector: c.(kindCollector)})
		}
	}
	return g
}

// Registerer is where the HTTP handler's own metrics go.
func (g *Gatherer) Registerer() prometheus.Registerer { return g.live }

// Gather gathers every collector anew, cache or not: what promhttp would
// serve of the same collectors.
func (g *Gatherer) Gather() ([]*dto.MetricFamily, error) {
	gatherers := prometheus.Gatherers{g.live}
	for _, l := range g.lists {
		gatherers = append(gatherers, l.reg)
	}
	return gatherers.Gather()
}

// pieces gathers and encodes the live families in format f and puts them
// in name order with every list's families, from its cache or, for lists
// that changed, built side by side.
func (g *Gatherer) pieces(f format) (pieces []piece, gatherErr, encodeErr error) {
	n := len(g.lists)
	sources := make([][]piece, n+1) // the lists', then the live families
	gatherErrs, encodeErrs := make([]error, n+1), make([]error, n+1)
	var wg sync.WaitGroup
	for i, l := range g.lists {
		wg.Go(func() { sources[i], gatherErrs[i], encodeErrs[i] = l.pieces(f) })
	}
	var live []*dto.MetricFamily
	live, gatherErrs[n] = g.live.Gather()
	sources[n], encodeErrs[n] = encode(live, format{expfmt: f.expfmt})
	wg.Wait()
	pieces, err := assemble(sources...)
	return pieces, errors.Join(append(gatherErrs, err)...), errors.Join(encodeErrs...)
}

// Warm keeps, every so often until ctx ends, each list's families encoded
// in the formats scrapes asked for at its last version, so that a scrape
// after a refresh seldom pays for encoding them itself.
func (g *Gatherer) Warm(ctx context.Context, every time.Duration) {
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for {
		for _, l := range g.lists {
			l.warm()
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

// listCache keeps the encodings of one collector's families at one version
// of the lists it reads.
type listCache struct {
	src       inventory.Source
	kinds     []string             // the inventory kinds its collector reads
	reg       *prometheus.Registry // its collector alone, for Gather
	collector kindCollector        // the same, gathered for the cache by gatherDirect

	mu      sync.Mutex
	version string
	built   map[format]built // at version
	asked   map[format]bool  // by scrapes at version
	before  map[format]bool  // by scrapes at the version before: Warm builds them
}

// built is a collector's families encoded in one format, with what failed
// on the way: the same lists fail the same way, so the errors are kept
// with the pieces and reported at every scrape.
type built struct {
	pieces               []piece
	gatherErr, encodeErr error
}

// pieces returns the collector's families encoded in f, from the cache or
// built anew, and the errors of gathering and of encoding them.
func (l *listCache) pieces(f format) ([]piece, error, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.moveTo(l.currentVersion())
	l.asked[f] = true
	b, ok := l.built[f]
	if !ok {
		families, err := gatherDirect(l.collector)
		b = l.build(families, err, f)
	}
	return b.pieces, b.gatherErr, b.encodeErr
}

// warm builds the formats scrapes asked for at this version or the one
// before, from one gathering; an error is the next scrape's to report.
func (l *listCache) warm() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.moveTo(l.currentVersion())
	var missing []format
	for _, asked := range []map[format]bool{l.before, l.asked} {
		for f := range asked {
			if _, ok := l.built[f]; !ok {
				missing = append(missing, f)
			}
		}
	}
	if len(missing) == 0 {
		return
	}
	families, err := gatherDirect(l.collector)
	for _, f := range missing {
		l.build(families, err, f)
	}
}

func (l *listCache) build(families []*dto.MetricFamily, gatherErr error, f format) built {
	pieces, encodeErr := encode(families, f)
	l.built[f] = built{pieces, gatherErr, encodeErr}
	return l.built[f]
}

// moveTo forgets the encodings of another version, and the formats asked
// for before the last version that was scraped. The version is read
// before gathering: a list published in between makes the cache look
// older than it is, never newer.
func (l *listCache) moveTo(version string) {
	if version == l.version && l.built != nil {
		return
	}
	if len(l.asked) > 0 {
		l.before = l.asked
	}
	l.version, l.built, l.asked = version, map[format]built{}, map[format]bool{}
}

// currentVersion names the lists the collector reads as they are now.
func (l *listCache) currentVersion() string { return inventory.Version(l.src.Snapshots(), l.kinds) }
