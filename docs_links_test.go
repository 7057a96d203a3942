package main

import (
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/markdown"
)

// pendingFiles are linked from the docs before another branch adds them.
// Each entry fails the test once its file exists, so that it is removed at
// the merge.
var pendingFiles = map[string]string{
	"docs/images/landing.png":         "a reference screenshot the browser test takes, added on another branch",
	"docs/images/landing-posture.png": "a reference screenshot the browser test takes, added on another branch",
}

var scheme = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// TestLinksResolve fails when a relative link of the README, the changelog
// or a page of docs/ names a file that does not exist, or a heading that
// its page does not have.
func TestLinksResolve(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("docs", "*.md"))
	if err != nil || len(pages) < 10 {
		t.Fatalf("docs/ has %d pages (%v)", len(pages), err)
	}
	links := 0
	for _, page := range append([]string{"README.md", "CHANGELOG.md"}, pages...) {
		page = filepath.ToSlash(page)
		for _, link := range markdown.Links([]byte(readDoc(t, page))) {
			if scheme.MatchString(link) {
				continue
			}
			links++
			if why := resolve(page, link); why != "" {
				t.Errorf("%s: link %s: %s", page, link, why)
			}
		}
	}
	if links < 100 {
		t.Errorf("only %d relative links; does markdown.Links find them?", links)
	}
	for file, why := range pendingFiles {
		if _, err := os.Stat(filepath.FromSlash(file)); err == nil {
			t.Errorf("%s exists now: remove it from pendingFiles", file)
		} else {
			t.Logf("%s is linked and does not exist yet: %s", file, why)
		}
	}
}

// resolve says why link, found in page, leads nowhere, or "".
func resolve(page, link string) string {
	target, fragment, _ := strings.Cut(link, "#")
	file := page
	if target != "" {
		file = path.Clean(path.Join(path.Dir(page), target))
	}
	if file == ".." || strings.HasPrefix(file, "../") {
		return "outside the repository"
	}
	if _, pending := pendingFiles[file]; pending {
		return ""
	}
	if err := markdown.CheckTarget(filepath.FromSlash(file), fragment); err != nil {
		return err.Error()
	}
	return ""
}
