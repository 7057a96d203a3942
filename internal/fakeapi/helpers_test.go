package fakeapi

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/digitalocean/godo"
)

const testToken = "dop_v1_fakeapi_test_token"

func newTestServer(t testing.TB, acct Account) *Server {
	t.Helper()
	s, err := NewServer(testToken, acct)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

// bearer adds the token to every request, as the exporter's transport does.
type bearer struct {
	token string
}

func (b bearer) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+b.token)
	return http.DefaultTransport.RoundTrip(r)
}

// newGodo is a real godo client of s, without retries.
func newGodo(t testing.TB, s *Server) *godo.Client {
	t.Helper()
	c, err := godo.New(&http.Client{Transport: bearer{testToken}, Timeout: 10 * time.Second}, godo.SetBaseURL(s.URL))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// reply is one raw answer of the fake.
type reply struct {
	status int
	header http.Header
	body   []byte
}

// do sends one request with token ("" for none) to s.URL+target.
func do(t testing.TB, s *Server, method, target, token string) reply {
	t.Helper()
	req, err := http.NewRequest(method, s.URL+target, nil)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{resp.StatusCode, resp.Header, body}
}

func get(t testing.TB, s *Server, target string) reply {
	t.Helper()
	return do(t, s, http.MethodGet, target, testToken)
}

// apiErrorBody is the API's error body.
type apiErrorBody struct {
	ID        string `json:"id"`
	Message   string `json:"message"`
	RequestID string `json:"request_id"`
}

// wantError checks that r is the API's error answer with status and id.
func wantError(t *testing.T, r reply, status int, id string) {
	t.Helper()
	var body apiErrorBody
	if err := json.Unmarshal(r.body, &body); err != nil {
		t.Fatalf("error body %q: %v", r.body, err)
	}
	if r.status != status || body.ID != id || body.Message == "" {
		t.Errorf("got %d %+v, want %d with id %q and a message", r.status, body, status, id)
	}
	if body.RequestID == "" || body.RequestID != r.header.Get("x-request-id") {
		t.Errorf("request_id %q does not match the x-request-id header %q", body.RequestID, r.header.Get("x-request-id"))
	}
	if !strings.HasPrefix(r.header.Get("content-type"), "application/json") {
		t.Errorf("content-type %q", r.header.Get("content-type"))
	}
}

// listBody is a list answer, whichever key holds the items.
type listBody struct {
	Items []json.RawMessage
	Links *struct {
		Pages map[string]string `json:"pages"`
	} `json:"links"`
	Meta *struct {
		Total int `json:"total"`
	} `json:"meta"`
}

func decodeList(t *testing.T, key string, r reply) listBody {
	t.Helper()
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(r.body, &raw); err != nil {
		t.Fatalf("%d %q: %v", r.status, r.body, err)
	}
	var l listBody
	if err := json.Unmarshal(raw[key], &l.Items); err != nil || l.Items == nil {
		t.Fatalf("no list %q in %.200s: %v", key, r.body, err)
	}
	if err := json.Unmarshal(r.body, &l); err != nil {
		t.Fatal(err)
	}
	return l
}
