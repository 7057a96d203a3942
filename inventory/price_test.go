package inventory

import (
	"strconv"
	"testing"
	"time"

	"github.com/digitalocean/godo"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

func TestParseDollars(t *testing.T) {
	for text, want := range map[string]float64{"23.44": 23.44, "0": 0, "-5.00": -5, "0.000002066799": 0.000002066799, "12": 12} {
		if got, ok := parseDollars(text); !ok || got != want {
			t.Errorf("parseDollars(%q) = %v, %v; want %v", text, got, ok, want)
		}
	}
	for _, text := range []string{"", " 1.00", "1.00 ", "1e3", "NaN", "Inf", "$5", "1,000.00", "1.", ".5", "--1", "0x10"} {
		if got, ok := parseDollars(text); ok {
			t.Errorf("parseDollars(%q) = %v, want no amount", text, got)
		}
	}
}

func TestMapPriceListsFromExamples(t *testing.T) {
	sizes := mapExample(t, "sizes.json", "sizes", eachValue(mapSize), 1)
	if sizes[0] != (Size{Slug: "s-1vcpu-1gb", PriceMonthly: 5, PriceHourly: 0.00743999984115362}) {
		t.Errorf("size %+v", sizes[0])
	}
	instanceSizes := mapExample(t, "apps_instance_sizes.json", "instance_sizes", eachValue(mapInstanceSize), 14)
	want := map[string]float64{"apps-s-1vcpu-0.5gb": 5, "apps-d-1vcpu-2gb": 39, "apps-d-8vcpu-32gb": 392}
	for _, s := range instanceSizes {
		if price, ok := want[s.Slug]; ok && (s.PriceMonthly != Amount{price, true}) {
			t.Errorf("%s: %+v, want %v", s.Slug, s.PriceMonthly, price)
		}
	}
}

// pricedSnapshot holds Droplets, a cluster and apps with the price lists.
func pricedSnapshot() *Snapshot {
	return NewSnapshot("default", time.Now(),
		Droplets.With([]Droplet{
			{ID: 1, Region: "nyc1", Tags: []string{"web"}, PriceMonthly: 12},
			{ID: 2, Region: "nyc1"}, // no price in the list
			{ID: 3, Region: "fra1", PriceMonthly: 24, Tags: []string{"k8s"}}, // a node of the cluster
		}),
		Clusters.With([]Cluster{
			{ID: "c1", Region: "fra1", NodePools: []NodePool{
				{ID: "p1", Size: "s-2vcpu-4gb", Count: 3, Nodes: []Node{{DropletID: "3"}}},
				{ID: "p2", Size: "s-1vcpu-2gb", Count: 2},
			}},
			{ID: "c2", NodePools: []NodePool{{ID: "p3", Size: "gpu-unlisted", Count: 1}, {ID: "p4", Size: "s-1vcpu-2gb", Count: 1}}},
			{ID: "c3"}, // no pool
		}),
		Sizes.With([]Size{{Slug: "s-2vcpu-4gb", PriceMonthly: 24}, {Slug: "s-1vcpu-2gb", PriceMonthly: 12}, {Slug: "free"}}),
		Apps.With([]App{
			{ID: "a1", Region: "nyc", Components: []Component{
				{Type: "service", InstanceSize: "apps-s-1vcpu-1gb", Instances: 2}, {Type: "static_site"}}},
			{ID: "a2", Components: []Component{{Type: "static_site"}}},                                        // nothing priced by instance
			{ID: "a3", Components: []Component{{Type: "worker", InstanceSize: "apps-unknown", Instances: 1}}}, // size not listed
		}),
		AppInstanceSizes.With([]AppInstanceSize{{Slug: "apps-s-1vcpu-1gb", PriceMonthly: Amount{12, true}}}),
	)
}

func TestListPricesLeaveOutWhatTheAPIDoesNotPrice(t *testing.T) {
	prices := ListPrices(pricedSnapshot())
	want := Prices{
		KindDroplets:   {"1": 12, "3": 24},
		KindKubernetes: {"c1": 3*24 + 2*12},
		KindApps:       {"a1": 2 * 12},
	}
	for kind, byID := range want {
		if len(prices[kind]) != len(byID) {
			t.Errorf("%s: %v, want %v", kind, prices[kind], byID)
		}
		for id, price := range byID {
			if got, ok := prices.Of(kind, id); !ok || got != price {
				t.Errorf("%s %s: %v, %v; want %v", kind, id, got, ok, price)
			}
		}
	}
}

func TestCostedWorkloadsCountANodeOnce(t *testing.T) {
	costed, _ := CostedWorkloads(pricedSnapshot())
	got := map[string]float64{}
	for _, w := range costed {
		got[w.Kind+"/"+w.ID] = w.MonthlyPrice
	}
	want := map[string]float64{"droplets/1": 12, "kubernetes/c1": 96, "apps/a1": 24}
	if len(got) != len(want) {
		t.Fatalf("costed %v, want %v (Droplet 3 is a node of c1)", got, want)
	}
	for key, price := range want {
		if got[key] != price {
			t.Errorf("%s: %v, want %v", key, got[key], price)
		}
	}
}

// TestPricesThroughTheAPI: the examples' Droplets carry their size's prices,
// the example app's instance size is in the instance sizes list, and the
// example clusters' pools are of a size the sizes example leaves out, so
// they have no price.
func TestPricesThroughTheAPI(t *testing.T) {
	s := newTestAPI(t, fakeapi.Examples()).refresh(t)
	for _, kind := range []string{KindSizes, KindAppInstanceSizes} {
		if !s.Status[kind].Succeeded() {
			t.Fatalf("%s: %+v", kind, s.Status[kind])
		}
	}
	prices := ListPrices(s)
	for _, d := range Droplets.Of(s) {
		if got, ok := prices.Of(KindDroplets, strconv.Itoa(d.ID)); !ok || got != d.PriceMonthly || got <= 0 {
			t.Errorf("droplet %d: %v, %v", d.ID, got, ok)
		}
	}
	if got, ok := prices.Of(KindApps, "4f6c71e2-1e90-4762-9fee-6cc4a0a9f2cf"); !ok || got != 5 {
		t.Errorf("the example app: %v, %v; want one apps-s-1vcpu-0.5gb instance, $5", got, ok)
	}
	if len(prices[KindKubernetes]) != 0 {
		t.Errorf("clusters priced %v, but sizes.json prices none of their pools' sizes", prices[KindKubernetes])
	}
}

func TestUnreadableInstanceSizesFailAsDecode(t *testing.T) {
	acct := fakeapi.Examples()
	for _, s := range acct.Lists[fakeapi.AppInstanceSizes] {
		s["usd_per_month"] = "five dollars"
	}
	api := newTestAPI(t, acct)
	s := api.refresh(t)
	if st := s.Status[KindAppInstanceSizes]; st.Reason != ReasonDecode {
		t.Errorf("instance sizes without a readable price: %+v, want failed as decode", st)
	}
	acct.Lists[fakeapi.AppInstanceSizes][0]["usd_per_month"] = "5.00"
	api.SetAccount(acct)
	s = api.refresh(t)
	if sizes := AppInstanceSizes.Of(s); !s.Status[KindAppInstanceSizes].Succeeded() || len(sizes) != 14 ||
		sizes[1].PriceMonthly.Known || !sizes[0].PriceMonthly.Known {
		t.Errorf("one readable price: %+v %v; want the other sizes kept without a price", s.Status[KindAppInstanceSizes], sizes)
	}
}

// TestDropletWithoutSizeHasNoPrice: a Droplet whose list entry has no size
// object has no price, rather than a price of 0.
func TestDropletWithoutSizeHasNoPrice(t *testing.T) {
	d := mapDroplet(&godo.Droplet{ID: 9, SizeSlug: "s-1vcpu-1gb"}, false)
	s := NewSnapshot("default", time.Now(), Droplets.With([]Droplet{d}))
	if price, ok := ListPrices(s).Of(KindDroplets, "9"); ok {
		t.Errorf("a Droplet without its size's prices costs %v", price)
	}
}
