package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var genAIAgentInfo = newDesc("genai_agent", "info",
	"Each GenAI agent with the model it runs and its deployment's visibility, as of the last refresh; value 1.",
	"uuid", "name", "region", "model", "visibility")

func newGenAICollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindGenAI, src, collectGenAI, genAIAgentInfo)
}

func collectGenAI(out emit, s *inventory.Snapshot) {
	agents := counts{}
	for _, a := range inventory.GenAIAgents.Of(s) {
		agents.add(a.UUID, a.Name, a.Region, a.Model, a.Visibility)
	}
	agents.sendOnes(out, genAIAgentInfo, s.Account)
}
