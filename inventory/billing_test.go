package inventory

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/digitalocean/godo"
	"github.com/go-kit/log"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

func TestMapBalanceFromExample(t *testing.T) {
	var b godo.Balance
	decodeExample(t, "balance.json", &b)
	got := mapBalance(&b)
	want := Balance{
		MonthToDateUsage: Amount{11.21, true}, AccountBalance: Amount{12.23, true}, MonthToDateBalance: Amount{23.44, true},
		GeneratedAt: time.Date(2019, 7, 9, 15, 1, 12, 0, time.UTC),
	}
	if got != want {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	b.AccountBalance = "12,23"
	if got := mapBalance(&b); got.AccountBalance.Known || !got.MonthToDateUsage.Known {
		t.Errorf("a malformed account balance: %+v, want it unknown and the others kept", got)
	}
}

func TestForecastMonth(t *testing.T) {
	at := func(month time.Month, day, hour int) time.Time {
		return time.Date(2024, month, day, hour, 0, 0, 0, time.UTC)
	}
	for _, tc := range []struct {
		usage float64
		at    time.Time
		want  float64
		ok    bool
	}{
		{100, at(time.July, 11, 0), 310, true},      // 10 of 31 days
		{100, at(time.June, 11, 0), 300, true},      // 10 of 30 days
		{100, at(time.February, 11, 0), 290, true},  // 10 of 29 days, a leap year
		{100, at(time.February, 15, 12), 200, true}, // half of February
		{50, at(time.March, 2, 0), 50 * 31, true},   // one day passed: just enough
		{50, at(time.March, 1, 23), 0, false},       // less than a day of the month
		{0, at(time.March, 20, 0), 0, true},         // nothing used
	} {
		b := Balance{MonthToDateUsage: Amount{tc.usage, true}, GeneratedAt: tc.at}
		if got, ok := b.ForecastMonth(time.Time{}); ok != tc.ok || fmt.Sprintf("%.6f", got) != fmt.Sprintf("%.6f", tc.want) {
			t.Errorf("%v used as of %s: forecast %v, %v; want %v, %v", tc.usage, tc.at, got, ok, tc.want, tc.ok)
		}
	}
	listed := time.Date(2024, time.May, 1, 1, 0, 0, 0, time.FixedZone("UTC+2", 2*3600)) // 30 April 23:00 UTC
	b := Balance{MonthToDateUsage: Amount{719, true}}
	if got, ok := b.ForecastMonth(listed); !ok || fmt.Sprintf("%.2f", got) != "720.00" {
		t.Errorf("without generated_at, as of the listing, in April UTC: %v, %v; want 720 (719 hours of 720)", got, ok)
	}
	if _, ok := (&Balance{GeneratedAt: at(time.May, 20, 0)}).ForecastMonth(time.Time{}); ok {
		t.Error("a forecast without a usage")
	}
}

// TestMonthSoFarStaysWithinTheAPIsRange: every day of four years, in any
// time zone, asks for its own month in UTC, from the first to today, never
// more than the API allows.
func TestMonthSoFarStaysWithinTheAPIsRange(t *testing.T) {
	zone := time.FixedZone("UTC-10", -10*3600)
	for d := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2028; d = d.Add(7 * time.Hour) {
		start, end := monthSoFar(d.In(zone))
		switch {
		case start.Day() != 1 || start.Month() != d.Month() || start.Year() != d.Year():
			t.Fatalf("%s: starts %s", d, start)
		case end.Day() != d.Day() || end.Month() != d.Month() || end.Hour() != 0:
			t.Fatalf("%s: ends %s", d, end)
		case end.Sub(start) > 30*24*time.Hour || end.Before(start):
			t.Fatalf("%s: %s to %s is more than the API's 31 days", d, start, end)
		}
	}
}

func TestMapInsightsFromExample(t *testing.T) {
	var body struct {
		DataPoints []dataPoint `json:"data_points"`
	}
	decodeExample(t, "billing_insights.json", &body)
	m := newBilledMonth("do:team:x", time.Time{}, time.Time{}, time.Time{}, billedDays(body.DataPoints))
	if m.DataPoints != 2 || len(m.BySKU) != 2 || m.BySKU[SKURegion{"1-DO-DROP-0109", "nyc3"}] != 0.86 ||
		m.BySKU[SKURegion{"1-KS-K8SWN-00109", "nyc3"}] != 2.57 {
		t.Errorf("by SKU: %v", m.BySKU)
	}
	if len(m.ByGroup) != 1 || m.ByGroup["kubernetes cluster name"] != 2.57 {
		t.Errorf("by group: %v; the droplet is in no group", m.ByGroup)
	}
}

// TestUnreadableAmountMakesItsSeriesUnknown: a data point whose amount is
// not a decimal string leaves its SKU and region, and its group, out,
// rather than giving a smaller sum.
func TestUnreadableAmountMakesItsSeriesUnknown(t *testing.T) {
	m := newBilledMonth("", time.Time{}, time.Time{}, time.Time{}, billedDays([]dataPoint{
		{Amount: "1.00", SKU: "a", Region: "nyc1", Group: "g1"},
		{Amount: "n/a", SKU: "a", Region: "nyc1", Group: "g2"},
		{Amount: "2.50", SKU: "a", Region: "fra1", Group: "g2"},
		{Amount: "0.25", SKU: "b", Region: "nyc1"},
	}))
	if len(m.BySKU) != 2 || m.BySKU[SKURegion{"a", "fra1"}] != 2.5 || m.BySKU[SKURegion{"b", "nyc1"}] != 0.25 {
		t.Errorf("by SKU: %v", m.BySKU)
	}
	if len(m.ByGroup) != 1 || m.ByGroup["g1"] != 1 {
		t.Errorf("by group: %v", m.ByGroup)
	}
}

// getRaw is the body of the fake's answer to target, asked as the exporter asks.
func getRaw(t *testing.T, api *testAPI, target string) []byte {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, api.URL+target, nil)
	req.Header.Set("Authorization", "Bearer "+testToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: %d %v", target, resp.StatusCode, err)
	}
	return body
}

// insightsRequests are the billing insights requests the fake received.
func insightsRequests(api *testAPI) []fakeapi.Request {
	var out []fakeapi.Request
	for _, r := range api.Requests() {
		if strings.Contains(r.Path, "/insights/") {
			out = append(out, r)
		}
	}
	return out
}

// TestInsightsOfTheMonthSoFar reads the demo's month page by page, for the
// account's team, and sums it as the fake's own data points add up.
func TestInsightsOfTheMonthSoFar(t *testing.T) {
	api := newTestAPI(t, fakeapi.Demo())
	s := api.refresh(t)
	if !s.Status[KindBillingInsights].Succeeded() || !s.Status[KindBalance].Succeeded() {
		t.Fatalf("insights %+v, balance %+v", s.Status[KindBillingInsights], s.Status[KindBalance])
	}
	m := BillingInsights.One(s)
	start, end := monthSoFar(time.Now())
	if m.URN != "do:team:"+s.Info().TeamUUID || !m.Start.Equal(start) || !m.End.Equal(end) {
		t.Errorf("read %s from %s to %s", m.URN, m.Start, m.End)
	}
	requests := insightsRequests(api)
	var total, sum float64
	for i, r := range requests {
		body := getRaw(t, api, r.Path+"?"+r.RawQuery)
		var page struct {
			DataPoints []dataPoint `json:"data_points"`
			TotalPages int         `json:"total_pages"`
		}
		if err := json.Unmarshal(body, &page); err != nil {
			t.Fatal(err)
		}
		if page.TotalPages != len(requests) || !strings.Contains(r.RawQuery, fmt.Sprintf("page=%d&", i+1)) {
			t.Errorf("request %d: %s?%s of %d pages", i, r.Path, r.RawQuery, page.TotalPages)
		}
		for _, p := range page.DataPoints {
			amount, _ := parseDollars(p.Amount)
			total += amount
		}
	}
	for _, v := range m.BySKU {
		sum += v
	}
	if fmt.Sprintf("%.2f", sum) != fmt.Sprintf("%.2f", total) || total == 0 {
		t.Errorf("the month sums to %.2f, the API's data points to %.2f", sum, total)
	}
}

func TestInsightsOfAnOrganization(t *testing.T) {
	api := newTestAPIWith(t, fakeapi.Examples(), ListedKinds(), Settings{OrganizationUUID: "6a1b2c3d-0000-4000-8000-000000000001"})
	s := api.refresh(t)
	if m := BillingInsights.One(s); m == nil || m.URN != "do:teamgroup:6a1b2c3d-0000-4000-8000-000000000001" {
		t.Fatalf("insights %+v, %+v", m, s.Status[KindBillingInsights])
	}
	for _, r := range insightsRequests(api) {
		if !strings.HasPrefix(r.Path, "/v2/billing/do:teamgroup:6a1b2c3d-0000-4000-8000-000000000001/insights/") {
			t.Errorf("asked %s", r.Path)
		}
	}
}

func TestInsightsOfAnAccountWithoutTeam(t *testing.T) {
	acct := fakeapi.Examples()
	delete(acct.Info, "team")
	api := newTestAPI(t, acct)
	s := api.refresh(t)
	if st := s.Status[KindBillingInsights]; st.Succeeded() || len(insightsRequests(api)) != 0 {
		t.Errorf("insights of no team: %+v", st)
	}
	if !strings.Contains(api.logs.String(), "organization_uuid") {
		t.Errorf("the log does not say what to do:\n%s", api.logs)
	}
}

// TestWithoutBillingScope: a token without billing:read loses the balance
// and the insights, says once which scope is missing, and keeps the price
// lists.
func TestWithoutBillingScope(t *testing.T) {
	api := newTestAPI(t, fakeapi.Examples())
	api.SetFault("/v2/customers/my/balance", fakeapi.Fault{Status: 403})
	api.SetFault("/v2/billing/{id}/insights/{start_date}/{end_date}", fakeapi.Fault{Status: 403})
	api.refresh(t)
	s := api.refresh(t)
	for _, kind := range Kinds() {
		st := s.Status[kind]
		billing := kind == KindBalance || kind == KindBillingInsights
		if billing && st.Reason != ReasonForbidden || !billing && !st.Succeeded() {
			t.Errorf("%s: %+v", kind, st)
		}
	}
	if len(ListPrices(s)[KindDroplets]) == 0 || len(AppInstanceSizes.Of(s)) == 0 {
		t.Error("the list prices went with the billing scope")
	}
	logs := api.logs.String()
	if n := countLines(logs, "missing_scope="); n != 1 || countLines(logs, "missing_scope=billing:read") != 1 {
		t.Errorf("%d lines name a missing scope, want one naming billing:read:\n%s", n, logs)
	}
}

// TestInsightsReadAgainOnlyTheLastDays: a refresh reads again only the
// days from the one before the last read's last day, and sums the same as
// a reading of the whole month;
// the whole month is read again a day later, and at a new month.
func TestInsightsReadAgainOnlyTheLastDays(t *testing.T) {
	var now atomic.Pointer[time.Time]
	clock := func() time.Time { return *now.Load() }
	set := func(at time.Time) { now.Store(&at) }
	set(time.Date(2026, time.March, 10, 12, 0, 0, 0, time.UTC))
	api, err := fakeapi.NewServer(testToken, fakeapi.Demo())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(api.Close)
	api.SetClock(clock)
	refresher := func() *Refresher {
		r, err := NewRefresher(Options{
			Account: "default", Kinds: []string{KindBillingInsights}, Interval: time.Minute, Logger: log.NewNopLogger(), Now: clock,
			Client: ClientOptions{BaseURL: api.URL, Token: func() string { return testToken }, Timeout: 5 * time.Second},
		})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	refresh := func(r *Refresher) *BilledMonth {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		r.Refresh(ctx)
		if st := r.Snapshot().Status[KindBillingInsights]; !st.Succeeded() {
			t.Fatalf("insights: %+v", st)
		}
		return BillingInsights.One(r.Snapshot())
	}
	r := refresher()
	for _, step := range []struct {
		at    time.Time
		asked string // the range of every request
	}{
		{time.Date(2026, time.March, 10, 12, 0, 0, 0, time.UTC), "2026-03-01/2026-03-10"},
		{time.Date(2026, time.March, 10, 18, 0, 0, 0, time.UTC), "2026-03-09/2026-03-10"},
		{time.Date(2026, time.March, 11, 6, 0, 0, 0, time.UTC), "2026-03-09/2026-03-11"},  // from the day before the last read's last
		{time.Date(2026, time.March, 11, 12, 0, 0, 0, time.UTC), "2026-03-01/2026-03-11"}, // a day after the whole month was read
		{time.Date(2026, time.March, 11, 13, 0, 0, 0, time.UTC), "2026-03-10/2026-03-11"},
		{time.Date(2026, time.April, 1, 1, 0, 0, 0, time.UTC), "2026-04-01/2026-04-01"}, // a new month
		{time.Date(2026, time.April, 1, 2, 0, 0, 0, time.UTC), "2026-04-01/2026-04-01"},
	} {
		set(step.at)
		api.ResetCounts()
		got := refresh(r)
		for _, req := range insightsRequests(&testAPI{Server: api}) {
			if !strings.HasSuffix(req.Path, "/insights/"+step.asked) {
				t.Errorf("at %s: asked %s, want %s", step.at, req.Path, step.asked)
			}
		}
		whole := refresh(refresher())
		if fmt.Sprint(got.BySKU) != fmt.Sprint(whole.BySKU) || fmt.Sprint(got.ByGroup) != fmt.Sprint(whole.ByGroup) ||
			got.DataPoints != whole.DataPoints || len(got.BySKU) == 0 {
			t.Errorf("at %s: %d data points summed as %v,\nthe whole month read at once %d as %v",
				step.at, got.DataPoints, got.BySKU, whole.DataPoints, whole.BySKU)
		}
	}
}
