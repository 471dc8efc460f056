package io.jenkins.plugins.gitopssync.engine.kubeconfig;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Reads a kubeconfig's text into a {@link Kubeconfig}. Errors say where (line, column, field), never what:
 * a kubeconfig's lines hold tokens and private keys, and the YAML parser's own messages quote them.
 */
public final class KubeconfigReader {

    /** Far above any real kubeconfig; a bound on what a hostile credential can make the parser hold. */
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    private KubeconfigReader() {
    }

    public static Kubeconfig read(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new SyncException("kubeconfig " + file + " is larger than " + MAX_BYTES / 1024 / 1024 + " MiB");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SyncException("cannot read kubeconfig " + file + ": " + e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(new String(bytes, StandardCharsets.UTF_8), "kubeconfig " + file, dir);
    }

    /**
     * @param what      how messages name it ("the kubeconfig credential 'prod'")
     * @param directory where relative paths in it resolve, or null when it came from no file
     */
    public static Kubeconfig parse(String yaml, String what, Path directory) {
        if (yaml == null || yaml.isBlank()) {
            throw new SyncException(what + " is empty");
        }
        if (yaml.length() > MAX_BYTES) {
            throw new SyncException(what + " is larger than " + MAX_BYTES / 1024 / 1024 + " MiB");
        }
        Object root;
        try {
            LoadSettings settings = LoadSettings.builder().setMaxAliasesForCollections(50)
                    .setCodePointLimit(MAX_BYTES).build();
            root = new Load(settings).loadFromString(yaml);
        } catch (RuntimeException e) {
            throw new SyncException(what + " is not valid YAML: " + YamlErrors.describe(e));
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new SyncException(what + " is not a kubeconfig: its top level is not a mapping");
        }
        return new Kubeconfig(named(top, "clusters", "cluster", what), named(top, "users", "user", what),
                named(top, "contexts", "context", what), string(top.get("current-context")), directory);
    }

    /** {@code clusters: [{name: a, cluster: {...}}]} as {@code {a: {...}}}. */
    private static Map<String, Map<String, Object>> named(Map<?, ?> top, String list, String entry, String what) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        Object value = top.get(list);
        if (value == null) {
            return out;
        }
        if (!(value instanceof List<?> items)) {
            throw new SyncException(what + ": '" + list + "' is not a list");
        }
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> item) || !(item.get("name") instanceof String name)) {
                throw new SyncException(what + ": " + list + "[" + i + "] has no name");
            }
            Object body = item.get(entry);
            if (body != null && !(body instanceof Map)) {
                throw new SyncException(what + ": " + list + "[" + i + "] (" + name + "): '" + entry + "' is not a mapping");
            }
            out.put(name, body == null ? Map.of() : stringKeys((Map<?, ?>) body));
        }
        return out;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    static String string(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
