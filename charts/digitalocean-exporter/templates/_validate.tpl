{{/* Settings that contradict each other fail the rendering with a reason. */}}
{{- define "digitalocean-exporter.validate" -}}
{{- $shards := int .Values.shards }}
{{- if lt $shards 1 }}
{{- fail (printf "shards: %d; give 1 or more" $shards) }}
{{- end }}
{{- if and .Values.existingSecret .Values.token }}
{{- fail "token and existingSecret exclude each other: give the token in one place" }}
{{- end }}
{{- if and .Values.accounts .Values.token }}
{{- fail "token is the single account's; with accounts, give each account its own token" }}
{{- end }}
{{- if gt $shards 1 }}
{{- if or .Values.demo (not .Values.accounts) }}
{{- fail "shards split the accounts listed in accounts between pods: list them (and leave demo off)" }}
{{- end }}
{{- if gt $shards (len .Values.accounts) }}
{{- fail (printf "shards: %d pods for %d accounts would leave a pod with none to watch" $shards (len .Values.accounts)) }}
{{- end }}
{{- if not (semverCompare ">=1.28-0" .Capabilities.KubeVersion.Version) }}
{{- fail (printf "shards need Kubernetes 1.28 or later (the pod-index label of StatefulSet pods); this is %s" .Capabilities.KubeVersion.Version) }}
{{- end }}
{{- end }}
{{- end }}
