package inventory

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/go-kit/log"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testlog"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testnet"
)

// TestARefresherCannotReachTheRealAPI: the exporter's own client, handed
// the real API's URL (--digitalocean.api-url's default), is refused before
// anything is looked up or dialled, since the tests' clients reach
// loopback only; the refresh fails as a network error that says why.
func TestARefresherCannotReachTheRealAPI(t *testing.T) {
	if !testnet.Active() || testnet.IsLoopback("api.digitalocean.com:443") {
		t.Fatal("the loopback guard is not installed: this test would reach the real API")
	}
	logs := &testlog.Buffer{}
	r, err := NewRefresher(Options{
		Account: "default",
		Client: ClientOptions{BaseURL: "https://api.digitalocean.com", Token: func() string { return testToken },
			Timeout: 5 * time.Second, Retry: testRetry},
		Kinds:    []string{KindAccount},
		Interval: time.Minute,
		Logger:   log.NewLogfmtLogger(logs),
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	r.Refresh(ctx)
	if st := r.Snapshot().Status[KindAccount]; st.Reason != ReasonNetwork {
		t.Errorf("the account's refresh: %+v, want a network failure", st)
	}
	if !strings.Contains(logs.String(), testnet.ErrOffMachine.Error()) {
		t.Errorf("the log does not say the tests dial loopback only:\n%s", logs)
	}
}
