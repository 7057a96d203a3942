package metricsdoc

import (
	_ "embed"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/markdown"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// header is the page's prose: the conventions every metric follows and a
// few queries. It is written by hand; the reference below it is not.
//
//go:embed header.md
var header string

// Render writes the page: the header, a table of the sections, then each
// section with the kinds it reads and its metrics.
func Render(w io.Writer, sections []Section) error {
	p := &printer{w: w}
	p.printf("%s\n", strings.TrimSpace(header))
	p.printf("\n## Collectors\n\n| collector | switched | metrics |\n| --- | --- | ---: |\n")
	for _, s := range sections {
		p.printf("| [%s](#%s) | %s | %d |\n", s.Title, markdown.Anchor(s.Title), switchWord(s.Switch), len(s.Metrics))
	}
	for _, s := range sections {
		p.section(s)
	}
	return p.err
}

type printer struct {
	w   io.Writer
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func (p *printer) section(s Section) {
	p.printf("\n## %s\n\n%s %s", s.Title, s.Summary, s.Switch)
	if s.See != "" {
		p.printf(" More in [%s](%s).", strings.Split(s.See, "#")[0], s.See)
	}
	p.printf("\n")
	if strings.HasPrefix(s.Title, "`") { // a collector of Factories
		p.kinds(s.Kinds)
	}
	p.printf("\n| metric | type | labels | help |\n| --- | --- | --- | --- |\n")
	for _, m := range s.Metrics {
		p.printf("| `%s` | %s | %s | %s |\n", m.Name, m.Type, codeList(m.Labels), prose(m.Help))
	}
}

func (p *printer) kinds(kinds []*inventory.Kind) {
	if len(kinds) == 0 {
		p.printf("\nIt reads the lists of the other enabled collectors, and costs no request of its own.\n")
		return
	}
	p.printf("\n| reads | what | token scope | refreshed |\n| --- | --- | --- | --- |\n")
	for _, k := range kinds {
		p.printf("| `%s` | %s | %s | %s |\n", k.Name(), k.Label(), codeList(scopes.Split(k.Scope(), -1)), cadence(k))
	}
}

var scopes = regexp.MustCompile(`,\s*| and `)

func cadence(k *inventory.Kind) string {
	switch {
	case k.IsMonitored():
		return "from the Monitoring API, for the objects of `" + k.Parent() + "`, every `--monitoring.interval`"
	case k.Parent() != "" && k.Parent() != inventory.KindAccount:
		return "for the objects of `" + k.Parent() + "`, every `--refresh.detail-interval`"
	case k.IsDetail():
		return "every `--refresh.detail-interval`"
	}
	return "every `--refresh.interval`"
}

// switchWord is the table's short form of a section's switch.
func switchWord(s string) string {
	switch {
	case strings.HasPrefix(s, "Always"):
		return "always"
	case strings.HasPrefix(s, "On"):
		return "on by default"
	}
	return "off by default"
}

func codeList(items []string) string {
	quoted := make([]string, len(items))
	for i, item := range items {
		quoted[i] = "`" + item + "`"
	}
	return strings.Join(quoted, ", ")
}

// identifier is a word with an underscore (a label, a value such as
// CSPM_NOT_ENABLED, a suffix such as _info): shown as code, it renders as
// written instead of as emphasis.
var identifier = regexp.MustCompile(`[A-Za-z0-9]*_[A-Za-z0-9_]*`)

// prose makes a help text safe in a table cell.
func prose(help string) string {
	help = strings.NewReplacer("|", `\|`, "<", "&lt;", ">", "&gt;").Replace(help)
	return identifier.ReplaceAllStringFunc(help, func(word string) string {
		if strings.Trim(word, "_") == "" {
			return word
		}
		return "`" + word + "`"
	})
}
