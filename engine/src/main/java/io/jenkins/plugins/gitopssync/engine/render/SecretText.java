package io.jenkins.plugins.gitopssync.engine.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Masks values that came from credentials wherever text leaves the engine (log lines, errors, diffs,
 * reports): each value as it is and base64-encoded (as a chart's {@code b64enc} or a Secret's data holds
 * it) becomes {@value #MASK}. Helm itself echoes {@code --set} values in its errors, so its messages pass
 * through here too.
 */
public final class SecretText {

    public static final String MASK = "****";
    public static final SecretText NONE = new SecretText(List.of());

    private final List<String> forms;

    private SecretText(List<String> forms) {
        this.forms = forms;
    }

    public static SecretText of(List<String> values) {
        Set<String> forms = new LinkedHashSet<>();
        for (String v : values) {
            if (v == null || v.isEmpty()) {
                continue;
            }
            forms.add(v);
            forms.add(Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8)));
        }
        List<String> sorted = new ArrayList<>(forms);
        sorted.sort(Comparator.comparingInt(String::length).reversed()); // a value inside a longer one: the longer first
        return sorted.isEmpty() ? NONE : new SecretText(List.copyOf(sorted));
    }

    public boolean isEmpty() {
        return forms.isEmpty();
    }

    public String mask(String text) {
        if (text == null || forms.isEmpty()) {
            return text;
        }
        String out = text;
        for (String f : forms) {
            out = out.replace(f, MASK);
        }
        return out;
    }

    /**
     * Masks a unified diff: the values, and on a changed line whose counterpart holds a masked value at the
     * same place (the same text before it), the rest of that line too. So a rotated credential's old value, which
     * is in the live object but no longer among the values given, is not shown either.
     */
    public String maskDiff(String diff) {
        String masked = mask(diff);
        if (masked == null || forms.isEmpty() || !masked.contains(MASK)) {
            return masked;
        }
        String[] lines = masked.split("\n", -1);
        Set<String> prefixes = new LinkedHashSet<>();
        for (String line : lines) {
            if (changed(line) && line.contains(MASK)) {
                prefixes.add(line.substring(1, line.indexOf(MASK)));
            }
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (changed(line) && !line.contains(MASK)) {
                for (String prefix : prefixes) {
                    if (!prefix.isBlank() && line.startsWith(prefix, 1)) {
                        lines[i] = line.charAt(0) + prefix + MASK;
                        break;
                    }
                }
            }
        }
        return String.join("\n", lines);
    }

    private static boolean changed(String line) {
        return (line.startsWith("+") || line.startsWith("-")) && !line.startsWith("+++") && !line.startsWith("---");
    }

    public List<String> mask(List<String> lines) {
        return forms.isEmpty() ? lines : lines.stream().map(this::mask).toList();
    }
}
