package fakeapi

import "time"

// certificatePlan is one of the demo's certificates: its kind, state and
// DNS names, and when it expires.
type certificatePlan struct {
	name, certType, state string
	dnsNames              []string
	// expires is when it expires after the end of the history (before it,
	// when negative); 0 for a certificate not issued yet.
	expires time.Duration
}

const day = 24 * time.Hour

// certificatePlans: a Let's Encrypt and a custom certificate that stay
// valid, one that expires within 14 days of the history's end, one that
// had expired by then, a Let's Encrypt certificate still pending, and one
// whose issuing failed.
//
// Every date is fixed, relative to the fake's history (epoch, history), so
// that the demo and its golden files never change. Checks that compare
// not_after with the time of the refresh therefore see the demo as it is
// today: the two valid ones stay valid until 2035, and the one "expiring
// soon" at the history's end (5 September 2025) has expired by now, like
// the expired one. Only the first two are meant to be valid at real time.
var certificatePlans = []certificatePlan{
	{"www-example", "lets_encrypt", "verified", []string{"www.example.com", "example.com", "static.example.com"}, 10 * 365 * day},
	{"api-wildcard", "custom", "verified", []string{"*.api.example.com", "api.example.com"}, 10 * 365 * day},
	{"shop", "lets_encrypt", "verified", []string{"shop.example.com"}, 10 * day},
	{"legacy-api", "custom", "verified", []string{"legacy.example.com"}, -30 * day},
	{"status-page", "lets_encrypt", "pending", []string{"status.example.com"}, 0},
	{"old-blog", "lets_encrypt", "error", []string{"blog.example.com"}, 0},
}

// certificateID is the id of certificate i; the demo's load balancers
// terminate TLS with the certificates of these plans.
func certificateID(i int) string { return fakeUUID("certificate", i) }

const (
	wwwCertificate  = 0 // also the CDN's custom domain
	apiCertificate  = 1
	shopCertificate = 2 // expiring soon at the history's end
)

// certificate i follows the plans in turn.
func (b builder) certificate(i int) map[string]any {
	p := certificatePlans[i%len(certificatePlans)]
	round := i / len(certificatePlans)
	c := cloneObject(b.template(Certificates, 1))
	c["id"], c["name"] = certificateID(i), numbered(p.name, round)
	c["type"], c["state"] = p.certType, p.state
	c["dns_names"] = append([]string{}, p.dnsNames...)
	c["created_at"] = stamp(createdAt(i, b.size[Certificates]))
	c["sha1_fingerprint"] = hexID(c["id"].(string))
	c["not_after"] = stamp(epoch.Add(history + p.expires))
	if p.expires == 0 {
		return without(c, "not_after", "sha1_fingerprint")
	}
	return c
}
