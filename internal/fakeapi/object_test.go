package fakeapi

import (
	"net/http"
	"testing"
)

// TestObjectRoutes serves a single object as the API does, and 404 when
// there is none; a list of a parent serves one object per parent.
func TestObjectRoutes(t *testing.T) {
	saved := lists
	t.Cleanup(func() { lists = saved })
	lists = append(lists,
		list{name: "subscription", path: "/v2/test/subscription", key: "subscription", object: true},
		list{name: "state", path: "/v2/test/checks/{id}/state", key: "state", object: true, parent: Droplets})
	acct := Examples()
	acct.Lists["subscription"] = []map[string]any{{"tier": "basic"}}
	acct.ByID["state"] = map[string][]map[string]any{"3164444": {{"up": true}}}
	s := newTestServer(t, acct)
	for path, want := range map[string]string{
		"/v2/test/subscription":            `{"subscription":{"tier":"basic"}}`,
		"/v2/test/checks/3164444/state":    `{"state":{"up":true}}`,
		"/v2/test/checks/3164459/state":    "", // listed, but no state: not found
		"/v2/test/checks/no-such-id/state": "",
	} {
		r := get(t, s, path)
		if want == "" {
			wantError(t, r, http.StatusNotFound, "not_found")
		} else if string(r.body) != want {
			t.Errorf("%s: %d %s, want %s", path, r.status, r.body, want)
		}
	}
}
