package fakeapi

import (
	"context"
	"testing"

	"github.com/digitalocean/godo"
)

// TestDemoSecurityScan reads the demo's latest scan with godo, two
// findings a page: a completed scan with a finding of each severity.
func TestDemoSecurityScan(t *testing.T) {
	c := newGodo(t, newTestServer(t, Demo()))
	severities := map[string]int{}
	for page := 1; ; page++ {
		scan, _, err := c.Security.GetLatestScan(context.Background(),
			&godo.ScanFindingsOptions{ListOptions: godo.ListOptions{Page: page, PerPage: 2}})
		if err != nil || !scan.Completed() {
			t.Fatalf("page %d: %+v (%v)", page, scan, err)
		}
		for _, f := range scan.Findings {
			severities[f.Severity]++
		}
		if len(scan.Findings) < 2 {
			break
		}
	}
	if len(severities) != 4 || severities["CRITICAL"] != 1 {
		t.Errorf("findings by severity %v, want one of each", severities)
	}
}
