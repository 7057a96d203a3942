package e2e

import (
	"bytes"
	"flag"
	"fmt"
	"image/png"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// hostileName is a droplet name that runs a script if a page pastes it in
// as markup.
const hostileName = `<script>window.__xss=1</script>`

// TestLandingPageInBrowser loads / in headless Chromium from an exporter
// whose account has a droplet named to inject a script, and checks what a
// person would: the counts match /inventory, the page holds its first
// page of rows, sorting and the filters (applied by the server, so the
// address links to the view) select what /inventory does, and the name
// shows as text without running.
func TestLandingPageInBrowser(t *testing.T) {
	t.Parallel()
	const token = "dop_v1_browser_test_token"
	api := testtool.FakeAPI(t, token, fakeapi.Demo())
	api.Update(func(a *fakeapi.Account) { a.Lists[fakeapi.Droplets][0]["name"] = hostileName })
	e := startExporter(t, map[string]string{"DIGITALOCEAN_TOKEN": token}, "--digitalocean.api-url="+api.URL)
	e.waitFor(t, "/-/ready", http.StatusOK)

	all := e.inventory(t, "")
	databases := e.inventory(t, "?kind=databases")
	productionDatabases := e.inventory(t, "?kind=databases&tag=production")
	_, page := e.get(t, "/")
	for path, body := range map[string]string{"/": page, "/inventory": e.raw(t, "/inventory")} {
		if strings.Contains(body, token) {
			t.Errorf("%s shows the token", path)
		}
		if strings.Contains(body, hostileName) {
			t.Errorf("%s holds the hostile name unescaped", path)
		}
	}

	ctx, problems := newBrowser(t)
	open(t, ctx, e.url+"/")
	saveScreenshot(t, ctx, "landing.png")

	got := readPage(t, ctx)
	wantCounts := map[string]string{}
	for _, r := range all.Refreshes {
		wantCounts[r.Kind] = fmt.Sprint(all.count(r.Kind))
	}
	if fmt.Sprint(got.Counts) != fmt.Sprint(wantCounts) {
		t.Errorf("counts on the page %v, /inventory has %v", got.Counts, wantCounts)
	}
	if got.Rows != min(len(all.Workloads), 100) || got.ShownLabel != fmt.Sprint(len(all.Workloads)) {
		t.Errorf("%d rows, the page says %s are selected; /inventory has %d", got.Rows, got.ShownLabel, len(all.Workloads))
	}
	if got.Findings == 0 || got.ScanFindings == 0 {
		t.Errorf("the posture section shows %d findings and %d of DigitalOcean's scan", got.Findings, got.ScanFindings)
	}

	choose(t, ctx, "kind", "droplets")
	follow(t, ctx, `#workloads thead th:nth-child(2) a`)
	if got := readPage(t, ctx); !got.SortedByName || got.FirstName != hostileName || got.XSS != "undefined" || !got.HostileAsText {
		t.Errorf("Droplets by name: sorted %v, first row %q (want the hostile name, as '<' sorts first), "+
			"window.__xss is %s, shown as text %v", got.SortedByName, got.FirstName, got.XSS, got.HostileAsText)
	}
	choose(t, ctx, "kind", "databases")
	if got := readPage(t, ctx); got.Rows != len(databases.Workloads) || got.ShownKinds != "databases" || got.Search != "?kind=databases&sort=name" {
		t.Errorf("kind=databases: %d rows of kinds %q, URL %q; /inventory has %d", got.Rows, got.ShownKinds, got.Search, len(databases.Workloads))
	}
	choose(t, ctx, "tag", "production")
	if got := readPage(t, ctx); got.Rows != len(productionDatabases.Workloads) || got.ShownLabel != fmt.Sprint(got.Rows) {
		t.Errorf("kind=databases, tag=production: %d rows (the page says %s); /inventory has %d",
			got.Rows, got.ShownLabel, len(productionDatabases.Workloads))
	}
	saveScreenshot(t, ctx, "landing-filtered.png")
	for _, p := range problems() {
		t.Errorf("browser console: %s", p)
	}
}

var updateScreenshots = flag.Bool("update-screenshots", false, "write the screenshots of the landing page into docs/images")

// postureShown is the posture check whose workloads a screenshot shows.
const postureShown = "droplet_public_without_firewall"

// maxScreenshotBytes keeps the screenshots in docs/images small enough for
// a repository.
const maxScreenshotBytes = 400 << 10

// TestLandingPageScreenshotsForTheDocs takes the screenshots the docs show
// of the demo's landing page, at the browser's width: the page as it opens,
// and the page a posture finding's "list them" link leads to (Droplets
// without a firewall), scrolled to its table, which lists what /inventory
// does for that finding. With
// -update-screenshots it writes them into docs/images; without, the ones
// there must be screenshots of the same size, and small.
func TestLandingPageScreenshotsForTheDocs(t *testing.T) {
	t.Parallel()
	e := startExporter(t, nil, "--demo")
	e.waitFor(t, "/-/ready", http.StatusOK)
	ctx, problems := newBrowser(t)
	open(t, ctx, e.url+"/")
	shots := map[string][]byte{"landing.png": saveScreenshot(t, ctx, "docs-landing.png")}

	follow(t, ctx, `table.findings tr[data-check=`+postureShown+`] a`)
	got := readPage(t, ctx)
	listed := e.inventory(t, "?finding="+postureShown)
	if got.Search != "?finding="+postureShown || len(listed.Workloads) == 0 || got.ShownLabel != fmt.Sprint(len(listed.Workloads)) ||
		got.Rows != min(100, len(listed.Workloads)) {
		t.Errorf("a finding's link leads to %q: %d rows, %s selected; /inventory lists %d for it",
			got.Search, got.Rows, got.ShownLabel, len(listed.Workloads))
	}
	if err := chromedp.Do(ctx, chromedp.ScrollIntoView(chromedp.ID("workloads-title"))); err != nil {
		t.Fatal(err)
	}
	shots["landing-posture.png"] = saveScreenshot(t, ctx, "docs-landing-posture.png")
	for _, p := range problems() {
		t.Errorf("browser console: %s", p)
	}

	for name, shot := range shots {
		path := inRepo(filepath.Join("docs", "images", name))
		if *updateScreenshots {
			if err := os.WriteFile(path, shot, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		checkScreenshot(t, path, shot)
	}
}

// checkScreenshot: the screenshot at path is a PNG of the size of taken,
// a screenshot just taken, and small.
func checkScreenshot(t *testing.T, path string, taken []byte) {
	t.Helper()
	committed, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -run TestLandingPageScreenshotsForTheDocs -update-screenshots writes it)", err)
	}
	want, err := png.DecodeConfig(bytes.NewReader(taken))
	if err != nil {
		t.Fatal(err)
	}
	got, err := png.DecodeConfig(bytes.NewReader(committed))
	if err != nil || got.Width != want.Width || got.Height != want.Height || len(committed) > maxScreenshotBytes {
		t.Errorf("%s: %dx%d, %d bytes, %v; want a PNG of %dx%d of at most %d bytes",
			path, got.Width, got.Height, len(committed), err, want.Width, want.Height, maxScreenshotBytes)
	}
}
