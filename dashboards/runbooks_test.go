package dashboards

import (
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/markdown"
)

// TestEveryAlertHasARunbook fails when an alert's runbook_url does not
// lead to a heading of a page in docs/: the anchor GitHub gives the
// heading's text must be the URL's fragment.
func TestEveryAlertHasARunbook(t *testing.T) {
	for _, g := range readAlerts(t) {
		for _, r := range g.Rules {
			if err := resolveRunbook(r.Annotations["runbook_url"]); err != "" {
				t.Errorf("%s: runbook_url %q: %s", r.Alert, r.Annotations["runbook_url"], err)
			}
		}
	}
}

// resolveRunbook says why url is not a heading of a page in docs/, or "".
func resolveRunbook(url string) string {
	file, fragment, found := strings.Cut(strings.TrimPrefix(url, repoURL), "#")
	switch {
	case !strings.HasPrefix(url, repoURL):
		return "not a page of the repository (" + repoURL + ")"
	case !found || fragment == "":
		return "names no heading (#...)"
	case path.Dir(path.Clean(file)) != "docs":
		return "not a page of docs/"
	}
	if err := markdown.CheckTarget(filepath.Join("..", filepath.FromSlash(path.Clean(file))), fragment); err != nil {
		return err.Error()
	}
	return ""
}

var runbookHeading = regexp.MustCompile(`^DigitalOcean[A-Za-z0-9]+$`)

// TestEveryRunbookHasAnAlert fails when a runbook of docs/alerts.md is for
// an alert that alerts.yml does not define (renamed, or removed), so that
// no runbook outlives its alert.
func TestEveryRunbookHasAnAlert(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("..", filepath.FromSlash(runbookPage)))
	if err != nil {
		t.Fatal(err)
	}
	defined := map[string]bool{}
	for _, g := range readAlerts(t) {
		for _, r := range g.Rules {
			defined[r.Alert] = true
		}
	}
	runbooks := 0
	for _, h := range markdown.Headings(page) {
		if !runbookHeading.MatchString(h) {
			continue
		}
		runbooks++
		if !defined[h] {
			t.Errorf("%s has a runbook in %s, but %s defines no such alert", h, runbookPage, alertsFile)
		}
	}
	if runbooks < len(defined) {
		t.Errorf("%s has %d runbooks for %d alerts", runbookPage, runbooks, len(defined))
	}
}
