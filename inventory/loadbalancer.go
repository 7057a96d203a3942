package inventory

import (
	"strconv"

	"github.com/digitalocean/godo"
)

// KindLoadBalancers are load balancers.
const KindLoadBalancers = "loadbalancers"

// LoadBalancer is one load balancer with its forwarding rules.
type LoadBalancer struct {
	ID                  string
	Name                string
	Region              string
	Status              string
	IP                  string
	SizeUnit            int    // the size of a load balancer sized in units; 0 for one sized by slug
	SizeSlug            string // the size of an older load balancer (lb-small); "" for one sized in units
	Type                string
	DropletIDs          []int
	Tag                 string   // droplets with this tag are targets, instead of DropletIDs
	Tags                []string // the load balancer's own tags
	RedirectHTTPToHTTPS bool
	ForwardingRules     []ForwardingRule
}

// ForwardingRule maps an entry port of a load balancer to its targets.
type ForwardingRule struct {
	EntryProtocol  string
	EntryPort      int
	TargetProtocol string
	TargetPort     int
	TLSPassthrough bool
	CertificateID  string // of the certificate an HTTPS rule terminates with
}

// LoadBalancers lists the load balancers with their forwarding rules.
var LoadBalancers = newList(listSpec[[]godo.LoadBalancer, LoadBalancer]{
	Name: KindLoadBalancers, Label: "Load balancers", Scope: "load_balancer:read", URN: "loadbalancer",
	Fetch: paged("load balancers", func(c *godo.Client) listFunc[godo.LoadBalancer] { return c.LoadBalancers.List }),
	Map:   eachValue(mapLoadBalancer),
	Workload: func(lb *LoadBalancer) Workload {
		return Workload{ID: lb.ID, Name: lb.Name, Region: lb.Region, Status: lb.Status, Size: lb.Size(),
			Tags: lb.Tags, PublicAddresses: nonEmpty(lb.IP)}
	},
	Columns: HasRegion | HasStatus | HasSize | HasTags,
	Attributes: []Attribute[LoadBalancer]{
		{Key: "type", Value: func(lb *LoadBalancer) any { return lb.Type }},
		{Key: "forwarding_rules", Value: func(lb *LoadBalancer) any { return len(lb.ForwardingRules) }},
		{Key: "target_tag", Value: func(lb *LoadBalancer) any { return lb.Tag }},
		{Key: "droplet_ids", Value: func(lb *LoadBalancer) any { return lb.DropletIDs }},
	},
})

// Size is the load balancer's size as a person reads it: its slug, or its
// number of units.
func (lb *LoadBalancer) Size() string {
	switch {
	case lb.SizeUnit == 1:
		return "1 unit"
	case lb.SizeUnit > 1:
		return strconv.Itoa(lb.SizeUnit) + " units"
	}
	return lb.SizeSlug
}

func mapLoadBalancer(lb *godo.LoadBalancer) LoadBalancer {
	return LoadBalancer{
		ID:                  lb.ID,
		Name:                lb.Name,
		Region:              regionSlug(lb.Region),
		Status:              lb.Status,
		IP:                  lb.IP,
		SizeUnit:            int(lb.SizeUnit),
		SizeSlug:            lb.SizeSlug,
		Type:                lb.Type,
		DropletIDs:          lb.DropletIDs,
		Tag:                 lb.Tag,
		Tags:                sortedTags(lb.Tags),
		RedirectHTTPToHTTPS: lb.RedirectHttpToHttps,
		ForwardingRules:     eachValue(mapForwardingRule)(lb.ForwardingRules),
	}
}

func mapForwardingRule(r *godo.ForwardingRule) ForwardingRule {
	return ForwardingRule{
		EntryProtocol:  r.EntryProtocol,
		EntryPort:      r.EntryPort,
		TargetProtocol: r.TargetProtocol,
		TargetPort:     r.TargetPort,
		TLSPassthrough: r.TlsPassthrough,
		CertificateID:  r.CertificateID,
	}
}
