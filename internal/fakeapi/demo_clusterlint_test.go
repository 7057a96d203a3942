package fakeapi

import (
	"context"
	"testing"
)

// TestDemoClusterlint reads each demo cluster's clusterlint diagnostics
// with godo: warnings, an error and a suggestion, and a cluster with none.
func TestDemoClusterlint(t *testing.T) {
	demo := Demo()
	a := readWithGodo(t, demo)
	c := newGodo(t, newTestServer(t, demo))
	severities, clean := map[string]int{}, 0
	for _, cluster := range a.clusters {
		diagnostics, _, err := c.Kubernetes.GetClusterlintResults(context.Background(), cluster.ID, nil)
		if err != nil {
			t.Fatalf("%s: %v", cluster.Name, err)
		}
		if len(diagnostics) == 0 {
			clean++
		}
		for _, d := range diagnostics {
			severities[d.Severity]++
			if d.CheckName == "" || d.Object == nil || d.Object.Name == "" {
				t.Errorf("%s: %+v", cluster.Name, d)
			}
		}
	}
	if clean != 1 || severities["warning"] != 3 || severities["error"] != 1 || severities["suggestion"] != 1 {
		t.Errorf("%d clean clusters, diagnostics by severity %v", clean, severities)
	}
}
