package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var (
	databaseInfo = newDesc("database", "info",
		"Descriptive labels of each managed database cluster, as of the last refresh; value 1.",
		"id", "name", "engine", "version", "region", "size", "status", "tags")
	databaseNodes = newDesc("database", "nodes",
		"Number of nodes of each database cluster, standby nodes included, as of the last refresh.", "id")
	databaseStorageBytes = newDesc("database", "storage_bytes",
		"Storage of each database cluster in bytes, as of the last refresh; absent when the API does not say.", "id")
	databaseCreated = newDesc("database", "created_timestamp_seconds",
		"When each database cluster was created, in Unix seconds, as of the last refresh.", "id")
	databaseTrustedSources = newDesc("database", "trusted_sources",
		"Number of trusted-source rules of each database cluster; 0 means it accepts connections from any address. "+
			"As of the last refresh of trusted sources.", "id")
	databaseEndOfLife = newDesc("database", "version_end_of_life_timestamp_seconds",
		"When the engine version of each database cluster reaches its end of life, in Unix seconds, as of the last refresh.", "id")
	databaseMaintenancePending = newDesc("database", "maintenance_pending",
		"1 when an update of the database cluster waits for its next maintenance window, 0 otherwise, as of the last refresh.", "id")
	databaseBackups = newDesc("database", "backups",
		"Number of backups of each database cluster, as of the last refresh of backups; absent for Caching clusters, "+
			"which are not backed up.", "id")
	databaseLastBackup = newDesc("database", "last_backup_timestamp_seconds",
		"When the newest backup of each database cluster was taken, in Unix seconds, as of the last refresh of backups; "+
			"absent when it has none.", "id")
	databaseReplicaInfo = newDesc("database", "replica_info",
		"Each read-only replica of a database cluster (id is the cluster's), as of the last refresh of replicas; value 1.",
		"id", "name", "region", "status")
	databases = newDesc("", "databases",
		"Number of database clusters by region, engine, version and status, as of the last refresh.",
		"region", "engine", "version", "status")
)

func newDatabaseCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindDatabases, src, collectDatabases,
		databaseInfo, databaseNodes, databaseStorageBytes, databaseCreated,
		databaseTrustedSources, databaseEndOfLife, databaseMaintenancePending, databaseBackups, databaseLastBackup,
		databaseReplicaInfo, databases)
}

func collectDatabases(out emit, s *inventory.Snapshot) {
	byGroup, replicaInfo := counts{}, counts{}
	trustedSources, backups, replicas := inventory.DatabaseTrustedSources.Of(s), inventory.DatabaseBackups.Of(s),
		inventory.DatabaseReplicas.Of(s)
	list := inventory.Databases.Of(s)
	for i := range list {
		d := &list[i]
		gauge(out, databaseInfo, 1, s.Account, d.ID, d.Name, d.Engine, d.Version, d.Region, d.Size, d.Status, tagsLabel(d.Tags))
		gauge(out, databaseNodes, float64(d.Nodes), s.Account, d.ID)
		if d.StorageBytes > 0 {
			gauge(out, databaseStorageBytes, float64(d.StorageBytes), s.Account, d.ID)
		}
		timestamp(out, databaseCreated, d.Created, s.Account, d.ID)
		timestamp(out, databaseEndOfLife, d.VersionEndOfLife, s.Account, d.ID)
		gauge(out, databaseMaintenancePending, boolValue(d.MaintenancePending), s.Account, d.ID)
		if n, known := trustedSources[d.ID]; known {
			gauge(out, databaseTrustedSources, float64(n), s.Account, d.ID)
		}
		if b, known := backups[d.ID]; known {
			gauge(out, databaseBackups, float64(b.Count), s.Account, d.ID)
			timestamp(out, databaseLastBackup, b.Newest, s.Account, d.ID)
		}
		for _, r := range replicas[d.ID] {
			replicaInfo.add(d.ID, r.Name, r.Region, r.Status)
		}
		byGroup.add(d.Region, d.Engine, d.Version, d.Status)
	}
	byGroup.send(out, databases, s.Account)
	replicaInfo.sendOnes(out, databaseReplicaInfo, s.Account)
}
