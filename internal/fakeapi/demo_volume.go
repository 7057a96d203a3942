package fakeapi

// volumePurpose is what a volume holds; an attached one belongs to the
// droplet of its role in its round.
type volumePurpose struct {
	name, filesystem string
	sizeGB           int
	role             string // "" for a volume attached to nothing
	tags             []string
}

// volumePurposes: the db droplets keep their data on volumes, a worker
// its cache; one old backup volume is attached to nothing, and still billed.
var volumePurposes = []volumePurpose{
	{"pgdata", "ext4", 100, "db", []string{"production", "db"}},
	{"cache", "xfs", 50, "worker", []string{"team-a"}},
	{"old-backup", "", 250, "", nil},
}

// volume i follows the purposes in turn; each round attaches the next
// droplet of the purpose's role, in that droplet's region.
func (b builder) volume(i int) map[string]any {
	p := volumePurposes[i%len(volumePurposes)]
	round := i / len(volumePurposes)
	v := cloneObject(b.template(Volumes, 0))
	v["id"] = fakeUUID("volume", i)
	v["name"] = numbered(p.name, round)
	v["description"] = "Block storage for " + p.name
	v["size_gigabytes"] = p.sizeGB
	v["filesystem_type"], v["filesystem_label"] = p.filesystem, p.name
	v["created_at"] = stamp(createdAt(i, b.size[Volumes]))
	v["tags"] = append([]string{}, p.tags...)
	r := (i + 2) % len(regions)
	v["droplet_ids"] = []int{}
	if droplet := roleDroplet(p.role, round); p.role != "" && droplet < b.size[Droplets] {
		v["droplet_ids"] = []int{dropletID(droplet)}
		r = dropletRegion(droplet)
	}
	region := object(v, "region")
	region["slug"], region["name"] = regions[r].slug, regions[r].name
	return v
}
