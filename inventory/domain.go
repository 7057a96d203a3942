package inventory

import (
	"context"

	"github.com/digitalocean/godo"
)

// Domain kinds: the DNS zones DigitalOcean serves, and the records of each,
// counted by type, with one request (or more, a page per 200 records) per
// zone.
const (
	KindDomains       = "domains"
	KindDomainRecords = "domain_records"
)

// Domain is one DNS zone. Its name is its ID.
type Domain struct {
	Name       string
	TTLSeconds int // the zone's default TTL
}

// Domains lists the DNS zones. The API sends each with its zone file, the
// whole zone as text: decoding into domainWire leaves it undecoded, so it
// is never kept nor shown.
var Domains = newList(listSpec[[]domainWire, Domain]{
	Name: KindDomains, Label: "Domains", Scope: "domain:read", URN: "domain",
	Fetch:    pagedRaw[domainWire]("domains", "v2/domains", "domains"),
	Map:      eachValue(mapDomain),
	Workload: func(d *Domain) Workload { return Workload{ID: d.Name, Name: d.Name} },
	Attributes: []Attribute[Domain]{
		{Key: "ttl_seconds", Value: func(d *Domain) any { return d.TTLSeconds }, Drift: true},
	},
})

// DomainRecords counts the records of each zone by type (A, MX, ...), by
// the zone's name.
var DomainRecords = newDetail(detailSpec[Domain, []recordWire, map[string]int]{
	Name: KindDomainRecords, Scope: "domain:read", Parent: Domains,
	ID: func(d *Domain) string { return d.Name },
	Get: func(ctx context.Context, c *godo.Client, name string) ([]recordWire, error) {
		return listAll(ctx, rawList[recordWire](c, "v2/domains/"+name+"/records", "domain_records")) // name comes escaped
	},
	Map: recordsByType,
})

// domainWire is the part of a domain we read; its zone_file is left out.
type domainWire struct {
	Name string `json:"name"`
	TTL  int    `json:"ttl"`
}

// recordWire is the part of a record we read: godo's DomainRecords drops
// the list's meta, and the records' data is not ours to keep.
type recordWire struct {
	Type string `json:"type"`
}

func mapDomain(d *domainWire) Domain { return Domain{Name: d.Name, TTLSeconds: d.TTL} }

func recordsByType(records []recordWire) map[string]int {
	byType := map[string]int{}
	for _, r := range records {
		byType[r.Type]++
	}
	return byType
}
