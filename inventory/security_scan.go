package inventory

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/digitalocean/godo"
)

// KindSecurityScan is DigitalOcean's own posture scan of the account: its
// latest result.
const KindSecurityScan = "securityscan"

// SecurityScan is the latest scan. An account whose scanning is not
// enabled (the API says CSPM_NOT_ENABLED, or has no scan: 404) has one that
// is not Enabled, with no findings: a state, not a failure.
type SecurityScan struct {
	Enabled  bool
	ID       string
	Status   string // IN_PROGRESS, COMPLETED, FAILED, CSPM_NOT_ENABLED, SCAN_NOT_RUN
	Created  time.Time
	Findings []ScanFinding
}

// ScanFinding is one rule the scan found broken, and how many resources
// break it.
type ScanFinding struct {
	RuleUUID string
	Rule     string
	Severity string // critical, high, medium or low
	Affected int
}

// scanNotEnabled is the status of an account whose scanning is off.
const scanNotEnabled = "CSPM_NOT_ENABLED"

// SecurityScans reads the latest scan, its findings 200 a page.
var SecurityScans = newList(listSpec[*scanWire, SecurityScan]{
	Name: KindSecurityScan, Label: "Security scan", Scope: "security:read",
	Fetch: fetchLatestScan,
	Map:   func(s *scanWire) []SecurityScan { return []SecurityScan{mapScan(s)} },
})

// LatestScan is the account's latest security scan, or nil while unknown.
func LatestScan(s *Snapshot) *SecurityScan { return SecurityScans.One(s) }

// scanWire is the part of a scan we read: a finding's rule, severity and
// count, not its prose.
type scanWire struct {
	ID        string `json:"id"`
	Status    string `json:"status"`
	CreatedAt string `json:"created_at"`
	Findings  []struct {
		RuleUUID string `json:"rule_uuid"`
		Name     string `json:"name"`
		Severity string `json:"severity"`
		Affected int    `json:"affected_resources_count"`
	} `json:"findings"`
}

// fetchLatestScan reads the scan page by page: the answer pages its
// findings by page and per_page but says nothing of how many there are, so
// a page with fewer than 200 findings is the last. No scan at all (404)
// is a scan that is not enabled.
func fetchLatestScan(ctx context.Context, c *godo.Client) (*scanWire, error) {
	var scan *scanWire
	for page := 1; page <= maxPages; page++ {
		next, err := getObject[scanWire](ctx, c, fmt.Sprintf("v2/security/scans/latest?page=%d&per_page=%d", page, perPage), "scan")
		switch {
		case page == 1 && isNotFound(err):
			return &scanWire{Status: scanNotEnabled}, nil
		case err != nil:
			return nil, fmt.Errorf("get the latest security scan, page %d: %w", page, err)
		case scan == nil:
			scan = next
		case len(next.Findings) > 0 && next.Findings[0] == scan.Findings[0]:
			return nil, fmt.Errorf("get the latest security scan, page %d: the answer repeats page 1: %w", page, errIncompleteAnswer)
		default:
			scan.Findings = append(scan.Findings, next.Findings...)
		}
		if len(next.Findings) < perPage {
			return scan, nil
		}
	}
	return nil, fmt.Errorf("get the latest security scan: more than %d pages", maxPages)
}

func mapScan(s *scanWire) SecurityScan {
	scan := SecurityScan{Enabled: s.Status != scanNotEnabled, ID: s.ID, Status: s.Status, Created: parseTime(s.CreatedAt)}
	if !scan.Enabled {
		return scan
	}
	for _, f := range s.Findings {
		scan.Findings = append(scan.Findings, ScanFinding{RuleUUID: f.RuleUUID, Rule: f.Name,
			Severity: strings.ToLower(f.Severity), Affected: f.Affected})
	}
	return scan
}
