package web

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// manyDroplets is an account of n Droplets, web-0001 and on, in two
// regions, every third one off.
func manyDroplets(n int) *inventory.Snapshot {
	droplets := make([]inventory.Droplet, n)
	for i := range droplets {
		droplets[i] = inventory.Droplet{ID: 1000 + i, Name: fmt.Sprintf("web-%04d", i+1), Region: []string{"nyc1", "ams3"}[i%2],
			Status: []string{"active", "active", "off"}[i%3], Size: "s-1vcpu-2gb", Tags: []string{"production", "web"},
			PublicIPv4: fmt.Sprintf("198.18.%d.%d", i/200, 10+i%200), Created: createdAt}
	}
	return inventory.NewSnapshot("prod", refreshedAt, inventory.Droplets.With(droplets))
}

func rowNames(doc *html.Node) []string {
	var names []string
	for _, n := range find(doc, func(n *html.Node) bool { c, _ := attr(n, "class"); return c == "name" }) {
		names = append(names, text(n))
	}
	return names
}

func linkOf(t *testing.T, doc *html.Node, rel string) string {
	t.Helper()
	links := find(doc, func(n *html.Node) bool { r, _ := attr(n, "rel"); return n.Data == "a" && r == rel })
	if len(links) == 0 {
		return ""
	}
	href, _ := attr(links[0], "href")
	return href
}

// TestLandingPagesTheSelectedRows: 250 Droplets make three pages of 100;
// the page's links keep the filter and the sort, and a page past the end
// shows the last.
func TestLandingPagesTheSelectedRows(t *testing.T) {
	src := staticSource{manyDroplets(250)}
	_, doc, body := landing(t, src, "/")
	if names := rowNames(doc); len(names) != rowsPerPage || names[0] != "web-0001" || !strings.Contains(body, "Page 1 of 3") {
		t.Fatalf("first page: %d rows from %q", len(names), names[0])
	}
	if next := linkOf(t, doc, "next"); next != "?page=2" || linkOf(t, doc, "prev") != "" {
		t.Errorf("first page links next %q, prev %q", next, linkOf(t, doc, "prev"))
	}
	_, doc, body = landing(t, src, "/?region=nyc1&sort=-name&page=2")
	names := rowNames(doc)
	if len(names) != 25 || names[0] != "web-0049" || names[24] != "web-0001" || !strings.Contains(body, "Page 2 of 2") {
		t.Errorf("nyc1 by name descending, page 2: %d rows from %q to %q", len(names), names[0], names[len(names)-1])
	}
	if prev := linkOf(t, doc, "prev"); prev != "?region=nyc1&sort=-name" {
		t.Errorf("previous page link %q, want the filter and sort kept", prev)
	}
	if _, doc, _ := landing(t, src, "/?page=9"); len(rowNames(doc)) != 50 {
		t.Errorf("a page past the end shows %d rows, want the last page's 50", len(rowNames(doc)))
	}
}

// TestLandingSortsOnTheServer: a header's link sorts by its column, the
// other way when it already does; names sort as a person reads numbers.
func TestLandingSortsOnTheServer(t *testing.T) {
	s := inventory.NewSnapshot("a", refreshedAt, inventory.Droplets.With([]inventory.Droplet{
		{ID: 1, Name: "web-10"}, {ID: 2, Name: "web-9"}, {ID: 3, Name: "Api-1"},
	}))
	_, doc, _ := landing(t, staticSource{s}, "/?sort=name")
	if names := rowNames(doc); !slices.Equal(names, []string{"Api-1", "web-9", "web-10"}) {
		t.Errorf("sorted by name: %q", names)
	}
	headers := find(doc, func(n *html.Node) bool { return n.Data == "th" && n.Parent.Parent.Parent != nil })
	for _, th := range headers {
		a := find(th, func(n *html.Node) bool { return n.Data == "a" })
		if len(a) == 1 && text(a[0]) == "Name" {
			sort, _ := attr(th, "aria-sort")
			href, _ := attr(a[0], "href")
			if sort != "ascending" || href != "?sort=-name" {
				t.Errorf("the Name header is %q and links to %q, want ascending and ?sort=-name", sort, href)
			}
		}
	}
}

func TestLandingRefusesWhatItCannotRead(t *testing.T) {
	for _, query := range []string{"?sort=cost", "?page=0", "?page=two", "?finding=no_such_check", "?kind=spaceships", "?tag=%zz"} {
		rec := get(t, landingOf(staticSource{fleetSnapshot("a")}, LandingConfig{}), "/"+query)
		if rec.Code != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", query, rec.Code)
		}
	}
}

// TestLandingStaysLightForALargeAccount renders the page of an account of
// 10,000 Droplets: it holds one page of rows, and weighs well under 1 MB.
func TestLandingStaysLightForALargeAccount(t *testing.T) {
	_, doc, body := landing(t, staticSource{manyDroplets(10000)}, "/")
	rows, _ := workloadRows(doc)
	if len(rows) != rowsPerPage || !strings.Contains(body, "Page 1 of 100") {
		t.Errorf("%d rows on the first page, want %d of 100 pages", len(rows), rowsPerPage)
	}
	if len(body) > 256<<10 {
		t.Errorf("the page of 10,000 Droplets is %d bytes, want well under 1 MB", len(body))
	}
	t.Logf("the page of 10,000 Droplets: %d bytes", len(body))
}
