package collector

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/common/expfmt"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// TestNextScrapeShowsChanges removes a Droplet and changes a database in
// the API: the scrape after the next refresh shows both, although the
// scrape before was served from the cache.
func TestNextScrapeShowsChanges(t *testing.T) {
	api, r := startAPI(t, fakeapi.Examples())
	g := NewGatherer(inventory.Refreshers{r}, func(string) bool { return true })

	before := gatherText(t, g)
	if gatherText(t, g) != before {
		t.Fatal("two scrapes of the same lists differ")
	}
	api.Update(func(a *fakeapi.Account) {
		a.Lists[fakeapi.Droplets] = a.Lists[fakeapi.Droplets][1:] // 3164444, example.com
		a.Lists[fakeapi.Databases][0]["status"] = "resizing"
	})
	r.Refresh(context.Background())
	after := gatherText(t, g)

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

func gatherText(t *testing.T, g *Gatherer) string {
	t.Helper()
	families, err := g.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, mf := range families {
		if _, err := expfmt.MetricFamilyToText(&b, mf); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

// TestWarmRebuildsChangedListsWithoutAScrape: after a refresh, the
// families are rebuilt in the background, so the next scrape finds them.
func TestWarmRebuildsChangedListsWithoutAScrape(t *testing.T) {
	api, r := startAPI(t, fakeapi.Examples())
	g := NewGatherer(inventory.Refreshers{r}, func(name string) bool { return name == inventory.KindDroplets })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go g.Warm(ctx, 10*time.Millisecond)
	droplets := g.lists[0]
	waitForVersion := func(want string) {
		t.Helper()
		for end := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
			droplets.mu.Lock()
			version := droplets.version
			droplets.mu.Unlock()
			if version == want {
				return
			}
			if time.Now().After(end) {
				t.Fatalf("families never rebuilt for %q (have %q)", want, version)
			}
		}
	}
	waitForVersion(droplets.currentVersion())
	api.Update(func(a *fakeapi.Account) { a.Lists[fakeapi.Droplets] = a.Lists[fakeapi.Droplets][1:] })
	r.Refresh(context.Background())
	waitForVersion(droplets.currentVersion())
}
