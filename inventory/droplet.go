package inventory

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/digitalocean/godo"
)

const (
	mebibyte = 1 << 20
	gibibyte = 1 << 30
)

// dropletLists holds both Droplet lists: the API's default list leaves GPU
// Droplets out.
type dropletLists struct{ plain, gpu []godo.Droplet }

func fetchDroplets(ctx context.Context, c *godo.Client) (dropletLists, error) {
	plain, err := listAll(ctx, c.Droplets.List)
	if err != nil {
		return dropletLists{}, fmt.Errorf("list droplets: %w", err)
	}
	gpu, err := listAll(ctx, c.Droplets.ListWithGPUs)
	if err != nil {
		return dropletLists{}, fmt.Errorf("list GPU droplets: %w", err)
	}
	return dropletLists{plain: plain, gpu: gpu}, nil
}

// mapDroplets merges both lists by ID, GPU entries winning, sorted by ID.
func mapDroplets(lists dropletLists) []Droplet {
	byID := make(map[int]Droplet, len(lists.plain)+len(lists.gpu))
	for i := range lists.plain {
		byID[lists.plain[i].ID] = mapDroplet(&lists.plain[i], false)
	}
	for i := range lists.gpu {
		byID[lists.gpu[i].ID] = mapDroplet(&lists.gpu[i], true)
	}
	droplets := make([]Droplet, 0, len(byID))
	for _, d := range byID {
		droplets = append(droplets, d)
	}
	slices.SortFunc(droplets, func(a, b Droplet) int { return cmp.Compare(a.ID, b.ID) })
	return droplets
}

func mapDroplet(d *godo.Droplet, gpu bool) Droplet {
	publicV4, _ := d.PublicIPv4()
	privateV4, _ := d.PrivateIPv4()
	publicV6, _ := d.PublicIPv6()
	return Droplet{
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
	}
}

func regionSlug(r *godo.Region) string {
	if r == nil {
		return ""
	}
	return r.Slug
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

// parseTime reads an RFC 3339 time; anything else is unknown (zero).
func parseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// sortedTags returns a sorted copy without duplicates or empty tags.
func sortedTags(tags []string) []string {
	if len(tags) == 0 {
		return nil
	}
	sorted := slices.DeleteFunc(slices.Clone(tags), func(t string) bool { return t == "" })
	slices.Sort(sorted)
	return slices.Compact(sorted)
}
