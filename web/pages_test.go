package web

import (
	"context"
	"maps"
	"net/http"
	"net/http/httptest"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/collector"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// heldSource serves one snapshot, but each call of Snapshots first says so
// on entered and waits until release is closed.
type heldSource struct {
	s       *inventory.Snapshot
	entered chan struct{}
	release chan struct{}
}

func newHeldSource(s *inventory.Snapshot) *heldSource {
	return &heldSource{s: s, entered: make(chan struct{}, 100), release: make(chan struct{})}
}

func (h *heldSource) Snapshots() []*inventory.Snapshot {
	h.entered <- struct{}{}
	<-h.release
	return []*inventory.Snapshot{h.s}
}

// TestPagesOverTheirLimitAnswer503WhileScrapesGoOn holds both slots of
// the pages with requests that wait for their snapshots: the next page
// requests are refused with 503 and Retry-After, /metrics still answers,
// and the held requests are served once the snapshots come.
func TestPagesOverTheirLimitAnswer503WhileScrapesGoOn(t *testing.T) {
	held := newHeldSource(fleetSnapshot("prod"))
	pages := NewPages(held, PagesConfig{MaxRequests: 2})
	mux := http.NewServeMux() // as main wires them
	gatherer := collector.NewGatherer(staticSource{held.s}, func(name string) bool { return name == "droplets" })
	mux.Handle("/metrics", gatherer.Handler(collector.HandlerOpts{MaxRequestsInFlight: 1}))
	mux.Handle("/inventory", pages.Inventory())
	mux.Handle("/{$}", pages.Landing())

	codes := make(chan int, 2)
	var wg sync.WaitGroup
	for _, target := range []string{"/", "/inventory"} {
		wg.Go(func() { codes <- get(t, mux, target).Code })
		<-held.entered // it holds a slot
	}
	for _, target := range []string{"/", "/inventory?format=csv"} {
		rec := get(t, mux, target)
		if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") != "5" ||
			!strings.Contains(rec.Body.String(), "Limit of concurrent requests for the page and /inventory reached (2)") {
			t.Errorf("%s with both slots taken: %d, Retry-After %q, %q; want 503, 5 and the limit",
				target, rec.Code, rec.Header().Get("Retry-After"), rec.Body)
		}
	}
	if rec := get(t, mux, "/metrics"); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "digitalocean_droplet_info{") {
		t.Errorf("/metrics while the pages' slots are taken: %d, want 200 with the Droplets", rec.Code)
	}
	close(held.release)
	wg.Wait()
	close(codes)
	for code := range codes {
		if code != http.StatusOK {
			t.Errorf("a held request answered %d, want 200", code)
		}
	}
	if rec := get(t, mux, "/"); rec.Code != http.StatusOK {
		t.Errorf("the page after the held requests: %d, want 200", rec.Code)
	}
}

// TestIdenticalRequestsShareOneEncoding sends 20 requests for the same
// answer while it is being built: they wait for that one build, and the
// next request is served from the cache.
func TestIdenticalRequestsShareOneEncoding(t *testing.T) {
	t.Run("landing", func(t *testing.T) {
		p := NewPages(staticSource{fleetSnapshot("prod")}, PagesConfig{})
		shareOneEncoding(t, p.pages, p.Landing(), "/?sort=name")
	})
	t.Run("inventory", func(t *testing.T) {
		p := NewPages(staticSource{fleetSnapshot("prod")}, PagesConfig{})
		shareOneEncoding(t, p.inventory, p.Inventory(), "/inventory?kind=droplets")
	})
}

func shareOneEncoding[V sized](t *testing.T, c *cache[V], h http.Handler, target string) {
	release := make(chan struct{})
	c.onBuild = func() { <-release }
	const n = 20
	answers := make([]*httptest.ResponseRecorder, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { answers[i] = get(t, h, target) })
	}
	key := httptest.NewRequest(http.MethodGet, target, nil).URL.RawQuery
	spinUntil(t, "every request but the builder waits for the build", func() bool { _, waiting := flightOf(c, key); return waiting == n-1 })
	close(release)
	wg.Wait()
	for _, a := range answers {
		if a.Code != http.StatusOK || stripNonce(a) != stripNonce(answers[0]) {
			t.Fatalf("answers differ: %d %q", a.Code, a.Body)
		}
	}
	if again := get(t, h, target); stripNonce(again) != stripNonce(answers[0]) || c.built.Load() != 1 {
		t.Errorf("%d builds for %d requests and one more, want 1", c.built.Load(), n)
	}
}

// stripNonce is the body without its nonce, the one part that differs
// between two requests for the page.
func stripNonce(rec *httptest.ResponseRecorder) string {
	if nonce := nonceOf.FindStringSubmatch(rec.Header().Get("Content-Security-Policy")); nonce != nil {
		return strings.ReplaceAll(rec.Body.String(), nonce[1], "NONCE")
	}
	return rec.Body.String()
}

var nonceOf = regexp.MustCompile(`script-src 'nonce-([^']+)'`)

// flightOf tells whether the answer to key is being built, and how many
// requests wait for it.
func flightOf[V sized](c *cache[V], key string) (building bool, waiting int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f, ok := c.flights[c.version+"\x00"+key]
	if !ok {
		return false, 0
	}
	return true, f.waiting
}

// spinUntil yields until done is true; a bug that never makes it true
// fails the test after many turns rather than hanging it.
func spinUntil(t *testing.T, what string, done func() bool) {
	t.Helper()
	for spins := 0; !done(); spins++ {
		if spins > 10_000_000 {
			t.Fatalf("never: %s", what)
		}
		runtime.Gosched()
	}
}

// TestARefreshInvalidates: a new version of the lists, or new changes for
// the page, builds the answer anew, with the new data.
func TestARefreshInvalidates(t *testing.T) {
	src := staticSource{fleetSnapshot("prod")}
	changes := &fixedChanges{}
	p := NewPages(src, PagesConfig{Landing: LandingConfig{Changes: changes}})
	get(t, p.Inventory(), "/inventory")
	get(t, p.Landing(), "/")
	src[0] = inventory.NewSnapshot("prod", refreshedAt.Add(1), inventory.Droplets.With([]inventory.Droplet{{ID: 77, Name: "fresh"}}))
	if body := get(t, p.Inventory(), "/inventory").Body.String(); !strings.Contains(body, `"fresh"`) || p.inventory.built.Load() != 2 {
		t.Errorf("after a refresh: %d builds, and the new Droplet in the body: %v; want 2 and true",
			p.inventory.built.Load(), strings.Contains(body, `"fresh"`))
	}
	get(t, p.Landing(), "/")
	*changes = fixedChanges{{Account: "prod", At: refreshedAt, Type: "added", Workload: inventory.Workload{Kind: "droplets", ID: "77", Name: "fresh"}}}
	if body := get(t, p.Landing(), "/").Body.String(); !strings.Contains(body, `data-change="added"`) || p.pages.built.Load() != 3 {
		t.Errorf("after a refresh and a change: %d builds of the page, want 3 (and the change shown)", p.pages.built.Load())
	}
}

// TestQueriesThatAskTheSameShareAnAnswer: the order of the parameters,
// values repeated or blank, the default format and parameters the page
// does not read make no new answer; another filter, sort or page does.
func TestQueriesThatAskTheSameShareAnAnswer(t *testing.T) {
	p := NewPages(staticSource{fleetSnapshot("prod")}, PagesConfig{})
	inventoryAnswers := func(targets ...string) int64 {
		var tags []string
		for _, target := range targets {
			rec := get(t, p.Inventory(), target)
			if rec.Code != http.StatusOK {
				t.Fatalf("%s: %d %s", target, rec.Code, rec.Body)
			}
			tags = append(tags, rec.Header().Get("ETag"))
		}
		if strings.Count(strings.Join(tags, " "), tags[0]) != len(tags) {
			t.Errorf("%q: ETags %q, want one", targets, tags)
		}
		return p.inventory.built.Load()
	}
	if n := inventoryAnswers("/inventory?kind=droplets&tag=web", "/inventory?tag=web&kind=droplets",
		"/inventory?kind=droplets&kind=droplets&tag=web&tag=+web+&region=", "/inventory?format=json&tag=web&kind=droplets&utm_source=x"); n != 1 {
		t.Errorf("%d builds for one question asked four ways, want 1", n)
	}
	if n := inventoryAnswers("/inventory?kind=droplets&tag=web&format=csv"); n != 2 {
		t.Errorf("%d builds after the CSV, want 2", n)
	}
	if n := inventoryAnswers("/inventory?kind=droplets&tag=production"); n != 3 {
		t.Errorf("%d builds after another tag, want 3", n)
	}
	for _, target := range []string{"/?kind=droplets&sort=-name", "/?sort=-name&kind=droplets&page=1", "/?kind=droplets&sort=-name&page=01&x=1",
		"/?sort=name", "/?sort=name&page=2"} {
		if rec := get(t, p.Landing(), target); rec.Code != http.StatusOK {
			t.Fatalf("%s: %d", target, rec.Code)
		}
	}
	if n := p.pages.built.Load(); n != 3 {
		t.Errorf("%d builds of the page for three questions, want 3", n)
	}
}

// TestBadQueriesAreNeverCached: a 400 stays a 400, builds nothing, and
// the next good request is served.
func TestBadQueriesAreNeverCached(t *testing.T) {
	p := NewPages(staticSource{fleetSnapshot("prod")}, PagesConfig{})
	for _, tc := range []struct {
		h       http.Handler
		targets []string
	}{
		{p.Inventory(), []string{"/inventory?kind=nope", "/inventory?format=xml", "/inventory?region=%zz", "/inventory?kind=nope"}},
		{p.Landing(), []string{"/?page=0", "/?sort=nope", "/?finding=nope", "/?page=0"}},
	} {
		for _, target := range tc.targets {
			if rec := get(t, tc.h, target); rec.Code != http.StatusBadRequest {
				t.Errorf("%s: %d, want 400", target, rec.Code)
			}
		}
	}
	if p.inventory.built.Load()+p.pages.built.Load() != 0 {
		t.Error("a bad query built an answer")
	}
	if rec := get(t, p.Inventory(), "/inventory?kind=droplets"); rec.Code != http.StatusOK {
		t.Errorf("a good query after bad ones: %d", rec.Code)
	}
}

// TestTheCacheIsBounded: past its entries or its bytes, the least recently
// used answer is dropped, and asked again, built again.
func TestTheCacheIsBounded(t *testing.T) {
	p := NewPages(staticSource{fleetSnapshot("prod")}, PagesConfig{})
	ask := func(kinds ...string) int64 {
		for _, kind := range kinds {
			get(t, p.Inventory(), "/inventory?kind="+kind)
		}
		return p.inventory.built.Load()
	}
	p.inventory.maxEntries = 2
	if n := ask("droplets", "apps", "droplets", "databases", "droplets"); n != 3 {
		t.Errorf("two entries: %d builds, want 3 (droplets used last, kept)", n)
	}
	if n := ask("apps"); n != 4 {
		t.Errorf("two entries: %d builds, want 4 (apps dropped for databases)", n)
	}
	p.inventory.maxEntries, p.inventory.maxBytes = cacheEntries, 1
	if n := ask("kubernetes", "kubernetes", "apps", "kubernetes"); n != 7 {
		t.Errorf("one byte: %d builds, want 7 (the newest answer kept alone)", n)
	}
}

// TestAWaiterBuildsWhenTheBuilderGoesAway: the request that was to build
// an answer goes away while it waits for its turn; a request waiting for
// the same answer builds it.
func TestAWaiterBuildsWhenTheBuilderGoesAway(t *testing.T) {
	p := NewPages(staticSource{fleetSnapshot("prod")}, PagesConfig{})
	release := make(chan struct{})
	p.inventory.onBuild = func() { <-release }
	first := make(chan int)
	go func() { first <- get(t, p.Inventory(), "/inventory?kind=apps").Code }() // builds, and holds the turn
	spinUntil(t, "the first build starts", func() bool { return p.inventory.built.Load() == 1 })
	ctx, leave := context.WithCancel(context.Background())
	gone := make(chan int)
	go func() {
		rec := httptest.NewRecorder()
		p.Inventory().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/inventory?kind=droplets", nil).WithContext(ctx))
		gone <- rec.Code
	}()
	spinUntil(t, "the request that goes away waits for its turn", func() bool { building, _ := flightOf(p.inventory, "kind=droplets"); return building })
	waiter := make(chan *httptest.ResponseRecorder)
	go func() { waiter <- get(t, p.Inventory(), "/inventory?kind=droplets") }()
	spinUntil(t, "a second request waits for the Droplets", func() bool { _, waiting := flightOf(p.inventory, "kind=droplets"); return waiting == 1 })
	leave()
	<-gone
	close(release)
	if rec := <-waiter; rec.Code != http.StatusOK || len(decodeFleet(t, rec).Workloads) != 2 {
		t.Errorf("the waiter: %d, want 200 with the two Droplets", rec.Code)
	}
	if code := <-first; code != http.StatusOK || p.inventory.built.Load() != 2 {
		t.Errorf("first request %d, %d builds; want 200 and 2", code, p.inventory.built.Load())
	}
}

// TestTheListsVersionIgnoresMonitoredReadings: a reading of the
// Monitoring API, published every few seconds while a round runs, leaves
// the pages' version (and ETag) as it was; a refresh of a list changes it.
func TestTheListsVersionIgnoresMonitoredReadings(t *testing.T) {
	listed := time.Date(2025, 1, 20, 12, 0, 0, 0, time.UTC)
	s := inventory.NewSnapshot("a", listed, inventory.Droplets.With(nil))
	with := func(kind string, at time.Time) *inventory.Snapshot {
		next := *s
		next.Status = maps.Clone(s.Status)
		next.Status[kind] = inventory.Status{Refreshes: 2, LastSuccess: at}
		return &next
	}
	before := listsVersion([]*inventory.Snapshot{s})
	if after := listsVersion([]*inventory.Snapshot{with(inventory.KindDropletMetrics, listed.Add(time.Second))}); after != before {
		t.Error("a Monitoring API reading changed the pages' version")
	}
	if after := listsVersion([]*inventory.Snapshot{with(inventory.KindDroplets, listed.Add(time.Minute))}); after == before {
		t.Error("a refresh of the Droplets left the pages' version as it was")
	}
}
