package inventory

import (
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
	SizeUnit            int
	Type                string
	DropletIDs          []int
	Tag                 string // droplets with this tag are targets, instead of DropletIDs
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
}

// LoadBalancers lists the load balancers with their forwarding rules.
var LoadBalancers = newList(listSpec[[]godo.LoadBalancer, LoadBalancer]{
	Name: KindLoadBalancers, Label: "Load balancers", Scope: "load_balancer:read",
	Fetch: paged("load balancers", func(c *godo.Client) listFunc[godo.LoadBalancer] { return c.LoadBalancers.List }),
	Map:   eachValue(mapLoadBalancer),
})

func mapLoadBalancer(lb *godo.LoadBalancer) LoadBalancer {
	return LoadBalancer{
		ID:                  lb.ID,
		Name:                lb.Name,
		Region:              regionSlug(lb.Region),
		Status:              lb.Status,
		IP:                  lb.IP,
		SizeUnit:            int(lb.SizeUnit),
		Type:                lb.Type,
		DropletIDs:          lb.DropletIDs,
		Tag:                 lb.Tag,
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
	}
}
