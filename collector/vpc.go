package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var (
	vpcInfo = newDesc("vpc", "info",
		"Descriptive labels of each VPC, as of the last refresh; value 1.",
		"id", "name", "region", "ip_range", "default")
	vpcNATGatewayInfo = newDesc("vpc_nat_gateway", "info",
		"Descriptive labels of each VPC NAT gateway, once per VPC it serves, as of the last refresh; value 1.",
		"id", "name", "region", "state", "vpc_id")
	vpcPeeringInfo = newDesc("vpc_peering", "info",
		"Descriptive labels of each VPC peering, as of the last refresh; value 1.", "id", "name", "status")
)

// newVPCCollector reads three lists, each listed on its own: one that
// failed from the start is absent while the others show.
func newVPCCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector("", src, collectVPCs, vpcInfo, vpcNATGatewayInfo, vpcPeeringInfo)
}

func collectVPCs(out emit, s *inventory.Snapshot) {
	for _, v := range inventory.VPCs.Of(s) {
		gauge(out, vpcInfo, 1, s.Account, v.ID, v.Name, v.Region, v.IPRange, boolLabel(v.Default))
	}
	for _, g := range inventory.VPCNATGateways.Of(s) {
		vpcs := g.VPCIDs
		if len(vpcs) == 0 {
			vpcs = []string{""} // a gateway that serves no VPC still shows
		}
		served := counts{}
		for _, vpc := range vpcs {
			served.add(g.ID, g.Name, g.Region, g.State, vpc)
		}
		served.sendOnes(out, vpcNATGatewayInfo, s.Account)
	}
	for _, p := range inventory.VPCPeerings.Of(s) {
		gauge(out, vpcPeeringInfo, 1, s.Account, p.ID, p.Name, p.Status)
	}
}
