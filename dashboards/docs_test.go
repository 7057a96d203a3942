package dashboards

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestEveryDashboardIsDocumented fails when a dashboard has no row in
// docs/dashboards.md, or its row does not name a variable the dashboard
// shows (hidden ones are the dashboards' own business).
func TestEveryDashboardIsDocumented(t *testing.T) {
	page, err := os.ReadFile("../docs/dashboards.md")
	if err != nil {
		t.Fatal(err)
	}
	eachFile(t, func(t *testing.T, name string, raw []byte) {
		row := regexp.MustCompile("(?m)^\\| `" + regexp.QuoteMeta(name) + "` \\|.*$").Find(page)
		if row == nil {
			t.Fatalf("%s has no row in docs/dashboards.md", name)
		}
		var d dashboard
		if err := json.Unmarshal(raw, &d); err != nil {
			t.Fatal(err)
		}
		for _, v := range d.Templating.List {
			if v.Hide == 0 && !strings.Contains(string(row), "`$"+v.Name+"`") {
				t.Errorf("%s: its row in docs/dashboards.md does not name the variable $%s", name, v.Name)
			}
		}
	})
}
