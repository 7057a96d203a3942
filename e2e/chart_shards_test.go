package e2e

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"

	"github.com/digitalocean-exporter/digitalocean_exporter/config"
)

// podIndexLabel is the label the StatefulSet controller gives each pod:
// its ordinal (Kubernetes 1.28 and later).
const podIndexLabel = "apps.kubernetes.io/pod-index"

// TestChartShardsSplitTheAccounts renders shards: 3 over ten accounts and
// makes the StatefulSet's three pods as Kubernetes does: each labelled
// with its ordinal, the labels it names put in its environment, and
// $(VAR) in its args expanded from it. Each pod must get a distinct
// --config.shard that the exporter accepts, and the exporter's own split
// must give every account to exactly one pod.
func TestChartShardsSplitTheAccounts(t *testing.T) {
	t.Parallel()
	objects := render(t, valuesOf(t, "shards"))
	set := only[*appsv1.StatefulSet](t, objects)
	if len(all[*appsv1.Deployment](objects)) > 0 || set.Spec.Replicas == nil || *set.Spec.Replicas != 3 {
		t.Fatalf("want a StatefulSet of 3 pods and no Deployment, have %+v", set.Spec.Replicas)
	}
	if env := set.Spec.Template.Spec.Containers[0].Env; !slices.Contains(env, corev1.EnvVar{Name: "GOMEMLIMIT", Value: "230MiB"}) {
		t.Errorf("the values' env is not beside POD_INDEX in the container's: %+v", env)
	}
	headless := false
	for _, s := range all[*corev1.Service](objects) {
		headless = headless || (s.Name == set.Spec.ServiceName && s.Spec.ClusterIP == corev1.ClusterIPNone)
	}
	if !headless {
		t.Errorf("the StatefulSet's serviceName %q is not a rendered headless Service", set.Spec.ServiceName)
	}
	accounts := loadRenderedAccounts(t, objects, set.Spec.Template.Spec)
	if len(accounts) != 10 {
		t.Fatalf("the config file has %d accounts, want 10", len(accounts))
	}
	watchedBy := map[string][]int{}
	seen := map[config.Shard]bool{}
	for ordinal := range 3 {
		args := statefulSetPodArgs(t, set, ordinal)
		shard, err := config.ParseShard(flagValue(t, args, "--config.shard"))
		if err != nil {
			t.Fatalf("pod %d: the exporter refuses its args %q: %v", ordinal, args, err)
		}
		if seen[shard] || shard.Count != 3 {
			t.Errorf("pod %d: --config.shard=%s, given to another pod too, or not of 3", ordinal, shard)
		}
		seen[shard] = true
		for _, a := range shard.Of(accounts) {
			watchedBy[a.Name] = append(watchedBy[a.Name], ordinal)
		}
	}
	for _, a := range accounts {
		if len(watchedBy[a.Name]) != 1 {
			t.Errorf("account %s is watched by pods %v, want exactly one", a.Name, watchedBy[a.Name])
		}
	}
}

// statefulSetPodArgs are the args the container of the StatefulSet's pod
// number ordinal runs with: the controller's labels on the pod template's,
// the downward API's environment, and the kubelet's $(VAR) expansion.
func statefulSetPodArgs(t *testing.T, set *appsv1.StatefulSet, ordinal int) []string {
	t.Helper()
	labels := map[string]string{
		podIndexLabel:                        strconv.Itoa(ordinal),
		"statefulset.kubernetes.io/pod-name": fmt.Sprintf("%s-%d", set.Name, ordinal),
	}
	for k, v := range set.Spec.Template.Labels {
		labels[k] = v
	}
	container := set.Spec.Template.Spec.Containers[0]
	env := map[string]string{}
	for _, e := range container.Env {
		switch {
		case e.ValueFrom == nil:
			env[e.Name] = e.Value
		case e.ValueFrom.FieldRef != nil:
			env[e.Name] = downwardField(t, e.ValueFrom.FieldRef.FieldPath, labels)
		default:
			t.Fatalf("env %s: only values and fieldRefs are simulated", e.Name)
		}
	}
	args := make([]string, len(container.Args))
	for i, a := range container.Args {
		args[i] = expand(a, env)
	}
	return args
}

var labelField = regexp.MustCompile(`^metadata\.labels\['([^']+)'\]$`)

// downwardField is what the downward API puts in an environment variable
// for fieldPath: a label's value, or "" when the pod has no such label.
func downwardField(t *testing.T, fieldPath string, labels map[string]string) string {
	t.Helper()
	m := labelField.FindStringSubmatch(fieldPath)
	if m == nil {
		t.Fatalf("fieldRef %s: only metadata.labels['...'] is simulated", fieldPath)
	}
	return labels[m[1]]
}

// expand replaces $(NAME) by NAME's value as the kubelet does with a
// container's args: an undefined name stays as written, and $$ is $.
func expand(s string, env map[string]string) string {
	var out []byte
	for i := 0; i < len(s); i++ {
		if s[i] != '$' || i+1 == len(s) {
			out = append(out, s[i])
			continue
		}
		switch next := s[i+1]; {
		case next == '$':
			out = append(out, '$')
			i++
		case next == '(':
			end := i + 2
			for end < len(s) && s[end] != ')' {
				end++
			}
			value, ok := env[s[i+2:min(end, len(s))]]
			if end == len(s) || !ok {
				out = append(out, s[i:min(end+1, len(s))]...)
			} else {
				out = append(out, value...)
			}
			i = min(end, len(s)-1)
		default:
			out = append(out, s[i])
		}
	}
	return string(out)
}
