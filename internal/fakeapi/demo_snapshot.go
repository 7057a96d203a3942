package fakeapi

import (
	"fmt"
	"slices"
	"time"
)

// snapshotPlan is what a snapshot is taken of: the droplet of a role, or
// the volume of a purpose, in each round.
type snapshotPlan struct {
	resource string // "droplet" or "volume"
	of       string // the droplet's role or the volume's purpose
	sizeGB   float64
	copyTo   string // a second region it was copied to; "" for none
	tags     []string
}

// snapshotPlans: web droplets are snapshotted and copied to sfo3, the
// databases' volumes snapshotted, and the bastions too, untagged. The
// first round's are the oldest.
var snapshotPlans = []snapshotPlan{
	{"droplet", "web", 2.34, "sfo3", []string{"web", "env:prod"}},
	{"volume", "pgdata", 41.7, "", []string{"production", "db"}},
	{"droplet", "bastion", 1.12, "", nil},
}

// firstSnapshotID numbers droplet snapshots, which are images and so have
// an image's integer id (as a string); volume snapshots have UUIDs.
const firstSnapshotID = 171000001

// snapshot i follows the plans in turn. It is named as the API names a
// snapshot it takes, after its resource and the time, and taken halfway
// between the resource's creation and the end of the history.
func (b builder) snapshot(i int) map[string]any {
	p := snapshotPlans[i%len(snapshotPlans)]
	round := i / len(snapshotPlans)
	id, name, region, created, minDisk := b.snapshotOf(p, round)
	taken := created.Add(epoch.Add(history).Sub(created) / 2).Truncate(time.Minute)

	s := cloneObject(b.template(Snapshots, 0))
	s["id"], s["resource_id"], s["resource_type"] = fakeUUID("snapshot", i), id, p.resource
	if p.resource == "droplet" {
		s["id"] = fmt.Sprint(firstSnapshotID + i)
	}
	s["name"] = fmt.Sprintf("%s-%d", name, taken.UnixMilli())
	s["created_at"] = stamp(taken)
	s["regions"] = []string{region}
	if p.copyTo != "" && p.copyTo != region {
		s["regions"] = []string{region, p.copyTo}
	}
	s["min_disk_size"], s["size_gigabytes"] = minDisk, p.sizeGB
	s["tags"] = append([]string{}, p.tags...)
	return s
}

// snapshotOf is the id, name, region, creation time and disk size of the
// resource a plan snapshots in round.
func (b builder) snapshotOf(p snapshotPlan, round int) (id, name, region string, created time.Time, diskGB any) {
	var o map[string]any
	if p.resource == "droplet" {
		o = b.droplet(roleDroplet(p.of, round))
		diskGB = o["disk"]
	} else {
		o = b.volume(round*len(volumePurposes) + volumePurposeIndex(p.of))
		diskGB = o["size_gigabytes"]
	}
	created, _ = time.Parse(time.RFC3339, o["created_at"].(string))
	return fmt.Sprint(o["id"]), o["name"].(string), object(o, "region")["slug"].(string), created, diskGB
}

func volumePurposeIndex(name string) int {
	return slices.IndexFunc(volumePurposes, func(p volumePurpose) bool { return p.name == name })
}
