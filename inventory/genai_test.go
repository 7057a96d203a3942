package inventory

import (
	"fmt"
	"strings"
	"testing"
)

// TestMapGenAIAgentsAndFunctionsFromExamples: the examples are mostly the
// spec's placeholders, and the agent's UUID and region are written with
// their quotes ("\"tor1\""), which are kept as the API sends them. Neither an MCP
// server's authorization nor a namespace's key is decoded.
func TestMapGenAIAgentsAndFunctionsFromExamples(t *testing.T) {
	var agents struct{ Agents []genAIAgentWire }
	decodeExample(t, "genai_agents.json", &agents)
	a := eachValue(mapGenAIAgent)(agents.Agents)[0]
	if a.UUID != `"12345678-1234-1234-1234-123456789012"` || a.Name != "My Agent" ||
		a.Region != `"tor1"` || a.Model != "example name" || a.Visibility != "VISIBILITY_UNKNOWN" {
		t.Errorf("agent: %+v", a)
	}
	var namespaces struct{ Namespaces []functionsNamespaceWire }
	decodeExample(t, "functions_namespaces.json", &namespaces)
	got := eachValue(mapFunctionsNamespace)(namespaces.Namespaces)
	if len(got) != 1 || got[0].ID != "fn-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" || got[0].Label != "my namespace" || got[0].Region != "nyc1" {
		t.Errorf("namespaces: %+v", got)
	}
	decoded := fmt.Sprintf("%#v %#v", agents.Agents, namespaces.Namespaces)
	for _, secret := range []string{"example string", "d1zcd455h01mqjfs4s2eaewyejehi5f2uj4etqq3h7cera8iwkub6xg5of1wdde2"} {
		if strings.Contains(decoded, secret) {
			t.Errorf("%q was decoded", secret)
		}
	}
}
