package e2e

import (
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"helm.sh/helm/v3/pkg/action"
	"helm.sh/helm/v3/pkg/chartutil"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"

	"github.com/digitalocean-exporter/digitalocean_exporter/collector"
	"github.com/digitalocean-exporter/digitalocean_exporter/config"
)

// TestChartLints runs `helm lint --strict` with every value set: a
// warning fails as an error does.
func TestChartLints(t *testing.T) {
	t.Parallel()
	for _, set := range valueSets(t) {
		lint := action.NewLint()
		lint.Strict, lint.Namespace, lint.KubeVersion = true, "monitoring", minKubeVersion
		result := lint.Run([]string{chartDir}, set.values)
		if result.TotalChartsLinted != 1 {
			t.Errorf("%s: linted %d charts, want 1: %v", set.name, result.TotalChartsLinted, result.Errors)
		}
		for _, err := range result.Errors {
			t.Errorf("%s: helm lint: %v", set.name, err)
		}
	}
}

// TestChartPodsAreLockedDown renders every value set and checks what the
// chart promises of every container: not root, a read-only root
// filesystem, no privilege escalation, no capabilities, the runtime's
// seccomp profile, resources, and no Kubernetes API token.
func TestChartPodsAreLockedDown(t *testing.T) {
	t.Parallel()
	for _, set := range valueSets(t) {
		objects := render(t, set.values)
		pods := podSpecs(objects)
		if len(pods) != 1 {
			t.Fatalf("%s: %d workloads rendered, want one Deployment or StatefulSet", set.name, len(pods))
		}
		for _, pod := range pods {
			checkLockedDown(t, set.name, pod)
		}
	}
}

func checkLockedDown(t *testing.T, set string, pod corev1.PodSpec) {
	t.Helper()
	if pod.AutomountServiceAccountToken == nil || *pod.AutomountServiceAccountToken {
		t.Errorf("%s: the pod mounts a Kubernetes API token it has no use for", set)
	}
	if pod.SecurityContext == nil || pod.SecurityContext.SeccompProfile == nil ||
		pod.SecurityContext.SeccompProfile.Type != corev1.SeccompProfileTypeRuntimeDefault {
		t.Errorf("%s: the pod's seccomp profile is not RuntimeDefault: %+v", set, pod.SecurityContext)
	}
	containers := append(slices.Clone(pod.InitContainers), pod.Containers...)
	if len(containers) == 0 {
		t.Fatalf("%s: no container", set)
	}
	for _, c := range containers {
		s := c.SecurityContext
		switch {
		case s == nil:
			t.Errorf("%s: container %s has no security context", set, c.Name)
			continue
		case s.RunAsNonRoot == nil || !*s.RunAsNonRoot:
			t.Errorf("%s: container %s may run as root", set, c.Name)
		case s.ReadOnlyRootFilesystem == nil || !*s.ReadOnlyRootFilesystem:
			t.Errorf("%s: container %s may write its root filesystem", set, c.Name)
		case s.AllowPrivilegeEscalation == nil || *s.AllowPrivilegeEscalation:
			t.Errorf("%s: container %s may escalate its privileges", set, c.Name)
		case s.Privileged != nil && *s.Privileged:
			t.Errorf("%s: container %s is privileged", set, c.Name)
		case s.Capabilities == nil || !slices.Equal(s.Capabilities.Drop, []corev1.Capability{"ALL"}) || len(s.Capabilities.Add) > 0:
			t.Errorf("%s: container %s keeps capabilities: %+v", set, c.Name, s.Capabilities)
		case s.SeccompProfile == nil || s.SeccompProfile.Type != corev1.SeccompProfileTypeRuntimeDefault:
			t.Errorf("%s: container %s's seccomp profile is not RuntimeDefault", set, c.Name)
		}
		if c.Resources.Requests.Memory().IsZero() || c.Resources.Limits.Memory().IsZero() || c.Resources.Requests.Cpu().IsZero() {
			t.Errorf("%s: container %s lacks a memory request and limit, or a CPU request: %+v", set, c.Name, c.Resources)
		}
		for _, m := range c.VolumeMounts {
			if m.SubPath != "" || !m.ReadOnly {
				t.Errorf("%s: container %s mounts %s with subPath %q, read-only %v: want whole volumes, read-only "+
					"(the kubelet does not update a subPath)", set, c.Name, m.MountPath, m.SubPath, m.ReadOnly)
			}
		}
	}
}

// podSpecs are the pods of the rendered Deployments and StatefulSets.
func podSpecs(objects []object) []corev1.PodSpec {
	var pods []corev1.PodSpec
	for _, d := range all[*appsv1.Deployment](objects) {
		pods = append(pods, d.Spec.Template.Spec)
	}
	for _, s := range all[*appsv1.StatefulSet](objects) {
		pods = append(pods, s.Spec.Template.Spec)
	}
	return pods
}

// TestChartTokenIsAFile: the single account's token reaches the exporter
// as a file of a whole Secret volume (rotated without a restart), from the
// chart's Secret or from existingSecret, which the chart then leaves alone.
func TestChartTokenIsAFile(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		set, secret, key string
		chartSecret      bool
	}{
		{"defaults", "do-digitalocean-exporter", "token", true},
		{"existing-secret", "digitalocean-token", "access-token", false},
	} {
		objects := render(t, valuesOf(t, c.set))
		pod := only[*appsv1.Deployment](t, objects).Spec.Template.Spec
		file := flagValue(t, pod.Containers[0].Args, "--digitalocean.token-file")
		volume := mountedVolume(t, pod, file)
		if volume.Secret == nil || volume.Secret.SecretName != c.secret || path.Base(file) != c.key {
			t.Fatalf("%s: --digitalocean.token-file=%s is in volume %+v, want key %s of Secret %s", c.set, file, volume, c.key, c.secret)
		}
		// Readable by the pod's group (fsGroup), not by others, which the exporter would warn of.
		if mode := volume.Secret.DefaultMode; mode == nil || *mode != 0o440 {
			t.Errorf("%s: the token files' mode is %v, want 0440", c.set, mode)
		}
		secrets := all[*corev1.Secret](objects)
		switch {
		case !c.chartSecret && len(secrets) > 0:
			t.Errorf("%s: the chart makes a Secret beside existingSecret", c.set)
		case c.chartSecret && (len(secrets) != 1 || !hasKey(secrets[0].StringData, c.key)):
			t.Errorf("%s: want the chart's Secret with key %s, have %+v", c.set, c.key, secrets)
		}
	}
}

// TestChartAccountsConfig: with accounts, the exporter reads a config file
// from a ConfigMap, which the exporter's own parser accepts, and each
// account's token file is its own key of the Secret.
func TestChartAccountsConfig(t *testing.T) {
	t.Parallel()
	objects := render(t, valuesOf(t, "accounts"))
	pod := only[*appsv1.Deployment](t, objects).Spec.Template.Spec
	accounts := loadRenderedAccounts(t, objects, pod)
	secret := only[*corev1.Secret](t, objects)
	want := map[string]string{"production": "dop_v1_chart_test_production", "staging": "dop_v1_chart_test_staging"}
	for _, a := range accounts {
		volume := mountedVolume(t, pod, a.TokenFile)
		token := secret.StringData[path.Base(a.TokenFile)]
		if volume.Secret == nil || volume.Secret.SecretName != secret.Name || token != want[a.Name] {
			t.Errorf("account %s: token_file %s holds %q from %+v, want its own token from Secret %s", a.Name, a.TokenFile, token, volume, secret.Name)
		}
		delete(want, a.Name)
	}
	if len(want) > 0 {
		t.Errorf("accounts missing from the config file: %v", want)
	}
	if staging := accounts[1]; !slices.Equal(staging.Collectors, []string{"account", "droplets", "kubernetes"}) ||
		staging.RefreshInterval.String() != "5m0s" || staging.DetailInterval.String() != "1h0m0s" {
		t.Errorf("staging's settings did not reach the config file: %+v", staging)
	}
}

// loadRenderedAccounts reads the config file the pod is given with the
// exporter's own parser.
func loadRenderedAccounts(t *testing.T, objects []object, pod corev1.PodSpec) []config.Account {
	t.Helper()
	file := flagValue(t, pod.Containers[0].Args, "--config.file")
	volume := mountedVolume(t, pod, file)
	configMap := only[*corev1.ConfigMap](t, objects)
	data, ok := configMap.Data[path.Base(file)]
	if volume.ConfigMap == nil || volume.ConfigMap.Name != configMap.Name || !ok {
		t.Fatalf("--config.file=%s is not a key of ConfigMap %s (volume %+v)", file, configMap.Name, volume)
	}
	local := filepath.Join(t.TempDir(), "accounts.yml")
	if err := os.WriteFile(local, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	var names config.Collectors
	for _, f := range collector.Factories {
		names.All = append(names.All, f.Name)
		names.Enabled = append(names.Enabled, f.Name)
	}
	accounts, err := config.LoadAccounts(local, names)
	if err != nil {
		t.Fatalf("the exporter refuses the chart's config file: %v\n%s", err, data)
	}
	return accounts
}

// TestChartRefusesContradictions: values that cannot work fail the
// rendering with a reason, rather than a pod that crashes.
func TestChartRefusesContradictions(t *testing.T) {
	t.Parallel()
	tenAccounts := valuesOf(t, "shards")["accounts"]
	for _, c := range []struct {
		values map[string]any
		kube   *chartutil.KubeVersion
		want   string
	}{
		{map[string]any{"token": "x", "existingSecret": "s"}, nil, "token and existingSecret exclude each other"},
		{map[string]any{"shards": 2, "token": "x"}, nil, "shards split the accounts"},
		{map[string]any{"shards": 11, "accounts": tenAccounts}, nil, "11 pods for 10 accounts"},
		{map[string]any{"shards": 0}, nil, "shards: 0"},
		{map[string]any{"shards": 2, "accounts": tenAccounts},
			&chartutil.KubeVersion{Version: "v1.27.9", Major: "1", Minor: "27"}, "shards need Kubernetes 1.28"},
		{map[string]any{"accounts": []any{map[string]any{"name": "a", "token_file": "/x"}}}, nil, "not token_file or token_env"},
		{map[string]any{"accounts": []any{map[string]any{"name": "a b"}}}, nil, "is not a Secret key"},
		{map[string]any{"accounts": []any{map[string]any{"name": "a", "tokenKey": "k"}, map[string]any{"name": "b", "tokenKey": "k"}}},
			nil, `token key "k" is used by another account`},
	} {
		_, err := template(t, c.values, c.kube)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("values %v: error %v, want one saying %q", c.values, err, c.want)
		}
	}
}

// TestChartPackageHoldsItsFiles: `helm package` follows the chart's link to
// dashboards/ and keeps from it only the dashboards and the alert rules,
// as they are in the repository.
func TestChartPackageHoldsItsFiles(t *testing.T) {
	t.Parallel()
	want, err := filepath.Glob(inRepo("dashboards/*.json"))
	if err != nil || len(want) == 0 {
		t.Fatalf("no dashboards/*.json: %v", err)
	}
	want = append(want, inRepo("dashboards/alerts.yml"))
	packaged := map[string][]byte{}
	for _, f := range packagedChart(t).Files {
		packaged[f.Name] = f.Data
	}
	for _, file := range want {
		name := "files/" + filepath.Base(file)
		if data, ok := packaged[name]; !ok || string(data) != string(readRepoFile(t, strings.TrimPrefix(file, repoRoot+"/"))) {
			t.Errorf("the packaged chart's %s is missing or differs from %s", name, file)
		}
		delete(packaged, name)
	}
	for name := range packaged {
		if strings.HasPrefix(name, "files/") {
			t.Errorf("the packaged chart holds %s, which it does not use: add it to the chart's .helmignore", name)
		}
	}
}

// TestChartAppVersionIsTheRelease: the chart installs the image of the
// version the Makefile stamps.
func TestChartAppVersionIsTheRelease(t *testing.T) {
	t.Parallel()
	version := strings.TrimSpace(string(readRepoFile(t, "VERSION")))
	objects := render(t, map[string]any{})
	image := only[*appsv1.Deployment](t, objects).Spec.Template.Spec.Containers[0].Image
	if !strings.HasSuffix(image, ":"+version) {
		t.Errorf("the chart's image is %s, want the tag %s of the VERSION file", image, version)
	}
}

// flagValue is the value of --name=value among args.
func flagValue(t *testing.T, args []string, name string) string {
	t.Helper()
	for _, a := range args {
		if value, ok := strings.CutPrefix(a, name+"="); ok {
			return value
		}
	}
	t.Fatalf("no %s= among the exporter's args %q", name, args)
	return ""
}

// mountedVolume is the volume whose mount holds file.
func mountedVolume(t *testing.T, pod corev1.PodSpec, file string) corev1.Volume {
	t.Helper()
	for _, m := range pod.Containers[0].VolumeMounts {
		if path.Dir(file) == m.MountPath {
			for _, v := range pod.Volumes {
				if v.Name == m.Name {
					return v
				}
			}
		}
	}
	t.Fatalf("%s is in no mounted volume of the pod", file)
	return corev1.Volume{}
}

func hasKey[V any](m map[string]V, key string) bool {
	_, ok := m[key]
	return ok
}
