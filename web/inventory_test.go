package web

import (
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

func get(t *testing.T, h http.Handler, target string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func decodeFleet(t *testing.T, rec *httptest.ResponseRecorder) Fleet {
	t.Helper()
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	var fleet Fleet
	dec := json.NewDecoder(rec.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&fleet); err != nil {
		t.Fatal(err)
	}
	return fleet
}

func ids(rows []Row) []string {
	out := []string{}
	for _, r := range rows {
		out = append(out, r.ID)
	}
	return out
}

func TestInventoryJSONHasEveryWorkloadAndRefresh(t *testing.T) {
	src := staticSource{fleetSnapshot("prod"), withUnknown(fleetSnapshot("staging"), inventory.KindApps, inventory.ReasonForbidden)}
	rec := get(t, inventoryOf(src), "/inventory")
	if strings.Contains(rec.Body.String(), "<script>") {
		t.Error("the JSON holds a raw <script>; encoding/json should escape < and >")
	}
	fleet := decodeFleet(t, rec)
	if got, want := ids(fleet.Workloads), []string{"1", "2", "c-1", "d-1", "a-1", "1", "2", "c-1", "d-1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("workloads %q, want %q", got, want)
	}
	if fleet.Workloads[0].Name != hostileName {
		t.Errorf("name %q, want it unchanged: %q", fleet.Workloads[0].Name, hostileName)
	}
	if len(fleet.Refreshes) != 8 {
		t.Fatalf("%d refreshes, want 4 kinds × 2 accounts: %+v", len(fleet.Refreshes), fleet.Refreshes)
	}
	last := fleet.Refreshes[7]
	if last.Account != "staging" || last.Kind != "apps" || last.LastSuccess != nil || last.Reason != "forbidden" {
		t.Errorf("staging apps refresh = %+v, want never succeeded, forbidden", last)
	}
}

func TestInventoryFilters(t *testing.T) {
	h := inventoryOf(staticSource{fleetSnapshot("prod")})
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"", []string{"1", "2", "c-1", "d-1", "a-1"}},
		{"kind=droplets", []string{"1", "2"}},
		{"kind=databases&kind=apps", []string{"d-1", "a-1"}},
		{"region=nyc1", []string{"2", "c-1", "a-1"}}, // the app runs in nyc, nyc1's geography
		{"region=nyc", []string{"2", "c-1", "d-1", "a-1"}},
		{"region=nyc3", []string{"d-1", "a-1"}},
		{"region=ams", []string{"1"}},
		{"tag=production", []string{"2", "c-1", "d-1", "a-1"}}, // apps carry no tags: not filtered by one
		{"tag=production&kind=droplets", []string{"2"}},
		{"tag=web&tag=production&kind=kubernetes", []string{"c-1"}},
		{"status=off", []string{"1"}},
		{"kind=&region=&tag=", []string{"1", "2", "c-1", "d-1", "a-1"}}, // an HTML form's "any"
		{"region=nowhere", []string{}},
		{"tag=prod&kind=droplets&kind=kubernetes&kind=databases", []string{}}, // a tag matches whole, not as a prefix
	} {
		fleet := decodeFleet(t, get(t, h, "/inventory?"+tc.query))
		if got := ids(fleet.Workloads); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("?%s: %q, want %q", tc.query, got, tc.want)
		}
	}
}

func TestInventoryNotesWhatATagFilterLeavesAlone(t *testing.T) {
	h := inventoryOf(staticSource{fleetSnapshot("prod")})
	for query, want := range map[string][]string{
		"tag=production":               {untaggedNote()},
		"tag=production&kind=droplets": nil,
		"kind=apps":                    nil,
	} {
		if got := decodeFleet(t, get(t, h, "/inventory?"+query)).Notes; !reflect.DeepEqual(got, want) {
			t.Errorf("?%s: notes %q, want %q", query, got, want)
		}
	}
}

func TestInventoryRefusesUnknownKindAndFormat(t *testing.T) {
	h := inventoryOf(staticSource{fleetSnapshot("prod")})
	for _, query := range []string{"kind=droplet", "format=xml"} {
		if rec := get(t, h, "/inventory?"+query); rec.Code != http.StatusBadRequest {
			t.Errorf("?%s: status %d, want 400", query, rec.Code)
		}
	}
}

// TestInventoryRefusesAQueryItCannotRead: a filter that does not parse is
// an error, never the whole unfiltered list.
func TestInventoryRefusesAQueryItCannotRead(t *testing.T) {
	h := inventoryOf(staticSource{fleetSnapshot("prod")})
	for _, query := range []string{"kind=droplets&region=%zz", "kind=%", "kind=droplets;region=nyc1", "format=csv&tag=%E"} {
		rec := get(t, h, "/inventory?"+query)
		if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "cannot read the query") {
			t.Errorf("?%s: status %d %q, want 400 saying the query cannot be read", query, rec.Code, rec.Body)
		}
	}
}

// TestInventoryCSVDefusesFormulas goes through the handler: names that a
// spreadsheet would run as formulas come out as text.
func TestInventoryCSVDefusesFormulas(t *testing.T) {
	base := fleetSnapshot("prod")
	droplets := slices.Clone(inventory.Droplets.Of(base))
	clusters := slices.Clone(inventory.Clusters.Of(base))
	databases := slices.Clone(inventory.Databases.Of(base))
	droplets[0].Name = "=HYPERLINK(\"https://evil.example\",\"x\")"
	droplets[1].Name = "+1+cmd|' /C calc'!A0"
	clusters[0].Name = "-2+3"
	databases[0].Name = "@SUM(1+1)"
	s := inventory.NewSnapshot("prod", refreshedAt, inventory.Droplets.With(droplets), inventory.Clusters.With(clusters),
		inventory.Databases.With(databases), inventory.Apps.With(inventory.Apps.Of(base)))
	rec := get(t, inventoryOf(staticSource{s}), "/inventory?format=csv")
	records, err := csv.NewReader(rec.Body).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, record := range records[1:] {
		names[record[3]] = true
	}
	for _, want := range []string{"'" + droplets[0].Name, "'" + droplets[1].Name, "'-2+3", "'@SUM(1+1)", "shop"} {
		if !names[want] {
			t.Errorf("no name %q in the CSV; names: %v", want, names)
		}
	}
}

func TestInventoryCSVHasTheSameRows(t *testing.T) {
	h := inventoryOf(staticSource{fleetSnapshot("prod")})
	rec := get(t, h, "/inventory?format=csv&kind=droplets")
	if ct := rec.Header().Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	records, err := csv.NewReader(rec.Body).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 3 {
		t.Fatalf("%d lines, want a header and 2 droplets:\n%q", len(records), records)
	}
	line := map[string]string{}
	for i, column := range records[0] {
		line[column] = records[2][i]
	}
	for column, want := range map[string]string{
		"kind": "droplets", "id": "2", "name": "web-1", "tags": "production web", "created": "2025-06-07T08:09:10Z",
		"public_addresses": "198.18.0.1 2604:a880::1", "memory_bytes": "2147483648", "gpu": "false", "engine": "",
		"node_pools": "",
	} {
		if line[column] != want {
			t.Errorf("column %s = %q, want %q", column, line[column], want)
		}
	}
	if records[1][3] != hostileName {
		t.Errorf("name %q, want %q", records[1][3], hostileName)
	}
}

func TestCSVCellDefusesFormulas(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(1)": "'=HYPERLINK(1)", "+1": "'+1", "-x": "'-x", "@SUM": "'@SUM",
		"web-1": "web-1", "": "", "10.0.0.1": "10.0.0.1",
	} {
		if got := cell(in); got != want {
			t.Errorf("cell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestInventoryETagChangesWithRefreshesAndQuery(t *testing.T) {
	s := fleetSnapshot("prod")
	src := staticSource{s}
	h := inventoryOf(src)
	tag := get(t, h, "/inventory").Header().Get("ETag")
	if !strings.HasPrefix(tag, `"`) {
		t.Fatalf("ETag %q is not a quoted entity tag", tag)
	}
	if rec := get(t, h, "/inventory", "If-None-Match", tag); rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
		t.Errorf("same data, If-None-Match: status %d with %d bytes, want 304 and no body", rec.Code, rec.Body.Len())
	}
	if rec := get(t, h, "/inventory", "If-None-Match", `"other", W/`+tag); rec.Code != http.StatusNotModified {
		t.Errorf("tag in a list, weak: status %d, want 304", rec.Code)
	}
	if other := get(t, h, "/inventory?format=csv").Header().Get("ETag"); other == tag {
		t.Error("CSV and JSON share an ETag")
	}

	next := *s
	next.Status = map[string]inventory.Status{}
	for kind, status := range s.Status {
		next.Status[kind] = status
	}
	status := next.Status[inventory.KindDatabases]
	status.LastSuccess = status.LastSuccess.Add(1)
	next.Status[inventory.KindDatabases] = status
	src[0] = &next
	if rec := get(t, h, "/inventory", "If-None-Match", tag); rec.Code != http.StatusOK || rec.Header().Get("ETag") == tag {
		t.Errorf("after a refresh: status %d, ETag %s; want 200 and a new ETag", rec.Code, rec.Header().Get("ETag"))
	}
}

// TestInventoryGzippedOrNot: a client that accepts gzip gets the answer
// gzipped, with an ETag of its own; any other the same body inflated;
// both with their length and from one build.
func TestInventoryGzippedOrNot(t *testing.T) {
	p := NewPages(staticSource{fleetSnapshot("prod")}, PagesConfig{})
	for _, target := range []string{"/inventory", "/inventory?format=csv"} {
		plain := get(t, p.Inventory(), target, "Accept-Encoding", "identity")
		zipped := get(t, p.Inventory(), target, "Accept-Encoding", "gzip, deflate, br")
		if plain.Header().Get("Content-Encoding") != "" || zipped.Header().Get("Content-Encoding") != "gzip" {
			t.Fatalf("%s: Content-Encoding %q and %q, want none and gzip", target,
				plain.Header().Get("Content-Encoding"), zipped.Header().Get("Content-Encoding"))
		}
		for _, rec := range []*httptest.ResponseRecorder{plain, zipped} {
			if rec.Header().Get("Content-Length") != strconv.Itoa(rec.Body.Len()) || rec.Header().Get("Vary") != "Accept-Encoding" {
				t.Errorf("%s: Content-Length %s for %d bytes, Vary %q", target, rec.Header().Get("Content-Length"),
					rec.Body.Len(), rec.Header().Get("Vary"))
			}
		}
		zr, err := gzip.NewReader(zipped.Body)
		if err != nil {
			t.Fatal(err)
		}
		inflated, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		if string(inflated) != plain.Body.String() || !strings.Contains(plain.Body.String(), "web-1") {
			t.Errorf("%s: the gzipped answer inflates to %d bytes, the plain one has %d", target, len(inflated), plain.Body.Len())
		}
		tag := zipped.Header().Get("ETag")
		if tag == plain.Header().Get("ETag") {
			t.Errorf("%s: gzipped and plain share the ETag %s", target, tag)
		}
		if rec := get(t, p.Inventory(), target, "Accept-Encoding", "gzip", "If-None-Match", tag); rec.Code != http.StatusNotModified {
			t.Errorf("%s: gzipped, If-None-Match its ETag: %d, want 304", target, rec.Code)
		}
	}
	if n := p.inventory.built.Load(); n != 2 {
		t.Errorf("%d builds for JSON and CSV, each plain and gzipped, want 2", n)
	}
}

// TestInventoryHead answers HEAD with the headers of GET and no body, and
// 304 to a HEAD that names its ETag.
func TestInventoryHead(t *testing.T) {
	h := inventoryOf(staticSource{fleetSnapshot("prod")})
	body := get(t, h, "/inventory").Body.Len()
	head := httptest.NewRecorder()
	h.ServeHTTP(head, httptest.NewRequest(http.MethodHead, "/inventory", nil))
	if head.Code != http.StatusOK || head.Body.Len() != 0 || head.Header().Get("Content-Length") != strconv.Itoa(body) ||
		head.Header().Get("Content-Type") != "application/json; charset=utf-8" {
		t.Errorf("HEAD: %d, %d bytes, Content-Length %s, %s; want 200, none, %d, JSON", head.Code, head.Body.Len(),
			head.Header().Get("Content-Length"), head.Header().Get("Content-Type"), body)
	}
	again := httptest.NewRequest(http.MethodHead, "/inventory", nil)
	again.Header.Set("If-None-Match", head.Header().Get("ETag"))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, again)
	if rec.Code != http.StatusNotModified {
		t.Errorf("HEAD with its ETag: %d, want 304", rec.Code)
	}
}
