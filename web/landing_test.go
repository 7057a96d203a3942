package web

import (
	"net/http"
	"net/http/httptest"
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
	rec := get(t, landingOf(src, LandingConfig{Name: "DigitalOcean Exporter", Version: "v1.2.3", MetricsPath: "/metrics"}), target)
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
	cells := map[string]string{}
	tds := find(nyc1[0], func(n *html.Node) bool { return n.Data == "td" })
	for _, td := range tds {
		kind, _ := attr(td, "data-kind")
		cells[kind] = text(td)
	}
	wantCells := map[string]string{"droplets": "2", "kubernetes": "2", "databases": "0", "apps": "0"}
	for kind, n := range wantCells {
		if cells[kind] != n {
			t.Errorf("nyc1 row: %s %q, want %s", kind, cells[kind], n)
		}
	}
	if first, last := text(tds[0]), text(tds[len(tds)-1]); first != "nyc1" || last != "4" || len(tds) != len(regionalKinds())+2 {
		t.Errorf("nyc1 row: %d cells from %q to %q, want the region, one per kind and the total 4", len(tds), first, last)
	}
	rows, shown := workloadRows(doc)
	if len(rows) != 9 || shown != 9 {
		t.Errorf("%d rows, %d shown; want all 9", len(rows), shown)
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

// TestLandingFiltersFromTheQuery: the server applies the filters of the
// query; the page holds the rows selected, and says how many.
func TestLandingFiltersFromTheQuery(t *testing.T) {
	for query, want := range map[string]int{
		"":                            5,
		"?kind=droplets":              2,
		"?tag=production":             4, // the app too: apps carry no tags
		"?tag=production&region=nyc1": 3, // web-1, the cluster, and the app in nyc
		"?region=nyc":                 4,
		"?status=off&kind=droplets":   1,
		"?kind=&region=&tag=":         5, // the form's "any"
	} {
		_, doc, _ := landing(t, staticSource{fleetSnapshot("a")}, "/"+query)
		rows, shown := workloadRows(doc)
		if len(rows) != want || shown != want {
			t.Errorf("%q: %d rows, %d shown; want %d", query, len(rows), shown, want)
		}
		counter := find(doc, func(n *html.Node) bool { id, _ := attr(n, "id"); return id == "shown" })
		if got := text(counter[0]); got != strconv.Itoa(want) {
			t.Errorf("%q: the page says it selects %s, want %d", query, got, want)
		}
	}
}

func TestLandingSaysWhatATagFilterLeavesAlone(t *testing.T) {
	for query, want := range map[string]string{
		"/?tag=production":               untaggedNote(),
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

// regionalKinds are the workload kinds placed in a region: the columns of
// the table by region.
func regionalKinds() []string {
	var kinds []string
	for _, k := range inventory.WorkloadKinds() {
		if k.Has(inventory.HasRegion) {
			kinds = append(kinds, k.Name())
		}
	}
	return kinds
}

// Workloads that have no region (certificates) are counted, and left out
// of the table by region rather than put in a region named "".
func TestLandingLeavesKindsWithoutRegionsOutOfTheRegionTable(t *testing.T) {
	s := inventory.NewSnapshot("a", refreshedAt,
		inventory.Droplets.With([]inventory.Droplet{{ID: 1, Name: "web-1", Region: "nyc1", Status: "active"}}),
		inventory.Certificates.With([]inventory.Certificate{{ID: "c-1", Name: "www", State: "verified"}}))
	_, doc, body := landing(t, staticSource{s}, "/")
	var regions []string
	for _, n := range find(doc, func(n *html.Node) bool { _, ok := attr(n, "data-region-row"); return ok }) {
		r, _ := attr(n, "data-region-row")
		regions = append(regions, r)
	}
	certificates := find(doc, func(n *html.Node) bool { k, _ := attr(n, "data-count-kind"); return k == "certificates" })
	if !slices.Equal(regions, []string{"nyc1"}) || len(certificates) != 1 || text(certificates[0]) != "1" {
		t.Errorf("region rows %q, certificate count %v; want nyc1 alone and 1 certificate", regions, certificates)
	}
	if strings.Contains(body, `<th class="num">Certificates</th>`) {
		t.Error("the table by region has a column for certificates")
	}
}

// TestCachedPageTellsAgesAtEachRequest: the page is built once, and each
// request gets its own nonce and the ages at its own time.
func TestCachedPageTellsAgesAtEachRequest(t *testing.T) {
	changes := fixedChanges{{Account: "prod", At: refreshedAt.Add(-time.Minute), Type: "added",
		Workload: inventory.Workload{Kind: "droplets", ID: "2", Name: "web-1"}}}
	p := NewPages(staticSource{fleetSnapshot("prod")}, PagesConfig{Landing: LandingConfig{Changes: changes}})
	var nonces []string
	for _, later := range []time.Duration{time.Hour, 2 * time.Hour} {
		p.now = func() time.Time { return refreshedAt.Add(later) }
		rec := get(t, p.Landing(), "/")
		doc, err := html.Parse(rec.Body)
		if err != nil {
			t.Fatal(err)
		}
		health := find(doc, func(n *html.Node) bool { s, _ := attr(n, "data-state"); return s == "ok" })
		change := find(doc, func(n *html.Node) bool { _, ok := attr(n, "data-change"); return ok })
		wantAge, wantAgo := age(later), age(later+time.Minute)+" ago"
		if cells := find(health[0], func(n *html.Node) bool { return n.Data == "td" }); text(cells[3]) != wantAge {
			t.Errorf("%s after the refresh: the data's age reads %q, want %q", later, text(cells[3]), wantAge)
		}
		if cells := find(change[0], func(n *html.Node) bool { return n.Data == "td" }); text(cells[0]) != wantAgo {
			t.Errorf("%s after the refresh: the change reads %q, want %q", later, text(cells[0]), wantAgo)
		}
		nonces = append(nonces, nonceOf.FindStringSubmatch(rec.Header().Get("Content-Security-Policy"))[1])
		if strings.Contains(rec.Body.String(), string(markPrefix)) {
			t.Error("a mark is left in the page")
		}
	}
	if nonces[0] == nonces[1] || p.pages.built.Load() != 1 {
		t.Errorf("nonces %q from %d builds; want two nonces from one", nonces, p.pages.built.Load())
	}
}

func TestLandingHead(t *testing.T) {
	rec := httptest.NewRecorder()
	landingOf(staticSource{fleetSnapshot("prod")}, LandingConfig{}).ServeHTTP(rec, httptest.NewRequest(http.MethodHead, "/", nil))
	if rec.Code != http.StatusOK || rec.Body.Len() != 0 || rec.Header().Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("HEAD: %d, %d bytes, %s; want 200, none, HTML", rec.Code, rec.Body.Len(), rec.Header().Get("Content-Type"))
	}
}

func TestStencilRefusesAMarkCutShort(t *testing.T) {
	var m marks
	page := "<p>" + m.since(refreshedAt) + "</p><p>" + string(markPrefix) + "9"
	if _, err := m.cut([]byte(page)); err == nil {
		t.Error("a page whose last mark has no end was cut without an error")
	}
	if _, err := m.cut([]byte("<p>" + string(markPrefix) + "1.</p>")); err == nil {
		t.Error("a mark of a hole never handed out was cut without an error")
	}
}
