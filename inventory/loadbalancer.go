package inventory

import (
	"context"
	"fmt"

	"github.com/digitalocean/godo"
)

func fetchLoadBalancers(ctx context.Context, c *godo.Client) ([]godo.LoadBalancer, error) {
	lbs, err := listAll(ctx, c.LoadBalancers.List)
	if err != nil {
		return nil, fmt.Errorf("list load balancers: %w", err)
	}
	return lbs, nil
}

func mapLoadBalancers(in []godo.LoadBalancer) []LoadBalancer {
	lbs := make([]LoadBalancer, 0, len(in))
	for _, lb := range in {
		lbs = append(lbs, LoadBalancer{
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
			ForwardingRules:     mapForwardingRules(lb.ForwardingRules),
		})
	}
	return lbs
}

func mapForwardingRules(in []godo.ForwardingRule) []ForwardingRule {
	rules := make([]ForwardingRule, 0, len(in))
	for _, r := range in {
		rules = append(rules, ForwardingRule{
			EntryProtocol:  r.EntryProtocol,
			EntryPort:      r.EntryPort,
			TargetProtocol: r.TargetProtocol,
			TargetPort:     r.TargetPort,
			TLSPassthrough: r.TlsPassthrough,
		})
	}
	return rules
}
