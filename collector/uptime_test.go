package collector

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// TestUptimeValuesFromExamples checks the uptime families against the
// example responses (uptime_checks.json, uptime_check_state.json).
func TestUptimeValuesFromExamples(t *testing.T) {
	c := newUptimeCollector(refreshedSource(t, fakeapi.Examples()))
	want := `
# HELP digitalocean_uptime_check_info Descriptive labels of each uptime check, as of the last refresh; value 1.
# TYPE digitalocean_uptime_check_info gauge
digitalocean_uptime_check_info{account="default",enabled="true",id="5a4981aa-9653-4bd1-bef5-d6bff52042e4",name="Landing page check",target="https://www.landingpage.com",type="https"} 1
# HELP digitalocean_uptime_check_region_up 1 when the region sees the check's target up, 0 when down, as of the last refresh of check states.
# TYPE digitalocean_uptime_check_region_up gauge
digitalocean_uptime_check_region_up{account="default",id="5a4981aa-9653-4bd1-bef5-d6bff52042e4",region="eu_west"} 1
digitalocean_uptime_check_region_up{account="default",id="5a4981aa-9653-4bd1-bef5-d6bff52042e4",region="us_east"} 1
# HELP digitalocean_uptime_check_uptime_ratio Share of the last 30 days the check's target was up, 0-1, as the API gives it, in the region that saw it least; as of the last refresh of check states.
# TYPE digitalocean_uptime_check_uptime_ratio gauge
digitalocean_uptime_check_uptime_ratio{account="default",id="5a4981aa-9653-4bd1-bef5-d6bff52042e4"} 0.9799
`
	if err := testutil.CollectAndCompare(c, strings.NewReader(want)); err != nil {
		t.Error(err)
	}
}
