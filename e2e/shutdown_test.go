package e2e

import (
	"net/http"
	"syscall"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// TestShutdownCancelsRequestsInFlight sends SIGTERM, as systemd or
// Kubernetes do, while every API request hangs: the exporter exits cleanly
// at once instead of waiting a minute for the requests' deadline.
func TestShutdownCancelsRequestsInFlight(t *testing.T) {
	t.Parallel()
	api := testtool.FakeAPI(t, leakyToken, fakeapi.Examples())
	api.SetFault("*", fakeapi.Fault{Hang: true})
	e := startExporter(t, map[string]string{"DIGITALOCEAN_TOKEN": leakyToken},
		"--digitalocean.api-url="+api.URL, "--digitalocean.timeout=1m")
	testtool.Eventually(t, "three hung requests", func() bool { return len(api.Requests()) >= 3 })
	e.signal(t, syscall.SIGTERM)
	switch code, exited := e.exitCode(15 * time.Second); {
	case !exited:
		t.Fatal("still running 15s after SIGTERM, with requests hanging for 1m")
	case code != 0:
		t.Errorf("exit code %d after a clean shutdown", code)
	}
	for _, req := range api.Requests() {
		if req.Status == http.StatusOK {
			t.Errorf("%s was answered although every request hung", req.Path)
		}
	}
}
