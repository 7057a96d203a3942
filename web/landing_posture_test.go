package web

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// postureSnapshot is fleetSnapshot with its lists known to the checks, a
// default project that holds web-1, and DigitalOcean's scan.
func postureSnapshot(scan inventory.SecurityScan) *inventory.Snapshot {
	return fleetSnapshot("prod",
		inventory.Firewalls.With(nil),
		inventory.Projects.With([]inventory.Project{{ID: "p-shop", Name: "shop"}, {ID: "p-def", Name: "Default", IsDefault: true}}),
		inventory.ProjectResources.With(map[string][]inventory.ProjectResource{
			"p-shop": {{URNType: "kubernetes", ID: "c-1"}, {URNType: "droplet", ID: "1"}},
			"p-def":  {{URNType: "droplet", ID: "2"}},
		}),
		inventory.SecurityScans.With([]inventory.SecurityScan{scan}),
	)
}

func TestLandingShowsFindingsAndTheirWorkloads(t *testing.T) {
	scan := inventory.SecurityScan{Enabled: true, Status: "COMPLETED", Created: refreshedAt, Findings: []inventory.ScanFinding{
		{RuleUUID: "r1", Rule: "Droplet backups are not enabled", Severity: "medium", Affected: 2},
		{RuleUUID: "r2", Rule: "Database has no trusted sources", Severity: "critical", Affected: 1},
	}}
	_, doc, body := landing(t, staticSource{postureSnapshot(scan)}, "/")
	public := find(doc, func(n *html.Node) bool { c, _ := attr(n, "data-check"); return c == "droplet_public_without_firewall" })
	if len(public) != 1 || !strings.Contains(text(public[0]), "web-1") || !strings.Contains(text(public[0]), "high") ||
		!strings.Contains(body, `href="?finding=droplet_public_without_firewall"`) {
		t.Errorf("the public Droplet without a firewall is not named with its severity and a link: %v", public)
	}
	scanRows := find(doc, func(n *html.Node) bool { s, _ := attr(n, "data-scan"); return s == "enabled" })
	if len(scanRows) != 1 || !strings.Contains(text(scanRows[0]), "Database has no trusted sources") ||
		strings.Index(text(scanRows[0]), "critical") > strings.Index(text(scanRows[0]), "medium") {
		t.Errorf("DigitalOcean's scan is not shown, the most severe first")
	}
	_, doc, _ = landing(t, staticSource{postureSnapshot(scan)}, "/?finding=droplet_public_without_firewall")
	if rows, _ := workloadRows(doc); len(rows) != 1 || text(find(rows[0], func(n *html.Node) bool { c, _ := attr(n, "class"); return c == "name" })[0]) != "web-1" {
		t.Errorf("?finding= lists %d rows, want web-1 alone", len(rows))
	}
	_, _, body = landing(t, staticSource{postureSnapshot(inventory.SecurityScan{Status: "CSPM_NOT_ENABLED"})}, "/")
	if !strings.Contains(body, `data-scan="disabled"`) || !strings.Contains(body, "scanning is not enabled") {
		t.Error("a scan that is not enabled does not say so")
	}
}

// TestLandingShowsEachWorkloadsProject: the project column names the
// project of the workloads a project holds, and the filter selects them.
func TestLandingShowsEachWorkloadsProject(t *testing.T) {
	src := staticSource{postureSnapshot(inventory.SecurityScan{})}
	_, doc, _ := landing(t, src, "/?kind=kubernetes")
	if rows, _ := workloadRows(doc); len(rows) != 1 || !strings.Contains(text(rows[0]), "shop") {
		t.Errorf("the cluster's row does not name its project shop")
	}
	_, doc, _ = landing(t, src, "/?project=p-def")
	if names := rowNames(doc); len(names) != 1 || names[0] != "web-1" {
		t.Errorf("?project=p-def selects %q, want web-1", names)
	}
	fleet := decodeFleet(t, get(t, inventoryOf(src), "/inventory?kind=droplets"))
	for _, r := range fleet.Workloads {
		if want := map[string]string{"1": "p-shop", "2": "p-def"}[r.ID]; r.ProjectID != want {
			t.Errorf("/inventory: droplet %s in project %q, want %q", r.ID, r.ProjectID, want)
		}
	}
}

type fixedChanges []Change

func (r fixedChanges) RecentChanges() []Change { return r }

func TestLandingShowsTheLastHoursChanges(t *testing.T) {
	now := time.Now()
	changes := fixedChanges{
		{Account: "prod", At: now.Add(-5 * time.Minute), Type: "added",
			Workload: inventory.Workload{Kind: "droplets", ID: "9", Name: hostileName, Region: "nyc1"}},
		{Account: "prod", At: now.Add(-time.Minute), Type: "modified",
			Workload: inventory.Workload{Kind: "droplets", ID: "2", Name: "web-1"}, Fields: "size"},
	}
	rec := get(t, landingOf(staticSource{fleetSnapshot("prod")}, LandingConfig{Changes: changes}), "/")
	doc, _ := html.Parse(strings.NewReader(rec.Body.String()))
	rows := find(doc, func(n *html.Node) bool { _, ok := attr(n, "data-change"); return ok })
	if len(rows) != 2 || !strings.Contains(text(rows[0]), "web-1") || !strings.Contains(text(rows[0]), "size") ||
		!strings.Contains(text(rows[1]), hostileName) || strings.Contains(rec.Body.String(), hostileName) {
		t.Errorf("changes: %d rows, want web-1's resize first and the added Droplet's name as text", len(rows))
	}
}
