package fakeapi

// scanFinding is a rule DigitalOcean's scan of the demo finds broken.
type scanFinding struct {
	rule, severity string
	affected       int
}

// demoScanFindings agree with the demo's own posture: a database open to
// any address, Droplets without a firewall or backups, an old Kubernetes
// version.
var demoScanFindings = []scanFinding{
	{"Database cluster has no trusted sources", "CRITICAL", 1},
	{"Droplet is not protected by a Cloud Firewall", "HIGH", 4},
	{"Droplet backups are not enabled", "MEDIUM", 32},
	{"Kubernetes cluster runs an outdated version", "LOW", 1},
}

// securityScan i is the latest scan, completed at the end of the history.
func (b builder) securityScan(i int) map[string]any {
	scan := cloneObject(b.template(SecurityScans, 0))
	scan["id"], scan["status"], scan["created_at"] = fakeUUID("security scan", i), "COMPLETED", stamp(epoch.Add(history))
	example := first(scan, "findings")
	findings := make([]any, len(demoScanFindings))
	for j, f := range demoScanFindings {
		finding := cloneObject(example)
		finding["rule_uuid"], finding["name"] = fakeUUID("scan rule", j), f.rule
		finding["severity"], finding["affected_resources_count"] = f.severity, f.affected
		finding["found_at"] = scan["created_at"]
		findings[j] = finding
	}
	scan["findings"] = findings
	return scan
}
