package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.identity.NamespaceNames;
import java.util.List;

/**
 * What a chart's render takes from the sync rather than from the user: the default release name (derived from
 * the ApplySet), the release namespace, and the cluster Helm renders for, as Argo CD gives it: the server's
 * version ({@code --kube-version}) and every API version and kind it serves ({@code --api-versions}), so
 * {@code .Capabilities} checks see the real cluster. Without a cluster ({@code build}) Helm's defaults apply.
 *
 * @param releaseName the release name when the options name none
 * @param namespace   the release namespace ({@code .Release.Namespace})
 * @param kubeVersion the server's version (v1.35.4), or null for Helm's default
 * @param apiVersions group/version and group/version/Kind of everything the server serves; empty for Helm's
 *                    defaults
 */
public record ChartTarget(String releaseName, String namespace, String kubeVersion, List<String> apiVersions) {

    public ChartTarget {
        apiVersions = apiVersions == null ? List.of() : List.copyOf(apiVersions);
        namespace = namespace == null || namespace.isBlank() ? NamespaceNames.DEFAULT : namespace;
    }

    /** No cluster: Helm's default capabilities. */
    public static ChartTarget offline(String releaseName, String namespace) {
        return new ChartTarget(releaseName, namespace, null, List.of());
    }

    /** A digest-friendly text of the capabilities, for noticing renders that differ for the same input. */
    String capabilities() {
        return kubeVersion + "|" + String.join(",", apiVersions);
    }
}
