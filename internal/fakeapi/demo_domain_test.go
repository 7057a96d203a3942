package fakeapi

import (
	"context"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/digitalocean/godo"
)

// TestDemoDomains reads the demo's zones and their records with godo, a few
// records a page: A and AAAA records point at the public addresses of the
// account's droplets, and every zone has its SOA and NS records.
func TestDemoDomains(t *testing.T) {
	demo := Demo()
	a := readWithGodo(t, demo)
	s := newTestServer(t, demo)
	c := newGodo(t, s)
	ctx := context.Background()
	domains, _, err := c.Domains.List(ctx, &godo.ListOptions{PerPage: 200})
	if err != nil || len(domains) != 2 {
		t.Fatalf("got %d domains (%v), want 2", len(domains), err)
	}
	addresses := map[string]bool{}
	for _, d := range dropletsByID(a) {
		v4, _ := d.PublicIPv4()
		v6, _ := d.PublicIPv6()
		addresses[v4], addresses[v6] = true, true
	}
	types := map[string]int{}
	for _, d := range domains {
		if d.TTL <= 0 || !strings.HasPrefix(d.ZoneFile, "$ORIGIN "+d.Name+".\n") {
			t.Errorf("%s: TTL %d, zone file %q", d.Name, d.TTL, d.ZoneFile)
		}
		records := recordsOf(t, c, d.Name, 3)
		if len(records) < 6 || records[0].Type != "SOA" || records[1].Type != "NS" {
			t.Errorf("%s: %d records, first %+v; want SOA and NS first", d.Name, len(records), records[0])
		}
		for _, r := range records {
			types[r.Type]++
			if (r.Type == "A" || r.Type == "AAAA") && !addresses[r.Data] {
				t.Errorf("%s: %s %s points at %s, no droplet's public address", d.Name, r.Type, r.Name, r.Data)
			}
			if (r.Type == "MX") != (r.Priority > 0) || r.TTL != d.TTL {
				t.Errorf("%s: %+v", d.Name, r)
			}
		}
	}
	if want := []string{"A", "AAAA", "CNAME", "MX", "NS", "SOA", "TXT"}; !slices.Equal(slices.Sorted(maps.Keys(types)), want) {
		t.Errorf("record types %v, want %v", types, want)
	}
	if r := get(t, s, "/v2/domains/example.org/records"); r.status != http.StatusNotFound {
		t.Errorf("records of a zone the account lacks: %d, want 404", r.status)
	}
}

// recordsOf reads every record of a zone, perPage at a time, following the
// links as godo does.
func recordsOf(t *testing.T, c *godo.Client, zone string, perPage int) []godo.DomainRecord {
	t.Helper()
	var all []godo.DomainRecord
	for page := 1; ; page++ {
		records, resp, err := c.Domains.Records(context.Background(), zone, &godo.ListOptions{Page: page, PerPage: perPage})
		if err != nil {
			t.Fatalf("records of %s, page %d: %v", zone, page, err)
		}
		all = append(all, records...)
		if resp.Links == nil || resp.Links.IsLastPage() {
			return all
		}
	}
}
