package web

import (
	"cmp"
	"slices"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
	"github.com/digitalocean-exporter/digitalocean_exporter/posture"
)

// namedPerFinding is how many of the objects behind a finding the page
// names; a link lists them all.
const namedPerFinding = 5

// postureView is what one account's posture section shows: the exporter's
// findings, and DigitalOcean's own scan beside them.
type postureView struct {
	Account  string
	Findings []findingView // the checks that found something, the most severe first
	Passing  int           // checks that found nothing
	Scan     scanView
}

// findingView is one check that found objects, and some of them.
type findingView struct {
	Check, Severity string
	Count           int
	Named           []namedRef
	More            int    // objects not named
	Link            string // the workload table of its objects; "" when they are not workloads
}

type namedRef struct{ Kind, Name string }

// scanView is DigitalOcean's latest scan as the page shows it.
type scanView struct {
	State    string // unknown, disabled or enabled
	Status   string
	Ran      string // when, RFC 3339
	Findings []inventory.ScanFinding
}

// severities in the order the page shows them.
var severities = []string{"critical", "high", "medium", "low"}

func severityOrder(severity string) int {
	if i := slices.Index(severities, severity); i >= 0 {
		return i
	}
	return len(severities)
}

// newPostureView shows the results of one account's checks and its scan.
func newPostureView(s *inventory.Snapshot, results []posture.Result) postureView {
	v := postureView{Account: s.Account, Scan: newScanView(inventory.LatestScan(s))}
	for _, r := range results {
		if r.Failures == 0 {
			v.Passing++
			continue
		}
		f := findingView{Check: r.Name, Severity: r.Severity, Count: r.Failures, More: max(0, r.Failures-namedPerFinding)}
		for _, ref := range r.Failing[:min(len(r.Failing), namedPerFinding)] {
			f.Named = append(f.Named, namedRef{kindLabel(ref.Kind), ref.Name})
		}
		if slices.ContainsFunc(r.Failing, func(ref posture.Ref) bool { return slices.Contains(Kinds, ref.Kind) }) {
			f.Link = pageLink(Filter{Findings: []string{r.Name}}, tableQuery{})
		}
		v.Findings = append(v.Findings, f)
	}
	slices.SortStableFunc(v.Findings, func(a, b findingView) int {
		return cmp.Compare(severityOrder(a.Severity), severityOrder(b.Severity))
	})
	return v
}

func newScanView(scan *inventory.SecurityScan) scanView {
	switch {
	case scan == nil:
		return scanView{State: "unknown"}
	case !scan.Enabled:
		return scanView{State: "disabled"}
	}
	v := scanView{State: "enabled", Status: scan.Status, Findings: slices.Clone(scan.Findings)}
	if !scan.Created.IsZero() {
		v.Ran = scan.Created.UTC().Format(time.RFC3339)
	}
	slices.SortStableFunc(v.Findings, func(a, b inventory.ScanFinding) int {
		return cmp.Or(cmp.Compare(severityOrder(a.Severity), severityOrder(b.Severity)), cmp.Compare(b.Affected, a.Affected))
	})
	return v
}

// kindLabel is how a person calls a kind's objects; a kind the exporter
// does not list (a Spaces bucket's URN type) is its own name.
func kindLabel(kind string) string {
	if k := inventory.KindNamed(kind); k != nil && k.Label() != "" {
		return k.Label()
	}
	return kind
}
