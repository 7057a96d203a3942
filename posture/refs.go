package posture

import (
	"strconv"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// Ref names an object that fails a check: its kind and ID as the
// inventory names its workload (a Droplet's ID is its number), and its
// name, for a person.
type Ref struct {
	Kind, ID, Name string
}

// failing names the items that fail a check.
func failing[T any](items []T, ref func(*T) Ref, fails func(*T) bool) []Ref {
	var refs []Ref
	for i := range items {
		if fails(&items[i]) {
			refs = append(refs, ref(&items[i]))
		}
	}
	return refs
}

func dropletRef(d *inventory.Droplet) Ref {
	return Ref{inventory.KindDroplets, strconv.Itoa(d.ID), d.Name}
}

func firewallRef(f *inventory.Firewall) Ref { return Ref{inventory.KindFirewalls, f.ID, f.Name} }

func databaseRef(d *inventory.Database) Ref { return Ref{inventory.KindDatabases, d.ID, d.Name} }

func clusterRef(c *inventory.Cluster) Ref { return Ref{inventory.KindKubernetes, c.ID, c.Name} }

func loadBalancerRef(lb *inventory.LoadBalancer) Ref {
	return Ref{inventory.KindLoadBalancers, lb.ID, lb.Name}
}

func certificateRef(c *inventory.Certificate) Ref {
	return Ref{inventory.KindCertificates, c.ID, c.Name}
}

// spacesKeyRef names a Spaces key by its name: its access key ID is not kept.
func spacesKeyRef(k *inventory.SpacesKey) Ref { return Ref{inventory.KindSpacesKeys, k.Name, k.Name} }

func genAIAgentRef(a *inventory.GenAIAgent) Ref { return Ref{inventory.KindGenAI, a.UUID, a.Name} }

// workloadNames looks the names of workloads up by kind and ID, projecting
// each kind's workloads once, when first asked.
func workloadNames(s *inventory.Snapshot) func(kind, id string) (string, bool) {
	byKind := map[string]map[string]string{}
	return func(kind, id string) (string, bool) {
		names, projected := byKind[kind]
		if !projected {
			names = map[string]string{}
			if k := inventory.KindNamed(kind); k != nil {
				for _, w := range k.Workloads(s) {
					names[w.ID] = w.Name
				}
			}
			byKind[kind] = names
		}
		name, ok := names[id]
		return name, ok
	}
}
