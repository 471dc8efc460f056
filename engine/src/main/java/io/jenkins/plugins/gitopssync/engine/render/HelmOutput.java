package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.SyncLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code helm template}'s output: documents separated by {@code ---}, each headed by Helm's
 * {@code # Source: CHART/templates/FILE} comment. Each object keeps its template as its source, as a path
 * of the repository ({@code apps/shop/templates/deployment.yaml}; a subchart's under {@code charts/}), and
 * the line where it starts in what that template rendered.
 */
final class HelmOutput {

    private static final String SOURCE = "# Source: ";

    private HelmOutput() {
    }

    /** One rendered document: the template it came from and its text (without the Source comment). */
    record Document(String template, String text) {
    }

    /**
     * Parses the whole output in one pass (as fast as a plain file of the same size), then gives each object the
     * template its document came from and its line in what that template rendered.
     *
     * @param chartName the chart's name, which starts every Source path
     * @param relDir    the chart's directory relative to the repository root ("." for the root)
     */
    static List<Manifest> parse(String output, String chartName, String relDir, SyncLog log) {
        String[] lines = output.split("\n", -1);
        String[] files = new String[lines.length + 2];
        int[] lineInFile = new int[lines.length + 2];
        Map<String, Integer> linesSoFar = new HashMap<>();
        String template = "";
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.equals("---") || line.startsWith("--- ")) {
                template = "";
            } else if (line.startsWith(SOURCE)) {
                template = line.substring(SOURCE.length()).strip();
            }
            String file = repositoryPath(template, chartName, relDir);
            boolean content = !line.startsWith(SOURCE) && !line.equals("---") && !line.startsWith("--- ");
            int n = linesSoFar.getOrDefault(file, 0) + (content ? 1 : 0);
            linesSoFar.put(file, n);
            files[i + 1] = file;
            lineInFile[i + 1] = Math.max(n, 1);
        }
        List<Manifest> manifests = new ArrayList<>();
        String stream = (".".equals(relDir) ? "" : relDir + "/") + "(helm template output)";
        for (Manifest m : ManifestParser.parse(stream, output, false, log)) {
            int at = Math.min(Math.max(m.line(), 1), lines.length);
            manifests.add(new Manifest(m.object(), files[at], lineInFile[at]));
        }
        return manifests;
    }

    /** The documents in output order; text before the first Source comment belongs to "" (none in practice). */
    static List<Document> documents(String output) {
        List<Document> out = new ArrayList<>();
        String template = "";
        StringBuilder text = new StringBuilder();
        boolean blank = true;
        for (String line : output.split("\n", -1)) {
            if (line.equals("---") || line.startsWith("--- ")) {
                if (!blank) {
                    out.add(new Document(template, text.toString()));
                }
                text.setLength(0);
                blank = true;
                template = "";
                continue;
            }
            if (blank && line.startsWith(SOURCE)) {
                template = line.substring(SOURCE.length()).strip();
                text.setLength(0);
                continue;
            }
            text.append(line).append('\n');
            blank = blank && line.isBlank();
        }
        if (!blank) {
            out.add(new Document(template, text.toString()));
        }
        return out;
    }

    /** "shop/templates/a.yaml" of chart "shop" in "apps/shop" → "apps/shop/templates/a.yaml". */
    static String repositoryPath(String template, String chartName, String relDir) {
        String prefix = chartName + "/";
        String inChart = template.startsWith(prefix) ? template.substring(prefix.length()) : template;
        if (inChart.isEmpty()) {
            return relDir;
        }
        return ".".equals(relDir) ? inChart : relDir + "/" + inChart;
    }

    /** Rendered text per template, in output order: what the fingerprint of a render is made of. */
    static Map<String, String> byTemplate(String output) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Document d : documents(output)) {
            out.merge(d.template(), d.text(), (a, b) -> a + "---\n" + b);
        }
        return out;
    }
}
