package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var (
	securityScanEnabled = newDesc("security_scan", "enabled",
		"1 when DigitalOcean scans the account's security posture, 0 when its scanning is not enabled (CSPM_NOT_ENABLED, "+
			"or no scan: a state, not a failure), as of the last refresh.")
	securityScanInfo = newDesc("security_scan", "info",
		"The latest security scan and its status (IN_PROGRESS, COMPLETED, FAILED, SCAN_NOT_RUN), as of the last refresh; value 1.",
		"id", "status")
	securityScanTimestamp = newDesc("security_scan", "timestamp_seconds",
		"When the latest security scan ran, in Unix seconds, as of the last refresh.")
	securityScanFindings = newDesc("security_scan", "findings",
		"Resources that break each rule of DigitalOcean's latest security scan, by severity (critical, high, medium, low), "+
			"as of the last refresh.", "rule_uuid", "rule", "severity")
)

func newSecurityScanCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindSecurityScan, src, collectSecurityScan,
		securityScanEnabled, securityScanInfo, securityScanTimestamp, securityScanFindings)
}

func collectSecurityScan(out emit, s *inventory.Snapshot) {
	scan := inventory.LatestScan(s)
	if scan == nil {
		return
	}
	gauge(out, securityScanEnabled, boolValue(scan.Enabled), s.Account)
	if !scan.Enabled {
		return
	}
	gauge(out, securityScanInfo, 1, s.Account, scan.ID, scan.Status)
	timestamp(out, securityScanTimestamp, scan.Created, s.Account)
	affected := map[[3]string]int{} // a rule listed twice is one series, with the resources of both
	for _, f := range scan.Findings {
		affected[[3]string{f.RuleUUID, f.Rule, f.Severity}] += f.Affected
	}
	for rule, n := range affected {
		gauge(out, securityScanFindings, float64(n), s.Account, rule[0], rule[1], rule[2])
	}
}
