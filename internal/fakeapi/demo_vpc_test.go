package fakeapi

import (
	"context"
	"net/netip"
	"testing"

	"github.com/digitalocean/godo"
)

// TestDemoVPCs: every region has its default VPC, and everything that names
// a VPC (droplets, clusters, databases, load balancers, NAT gateways and
// peerings) names a listed one; private addresses are in their VPC's range.
func TestDemoVPCs(t *testing.T) {
	demo := Demo()
	a := readWithGodo(t, demo)
	c := newGodo(t, newTestServer(t, demo))
	ctx, opt := context.Background(), &godo.ListOptions{PerPage: 200}
	vpcs, _, err := c.VPCs.List(ctx, opt)
	if err != nil {
		t.Fatal(err)
	}
	gateways, _, err := c.VPCNATGateways.List(ctx, &godo.VPCNATGatewaysListOptions{ListOptions: *opt})
	if err != nil {
		t.Fatal(err)
	}
	peerings, _, err := c.VPCs.ListVPCPeerings(ctx, opt)
	if err != nil {
		t.Fatal(err)
	}

	byID, defaults := map[string]*godo.VPC{}, map[string]int{}
	for _, v := range vpcs {
		byID[v.ID] = v
		if v.Default {
			defaults[v.RegionSlug]++
		}
		if _, err := netip.ParsePrefix(v.IPRange); err != nil || v.CreatedAt.IsZero() {
			t.Errorf("%s: range %q (%v), created %v", v.Name, v.IPRange, err, v.CreatedAt)
		}
	}
	if len(vpcs) != len(regions)+1 || len(defaults) != len(regions) {
		t.Fatalf("%d VPCs, default ones in %v; want one default per region of %d and a custom one", len(vpcs), defaults, len(regions))
	}
	inVPC := func(what, vpc, region, addr string) {
		t.Helper()
		v, ok := byID[vpc]
		if !ok {
			t.Errorf("%s: VPC %q is not listed", what, vpc)
			return
		}
		if region != "" && v.RegionSlug != region {
			t.Errorf("%s in %s is in VPC %s of %s", what, region, v.Name, v.RegionSlug)
		}
		if addr != "" && !netip.MustParsePrefix(v.IPRange).Contains(netip.MustParseAddr(addr)) {
			t.Errorf("%s: address %s is not in %s's range %s", what, addr, v.Name, v.IPRange)
		}
	}
	for _, d := range dropletsByID(a) {
		private, _ := d.PrivateIPv4()
		inVPC(d.Name, d.VPCUUID, d.Region.Slug, private)
	}
	for _, k := range a.clusters {
		inVPC(k.Name, k.VPCUUID, k.RegionSlug, "")
	}
	for _, db := range a.databases {
		inVPC(db.Name, db.PrivateNetworkUUID, db.RegionSlug, "")
	}
	for _, lb := range a.loadBalancers {
		inVPC(lb.Name, lb.VPCUUID, lb.Region.Slug, "")
	}

	states := map[string]int{}
	for _, g := range gateways {
		states[g.State]++
		if len(g.VPCs) != 1 || g.Egresses == nil || len(g.Egresses.PublicGateways) != 1 || g.Size < 1 {
			t.Errorf("%s: VPCs %v, egresses %+v, size %d", g.Name, g.VPCs, g.Egresses, g.Size)
			continue
		}
		inVPC(g.Name, g.VPCs[0].VpcUUID, g.Region, g.VPCs[0].GatewayIP)
	}
	if len(gateways) != 2 || states["ACTIVE"] != 1 {
		t.Errorf("NAT gateway states %v, want one ACTIVE and one other", states)
	}
	if len(peerings) != 1 || peerings[0].Status != "ACTIVE" || len(peerings[0].VPCIDs) != 2 {
		t.Fatalf("peerings %+v, want one ACTIVE between two VPCs", peerings)
	}
	for _, id := range peerings[0].VPCIDs {
		inVPC(peerings[0].Name, id, "", "")
	}
}
