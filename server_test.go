package main

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/digitalocean-exporter/digitalocean_exporter/web"
)

// TestServerCutsOffClientsThatHoldOn serves a large scrape with one slot
// (--web.max-requests=1) through newServer, with short timeouts: a client
// that connects and sends nothing, one that asks and never reads, and one
// that stays idle are each cut off, and the others are served meanwhile
// and after.
func TestServerCutsOffClientsThatHoldOn(t *testing.T) {
	reg := prometheus.NewRegistry()
	// About 16 MB of exposition: far more than the kernel buffers between
	// a server and a client that does not read (about 4 MB here).
	reg.MustRegister(prometheus.NewGauge(prometheus.GaugeOpts{Name: "large", Help: "A large series.",
		ConstLabels: prometheus.Labels{"blob": strings.Repeat("x", 16<<20)}}))
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{MaxRequestsInFlight: 1}))
	mux.Handle("/-/healthy", web.Healthy())
	server := newServer(mux, nil, timeouts{readHeader: 200 * time.Millisecond, read: time.Second,
		write: 2 * time.Second, idle: 500 * time.Millisecond})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go server.Serve(l)
	t.Cleanup(func() { server.Close() })
	base := "http://" + l.Addr().String()
	status := func(path string) int {
		resp, err := testClient.Get(base + path)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer resp.Body.Close()
		if _, err := io.Copy(io.Discard, resp.Body); err != nil {
			t.Fatalf("GET %s: reading: %v", path, err)
		}
		return resp.StatusCode
	}
	dial := func() net.Conn {
		conn, err := net.Dial("tcp", l.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		return conn
	}

	silent := dial()
	if code := status("/-/healthy"); code != http.StatusOK {
		t.Errorf("/-/healthy answered %d while a client sat silent", code)
	}
	expectCutOff(t, "a client that sends nothing", silent)

	stuck := dial()
	if _, err := io.WriteString(stuck, "GET /metrics HTTP/1.1\r\nHost: exporter\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the client that does not read to hold the one slot", func() bool {
		return status("/metrics") == http.StatusServiceUnavailable
	})
	eventually(t, "the slot to be free again", func() bool { return status("/metrics") == http.StatusOK })
	expectCutOff(t, "a client that does not read", stuck)

	idle := dial()
	if _, err := io.WriteString(idle, "GET /-/healthy HTTP/1.1\r\nHost: exporter\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	reader := bufio.NewReader(idle)
	resp, err := http.ReadResponse(reader, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	expectCutOff(t, "an idle kept-alive connection", readerConn{reader, idle})
}

// expectCutOff reads what the server still sends until it closes the
// connection; the test's own deadline is far beyond the server's timeouts.
func expectCutOff(t *testing.T, who string, conn interface {
	io.Reader
	SetReadDeadline(time.Time) error
}) {
	t.Helper()
	conn.SetReadDeadline(time.Now().Add(30 * time.Second))
	_, err := io.Copy(io.Discard, conn)
	var netErr net.Error
	if errors.As(err, &netErr) && netErr.Timeout() {
		t.Errorf("%s was not cut off by the server", who)
	}
}

// readerConn reads through a bufio.Reader that already holds some of conn.
type readerConn struct {
	*bufio.Reader
	net.Conn
}

func (c readerConn) Read(p []byte) (int, error) { return c.Reader.Read(p) }
