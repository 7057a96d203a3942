package fakeapi

// Size is how many objects of each kind Generate makes. Every database also
// gets its trusted sources, and every tenth cluster an upgrade.
type Size struct {
	Droplets, GPUDroplets, Clusters, Databases, Apps int
	Firewalls, LoadBalancers                         int
}

// demoSize is what the --demo account holds.
var demoSize = Size{
	Droplets: 42, GPUDroplets: 1, Clusters: 3, Databases: 5, Apps: 6,
	Firewalls: len(firewallPolicies), LoadBalancers: len(lbPolicies),
}

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
// balancer serving plain HTTP. It holds no credentials, and every call
// returns the same content.
func Demo() Account { return build(demoSize, demoShapes) }

// Generate returns a large account for benchmarks, built like Demo's with
// the given numbers of objects. Every call with the same size returns the
// same content.
func Generate(s Size) Account { return build(s, uniformShapes) }

// builder makes each object by changing a copy of an example object.
type builder struct {
	templates Account
	size      Size
	shapes    shapes
}

func build(s Size, sh shapes) Account {
	b := builder{templates: Examples(), size: s, shapes: sh}
	return Account{
		Info:          b.accountInfo(),
		Droplets:      makeN(s.Droplets, b.droplet),
		GPUDroplets:   makeN(s.GPUDroplets, b.gpuDroplet),
		Clusters:      makeN(s.Clusters, b.cluster),
		Databases:     makeN(s.Databases, b.database),
		Apps:          makeN(s.Apps, b.app),
		Firewalls:     makeN(s.Firewalls, b.firewall),
		LoadBalancers: makeN(s.LoadBalancers, b.loadBalancer),

		DatabaseFirewalls:  makeByID(s.Databases, databaseID, b.trustedSources),
		KubernetesUpgrades: makeByID(s.Clusters, clusterID, b.upgrades),
	}
}

func makeN(n int, newObject func(i int) map[string]any) []map[string]any {
	objects := make([]map[string]any, n)
	for i := range objects {
		objects[i] = newObject(i)
	}
	return objects
}

// makeByID makes the lists of n objects by id; an object whose list is nil
// gets no entry.
func makeByID(n int, id func(i int) string, newList func(i int) []map[string]any) map[string][]map[string]any {
	byID := map[string][]map[string]any{}
	for i := range n {
		if objects := newList(i); objects != nil {
			byID[id(i)] = objects
		}
	}
	return byID
}

func (b builder) accountInfo() map[string]any {
	info := cloneObject(b.templates.Info)
	info["uuid"] = hexID("account")
	info["email"] = "platform@example.com"
	info["name"] = "Demo Account"
	info["droplet_limit"] = 25 * (2 + (b.size.Droplets+b.size.GPUDroplets)/25)
	info["status_message"] = ""
	info["team"] = map[string]any{"uuid": hexID("team"), "name": "Platform Team"}
	return info
}
