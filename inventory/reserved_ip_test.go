package inventory

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/digitalocean/godo"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

func TestMapReservedIPsFromExamples(t *testing.T) {
	var v4 struct {
		ReservedIPs []godo.ReservedIP `json:"reserved_ips"`
	}
	var v6 struct {
		ReservedIPv6s []godo.ReservedIPV6 `json:"reserved_ipv6s"`
	}
	decodeExample(t, "reserved_ips.json", &v4)
	decodeExample(t, "reserved_ipv6.json", &v6)
	got := mapReservedIPs(twoLists[godo.ReservedIP, godo.ReservedIPV6]{first: v4.ReservedIPs, second: v6.ReservedIPv6s})
	reserved := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	want := []ReservedIP{
		{IP: "45.55.96.47", Version: 4, Region: "nyc3"},                                 // "droplet": null
		{IP: "fd53:616d:6d60::dc9:c001", Version: 6, Region: "nyc3", Created: reserved}, // no "droplet" at all
		{IP: "fd53:616d:6d60::dc9:c002", Version: 6, Region: "nyc1", Created: reserved},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("reserved IPs:\n got %+v\nwant %+v", got, want)
	}
	for _, r := range got {
		if r.State() != ReservedIPUnassigned {
			t.Errorf("%s is %s, want unassigned", r.IP, r.State())
		}
	}
	if assigned := (ReservedIP{DropletID: 1}); assigned.State() != ReservedIPAssigned {
		t.Errorf("an address with a droplet is %s", assigned.State())
	}
}

// reserved_ipv6.json says total 1 beside two addresses; the pager goes by
// the links, so it takes both and stops, as the API's own answer is.
func TestPagerTakesTheIPv6ExampleAsItIs(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v2/reserved_ipv6" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(fakeapi.ExampleFile("reserved_ipv6.json"))
	}))
	defer srv.Close()
	c, err := newClient(ClientOptions{BaseURL: srv.URL, Token: func() string { return testToken }, Timeout: 5 * time.Second}, newAPIRecorder())
	if err != nil {
		t.Fatal(err)
	}
	ips, err := listAll(context.Background(), c.ReservedIPV6s.List)
	if err != nil || len(ips) != 2 {
		t.Errorf("got %d addresses (%v), want the example's 2", len(ips), err)
	}
}
