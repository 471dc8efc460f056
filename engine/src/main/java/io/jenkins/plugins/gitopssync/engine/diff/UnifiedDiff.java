package io.jenkins.plugins.gitopssync.engine.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A unified diff of two objects rendered as YAML (keys in a stable order), with "--- live" and
 * "+++ desired" headers naming the object. Empty string when both render the same. Callers pass
 * normalized, masked objects; either side may be null (created / pruned).
 */
public final class UnifiedDiff {

    static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    public static String diff(String objectName, Map<String, Object> live, Map<String, Object> desired) {
        List<String> before = lines(live);
        List<String> after = lines(desired);
        if (before.equals(after) && (live == null) == (desired == null)) {
            return "";
        }
        String hunks = LineDiff.unified(LineDiff.edits(before, after), CONTEXT);
        if (hunks.isEmpty()) {
            return "";
        }
        return "--- " + (live == null ? "/dev/null" : "live/" + objectName) + "\n"
                + "+++ " + (desired == null ? "/dev/null" : "desired/" + objectName) + "\n"
                + hunks;
    }

    /** Block-style YAML with sorted keys and literal blocks for multi-line strings. */
    public static String toYaml(Map<String, Object> object) {
        if (object == null) {
            return "";
        }
        return yaml().dump(Normalizer.sortedCopy(object));
    }

    private static List<String> lines(Map<String, Object> object) {
        if (object == null) {
            return List.of();
        }
        String text = toYaml(object);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        options.setAllowUnicode(true);
        return new Yaml(new LiteralStrings(options), options);
    }

    /** Multi-line strings as literal blocks: a changed line of a script or config shows as one line. */
    private static final class LiteralStrings extends Representer {
        LiteralStrings(DumperOptions options) {
            super(options);
        }

        @Override
        protected Node representScalar(Tag tag, String value, DumperOptions.ScalarStyle style) {
            if (Tag.STR.equals(tag) && value.indexOf('\n') >= 0) {
                return super.representScalar(tag, value, DumperOptions.ScalarStyle.LITERAL);
            }
            return super.representScalar(tag, value, style);
        }
    }
}
