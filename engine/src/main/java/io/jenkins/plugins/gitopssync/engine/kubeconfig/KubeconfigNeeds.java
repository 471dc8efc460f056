package io.jenkins.plugins.gitopssync.engine.kubeconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What using a kubeconfig context would take beyond the kubeconfig's own text: a command to run (an
 * {@code exec} plugin), files to read, an {@code auth-provider}. Found without running or opening anything,
 * so it can be told and judged ({@link KubeconfigPolicy}) where nothing of a job's may run: the controller.
 *
 * @param exec         the exec plugin's command, or null
 * @param files        the fields naming files ({@code users[prod].client-key}), in kubeconfig order
 * @param authProvider the auth-provider's name, or null
 */
public record KubeconfigNeeds(String exec, List<String> files, String authProvider) {

    private static final List<String> CLUSTER_FILES = List.of("certificate-authority");
    private static final List<String> USER_FILES = List.of("client-certificate", "client-key", "tokenFile");

    public KubeconfigNeeds {
        files = List.copyOf(files);
    }

    public static KubeconfigNeeds of(KubeconfigContext context) {
        List<String> files = new ArrayList<>();
        addFiles(files, context.cluster(), CLUSTER_FILES, "clusters[" + context.clusterName() + "]");
        addFiles(files, context.user(), USER_FILES, "users[" + context.userName() + "]");
        Object exec = context.user().get("exec") instanceof Map<?, ?> m ? m.get("command") : null;
        Object provider = context.user().get("auth-provider") instanceof Map<?, ?> m ? m.get("name") : null;
        return new KubeconfigNeeds(exec == null ? null : String.valueOf(exec), files,
                provider == null ? null : String.valueOf(provider));
    }

    private static void addFiles(List<String> out, Map<String, Object> fields, List<String> keys, String prefix) {
        for (String key : keys) {
            Object v = fields.get(key);
            if (v != null && !String.valueOf(v).isBlank()) {
                out.add(prefix + "." + key);
            }
        }
    }

    public boolean inert() {
        return exec == null && files.isEmpty() && authProvider == null;
    }

    /** For messages and the job page: what it needs, no values (a command's name is not a secret). */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (exec != null) {
            parts.add("runs the exec plugin '" + exec + "'");
        }
        if (!files.isEmpty()) {
            parts.add("reads files (" + String.join(", ", files) + ")");
        }
        if (authProvider != null) {
            parts.add("uses the auth-provider '" + authProvider + "'");
        }
        return parts.isEmpty() ? "needs nothing beyond its own text" : String.join(", ", parts);
    }
}
