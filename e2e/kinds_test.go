package e2e

import (
	"net/http"
	"strings"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// TestEveryKindOnTheInventoryAndThePage runs --demo and looks for every
// workload kind where a user would: /inventory?kind= lists the demo's
// objects of it, the page shows them as rows and counts them, and /metrics
// counts them by tag where the kind carries tags.
func TestEveryKindOnTheInventoryAndThePage(t *testing.T) {
	t.Parallel()
	e := startExporter(t, nil, "--demo")
	e.waitFor(t, "/-/ready", http.StatusOK)
	_, metrics := e.get(t, "/metrics")
	for _, k := range inventory.WorkloadKinds() {
		listed := e.inventory(t, "?kind="+k.Name())
		if len(listed.Workloads) == 0 {
			t.Errorf("/inventory?kind=%s lists nothing", k.Name())
			continue
		}
		code, page := e.get(t, "/?kind="+k.Name())
		rows := strings.Count(page, `<tr data-kind="`+k.Name()+`"`)
		if code != http.StatusOK || rows != len(listed.Workloads) {
			t.Errorf("the page for kind=%s: %d, %d rows; /inventory lists %d", k.Name(), code, rows, len(listed.Workloads))
		}
		if !strings.Contains(page, `data-count-kind="`+k.Name()+`"`) {
			t.Errorf("the page has no count of %s", k.Name())
		}
		if tagged := strings.Contains(metrics, `digitalocean_tag_resources{account="default",kind="`+k.Name()+`"`); tagged != k.Has(inventory.HasTags) {
			t.Errorf("%s: counted by tag %v, carries tags %v", k.Name(), tagged, k.Has(inventory.HasTags))
		}
	}
}
