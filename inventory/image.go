package inventory

import (
	"strconv"
	"time"

	"github.com/digitalocean/godo"
)

// KindImages are the account's own images: snapshots, backups and custom
// images, without the public distribution and application images.
const KindImages = "images"

// Image is one of the account's images.
type Image struct {
	ID           int
	Name         string
	Type         string // snapshot, backup or custom
	Distribution string
	Status       string // NEW, available, pending, deleted or retired
	Regions      []string
	SizeBytes    int64
	Tags         []string
	Created      time.Time // zero when unknown
}

// Images lists the account's images (GET /v2/images?private=true).
var Images = newList(listSpec[[]godo.Image, Image]{
	Name: KindImages, Label: "Images", Scope: "image:read",
	Fetch: paged("images", func(c *godo.Client) listFunc[godo.Image] { return c.Images.ListUser }),
	Map:   eachValue(mapImage),
	Workload: func(i *Image) Workload {
		return Workload{ID: strconv.Itoa(i.ID), Name: i.Name, Status: i.Status, Tags: i.Tags, Created: i.Created}
	},
	Columns: HasStatus | HasTags,
	Attributes: []Attribute[Image]{
		{Key: "type", Value: func(i *Image) any { return i.Type }},
		{Key: "distribution", Value: func(i *Image) any { return i.Distribution }},
		{Key: "size_bytes", Value: func(i *Image) any { return i.SizeBytes }},
		{Key: "regions", Value: func(i *Image) any { return i.Regions }},
	},
})

func mapImage(i *godo.Image) Image {
	return Image{
		ID:           i.ID,
		Name:         i.Name,
		Type:         i.Type,
		Distribution: i.Distribution,
		Status:       i.Status,
		Regions:      sortedTags(i.Regions), // a set, like tags
		SizeBytes:    gigabytesToBytes(i.SizeGigaBytes),
		Tags:         sortedTags(i.Tags),
		Created:      parseTime(i.Created),
	}
}
