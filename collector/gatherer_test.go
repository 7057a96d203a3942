package collector

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/common/expfmt"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// TestNextScrapeShowsChanges removes a Droplet and changes a database in
// the API: the scrape after the next refresh shows both, although the
// scrape before was served from the cache.
func TestNextScrapeShowsChanges(t *testing.T) {
	api, r := startAPI(t, fakeapi.Examples())
	handler := NewGatherer(inventory.Refreshers{r}, everything).Handler(HandlerOpts{})
	scrapeText := func() string {
		_, body := scrape(t, handler, "/metrics", testtool.PrometheusAccept, "gzip")
		return string(body)
	}

	before := scrapeText()
	if scrapeText() != before {
		t.Fatal("two scrapes of the same lists differ")
	}
	api.Update(func(a *fakeapi.Account) {
		a.Lists[fakeapi.Droplets] = a.Lists[fakeapi.Droplets][1:] // 3164444, example.com
		a.Lists[fakeapi.Databases][0]["status"] = "resizing"
	})
	r.Refresh(context.Background())
	after := scrapeText()

	for _, tc := range []struct {
		text        string
		before, now bool
	}{
		{`digitalocean_droplet_info{account="default",id="3164444"`, true, false},
		{`digitalocean_droplets{account="default",region="nyc3",size="s-1vcpu-1gb",status="active"} 2`, false, true},
		{`region="nyc3",size="db-s-2vcpu-4gb",status="resizing"`, false, true},
	} {
		if strings.Contains(before, tc.text) != tc.before || strings.Contains(after, tc.text) != tc.now {
			t.Errorf("%s: before %v, after %v; want %v, %v", tc.text,
				strings.Contains(before, tc.text), strings.Contains(after, tc.text), tc.before, tc.now)
		}
	}
}

// TestWarmBuildsWhatScrapesAskedFor: after a refresh, Warm encodes each
// list in the formats scrapes asked for at the version before, without a
// scrape; a format nobody asked for during a whole version is dropped.
func TestWarmBuildsWhatScrapesAskedFor(t *testing.T) {
	api, r := startAPI(t, fakeapi.Examples())
	g := NewGatherer(inventory.Refreshers{r}, func(name string) bool { return name == inventory.KindDroplets })
	droplets := g.lists[0]
	handler := g.Handler(HandlerOpts{})
	refresh := func() {
		api.Update(func(a *fakeapi.Account) {
			a.Lists[fakeapi.Droplets] = append(a.Lists[fakeapi.Droplets][1:], a.Lists[fakeapi.Droplets][0])
		})
		r.Refresh(context.Background())
	}
	openMetrics := format{expfmt: expfmt.FmtOpenMetrics_1_0_0 + "; escaping=allow-utf-8", gzip: true}
	text := format{expfmt: expfmt.FmtText + "; escaping=underscores"}

	scrape(t, handler, "/metrics", testtool.PrometheusAccept, "gzip")
	scrape(t, handler, "/metrics", "", "")
	refresh()
	g.Warm(cancelled(), time.Hour)
	if got, want := builtFormats(droplets), []format{openMetrics, text}; !slices.Equal(got, want) {
		t.Fatalf("after a refresh, Warm built %v; want %v", got, want)
	}
	scrape(t, handler, "/metrics", testtool.PrometheusAccept, "gzip") // only OpenMetrics asked for at this version
	refresh()
	g.Warm(cancelled(), time.Hour)
	if got, want := builtFormats(droplets), []format{openMetrics}; !slices.Equal(got, want) {
		t.Fatalf("after a version nobody scraped as text, Warm built %v; want %v", got, want)
	}
}

func builtFormats(l *listCache) []format {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.version != l.currentVersion() {
		return nil
	}
	return slices.SortedFunc(maps.Keys(l.built), func(a, b format) int { return strings.Compare(string(a.expfmt), string(b.expfmt)) })
}

// cancelled is a context already done: Warm does one round and returns.
func cancelled() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}

// TestGathererRefusesAFamilyOfTwoCollectors: a family that an extra
// collector describes as a list's collector does cannot be served as one
// run of an exposition, so NewGatherer panics; a collector that does not
// describe its families is checked at every scrape instead
// (TestHandlerContinuesOnError).
func TestGathererRefusesAFamilyOfTwoCollectors(t *testing.T) {
	clashing := prometheus.NewGauge(prometheus.GaugeOpts{Name: "digitalocean_droplets", Help: "Clashes with the Droplets' counts."})
	defer func() {
		if recover() == nil {
			t.Error("NewGatherer accepted two collectors of digitalocean_droplets")
		}
	}()
	NewGatherer(refreshedSource(t, fakeapi.Examples()), everything, clashing)
}
