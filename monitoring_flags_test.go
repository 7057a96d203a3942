package main

import (
	"strings"
	"testing"
)

// TestMonitoringFlagsNameTheirMistake: a monitoring interval shorter than
// the API's sampling, a longest interval shorter than it, or a group of
// metrics that does not exist stops the start with a message naming the flag.
func TestMonitoringFlagsNameTheirMistake(t *testing.T) {
	for flag, want := range map[string]string{
		"--monitoring.interval=1m":              "monitoring.interval: 1m0s is shorter than 2m0s, the Monitoring API's sampling",
		"--monitoring.max-interval=3m":          "monitoring.max-interval: 3m0s is shorter than --monitoring.interval (5m0s)",
		"--monitoring.droplet-metrics=cpu,disk": `--monitoring.droplet-metrics=cpu,disk: "disk" is not a group of metrics (known: cpu, memory, filesystem, load, bandwidth)`,
		"--monitoring.droplet-metrics=":         `--monitoring.droplet-metrics=: "" is not a group of metrics`,
	} {
		if code, logs := runToExit(t, nil, "--demo", flag); code != 1 || !strings.Contains(logs, want) {
			t.Errorf("%s: exit %d, log:\n%s\nwant exit 1 and %q", flag, code, logs, want)
		}
	}
}
