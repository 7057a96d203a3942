package e2e

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// TestLandingPageOfALargeAccountInBrowser loads the page of an account of
// 10,000 Droplets in their projects in headless Chromium: it weighs well
// under 1 MB, shows a page of 100 rows, pages forward and to the end, and
// its region and project filters select what /inventory does.
func TestLandingPageOfALargeAccountInBrowser(t *testing.T) {
	t.Parallel()
	const token = "dop_v1_large_browser_test_token"
	api := testtool.FakeAPI(t, token, fakeapi.Generate(fakeapi.Size{fakeapi.Droplets: 10000, fakeapi.Projects: 4}))
	e := startExporter(t, map[string]string{"DIGITALOCEAN_TOKEN": token}, "--digitalocean.api-url="+api.URL)
	e.waitFor(t, "/-/ready", http.StatusOK)

	all := e.inventory(t, "")
	page := e.raw(t, "/")
	if len(all.Workloads) != 10000 || len(page) > 256<<10 {
		t.Fatalf("%d workloads, a page of %d bytes; want 10,000 and well under 1 MB", len(all.Workloads), len(page))
	}
	t.Logf("the page of an account of 10,000 Droplets: %d bytes", len(page))
	project := all.Workloads[0].ProjectID
	inProject, nyc1 := e.inventory(t, "?project="+project), e.inventory(t, "?region=nyc1")
	if project == "" || len(inProject.Workloads) == 0 {
		t.Fatalf("the first Droplet is in project %q, which holds %d workloads", project, len(inProject.Workloads))
	}

	ctx, problems := newBrowser(t)
	open(t, ctx, e.url+"/")
	if got := readPage(t, ctx); got.Rows != 100 || got.ShownLabel != "10000" || got.Page != "Page 1 of 100" {
		t.Errorf("first page: %d rows, %s selected, %q", got.Rows, got.ShownLabel, got.Page)
	}
	follow(t, ctx, `a[rel=next]`)
	if got := readPage(t, ctx); got.Rows != 100 || got.Search != "?page=2" || got.Page != "Page 2 of 100" {
		t.Errorf("next page: %d rows at %q, %q", got.Rows, got.Search, got.Page)
	}
	choose(t, ctx, "region", "nyc1")
	got := readPage(t, ctx)
	if got.ShownLabel != fmt.Sprint(len(nyc1.Workloads)) || got.Rows != min(100, len(nyc1.Workloads)) || got.Search != "?region=nyc1" {
		t.Errorf("region=nyc1: %s selected, %d rows, at %q; /inventory has %d", got.ShownLabel, got.Rows, got.Search, len(nyc1.Workloads))
	}
	follow(t, ctx, `a[rel=last]`)
	if got := readPage(t, ctx); got.Rows != (len(nyc1.Workloads)-1)%100+1 {
		t.Errorf("the last page of nyc1 has %d rows, want %d", got.Rows, (len(nyc1.Workloads)-1)%100+1)
	}
	choose(t, ctx, "region", "")
	choose(t, ctx, "project", project)
	if got := readPage(t, ctx); got.ShownLabel != fmt.Sprint(len(inProject.Workloads)) {
		t.Errorf("project %s: %s selected; /inventory has %d", project, got.ShownLabel, len(inProject.Workloads))
	}
	saveScreenshot(t, ctx, "landing-large.png")
	for _, p := range problems() {
		t.Errorf("browser console: %s", p)
	}
}
