//go:build linux

package dashboards

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/markdown"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// demoMetrics is what the exporter serves on --demo, less what changes
// from run to run (TestDemoEndToEnd keeps it current); testdata/volatile.prom
// adds series of those.
var demoMetrics = []string{filepath.Join("..", "e2e", "testdata", "e2e-demo.prom"), filepath.Join("testdata", "volatile.prom")}

// pairDiffers lists the panels whose pair of exporters rightly shows more
// than one exporter would, and why.
var pairDiffers = map[string]string{
	"exporter-health.json/API requests by endpoint": "both exporters of a pair call the API: their requests add up",
	"exporter-health.json/API requests by status":   "both exporters of a pair call the API: their requests add up",
	"exporter-health.json/Failed API requests":      "both exporters of a pair call the API: their requests add up",
	"exporter-health.json/Pauses after a 429":       "each exporter of a pair pauses on its own",
}

// pairEmpty lists the panels whose queries find nothing in the demo's
// series, and why: for them the comparison proves nothing.
var pairEmpty = map[string]string{
	"fleet-overview.json/Refreshes failing":          "nothing fails on the demo",
	"fleet-overview.json/Created in the last 7 days": "the demo's workloads were all created in 2024 and 2025",
	"exporter-health.json/Accounts down":             "the demo's token is accepted",
	"exporter-health.json/Refreshes failing":         "nothing fails on the demo",
	"exporter-health.json/Failed API requests":       "the demo API answers every request with 200",
	"databases.json/Not online":                      "every demo database is online",
}

// TestAPairOfExportersGivesOneAnswer: two exporters that watch the same
// account (a pair for high availability, or the old and the new host of a
// move) export the same series but for instance. Prometheus holds the
// demo's series three times: for account solo from one exporter, and for
// account pair from two. Every query of the dashboards and of the docs must
// answer for pair what it answers for solo: no "many-to-many matching"
// error, nothing counted twice, no row shown twice.
func TestAPairOfExportersGivesOneAnswer(t *testing.T) {
	prometheus := testtool.Find(t, "prometheus", "prometheus")
	promtool := testtool.Find(t, "promtool", "prometheus")
	at := time.Now().Add(-2 * time.Minute).Truncate(time.Second)
	prom := startPrometheusOn(t, prometheus, backfill(t, promtool, at))
	t.Run("dashboards", func(t *testing.T) { dashboardsShowAPairOnce(t, prom, at) })
	t.Run("documented queries", func(t *testing.T) { documentedQueriesGiveAPairOneAnswer(t, prom, at) })
}

func dashboardsShowAPairOnce(t *testing.T, prom *prometheusServer, at time.Time) {
	files, _ := fs.Glob(Files, "*.json")
	for _, file := range files {
		raw, _ := fs.ReadFile(Files, file)
		var d dashboard
		if err := json.Unmarshal(raw, &d); err != nil {
			t.Fatal(err)
		}
		for _, p := range d.Panels {
			for _, q := range p.Targets {
				panel := file + "/" + p.Title
				solo, pair, err := prom.forSoloAndPair(q.Expr, at, forAccount)
				if err != nil {
					t.Errorf("%s: %v", panel, err)
					continue
				}
				if empty := pairEmpty[panel]; (len(solo) == 0) != (empty != "") {
					t.Errorf("%s: finds %d series; listed in pairEmpty: %q (a panel that finds nothing proves nothing of a pair): %s",
						panel, len(solo), empty, q.Expr)
				}
				same := slices.Equal(solo, pair)
				if reason := pairDiffers[panel]; reason != "" && same && len(solo) > 0 {
					t.Errorf("%s: listed in pairDiffers (%s), but a pair shows what one exporter does", panel, reason)
				}
				if !same && pairDiffers[panel] == "" {
					t.Errorf("%s: a pair of exporters shows\n  %s\none exporter\n  %s\nquery: %s", panel,
						strings.Join(pair, "\n  "), strings.Join(solo, "\n  "), q.Expr)
				}
			}
		}
	}
}

// docsWithQueries are the documents whose promql blocks are checked.
var docsWithQueries = []string{filepath.Join("..", "README.md"), filepath.Join("..", "docs", "*.md")}

// documentedQueriesGiveAPairOneAnswer: the PromQL examples of the README
// and docs/, narrowed to account solo and to account pair, answer alike.
func documentedQueriesGiveAPairOneAnswer(t *testing.T, prom *prometheusServer, at time.Time) {
	queries := documentedQueries(t)
	if len(queries) < 10 {
		t.Fatalf("%d documented queries; the README has more", len(queries))
	}
	for _, q := range queries {
		solo, pair, err := prom.forSoloAndPair(q.expr, at, ofAccount)
		if err != nil {
			t.Errorf("%q: %v", q.title, err)
			continue
		}
		if len(solo) == 0 {
			t.Errorf("%q finds nothing in the demo's series, so a pair proves nothing: %s", q.title, q.expr)
		}
		if !slices.Equal(solo, pair) {
			t.Errorf("%q: a pair of exporters gives\n  %s\none exporter\n  %s\nquery: %s", q.title,
				strings.Join(pair, "\n  "), strings.Join(solo, "\n  "), q.expr)
		}
	}
}

type documentedQuery struct{ title, expr string }

// documentedQueries reads the promql blocks of the documents: each query
// follows its title, a comment line.
func documentedQueries(t *testing.T) []documentedQuery {
	var out []documentedQuery
	for _, pattern := range docsWithQueries {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			raw, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			for _, block := range markdown.CodeBlocks(raw) {
				if block.Info != "promql" {
					continue
				}
				var q *documentedQuery // the query being read, under its title
				for _, line := range strings.Split(block.Text, "\n") {
					switch {
					case strings.HasPrefix(line, "#"):
						out = append(out, documentedQuery{title: strings.TrimSpace(strings.TrimPrefix(line, "#"))})
						q = &out[len(out)-1]
					case strings.TrimSpace(line) == "":
					case q == nil: // a query without a title is named by its first line
						out = append(out, documentedQuery{title: file + ": " + line})
						q = &out[len(out)-1]
						fallthrough
					default:
						q.expr += line + "\n"
					}
				}
			}
		}
	}
	return out
}

// ofAccount narrows every selector of a query to one account.
func ofAccount(expr, account string) string {
	return metricSelector.ReplaceAllStringFunc(expr, func(sel string) string {
		if strings.HasSuffix(sel, "{") {
			return sel + "account=" + strconv.Quote(account) + ", "
		}
		return sel + "{account=" + strconv.Quote(account) + "}"
	})
}

var metricSelector = regexp.MustCompile(`\bdigitalocean_[a-z_]*[a-z]\b\{?`)

// forAccount gives a query's variables the values a person would choose:
// the account, and All for the others.
func forAccount(expr, account string) string {
	values := map[string]string{"account": account, "region": ".*", "geography": ".*", "tag": ".*",
		"__rate_interval": "1m", "__interval": "15s", "__range": "5m"}
	return reference.ReplaceAllStringFunc(expr, func(ref string) string {
		m := reference.FindStringSubmatch(ref)
		if v, ok := values[m[1]+m[2]]; ok {
			return v
		}
		return ref
	})
}

// backfill writes the demo's series for 30 minutes up to at, every 15
// seconds (counters rising, so that every refresh error counts), for account solo from the first of
// pairInstances and for account pair from both, into a TSDB made by promtool.
func backfill(t *testing.T, promtool string, at time.Time) string {
	dir := t.TempDir()
	input := filepath.Join(dir, "series.om")
	var out strings.Builder
	for _, s := range readSeries(t, demoMetrics...) {
		for i := 0; i <= 120; i++ {
			value := s.value
			if strings.HasSuffix(s.name, "_total") {
				value += float64(i)
			}
			ts := at.Add(time.Duration(i-120) * 15 * time.Second).Unix()
			copies := []struct{ account, instance string }{{"solo", pairInstances[0]}}
			for _, instance := range pairInstances {
				copies = append(copies, struct{ account, instance string }{"pair", instance})
			}
			for _, copy := range copies {
				labels := fmt.Sprintf("account=%q,instance=%q,job=\"digitalocean\"", copy.account, copy.instance)
				if s.labels != "" {
					labels = s.labels + "," + labels
				}
				fmt.Fprintf(&out, "%s{%s} %g %d\n", s.name, labels, value, ts)
			}
		}
	}
	out.WriteString("# EOF\n")
	if err := os.WriteFile(input, []byte(out.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if msg, err := exec.CommandContext(ctx, promtool, "tsdb", "create-blocks-from", "openmetrics", input, data).CombinedOutput(); err != nil {
		t.Fatalf("promtool tsdb create-blocks-from openmetrics: %v\n%s", err, msg)
	}
	return data
}

type series struct {
	name, labels string // labels: all but account, as written
	value        float64
}

var (
	sampleLine   = regexp.MustCompile(`^([a-zA-Z_:][a-zA-Z0-9_:]*)\{(.*)\}(?: (\S+))?$`)
	accountLabel = regexp.MustCompile(`(^|,)account="default"(,|$)`)
)

// readSeries reads the demo account's series from exposition files, one
// sample a line; the families of the Monitoring API are written there
// without their values, and read as 0.5.
func readSeries(t *testing.T, files ...string) []series {
	var out []series
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		scanner := bufio.NewScanner(f)
		scanner.Buffer(nil, 1<<20)
		for scanner.Scan() {
			m := sampleLine.FindStringSubmatch(scanner.Text())
			if m == nil || !accountLabel.MatchString(m[2]) {
				continue // a comment, or a series of no account
			}
			value := 0.5
			if m[3] != "" {
				if value, err = strconv.ParseFloat(m[3], 64); err != nil {
					t.Fatalf("%s: %q: %v", file, scanner.Text(), err)
				}
			}
			labels := strings.Trim(accountLabel.ReplaceAllString(m[2], "$1"), ",")
			labels = strings.ReplaceAll(labels, ",,", ",")
			out = append(out, series{name: m[1], labels: labels, value: value})
		}
		f.Close()
		if err := scanner.Err(); err != nil {
			t.Fatal(err)
		}
	}
	if len(out) < 1000 {
		t.Fatalf("%d series of account default in %v", len(out), files)
	}
	return out
}

type prometheusServer struct{ url string }

// startPrometheusOn runs Prometheus on a TSDB, scraping nothing, and stops
// it when the test ends.
func startPrometheusOn(t *testing.T, binary, data string) *prometheusServer {
	config := filepath.Join(t.TempDir(), "prometheus.yml")
	if err := os.WriteFile(config, []byte("global: {evaluation_interval: 1m}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	var logs strings.Builder
	cmd := exec.Command(binary, "--config.file="+config, "--storage.tsdb.path="+data,
		"--storage.tsdb.retention.time=10y", "--web.listen-address="+addr)
	cmd.Stdout, cmd.Stderr = &logs, &logs
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		cmd.Wait()
		if t.Failed() {
			t.Logf("prometheus:\n%s", logs.String())
		}
	})
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		if resp, err := http.Get("http://" + addr + "/-/ready"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return &prometheusServer{url: "http://" + addr}
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("prometheus was not ready within a minute")
	return nil
}

// forSoloAndPair runs a query for account solo and for account pair, as
// narrow makes it of each.
func (p *prometheusServer) forSoloAndPair(expr string, at time.Time, narrow func(expr, account string) string) (solo, pair []string, err error) {
	if solo, err = p.query(narrow(expr, "solo"), at); err != nil {
		return nil, nil, fmt.Errorf("one exporter: %w", err)
	}
	if pair, err = p.query(narrow(expr, "pair"), at); err != nil {
		return nil, nil, fmt.Errorf("a pair: %w", err)
	}
	return solo, pair, nil
}

// query runs an instant query at a time and returns its answer one sample
// a line, sorted, with account pair written as solo.
func (p *prometheusServer) query(expr string, at time.Time) ([]string, error) {
	resp, err := http.PostForm(p.url+"/api/v1/query", url.Values{"query": {expr}, "time": {strconv.FormatInt(at.Unix(), 10)}})
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var answer struct {
		Status, Error string
		Data          struct {
			ResultType string          `json:"resultType"`
			Result     json.RawMessage `json:"result"`
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&answer); err != nil {
		return nil, err
	}
	if answer.Status != "success" {
		return nil, fmt.Errorf("%s", answer.Error)
	}
	if answer.Data.ResultType == "scalar" {
		var v [2]any
		json.Unmarshal(answer.Data.Result, &v)
		return []string{fmt.Sprint(v[1])}, nil
	}
	var vector []struct {
		Metric map[string]string
		Value  [2]any
	}
	if err := json.Unmarshal(answer.Data.Result, &vector); err != nil {
		return nil, fmt.Errorf("%s answer: %w", answer.Data.ResultType, err)
	}
	var out []string
	for _, s := range vector {
		if s.Metric["account"] == "pair" {
			s.Metric["account"] = "solo"
		}
		labels, _ := json.Marshal(s.Metric) // sorted by name
		out = append(out, fmt.Sprintf("%s %v", labels, s.Value[1]))
	}
	slices.Sort(out)
	return out, nil
}
