package inventory

import (
	"context"
	"time"

	"github.com/digitalocean/godo"
)

// Database kinds: the clusters, and the trusted sources, backups and
// read-only replicas of each, one request per database each.
const (
	KindDatabases              = "databases"
	KindDatabaseTrustedSources = "database_trusted_sources"
	KindDatabaseBackups        = "database_backups"
	KindDatabaseReplicas       = "database_replicas"
)

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
	// MaintenancePending tells whether an update waits for the next
	// maintenance window.
	MaintenancePending bool
}

// Databases lists the managed database clusters in one request: the
// endpoint is not paginated.
var Databases = newList(listSpec[[]databaseWire, Database]{
	Name: KindDatabases, Label: "Databases", Scope: "database:read", URN: "dbaas",
	Fetch: wholeList[databaseWire]("databases", "v2/databases", "databases"), Map: eachValue(mapDatabase),
	Workload: func(d *Database) Workload {
		return Workload{ID: d.ID, Name: d.Name, Region: d.Region, Status: d.Status, Size: d.Size,
			Version: d.Version, Engine: d.Engine, Tags: d.Tags, Created: d.Created}
	},
	Columns: HasRegion | HasStatus | HasSize | HasVersion | HasEngine | HasTags,
	Attributes: []Attribute[Database]{
		{Key: "nodes", Value: func(d *Database) any { return d.Nodes }, Drift: true},
		{Key: "storage_bytes", Value: func(d *Database) any { return positive(d.StorageBytes) }},
	},
})

// DatabaseTrustedSources counts each database's trusted-source rules, by
// database ID; a database that has none accepts any address.
var DatabaseTrustedSources = newDetail(detailSpec[Database, []godo.DatabaseFirewallRule, int]{
	Name: KindDatabaseTrustedSources, Scope: "database:read", Parent: Databases,
	ID: func(d *Database) string { return d.ID },
	Get: func(ctx context.Context, c *godo.Client, id string) ([]godo.DatabaseFirewallRule, error) {
		rules, _, err := c.Databases.GetFirewallRules(ctx, id)
		return rules, err
	},
	Map: trustedSourceCount,
})

func trustedSourceCount(rules []godo.DatabaseFirewallRule) int { return len(rules) }

// Backups are what a database's backups say: how many there are, and when
// the newest was taken (zero for none).
type Backups struct {
	Count  int
	Newest time.Time
}

// DatabaseBackups reads each database's backups, by database ID. A
// Caching (Redis, Valkey) cluster has none to read: the API does not back
// them up.
var DatabaseBackups = newDetail(detailSpec[Database, []backupWire, Backups]{
	Name: KindDatabaseBackups, Scope: "database:read", Parent: Databases,
	ID: func(d *Database) string {
		if !d.BackedUp() {
			return ""
		}
		return d.ID
	},
	Get: func(ctx context.Context, c *godo.Client, id string) ([]backupWire, error) {
		return wholeList[backupWire]("backups", "v2/databases/"+id+"/backups", "backups")(ctx, c)
	},
	Map: newestBackup,
})

// BackedUp tells whether DigitalOcean backs the database up: every engine
// but Caching (redis, and valkey, which replaced it).
func (d *Database) BackedUp() bool { return d.Engine != "redis" && d.Engine != "valkey" }

// Replica is one read-only replica of a database.
type Replica struct {
	ID, Name, Region, Status string
}

// DatabaseReplicas reads each database's read-only replicas, by database
// ID. A replica's connection details and credentials are never decoded.
var DatabaseReplicas = newDetail(detailSpec[Database, []replicaWire, []Replica]{
	Name: KindDatabaseReplicas, Scope: "database:read", Parent: Databases,
	ID: func(d *Database) string { return d.ID },
	Get: func(ctx context.Context, c *godo.Client, id string) ([]replicaWire, error) {
		return wholeList[replicaWire]("replicas", "v2/databases/"+id+"/replicas", "replicas")(ctx, c)
	},
	Map: eachValue(func(r *replicaWire) Replica { return Replica(*r) }),
})

// backupWire is one backup.
type backupWire struct {
	CreatedAt *time.Time `json:"created_at"`
}

// replicaWire is the part of a replica we read; godo's DatabaseReplica
// would decode its connection, password included.
type replicaWire struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Region string `json:"region"`
	Status string `json:"status"`
}

func newestBackup(backups []backupWire) Backups {
	summary := Backups{Count: len(backups)}
	for _, b := range backups {
		if t := timeOf(b.CreatedAt); t.After(summary.Newest) {
			summary.Newest = t
		}
	}
	return summary
}

// databaseWire is the part of a database cluster we read. The API's list
// also carries connection URIs, users and passwords; decoding into this
// type instead of godo.Database drops them at the edge, so they are never
// held in memory past the response body.
type databaseWire struct {
	ID             string     `json:"id"`
	Name           string     `json:"name"`
	Engine         string     `json:"engine"`
	Version        string     `json:"version"`
	Region         string     `json:"region"`
	Size           string     `json:"size"`
	Status         string     `json:"status"`
	NumNodes       int        `json:"num_nodes"`
	StorageSizeMiB *int64     `json:"storage_size_mib"`
	Tags           []string   `json:"tags"`
	CreatedAt      *time.Time `json:"created_at"`
	// godo does not decode this field, one more reason for our own type.
	VersionEndOfLife  *string `json:"version_end_of_life"`
	MaintenanceWindow *struct {
		Pending bool `json:"pending"`
	} `json:"maintenance_window"`
}

func mapDatabase(d *databaseWire) Database {
	db := Database{
		ID:      d.ID,
		Name:    d.Name,
		Engine:  d.Engine,
		Version: d.Version,
		Region:  d.Region,
		Size:    d.Size,
		Status:  d.Status,
		Nodes:   d.NumNodes,
		Tags:    sortedTags(d.Tags),
		Created: timeOf(d.CreatedAt),
	}
	if d.StorageSizeMiB != nil {
		db.StorageBytes = *d.StorageSizeMiB * mebibyte
	}
	if d.VersionEndOfLife != nil {
		db.VersionEndOfLife = parseTime(*d.VersionEndOfLife)
	}
	if d.MaintenanceWindow != nil {
		db.MaintenancePending = d.MaintenanceWindow.Pending
	}
	return db
}

// positive is v, or nil (absent) when it is not above zero.
func positive[N int | int64 | float64](v N) any {
	if v > 0 {
		return v
	}
	return nil
}
