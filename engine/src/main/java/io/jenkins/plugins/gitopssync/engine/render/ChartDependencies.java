package io.jenkins.plugins.gitopssync.engine.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.source.PathGuard;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes a chart's dependencies available. Vendored ones (in {@code charts/}, unpacked or as archives) need
 * nothing: the chart is rendered where it is. Otherwise the chart, and the {@code file://} charts it names,
 * are copied into the render's workspace at their places in the repository, and {@code helm dependency build}
 * fetches the rest there (following {@code Chart.lock}, which must match {@code Chart.yaml}) with a repository
 * and registry configuration of its own, holding the given account: the checkout is never written to, and the
 * user's Helm configuration never read.
 */
final class ChartDependencies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChartDependencies() {
    }

    /** The chart directory to render: the chart itself, or a staged copy with its dependencies fetched. */
    static Path prepare(ChartFile chart, Path realRoot, HelmOptions options, HelmWorkspace workspace, HelmCommand helm,
                        String label, SyncLog log) {
        List<ChartFile.Dependency> missing = chart.dependencies().stream().filter(d -> !vendored(chart.dir(), d)).toList();
        if (missing.isEmpty()) {
            return chart.dir();
        }
        Path stage = workspace.dir().resolve("stage");
        Path staged = copy(chart.dir(), realRoot, stage, label);
        for (ChartFile.Dependency d : chart.dependencies()) {
            if (d.repository().startsWith("file://")) {
                copy(localDependency(chart, d, realRoot, label), realRoot, stage, label);
            }
        }
        writeRepositories(chart.dependencies(), options.repositoryAuth(), workspace);
        log.info(label + ": fetching " + missing.size() + " dependenc" + (missing.size() == 1 ? "y" : "ies") + " ("
                + String.join(", ", missing.stream().map(d -> d.name() + (d.repository().isEmpty() ? "" : " from "
                + d.repository())).toList()) + ") with helm dependency build");
        helm.runOrFail("helm dependency build", List.of("dependency", "build", staged.toString(),
                "--repository-config", workspace.repositoryConfig().toString(),
                "--repository-cache", workspace.dir().resolve("cache/repository").toString(),
                "--registry-config", workspace.registryConfig().toString()), 1024 * 1024, staged.toString());
        return staged;
    }

    /** In charts/ already: an unpacked chart directory, or an archive NAME-VERSION.tgz. */
    static boolean vendored(Path chartDir, ChartFile.Dependency d) {
        Path charts = chartDir.resolve("charts");
        if (ChartFile.isChart(charts.resolve(d.name()))) {
            return true;
        }
        if (!Files.isDirectory(charts)) {
            return false;
        }
        try (Stream<Path> list = Files.list(charts)) {
            return list.map(p -> p.getFileName().toString())
                    .anyMatch(n -> n.startsWith(d.name() + "-") && n.endsWith(".tgz")
                            && (d.version() == null || !isExact(d.version()) || n.equals(d.name() + "-" + d.version() + ".tgz")));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isExact(String version) {
        return version.matches("v?\\d+\\.\\d+\\.\\d+([-+][0-9A-Za-z.+-]*)?");
    }

    /** The directory a file:// dependency names: inside the repository, or refused. */
    private static Path localDependency(ChartFile chart, ChartFile.Dependency d, Path realRoot, String label) {
        String what = label + ": dependency " + d.name() + " (" + d.repository() + ")";
        Path lexical = chart.dir().resolve(d.repository().substring("file://".length())).normalize();
        Path real;
        try {
            real = lexical.toRealPath();
        } catch (IOException e) {
            throw new SyncException(what + " is not a directory of the repository at the synced revision");
        }
        if (!real.startsWith(realRoot)) {
            throw new SyncException(what + " leads outside the repository; a render reads only the repository at the"
                    + " synced revision");
        }
        return real;
    }

    /** Copies {@code dir} to the same place under {@code stage} as it has under the repository root. */
    private static Path copy(Path dir, Path realRoot, Path stage, String label) {
        Path target = stage.resolve(realRoot.relativize(dir).toString());
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = target.resolve(dir.relativize(p).toString());
                if (Files.isSymbolicLink(p) && !PathGuard.isInside(realRoot, p)) {
                    throw new SyncException(label + ": " + realRoot.relativize(p) + " is a symbolic link that leads"
                            + " outside the repository");
                }
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else if (!Files.exists(to)) {
                    Files.copy(p, to);
                }
            }
        } catch (IOException e) {
            throw new SyncException(label + ": cannot copy the chart to fetch its dependencies: " + e.getMessage(), e);
        }
        return target;
    }

    /** Helm's repository list (every http(s) repository the dependencies name) and registry logins (OCI). */
    private static void writeRepositories(List<ChartFile.Dependency> deps, ChartRepositoryAuth auth,
                                          HelmWorkspace workspace) {
        Set<String> urls = new LinkedHashSet<>();
        Set<String> registries = new LinkedHashSet<>();
        for (ChartFile.Dependency d : deps) {
            if (d.repository().startsWith("http://") || d.repository().startsWith("https://")) {
                urls.add(d.repository());
            } else if (d.oci()) {
                registries.add(URI.create("https://" + d.repository().substring("oci://".length())).getAuthority());
            }
        }
        List<Map<String, Object>> repositories = new ArrayList<>();
        int n = 0;
        for (String url : urls) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", "gitops-sync-" + (++n));
            entry.put("url", url);
            if (auth != null) {
                entry.put("username", auth.username());
                entry.put("password", auth.password());
            }
            repositories.add(entry);
        }
        Map<String, Object> auths = new LinkedHashMap<>();
        if (auth != null) {
            String basic = Base64.getEncoder().encodeToString((auth.username() + ":" + auth.password())
                    .getBytes(StandardCharsets.UTF_8));
            registries.forEach(host -> auths.put(host, Map.of("auth", basic)));
        }
        try {
            // JSON is YAML: Helm reads the repository list either way
            HelmWorkspace.write(workspace.repositoryConfig(), JSON.writeValueAsString(
                    Map.of("apiVersion", "", "generated", "0001-01-01T00:00:00Z", "repositories", repositories)));
            HelmWorkspace.write(workspace.registryConfig(), JSON.writeValueAsString(Map.of("auths", auths)));
        } catch (IOException e) {
            throw new SyncException("cannot write Helm's repository configuration: " + e.getMessage(), e);
        }
    }
}
