package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.mask.SecretValues;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Notices a chart that renders differently for the same revision, values and cluster (templates using
 * {@code randAlphaNum}, {@code genCA}, {@code now}...): each would show a Git change on every sync, so the
 * second such render names the templates in a warning instead. Kept beside the parse cache, one entry per
 * chart path: a digest of what the render depended on and a short digest of each template's output, both
 * taken with secret values masked, so no secret (nor a digest of one) is stored.
 */
final class RenderFingerprints {

    static final String SUFFIX = ".charts";
    private static final String FORMAT = "gitops-sync chart renders v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RenderFingerprints() {
    }

    /** Where the fingerprints of renders from the source whose parse cache is {@code parseCache} are kept. */
    static Path file(Path parseCache) {
        return parseCache.resolveSibling(parseCache.getFileName() + SUFFIX);
    }

    /**
     * Compares this render with the last one of the same chart path and records it.
     *
     * @param inputs what the render depended on (revision, options, capabilities), secrets masked
     * @param output Helm's output
     */
    static void check(Path file, String chartPath, String inputs, String output, SecretValues secrets, String label,
                      SyncLog log) {
        Map<String, Object> all = read(file);
        Map<String, String> templates = new TreeMap<>();
        HelmOutput.byTemplate(output).forEach((t, text) -> templates.put(t, digest(secrets.mask(text)).substring(0, 16)));
        String key = digest(inputs);
        if (all.get(chartPath) instanceof Map<?, ?> last && key.equals(last.get("key"))
                && last.get("templates") instanceof Map<?, ?> before && !before.equals(templates)) {
            List<String> changed = new ArrayList<>();
            for (String t : templates.keySet()) {
                if (!templates.get(t).equals(before.get(t))) {
                    changed.add(t);
                }
            }
            before.keySet().stream().filter(t -> !templates.containsKey(t)).forEach(t -> changed.add(String.valueOf(t)));
            log.warn(label + " renders differently from its last render of the same revision and values: "
                    + String.join(", ", changed) + " (a template that calls randAlphaNum, genCA, now, uuidv4 and the like"
                    + " changes on every render and shows as a Git change at every sync; set such values in the values"
                    + " instead)");
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("key", key);
        entry.put("templates", templates);
        all.put(chartPath, entry);
        write(file, all, log);
    }

    private static Map<String, Object> read(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                Map<?, ?> root = JSON.readValue(file.toFile(), Map.class);
                if (FORMAT.equals(root.get("format")) && root.get("charts") instanceof Map<?, ?> charts) {
                    Map<String, Object> out = new TreeMap<>();
                    charts.forEach((k, v) -> out.put(String.valueOf(k), v));
                    return out;
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable or foreign: start again
        }
        return new TreeMap<>();
    }

    private static void write(Path file, Map<String, Object> charts, SyncLog log) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
            try {
                JSON.writeValue(tmp.toFile(), Map.of("format", FORMAT, "charts", charts));
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            log.debug("could not keep the chart's render fingerprint in " + file + ": " + e.getMessage());
        }
    }

    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
