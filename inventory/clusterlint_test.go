package inventory

import (
	"maps"
	"testing"

	"github.com/digitalocean/godo"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

func TestMapClusterlintFromExamples(t *testing.T) {
	var body struct{ Diagnostics []*godo.ClusterlintDiagnostic }
	decodeExample(t, "kubernetes_clusterlint.json", &body)
	if got := lintByCheck(append(body.Diagnostics, nil)); !maps.Equal(got, map[LintCheck]int{{"unused-config-map", "warning"}: 1}) {
		t.Errorf("diagnostics %v, want the example's one warning", got)
	}
}

// TestClusterNeverLintedIsLeftOut: a cluster clusterlint never ran on
// answers 404; it has no diagnostics, and the others are read.
func TestClusterNeverLintedIsLeftOut(t *testing.T) {
	api := newTestAPI(t, fakeapi.Demo())
	clusters := Clusters.Of(api.refresh(t))
	api.SetFault("/v2/kubernetes/clusters/"+clusters[0].ID+"/clusterlint", fakeapi.Fault{Status: 404})
	s := api.refresh(t)
	lint := KubernetesClusterlint.Of(s)
	if _, linted := lint[clusters[0].ID]; linted || len(lint) != len(clusters)-1 || !s.Status[KindKubernetesClusterlint].Succeeded() {
		t.Errorf("diagnostics of %d clusters (status %+v), want all but the first", len(lint), s.Status[KindKubernetesClusterlint])
	}
}
