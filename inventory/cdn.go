package inventory

import (
	"cmp"
	"time"

	"github.com/digitalocean/godo"
)

// KindCDN are the CDN endpoints in front of Spaces buckets.
const KindCDN = "cdn"

// CDNEndpoint is one CDN endpoint.
type CDNEndpoint struct {
	ID            string
	Origin        string // the Spaces bucket it serves
	Endpoint      string // its own host name
	CustomDomain  string // "" when it has none
	CertificateID string // of the custom domain's certificate; "" when none
	TTLSeconds    int    // how long the edge caches
	Created       time.Time
}

// CDNEndpoints lists the CDN endpoints. /v2/cdn/endpoints has a limit of its
// own besides the token's: 5 requests in 10 seconds. What keeps us under it:
// nothing else of ours calls it, and a refresh, once every --refresh.interval
// (minutes), sends one request per 200 endpoints, each after the last one's
// answer. An endpoint serves one Spaces bucket, so that is one request for
// any but a huge account; only one of over 1,000 endpoints would send a
// sixth within 10 seconds, meet a 429 and pause the account's requests for
// the few seconds its retry-after says.
var CDNEndpoints = newList(listSpec[[]godo.CDN, CDNEndpoint]{
	Name: KindCDN, Label: "CDN endpoints", Scope: "cdn:read",
	Fetch: paged("CDN endpoints", func(c *godo.Client) listFunc[godo.CDN] { return c.CDNs.List }),
	Map:   eachValue(mapCDNEndpoint),
	Workload: func(e *CDNEndpoint) Workload {
		return Workload{ID: e.ID, Name: cmp.Or(e.Endpoint, e.Origin), Created: e.Created}
	},
	Attributes: []Attribute[CDNEndpoint]{
		{Key: "origin", Value: func(e *CDNEndpoint) any { return e.Origin }},
		{Key: "custom_domain", Value: func(e *CDNEndpoint) any { return e.CustomDomain }, Drift: true},
		{Key: "ttl_seconds", Value: func(e *CDNEndpoint) any { return e.TTLSeconds }, Drift: true},
		{Key: "certificate_id", Value: func(e *CDNEndpoint) any { return e.CertificateID }},
	},
})

func mapCDNEndpoint(e *godo.CDN) CDNEndpoint {
	return CDNEndpoint{
		ID: e.ID, Origin: e.Origin, Endpoint: e.Endpoint, CustomDomain: e.CustomDomain,
		CertificateID: e.CertificateID, TTLSeconds: int(e.TTL), Created: e.CreatedAt,
	}
}
