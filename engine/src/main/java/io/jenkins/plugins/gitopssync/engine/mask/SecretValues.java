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

    public void add(String value) {
        if (value == null) {
            return;
        }
        boolean changed = put(value);
        changed |= put(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        for (String line : value.split("\\R")) {
            changed |= put(line.strip());
        }
        if (changed) {
            List<String> sorted = new ArrayList<>(values);
            sorted.sort(Comparator.comparingInt(String::length).reversed());
            longestFirst = List.copyOf(sorted);
        }
    }

    private boolean put(String v) {
        return v.length() >= MIN_LENGTH && values.add(v);
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
