package inventory

import (
	"slices"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

func TestMapVPCsFromExamples(t *testing.T) {
	got := mapExample(t, "vpcs.json", "vpcs", each(mapVPC), 3)
	custom, nyc3 := got[0], got[2]
	if custom.ID != "5a4981aa-9653-4bd1-bef5-d6bff52042e4" || custom.Name != "env.prod-vpc" || custom.Region != "nyc1" ||
		custom.IPRange != "10.10.10.0/24" || custom.Default ||
		!custom.Created.Equal(time.Date(2020, 3, 13, 19, 20, 47, 442049222, time.UTC)) {
		t.Errorf("custom VPC: %+v", custom)
	}
	if nyc3.Name != "default-nyc3" || nyc3.Region != "nyc3" || nyc3.IPRange != "10.100.0.0/20" || !nyc3.Default {
		t.Errorf("default VPC: %+v", nyc3)
	}
}

func TestMapNATGatewaysFromExamples(t *testing.T) {
	g := mapExample(t, "vpc_nat_gateways.json", "vpc_nat_gateways", each(mapNATGateway), 1)[0]
	if g.ID != "70e1b58d-cdec-4e95-b3ee-2d4d95feff51" || g.Name != "test-vpc-nat-gateways" || g.Region != "tor1" ||
		g.State != "ACTIVE" || g.Type != "PUBLIC" || g.Size != 1 ||
		!slices.Equal(g.VPCIDs, []string{"0eb1752f-807b-4562-a077-8018e13ab1fb"}) ||
		!g.Created.Equal(time.Date(2025, 8, 12, 18, 43, 14, 0, time.UTC)) {
		t.Errorf("NAT gateway: %+v", g)
	}
}

func TestMapVPCPeeringsFromExamples(t *testing.T) {
	p := mapExample(t, "vpc_peerings.json", "vpc_peerings", each(mapVPCPeering), 2)[1]
	if p.ID != "c212b274-911c-44cc-a117-23b7da4a2922" || p.Name != "another-vpc-peering" || p.Status != "ACTIVE" ||
		!slices.Equal(p.VPCIDs, []string{"5a100736-b085-4f69-81fd-feee325784bb", "c140286f-e6ce-4131-8b7b-df4590ce8d6a"}) ||
		!p.Created.Equal(time.Date(2024, 1, 10, 13, 29, 58, 0, time.UTC)) {
		t.Errorf("peering: %+v", p)
	}
}

// TestOneVPCListFailingLeavesTheOthers: NAT gateways and peerings need
// scopes of their own, which a token may lack.
func TestOneVPCListFailingLeavesTheOthers(t *testing.T) {
	api := newTestAPI(t, fakeapi.Examples())
	api.SetFault("/v2/vpc_nat_gateways", fakeapi.Fault{Status: 403})
	s := api.refresh(t)
	if st := s.Status[KindVPCNATGateways]; st.Reason != ReasonForbidden || st.Known() {
		t.Errorf("NAT gateways: %+v, want forbidden and never listed", st)
	}
	if !s.Status[KindVPCs].Succeeded() || !s.Status[KindVPCPeerings].Succeeded() ||
		len(VPCs.Of(s)) != 3 || len(VPCPeerings.Of(s)) != 2 {
		t.Errorf("VPCs %+v (%d), peerings %+v (%d), want both listed", s.Status[KindVPCs], len(VPCs.Of(s)),
			s.Status[KindVPCPeerings], len(VPCPeerings.Of(s)))
	}
	if n := countLines(api.logs.String(), "resource=vpc_nat_gateways ", "missing_scope=nat_gateway:read"); n != 1 {
		t.Errorf("the missing scope was logged %d times, want once:\n%s", n, api.logs)
	}
}
