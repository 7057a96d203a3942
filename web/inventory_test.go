package web

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
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
	rec := get(t, Inventory(src), "/inventory")
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
	h := Inventory(staticSource{fleetSnapshot("prod")})
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
	h := Inventory(staticSource{fleetSnapshot("prod")})
	for query, want := range map[string][]string{
		"tag=production":               {"apps, vpcs, vpc_nat_gateways, vpc_peerings, domains, cdn carry no tags: the tag filter does not apply to them"},
		"tag=production&kind=droplets": nil,
		"kind=apps":                    nil,
	} {
		if got := decodeFleet(t, get(t, h, "/inventory?"+query)).Notes; !reflect.DeepEqual(got, want) {
			t.Errorf("?%s: notes %q, want %q", query, got, want)
		}
	}
}

func TestInventoryRefusesUnknownKindAndFormat(t *testing.T) {
	h := Inventory(staticSource{fleetSnapshot("prod")})
	for _, query := range []string{"kind=droplet", "format=xml"} {
		if rec := get(t, h, "/inventory?"+query); rec.Code != http.StatusBadRequest {
			t.Errorf("?%s: status %d, want 400", query, rec.Code)
		}
	}
}

func TestInventoryCSVHasTheSameRows(t *testing.T) {
	h := Inventory(staticSource{fleetSnapshot("prod")})
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
	h := Inventory(src)
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
