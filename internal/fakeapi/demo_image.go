package fakeapi

import "strconv"

// imagePlan is one of the account's own images: a custom image it
// uploaded, or the image a droplet snapshot is.
type imagePlan struct {
	snapshot int // the demo snapshot (of a droplet) the image is; -1 for a custom image
	name     string
	distro   string
	status   string
	sizeGB   float64
	regions  []string
	tags     []string
}

// imagePlans: a custom base image in three regions, one still being
// imported (NEW), and the images of the web and bastion droplets'
// snapshots, which GET /v2/images?private=true lists as type snapshot.
var imagePlans = []imagePlan{
	{snapshot: -1, name: "app-base", distro: "Ubuntu", status: "available", sizeGB: 3.1,
		regions: []string{"nyc1", "nyc3", "ams3"}, tags: []string{"production", "web"}},
	{snapshot: 0},
	{snapshot: -1, name: "router-appliance", distro: "Debian", status: "NEW", sizeGB: 0.8, regions: []string{"fra1"}},
	{snapshot: 2},
}

const firstCustomImageID = 172000001

// image i follows the plans in turn; each round takes the next round's
// snapshots.
func (b builder) image(i int) map[string]any {
	p := imagePlans[i%len(imagePlans)]
	round := i / len(imagePlans)
	img := cloneObject(b.template(Images, 0))
	if p.snapshot >= 0 {
		return b.snapshotImage(img, b.snapshot(p.snapshot+round*len(snapshotPlans)))
	}
	img["id"], img["name"], img["type"] = firstCustomImageID+i, numbered(p.name, round), "custom"
	img["distribution"], img["status"] = p.distro, p.status
	img["regions"], img["tags"] = append([]string{}, p.regions...), append([]string{}, p.tags...)
	img["size_gigabytes"], img["min_disk_size"] = p.sizeGB, 10
	img["created_at"] = stamp(createdAt(i, b.size[Images]))
	return img
}

// snapshotImage is the image of a droplet snapshot s, of its droplet's
// distribution.
func (b builder) snapshotImage(img, s map[string]any) map[string]any {
	id, _ := strconv.Atoi(s["id"].(string))
	droplet, _ := strconv.Atoi(s["resource_id"].(string))
	img["id"], img["name"], img["type"], img["status"] = id, s["name"], "snapshot", "available"
	img["distribution"] = object(b.droplet(droplet-firstDropletID), "image")["distribution"]
	img["regions"], img["tags"] = s["regions"], []string{}
	img["size_gigabytes"], img["min_disk_size"], img["created_at"] = s["size_gigabytes"], s["min_disk_size"], s["created_at"]
	return img
}
