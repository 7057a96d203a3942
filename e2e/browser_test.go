package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

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

// follow clicks a link, as the page's own script would, and waits for the
// page it leads to. (A click at the link's place on the screen misses when
// the page's emulated size differs from the window's.)
func follow(t *testing.T, ctx context.Context, selector string) {
	t.Helper()
	script := fmt.Sprintf(`(() => { const a = document.querySelector(%q); if (a) { a.click(); } return !!a; })()`, selector)
	navigate(t, ctx, func() error {
		found, err := chromedp.Run(ctx, chromedp.Evaluate[bool](script))
		if err == nil && !found {
			err = fmt.Errorf("no link %s on the page", selector)
		}
		return err
	})
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

// browserWidth and browserHeight are the size of the page in the browser,
// and so of its screenshots.
const browserWidth, browserHeight = 1280, 800

// newBrowser starts Debian's Chromium headless, with nothing that reaches
// the network on its own. problems returns the exceptions and console
// errors (a Content-Security-Policy violation among them) seen so far.
func newBrowser(t *testing.T) (ctx context.Context, problems func() []string) {
	t.Helper()
	execPath := testtool.Find(t, "chromium", "chromium")
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(execPath), chromedp.NoSandbox, chromedp.Headless, chromedp.WindowSize(browserWidth, browserHeight),
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
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(browserWidth, browserHeight), chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("starting %s: %v", execPath, err)
	}
	return ctx, func() []string { mu.Lock(); defer mu.Unlock(); return append([]string{}, seen...) }
}

// screenshot captures what the browser's window shows, as PNG.
func screenshot(t *testing.T, ctx context.Context) []byte {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	return png
}

// saveScreenshot writes a screenshot of the window to $TEST_ARTIFACTS_DIR,
// made if it does not exist yet, or to the temporary directory, and logs
// where.
func saveScreenshot(t *testing.T, ctx context.Context, name string) []byte {
	t.Helper()
	png := screenshot(t, ctx)
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
	return png
}
