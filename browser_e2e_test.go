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
	"github.com/digitalocean-exporter/digitalocean_exporter/web"
)

// hostileName is a droplet name that runs a script if a page pastes it in
// as markup.
const hostileName = `<script>window.__xss=1</script>`

// inventoryAnswer is the part of /inventory the browser test compares with.
type inventoryAnswer struct {
	Workloads []struct{ Kind, Name string }
}

// TestLandingPageInBrowser loads / in headless Chromium from an exporter
// whose account has a droplet named to inject a script, and checks what a
// person would: the counts and rows match /inventory, filters and sorting
// work, and the name shows as text without running.
func TestLandingPageInBrowser(t *testing.T) {
	const token = "dop_v1_browser_test_token"
	api, err := fakeapi.NewServer(token, fakeapi.Demo())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(api.Close)
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

	chromium := lookPathOrSkip(t, "chromium", "chromium")
	ctx, problems := newBrowser(t, chromium)
	if err := chromedp.Do(ctx, chromedp.Navigate(e.url+"/"), chromedp.WaitVisible(chromedp.ID("workloads"))); err != nil {
		t.Fatal(err)
	}
	saveScreenshot(t, ctx, "landing.png")

	got := readPage(t, ctx)
	wantCounts := map[string]string{}
	for _, kind := range web.Kinds {
		wantCounts[kind] = fmt.Sprint(all.count(kind))
	}
	if fmt.Sprint(got.Counts) != fmt.Sprint(wantCounts) {
		t.Errorf("counts on the page %v, /inventory has %v", got.Counts, wantCounts)
	}
	if got.Rows != len(all.Workloads) || got.Shown != got.Rows || got.ShownLabel != fmt.Sprint(got.Rows) {
		t.Errorf("%d rows, %d shown, the page says %s; /inventory has %d", got.Rows, got.Shown, got.ShownLabel, len(all.Workloads))
	}
	if got.XSS != "undefined" || !got.HostileAsText {
		t.Errorf("the hostile name ran (window.__xss is %s) or does not show as text (%v)", got.XSS, got.HostileAsText)
	}

	sortBy := `#workloads thead th:nth-child(2) button`
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sortBy))); err != nil {
		t.Fatal(err)
	}
	if got := readPage(t, ctx); !got.SortedByName || got.FirstName != hostileName {
		t.Errorf("after sorting by name: sorted %v, first row %q (want the hostile name, as '<' sorts first)", got.SortedByName, got.FirstName)
	}

	choose(t, ctx, "kind", "databases")
	if got := readPage(t, ctx); got.Shown != len(databases.Workloads) || got.ShownKinds != "databases" || got.Search != "?kind=databases" {
		t.Errorf("kind=databases: %d shown of kinds %q, URL %q; /inventory has %d", got.Shown, got.ShownKinds, got.Search, len(databases.Workloads))
	}
	choose(t, ctx, "tag", "production")
	if got := readPage(t, ctx); got.Shown != len(productionDatabases.Workloads) || got.ShownLabel != fmt.Sprint(got.Shown) {
		t.Errorf("kind=databases, tag=production: %d shown (the page says %s); /inventory has %d",
			got.Shown, got.ShownLabel, len(productionDatabases.Workloads))
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
	Shown         int               `json:"shown"`
	ShownLabel    string            `json:"shownLabel"`
	ShownKinds    string            `json:"shownKinds"`
	XSS           string            `json:"xss"`
	HostileAsText bool              `json:"hostileAsText"`
	FirstName     string            `json:"firstName"`
	SortedByName  bool              `json:"sortedByName"`
	Search        string            `json:"search"`
}

var readPageScript = `(() => {
  const rows = [...document.querySelectorAll("#workloads tbody tr")];
  const shown = rows.filter(r => !r.hidden);
  const names = shown.map(r => r.querySelector("td.name").textContent);
  const counts = {};
  document.querySelectorAll("[data-count-kind]").forEach(e => { counts[e.dataset.countKind] = e.textContent.trim(); });
  return {
    counts, rows: rows.length, shown: shown.length,
    shownLabel: document.getElementById("shown").textContent,
    shownKinds: [...new Set(shown.map(r => r.dataset.kind))].join(","),
    xss: typeof window.__xss,
    hostileAsText: names.includes(` + strconv.Quote(hostileName) + `),
    firstName: names[0] || "",
    sortedByName: names.every((n, i) => i === 0 || names[i - 1].localeCompare(n, undefined, {numeric: true}) <= 0),
    search: location.search,
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

// choose picks an option of a filter select as a person would: the value
// changes and the select fires "change".
func choose(t *testing.T, ctx context.Context, name, value string) {
	t.Helper()
	script := fmt.Sprintf(`(() => { const s = document.querySelector('select[name=%q]'); s.value = %q;
		s.dispatchEvent(new Event("change", {bubbles: true})); return s.value; })()`, name, value)
	if got, err := chromedp.Run(ctx, chromedp.Evaluate[string](script)); err != nil || got != value {
		t.Fatalf("choosing %s=%s: got %q, %v", name, value, got, err)
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
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
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

// saveScreenshot writes a full-page PNG to $TEST_ARTIFACTS_DIR, or to the
// temporary directory, and logs where.
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
	t.Cleanup(func() { cancel(); <-done })
	status := func(path, password string) int {
		req, _ := http.NewRequest(http.MethodGet, "http://"+addr+path, nil)
		if password != "" {
			req.SetBasicAuth("ops", password)
		}
		resp, err := http.DefaultClient.Do(req)
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
