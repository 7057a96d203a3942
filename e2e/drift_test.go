package e2e

import (
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// changingDemo are the flags of a demo whose account changes every half
// second and is listed every second, within no request budget.
var changingDemo = []string{"--demo", "--demo.change-interval=500ms", "--refresh.interval=1s", "--digitalocean.rate-limit-budget=0"}

// TestDemoChangesAreCountedAndLogged lets --demo change its account and
// looks for the added Droplet where a user would: the log, /metrics and
// the landing page.
func TestDemoChangesAreCountedAndLogged(t *testing.T) {
	t.Parallel()
	e := startExporter(t, nil, changingDemo...)
	e.waitForLog(t, `msg="demo: changed the sample account" change="create Droplet web-tor1-01"`)
	e.waitForLog(t, `msg="workload added" account=default kind=droplets id=410000043 name=web-tor1-01 region=tor1`)
	e.waitForLog(t, `msg="workload modified" account=default kind=droplets id=410000001 name=web-nyc1-01 region=nyc1 changed="size s-1vcpu-2gb -> s-2vcpu-4gb"`)
	// A detached volume is a modified one; a new certificate, an added one.
	e.waitForLog(t, `msg="workload modified" account=default kind=volumes`)
	e.waitForMetricMatch(t, `digitalocean_inventory_recent_change_info\{account="default",change="modified",fields="status",id="[0-9a-f-]+",kind="volumes",name="pgdata",region="[a-z0-9]+"\} 1`)
	e.waitForMetricMatch(t, `digitalocean_inventory_changes_total\{account="default",change="added",kind="certificates"\} [1-9]`)
	e.waitForMetricMatch(t, `digitalocean_inventory_recent_change_info\{account="default",change="added",fields="",id="[0-9a-f-]+",kind="certificates",name="www-example-02",region=""\} 1`)
	e.waitForMetric(t, `digitalocean_inventory_recent_change_info{account="default",change="added",fields="",id="410000043",kind="droplets",name="web-tor1-01",region="tor1"} 1`)
	e.waitForMetricMatch(t, `digitalocean_inventory_changes_total\{account="default",change="added",kind="droplets"\} [1-9]`)
	if strings.Contains(e.logs.String(), `msg="workload added" account=default kind=droplets id=410000001`) {
		t.Error("the first list was counted as added")
	}
	if _, page := e.get(t, "/"); !strings.Contains(page, `<tr data-change="added">`) || !strings.Contains(page, "web-tor1-01") {
		t.Error("the landing page does not list the last hour's changes")
	}
}

// TestDriftFromTheInventoryAsBaseline takes one demo exporter's /inventory
// as the baseline of another whose account changes: the changes show as
// drift from it.
func TestDriftFromTheInventoryAsBaseline(t *testing.T) {
	t.Parallel()
	still := startExporter(t, nil, "--demo")
	still.waitFor(t, "/-/ready", http.StatusOK)
	baseline := filepath.Join(t.TempDir(), "inventory.json")
	if err := os.WriteFile(baseline, []byte(still.raw(t, "/inventory")), 0o644); err != nil {
		t.Fatal(err)
	}
	e := startExporter(t, nil, append(changingDemo, "--drift.baseline-file="+baseline)...)
	e.waitForLog(t, `msg="judging drift from the baseline" baseline_file=`+baseline+` workloads=`+strconv.Itoa(len(still.inventory(t, "").Workloads)))
	for _, line := range []string{
		`digitalocean_drift_info{account="default",field="",id="410000043",kind="droplets",name="web-tor1-01",state="unexpected"} 1`,
		`digitalocean_drift_info{account="default",field="size",id="410000001",kind="droplets",name="web-nyc1-01",state="changed"} 1`,
		`digitalocean_drift_baseline_reload_success 1`,
	} {
		e.waitForMetric(t, line)
	}
	e.waitForMetricMatch(t, `digitalocean_drift_info\{account="default",field="",id="[0-9a-f-]+",kind="apps",name="landing-01",state="missing"\} 1`)
	e.waitForMetricMatch(t, `digitalocean_drift_info\{account="default",field="version",id="[0-9a-f-]+",kind="kubernetes",name="prod-nyc1-01",state="changed"\} 1`)
}

// TestBaselineFileIsReloaded edits a hand-written baseline under a running
// exporter: a change shows, a malformed edit keeps the previous baseline
// and says so, and fixing it loads it.
func TestBaselineFileIsReloaded(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "baseline.yml")
	write := func(content string) {
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("workloads:\n  - {kind: droplets, name: web-nyc1-01, size: s-1vcpu-1gb}\n")
	e := startExporter(t, nil, "--demo", "--drift.baseline-file="+path)
	e.waitFor(t, "/-/ready", http.StatusOK)
	for _, line := range []string{
		`digitalocean_drift_resources{account="default",kind="droplets",state="changed"} 1`,
		`digitalocean_drift_resources{account="default",kind="droplets",state="missing"} 0`,
		`digitalocean_drift_resources{account="default",kind="droplets",state="unexpected"} 42`,
	} {
		e.waitForMetric(t, line)
	}
	if _, metrics := e.get(t, "/metrics"); strings.Contains(metrics, `kind="databases",state=`) {
		t.Error("databases are judged, but the baseline names none")
	}

	write("workloads:\n  - {kind: droplets, nmae: web-nyc1-01}\n")
	e.waitForMetric(t, `digitalocean_drift_baseline_reload_success 0`)
	e.waitForLog(t, `msg="the baseline file changed but does not load; keeping the previous baseline"`)
	e.waitForLog(t, `workloads[0] (line 2): unknown field \"nmae\"`)
	e.waitForMetric(t, `digitalocean_drift_resources{account="default",kind="droplets",state="changed"} 1`)

	write("kinds: [droplets]\nworkloads:\n  - {kind: droplets, name: web-nyc1-01, size: s-1vcpu-2gb}\n  - {kind: databases, name: nowhere}\n")
	for _, line := range []string{
		`digitalocean_drift_baseline_reload_success 1`,
		`digitalocean_drift_resources{account="default",kind="droplets",state="changed"} 0`,
		`digitalocean_drift_resources{account="default",kind="databases",state="missing"} 1`,
		`digitalocean_drift_info{account="default",field="",id="",kind="databases",name="nowhere",state="missing"} 1`,
	} {
		e.waitForMetric(t, line)
	}
}
