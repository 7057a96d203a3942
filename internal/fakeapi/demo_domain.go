package fakeapi

import (
	"fmt"
	"strings"
)

// zoneRecord is one record a zone of the demo holds besides its SOA and NS
// records. An A or AAAA record with a role points at the public address of
// the first droplet of that role.
type zoneRecord struct {
	typ, name, data string
	role            string
	priority        int
}

// demoZone is a DNS zone of the demo.
type demoZone struct {
	name    string
	ttl     int
	records []zoneRecord
}

// demoZones: the storefront's zone points at the web and api droplets and
// its CDN endpoint, and takes mail; the second zone is staging's and the
// bastion's.
var demoZones = []demoZone{
	{"example.com", 1800, []zoneRecord{
		{typ: "A", name: "@", role: "web"},
		{typ: "AAAA", name: "@", role: "web"},
		{typ: "A", name: "api", role: "api"},
		{typ: "CNAME", name: "www", data: "@"},
		{typ: "CNAME", name: "static", data: cdnEndpointHost(cdnPolicies[0], 0) + "."},
		{typ: "MX", name: "@", data: "mx1.example.net.", priority: 10},
		{typ: "MX", name: "@", data: "mx2.example.net.", priority: 20},
		{typ: "TXT", name: "@", data: "v=spf1 mx -all"},
	}},
	{"example.net", 3600, []zoneRecord{
		{typ: "A", name: "staging", role: "staging"},
		{typ: "A", name: "bastion", role: "bastion"},
		{typ: "CNAME", name: "docs", data: "staging.example.net."},
		{typ: "TXT", name: "_dmarc", data: "v=DMARC1; p=reject"},
	}},
}

// nameServers are DigitalOcean's, which every zone it serves delegates to.
var nameServers = []string{"ns1.digitalocean.com", "ns2.digitalocean.com", "ns3.digitalocean.com"}

// domain i is a zone of demoZones, in turn, with its zone file.
func (b builder) domain(i int) map[string]any {
	z := demoZones[i%len(demoZones)]
	d := cloneObject(b.template(Domains, 0))
	d["name"], d["ttl"] = zoneName(i), z.ttl
	d["zone_file"] = zoneFile(zoneName(i), z.ttl, b.domainRecords(i))
	return d
}

// zoneName is the name of zone i: a later round is a subdomain.
func zoneName(i int) string {
	if round := i / len(demoZones); round > 0 {
		return fmt.Sprintf("r%d.%s", round+1, demoZones[i%len(demoZones)].name)
	}
	return demoZones[i%len(demoZones)].name
}

// domainRecords of zone i: its SOA and NS records, as the API lists them
// first, then the zone's own.
func (b builder) domainRecords(i int) []map[string]any {
	z := demoZones[i%len(demoZones)]
	all := []zoneRecord{{typ: "SOA", name: "@", data: "1800"}}
	for _, ns := range nameServers {
		all = append(all, zoneRecord{typ: "NS", name: "@", data: ns})
	}
	records := make([]map[string]any, 0, len(all)+len(z.records))
	for n, r := range append(all, z.records...) {
		record := cloneObject(b.exampleOf(DomainRecords))
		record["id"] = 51000000 + 1000*i + n
		record["type"], record["name"], record["ttl"] = r.typ, r.name, z.ttl
		record["data"] = b.recordData(r)
		if r.priority > 0 {
			record["priority"] = r.priority
		}
		records = append(records, record)
	}
	return records
}

// recordData is what a record says: its own data, or the public address of
// its role's first droplet.
func (b builder) recordData(r zoneRecord) string {
	if r.role == "" {
		return r.data
	}
	i := roleDroplet(r.role, 0) % max(b.size[Droplets], 1)
	if r.typ == "AAAA" {
		ip, _ := publicIPv6(dropletRegion(i), i)
		return ip
	}
	ip, _ := publicIPv4(i)
	return ip
}

// zoneFile is the zone as text, the way the API sends it with the domain.
func zoneFile(name string, ttl int, records []map[string]any) string {
	var f strings.Builder
	fmt.Fprintf(&f, "$ORIGIN %s.\n$TTL %d\n", name, ttl)
	for _, r := range records {
		owner := name + "."
		if r["name"] != "@" {
			owner = fmt.Sprintf("%s.%s.", r["name"], name)
		}
		data := fmt.Sprint(r["data"])
		switch r["type"] {
		case "SOA":
			data = fmt.Sprintf("%s. hostmaster.%s. 1 10800 3600 604800 %s", nameServers[0], name, data)
		case "MX":
			data = fmt.Sprintf("%v %s", r["priority"], data)
		}
		fmt.Fprintf(&f, "%s %d IN %s %s\n", owner, ttl, r["type"], data)
	}
	return f.String()
}
