package inventory

import (
	"time"

	"github.com/digitalocean/godo"
)

// KindCertificates are the TLS certificates load balancers and the CDN use.
const KindCertificates = "certificates"

// Certificate is one TLS certificate, uploaded (custom) or issued by
// Let's Encrypt (lets_encrypt).
type Certificate struct {
	ID       string
	Name     string
	Type     string // custom or lets_encrypt
	State    string // pending, verified or error
	DNSNames []string
	NotAfter time.Time // when it expires; zero when unknown (not issued yet)
	Created  time.Time
}

// Certificates lists the account's certificates.
var Certificates = newList(listSpec[[]godo.Certificate, Certificate]{
	Name: KindCertificates, Label: "Certificates", Scope: "certificate:read",
	Fetch: paged("certificates", func(c *godo.Client) listFunc[godo.Certificate] { return c.Certificates.List }),
	Map:   eachValue(mapCertificate),
	Workload: func(c *Certificate) Workload {
		return Workload{ID: c.ID, Name: c.Name, Status: c.State, Created: c.Created}
	},
	Columns: HasStatus,
	Attributes: []Attribute[Certificate]{
		{Key: "type", Value: func(c *Certificate) any { return c.Type }},
		{Key: "not_after", Value: func(c *Certificate) any { return rfc3339(c.NotAfter) }},
		{Key: "dns_names", Value: func(c *Certificate) any { return c.DNSNames }},
	},
})

func mapCertificate(c *godo.Certificate) Certificate {
	return Certificate{
		ID:       c.ID,
		Name:     c.Name,
		Type:     c.Type,
		State:    c.State,
		DNSNames: nonEmpty(c.DNSNames...), // the API's example has [""]
		NotAfter: parseTime(c.NotAfter),
		Created:  parseTime(c.Created),
	}
}

// rfc3339 writes a time as the inventory shows times; nil when unknown.
func rfc3339(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(time.RFC3339)
}
