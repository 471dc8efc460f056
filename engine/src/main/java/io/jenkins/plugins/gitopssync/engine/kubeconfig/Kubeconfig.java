package io.jenkins.plugins.gitopssync.engine.kubeconfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A kubeconfig as read, before anything in it is used: its named clusters, users and contexts as maps of
 * their YAML fields, and where it came from. Reading one runs nothing and opens no file it names; what a
 * context would need for that is told by {@link KubeconfigNeeds}.
 *
 * @param clusters       {@code clusters[].cluster} by name
 * @param users          {@code users[].user} by name
 * @param contexts       {@code contexts[].context} by name
 * @param currentContext {@code current-context}, or null
 * @param directory      the directory of the file it was read from (relative paths in it resolve there), or
 *                       null for content given inline (a credential)
 */
public record Kubeconfig(Map<String, Map<String, Object>> clusters, Map<String, Map<String, Object>> users,
                         Map<String, Map<String, Object>> contexts, String currentContext, Path directory) {

    public Kubeconfig {
        clusters = Map.copyOf(clusters);
        users = Map.copyOf(users);
        contexts = Map.copyOf(contexts);
    }

    public Optional<Map<String, Object>> context(String name) {
        return Optional.ofNullable(contexts.get(name));
    }

    /** The context names, sorted, for messages. */
    public List<String> contextNames() {
        return contexts.keySet().stream().sorted().toList();
    }
}
