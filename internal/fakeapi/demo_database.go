package fakeapi

import (
	"fmt"
	"slices"
)

// dbEngine is one kind of managed database, as the demo runs it.
type dbEngine struct {
	slug, version, purpose, size string
	nodes                        int
	storageMiB                   int      // 0 when the engine reports none
	endOfLife                    string   // "" when not announced
	trustedSources               []string // the kinds of its firewall rules; none lets any address in
}

// dbEngines: one version is past its end of life, and one database is open
// to any address.
var dbEngines = []dbEngine{
	{"pg", "16", "orders", "db-s-2vcpu-4gb", 2, 61440, "2029-11-09T00:00:00Z", []string{sourceK8s, sourceDroplet, sourceIP}},
	{"mysql", "8", "wordpress", "db-s-1vcpu-2gb", 1, 30720, "2025-11-09T00:00:00Z", []string{sourceTag}},
	{"valkey", "8", "sessions", "db-s-1vcpu-1gb", 1, 0, "", []string{sourceApp, sourceK8s}},
	{"mongodb", "7.0", "catalog", "db-s-2vcpu-4gb", 3, 40960, "2029-08-31T00:00:00Z", nil},
	{"kafka", "3.8", "events", "gd-2vcpu-8gb", 3, 245760, "2029-03-31T00:00:00Z", []string{sourceK8s, sourceDroplet}},
}

// dbTags are taken in turn; one database in five has null tags.
var dbTags = [][]string{{"production", "db"}, {"production", "team-a"}, {"staging"}, nil, {"production", "team-b"}}

// credentialFields hold connection details and passwords; the fake account
// has none.
var credentialFields = []string{
	"connection", "private_connection", "standby_connection", "standby_private_connection",
	"ui_connection", "users",
}

// database i runs the engines in turn, each in its own region.
func (b builder) database(i int) map[string]any {
	e := dbEngines[i%len(dbEngines)]
	r := regions[(i+1)%len(regions)]
	created := createdAt(i, b.size[Databases])
	db := without(cloneObject(b.template(Databases, 0)), credentialFields...)

	db["id"] = databaseID(i)
	db["name"] = fmt.Sprintf("%s-%s-%02d", e.purpose, e.slug, i/len(dbEngines)+1)
	db["engine"], db["version"], db["size"] = e.slug, e.version, e.size
	db["num_nodes"] = e.nodes
	db["region"], db["private_network_uuid"] = r.slug, vpcUUID(r)
	db["status"] = "online"
	db["created_at"] = stamp(created)
	db["tags"] = slices.Clone(dbTags[i%len(dbTags)])
	db["db_names"] = databaseNames(e.slug)
	db["storage_size_mib"] = nullIfZero(e.storageMiB)
	db["version_end_of_life"] = nullIfZero(e.endOfLife)
	db["version_end_of_availability"] = nil
	db["project_id"] = projectID(projectOfTags(dbTags[i%len(dbTags)]))
	db["maintenance_window"] = maintenanceWindow(i)
	return db
}

func databaseID(i int) string { return fakeUUID("database", i) }

// maintenanceWindow i has an update pending for one database in four.
func maintenanceWindow(i int) map[string]any {
	pending, description := i%4 == 1, []string{}
	if pending {
		description = []string{"Update to the latest minor version"}
	}
	return map[string]any{
		"day":         []string{"sunday", "saturday", "wednesday"}[i%3],
		"hour":        fmt.Sprintf("%02d:00:00", 2+i%4),
		"pending":     pending,
		"description": description,
	}
}

// databaseNames lists the default database of the engines that have one.
func databaseNames(engine string) []string {
	if engine == "pg" || engine == "mysql" {
		return []string{"defaultdb"}
	}
	return nil
}

func nullIfZero[T comparable](v T) any {
	var zero T
	if v == zero {
		return nil
	}
	return v
}
