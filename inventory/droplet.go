package inventory

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/digitalocean/godo"
)

// KindDroplets are Droplets, GPU Droplets included.
const KindDroplets = "droplets"

// Droplet is one Droplet, GPU or not.
type Droplet struct {
	ID          int
	Name        string
	Region      string
	Size        string
	Status      string
	Image       string
	VPCUUID     string
	PublicIPv4  string
	PrivateIPv4 string
	PublicIPv6  string
	Tags        []string // sorted
	VCPUs       int
	MemoryBytes int64
	DiskBytes   int64
	GPU         bool
	Created     time.Time // zero when unknown
	// Backups tells whether backups are enabled (the backups feature; the
	// examples give next_backup_window to droplets without it); MonitoringAgent whether
	// the list says the monitoring agent runs (it may be installed later
	// without the list knowing).
	Backups         bool
	MonitoringAgent bool
	// PriceMonthly and PriceHourly are the list prices of the Droplet's
	// size, in dollars, as the list gives them; 0 when it gives none.
	PriceMonthly float64
	PriceHourly  float64
}

// Droplets lists every Droplet: the API's default list and its GPU list.
var Droplets = newList(listSpec[dropletLists, Droplet]{
	Name: KindDroplets, Label: "Droplets", Scope: "droplet:read", URN: "droplet",
	Fetch: both(
		paged("droplets", func(c *godo.Client) listFunc[godo.Droplet] { return c.Droplets.List }),
		paged("GPU droplets", func(c *godo.Client) listFunc[godo.Droplet] { return c.Droplets.ListWithGPUs })),
	Map:     mapDroplets,
	Columns: HasRegion | HasStatus | HasSize | HasTags,
	Workload: func(d *Droplet) Workload {
		return Workload{
			ID: strconv.Itoa(d.ID), Name: d.Name, Region: d.Region, Status: d.Status, Size: d.Size,
			Tags: d.Tags, Created: d.Created, PublicAddresses: nonEmpty(d.PublicIPv4, d.PublicIPv6),
		}
	},
	Attributes: []Attribute[Droplet]{
		{Key: "vcpus", Value: func(d *Droplet) any { return d.VCPUs }},
		{Key: "memory_bytes", Value: func(d *Droplet) any { return d.MemoryBytes }},
		{Key: "disk_bytes", Value: func(d *Droplet) any { return d.DiskBytes }},
		{Key: "image", Value: func(d *Droplet) any { return d.Image }},
		{Key: "vpc_uuid", Value: func(d *Droplet) any { return d.VPCUUID }},
		{Key: "private_ipv4", Value: func(d *Droplet) any { return d.PrivateIPv4 }},
		{Key: "gpu", Value: func(d *Droplet) any { return d.GPU }},
		{Key: "backups", Value: func(d *Droplet) any { return d.Backups }, Drift: true},
		{Key: "monitoring_agent", Value: func(d *Droplet) any { return d.MonitoringAgent }},
	},
})

const (
	mebibyte = 1 << 20
	gibibyte = 1 << 30
)

// dropletLists holds both Droplet lists: the API's default list, which
// leaves GPU Droplets out, and the GPU list.
type dropletLists = twoLists[godo.Droplet, godo.Droplet]

// mapDroplets joins both lists, sorted by ID; a Droplet in both comes from
// the GPU list first, so that it is the one kept when the kind drops the
// repeat.
func mapDroplets(lists dropletLists) []Droplet {
	plain, gpu := lists.first, lists.second
	droplets := make([]Droplet, 0, len(plain)+len(gpu))
	for i := range gpu {
		droplets = append(droplets, mapDroplet(&gpu[i], true))
	}
	for i := range plain {
		droplets = append(droplets, mapDroplet(&plain[i], false))
	}
	slices.SortStableFunc(droplets, func(a, b Droplet) int { return cmp.Compare(a.ID, b.ID) })
	return droplets
}

func mapDroplet(d *godo.Droplet, gpu bool) Droplet {
	publicV4, _ := d.PublicIPv4()
	privateV4, _ := d.PrivateIPv4()
	publicV6, _ := d.PublicIPv6()
	droplet := Droplet{
		ID:          d.ID,
		Name:        d.Name,
		Region:      regionSlug(d.Region),
		Size:        d.SizeSlug,
		Status:      d.Status,
		Image:       imageName(d.Image),
		VPCUUID:     d.VPCUUID,
		PublicIPv4:  publicV4,
		PrivateIPv4: privateV4,
		PublicIPv6:  publicV6,
		Tags:        sortedTags(d.Tags),
		VCPUs:       d.Vcpus,
		MemoryBytes: int64(d.Memory) * mebibyte,
		DiskBytes:   int64(d.Disk) * gibibyte,
		GPU:         gpu,
		Created:     parseTime(d.Created),

		Backups:         slices.Contains(d.Features, "backups"),
		MonitoringAgent: slices.Contains(d.Features, "monitoring"),
	}
	if d.Size != nil {
		droplet.PriceMonthly, droplet.PriceHourly = d.Size.PriceMonthly, d.Size.PriceHourly
	}
	return droplet
}

// imageName is the image's slug; snapshots and custom images have none,
// so they fall back to their name.
func imageName(i *godo.Image) string {
	switch {
	case i == nil:
		return ""
	case i.Slug != "":
		return i.Slug
	}
	return i.Name
}
