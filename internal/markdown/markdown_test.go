package markdown

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestAnchor checks headings whose anchors GitHub renders as given.
func TestAnchor(t *testing.T) {
	for heading, want := range map[string]string{
		"Run the tests":                        "run-the-tests",
		"DigitalOceanExporterDown":             "digitaloceanexporterdown",
		"`load_balancer_metrics`":              "load_balancer_metrics",
		"The page and /inventory":              "the-page-and-inventory",
		"Rate limits, backoff and staleness":   "rate-limits-backoff-and-staleness",
		"With the [Debian package](x.md)":      "with-the-debian-package",
		"**Which.** Droplets":                  "which-droplets",
		"Migrating from metalmatze's exporter": "migrating-from-metalmatzes-exporter",
	} {
		if got := Anchor(heading); got != want {
			t.Errorf("Anchor(%q) = %q, want %q", heading, got, want)
		}
	}
}

const doc = "# Title\n\nSee [below](#usage) and ![shot](images/a.png).\n\n" +
	"```yaml\n# not a heading\nurl: [x](not-a-link.md)\n```\n\n" +
	"## Usage\n\nInline `[code](not-a-link.md)` and [other](other.md#part \"title\").\n\n## Usage\n"

func TestHeadingsAndAnchors(t *testing.T) {
	if got, want := Headings([]byte(doc)), []string{"Title", "Usage", "Usage"}; !slices.Equal(got, want) {
		t.Errorf("Headings = %q, want %q", got, want)
	}
	got := slices.Sorted(maps.Keys(Anchors([]byte(doc))))
	if want := []string{"title", "usage", "usage-1"}; !slices.Equal(got, want) {
		t.Errorf("Anchors = %q, want %q", got, want)
	}
}

func TestLinks(t *testing.T) {
	want := []string{"#usage", "images/a.png", "other.md#part"}
	if got := Links([]byte(doc)); !slices.Equal(got, want) {
		t.Errorf("Links = %q, want %q", got, want)
	}
}

func TestCodeBlocks(t *testing.T) {
	got := CodeBlocks([]byte(doc))
	want := []Block{{Info: "yaml", Text: "# not a heading\nurl: [x](not-a-link.md)\n"}}
	if !slices.Equal(got, want) {
		t.Errorf("CodeBlocks = %q, want %q", got, want)
	}
}

func TestCheckTarget(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "page.md")
	if err := os.WriteFile(page, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		file, fragment string
		ok             bool
	}{
		{page, "", true}, {page, "usage-1", true}, {dir, "", true},
		{page, "nope", false}, {filepath.Join(dir, "missing.md"), "", false}, {dir, "usage", false},
	} {
		if err := CheckTarget(c.file, c.fragment); (err == nil) != c.ok {
			t.Errorf("CheckTarget(%s, %q) = %v, want ok %v", c.file, c.fragment, err, c.ok)
		}
	}
}
