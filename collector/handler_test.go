package collector

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var everything = func(string) bool { return true }

// accepts are Accept headers that scrapers send.
var accepts = map[string]string{
	"Prometheus 3":         testtool.PrometheusAccept,
	"Prometheus 2":         "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1",
	"native histograms":    "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited,application/openmetrics-text;version=1.0.0;q=0.8,text/plain;version=0.0.4;q=0.5,*/*;q=0.1",
	"OpenMetrics 0.0.1":    "application/openmetrics-text",
	"text, escaped":        "text/plain;version=0.0.4;escaping=underscores",
	"protobuf text":        "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=text",
	"anything (curl)":      "*/*",
	"nothing (a browser?)": "",
}

// acceptEncodings are Accept-Encoding headers, gzip or not.
var acceptEncodings = []string{"gzip", "", "identity", "gzip;q=0", "*", "br, gzip;q=0.5, identity;q=0.8", "gzip, deflate, br, zstd", "zstd"}

// TestHandlerServesWhatPromhttpServes scrapes the exporter's handler and
// promhttp's (with ContinueOnError and the same formats, over the same
// collectors, gathered anew) with each header a scraper sends: the status,
// the headers and the bytes, once uncompressed, are the same, before and
// after the lists are cached, and each answer parses in its format.
// (expfmt's OpenMetrics parser takes seconds over the whole exposition, so
// it parses only the families picked by name[]; Prometheus parses the
// whole in TestPrometheusScrapesTheExporter.)
func TestHandlerServesWhatPromhttpServes(t *testing.T) {
	g := NewGatherer(refreshedSource(t, fakeapi.Demo()), everything)
	handler := g.Handler(HandlerOpts{})
	reference := promhttp.HandlerFor(g, promhttp.HandlerOpts{ErrorHandling: promhttp.ContinueOnError, AcceptedFormats: acceptedFormats})
	for _, path := range []string{"/metrics", "/metrics?name[]=digitalocean_up&name[]=digitalocean_droplets&name[]=go_goroutines"} {
		for client, accept := range accepts {
			for _, acceptEncoding := range acceptEncodings {
				t.Run(fmt.Sprintf("%s %s %q", path, client, acceptEncoding), func(t *testing.T) {
					want, wantBody := scrape(t, reference, path, accept, acceptEncoding)
					for _, cache := range []string{"first", "cached"} {
						got, body := scrape(t, handler, path, accept, acceptEncoding)
						for _, h := range []string{"Content-Type", "Content-Encoding", "Vary"} {
							if g, w := got.Header.Values(h), want.Header.Values(h); !slicesEqual(g, w) {
								t.Errorf("%s scrape: %s %q, promhttp %q", cache, h, g, w)
							}
						}
						if got.StatusCode != want.StatusCode || !bytes.Equal(body, wantBody) {
							t.Fatalf("%s scrape: %d, %d bytes; promhttp %d, %d bytes:\n%s", cache, got.StatusCode, len(body),
								want.StatusCode, len(wantBody), firstDifference(body, wantBody))
						}
					}
					if acceptEncoding == "gzip" && (path != "/metrics" || !isOpenMetrics(want.Header)) {
						if n := parse(t, want.Header, wantBody); n == 0 {
							t.Error("no families")
						}
					}
				})
			}
		}
	}
}

// scrape asks h for path and returns the response with its body, gunzipped
// when gzipped: a gzipped body must be one gzip member, for curl and
// browsers read no further than the first.
func scrape(t *testing.T, h http.Handler, path, accept, acceptEncoding string) (*http.Response, []byte) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Accept", accept)
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	resp := rec.Result()
	body := rec.Body.Bytes()
	if resp.Header.Get("Content-Encoding") != "gzip" {
		return resp, body
	}
	return resp, gunzipOneMember(t, body)
}

// parse decodes an exposition in the format its Content-Type names (expfmt
// has no decoder for protobuf text) and returns how many families it
// holds, or 0 when it does not parse. It reports with t.Errorf, so that
// scrapes on other goroutines may call it.
func parse(t *testing.T, h http.Header, body []byte) int {
	t.Helper()
	format := expfmt.Format(h.Get("Content-Type"))
	switch format.FormatType() {
	case expfmt.TypeProtoText:
		return strings.Count("\n"+string(body), "\nname:")
	case expfmt.TypeOpenMetrics:
		if !strings.HasSuffix(string(body), "\n# EOF\n") || strings.Count(string(body), "# EOF") != 1 {
			t.Errorf("an OpenMetrics exposition ends with one # EOF:\n%s", body)
			return 0
		}
	}
	dec := expfmt.NewDecoder(bytes.NewReader(body), format)
	for n := 0; ; n++ {
		var mf dto.MetricFamily
		if err := dec.Decode(&mf); errors.Is(err, io.EOF) {
			return n
		} else if err != nil {
			t.Errorf("decoding %s as %s: %v", body[:min(len(body), 200)], format, err)
			return 0
		}
	}
}

func isOpenMetrics(h http.Header) bool {
	return expfmt.Format(h.Get("Content-Type")).FormatType() == expfmt.TypeOpenMetrics
}

func slicesEqual(a, b []string) bool { return strings.Join(a, "\n") == strings.Join(b, "\n") }

// firstDifference shows where two expositions part.
func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-200)
	return fmt.Sprintf("got  ...%q\nwant ...%q", got[from:min(len(got), i+200)], want[from:min(len(want), i+200)])
}

// TestHandlerLimitsRequestsInFlight: beyond MaxRequestsInFlight, a scrape
// is answered 503 at once, as promhttp does.
func TestHandlerLimitsRequestsInFlight(t *testing.T) {
	blocking := &blockingCollector{entered: make(chan struct{}), release: make(chan struct{})}
	g := NewGatherer(refreshedSource(t, fakeapi.Examples()), everything, blocking)
	handler := g.Handler(HandlerOpts{MaxRequestsInFlight: 1})
	first := make(chan int)
	go func() {
		resp, _ := scrape(t, handler, "/metrics", testtool.PrometheusAccept, "gzip")
		first <- resp.StatusCode
	}()
	<-blocking.entered
	resp, body := scrape(t, handler, "/metrics", testtool.PrometheusAccept, "gzip")
	if want := "Limit of concurrent requests reached (1), try again later.\n"; resp.StatusCode != http.StatusServiceUnavailable || string(body) != want {
		t.Errorf("second scrape: %d %q, want 503 %q", resp.StatusCode, body, want)
	}
	close(blocking.release)
	if code := <-first; code != http.StatusOK {
		t.Errorf("first scrape: %d", code)
	}
}

// blockingCollector waits in Collect until released.
type blockingCollector struct {
	entered, release chan struct{}
	once             sync.Once
}

func (c *blockingCollector) Describe(chan<- *prometheus.Desc) {}
func (c *blockingCollector) Collect(chan<- prometheus.Metric) {
	c.once.Do(func() { close(c.entered) })
	<-c.release
}

// TestHandlerContinuesOnError: a collector that fails, or that collects a
// family a list's collector collects too, costs the scrape that family
// only; the error is logged and counted as promhttp counts it.
func TestHandlerContinuesOnError(t *testing.T) {
	failing := prometheus.NewDesc("test_failing", "A metric that fails.", nil, nil)
	clashing := prometheus.NewDesc("digitalocean_droplets", "A family a list's collector collects too.", nil, nil)
	extra := &funcCollector{collect: func(ch chan<- prometheus.Metric) {
		ch <- prometheus.NewInvalidMetric(failing, errors.New("no value"))
		ch <- prometheus.MustNewConstMetric(clashing, prometheus.GaugeValue, -1)
	}}
	var logged strings.Builder
	g := NewGatherer(refreshedSource(t, fakeapi.Examples()), everything, extra)
	handler := g.Handler(HandlerOpts{ErrorLog: printer{&logged}})

	resp, body := scrape(t, handler, "/metrics", "text/plain", "gzip")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	text := string(body)
	if n := strings.Count(text, "# TYPE digitalocean_droplets "); n != 1 {
		t.Errorf("digitalocean_droplets has %d TYPE lines", n)
	}
	if !strings.Contains(text, "digitalocean_droplet_info{") || strings.Contains(text, "digitalocean_droplets -1") {
		t.Errorf("the lists' families are not served, or the clashing one is:\n%s", text)
	}
	for _, want := range []string{"no value", "digitalocean_droplets is collected by two collectors"} {
		if !strings.Contains(logged.String(), want) {
			t.Errorf("the log does not say %q:\n%s", want, logged.String())
		}
	}
	_, body = scrape(t, handler, "/metrics?name[]=promhttp_metric_handler_errors_total", "text/plain", "")
	if !strings.Contains(string(body), `promhttp_metric_handler_errors_total{cause="gathering"} 1`) {
		t.Errorf("gathering errors not counted once:\n%s", body)
	}
}

type funcCollector struct {
	collect func(chan<- prometheus.Metric)
}

func (c *funcCollector) Describe(chan<- *prometheus.Desc)    {}
func (c *funcCollector) Collect(ch chan<- prometheus.Metric) { c.collect(ch) }

type printer struct{ w io.Writer }

func (p printer) Println(v ...any) { fmt.Fprintln(p.w, v...) }

// TestHandlerAnswersHEAD as promhttp does: the headers of a GET, no body.
func TestHandlerAnswersHEAD(t *testing.T) {
	g := NewGatherer(refreshedSource(t, fakeapi.Examples()), everything)
	server := httptest.NewServer(g.Handler(HandlerOpts{}))
	defer server.Close()
	req, _ := http.NewRequest(http.MethodHead, server.URL+"/metrics", nil)
	req.Header.Set("Accept", testtool.PrometheusAccept)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || len(body) != 0 || !strings.HasPrefix(resp.Header.Get("Content-Type"), expfmt.OpenMetricsType) {
		t.Errorf("HEAD: %d, %q, %d bytes", resp.StatusCode, resp.Header.Get("Content-Type"), len(body))
	}
}

// TestScrapesThroughHandlerWhileRefreshesSwapSnapshots scrapes the handler
// from several goroutines, in two formats (protobuf and text, which parse
// fast), while the refresher keeps publishing and Warm keeps rebuilding;
// run with -race. Every answer parses.
func TestScrapesThroughHandlerWhileRefreshesSwapSnapshots(t *testing.T) {
	api, r := startAPI(t, fakeapi.Demo())
	g := NewGatherer(inventory.Refreshers{r}, everything)
	handler := g.Handler(HandlerOpts{})
	ctx, cancel := context.WithCancel(context.Background())
	var background sync.WaitGroup
	background.Go(func() { g.Warm(ctx, time.Millisecond) })
	background.Go(func() {
		for i := 0; ctx.Err() == nil; i++ {
			api.Update(func(a *fakeapi.Account) { a.Lists[fakeapi.Droplets][0]["status"] = []string{"active", "off"}[i%2] })
			r.Refresh(ctx)
		}
	})
	var scrapes sync.WaitGroup
	for i := range 4 {
		scrapes.Go(func() {
			for range 20 {
				resp, body := scrape(t, handler, "/metrics", []string{accepts["native histograms"], ""}[i%2], "gzip")
				if resp.StatusCode != http.StatusOK || parse(t, resp.Header, body) == 0 {
					t.Errorf("status %d, %d bytes", resp.StatusCode, len(body))
				}
			}
		})
	}
	scrapes.Wait()
	cancel()
	background.Wait()
}
