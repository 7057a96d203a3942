{{/* The pod of the Deployment and of the StatefulSet alike. */}}
{{- define "digitalocean-exporter.podTemplate" -}}
metadata:
  labels:
    {{- include "digitalocean-exporter.selectorLabels" . | nindent 4 }}
    {{- with .Values.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  annotations:
    {{- if .Values.accounts }}
    # A changed account list restarts the pods; a rotated token does not.
    checksum/config: {{ include "digitalocean-exporter.accountsConfig" . | sha256sum }}
    {{- end }}
    {{- with .Values.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  automountServiceAccountToken: false
  enableServiceLinks: false
  {{- with .Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.priorityClassName }}
  priorityClassName: {{ . }}
  {{- end }}
  securityContext:
    {{- toYaml .Values.podSecurityContext | nindent 4 }}
  containers:
    - name: exporter
      image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
      imagePullPolicy: {{ .Values.image.pullPolicy }}
      args:
        {{- include "digitalocean-exporter.args" . | nindent 8 }}
      {{- if or (gt (int .Values.shards) 1) .Values.env }}
      env:
        {{- if gt (int .Values.shards) 1 }}
        # The StatefulSet controller labels each pod with its ordinal; the
        # kubelet puts the label in POD_INDEX and $(POD_INDEX) in the args.
        - name: POD_INDEX
          valueFrom:
            fieldRef:
              fieldPath: metadata.labels['apps.kubernetes.io/pod-index']
        {{- end }}
        {{- with .Values.env }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- end }}
      ports:
        - name: http
          containerPort: {{ .Values.service.port }}
          protocol: TCP
      livenessProbe:
        httpGet:
          path: /-/healthy
          port: http
      readinessProbe:
        httpGet:
          path: /-/ready
          port: http
      resources:
        {{- toYaml .Values.resources | nindent 8 }}
      securityContext:
        {{- toYaml .Values.securityContext | nindent 8 }}
      {{- if not .Values.demo }}
      volumeMounts:
        - name: tokens
          mountPath: {{ include "digitalocean-exporter.tokenDir" . }}
          readOnly: true
        {{- if .Values.accounts }}
        - name: config
          mountPath: {{ include "digitalocean-exporter.configFile" . | dir }}
          readOnly: true
        {{- end }}
      {{- end }}
  {{- if not .Values.demo }}
  volumes:
    # The whole Secret as a folder, not subPath: the kubelet then updates
    # the files when the Secret changes.
    - name: tokens
      secret:
        secretName: {{ include "digitalocean-exporter.secretName" . }}
        defaultMode: 0440
    {{- if .Values.accounts }}
    - name: config
      configMap:
        name: {{ include "digitalocean-exporter.fullname" . }}
    {{- end }}
  {{- end }}
  {{- with .Values.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
