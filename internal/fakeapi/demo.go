package fakeapi

import "maps"

// Size is how many objects of each list Generate makes, by list name
// (Droplets, Clusters, ...); a list it leaves out is empty. Lists per object
// of another list are made for every object of their parent.
type Size map[string]int

// demoSize is what the --demo account holds, as the lists table says.
var demoSize = func() Size {
	size := Size{}
	for _, l := range lists {
		size[l.name] = l.demo
	}
	return size
}()

// DemoMonthlyBudget is the --demo account's monthly budget in dollars: a
// little under what it spends a month, so that its forecast exceeds it and
// by the month's last days its usage does too.
const DemoMonthlyBudget = 7000

// shapes says how big the insides of a cluster and an app are.
type shapes struct {
	poolNodes  func(cluster int) []int // the node count of each pool
	components func(app int) []string  // the kind of each component
}

// demoShapes vary: two or three pools of one to four nodes, and apps of one
// to three components.
var demoShapes = shapes{
	poolNodes: func(cluster int) []int {
		return [][]int{{3, 2}, {2, 3, 2}, {4, 2, 1}}[cluster%3]
	},
	components: func(app int) []string {
		return [][]string{
			{service, staticSite}, {service, worker}, {staticSite},
			{service, worker, job}, {worker, job}, {service},
		}[app%6]
	},
}

// uniformShapes are the large account's: three pools of three nodes, and
// three components of kinds that rotate.
var uniformShapes = shapes{
	poolNodes: func(int) []int { return []int{3, 3, 3} },
	components: func(app int) []string {
		return []string{componentKinds[app%4], componentKinds[(app+1)%4], componentKinds[(app+2)%4]}
	},
}

// Demo returns the --demo sample account: 42 droplets over seven regions and
// one GPU droplet, three Kubernetes clusters, five databases of different
// engines and six apps, in a mix of states, with four firewalls and three
// load balancers. Some of it fails security checks on purpose: droplets
// without a firewall, admin ports open to the world, a database open to any
// address, an outdated cluster, a database past its end of life and a load
// balancer serving plain HTTP. It holds no database credentials; where the
// API sends a secret with an object (an alert policy's Slack webhook, an
// autoscale pool's user data, a GenAI agent's MCP authorization, a
// Functions namespace's key), it sends a marked fake one (DemoSlackWebhook,
// ...), which tests look for where it must never show. Every call returns
// the same content.
func Demo() Account { return build(demoSize, demoShapes) }

// Generate returns a large account for benchmarks, built like Demo's with
// the given numbers of objects. Every call with the same size returns the
// same content.
func Generate(s Size) Account { return build(s, uniformShapes) }

// LargeFleet is the workloads of LargeAccount alone: the size the targets
// of a scrape (docs/performance.md) were first stated for.
var LargeFleet = Size{Droplets: 10000, Clusters: 200, Databases: 500, Apps: 1000, Firewalls: 100, LoadBalancers: 50}

// LargeAccount is the size docs/performance.md states its figures for:
// LargeFleet with the storage, network, certificates and operations around
// it that such a fleet keeps.
var LargeAccount = func() Size {
	s := maps.Clone(LargeFleet)
	maps.Copy(s, Size{
		GPUDroplets: 20, Volumes: 4000, Snapshots: 2000, Images: 100, ReservedIPs: 500, ReservedIPv6s: 100,
		Certificates: 100, VPCs: 40, VPCNATGateways: 20, VPCPeerings: 20, Domains: 200, CDNEndpoints: 50,
		Projects: 40, Registries: 1, RegistryRepositories: 200, UptimeChecks: 100, AlertPolicies: 100,
		AutoscalePools: 20, SSHKeys: 100, SpacesKeys: 50, SecurityScans: 1, NFSShares: 20,
		GenAIAgents: 20, FunctionsNamespaces: 10,
	})
	return s
}()

// builder makes each object by changing a copy of an example object.
type builder struct {
	templates Account
	size      Size
	shapes    shapes
	// built are the lists made so far, in the order of the lists table:
	// a list may refer to the objects of the lists before it.
	built map[string][]map[string]any
}

func build(s Size, sh shapes) Account {
	b := builder{templates: Examples(), size: s, shapes: sh}
	a := Account{Info: b.accountInfo(), Lists: map[string][]map[string]any{}, ByID: map[string]map[string][]map[string]any{}}
	b.built = a.Lists
	for _, l := range lists {
		switch {
		case l.makeAll != nil:
			a.Lists[l.name] = l.makeAll(b, a)
		case l.parent == "":
			a.Lists[l.name] = makeN(s[l.name], func(i int) map[string]any { return l.make(b, i) })
		default:
			a.ByID[l.name] = l.objectsPerParent(b, a)
		}
	}
	return a
}

// objectsPerParent makes the list of each object of the list's parent.
func (l *list) objectsPerParent(b builder, a Account) map[string][]map[string]any {
	byID := map[string][]map[string]any{}
	for i, parent := range a.Lists[l.parent] {
		if objects := l.makeFor(b, i); objects != nil {
			byID[l.idOfParent(parent)] = objects
		}
	}
	return byID
}

func makeN(n int, newObject func(i int) map[string]any) []map[string]any {
	objects := make([]map[string]any, n)
	for i := range objects {
		objects[i] = newObject(i)
	}
	return objects
}

func (b builder) accountInfo() map[string]any {
	info := cloneObject(b.templates.Info)
	info["uuid"] = hexID("account")
	info["email"] = "platform@example.com"
	info["name"] = "Demo Account"
	info["droplet_limit"] = 25 * (2 + (b.size[Droplets]+b.size[GPUDroplets])/25)
	info["volume_limit"] = 10 * (2 + b.size[Volumes]/10)
	info["reserved_ip_limit"] = 5 * (2 + (b.size[ReservedIPs]+b.size[ReservedIPv6s])/5)
	info["status_message"] = ""
	info["team"] = map[string]any{"uuid": hexID("team"), "name": "Platform Team"}
	return info
}

// template is object i of one of the examples' lists.
func (b builder) template(list string, i int) map[string]any { return b.templates.Lists[list][i] }

// exampleOf is the first object of the examples' list per object called name.
func (b builder) exampleOf(name string) map[string]any {
	for _, objects := range b.templates.ByID[name] {
		return objects[0]
	}
	panic("fakeapi: no example of " + name)
}
