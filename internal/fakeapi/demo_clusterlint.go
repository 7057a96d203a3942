package fakeapi

// lintPlan is a diagnostic clusterlint finds in a demo cluster.
type lintPlan struct {
	check, severity, message, kind, name, namespace string
}

// lintPlans of each cluster, in turn: the production cluster has config
// left over and a pod without an owner, the staging one a bare pod on a
// volume, the last one nothing to say.
var lintPlans = [][]lintPlan{
	{
		{"unused-config-map", "warning", "Unused config map", "config map", "old-feature-flags", "default"},
		{"unused-config-map", "warning", "Unused config map", "config map", "legacy-env", "shop"},
		{"bare-pods", "warning", "Avoid using bare pods in clusters", "pod", "debug-shell", "default"},
	},
	{
		{"dobs-pod-owner", "error", "Pod referencing DOBS volumes must be owned by StatefulSet", "pod", "uploads-0", "staging"},
		{"resource-requirements", "suggestion", "Set resource requests and limits", "pod", "uploads-0", "staging"},
	},
	nil,
}

// clusterlint of cluster i: the diagnostics of its latest run.
func (b builder) clusterlint(i int) []map[string]any {
	plans := lintPlans[i%len(lintPlans)]
	out := make([]map[string]any, len(plans))
	for j, p := range plans {
		d := cloneObject(b.exampleOf(KubernetesClusterlint))
		d["check_name"], d["severity"], d["message"] = p.check, p.severity, p.message
		d["object"] = map[string]any{"name": p.name, "kind": p.kind, "namespace": p.namespace}
		out[j] = d
	}
	return out
}
