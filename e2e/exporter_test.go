package e2e

import (
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// exporter is the exporter binary running as a process of its own, on a
// free loopback port, against the fake API.
type exporter struct {
	*process
	url string
}

// startExporter runs the exporter built for this run with args and
// exactly the environment env, and waits until it answers /-/healthy.
func startExporter(t testing.TB, env map[string]string, args ...string) *exporter {
	t.Helper()
	e := launchExporter(t, exporterBinary(t), env, args...)
	e.waitFor(t, "/-/healthy", http.StatusOK)
	return e
}

// launchExporter runs binary as the exporter on a free loopback port and
// returns at once. It must read a fake API on 127.0.0.1 (--demo or
// --digitalocean.api-url), never the real one. When the test ends it is
// stopped with SIGTERM and must exit with 0, without a data race.
func launchExporter(t testing.TB, binary string, env map[string]string, args ...string) *exporter {
	t.Helper()
	if !slices.ContainsFunc(args, func(a string) bool {
		return a == "--demo" || strings.HasPrefix(a, "--digitalocean.api-url=http://127.0.0.1:")
	}) {
		t.Fatal("a test exporter must read the fake API on 127.0.0.1 (--demo or --digitalocean.api-url), never the real one")
	}
	addr := testtool.FreeAddress(t)
	environment := []string{} // exactly env: not the token or the settings of whoever runs the tests
	for name, value := range env {
		environment = append(environment, name+"="+value)
	}
	// Registered before startProcess's own cleanup, so it runs after it:
	// once the process has exited, and its log is shown if the test failed.
	var p *process
	t.Cleanup(func() {
		if p == nil {
			return
		}
		code, _ := p.exitCode(0)
		race := strings.Contains(p.logs.String(), "WARNING: DATA RACE")
		if code == 0 && !race {
			return
		}
		if !t.Failed() {
			t.Logf("exporter log:\n%s", p.logs)
		}
		if code != 0 {
			t.Errorf("the exporter exited with %d", code)
		}
		if race {
			t.Error("the exporter had a data race")
		}
	})
	p = startProcess(t, "exporter", environment, binary, append([]string{"--web.listen-address=" + addr}, args...)...)
	return &exporter{process: p, url: "http://" + addr}
}

func (e *exporter) get(t testing.TB, path string) (int, string) {
	t.Helper()
	resp, body := e.request(t, path, nil)
	return resp.StatusCode, body
}

// raw is the body of path, which must answer 200.
func (e *exporter) raw(t testing.TB, path string) string {
	t.Helper()
	code, body := e.get(t, path)
	if code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, code, body)
	}
	return body
}

// request GETs path with header and returns the response with its body,
// which Go's client has gunzipped if it came gzipped.
func (e *exporter) request(t testing.TB, path string, header http.Header) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, e.url+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	maps.Copy(req.Header, header)
	resp, err := testtool.Client.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

// post sends a POST as curl -X POST does: no body, no Content-Type.
func (e *exporter) post(t testing.TB, path string) (int, string) {
	t.Helper()
	resp, err := testtool.Client.Post(e.url+path, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// inventoryAnswer is the part of /inventory the tests compare with.
type inventoryAnswer struct {
	Refreshes []struct{ Kind string }
	Workloads []struct {
		Kind, Name, ID string
		ProjectID      string `json:"project_id"`
	}
}

func (e *exporter) inventory(t testing.TB, query string) inventoryAnswer {
	t.Helper()
	var answer inventoryAnswer
	if err := json.Unmarshal([]byte(e.raw(t, "/inventory"+query)), &answer); err != nil {
		t.Fatal(err)
	}
	return answer
}

func (a inventoryAnswer) count(kind string) int {
	n := 0
	for _, w := range a.Workloads {
		if w.Kind == kind {
			n++
		}
	}
	return n
}

// waitFor polls path until it answers want; the exporter starts in the
// background, so there is no moment to wait for instead.
func (e *exporter) waitFor(t testing.TB, path string, want int) {
	t.Helper()
	e.waitForWithin(t, testtool.WaitLimit, path, want)
}

// waitForWithin is waitFor with a limit of its own, for a start that takes
// longer (a large account's first refresh).
func (e *exporter) waitForWithin(t testing.TB, limit time.Duration, path string, want int) {
	t.Helper()
	e.waitUntil(t, limit, path+" to answer "+http.StatusText(want), func() bool {
		resp, err := testtool.Client.Get(e.url + path)
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == want
	})
}

// metrics is what /metrics answers, whatever its status.
func (e *exporter) metrics(t testing.TB) string {
	t.Helper()
	_, body := e.get(t, "/metrics")
	return body
}

// waitForMetric polls /metrics until it holds line.
func (e *exporter) waitForMetric(t testing.TB, line string) {
	t.Helper()
	e.waitUntil(t, testtool.WaitLimit, "/metrics to show "+line, func() bool { return strings.Contains(e.metrics(t), line+"\n") })
}

// waitForMetricMatch polls /metrics until a line matches pattern.
func (e *exporter) waitForMetricMatch(t testing.TB, pattern string) {
	t.Helper()
	re := regexp.MustCompile("(?m)^" + pattern)
	e.waitUntil(t, testtool.WaitLimit, "/metrics to match "+pattern, func() bool { return re.MatchString(e.metrics(t)) })
}

func (e *exporter) waitForLog(t testing.TB, text string) {
	t.Helper()
	e.waitForLogCount(t, text, 1)
}

// waitForLogCount waits until the log has said text n times or more.
func (e *exporter) waitForLogCount(t testing.TB, text string, n int) {
	t.Helper()
	e.waitUntil(t, testtool.WaitLimit, "the log to say "+text, func() bool { return strings.Count(e.logs.String(), text) >= n })
}

// waitUntil waits for cond, for limit at most, and fails the test if it
// never holds or the exporter exits meanwhile (the process's cleanup then
// logs what it said).
func (e *exporter) waitUntil(t testing.TB, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	exited := false
	held := testtool.Poll(limit, 50*time.Millisecond, func() bool {
		if _, exited = e.exitCode(0); exited {
			return true
		}
		return cond()
	})
	switch {
	case exited:
		t.Fatalf("the exporter exited while the test waited for %s", what)
	case !held:
		t.Fatalf("waited %s for %s", limit, what)
	}
}
