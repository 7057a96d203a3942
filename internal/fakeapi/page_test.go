package fakeapi

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/digitalocean/godo"
)

// TestGodoWalksEveryPage follows the links as the exporter's pager does:
// 450 objects at 200 a page are three requests.
func TestGodoWalksEveryPage(t *testing.T) {
	s := newTestServer(t, Generate(Size{Droplets: 450, GPUDroplets: 2, Firewalls: 450, LoadBalancers: 450}))
	client := newGodo(t, s)
	for _, tc := range []struct {
		path string
		walk func(t *testing.T) map[any]int
	}{
		{"/v2/droplets", func(t *testing.T) map[any]int {
			return walkPages(t, client.Droplets.List, func(d godo.Droplet) any { return d.ID })
		}},
		{"/v2/firewalls", func(t *testing.T) map[any]int {
			return walkPages(t, client.Firewalls.List, func(f godo.Firewall) any { return f.ID })
		}},
		{"/v2/load_balancers", func(t *testing.T) map[any]int {
			return walkPages(t, client.LoadBalancers.List, func(lb godo.LoadBalancer) any { return lb.ID })
		}},
	} {
		t.Run(tc.path, func(t *testing.T) {
			wantEachOnce(t, tc.walk(t), 450)
			if n := s.Count(http.MethodGet, tc.path); n != 3 {
				t.Errorf("%d requests, want 3", n)
			}
		})
	}
}

// walkPages lists every page at 200 a page, as the exporter's pager does,
// and counts how often each id was listed. Every page's meta must give the
// total.
func walkPages[T any](t *testing.T, list func(context.Context, *godo.ListOptions) ([]T, *godo.Response, error), id func(T) any) map[any]int {
	t.Helper()
	seen := map[any]int{}
	opt := &godo.ListOptions{Page: 1, PerPage: 200}
	for {
		items, resp, err := list(context.Background(), opt)
		if err != nil {
			t.Fatal(err)
		}
		if resp.Meta == nil || resp.Meta.Total != 450 {
			t.Fatalf("page %d: meta %+v, want total 450", opt.Page, resp.Meta)
		}
		for _, item := range items {
			seen[id(item)]++
		}
		if resp.Links == nil || resp.Links.IsLastPage() {
			return seen
		}
		current, err := resp.Links.CurrentPage()
		if err != nil || current != opt.Page {
			t.Fatalf("links say page %d (%v), want %d", current, err, opt.Page)
		}
		opt.Page = current + 1
	}
}

func wantEachOnce(t *testing.T, seen map[any]int, want int) {
	t.Helper()
	if len(seen) != want {
		t.Errorf("saw %d objects, want %d", len(seen), want)
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("%v listed %d times", id, n)
		}
	}
}

func TestGPUDropletsAreListedApart(t *testing.T) {
	s := newTestServer(t, Examples())
	client := newGodo(t, s)
	plain, _, err := client.Droplets.List(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	gpus, _, err := client.Droplets.ListWithGPUs(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(plain) != 3 || len(gpus) != 1 || gpus[0].ID != 448543583 || gpus[0].Size.GPUInfo == nil {
		t.Errorf("got %d plain and %+v GPU droplets, want 3 and the example H100", len(plain), gpus)
	}
	for _, d := range plain {
		if d.ID == gpus[0].ID {
			t.Error("the GPU droplet is in the plain list")
		}
	}
}

func TestPageLinks(t *testing.T) {
	s := newTestServer(t, Generate(Size{GPUDroplets: 450}))
	link := func(page int) string {
		return fmt.Sprintf("%s/v2/droplets?page=%d&per_page=200&type=gpus", s.URL, page)
	}
	for _, tc := range []struct {
		page  int
		items int
		links map[string]string
	}{
		{1, 200, map[string]string{"next": link(2), "last": link(3)}},
		{2, 200, map[string]string{"first": link(1), "prev": link(1), "next": link(3), "last": link(3)}},
		{3, 50, map[string]string{"first": link(1), "prev": link(2)}},
		{4, 0, map[string]string{"first": link(1), "prev": link(3)}},
	} {
		l := decodeList(t, "droplets", get(t, s, fmt.Sprintf("/v2/droplets?type=gpus&per_page=200&page=%d", tc.page)))
		if len(l.Items) != tc.items || l.Meta.Total != 450 {
			t.Errorf("page %d: %d items of %d, want %d of 450", tc.page, len(l.Items), l.Meta.Total, tc.items)
		}
		if fmt.Sprint(l.Links.Pages) != fmt.Sprint(tc.links) {
			t.Errorf("page %d: links %v\nwant %v", tc.page, l.Links.Pages, tc.links)
		}
	}
}

func TestPageSizes(t *testing.T) {
	s := newTestServer(t, Generate(Size{Apps: 250}))
	for query, want := range map[string]int{"": 20, "per_page=1": 1, "per_page=200": 200, "per_page=500": 200} {
		l := decodeList(t, "apps", get(t, s, "/v2/apps?"+query))
		if len(l.Items) != want {
			t.Errorf("%q: %d apps, want %d", query, len(l.Items), want)
		}
		next, _ := url.Parse(l.Links.Pages["next"])
		if got := next.Query().Get("per_page"); got != strconv.Itoa(want) {
			t.Errorf("%q: next link asks for per_page=%s", query, got)
		}
	}
}

func TestBadPageParametersAreRejected(t *testing.T) {
	s := newTestServer(t, Examples())
	for _, query := range []string{"page=0", "page=-1", "page=two", "per_page=0", "per_page=x", "page=1.5"} {
		wantError(t, get(t, s, "/v2/kubernetes/clusters?"+query), http.StatusBadRequest, "bad_request")
	}
}

func TestEmptyListHasOnePage(t *testing.T) {
	s := newTestServer(t, Account{})
	l := decodeList(t, "apps", get(t, s, "/v2/apps?per_page=200"))
	if len(l.Items) != 0 || l.Meta.Total != 0 || len(l.Links.Pages) != 0 {
		t.Errorf("empty list: %+v", l)
	}
}

// TestDatabasesAreOneListWithoutLinks: the endpoint has no pages, so godo
// gets no links to follow.
func TestDatabasesAreOneListWithoutLinks(t *testing.T) {
	s := newTestServer(t, Generate(Size{Databases: 30}))
	dbs, resp, err := newGodo(t, s).Databases.List(context.Background(), &godo.ListOptions{Page: 2, PerPage: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(dbs) != 30 || resp.Links != nil || resp.Meta != nil {
		t.Errorf("got %d databases, links %v, meta %v; want 30 and neither", len(dbs), resp.Links, resp.Meta)
	}
	l := decodeList(t, "databases", get(t, s, "/v2/databases"))
	if l.Links != nil || l.Meta != nil {
		t.Errorf("raw body has links or meta: %.200s", get(t, s, "/v2/databases").body)
	}
}
