package main

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
	"github.com/digitalocean-exporter/digitalocean_exporter/web"
)

// TestServerCutsOffClientsThatHoldOn serves a large scrape with one slot
// (--web.max-requests=1) through newServer, with short timeouts: a client
// that connects and sends nothing, one that asks and never reads, and one
// that stays idle are each cut off, and the others are served meanwhile
// and after.
func TestServerCutsOffClientsThatHoldOn(t *testing.T) {
	reg := prometheus.NewRegistry()
	blob := &blobCollector{desc: prometheus.NewDesc("blob", "A series as large as asked.", []string{"blob"}, nil),
		gathered: make(chan struct{}, 1)}
	reg.MustRegister(blob)
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{MaxRequestsInFlight: 1}))
	mux.Handle("/-/healthy", web.Healthy())
	server := newServer(mux, nil, timeouts{readHeader: 200 * time.Millisecond, read: time.Second,
		write: 5 * time.Second, idle: 500 * time.Millisecond})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go server.Serve(l)
	t.Cleanup(func() { server.Close() })
	base := "http://" + l.Addr().String()
	status := func(path string) int { // 0 when no whole answer came
		resp, err := testtool.Client.Get(base + path)
		if err != nil {
			return 0
		}
		defer resp.Body.Close()
		if _, err := io.Copy(io.Discard, resp.Body); err != nil {
			return 0
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

	// About 16 MB of exposition for the client that does not read: far more
	// than the kernel buffers between it and the server (about 4 MB here).
	blob.large.Store(true)
	stuck := dial()
	if _, err := io.WriteString(stuck, "GET /metrics HTTP/1.1\r\nHost: exporter\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	select {
	case <-blob.gathered: // the client that does not read holds the one slot
	case <-time.After(30 * time.Second):
		t.Fatal("the scrape of the client that does not read was never gathered")
	}
	blob.large.Store(false) // the next scrapes are small: quick, however loaded the machine
	if code := status("/metrics"); code != http.StatusServiceUnavailable {
		t.Errorf("a scrape while the one slot is held: %d, want 503", code)
	}
	testtool.Eventually(t, "the slot to be free again", func() bool { return status("/metrics") == http.StatusOK })
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

// blobCollector sends one series whose label is 16 MB while large is set,
// and then tells gathered.
type blobCollector struct {
	desc     *prometheus.Desc
	large    atomic.Bool
	gathered chan struct{}
}

func (c *blobCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

func (c *blobCollector) Collect(ch chan<- prometheus.Metric) {
	if !c.large.Load() {
		ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, 1, "x")
		return
	}
	ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, 1, strings.Repeat("x", 16<<20))
	select {
	case c.gathered <- struct{}{}:
	default:
	}
}

// readerConn reads through a bufio.Reader that already holds some of conn.
type readerConn struct {
	*bufio.Reader
	net.Conn
}

func (c readerConn) Read(p []byte) (int, error) { return c.Reader.Read(p) }
