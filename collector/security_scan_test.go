package collector

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// TestSecurityScanValuesFromExamples checks the scan families against
// security_scan_latest.json, and an account whose scanning is off: only
// digitalocean_security_scan_enabled 0.
func TestSecurityScanValuesFromExamples(t *testing.T) {
	const header = `
# HELP digitalocean_security_scan_enabled 1 when DigitalOcean scans the account's security posture, 0 when its scanning is not enabled (CSPM_NOT_ENABLED, or no scan: a state, not a failure), as of the last refresh.
# TYPE digitalocean_security_scan_enabled gauge
`
	want := header + `digitalocean_security_scan_enabled{account="default"} 1
# HELP digitalocean_security_scan_findings Resources that break each rule of DigitalOcean's latest security scan, by severity (critical, high, medium, low), as of the last refresh.
# TYPE digitalocean_security_scan_findings gauge
digitalocean_security_scan_findings{account="default",rule="All Firewall Ports Exposed to a Source",rule_uuid="760e09ef-dc84-11e8-981e-3cfdfeaae000",severity="critical"} 12
# HELP digitalocean_security_scan_info The latest security scan and its status (IN_PROGRESS, COMPLETED, FAILED, SCAN_NOT_RUN), as of the last refresh; value 1.
# TYPE digitalocean_security_scan_info gauge
digitalocean_security_scan_info{account="default",id="760e09ef-dc84-11e8-981e-3cfdfeaae000",status="COMPLETED"} 1
# HELP digitalocean_security_scan_timestamp_seconds When the latest security scan ran, in Unix seconds, as of the last refresh.
# TYPE digitalocean_security_scan_timestamp_seconds gauge
digitalocean_security_scan_timestamp_seconds{account="default"} 1.7648064e+09
`
	if err := testutil.CollectAndCompare(newSecurityScanCollector(refreshedSource(t, fakeapi.Examples())), strings.NewReader(want)); err != nil {
		t.Error(err)
	}
	off := fakeapi.Examples()
	off.Lists[fakeapi.SecurityScans][0]["status"] = "CSPM_NOT_ENABLED"
	want = header + `digitalocean_security_scan_enabled{account="default"} 0
`
	if err := testutil.CollectAndCompare(newSecurityScanCollector(refreshedSource(t, off)), strings.NewReader(want)); err != nil {
		t.Error(err)
	}
}
