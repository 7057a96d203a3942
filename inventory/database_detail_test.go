package inventory

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// TestDemoBackupsAndReplicas reads the demo's backups and replicas through
// the API: one request per database for replicas, none for backups of the
// Caching cluster, which is not backed up; the newest backup is found
// whatever the order.
func TestDemoBackupsAndReplicas(t *testing.T) {
	api := newTestAPI(t, fakeapi.Demo())
	s := api.refresh(t)
	backups, replicas := DatabaseBackups.Of(s), DatabaseReplicas.Of(s)
	for _, d := range Databases.Of(s) {
		b, known := backups[d.ID]
		if known != (d.Engine != "valkey") {
			t.Errorf("%s (%s): backups known %v", d.Name, d.Engine, known)
		}
		if d.Engine == "pg" && (b.Count != 7 || b.Newest.IsZero()) {
			t.Errorf("%s: backups %+v, want 7 and the newest", d.Name, b)
		}
		if _, known := replicas[d.ID]; !known {
			t.Errorf("%s: replicas not read", d.Name)
		}
	}
	if n, dbs := api.CountRoute("GET", "/v2/databases/{id}/backups"), len(Databases.Of(s)); n != dbs-1 {
		t.Errorf("%d requests for backups of %d databases, want one for each but the Caching cluster", n, dbs)
	}
	if got := newestBackup([]backupWire{{timeAt("2025-01-01T00:00:00Z")}, {timeAt("2025-01-03T00:00:00Z")}, {nil}}); got.Count != 3 ||
		!got.Newest.Equal(*timeAt("2025-01-03T00:00:00Z")) {
		t.Errorf("newest of three: %+v", got)
	}
}

// TestReplicaConnectionsAreNeverDecoded: the API sends a replica with its
// connection, password included; the snapshot keeps neither.
func TestReplicaConnectionsAreNeverDecoded(t *testing.T) {
	const password = "replica-password-never-kept"
	acct := fakeapi.Examples()
	acct.ByID[fakeapi.DatabaseReplicas] = map[string][]map[string]any{"9cc10173-e9ea-4176-9dbc-a4cee4c4ff30": {{
		"id": "r1", "name": "read-01", "region": "nyc3", "status": "online",
		"connection": map[string]any{"password": password, "uri": "postgresql://doadmin:" + password + "@h:25060/db"},
	}}}
	s := newTestAPI(t, acct).refresh(t)
	got := DatabaseReplicas.Of(s)
	if kept := fmt.Sprintf("%#v", got); len(got) != 1 || strings.Contains(kept, password) || !strings.Contains(kept, "read-01") {
		t.Errorf("replicas kept: %s", kept)
	}
}

func timeAt(s string) *time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return &t
}
