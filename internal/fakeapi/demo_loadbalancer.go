package fakeapi

// forwardingRule sends traffic from an entry protocol and port to a target
// protocol and port.
type forwardingRule struct {
	entryProtocol  string
	entryPort      int
	targetProtocol string
	targetPort     int
}

// lbPolicy is a load balancer's kind, rules and targets: the droplets with
// its tag, or by id those of one role in its first rounds.
type lbPolicy struct {
	name, lbType, status string
	sizeUnit             int
	region               region
	rules                []forwardingRule
	redirectHTTP         bool
	tag                  string   // the droplets it targets, instead of by role
	tags                 []string // its own
	certificate          int      // the certificate its HTTPS rules terminate with
	role                 string
	rounds               int
}

// lbPolicies are the demo's load balancers. storefront-lb serves plain HTTP
// without redirecting it; api-lb serves only HTTPS; web-tcp-lb passes TCP
// through to the droplets tagged web.
var lbPolicies = []lbPolicy{
	{name: "storefront-lb", lbType: "REGIONAL", status: "active", sizeUnit: 2, region: regions[0],
		rules: []forwardingRule{{"http", 80, "http", 80}, {"https", 443, "http", 80}}, role: "web", rounds: 3,
		tags: []string{"production", "web"}, certificate: shopCertificate},
	{name: "api-lb", lbType: "REGIONAL", status: "active", sizeUnit: 1, region: regions[1],
		rules: []forwardingRule{{"https", 443, "http", 8080}}, redirectHTTP: true, role: "api", rounds: 2,
		tags: []string{"production", "team-b"}, certificate: apiCertificate},
	{name: "web-tcp-lb", lbType: "REGIONAL_NETWORK", status: "new", sizeUnit: 3, region: regions[2],
		rules: []forwardingRule{{"tcp", 80, "tcp", 80}, {"tcp", 443, "tcp", 443}}, tag: "web"},
}

// loadBalancer i follows the policies in turn, like firewalls.
func (b builder) loadBalancer(i int) map[string]any {
	p := lbPolicies[i%len(lbPolicies)]
	round := i / len(lbPolicies)

	lb := without(cloneObject(b.template(LoadBalancers, 1)), "size")
	lb["id"] = fakeUUID("load balancer", i)
	lb["name"] = numbered(p.name, round)
	lb["ip"], _ = publicIPv4(lbHosts + i)
	lb["type"], lb["size_unit"], lb["status"] = p.lbType, p.sizeUnit, p.status
	lb["created_at"] = stamp(createdAt(i, b.size[LoadBalancers]))
	lb["forwarding_rules"] = b.forwardingRules(p.rules, certificateID(p.certificate))
	setHealthCheck(object(lb, "health_check"), p.rules[0])
	lb["redirect_http_to_https"] = p.redirectHTTP
	lb["tag"] = p.tag
	lb["tags"] = append([]string{}, p.tags...)
	lb["droplet_ids"] = append([]int{}, b.roleDroplets(p.role, round*p.rounds, p.rounds)...)
	lb["sticky_sessions"] = map[string]any{"type": "none"}
	lb["firewall"] = map[string]any{"allow": []string{}, "deny": []string{}}
	lb["network"], lb["network_stack"] = "EXTERNAL", "IPV4"
	lb["vpc_uuid"], lb["project_id"] = vpcUUID(p.region), projectID(projectOfTags(p.tags))
	region := object(lb, "region")
	region["slug"], region["name"] = p.region.slug, p.region.name
	return lb
}

// forwardingRules terminate HTTPS with the certificate.
func (b builder) forwardingRules(rules []forwardingRule, certificate string) []any {
	out := make([]any, len(rules))
	for i, r := range rules {
		rule := cloneObject(first(b.template(LoadBalancers, 1), "forwarding_rules"))
		rule["entry_protocol"], rule["entry_port"] = r.entryProtocol, r.entryPort
		rule["target_protocol"], rule["target_port"] = r.targetProtocol, r.targetPort
		rule["certificate_id"], rule["tls_passthrough"] = "", false
		if r.entryProtocol == "https" {
			rule["certificate_id"] = certificate
		}
		out[i] = rule
	}
	return out
}

// setHealthCheck checks the target of rule; a TCP check has no path.
func setHealthCheck(check map[string]any, rule forwardingRule) {
	check["protocol"], check["port"] = rule.targetProtocol, rule.targetPort
	if rule.targetProtocol == "tcp" {
		delete(check, "path")
	}
}
