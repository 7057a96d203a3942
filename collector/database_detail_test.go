package collector

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// TestDatabaseBackupsAndReplicas: the example database gets two backups and
// a replica whose connection carries a password, as the API sends it; the
// newest backup is the one named, and the password shows nowhere. (The
// API's examples have no backups or replicas.)
func TestDatabaseBackupsAndReplicas(t *testing.T) {
	acct := fakeapi.Examples()
	const password = "replica-password-never-shown"
	acct.ByID[fakeapi.DatabaseBackups] = map[string][]map[string]any{exampleDatabase: {
		{"created_at": "2025-01-01T03:04:05Z", "size_gigabytes": 0.5}, {"created_at": "2025-01-02T03:04:05Z", "size_gigabytes": 0.6},
	}}
	acct.ByID[fakeapi.DatabaseReplicas] = map[string][]map[string]any{exampleDatabase: {{
		"id": "7f6b7a3e-0000-4000-8000-000000000001", "name": "read-nyc3-01", "region": "nyc3", "status": "online",
		"connection": map[string]any{"uri": "postgresql://doadmin:" + password + "@replica:25060/defaultdb", "password": password},
	}}}
	src := refreshedSource(t, acct)
	want := `
# HELP digitalocean_database_backups Number of backups of each database cluster, as of the last refresh of backups; absent for Caching clusters, which are not backed up.
# TYPE digitalocean_database_backups gauge
digitalocean_database_backups{account="default",id="9cc10173-e9ea-4176-9dbc-a4cee4c4ff30"} 2
# HELP digitalocean_database_last_backup_timestamp_seconds When the newest backup of each database cluster was taken, in Unix seconds, as of the last refresh of backups; absent when it has none.
# TYPE digitalocean_database_last_backup_timestamp_seconds gauge
digitalocean_database_last_backup_timestamp_seconds{account="default",id="9cc10173-e9ea-4176-9dbc-a4cee4c4ff30"} 1.735787045e+09
# HELP digitalocean_database_replica_info Each read-only replica of a database cluster (id is the cluster's), as of the last refresh of replicas; value 1.
# TYPE digitalocean_database_replica_info gauge
digitalocean_database_replica_info{account="default",id="9cc10173-e9ea-4176-9dbc-a4cee4c4ff30",name="read-nyc3-01",region="nyc3",status="online"} 1
`
	err := testutil.CollectAndCompare(newDatabaseCollector(src), strings.NewReader(want),
		"digitalocean_database_backups", "digitalocean_database_last_backup_timestamp_seconds", "digitalocean_database_replica_info")
	if err != nil {
		t.Error(err)
	}
	for _, c := range Collectors(src, func(string) bool { return true }) {
		if strings.Contains(collectText(t, c), password) {
			t.Errorf("a metric holds the replica's password")
		}
	}
}
