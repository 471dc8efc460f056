package io.jenkins.plugins.gitopssync.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Charts the tests write themselves (none is copied from elsewhere), each exercising what a chart may do.
 *
 * <p>{@link #shop}: {@code apps/shop}, a chart with a vendored subchart ({@code charts/cache}), a library chart
 * from {@code file://../../libs/common}, a CRD in {@code crds/} and a custom resource of it, a value rendered
 * with {@code tpl}, an object only rendered when the cluster serves {@code gadgets.<group>/v1/Gadget}
 * ({@code .Capabilities.APIVersions.Has}), the server's version, a pre-install hook, a template that calls
 * {@code lookup}, and values in layers: {@code values.yaml}, {@code values/prod.yaml}, {@code values/override.yaml}.
 */
public final class TestCharts {

    private TestCharts() {
    }

    /** Writes {@code content} to {@code root/rel}, creating directories. */
    public static void write(Path root, String rel, String content) {
        try {
            Path file = root.resolve(rel);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shop chart at {@code apps/shop} and what it uses; its CRD is {@code widgets.<group>}. */
    public static void shop(Path root, String group) {
        write(root, "apps/shop/Chart.yaml", """
                apiVersion: v2
                name: shop
                version: 1.2.0
                dependencies:
                  - name: common
                    version: 0.1.0
                    repository: file://../../libs/common
                  - name: cache
                    version: 0.3.0
                    condition: cache.enabled
                """);
        write(root, "apps/shop/values.yaml", """
                greeting: hello
                color: blue
                size: small
                extra: none
                level: base
                banner: "{{ .Release.Name }} in {{ .Values.color }}"
                widgets: 1
                cache:
                  enabled: true
                  replicas: 1
                """);
        write(root, "apps/shop/templates/_helpers.tpl", """
                {{- define "shop.name" -}}{{ .Release.Name }}-shop{{- end }}
                """);
        write(root, "apps/shop/templates/config.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {{ include "shop.name" . }}-config
                  labels:
                    {{- include "common.labels" . | nindent 4 }}
                data:
                  greeting: {{ .Values.greeting | quote }}
                  color: {{ .Values.color | quote }}
                  size: {{ .Values.size | quote }}
                  extra: {{ .Values.extra | quote }}
                  level: {{ .Values.level | quote }}
                  banner: {{ tpl .Values.banner . | quote }}
                  kubeVersion: {{ .Capabilities.KubeVersion.Version | quote }}
                  namespace: {{ .Release.Namespace | quote }}
                  {{- if .Values.password }}
                  password: {{ .Values.password | quote }}
                  {{- end }}
                """);
        write(root, "apps/shop/templates/widgets.yaml", """
                {{- range $i, $e := until (int .Values.widgets) }}
                ---
                apiVersion: %1$s/v1
                kind: Widget
                metadata:
                  name: {{ include "shop.name" $ }}-widget-{{ $i }}
                spec:
                  size: {{ $.Values.size | quote }}
                {{- end }}
                """.formatted(group));
        write(root, "apps/shop/templates/gadget-support.yaml", """
                {{- if .Capabilities.APIVersions.Has "gadgets.%1$s/v1/Gadget" }}
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {{ include "shop.name" . }}-gadgets
                data:
                  supported: "true"
                {{- end }}
                """.formatted(group));
        write(root, "apps/shop/templates/migrate-hook.yaml", """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: {{ include "shop.name" . }}-migrate
                  annotations:
                    helm.sh/hook: pre-install,pre-upgrade
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: migrate
                          image: busybox:1.36
                """);
        write(root, "apps/shop/templates/session.yaml", """
                {{- $existing := lookup "v1" "Secret" .Release.Namespace "shop-session" }}
                apiVersion: v1
                kind: Secret
                metadata:
                  name: {{ include "shop.name" . }}-session
                stringData:
                  seen: {{ if $existing }}"yes"{{ else }}"no"{{ end }}
                """);
        write(root, "apps/shop/crds/widgets.yaml", crd(group));
        write(root, "apps/shop/charts/cache/Chart.yaml", """
                apiVersion: v2
                name: cache
                version: 0.3.0
                """);
        write(root, "apps/shop/charts/cache/values.yaml", "replicas: 2\n");
        write(root, "apps/shop/charts/cache/templates/cache.yaml", releaseConfigMap("cache", "replicas", "{{ .Values.replicas | quote }}"));
        write(root, "libs/common/Chart.yaml", """
                apiVersion: v2
                name: common
                version: 0.1.0
                type: library
                """);
        write(root, "libs/common/templates/_labels.tpl", """
                {{- define "common.labels" -}}
                app.kubernetes.io/name: {{ .Chart.Name }}
                app.kubernetes.io/instance: {{ .Release.Name }}
                {{- end }}
                """);
        write(root, "values/prod.yaml", "color: green\nsize: large\nlevel: prod\n");
        write(root, "values/override.yaml", "size: huge\nlevel: override\n");
    }

    /** A namespaced CRD {@code widgets.<group>} (kind Widget, served at v1, spec.size a string). */
    public static String crd(String group) {
        return crd(group, "string");
    }

    /** A namespaced CRD {@code widgets.<group>} (kind Widget, served at v1, spec.size of {@code sizeType}). */
    public static String crd(String group, String sizeType) {
        return """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: widgets.%1$s
                spec:
                  group: %1$s
                  scope: Namespaced
                  names:
                    kind: Widget
                    plural: widgets
                    singular: widget
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema:
                        openAPIV3Schema:
                          type: object
                          properties:
                            spec:
                              type: object
                              properties:
                                size:
                                  type: %2$s
                """.formatted(group, sizeType);
    }

    /**
     * A chart {@code name} 1.0.0 at {@code dir} that depends on {@code backend} 0.2.0 from the chart repository at
     * {@code repositoryUrl}, with a ConfigMap {@code front} of its own.
     */
    public static void front(Path root, String dir, String name, String repositoryUrl) {
        write(root, dir + "/Chart.yaml", """
                apiVersion: v2
                name: %s
                version: 1.0.0
                dependencies:
                  - name: backend
                    version: 0.2.0
                    repository: %s
                """.formatted(name, repositoryUrl));
        write(root, dir + "/templates/front.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: front\ndata:\n  a: b\n");
    }

    /** A small chart at {@code dir}: a ConfigMap with the greeting and a Deployment; name {@code name}. */
    public static void web(Path root, String dir, String name, String version) {
        write(root, dir + "/Chart.yaml", "apiVersion: v2\nname: " + name + "\nversion: " + version + "\n");
        write(root, dir + "/values.yaml", "greeting: hello\nreplicas: 1\n");
        write(root, dir + "/templates/config.yaml", releaseConfigMap("greeting", "greeting", "{{ .Values.greeting | quote }}"));
        write(root, dir + "/templates/web.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {{ .Release.Name }}-web
                spec:
                  replicas: {{ .Values.replicas }}
                  selector:
                    matchLabels: {app: {{ .Release.Name }}-web}
                  template:
                    metadata:
                      labels: {app: {{ .Release.Name }}-web}
                    spec:
                      containers:
                        - name: web
                          image: nginx:1.27
                """);
    }

    /** A template of a ConfigMap named after the release ({@code <release>-<suffix>}) with one entry. */
    private static String releaseConfigMap(String suffix, String key, String value) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-" + suffix + "\ndata:\n  " + key + ": " + value + "\n";
    }
}
