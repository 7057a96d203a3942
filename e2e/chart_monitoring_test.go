package e2e

import (
	"encoding/json"
	"fmt"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	monitoringv1 "github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"sigs.k8s.io/yaml"
)

// TestChartPrometheusRuleIsAlertsYml: the PrometheusRule's groups are
// dashboards/alerts.yml's, compared as data.
func TestChartPrometheusRuleIsAlertsYml(t *testing.T) {
	t.Parallel()
	objects := render(t, valuesOf(t, "monitoring"))
	rule := only[*monitoringv1.PrometheusRule](t, objects)
	if rule.Labels["release"] != "kube-prometheus-stack" {
		t.Errorf("the PrometheusRule's labels %v lack the ruleSelector's release label", rule.Labels)
	}
	var file struct {
		Groups any `json:"groups"`
	}
	if err := yaml.UnmarshalStrict(readRepoFile(t, "dashboards/alerts.yml"), &file); err != nil {
		t.Fatal(err)
	}
	rendered := rawOf(t, objects, rule)["spec"].(map[string]any)["groups"]
	if !reflect.DeepEqual(rendered, file.Groups) {
		got, _ := json.MarshalIndent(rendered, "", " ")
		want, _ := json.MarshalIndent(file.Groups, "", " ")
		t.Errorf("the PrometheusRule's groups differ from dashboards/alerts.yml:\n%s\nwant\n%s", got, want)
	}
	if n := len(rule.Spec.Groups); n < 3 || len(rule.Spec.Groups[0].Rules) == 0 {
		t.Errorf("the PrometheusRule has %d groups: is alerts.yml read?", n)
	}
}

// TestChartServiceMonitor scrapes the Service's port, on /metrics.
func TestChartServiceMonitor(t *testing.T) {
	t.Parallel()
	objects := render(t, valuesOf(t, "monitoring"))
	monitor := only[*monitoringv1.ServiceMonitor](t, objects)
	service := only[*corev1.Service](t, objects)
	if !reflect.DeepEqual(monitor.Spec.Selector.MatchLabels, service.Spec.Selector) || monitor.Labels["release"] != "kube-prometheus-stack" {
		t.Errorf("the ServiceMonitor selects %v (labels %v), want the Service's %v", monitor.Spec.Selector.MatchLabels, monitor.Labels, service.Spec.Selector)
	}
	if len(monitor.Spec.Endpoints) != 1 || monitor.Spec.Endpoints[0].Port != service.Spec.Ports[0].Name ||
		monitor.Spec.Endpoints[0].Path != "/metrics" || len(monitor.Spec.Endpoints[0].RelabelConfigs) != 1 {
		t.Errorf("the ServiceMonitor's endpoints %+v do not scrape port %s on /metrics", monitor.Spec.Endpoints, service.Spec.Ports[0].Name)
	}
}

// TestChartDashboards: every dashboards/*.json is a ConfigMap for Grafana's
// sidecar, byte for byte (but the final newline, which Helm trims from
// every manifest), with the label and in the namespace asked for.
func TestChartDashboards(t *testing.T) {
	t.Parallel()
	objects := render(t, valuesOf(t, "monitoring"))
	files, _ := filepath.Glob(inRepo("dashboards/*.json"))
	dashboards := map[string]string{}
	for _, c := range all[*corev1.ConfigMap](objects) {
		if c.Labels["grafana_dashboard"] != "1" || c.Namespace != "grafana" || c.Annotations["grafana_folder"] != "DigitalOcean" {
			t.Errorf("ConfigMap %s: labels %v, namespace %q, annotations %v: not for the sidecar", c.Name, c.Labels, c.Namespace, c.Annotations)
		}
		for name, data := range c.Data {
			dashboards[name] = data
		}
	}
	for _, f := range files {
		name := filepath.Base(f)
		if got, want := dashboards[name], strings.TrimSuffix(string(readRepoFile(t, "dashboards/"+name)), "\n"); got != want {
			t.Errorf("%s: no ConfigMap holds it as it is; %s", name, firstDifference(got, want))
		}
		delete(dashboards, name)
	}
	if len(files) == 0 || len(dashboards) > 0 {
		t.Errorf("dashboards/ has %d dashboards; the ConfigMaps hold others too: %v", len(files), slices.Collect(maps.Keys(dashboards)))
	}
	if off := all[*corev1.ConfigMap](render(t, map[string]any{"token": "x"})); len(off) > 0 {
		t.Errorf("dashboards are off by default, yet %d ConfigMaps are rendered", len(off))
	}
}

// TestChartNetworkPolicy lets Prometheus in on the exporter's port, and
// the exporter out only to DNS and HTTPS.
func TestChartNetworkPolicy(t *testing.T) {
	t.Parallel()
	objects := render(t, valuesOf(t, "monitoring"))
	policy := only[*networkingv1.NetworkPolicy](t, objects)
	if !slices.Equal(policy.Spec.PolicyTypes, []networkingv1.PolicyType{"Ingress", "Egress"}) {
		t.Errorf("policy types %v: want both Ingress and Egress restricted", policy.Spec.PolicyTypes)
	}
	if len(policy.Spec.Ingress) != 1 || len(policy.Spec.Ingress[0].From) == 0 ||
		policy.Spec.Ingress[0].From[0].PodSelector.MatchLabels["app.kubernetes.io/name"] != "prometheus" ||
		!slices.Equal(ports(policy.Spec.Ingress[0].Ports), []string{"TCP/http"}) {
		t.Errorf("ingress %+v: want only Prometheus, only on port http", policy.Spec.Ingress)
	}
	var egress []string
	for _, rule := range policy.Spec.Egress {
		egress = append(egress, ports(rule.Ports)...)
	}
	if slices.Sort(egress); !slices.Equal(egress, []string{"TCP/443", "TCP/53", "UDP/53"}) {
		t.Errorf("egress to ports %v: want DNS and 443 only", egress)
	}
	for _, rule := range policy.Spec.Egress {
		if len(rule.Ports) == 0 {
			t.Errorf("an egress rule to %+v allows every port", rule.To)
		}
	}
}

func ports(ps []networkingv1.NetworkPolicyPort) []string {
	var out []string
	for _, p := range ps {
		port := intstr.FromString("any")
		if p.Port != nil {
			port = *p.Port
		}
		out = append(out, string(*p.Protocol)+"/"+port.String())
	}
	return out
}

// rawOf is the rendered object o as YAML data.
func rawOf(t *testing.T, objects []object, typed any) map[string]any {
	t.Helper()
	for _, o := range objects {
		if any(o.typed) == typed {
			return o.raw
		}
	}
	t.Fatal("object not rendered")
	return nil
}

// firstDifference says where two texts part.
func firstDifference(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	return fmt.Sprintf("from byte %d on, %q, want %q", i, got[i:min(i+40, len(got))], want[i:min(i+40, len(want))])
}
