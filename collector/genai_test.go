package collector

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// TestGenAIAndFunctionsValuesFromExamples checks the GenAI and Functions
// families against genai_agents.json and functions_namespaces.json, whose
// values are the spec's placeholders (quotes included).
func TestGenAIAndFunctionsValuesFromExamples(t *testing.T) {
	src := refreshedSource(t, fakeapi.Examples())
	want := `
# HELP digitalocean_genai_agent_info Each GenAI agent with the model it runs and its deployment's visibility, as of the last refresh; value 1.
# TYPE digitalocean_genai_agent_info gauge
digitalocean_genai_agent_info{account="default",model="example name",name="My Agent",region="\"tor1\"",uuid="\"12345678-1234-1234-1234-123456789012\"",visibility="VISIBILITY_UNKNOWN"} 1
`
	if err := testutil.CollectAndCompare(newGenAICollector(src), strings.NewReader(want)); err != nil {
		t.Error(err)
	}
	want = `
# HELP digitalocean_functions_namespace_info Each Functions namespace, as of the last refresh; value 1. Its key is never read.
# TYPE digitalocean_functions_namespace_info gauge
digitalocean_functions_namespace_info{account="default",id="fn-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",label="my namespace",region="nyc1"} 1
`
	if err := testutil.CollectAndCompare(newFunctionsCollector(src), strings.NewReader(want)); err != nil {
		t.Error(err)
	}
}
