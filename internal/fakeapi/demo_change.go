package fakeapi

import (
	"fmt"
	"slices"
	"sync"
)

// DemoChange is one step of the cycle of changes that --demo can walk its
// sample account through, so that drift shows without an account.
type DemoChange struct {
	Description string
	Apply       func(*Account) // changes a copy such as Server.Update hands over
}

// DemoChanges is the cycle: each change is undone later on, so that after
// the last step the account is Demo() again and the cycle can restart. It
// is made at the first call, from the example files: an exporter started
// without --demo never builds it.
func DemoChanges() []DemoChange { return demoChangesOnce() }

var demoChangesOnce = sync.OnceValue(demoChanges)

// demoChanges touches the next web Droplet, the first web and api
// Droplets, the first cluster (which has no upgrade waiting), the last app,
// the first data volume and the next certificate.
func demoChanges() []DemoChange {
	b := builder{templates: Examples(), size: demoSize, shapes: demoShapes}
	var (
		addedDroplet    = b.droplet(demoSize[Droplets])
		resizedDroplet  = b.droplet(roleDroplet("web", 0))
		stoppedDroplet  = b.droplet(roleDroplet("api", 0))
		upgradedCluster = b.cluster(0)
		removedApp      = demoSize[Apps] - 1
		detachedVolume  = b.volume(0)
		issued          = b.certificate(demoSize[Certificates])
	)
	return []DemoChange{
		{"create Droplet " + nameOf(addedDroplet), func(a *Account) {
			a.Lists[Droplets] = append(a.Lists[Droplets], b.droplet(demoSize[Droplets]))
		}},
		resizeDroplet(nameOf(resizedDroplet), "s-2vcpu-4gb"),
		setDropletStatus(nameOf(stoppedDroplet), "off"),
		setClusterVersion(nameOf(upgradedCluster), kubernetesReleases[0]),
		{"delete app " + nameOf(b.app(removedApp)), func(a *Account) {
			a.Lists[Apps] = withoutNamed(a.Lists[Apps], nameOf(b.app(removedApp)))
		}},
		setVolumeDroplets(nameOf(detachedVolume), "detach volume "+nameOf(detachedVolume)+" from its Droplet", []int{}),
		{"issue certificate " + nameOf(issued), func(a *Account) {
			a.Lists[Certificates] = append(a.Lists[Certificates], b.certificate(demoSize[Certificates]))
		}},
		{"delete Droplet " + nameOf(addedDroplet), func(a *Account) {
			a.Lists[Droplets] = withoutNamed(a.Lists[Droplets], nameOf(addedDroplet))
		}},
		resizeDroplet(nameOf(resizedDroplet), resizedDroplet["size_slug"].(string)),
		setDropletStatus(nameOf(stoppedDroplet), stoppedDroplet["status"].(string)),
		setClusterVersion(nameOf(upgradedCluster), upgradedCluster["version"].(string)),
		{"restore app " + nameOf(b.app(removedApp)), func(a *Account) {
			a.Lists[Apps] = slices.Insert(a.Lists[Apps], min(removedApp, len(a.Lists[Apps])), b.app(removedApp))
		}},
		setVolumeDroplets(nameOf(detachedVolume), "attach volume "+nameOf(detachedVolume)+" to its Droplet again",
			detachedVolume["droplet_ids"].([]int)),
		{"delete certificate " + nameOf(issued), func(a *Account) {
			a.Lists[Certificates] = withoutNamed(a.Lists[Certificates], nameOf(issued))
		}},
	}
}

func setVolumeDroplets(name, description string, droplets []int) DemoChange {
	return DemoChange{description, func(a *Account) {
		if v := named(a.Lists[Volumes], name); v != nil {
			v["droplet_ids"] = slices.Clone(droplets)
		}
	}}
}

func resizeDroplet(name, slug string) DemoChange {
	return DemoChange{fmt.Sprintf("resize Droplet %s to %s", name, slug), func(a *Account) {
		if d := named(a.Lists[Droplets], name); d != nil {
			setDropletSize(d, slug, dropletSizes[slug])
		}
	}}
}

func setDropletStatus(name, status string) DemoChange {
	return DemoChange{fmt.Sprintf("set the status of Droplet %s to %s", name, status), func(a *Account) {
		if d := named(a.Lists[Droplets], name); d != nil {
			d["status"] = status
		}
	}}
}

// setClusterVersion upgrades a cluster, or winds it back, which only a
// demo can do.
func setClusterVersion(name, version string) DemoChange {
	return DemoChange{fmt.Sprintf("move Kubernetes cluster %s to version %s", name, version), func(a *Account) {
		if c := named(a.Lists[Clusters], name); c != nil {
			c["version"] = version
		}
	}}
}

// nameOf is an object's name; an app's is in its spec.
func nameOf(object map[string]any) string {
	if name, ok := object["name"].(string); ok {
		return name
	}
	spec, _ := object["spec"].(map[string]any)
	name, _ := spec["name"].(string)
	return name
}

// named is the first object called name, or nil.
func named(objects []map[string]any, name string) map[string]any {
	if i := slices.IndexFunc(objects, func(o map[string]any) bool { return nameOf(o) == name }); i >= 0 {
		return objects[i]
	}
	return nil
}

func withoutNamed(objects []map[string]any, name string) []map[string]any {
	return slices.DeleteFunc(objects, func(o map[string]any) bool { return nameOf(o) == name })
}
