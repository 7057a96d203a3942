{{/* Names and labels, as `helm create` makes them. */}}
{{- define "digitalocean-exporter.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "digitalocean-exporter.fullname" -}}
{{- if contains .Chart.Name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "digitalocean-exporter.selectorLabels" -}}
app.kubernetes.io/name: {{ include "digitalocean-exporter.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "digitalocean-exporter.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "digitalocean-exporter.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Where the pod finds its token files and its config file. */}}
{{- define "digitalocean-exporter.tokenDir" -}}/etc/digitalocean_exporter/tokens{{- end }}
{{- define "digitalocean-exporter.configFile" -}}/etc/digitalocean_exporter/config/accounts.yml{{- end }}

{{- define "digitalocean-exporter.secretName" -}}
{{- .Values.existingSecret | default (include "digitalocean-exporter.fullname" .) }}
{{- end }}

{{/* The Secret key of an account's token: tokenKey, or its name. */}}
{{- define "digitalocean-exporter.accountKey" -}}
{{- $key := .tokenKey | default .name | toString }}
{{- if not (regexMatch "^[-._a-zA-Z0-9]+$" $key) }}
{{- fail (printf "accounts: %q is not a Secret key (letters, digits, -, _ and . only): give the account a tokenKey" $key) }}
{{- end }}
{{- $key }}
{{- end }}

{{/*
The config file the exporter reads with --config.file: each account as
given, its token replaced by the file that holds it.
*/}}
{{- define "digitalocean-exporter.accountsConfig" -}}
{{- $accounts := list }}
{{- $keys := dict }}
{{- range $i, $a := .Values.accounts }}
{{- if not $a.name }}
{{- fail (printf "accounts[%d]: name is missing" $i) }}
{{- end }}
{{- if or (hasKey $a "token_file") (hasKey $a "token_env") }}
{{- fail (printf "accounts[%d] (%s): the chart mounts each account's token file itself: give token, or tokenKey with existingSecret, not token_file or token_env" $i $a.name) }}
{{- end }}
{{- if and $.Values.existingSecret $a.token }}
{{- fail (printf "accounts[%d] (%s): token and existingSecret exclude each other: put the token in the Secret under its tokenKey" $i $a.name) }}
{{- end }}
{{- $key := include "digitalocean-exporter.accountKey" $a }}
{{- if hasKey $keys $key }}
{{- fail (printf "accounts[%d] (%s): its token key %q is used by another account" $i $a.name $key) }}
{{- end }}
{{- $_ := set $keys $key true }}
{{- $file := printf "%s/%s" (include "digitalocean-exporter.tokenDir" $) $key }}
{{- $accounts = append $accounts (omit $a "token" "tokenKey" | merge (dict "token_file" $file)) }}
{{- end }}
{{- toYaml (dict "accounts" $accounts) }}
{{- end }}

{{/* What the chart's Secret holds: key -> token. */}}
{{- define "digitalocean-exporter.tokens" -}}
{{- $tokens := dict }}
{{- if .Values.accounts }}
{{- range .Values.accounts }}
{{- $_ := set $tokens (include "digitalocean-exporter.accountKey" .) (.token | default "" | toString) }}
{{- end }}
{{- else }}
{{- $_ := set $tokens .Values.tokenKey (.Values.token | toString) }}
{{- end }}
{{- toYaml $tokens }}
{{- end }}

{{/* The exporter's flags. */}}
{{- define "digitalocean-exporter.args" -}}
- --web.listen-address=:{{ .Values.service.port }}
- --log.level={{ .Values.logLevel }}
- --log.format={{ .Values.logFormat }}
{{- if .Values.demo }}
- --demo
{{- else if .Values.accounts }}
- --config.file={{ include "digitalocean-exporter.configFile" . }}
{{- else }}
- --digitalocean.token-file={{ include "digitalocean-exporter.tokenDir" . }}/{{ .Values.tokenKey }}
{{- end }}
{{- if gt (int .Values.shards) 1 }}
- --config.shard=$(POD_INDEX)/{{ int .Values.shards }}
{{- end }}
{{- with .Values.extraArgs }}
{{ toYaml . }}
{{- end }}
{{- end }}
