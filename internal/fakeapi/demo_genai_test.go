package fakeapi

import (
	"context"
	"testing"

	"github.com/digitalocean/godo"
)

// TestDemoGenAIAndFunctions reads the demo's agents and namespaces with
// godo: one agent is public, every agent's MCP server and every namespace
// carry their marked secrets, as the API would send real ones.
func TestDemoGenAIAndFunctions(t *testing.T) {
	c := newGodo(t, newTestServer(t, Demo()))
	ctx := context.Background()
	agents, _, err := c.AgentPlatform.ListAgents(ctx, &godo.ListOptions{PerPage: 200})
	if err != nil || len(agents) != len(genAIPlans) {
		t.Fatalf("%d agents (%v), want %d", len(agents), err, len(genAIPlans))
	}
	public := 0
	for _, a := range agents {
		if a.Deployment != nil && a.Deployment.Visibility == "VISIBILITY_PUBLIC" {
			public++
		}
		if a.Region == "" || a.Model == nil || a.Model.Name == "" {
			t.Errorf("agent %+v", a)
		}
	}
	if public != 1 {
		t.Errorf("%d public agents, want 1", public)
	}
	namespaces, _, err := c.Functions.ListNamespaces(ctx)
	if err != nil || len(namespaces) != len(functionsPlans) {
		t.Fatalf("%d namespaces (%v)", len(namespaces), err)
	}
	for _, n := range namespaces {
		if n.Key != DemoFunctionsKey || n.Namespace == "" || n.Region == "" {
			t.Errorf("namespace %+v", n)
		}
	}
}
