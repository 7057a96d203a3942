package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// TestDriftAlertReachesAlertmanager runs what a user would: the exporter on
// a demo account that changes every second, Debian's Prometheus scraping it
// and evaluating dashboards/alerts.yml, and Debian's Alertmanager receiving
// the alerts, all on 127.0.0.1. The Droplet the demo creates must reach
// Alertmanager as DigitalOceanWorkloadAdded, named in its description.
func TestDriftAlertReachesAlertmanager(t *testing.T) {
	t.Parallel()
	prometheus := testtool.Find(t, "prometheus", "prometheus")
	alertmanager := testtool.Find(t, "prometheus-alertmanager", "prometheus-alertmanager")
	amtool := testtool.Find(t, "amtool", "prometheus-alertmanager")
	rules, err := filepath.Abs(inRepo("dashboards/alerts.yml"))
	if err != nil {
		t.Fatal(err)
	}
	e := startExporter(t, nil, "--demo", "--demo.change-interval=1s", "--refresh.interval=1s", "--digitalocean.rate-limit-budget=0")
	am := startAlertmanager(t, alertmanager)
	startServer(t, "prometheus", prometheus, "prometheus.yml", fmt.Sprintf(`
global: {scrape_interval: 1s, evaluation_interval: 1s}
rule_files: [%q]
alerting:
  alertmanagers: [{static_configs: [{targets: [%q]}]}]
scrape_configs:
  - job_name: digitalocean
    static_configs: [{targets: [%q]}]
`, rules, am.addr, strings.TrimPrefix(e.url, "http://")), "--web.listen-address="+testtool.FreeAddress(t))

	alert := am.waitForAlert(t, map[string]string{"alertname": "DigitalOceanWorkloadAdded", "kind": "droplets"}, 90*time.Second)
	want := "1 Droplet added to account default in the last hour: web-tor1-01 (id 410000043, tor1)."
	if alert.Labels["severity"] != "info" || alert.Annotations["description"] != want {
		t.Errorf("alert %+v, want severity info and the description %q", alert, want)
	}
	e.waitForLog(t, `msg="workload added" account=default kind=droplets id=410000043 name=web-tor1-01`)

	ctx, cancel := context.WithTimeout(context.Background(), toolTimeout)
	defer cancel()
	out, err := exec.CommandContext(ctx, amtool, "--alertmanager.url=http://"+am.addr, "alert", "query",
		"alertname=DigitalOceanWorkloadAdded", "kind=droplets").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "DigitalOceanWorkloadAdded") {
		t.Errorf("amtool alert query: %v\n%s", err, out)
	}
}

type alertmanagerServer struct{ addr string }

// startAlertmanager runs Alertmanager without clustering, with a route that
// groups at once and a receiver that sends nothing anywhere.
func startAlertmanager(t *testing.T, binary string) *alertmanagerServer {
	addr := testtool.FreeAddress(t)
	startServer(t, "alertmanager", binary, "alertmanager.yml", `
route: {receiver: nowhere, group_wait: 0s, group_interval: 1s, repeat_interval: 1h}
receivers: [{name: nowhere}]
`, "--web.listen-address="+addr, "--cluster.listen-address=")
	return &alertmanagerServer{addr: addr}
}

type receivedAlert struct {
	Labels      map[string]string `json:"labels"`
	Annotations map[string]string `json:"annotations"`
}

// waitForAlert polls Alertmanager's API until it holds an alert with the
// given labels.
func (am *alertmanagerServer) waitForAlert(t *testing.T, labels map[string]string, timeout time.Duration) receivedAlert {
	t.Helper()
	deadline := time.Now().Add(timeout)
	var alerts []receivedAlert
	for time.Now().Before(deadline) {
		alerts = nil
		if resp, err := testtool.Client.Get("http://" + am.addr + "/api/v2/alerts"); err == nil {
			json.NewDecoder(resp.Body).Decode(&alerts)
			resp.Body.Close()
		}
		for _, a := range alerts {
			if hasLabels(a.Labels, labels) {
				return a
			}
		}
		time.Sleep(500 * time.Millisecond)
	}
	t.Fatalf("Alertmanager did not receive an alert with %v within %s; it holds %+v", labels, timeout, alerts)
	return receivedAlert{}
}

func hasLabels(labels, want map[string]string) bool {
	for name, value := range want {
		if labels[name] != value {
			return false
		}
	}
	return true
}
