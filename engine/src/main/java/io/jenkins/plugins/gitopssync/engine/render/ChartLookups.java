package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.SyncLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the templates that call {@code lookup}: {@code helm template} has no cluster to look in, so every
 * lookup returns nothing and the chart renders as if the object did not exist (the trap Argo CD's users know
 * as argo-cd#5202: a generated password that changes on every render, say). One warning names them.
 */
final class ChartLookups {

    /** {@code lookup} called as a function inside an action: "{{ lookup", "(lookup", "| lookup"... */
    private static final Pattern CALL = Pattern.compile("(\\{\\{-?|\\(|\\||\\s)\\s*lookup\\s");
    private static final long MAX_TEMPLATE_BYTES = 4L * 1024 * 1024;

    private ChartLookups() {
    }

    /** Warns once naming each template (of the chart and of its unpacked subcharts) that calls lookup. */
    static void warn(ChartFile chart, String label, SyncLog log) {
        List<String> found = find(chart.dir(), chart.relDir());
        if (!found.isEmpty()) {
            log.warn(label + ": " + String.join(", ", found) + (found.size() == 1 ? " calls" : " call")
                    + " lookup, which finds nothing when a chart is rendered with helm template (there is no cluster to"
                    + " look in, as in Argo CD): what it looks up renders as if it did not exist");
        }
    }

    static List<String> find(Path chartDir, String relDir) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(chartDir)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                String rel = chartDir.relativize(p).toString().replace('\\', '/');
                if (isTemplate(rel) && Files.isRegularFile(p) && Files.size(p) <= MAX_TEMPLATE_BYTES
                        && CALL.matcher(Files.readString(p, StandardCharsets.UTF_8)).find()) {
                    out.add(".".equals(relDir) ? rel : relDir + "/" + rel);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a file that cannot be read here fails Helm's render, with Helm's message
        }
        return out;
    }

    /** templates/... of the chart or of a subchart unpacked in charts/NAME/. */
    private static boolean isTemplate(String rel) {
        return rel.startsWith("templates/") || rel.matches("(charts/[^/]+/)+templates/.*");
    }
}
