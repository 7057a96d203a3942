// Package inventory lists an account's workloads from the DigitalOcean API
// in the background and publishes them as immutable snapshots. It is the
// only package that talks to godo.
package inventory

import "time"

// Resource kinds. Each name is used for the collector flag, the resource
// label and the kind label alike.
const (
	KindAccount       = "account"
	KindDroplets      = "droplets"
	KindKubernetes    = "kubernetes"
	KindDatabases     = "databases"
	KindApps          = "apps"
	KindFirewalls     = "firewalls"
	KindLoadBalancers = "loadbalancers"
	// Kinds read with one request per parent object, on a slower interval.
	KindDatabaseTrustedSources = "database_trusted_sources"
	KindKubernetesUpgrades     = "kubernetes_upgrades"
)

// Snapshot is what is known of one account at one moment. A published
// snapshot is never changed: readers may keep it as long as they like.
type Snapshot struct {
	Account       string       // the account label
	Info          *AccountInfo // nil until /v2/account answered once
	Droplets      []Droplet
	Clusters      []Cluster
	Databases     []Database
	Apps          []App
	Firewalls     []Firewall
	LoadBalancers []LoadBalancer
	// TrustedSources counts each database's trusted-source rules, by
	// database ID; a database that has none accepts any address.
	TrustedSources map[string]int
	// Upgrades lists the versions each cluster can upgrade to, by cluster ID.
	Upgrades map[string][]string
	Status   map[string]Status // by resource kind; only enabled kinds
	API      APIStats
}

// Status is the refresh history of one resource kind.
type Status struct {
	Refreshes   int           // finished refreshes, successful or not
	LastSuccess time.Time     // zero until the first success
	Duration    time.Duration // of the last refresh
	Reason      Reason        // why the last refresh failed; "" when it succeeded
	Errors      map[Reason]uint64
	// Interval is the time until the next refresh as planned now: the
	// configured interval, stretched to keep within the request budget.
	Interval time.Duration
}

// Succeeded tells whether the last refresh of this kind worked.
func (s Status) Succeeded() bool { return s.Refreshes > 0 && s.Reason == "" }

// Known tells whether the kind's list has been fetched at least once, so its
// metrics mean something.
func (s Status) Known() bool { return !s.LastSuccess.IsZero() }

// AccountInfo is the account itself. The e-mail address is left out on purpose.
type AccountInfo struct {
	UUID     string
	Status   string
	TeamUUID string
	TeamName string
}

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
}

// Cluster is one Kubernetes cluster with its node pools.
type Cluster struct {
	ID           string
	Name         string
	Region       string
	Version      string
	Status       string
	VPCUUID      string
	HA           bool
	AutoUpgrade  bool
	SurgeUpgrade bool
	Tags         []string // sorted
	NodePools    []NodePool
	Created      time.Time
}

// NodePool is one node pool of a cluster; Count is the desired node count.
type NodePool struct {
	ID        string
	Name      string
	Size      string
	Count     int
	AutoScale bool
	MinNodes  int
	MaxNodes  int
	Nodes     []Node
}

// Node is one node of a pool as the API last saw it.
type Node struct {
	ID        string
	Name      string
	State     string
	DropletID string
}

// Database is one managed database cluster. Connection details and
// credentials are never decoded, so they cannot be kept.
type Database struct {
	ID           string
	Name         string
	Engine       string
	Version      string
	Region       string
	Size         string
	Status       string
	Nodes        int
	StorageBytes int64 // 0 when the API did not say
	Tags         []string
	Created      time.Time
	// VersionEndOfLife is when the engine version stops being supported;
	// zero when the API did not say.
	VersionEndOfLife time.Time
}

// App is one App Platform app.
type App struct {
	ID                   string
	Name                 string
	Region               string
	Tier                 string
	Phase                string // of its newest deployment
	Components           []Component
	LastDeploymentActive time.Time
	Created              time.Time
}

// Component is one service, worker, job, static site or function of an app.
type Component struct {
	Name         string
	Type         string // service, worker, job, static_site, function
	InstanceSize string
	Instances    int64
}

// Firewall is one Cloud Firewall with its inbound rules.
type Firewall struct {
	ID           string
	Name         string
	Status       string
	Tags         []string // droplets with any of these tags are covered
	DropletIDs   []int    // droplets covered directly
	InboundRules []FirewallRule
}

// FirewallRule is one inbound rule; Addresses are its source CIDRs and IPs.
type FirewallRule struct {
	Protocol  string
	Ports     string // "22", "8000-9000", "all", or "" for protocols without ports
	Addresses []string
}

// LoadBalancer is one load balancer with its forwarding rules.
type LoadBalancer struct {
	ID                  string
	Name                string
	Region              string
	Status              string
	IP                  string
	SizeUnit            int
	Type                string
	DropletIDs          []int
	Tag                 string // droplets with this tag are targets, instead of DropletIDs
	RedirectHTTPToHTTPS bool
	ForwardingRules     []ForwardingRule
}

// ForwardingRule maps an entry port of a load balancer to its targets.
type ForwardingRule struct {
	EntryProtocol  string
	EntryPort      int
	TargetProtocol string
	TargetPort     int
	TLSPassthrough bool
}

// APIStats describes this account's use of the API so far.
type APIStats struct {
	Requests    map[RequestKey]uint64
	RateLimit   RateLimit
	PausedUntil time.Time // end of the last pause after a 429; zero if none
	Pauses      uint64    // 429 answers that paused the account
}

// RequestKey is one label pair of the request counter.
type RequestKey struct {
	Endpoint string // a route template such as /v2/droplets
	Code     string // the HTTP status, or "error" when there was no answer
}

// RateLimit is what the last API answer said of the token's limit.
type RateLimit struct {
	Limit     int
	Remaining int
	Reset     time.Time
	Seen      bool // false until an answer carried the headers
}
