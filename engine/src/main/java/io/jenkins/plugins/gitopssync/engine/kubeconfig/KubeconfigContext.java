package io.jenkins.plugins.gitopssync.engine.kubeconfig;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The context a connection uses: the one named (a {@code context} option), else the kubeconfig's current one,
 * with its cluster and user. A context named but missing is an error listing those there are: falling back to
 * the current context would reach another cluster than the one asked for.
 *
 * @param name      the context's name
 * @param cluster   its cluster's fields ({@code server}, {@code certificate-authority-data}, ...)
 * @param user      its user's fields ({@code token}, {@code exec}, ...); empty for a context without a user
 * @param namespace its namespace, or null
 * @param directory where relative paths resolve, or null (content from a credential)
 */
public record KubeconfigContext(String name, String clusterName, Map<String, Object> cluster, String userName,
                                Map<String, Object> user, String namespace, Path directory) {

    /**
     * @param what how messages name the kubeconfig
     */
    public static KubeconfigContext select(Kubeconfig config, String contextName, String what) {
        String name = contextName == null || contextName.isBlank() ? config.currentContext() : contextName.strip();
        if (name == null || name.isBlank()) {
            if (config.contexts().size() == 1) {
                name = config.contexts().keySet().iterator().next();
            } else {
                throw new SyncException(what + " names no current-context; choose one of its contexts ("
                        + String.join(", ", config.contextNames()) + ") with the context option");
            }
        }
        boolean asked = contextName != null && !contextName.isBlank();
        String label = (asked ? "context '" : "current-context '") + name + "'";
        Map<String, Object> context = config.context(name).orElseThrow(() -> new SyncException(label + " not found in " + what
                + " (contexts: " + (config.contexts().isEmpty() ? "none" : String.join(", ", config.contextNames())) + ")"));
        String clusterName = KubeconfigReader.string(context.get("cluster"));
        Map<String, Object> cluster = clusterName == null ? null : config.clusters().get(clusterName);
        if (cluster == null) {
            throw new SyncException(what + ": context '" + name + "' names cluster '" + clusterName
                    + "', which is not in its clusters");
        }
        String userName = KubeconfigReader.string(context.get("user"));
        Map<String, Object> user = userName == null ? Map.of() : config.users().get(userName);
        if (user == null) {
            throw new SyncException(what + ": context '" + name + "' names user '" + userName + "', which is not in its users");
        }
        return new KubeconfigContext(name, clusterName, cluster, userName, user,
                KubeconfigReader.string(context.get("namespace")), config.directory());
    }

    public String server() {
        return KubeconfigReader.string(cluster.get("server"));
    }
}
