package e2e

import (
	"bytes"
	"io"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	monitoringv1 "github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring/v1"
	"helm.sh/helm/v3/pkg/action"
	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chart/loader"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/releaseutil"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	clientgoscheme "k8s.io/client-go/kubernetes/scheme"
	"sigs.k8s.io/yaml"
)

// chartDir is the chart, as a user clones it.
var chartDir = inRepo("charts/digitalocean-exporter")

// minKubeVersion is the oldest Kubernetes the chart supports; the
// tests render for it (helm template --kube-version).
var minKubeVersion = &chartutil.KubeVersion{Version: "v1.28.0", Major: "1", Minor: "28"}

func init() {
	// Helm logs every symbolic link it follows; files/ is one, on purpose.
	log.SetOutput(io.Discard)
}

// valueSet is one way to install the chart: its default values, or a file
// of ci/ (the chart-testing convention), applied over them.
type valueSet struct {
	name   string
	values map[string]any
}

func valueSets(t *testing.T) []valueSet {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(chartDir, "ci", "*-values.yaml"))
	if err != nil || len(files) < 5 {
		t.Fatalf("want the chart's ci/*-values.yaml (5 or more), found %v (%v)", files, err)
	}
	sets := []valueSet{{name: "defaults", values: map[string]any{}}}
	for _, f := range files {
		values, err := chartutil.ReadValuesFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sets = append(sets, valueSet{name: strings.TrimSuffix(filepath.Base(f), "-values.yaml"), values: values})
	}
	return sets
}

// valuesOf is one of valueSets, by name.
func valuesOf(t *testing.T, name string) map[string]any {
	t.Helper()
	for _, s := range valueSets(t) {
		if s.name == name {
			return s.values
		}
	}
	t.Fatalf("no value set %q in the chart's ci/", name)
	return nil
}

// packagedChart is the chart as `helm package` archives it and a user
// installs it: symbolic links followed, .helmignore applied.
func packagedChart(t *testing.T) *chart.Chart {
	t.Helper()
	fromDir, err := loader.LoadDir(chartDir)
	if err != nil {
		t.Fatal(err)
	}
	archive, err := chartutil.Save(fromDir, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	packaged, err := loader.Load(archive)
	if err != nil {
		t.Fatal(err)
	}
	return packaged
}

// template renders the packaged chart with values as `helm template`
// does, for Kubernetes kube (nil: minKubeVersion).
func template(t *testing.T, values map[string]any, kube *chartutil.KubeVersion) (string, error) {
	t.Helper()
	install := action.NewInstall(&action.Configuration{Log: t.Logf})
	install.ClientOnly, install.DryRun, install.Replace = true, true, true
	install.ReleaseName, install.Namespace = "do", "monitoring"
	install.KubeVersion = kube
	if kube == nil {
		install.KubeVersion = minKubeVersion
	}
	release, err := install.Run(packagedChart(t), values)
	if err != nil {
		return "", err
	}
	return release.Manifest, nil
}

// object is one rendered manifest, decoded strictly into its type.
type object struct {
	source string         // the template it came from
	raw    map[string]any // as YAML data
	typed  runtime.Object // *appsv1.Deployment, *monitoringv1.PrometheusRule, ...
}

// render renders values and decodes every object strictly: a field the
// Kubernetes or Prometheus Operator type does not have is an error.
func render(t *testing.T, values map[string]any) []object {
	t.Helper()
	manifest, err := template(t, values, nil)
	if err != nil {
		t.Fatalf("helm template: %v", err)
	}
	var objects []object
	for _, m := range releaseutil.SplitManifests(manifest) {
		source, _, _ := strings.Cut(strings.TrimPrefix(m, "---\n# Source: "), "\n")
		typed, _, err := strictDecoder.Decode([]byte(m), nil, nil)
		if err != nil {
			t.Fatalf("%s does not decode strictly: %v\n%s", source, err, m)
		}
		var raw map[string]any
		if err := yaml.Unmarshal([]byte(m), &raw); err != nil {
			t.Fatal(err)
		}
		objects = append(objects, object{source: source, raw: raw, typed: typed})
	}
	slices.SortFunc(objects, func(a, b object) int { return strings.Compare(a.source, b.source) })
	return objects
}

var strictDecoder = func() runtime.Decoder {
	scheme := runtime.NewScheme()
	for _, add := range []func(*runtime.Scheme) error{clientgoscheme.AddToScheme, monitoringv1.AddToScheme} {
		if err := add(scheme); err != nil {
			panic(err)
		}
	}
	return serializer.NewCodecFactory(scheme, serializer.EnableStrict).UniversalDeserializer()
}()

// only returns the one rendered object of type T.
func only[T runtime.Object](t *testing.T, objects []object) T {
	t.Helper()
	found := all[T](objects)
	if len(found) != 1 {
		var zero T
		t.Fatalf("want one %T among the rendered objects, found %d", zero, len(found))
	}
	return found[0]
}

// all returns the rendered objects of type T.
func all[T runtime.Object](objects []object) []T {
	var found []T
	for _, o := range objects {
		if typed, ok := o.typed.(T); ok {
			found = append(found, typed)
		}
	}
	return found
}

// readRepoFile reads a file of the repository.
func readRepoFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(inRepo(path))
	if err != nil {
		t.Fatal(err)
	}
	return bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
}
