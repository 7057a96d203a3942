package inventory

import (
	"time"
)

// KindGenAI are GenAI agents.
const KindGenAI = "genai"

// GenAIAgent is one GenAI agent: the model it runs and who may reach it.
// The headers and authorization of its MCP servers are never decoded.
type GenAIAgent struct {
	UUID       string
	Name       string
	Region     string
	Model      string
	Visibility string // of its deployment: VISIBILITY_PUBLIC, VISIBILITY_PRIVATE, ...
	Created    time.Time
}

// PublicVisibility is the visibility of an agent anyone may reach.
const PublicVisibility = "VISIBILITY_PUBLIC"

// GenAIAgents lists the account's GenAI agents.
var GenAIAgents = newList(listSpec[[]genAIAgentWire, GenAIAgent]{
	Name: KindGenAI, Label: "GenAI agents", Scope: "genai:read",
	Fetch: pagedRaw[genAIAgentWire]("GenAI agents", "v2/gen-ai/agents", "agents"),
	Map:   eachValue(mapGenAIAgent),
})

// genAIAgentWire is the part of an agent we read. godo's Agent would
// decode its MCP servers' authorization header values.
type genAIAgentWire struct {
	UUID      string     `json:"uuid"`
	Name      string     `json:"name"`
	Region    string     `json:"region"`
	CreatedAt *time.Time `json:"created_at"`
	Model     *struct {
		Name string `json:"name"`
	} `json:"model"`
	Deployment *struct {
		Visibility string `json:"visibility"`
	} `json:"deployment"`
}

func mapGenAIAgent(a *genAIAgentWire) GenAIAgent {
	agent := GenAIAgent{UUID: a.UUID, Name: a.Name, Region: a.Region, Created: timeOf(a.CreatedAt)}
	if a.Model != nil {
		agent.Model = a.Model.Name
	}
	if a.Deployment != nil {
		agent.Visibility = a.Deployment.Visibility
	}
	return agent
}
