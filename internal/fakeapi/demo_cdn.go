package fakeapi

import "fmt"

// cdnPolicy is a CDN endpoint in front of a Spaces bucket; one with a
// custom domain has a certificate for it.
type cdnPolicy struct {
	bucket       string
	region       region
	customDomain string
	ttl          int
}

// cdnPolicies: the storefront's static assets are served as
// static.example.com (a CNAME of example.com points at the endpoint);
// uploaded media is served from the endpoint's own name.
var cdnPolicies = []cdnPolicy{
	{"static-assets", regions[1], "static.example.com", 3600},
	{"media-uploads", regions[2], "", 86400},
}

// cdnEndpointHost is the host name of the CDN endpoint in front of bucket
// in round.
func cdnEndpointHost(p cdnPolicy, round int) string {
	return fmt.Sprintf("%s.%s.cdn.digitaloceanspaces.com", numbered(p.bucket, round), p.region.slug)
}

// cdnEndpoint i follows the policies in turn.
func (b builder) cdnEndpoint(i int) map[string]any {
	p, round := cdnPolicies[i%len(cdnPolicies)], i/len(cdnPolicies)
	e := cloneObject(b.template(CDNEndpoints, 0))
	e["id"] = fakeUUID("cdn endpoint", i)
	e["origin"] = fmt.Sprintf("%s.%s.digitaloceanspaces.com", numbered(p.bucket, round), p.region.slug)
	e["endpoint"] = cdnEndpointHost(p, round)
	e["ttl"] = p.ttl
	e["created_at"] = stamp(createdAt(i, b.size[CDNEndpoints]))
	if p.customDomain == "" {
		return without(e, "custom_domain", "certificate_id")
	}
	e["custom_domain"] = p.customDomain
	e["certificate_id"] = certificateID(wwwCertificate) // which names the custom domain
	return e
}
