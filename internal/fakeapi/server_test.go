package fakeapi

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/digitalocean/godo"
)

func TestAccount(t *testing.T) {
	s := newTestServer(t, Examples())
	acct, _, err := newGodo(t, s).Account.Get(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if acct.Email != "sammy@digitalocean.com" || acct.Team == nil || acct.Team.Name != "My Team" {
		t.Errorf("account %+v", acct)
	}
}

func TestTokenIsRequired(t *testing.T) {
	s := newTestServer(t, Examples())
	for name, token := range map[string]string{"none": "", "wrong": "dop_v1_wrong"} {
		t.Run(name, func(t *testing.T) {
			r := do(t, s, http.MethodGet, "/v2/droplets", token)
			wantError(t, r, http.StatusUnauthorized, "unauthorized")
		})
	}
	s.SetToken("dop_v1_new")
	if r := get(t, s, "/v2/account"); r.status != http.StatusUnauthorized {
		t.Errorf("old token after SetToken: %d, want 401", r.status)
	}
	if r := do(t, s, http.MethodGet, "/v2/account", "dop_v1_new"); r.status != http.StatusOK {
		t.Errorf("new token: %d, want 200", r.status)
	}
}

func TestUnknownPathIsNotFound(t *testing.T) {
	s := newTestServer(t, Examples())
	for _, path := range []string{"/v2/no_such_list", "/v2/droplets/3164444", "/", "/v2/apps/"} {
		wantError(t, get(t, s, path), http.StatusNotFound, "not_found")
	}
}

// TestOnlyReadingMethodsAreServed: a writing method is refused, and still
// recorded so tests can prove none was sent.
func TestOnlyReadingMethodsAreServed(t *testing.T) {
	s := newTestServer(t, Examples())
	s.SetClock(func() time.Time { return at })
	for _, method := range []string{http.MethodPost, http.MethodDelete, http.MethodPut, http.MethodPatch} {
		r := do(t, s, method, "/v2/droplets", testToken)
		wantError(t, r, http.StatusMethodNotAllowed, "method_not_allowed")
	}
	if r := do(t, s, http.MethodHead, "/v2/droplets", testToken); r.status != http.StatusOK || len(r.body) != 0 {
		t.Errorf("HEAD: %d with %d bytes, want 200 without a body", r.status, len(r.body))
	}
	get(t, s, "/v2/droplets")
	for method, want := range map[string]int{"POST": 1, "DELETE": 1, "PUT": 1, "PATCH": 1, "HEAD": 1, "GET": 1, "": 6} {
		if got := s.Count(method, "/v2/droplets"); got != want {
			t.Errorf("Count(%q): %d, want %d", method, got, want)
		}
	}
	reqs := s.Requests()
	if len(reqs) != 6 || reqs[0] != (Request{Method: "POST", Path: "/v2/droplets", Status: 405, At: at}) {
		t.Errorf("requests: %+v", reqs)
	}
}

func TestRequestsRecordQueryAndStatus(t *testing.T) {
	s := newTestServer(t, Examples())
	s.SetClock(func() time.Time { return at })
	get(t, s, "/v2/apps?page=2&per_page=200")
	do(t, s, http.MethodGet, "/v2/apps", "dop_v1_wrong")
	want := []Request{
		{Method: "GET", Path: "/v2/apps", RawQuery: "page=2&per_page=200", Status: 200, At: at},
		{Method: "GET", Path: "/v2/apps", Status: 401, At: at},
	}
	if got := s.Requests(); len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("requests %+v\nwant %+v", got, want)
	}
	s.ResetCounts()
	if len(s.Requests()) != 0 || s.Count("", "/v2/apps") != 0 {
		t.Error("ResetCounts kept requests")
	}
}

func TestRateLimitHeadersCountDown(t *testing.T) {
	s := newTestServer(t, Examples())
	start := time.Now()
	for i, target := range []string{"/v2/account", "/v2/nothing", "/v2/droplets?page=0"} {
		r := get(t, s, target)
		remaining, _ := strconv.Atoi(r.header.Get("ratelimit-remaining"))
		reset, _ := strconv.ParseInt(r.header.Get("ratelimit-reset"), 10, 64)
		if r.header.Get("ratelimit-limit") != "5000" || remaining != 4999-i {
			t.Errorf("%s: limit %q remaining %d, want 5000 and %d", target, r.header.Get("ratelimit-limit"), remaining, 4999-i)
		}
		if oldest := start.Add(time.Hour).Unix(); reset < oldest-1 || reset > oldest+1 {
			t.Errorf("%s: reset %d, want about %d, when the first request leaves the window", target, reset, oldest)
		}
	}
	_, resp, err := newGodo(t, s).Droplets.List(context.Background(), nil)
	if err != nil || resp.Rate.Limit != 5000 || resp.Rate.Remaining != 4996 {
		t.Errorf("godo read rate %+v (%v)", resp.Rate, err)
	}
}

func TestRateLimitWindowSlides(t *testing.T) {
	s := newTestServer(t, Examples())
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	s.now = func() time.Time { return now }
	get(t, s, "/v2/account")
	now = now.Add(30 * time.Minute)
	r := get(t, s, "/v2/account")
	if r.header.Get("ratelimit-remaining") != "4998" || r.header.Get("ratelimit-reset") != strconv.FormatInt(now.Add(30*time.Minute).Unix(), 10) {
		t.Errorf("half an hour in: remaining %s reset %s", r.header.Get("ratelimit-remaining"), r.header.Get("ratelimit-reset"))
	}
	now = now.Add(45 * time.Minute)
	r = get(t, s, "/v2/account")
	if r.header.Get("ratelimit-remaining") != "4998" || r.header.Get("ratelimit-reset") != strconv.FormatInt(now.Add(-45*time.Minute+time.Hour).Unix(), 10) {
		t.Errorf("after the first left the window: remaining %s reset %s", r.header.Get("ratelimit-remaining"), r.header.Get("ratelimit-reset"))
	}
}

func TestRateLimitRemainingStopsAtZero(t *testing.T) {
	var c rateCounter
	now := time.Now()
	var r rate
	for range defaultRateLimit + 10 {
		r = c.add(now)
	}
	if r.remaining != 0 {
		t.Errorf("remaining %d after %d requests, want 0", r.remaining, defaultRateLimit+10)
	}
}

func TestUpdateChangesWhatIsServed(t *testing.T) {
	s := newTestServer(t, Examples())
	s.Update(func(a *Account) {
		a.Lists[Droplets] = a.Lists[Droplets][1:]
		a.Lists[Databases][0]["status"] = "resizing"
	})
	client := newGodo(t, s)
	droplets, _, err := client.Droplets.List(context.Background(), nil)
	if err != nil || len(droplets) != 2 || droplets[0].ID != 3164459 {
		t.Errorf("after update: %d droplets (%v)", len(droplets), err)
	}
	dbs, _, err := client.Databases.List(context.Background(), nil)
	if err != nil || dbs[0].Status != "resizing" {
		t.Errorf("database status not updated (%v)", err)
	}
	s.SetAccount(Account{})
	if droplets, _, _ := client.Droplets.List(context.Background(), nil); len(droplets) != 0 {
		t.Errorf("SetAccount(empty): %d droplets", len(droplets))
	}
}

// TestSetAccountKeepsNoReference: changing the maps afterwards changes
// nothing served.
func TestSetAccountKeepsNoReference(t *testing.T) {
	acct := Examples()
	s := newTestServer(t, acct)
	acct.Lists[Droplets][0]["name"] = "changed"
	s.Update(func(a *Account) { a.Lists[Droplets][0]["name"] = "changed too" })
	var body struct{ Droplets []map[string]any }
	json.Unmarshal(get(t, s, "/v2/droplets").body, &body)
	if body.Droplets[0]["name"] != "changed too" || acct.Lists[Droplets][0]["name"] != "changed" {
		t.Errorf("served %v", body.Droplets[0]["name"])
	}
}

func TestManyConcurrentClients(t *testing.T) {
	s := newTestServer(t, Demo())
	client := newGodo(t, s)
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			for range 10 {
				if _, _, err := client.Droplets.List(context.Background(), &godo.ListOptions{PerPage: 200}); err != nil {
					t.Error(err)
				}
			}
		})
		if i%4 == 0 {
			wg.Go(func() {
				s.Update(func(a *Account) { a.Lists[Droplets][0]["status"] = "off" })
				s.SetFault("/v2/apps", Fault{Status: 500, Times: 1})
				s.Requests()
				s.ClearFaults()
			})
		}
	}
	wg.Wait()
	if n := s.Count("GET", "/v2/droplets"); n != 160 {
		t.Errorf("%d droplet requests recorded, want 160", n)
	}
}

func TestAddAccountServesAnotherTokenItsOwnContent(t *testing.T) {
	s, err := NewServer("main-token", Examples())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	other := Examples()
	other.Lists[Droplets] = other.Lists[Droplets][:1]
	s.AddAccount("other-token", other)
	for token, want := range map[string]int{"main-token": 3, "other-token": 1} {
		req, _ := http.NewRequest(http.MethodGet, s.URL+"/v2/droplets", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var body struct{ Droplets []map[string]any }
		json.NewDecoder(resp.Body).Decode(&body)
		resp.Body.Close()
		if len(body.Droplets) != want {
			t.Errorf("%s: %d droplets, want %d", token, len(body.Droplets), want)
		}
	}
}
