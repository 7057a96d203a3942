package fakeapi

import (
	"context"
	"net/netip"
	"testing"

	"github.com/digitalocean/godo"
)

func TestDemoReservedIPs(t *testing.T) {
	demo := Demo()
	client := newGodo(t, newTestServer(t, demo))
	ctx, opt := context.Background(), &godo.ListOptions{PerPage: 200}
	v4, _, err := client.ReservedIPs.List(ctx, opt)
	if err != nil || len(v4) != 6 {
		t.Fatalf("got %d reserved IPv4s (%v), want 6", len(v4), err)
	}
	v6, resp, err := client.ReservedIPV6s.List(ctx, opt)
	if err != nil || len(v6) != 2 || resp.Meta.Total != 2 {
		t.Fatalf("got %d reserved IPv6s (%v), want 2", len(v6), err)
	}
	droplets := map[int]map[string]any{}
	for _, d := range demo.Lists[Droplets] {
		droplets[d["id"].(int)] = d
	}
	assigned := 0
	check := func(ip, region string, d *godo.Droplet, is6 bool) {
		t.Helper()
		if addr, err := netip.ParseAddr(ip); err != nil || addr.Is6() != is6 {
			t.Errorf("%q is not an IPv%v address", ip, map[bool]int{false: 4, true: 6}[is6])
		}
		if d == nil {
			return
		}
		assigned++
		listed := droplets[d.ID]
		if listed == nil || object(listed, "region")["slug"] != region {
			t.Errorf("%s in %s is assigned to droplet %d, not a droplet of its region", ip, region, d.ID)
		}
		if public, _ := d.PublicIPv6(); is6 && public == "" {
			t.Errorf("%s is assigned to droplet %s, which has no IPv6", ip, d.Name)
		}
	}
	for _, r := range v4 {
		check(r.IP, r.Region.Slug, r.Droplet, false)
	}
	for _, r := range v6 {
		check(r.IP, r.RegionSlug, r.Droplet, true)
	}
	if assigned != 5 {
		t.Errorf("%d assigned addresses, want 4 IPv4s and 1 IPv6", assigned)
	}
}
