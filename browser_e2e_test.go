package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"golang.org/x/crypto/bcrypt"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// hostileName is a droplet name that runs a script if a page pastes it in
// as markup.
const hostileName = `<script>window.__xss=1</script>`

// inventoryAnswer is the part of /inventory the browser test compares with.
type inventoryAnswer struct {
	Refreshes []struct{ Kind string }
	Workloads []struct {
		Kind, Name, ID string
		ProjectID      string `json:"project_id"`
	}
}

// TestLandingPageInBrowser loads / in headless Chromium from an exporter
// whose account has a droplet named to inject a script, and checks what a
// person would: the counts match /inventory, the page holds its first
// page of rows, sorting and the filters (applied by the server, so the
// address links to the view) select what /inventory does, and the name
// shows as text without running.
func TestLandingPageInBrowser(t *testing.T) {
	const token = "dop_v1_browser_test_token"
	api := startFakeAPI(t, token, fakeapi.Demo())
	api.Update(func(a *fakeapi.Account) { a.Lists[fakeapi.Droplets][0]["name"] = hostileName })
	e := startExporter(t, map[string]string{"DIGITALOCEAN_TOKEN": token}, "--digitalocean.api-url="+api.URL)
	e.waitFor(t, "/-/ready", http.StatusOK)

	all := e.inventory(t, "")
	databases := e.inventory(t, "?kind=databases")
	productionDatabases := e.inventory(t, "?kind=databases&tag=production")
	_, page := e.get(t, "/")
	for path, body := range map[string]string{"/": page, "/inventory": e.raw(t, "/inventory")} {
		if strings.Contains(body, token) {
			t.Errorf("%s shows the token", path)
		}
		if strings.Contains(body, hostileName) {
			t.Errorf("%s holds the hostile name unescaped", path)
		}
	}

	chromium := testtool.Find(t, "chromium", "chromium")
	ctx, problems := newBrowser(t, chromium)
	open(t, ctx, e.url+"/")
	saveScreenshot(t, ctx, "landing.png")

	got := readPage(t, ctx)
	wantCounts := map[string]string{}
	for _, r := range all.Refreshes {
		wantCounts[r.Kind] = fmt.Sprint(all.count(r.Kind))
	}
	if fmt.Sprint(got.Counts) != fmt.Sprint(wantCounts) {
		t.Errorf("counts on the page %v, /inventory has %v", got.Counts, wantCounts)
	}
	if got.Rows != min(len(all.Workloads), 100) || got.ShownLabel != fmt.Sprint(len(all.Workloads)) {
		t.Errorf("%d rows, the page says %s are selected; /inventory has %d", got.Rows, got.ShownLabel, len(all.Workloads))
	}
	if got.Findings == 0 || got.ScanFindings == 0 {
		t.Errorf("the posture section shows %d findings and %d of DigitalOcean's scan", got.Findings, got.ScanFindings)
	}

	choose(t, ctx, "kind", "droplets")
	follow(t, ctx, `#workloads thead th:nth-child(2) a`)
	if got := readPage(t, ctx); !got.SortedByName || got.FirstName != hostileName || got.XSS != "undefined" || !got.HostileAsText {
		t.Errorf("Droplets by name: sorted %v, first row %q (want the hostile name, as '<' sorts first), "+
			"window.__xss is %s, shown as text %v", got.SortedByName, got.FirstName, got.XSS, got.HostileAsText)
	}
	choose(t, ctx, "kind", "databases")
	if got := readPage(t, ctx); got.Rows != len(databases.Workloads) || got.ShownKinds != "databases" || got.Search != "?kind=databases&sort=name" {
		t.Errorf("kind=databases: %d rows of kinds %q, URL %q; /inventory has %d", got.Rows, got.ShownKinds, got.Search, len(databases.Workloads))
	}
	choose(t, ctx, "tag", "production")
	if got := readPage(t, ctx); got.Rows != len(productionDatabases.Workloads) || got.ShownLabel != fmt.Sprint(got.Rows) {
		t.Errorf("kind=databases, tag=production: %d rows (the page says %s); /inventory has %d",
			got.Rows, got.ShownLabel, len(productionDatabases.Workloads))
	}
	saveScreenshot(t, ctx, "landing-filtered.png")
	for _, p := range problems() {
		t.Errorf("browser console: %s", p)
	}
}

func (e *exporter) raw(t *testing.T, path string) string {
	t.Helper()
	code, body := e.get(t, path)
	if code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, code, body)
	}
	return body
}

func (e *exporter) inventory(t *testing.T, query string) inventoryAnswer {
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

// pageState is what the page shows, read in the browser.
type pageState struct {
	Counts        map[string]string `json:"counts"`
	Rows          int               `json:"rows"`
	ShownLabel    string            `json:"shownLabel"`
	ShownKinds    string            `json:"shownKinds"`
	XSS           string            `json:"xss"`
	HostileAsText bool              `json:"hostileAsText"`
	FirstName     string            `json:"firstName"`
	Names         []string          `json:"names"`
	SortedByName  bool              `json:"sortedByName"`
	Search        string            `json:"search"`
	Page          string            `json:"page"`
	Findings      int               `json:"findings"`
	ScanFindings  int               `json:"scanFindings"`
}

var readPageScript = `(() => {
  const rows = [...document.querySelectorAll("#workloads tbody tr[data-kind]")];
  const names = rows.map(r => r.querySelector("td.name").textContent);
  const counts = {};
  document.querySelectorAll("[data-count-kind]").forEach(e => { counts[e.dataset.countKind] = e.textContent.trim(); });
  return {
    counts, rows: rows.length, names,
    shownLabel: document.getElementById("shown").textContent,
    shownKinds: [...new Set(rows.map(r => r.dataset.kind))].join(","),
    xss: typeof window.__xss,
    hostileAsText: names.includes(` + strconv.Quote(hostileName) + `),
    firstName: names[0] || "",
    sortedByName: names.every((n, i) => i === 0 || names[i - 1].localeCompare(n, undefined, {numeric: true, sensitivity: "base"}) <= 0),
    search: location.search,
    page: document.getElementById("page").textContent,
    findings: document.querySelectorAll("table.findings tr[data-check]").length,
    scanFindings: document.querySelectorAll("[data-scan=enabled] tbody tr").length,
  };
})()`

func readPage(t *testing.T, ctx context.Context) pageState {
	t.Helper()
	state, err := chromedp.Run(ctx, chromedp.Evaluate[pageState](readPageScript))
	if err != nil {
		t.Fatal(err)
	}
	return state
}

// open loads a page and waits until its table is there.
func open(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.ID("workloads"))); err != nil {
		t.Fatal(err)
	}
}

// choose picks an option of a filter select as a person would: the value
// changes, the select fires "change", and the page the server renders for
// the new filter is loaded.
func choose(t *testing.T, ctx context.Context, name, value string) {
	t.Helper()
	script := fmt.Sprintf(`(() => { const s = document.querySelector('select[name=%q]'); s.value = %q;
		s.dispatchEvent(new Event("change", {bubbles: true})); return s.value; })()`, name, value)
	navigate(t, ctx, func() error {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](script))
		if err == nil && got != value {
			err = fmt.Errorf("the select has no option %q", value)
		}
		return err
	})
}

// follow clicks a link and waits for the page it leads to.
func follow(t *testing.T, ctx context.Context, selector string) {
	t.Helper()
	navigate(t, ctx, func() error { return chromedp.Do(ctx, chromedp.Click(chromedp.CSS(selector))) })
}

// navigate does what leads to another page, and waits until it is loaded.
func navigate(t *testing.T, ctx context.Context, do func() error) {
	t.Helper()
	marker := `window.__stillHere = true`
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](marker)); err != nil {
		t.Fatal(err)
	}
	if err := do(); err != nil {
		t.Fatal(err)
	}
	loaded := `typeof window.__stillHere === "undefined" && document.readyState === "complete" && !!document.getElementById("workloads")`
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if done, err := chromedp.Run(ctx, chromedp.Evaluate[bool](loaded)); err == nil && done {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the next page did not load within 30s")
		}
	}
}

// newBrowser starts Debian's Chromium headless, with nothing that reaches
// the network on its own. problems returns the exceptions and console
// errors (a Content-Security-Policy violation among them) seen so far.
func newBrowser(t *testing.T, execPath string) (ctx context.Context, problems func() []string) {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(execPath), chromedp.NoSandbox, chromedp.Headless, chromedp.WindowSize(1400, 900),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("no-first-run", true),
	)
	// The whole browser session has a deadline, so a hung Chromium fails the
	// test instead of holding it until go test's own timeout.
	session, cancelSession := context.WithTimeout(context.Background(), 3*time.Minute)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(session, opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancel(); cancelAlloc(); cancelSession() })
	var mu sync.Mutex
	var seen []string
	if err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			seen = append(seen, "exception: "+ev.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				seen = append(seen, string(ev.Entry.Source)+": "+ev.Entry.Text)
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	// The first action starts the browser, which lives as long as ctx.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("starting %s: %v", execPath, err)
	}
	return ctx, func() []string { mu.Lock(); defer mu.Unlock(); return append([]string{}, seen...) }
}

// saveScreenshot writes a full-page PNG to $TEST_ARTIFACTS_DIR, made if it
// does not exist yet, or to the temporary directory, and logs where.
func saveScreenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	dir := os.Getenv("TEST_ARTIFACTS_DIR")
	if dir == "" {
		dir = os.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "digitalocean_exporter-"+name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// TestInventoryPagesBehindWebConfig checks that --web.config.file guards
// / and /inventory as it guards /metrics.
func TestInventoryPagesBehindWebConfig(t *testing.T) {
	hash, err := bcrypt.GenerateFromPassword([]byte("s3cret"), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	webConfig := filepath.Join(t.TempDir(), "web.yml")
	if err := os.WriteFile(webConfig, []byte("basic_auth_users:\n  ops: "+string(hash)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	addr := freeAddress(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"--demo", "--web.listen-address=" + addr, "--web.config.file=" + webConfig}, io.Discard, os.Getenv)
	}()
	t.Cleanup(func() { cancel(); waitForExit(t, done) })
	status := func(path, password string) int {
		req, _ := http.NewRequest(http.MethodGet, "http://"+addr+path, nil)
		if password != "" {
			req.SetBasicAuth("ops", password)
		}
		resp, err := testClient.Do(req)
		if err != nil {
			return 0
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for deadline := time.Now().Add(30 * time.Second); status("/-/ready", "s3cret") != http.StatusOK; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the exporter did not become ready within 30s")
		}
	}
	for _, path := range []string{"/", "/inventory", "/inventory?format=csv"} {
		if code := status(path, ""); code != http.StatusUnauthorized {
			t.Errorf("%s without credentials: %d, want 401", path, code)
		}
		if code := status(path, "s3cret"); code != http.StatusOK {
			t.Errorf("%s with credentials: %d, want 200", path, code)
		}
	}
}
