package inventory

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

const scanRoute = "/v2/security/scans/latest"

func TestMapSecurityScanFromExamples(t *testing.T) {
	var body struct{ Scan *scanWire }
	decodeExample(t, "security_scan_latest.json", &body)
	scan := mapScan(body.Scan)
	want := SecurityScan{Enabled: true, ID: "760e09ef-dc84-11e8-981e-3cfdfeaae000", Status: "COMPLETED",
		Created: time.Date(2025, 12, 4, 0, 0, 0, 0, time.UTC), Findings: []ScanFinding{{
			RuleUUID: "760e09ef-dc84-11e8-981e-3cfdfeaae000", Rule: "All Firewall Ports Exposed to a Source",
			Severity: "critical", Affected: 12}}}
	if fmt.Sprint(scan) != fmt.Sprint(want) {
		t.Errorf("scan %+v, want %+v", scan, want)
	}
}

// TestScanningNotEnabledIsAState: an account whose scanning is off, said
// with a 200 and CSPM_NOT_ENABLED or with a 404, has a scan that is not
// enabled and a refresh that worked.
func TestScanningNotEnabledIsAState(t *testing.T) {
	for name, off := range map[string]func(*testAPI){
		"CSPM_NOT_ENABLED": func(api *testAPI) {
			api.SetFault(scanRoute, fakeapi.Fault{Body: `{"scan":{"id":"","status":"CSPM_NOT_ENABLED","findings":[]}}`})
		},
		"404": func(api *testAPI) { api.Update(func(a *fakeapi.Account) { a.Lists[fakeapi.SecurityScans] = nil }) },
	} {
		t.Run(name, func(t *testing.T) {
			api := newTestAPI(t, fakeapi.Examples())
			off(api)
			s := api.refresh(t)
			scan := LatestScan(s)
			if st := s.Status[KindSecurityScan]; !st.Succeeded() || scan == nil || scan.Enabled || len(scan.Findings) != 0 {
				t.Errorf("status %+v, scan %+v; want a success and a scan that is not enabled", st, scan)
			}
		})
	}
}

// TestScanFindingsFollowPages: 450 findings come 200 a page; the answer
// says nothing of how many there are, so the third, short page is the last.
func TestScanFindingsFollowPages(t *testing.T) {
	acct := fakeapi.Examples()
	scan := acct.Lists[fakeapi.SecurityScans][0]
	finding := scan["findings"].([]any)[0].(map[string]any)
	findings := make([]any, 450)
	for i := range findings {
		findings[i] = map[string]any{"rule_uuid": fmt.Sprint("rule-", i), "name": finding["name"], "severity": "LOW",
			"affected_resources_count": 1}
	}
	scan["findings"] = findings
	api := newTestAPI(t, acct)
	s := api.refresh(t)
	if got := LatestScan(s); got == nil || len(got.Findings) != 450 {
		t.Fatalf("scan %+v, want 450 findings", got)
	}
	if n := api.Count("GET", scanRoute); n != 3 {
		t.Errorf("%d requests for the scan, want 3", n)
	}
}

// TestScanPagesThatRepeatFail: a server that ignores page would send the
// first 200 findings again and again; the refresh fails instead of reading
// them up to the page limit.
func TestScanPagesThatRepeatFail(t *testing.T) {
	api := newTestAPI(t, fakeapi.Examples())
	findings := strings.Repeat(`{"rule_uuid":"r","name":"n","severity":"LOW","affected_resources_count":1},`, 200)
	api.SetFault(scanRoute, fakeapi.Fault{Body: `{"scan":{"status":"COMPLETED","findings":[` + strings.TrimSuffix(findings, ",") + `]}}`})
	s := api.refresh(t)
	if st := s.Status[KindSecurityScan]; st.Reason != ReasonDecode || api.Count("GET", scanRoute) != 2 {
		t.Errorf("scan %+v after %d requests, want a decode failure after 2", st, api.Count("GET", scanRoute))
	}
}

// TestScanWithoutItsScopeFailsAlone: a token without security:read loses
// the scan only, and the log names the scope once, however often it fails.
func TestScanWithoutItsScopeFailsAlone(t *testing.T) {
	api := newTestAPI(t, fakeapi.Examples())
	api.SetFault(scanRoute, fakeapi.Fault{Status: 403})
	api.refresh(t)
	s := api.refresh(t)
	if st := s.Status[KindSecurityScan]; st.Reason != ReasonForbidden || st.Known() {
		t.Errorf("scan: %+v, want forbidden and never read", st)
	}
	for kind, st := range s.Status {
		if kind != KindSecurityScan && !st.Succeeded() {
			t.Errorf("%s failed with the scan: %+v", kind, st)
		}
	}
	if n := countLines(api.logs.String(), "resource=securityscan ", "missing_scope=security:read"); n != 1 {
		t.Errorf("the missing scope was logged %d times, want once:\n%s", n, api.logs)
	}
}
