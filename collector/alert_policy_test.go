package collector

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// TestAlertPolicyValuesFromExamples checks the alert policy family against
// monitoring_alert_policies.json; no metric holds where it sends alerts.
func TestAlertPolicyValuesFromExamples(t *testing.T) {
	src := refreshedSource(t, fakeapi.Examples())
	want := `
# HELP digitalocean_monitoring_alert_policy_info Each alert policy of DigitalOcean Monitoring with the metric it watches (type), as of the last refresh; value 1. Where it sends alerts is never read.
# TYPE digitalocean_monitoring_alert_policy_info gauge
digitalocean_monitoring_alert_policy_info{account="default",description="CPU Alert",enabled="true",type="v1/insights/droplet/cpu",uuid="78b3da62-27e5-49ba-ac70-5db0b5935c64"} 1
`
	if err := testutil.CollectAndCompare(newAlertPolicyCollector(src), strings.NewReader(want), "digitalocean_monitoring_alert_policy_info"); err != nil {
		t.Error(err)
	}
}
