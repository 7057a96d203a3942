package main

import (
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/markdown"
)

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
	if err := markdown.CheckTarget(filepath.FromSlash(file), fragment); err != nil {
		return err.Error()
	}
	return ""
}
