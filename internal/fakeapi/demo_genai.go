package fakeapi

// genAIPlan is a GenAI agent of the demo.
type genAIPlan struct {
	name, model, visibility string
	region                  int
}

// genAIPlans: the shop's support agent is public, on purpose; the internal
// ones are private.
var genAIPlans = []genAIPlan{
	{"shop-support", "llama3.3-70b-instruct", "VISIBILITY_PUBLIC", 7},
	{"ops-runbooks", "anthropic-claude-3.5-haiku", "VISIBILITY_PRIVATE", 7},
	{"catalog-tagger", "mistral-nemo-instruct-2407", "VISIBILITY_PRIVATE", 0},
}

// DemoMCPAuthorization is the authorization header the demo's agents send
// their MCP server: a credential, so tests look for it where it must never
// show.
const DemoMCPAuthorization = "Bearer demo-mcp-authorization-secret"

func (b builder) genAIAgent(i int) map[string]any {
	p := genAIPlans[i%len(genAIPlans)]
	a := cloneObject(b.template(GenAIAgents, 0))
	name := numbered(p.name, i/len(genAIPlans))
	a["uuid"], a["name"], a["region"] = fakeUUID("genai agent", i), name, regions[p.region].slug
	a["project_id"] = projectID(storefrontProject)
	a["created_at"] = stamp(createdAt(i, b.size[GenAIAgents]))
	a["updated_at"] = a["created_at"]
	a["tags"] = []string{"genai"}
	model := object(a, "model")
	model["name"], model["inference_name"], model["uuid"] = p.model, p.model, fakeUUID("genai model", p.model)
	deployment := object(a, "deployment")
	deployment["name"], deployment["status"], deployment["visibility"] = name, "STATUS_RUNNING", p.visibility
	deployment["uuid"], deployment["url"] = fakeUUID("genai deployment", i), "https://"+shortSuffix("agent", i)+".agents.do-ai.run"
	a["mcp_servers"] = []any{map[string]any{"server_label": "catalog", "server_url": "https://mcp.example.com/catalog",
		"allowed_tools": []string{"search"}, "authorization": DemoMCPAuthorization}}
	return a
}

// functionsPlans are the demo's Functions namespaces: label and region.
var functionsPlans = [][2]string{{"storefront-webhooks", "nyc1"}, {"image-resizer", "ams3"}}

// DemoFunctionsKey is the key of the demo's Functions namespaces, which
// authenticates to them: tests look for it where it must never show.
const DemoFunctionsKey = "demo-functions-namespace-key-secret"

func (b builder) functionsNamespace(i int) map[string]any {
	p := functionsPlans[i%len(functionsPlans)]
	n := cloneObject(b.template(FunctionsNamespaces, 0))
	uuid := fakeUUID("functions namespace", i)
	n["uuid"], n["namespace"], n["label"], n["region"] = uuid, "fn-"+uuid, numbered(p[0], i/len(functionsPlans)), p[1]
	n["api_host"] = "https://faas-" + p[1] + "-" + shortSuffix("faas", i) + ".doserverless.co"
	n["created_at"] = stamp(createdAt(i, b.size[FunctionsNamespaces]))
	n["updated_at"] = n["created_at"]
	n["key"] = DemoFunctionsKey
	return n
}
