package testtool

import (
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// LeakyToken is a token distinctive enough that finding it anywhere is a leak.
const LeakyToken = "dop_v1_LEAK_CANARY_5f1d2c3b4a5968778695a4b3c2d1e0f9"

// Client is how tests talk to the servers they start: no request of theirs
// waits longer than this for an answer.
var Client = &http.Client{Timeout: 30 * time.Second}

// WaitLimit bounds every wait of Eventually: long enough for a loaded
// machine, short enough that a hung test says what it waited for.
const WaitLimit = 30 * time.Second

// Poll calls cond every interval until it holds, for limit at most, and
// tells whether it held. The last call comes after the limit, so a slow
// machine gets its full limit.
func Poll(limit, interval time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(interval)
	}
	return true
}

// Eventually waits until cond holds, for WaitLimit at most, or fails the
// test naming what it waited for.
func Eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	if !Poll(WaitLimit, 20*time.Millisecond, cond) {
		t.Fatalf("waited %s for %s", WaitLimit, what)
	}
}

// FreeAddress is a 127.0.0.1 address whose port was free a moment ago.
func FreeAddress(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// FakeAPI serves acct to token on 127.0.0.1 until the test ends.
func FakeAPI(t testing.TB, token string, acct fakeapi.Account) *fakeapi.Server {
	t.Helper()
	api, err := fakeapi.NewServer(token, acct)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(api.Close)
	return api
}
