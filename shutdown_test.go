package main

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testlog"
)

// TestShutdownCancelsRequestsInFlight stops the exporter (as SIGTERM does,
// through main's signal context) while every API request hangs: it exits
// cleanly at once instead of waiting a minute for the requests' deadline.
func TestShutdownCancelsRequestsInFlight(t *testing.T) {
	api, err := fakeapi.NewServer(leakyToken, fakeapi.Examples())
	if err != nil {
		t.Fatal(err)
	}
	defer api.Close()
	api.SetFault("*", fakeapi.Fault{Hang: true})
	ctx, cancel := context.WithCancel(context.Background())
	exited := make(chan int, 1)
	logs := &testlog.Buffer{}
	args := []string{"--web.listen-address=" + freeAddress(t), "--digitalocean.api-url=" + api.URL, "--digitalocean.timeout=1m"}
	go func() {
		exited <- run(ctx, args, logs, func(k string) string { return map[string]string{"DIGITALOCEAN_TOKEN": leakyToken}[k] })
	}()
	eventually(t, "three hung requests", func() bool { return len(api.Requests()) >= 3 })
	cancel()
	select {
	case code := <-exited:
		if code != 0 {
			t.Errorf("exit code %d after a clean shutdown; log:\n%s", code, logs)
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("still running 15s after shutdown began, with requests hanging for 1m; log:\n%s", logs)
	}
	for _, req := range api.Requests() {
		if req.Status == http.StatusOK {
			t.Errorf("%s was answered although every request hung", req.Path)
		}
	}
}
