package io.jenkins.plugins.gitopssync.engine.mask;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values that must not leave memory except towards the API server: decrypted sops values and secret
 * substitution variables, whatever kind of object they end up in. {@link #mask} replaces every occurrence
 * (the value, each of its lines, and its Base64 form as it would stand in {@code data}) with {@value #MASK}.
 * Values shorter than {@value #MIN_LENGTH} characters are not masked by value (masking every "abc" would
 * garble every message); in a Secret they are masked by kind all the same. Thread-safe.
 */
public final class SecretValues {

    public static final String MASK = "***";
    public static final int MIN_LENGTH = 4;

    private final Set<String> values = ConcurrentHashMap.newKeySet();
    private volatile List<String> longestFirst = List.of();

    /** A value found in a document (decrypted, substituted): masked when it is at least {@value #MIN_LENGTH} long. */
    public void add(String value) {
        add(value, MIN_LENGTH);
    }

    /** A value the user gave as secret (a credential, a chart's secret parameter): masked whatever its length. */
    public void addCredential(String value) {
        add(value, 1);
    }

    // synchronized: the render decrypts files on several threads, and a list sorted from an older set must not
    // replace one that holds another thread's value (it was printed in clear once)
    private synchronized void add(String value, int minLength) {
        if (value == null) {
            return;
        }
        boolean changed = put(value, minLength);
        changed |= put(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)), minLength);
        for (String line : value.split("\\R")) {
            changed |= put(line.strip(), minLength);
        }
        if (changed) {
            List<String> sorted = new ArrayList<>(values);
            sorted.sort(Comparator.comparingInt(String::length).reversed());
            longestFirst = List.copyOf(sorted);
        }
    }

    private boolean put(String v, int minLength) {
        return v.length() >= minLength && values.add(v);
    }

    public void addAll(Iterable<String> more) {
        more.forEach(this::add);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** {@code text} with every secret value replaced; null stays null. */
    public String mask(String text) {
        if (text == null || longestFirst.isEmpty()) {
            return text;
        }
        String out = text;
        for (String v : longestFirst) {
            if (out.contains(v)) {
                out = out.replace(v, MASK);
            }
        }
        return out;
    }

    /** Values the user gave as secret, masked whatever their length. */
    public static SecretValues ofCredentials(Iterable<String> values) {
        SecretValues s = new SecretValues();
        values.forEach(s::addCredential);
        return s;
    }

    /** Each line masked. */
    public List<String> mask(List<String> lines) {
        return longestFirst.isEmpty() ? lines : lines.stream().map(this::mask).toList();
    }

    /**
     * Masks a unified diff: the values, and on a changed line whose counterpart holds a masked value at the same
     * place (the same text before it), the rest of that line too. So a rotated credential's old value, which is in
     * the live object but no longer among the values given, is not shown either.
     */
    public String maskDiff(String diff) {
        String masked = mask(diff);
        if (masked == null || !masked.contains(MASK)) {
            return masked;
        }
        String[] lines = masked.split("\n", -1);
        Set<String> prefixes = new java.util.LinkedHashSet<>();
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

    /** A copy of a map/list tree with every string (keys too) masked, for printing an object that stays valid YAML. */
    public Object maskDeep(Object value) {
        if (value instanceof String s) {
            return mask(s);
        }
        if (value instanceof java.util.Map<?, ?> map) {
            java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> out.put(mask(String.valueOf(k)), maskDeep(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(maskDeep(v)));
            return out;
        }
        return value;
    }

    /** Whether {@code text} still holds a secret value (for tests and checks). */
    public boolean leaks(String text) {
        return text != null && longestFirst.stream().anyMatch(text::contains);
    }
}
