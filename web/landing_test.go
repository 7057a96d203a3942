package web

import (
	"cmp"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

func landing(t *testing.T, src inventory.Source, target string) (*http.Response, *html.Node, string) {
	t.Helper()
	rec := get(t, Landing(src, LandingConfig{Name: "DigitalOcean Exporter", Version: "v1.2.3", MetricsPath: "/metrics"}), target)
	body := rec.Body.String()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return rec.Result(), doc, body
}

// find returns the elements for which match is true, in document order.
func find(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && match(d) {
			out = append(out, d)
		}
	}
	return out
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func text(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return strings.TrimSpace(b.String())
}

// workloadRows returns the rows of the workload table, and how many are shown.
func workloadRows(doc *html.Node) (rows []*html.Node, shown int) {
	rows = find(doc, func(n *html.Node) bool { _, ok := attr(n, "data-kind"); return n.Data == "tr" && ok })
	for _, r := range rows {
		if _, hidden := attr(r, "hidden"); !hidden {
			shown++
		}
	}
	return rows, shown
}

func TestLandingShowsHostileNamesAsText(t *testing.T) {
	_, doc, body := landing(t, staticSource{fleetSnapshot("prod")}, "/")
	if strings.Contains(body, hostileName) || strings.Contains(body, "<img") {
		t.Error("a name or tag from the API reached the page as markup")
	}
	names := find(doc, func(n *html.Node) bool { c, _ := attr(n, "class"); return c == "name" })
	if len(names) == 0 || text(names[0]) != hostileName {
		t.Errorf("first name cell does not read %q as text", hostileName)
	}
	scripts := find(doc, func(n *html.Node) bool { return n.Data == "script" })
	if len(scripts) != 1 {
		t.Errorf("%d script elements, want only the page's own", len(scripts))
	}
}

func TestLandingAllowsOnlyItsOwnInlineScriptAndStyle(t *testing.T) {
	resp, doc, body := landing(t, staticSource{fleetSnapshot("prod")}, "/")
	csp := resp.Header.Get("Content-Security-Policy")
	nonce := regexp.MustCompile(`script-src 'nonce-([^']+)'`).FindStringSubmatch(csp)
	if nonce == nil || !strings.Contains(csp, "default-src 'none'") {
		t.Fatalf("Content-Security-Policy %q: want default-src 'none' and a script nonce", csp)
	}
	for _, n := range find(doc, func(n *html.Node) bool { return n.Data == "script" || n.Data == "style" }) {
		if got, _ := attr(n, "nonce"); got != nonce[1] {
			t.Errorf("<%s nonce=%q>, want the header's nonce %q", n.Data, got, nonce[1])
		}
	}
	if regexp.MustCompile(`(src|href|action)="(https?:)?//`).MatchString(body) {
		t.Error("the page refers to another host")
	}
	_, _, again := landing(t, staticSource{fleetSnapshot("prod")}, "/")
	if strings.Contains(again, nonce[1]) {
		t.Error("two requests got the same nonce")
	}
}

func TestLandingCountsEveryKindAndRegion(t *testing.T) {
	src := staticSource{fleetSnapshot("a"), withUnknown(fleetSnapshot("b"), inventory.KindApps, inventory.ReasonForbidden)}
	_, doc, _ := landing(t, src, "/")
	counts := map[string]string{}
	for _, n := range find(doc, func(n *html.Node) bool { _, ok := attr(n, "data-count-kind"); return ok }) {
		kind, _ := attr(n, "data-count-kind")
		counts[kind] = text(n)
	}
	want := map[string]string{"droplets": "4", "kubernetes": "2", "databases": "2", "apps": "1"}
	for kind, n := range want {
		if counts[kind] != n {
			t.Errorf("count of %s = %q, want %s", kind, counts[kind], n)
		}
	}
	nyc1 := find(doc, func(n *html.Node) bool { r, _ := attr(n, "data-region-row"); return r == "nyc1" })
	var cells []string
	for _, td := range find(nyc1[0], func(n *html.Node) bool { return n.Data == "td" }) {
		cells = append(cells, text(td))
	}
	want = map[string]string{"droplets": "2", "kubernetes": "2"} // in nyc1; no other kind is
	wantCells := []string{"nyc1"}
	for _, kind := range Kinds {
		wantCells = append(wantCells, cmp.Or(want[kind], "0"))
	}
	if wantCells = append(wantCells, "4"); !slices.Equal(cells, wantCells) { // a column per kind, then the total
		t.Errorf("nyc1 row reads %q, want %q", cells, wantCells)
	}
	rows, shown := workloadRows(doc)
	if len(rows) != 9 || shown != 9 {
		t.Errorf("%d rows, %d shown; want all 9", len(rows), shown)
	}
}

// TestLandingCountsWorkloadsOfNoRegion: a DNS zone is in no region; the
// region table counts it in a last row that says so.
func TestLandingCountsWorkloadsOfNoRegion(t *testing.T) {
	s := fleetSnapshot("a")
	s = inventory.NewSnapshot("a", refreshedAt, inventory.Droplets.With(inventory.Droplets.Of(s)),
		inventory.Domains.With([]inventory.Domain{{Name: "example.com", TTLSeconds: 1800}}))
	_, doc, _ := landing(t, staticSource{s}, "/")
	rows := find(doc, func(n *html.Node) bool { _, ok := attr(n, "data-region-row"); return ok })
	last := rows[len(rows)-1]
	var cells []string
	for _, td := range find(last, func(n *html.Node) bool { return n.Data == "td" }) {
		cells = append(cells, text(td))
	}
	domains := 1 + slices.Index(Kinds, inventory.KindDomains)
	if len(rows) != 3 || cells[0] != "no region" || cells[domains] != "1" || cells[len(cells)-1] != "1" {
		t.Errorf("%d region rows, the last reads %q; want ams3, nyc1 and a row of no region counting the domain", len(rows), cells)
	}
}

func TestLandingShowsKindsNotListedAndFailures(t *testing.T) {
	s := withUnknown(fleetSnapshot("a"), inventory.KindApps, inventory.ReasonForbidden)
	_, doc, _ := landing(t, staticSource{s}, "/")
	apps := find(doc, func(n *html.Node) bool { k, _ := attr(n, "data-count-kind"); return k == "apps" })
	if text(apps[0]) != "—" {
		t.Errorf("apps never listed show %q, want —", text(apps[0]))
	}
	failing := find(doc, func(n *html.Node) bool { s, _ := attr(n, "data-state"); return s == "failing" })
	if len(failing) != 1 || !strings.Contains(text(failing[0]), "apps") || !strings.Contains(text(failing[0]), "forbidden") {
		t.Errorf("failing health rows: %d, want apps with reason forbidden", len(failing))
	}
}

func TestLandingFiltersFromTheQuery(t *testing.T) {
	for query, want := range map[string]int{
		"":                            5,
		"?kind=droplets":              2,
		"?tag=production":             4, // the app too: apps carry no tags
		"?tag=production&region=nyc1": 3, // web-1, the cluster, and the app in nyc
		"?region=nyc":                 4,
		"?status=off&kind=droplets":   1,
	} {
		_, doc, _ := landing(t, staticSource{fleetSnapshot("a")}, "/"+query)
		rows, shown := workloadRows(doc)
		if len(rows) != 5 || shown != want {
			t.Errorf("%q: %d rows, %d shown; want 5 rows, %d shown", query, len(rows), shown, want)
		}
		counter := find(doc, func(n *html.Node) bool { id, _ := attr(n, "id"); return id == "shown" })
		if got := text(counter[0]); got != strconv.Itoa(want) {
			t.Errorf("%q: the page says it shows %s, want %d", query, got, want)
		}
	}
}

func TestLandingSaysWhatATagFilterLeavesAlone(t *testing.T) {
	for query, want := range map[string]string{
		"/?tag=production":               "apps, vpcs, vpc_nat_gateways, vpc_peerings, domains, cdn carry no tags: the tag filter does not apply to them",
		"/?tag=production&kind=droplets": "",
		"/":                              "",
	} {
		_, doc, _ := landing(t, staticSource{fleetSnapshot("a")}, query)
		note := find(doc, func(n *html.Node) bool { id, _ := attr(n, "id"); return id == "tag-note" })
		_, hidden := attr(note[0], "hidden")
		if got := text(note[0]); got != want || hidden != (want == "") {
			t.Errorf("%s: note %q (hidden %v), want %q", query, got, hidden, want)
		}
	}
}

func TestAge(t *testing.T) {
	for d, want := range map[time.Duration]string{
		-time.Second: "0s", 42 * time.Second: "42s", 90 * time.Second: "1m 30s",
		3*time.Hour + 5*time.Minute: "3h 5m", 72 * time.Hour: "3d",
	} {
		if got := age(d); got != want {
			t.Errorf("age(%s) = %q, want %q", d, got, want)
		}
	}
}
