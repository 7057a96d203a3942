package inventory

import (
	"context"
	"time"

	"github.com/digitalocean/godo"
)

// VPC kinds: the networks, the NAT gateways that give them a way out, and
// the peerings between them. Each is listed on its own, so one failing
// leaves the others.
const (
	KindVPCs           = "vpcs"
	KindVPCNATGateways = "vpc_nat_gateways"
	KindVPCPeerings    = "vpc_peerings"
)

// VPC is one virtual private network.
type VPC struct {
	ID      string
	Name    string
	Region  string
	IPRange string
	Default bool // the region's default VPC, where new resources go
	Created time.Time
}

// NATGateway is one VPC NAT gateway.
type NATGateway struct {
	ID      string
	Name    string
	Region  string
	State   string
	Type    string // PUBLIC
	Size    int
	VPCIDs  []string // the VPCs whose traffic it carries out
	Created time.Time
}

// VPCPeering joins two VPCs.
type VPCPeering struct {
	ID      string
	Name    string
	Status  string
	VPCIDs  []string
	Created time.Time
}

// VPCs lists the VPCs of every region.
var VPCs = newList(listSpec[[]*godo.VPC, VPC]{
	Name: KindVPCs, Label: "VPCs", Scope: "vpc:read",
	Fetch: paged("VPCs", func(c *godo.Client) listFunc[*godo.VPC] { return c.VPCs.List }),
	Map:   each(mapVPC),
	Workload: func(v *VPC) Workload {
		return Workload{ID: v.ID, Name: v.Name, Region: v.Region, Created: v.Created}
	},
	Columns: HasRegion,
	Attributes: []Attribute[VPC]{
		{Key: "ip_range", Value: func(v *VPC) any { return v.IPRange }},
		{Key: "default", Value: func(v *VPC) any { return v.Default }, Drift: true},
	},
})

// VPCNATGateways lists the VPC NAT gateways.
var VPCNATGateways = newList(listSpec[[]*godo.VPCNATGateway, NATGateway]{
	Name: KindVPCNATGateways, Label: "VPC NAT gateways", Scope: "nat_gateway:read",
	Fetch: paged("VPC NAT gateways", func(c *godo.Client) listFunc[*godo.VPCNATGateway] {
		return func(ctx context.Context, opt *godo.ListOptions) ([]*godo.VPCNATGateway, *godo.Response, error) {
			return c.VPCNATGateways.List(ctx, &godo.VPCNATGatewaysListOptions{ListOptions: *opt})
		}
	}),
	Map: each(mapNATGateway),
	Workload: func(g *NATGateway) Workload {
		return Workload{ID: g.ID, Name: g.Name, Region: g.Region, Status: g.State, Created: g.Created}
	},
	Columns: HasRegion | HasStatus,
	Attributes: []Attribute[NATGateway]{
		{Key: "vpc_ids", Value: func(g *NATGateway) any { return g.VPCIDs }},
		{Key: "size", Value: func(g *NATGateway) any { return g.Size }, Drift: true},
		{Key: "type", Value: func(g *NATGateway) any { return g.Type }},
	},
})

// VPCPeerings lists the peerings between VPCs.
var VPCPeerings = newList(listSpec[[]*godo.VPCPeering, VPCPeering]{
	Name: KindVPCPeerings, Label: "VPC peerings", Scope: "vpc_peering:read",
	Fetch: paged("VPC peerings", func(c *godo.Client) listFunc[*godo.VPCPeering] { return c.VPCs.ListVPCPeerings }),
	Map:   each(mapVPCPeering),
	Workload: func(p *VPCPeering) Workload {
		return Workload{ID: p.ID, Name: p.Name, Status: p.Status, Created: p.Created}
	},
	Columns: HasStatus,
	Attributes: []Attribute[VPCPeering]{
		{Key: "vpc_ids", Value: func(p *VPCPeering) any { return p.VPCIDs }},
	},
})

func mapVPC(v *godo.VPC) VPC {
	return VPC{ID: v.ID, Name: v.Name, Region: v.RegionSlug, IPRange: v.IPRange, Default: v.Default, Created: v.CreatedAt}
}

func mapNATGateway(g *godo.VPCNATGateway) NATGateway {
	var vpcIDs []string
	for _, v := range g.VPCs {
		if v != nil && v.VpcUUID != "" {
			vpcIDs = append(vpcIDs, v.VpcUUID)
		}
	}
	return NATGateway{
		ID: g.ID, Name: g.Name, Region: g.Region, State: g.State, Type: g.Type, Size: int(g.Size),
		VPCIDs: vpcIDs, Created: g.CreatedAt,
	}
}

func mapVPCPeering(p *godo.VPCPeering) VPCPeering {
	return VPCPeering{ID: p.ID, Name: p.Name, Status: p.Status, VPCIDs: p.VPCIDs, Created: p.CreatedAt}
}
