package inventory

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

const recordsRoute = "/v2/domains/{id}/records"

func TestMapDomainsFromExamples(t *testing.T) {
	d := mapExample(t, "domains.json", "domains", eachValue(mapDomain), 1)[0]
	if d.Name != "example.com" || d.TTLSeconds != 1800 {
		t.Errorf("domain: %+v", d)
	}
	if text := fmt.Sprintf("%#v", d); strings.Contains(text, "ORIGIN") || strings.Contains(text, "SOA") {
		t.Errorf("the zone file was kept: %s", text)
	}
	var body struct {
		Records []recordWire `json:"domain_records"`
	}
	decodeExample(t, "domain_records.json", &body)
	if got := recordsByType(body.Records); !maps.Equal(got, map[string]int{"NS": 3, "A": 1}) {
		t.Errorf("records by type: %v, want the example's 3 NS and 1 A", got)
	}
}

// TestDomainRecordsFollowPages: a zone of 450 records takes three pages of
// 200, all counted.
func TestDomainRecordsFollowPages(t *testing.T) {
	acct := fakeapi.Examples()
	record := acct.ByID[fakeapi.DomainRecords]["example.com"][0]
	acct.ByID[fakeapi.DomainRecords]["example.com"] = make([]map[string]any, 450)
	for i := range 450 {
		acct.ByID[fakeapi.DomainRecords]["example.com"][i] = record
	}
	api := newTestAPI(t, acct)
	s := api.refresh(t)
	if got := DomainRecords.Of(s)["example.com"]; !maps.Equal(got, map[string]int{"NS": 450}) {
		t.Errorf("records of example.com: %v, want 450 NS", got)
	}
	if n := api.CountRoute("GET", recordsRoute); n != 3 {
		t.Errorf("%d requests for the records, want 3 pages", n)
	}
}

// TestZoneDeletedSinceTheListIsSkipped: a zone the domain list named but
// that is gone when its records are read (404) is left out, and the others
// are read.
func TestZoneDeletedSinceTheListIsSkipped(t *testing.T) {
	api := newTestAPI(t, fakeapi.Demo())
	listed := api.refresh(t)
	if len(Domains.Of(listed)) != 2 {
		t.Fatalf("%d demo zones, want 2", len(Domains.Of(listed)))
	}
	gone := Domains.Of(listed)[0].Name
	api.Update(func(a *fakeapi.Account) {
		a.Lists[fakeapi.Domains] = a.Lists[fakeapi.Domains][1:]
		delete(a.ByID[fakeapi.DomainRecords], gone)
	})
	if err := api.refresher.refresh(context.Background(), resourceOf(KindDomainRecords)); err != nil {
		t.Fatalf("records refresh: %v", err)
	}
	s := api.refresher.Snapshot()
	records := DomainRecords.Of(s)
	if _, ok := records[gone]; ok || len(records) != 1 || !s.Status[KindDomainRecords].Succeeded() {
		t.Errorf("records of %v (status %+v), want only the remaining zone", records, s.Status[KindDomainRecords])
	}
	if got := s.API.Requests[RequestKey{recordsRoute, "404"}]; got != 1 {
		t.Errorf("%d 404 answers for records, want the deleted zone's one", got)
	}
}

func TestDomainRecordsFailAlone(t *testing.T) {
	api := newTestAPI(t, fakeapi.Demo())
	good := api.refresh(t)
	api.SetFault(recordsRoute, fakeapi.Fault{Status: 500})
	s := api.refresh(t)
	if st := s.Status[KindDomainRecords]; st.Reason != ReasonServerError || st.LastSuccess != good.Status[KindDomainRecords].LastSuccess {
		t.Errorf("records: %+v, want server_error and the last good ones kept", st)
	}
	if len(DomainRecords.Of(s)) != 2 {
		t.Errorf("the last good records were dropped: %v", DomainRecords.Of(s))
	}
	for kind, st := range s.Status {
		if kind != KindDomainRecords && !st.Succeeded() {
			t.Errorf("%s failed with the records: %+v", kind, st)
		}
	}
}

// TestDomainAnswersThatLackTheirList: the domains and records are decoded
// by our own pager, which refuses what godo's would.
func TestDomainAnswersThatLackTheirList(t *testing.T) {
	for _, tc := range []struct{ route, body string }{
		{"/v2/domains", `{}`},
		{"/v2/domains", `{"domains":[]}`},
		{"/v2/domains", `{"domains":[{"name":7}],"meta":{"total":1}}`},
		{"/v2/domains", `{"domains":[],"meta":"none"}`},
		{recordsRoute, `{"domain_records":null}`},
		{recordsRoute, `{"links":{},"meta":{"total":0}}`},
	} {
		api := newTestAPI(t, fakeapi.Examples())
		good := api.refresh(t)
		api.SetFault(tc.route, fakeapi.Fault{Body: tc.body})
		s := api.refresh(t)
		kind := map[string]string{"/v2/domains": KindDomains, recordsRoute: KindDomainRecords}[tc.route]
		if st := s.Status[kind]; st.Reason != ReasonDecode {
			t.Errorf("%s answering %s: %+v, want a decode failure", tc.route, tc.body, st)
		}
		if len(Domains.Of(s)) != 1 || !maps.Equal(DomainRecords.Of(s)["example.com"], DomainRecords.Of(good)["example.com"]) {
			t.Errorf("%s answering %s changed the lists", tc.route, tc.body)
		}
	}
}
