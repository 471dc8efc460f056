package io.jenkins.plugins.gitopssync.engine.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A kubeconfig file (or inline content) read as {@code Config.fromKubeconfig(context, file)} reads it, but
 * parsed with the engine's serialization: fabric8's static one first searches the class path for every
 * model class (about a third of a CLI run's client set-up; seconds on a Jenkins agent, where each class
 * comes over the channel). Each context, cluster and user is tagged with the file
 * it came from, under fabric8's own keys, so relative paths (certificates, exec commands) resolve
 * against the file's directory as before.
 */
final class KubeconfigFile {

    // the keys fabric8's KubeConfigUtils.parseConfig tags entries with
    private static final String CONTEXT_FILE_KEY = "KUBERNETES_CONFIG_CONTEXT_FILE_KEY";
    private static final String CLUSTER_FILE_KEY = "KUBERNETES_CONFIG_CLUSTER_FILE_KEY";
    private static final String AUTH_INFO_FILE_KEY = "KUBERNETES_CONFIG_AUTH_INFO_FILE_KEY";

    private KubeconfigFile() {
    }

    static Config read(File file, String context) {
        String text;
        try {
            text = Files.readString(file.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return parse(text, context, file);
    }

    /**
     * A kubeconfig's text, merged as fabric8 merges a kubeconfig file.
     *
     * @param file where it was read from (relative paths resolve against its directory), or null for
     *             content given inline
     */
    static Config parse(String yaml, String context, File file) {
        io.fabric8.kubernetes.api.model.Config parsed =
                ObjectMaps.SERIALIZATION.unmarshal(yaml, io.fabric8.kubernetes.api.model.Config.class);
        if (parsed == null) {
            throw new IllegalArgumentException("the kubeconfig" + (file == null ? "" : " " + file) + " is empty");
        }
        if (file != null) {
            tag(parsed.getContexts(), c -> c.getAdditionalProperties(), CONTEXT_FILE_KEY, file);
            tag(parsed.getClusters(), c -> c.getAdditionalProperties(), CLUSTER_FILE_KEY, file);
            tag(parsed.getUsers(), u -> u.getAdditionalProperties(), AUTH_INFO_FILE_KEY, file);
        }
        Config config = Config.empty();
        KubeConfigUtils.merge(config, context, parsed);
        return config;
    }

    private static <T> void tag(List<T> entries, Function<T, Map<String, Object>> properties, String key, File file) {
        if (entries != null) {
            entries.forEach(e -> properties.apply(e).put(key, file));
        }
    }
}
