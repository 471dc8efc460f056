package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the engine reads of a chart itself, before Helm runs: its name and version (for the build page),
 * whether it is a library chart, and the dependencies it declares (in {@code Chart.yaml}, or in
 * {@code requirements.yaml} for apiVersion v1 charts), to know whether they must be fetched.
 *
 * @param dir          the chart's directory (symbolic links resolved)
 * @param relDir       the same, relative to the repository root, for messages and sources
 */
record ChartFile(Path dir, String relDir, String name, String version, String type, List<Dependency> dependencies) {

    static final String CHART_YAML = "Chart.yaml";

    /** One entry of {@code dependencies}: {@code repository} is "" for a chart vendored in {@code charts/}. */
    record Dependency(String name, String version, String repository, String alias) {

        boolean local() {
            return repository.isEmpty() || repository.startsWith("file://");
        }

        boolean oci() {
            return repository.startsWith("oci://");
        }
    }

    /** Whether {@code dir} is a chart (holds a Chart.yaml). */
    static boolean isChart(Path dir) {
        return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(CHART_YAML));
    }

    static ChartFile read(Path dir, String relDir) {
        Map<?, ?> chart = mapping(dir.resolve(CHART_YAML), relDir + "/" + CHART_YAML);
        String name = text(chart.get("name"));
        if (name == null) {
            throw new SyncException(relDir + "/" + CHART_YAML + ": the chart has no name");
        }
        Object deps = chart.get("dependencies");
        Path requirements = dir.resolve("requirements.yaml");
        if (deps == null && "v1".equals(text(chart.get("apiVersion"))) && Files.isRegularFile(requirements)) {
            deps = mapping(requirements, relDir + "/requirements.yaml").get("dependencies");
        }
        List<Dependency> dependencies = new ArrayList<>();
        if (deps instanceof List<?> list) {
            for (Object d : list) {
                if (d instanceof Map<?, ?> m && text(m.get("name")) != null) {
                    String repository = text(m.get("repository"));
                    dependencies.add(new Dependency(text(m.get("name")), text(m.get("version")),
                            repository == null ? "" : repository, text(m.get("alias"))));
                }
            }
        }
        return new ChartFile(dir, relDir, name, text(chart.get("version")), text(chart.get("type")), dependencies);
    }

    boolean library() {
        return "library".equals(type);
    }

    private static Map<?, ?> mapping(Path file, String rel) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SyncException(rel + ": cannot be read: " + e.getMessage(), e);
        }
        List<YamlStream.Document> docs = YamlStream.parse(rel, content);
        return docs.isEmpty() || !(docs.get(0).value() instanceof Map<?, ?> m) ? Map.of() : m;
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }
}
