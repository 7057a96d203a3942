package fakeapi

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/digitalocean/godo"
)

// TestDemoCDNEndpoints: one endpoint serves its bucket under a custom domain
// with a certificate, which the zone of that domain points at with a CNAME;
// the other serves under its own name.
func TestDemoCDNEndpoints(t *testing.T) {
	c := newGodo(t, newTestServer(t, Demo()))
	endpoints, _, err := c.CDNs.List(context.Background(), &godo.ListOptions{PerPage: 200})
	if err != nil || len(endpoints) != 2 {
		t.Fatalf("got %d CDN endpoints (%v), want 2", len(endpoints), err)
	}
	custom := 0
	for _, e := range endpoints {
		bucket, spaces, ok := strings.Cut(e.Origin, ".")
		if !ok || !strings.HasSuffix(spaces, ".digitaloceanspaces.com") || e.Endpoint != bucket+"."+strings.Replace(spaces, ".", ".cdn.", 1) {
			t.Errorf("endpoint %s does not serve the Spaces bucket %s", e.Endpoint, e.Origin)
		}
		if e.TTL == 0 || e.CreatedAt.IsZero() || (e.CustomDomain == "") != (e.CertificateID == "") {
			t.Errorf("%s: TTL %d, created %v, custom domain %q with certificate %q", e.Endpoint, e.TTL, e.CreatedAt, e.CustomDomain, e.CertificateID)
		}
		if e.CustomDomain == "" {
			continue
		}
		custom++
		certificates, _, err := c.Certificates.List(context.Background(), &godo.ListOptions{PerPage: 200})
		i := slices.IndexFunc(certificates, func(cert godo.Certificate) bool { return cert.ID == e.CertificateID })
		if err != nil || i < 0 || !slices.Contains(certificates[i].DNSNames, e.CustomDomain) {
			t.Errorf("%s: its certificate %s (%v) is not listed or does not name it", e.CustomDomain, e.CertificateID, err)
		}
		host, zone, _ := strings.Cut(e.CustomDomain, ".")
		var cname string
		for _, r := range recordsOf(t, c, zone, 200) {
			if r.Type == "CNAME" && r.Name == host {
				cname = r.Data
			}
		}
		if cname != e.Endpoint+"." {
			t.Errorf("%s is a CNAME of %q in %s, want %s.", e.CustomDomain, cname, zone, e.Endpoint)
		}
	}
	if custom != 1 {
		t.Errorf("%d endpoints with a custom domain, want one of the two", custom)
	}
}
