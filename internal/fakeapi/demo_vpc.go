package fakeapi

import (
	"fmt"
	"time"
)

// The VPCs list starts with the default VPC of each region, the one its
// droplets, clusters, databases and load balancers are in (vpcUUID); the
// VPCs a team made follow.

// defaultVPCOctet is the second octet of the first region's default VPC,
// 10.100.0.0/16; region r's is 10.<defaultVPCOctet+r>.0.0/16.
const defaultVPCOctet = 100

// customVPC is a VPC a team made beside its region's default one.
type customVPC struct {
	name, description string
	region            region
}

var customVPCs = []customVPC{
	{"prod-private", "Production back ends, away from the default network", regions[0]},
}

// vpc i is the default VPC of region i, or after those a custom VPC.
func (b builder) vpc(i int) map[string]any {
	v := cloneObject(b.template(VPCs, 0))
	v["id"] = vpcID(i)
	v["urn"] = "do:vpc:" + vpcID(i)
	v["region"] = vpcRegion(i).slug
	v["ip_range"], _ = vpcNetwork(i)
	v["created_at"] = stamp(createdAt(i, b.size[VPCs]))
	v["default"] = i < len(regions)
	if i < len(regions) {
		v["name"], v["description"] = "default-"+regions[i].slug, ""
		return v
	}
	k := i - len(regions)
	c := customVPCs[k%len(customVPCs)]
	v["name"], v["description"] = numbered(c.name, k/len(customVPCs)), c.description
	return v
}

func vpcID(i int) string {
	if i < len(regions) {
		return vpcUUID(regions[i])
	}
	return fakeUUID("custom vpc", i-len(regions))
}

func vpcRegion(i int) region {
	if i < len(regions) {
		return regions[i]
	}
	return customVPCs[(i-len(regions))%len(customVPCs)].region
}

// vpcNetwork is the address range of vpc i, and the address a NAT gateway
// takes in it. A default VPC holds its region's private addresses
// (privateIPv4), whose third octet stays below 250.
func vpcNetwork(i int) (ipRange, gatewayIP string) {
	if i < len(regions) {
		octet := defaultVPCOctet + i
		return fmt.Sprintf("10.%d.0.0/16", octet), fmt.Sprintf("10.%d.250.1", octet)
	}
	third := (i - len(regions)) % 250
	return fmt.Sprintf("10.200.%d.0/24", third), fmt.Sprintf("10.200.%d.1", third)
}

// natPolicy is a NAT gateway: the VPC it serves (by its place in the VPCs
// list), its state and size.
type natPolicy struct {
	name, state string
	size        int
	vpc         int
}

// natPolicies: production's private VPC goes out through an active
// gateway; the one for staging in Frankfurt is still being created.
var natPolicies = []natPolicy{
	{"prod-egress", "ACTIVE", 2, len(regions)},
	{"staging-egress", "NEW", 1, 3},
}

// natGateway i follows the policies in turn.
func (b builder) natGateway(i int) map[string]any {
	p := natPolicies[i%len(natPolicies)]
	g := cloneObject(b.template(VPCNATGateways, 0))
	g["id"] = fakeUUID("nat gateway", i)
	g["name"] = numbered(p.name, i/len(natPolicies))
	g["state"], g["size"] = p.state, p.size
	g["region"] = vpcRegion(p.vpc).slug
	_, gatewayIP := vpcNetwork(p.vpc)
	g["vpcs"] = []any{map[string]any{"vpc_uuid": vpcID(p.vpc), "gateway_ip": gatewayIP}}
	publicIP, _ := publicIPv4(natHosts + i)
	g["egresses"] = map[string]any{"public_gateways": []any{map[string]any{"ipv4": publicIP}}}
	created := createdAt(i, b.size[VPCNATGateways])
	g["created_at"], g["updated_at"] = stamp(created), stamp(created.Add(17*time.Minute))
	g["project_id"] = fakeUUID("project")
	return g
}

// peeringPolicy joins two VPCs, by their places in the VPCs list.
type peeringPolicy struct {
	name, status string
	vpcs         [2]int
}

// peeringPolicies: production's private VPC reaches the default VPC of
// nyc3, where the api droplets are.
var peeringPolicies = []peeringPolicy{
	{"prod-private-to-nyc3", "ACTIVE", [2]int{len(regions), 1}},
}

func (b builder) vpcPeering(i int) map[string]any {
	p := peeringPolicies[i%len(peeringPolicies)]
	v := cloneObject(b.template(VPCPeerings, 0))
	v["id"] = fakeUUID("vpc peering", i)
	v["name"] = numbered(p.name, i/len(peeringPolicies))
	v["vpc_ids"] = []string{vpcID(p.vpcs[0]), vpcID(p.vpcs[1])}
	v["status"] = p.status
	v["created_at"] = stamp(createdAt(i, b.size[VPCPeerings]))
	return v
}
