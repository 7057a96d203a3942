package e2e

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// promServer is a Prometheus server of the test's own on a loopback port.
// Once it has scraped enough, it is queried as of that moment: a later
// scrape that fails on a loaded machine would make every series stale.
type promServer struct {
	url string
	at  time.Time // when queries are evaluated; zero for now
}

func startPrometheus(t *testing.T, binary, target string, args ...string) *promServer {
	t.Helper()
	addr := testtool.FreeAddress(t)
	startServer(t, "prometheus", binary, "prometheus.yml", fmt.Sprintf("global: {scrape_interval: 1s, evaluation_interval: 1s}\n"+
		"scrape_configs:\n- job_name: digitalocean\n  static_configs: [{targets: [%q]}]\n", target), append(args, "--web.listen-address="+addr)...)
	return &promServer{url: "http://" + addr}
}

// waitForHistory waits until the exporter has been scraped n times and is
// up, and from then on queries as of that moment.
func (p *promServer) waitForHistory(t *testing.T, scrapes int) {
	t.Helper()
	up := `up{job="digitalocean"}`
	scraped := func() bool {
		p.at = time.Now()
		n, _ := p.count(fmt.Sprintf(`(count_over_time(%s[1m]) >= %d) and (%s == 1)`, up, scrapes, up))
		return n > 0
	}
	if !testtool.Poll(60*time.Second, 250*time.Millisecond, scraped) {
		t.Fatalf("Prometheus did not scrape the exporter %d times within 60s", scrapes)
	}
}

// count runs a query, or a label_values() variable query, and returns how
// many series or values it found.
func (p *promServer) count(expr string) (int, error) {
	data, err := p.query(expr)
	if err != nil {
		return 0, err
	}
	var result struct{ Result []json.RawMessage }
	if json.Unmarshal(data, &result) == nil && result.Result != nil {
		return len(result.Result), nil
	}
	var values []string
	json.Unmarshal(data, &values)
	return len(values), nil
}

// query runs a query, or a label_values() variable query, and returns the
// data of the answer.
func (p *promServer) query(expr string) (json.RawMessage, error) {
	path := "/api/v1/query?query=" + url.QueryEscape(expr)
	if !p.at.IsZero() {
		path += "&time=" + strconv.FormatFloat(float64(p.at.UnixMilli())/1000, 'f', 3, 64)
	}
	if m := regexp.MustCompile(`^label_values\((.*), (\w+)\)$`).FindStringSubmatch(expr); m != nil {
		path = "/api/v1/label/" + m[2] + "/values?match[]=" + url.QueryEscape(m[1])
	}
	resp, err := testtool.Client.Get(p.url + path)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var answer struct {
		Status, Error string
		Data          json.RawMessage
	}
	if err := json.NewDecoder(resp.Body).Decode(&answer); err != nil {
		return nil, fmt.Errorf("decoding the answer (HTTP %d): %w", resp.StatusCode, err)
	}
	if answer.Status != "success" {
		return nil, fmt.Errorf("%s: %s", answer.Status, answer.Error)
	}
	return answer.Data, nil
}
