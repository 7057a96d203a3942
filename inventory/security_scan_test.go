package inventory

import (
	"fmt"
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
	finding := scan["findings"].([]any)[0]
	findings := make([]any, 450)
	for i := range findings {
		findings[i] = finding
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
