//go:build linux

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testlog"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// TestDriftAlertReachesAlertmanager runs what a user would: the exporter on
// a demo account that changes every second, Debian's Prometheus scraping it
// and evaluating dashboards/alerts.yml, and Debian's Alertmanager receiving
// the alerts, all on 127.0.0.1. The Droplet the demo creates must reach
// Alertmanager as DigitalOceanWorkloadAdded, named in its description.
func TestDriftAlertReachesAlertmanager(t *testing.T) {
	prometheus := testtool.Find(t, "prometheus", "prometheus")
	alertmanager := testtool.Find(t, "prometheus-alertmanager", "prometheus-alertmanager")
	amtool := testtool.Find(t, "amtool", "prometheus-alertmanager")
	rules, err := filepath.Abs(filepath.Join("dashboards", "alerts.yml"))
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
`, rules, am.addr, strings.TrimPrefix(e.url, "http://")), "--web.listen-address="+freeAddress(t))

	alert := am.waitForAlert(t, map[string]string{"alertname": "DigitalOceanWorkloadAdded", "kind": "droplets"}, 90*time.Second)
	want := "1 Droplet added to account default in the last hour: web-tor1-01 (id 410000043, tor1)."
	if alert.Labels["severity"] != "info" || alert.Annotations["description"] != want {
		t.Errorf("alert %+v, want severity info and the description %q", alert, want)
	}
	waitForLog(t, e, `msg="workload added" account=default kind=droplets id=410000043 name=web-tor1-01`)

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
	addr := freeAddress(t)
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
		if resp, err := testClient.Get("http://" + am.addr + "/api/v2/alerts"); err == nil {
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

// startServer writes a config file into a directory of its own and runs
// binary with --config.file and its storage there (see startProcess).
func startServer(t *testing.T, name, binary, configName, config string, args ...string) {
	t.Helper()
	dir := t.TempDir()
	configFile := filepath.Join(dir, configName)
	if err := os.WriteFile(configFile, []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	storage := "--storage.path=" + filepath.Join(dir, "data")
	if name == "prometheus" {
		storage = "--storage.tsdb.path=" + filepath.Join(dir, "data")
	}
	startProcess(t, name, nil, binary, append([]string{"--config.file=" + configFile, storage}, args...)...)
}

// startProcess runs binary, with env added to the test's environment, in a
// process group of its own that is killed when the test ends. Its output
// is logged when the test fails.
func startProcess(tb testing.TB, name string, env []string, binary string, args ...string) *os.Process {
	tb.Helper()
	logs := &testlog.Buffer{}
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = logs, logs
	// Its own group, killed whole at the end; and killed with the test binary if that dies first.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	tb.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		cmd.Wait()
		if tb.Failed() {
			tb.Logf("%s log:\n%s", name, logs)
		}
	})
	return cmd.Process
}
