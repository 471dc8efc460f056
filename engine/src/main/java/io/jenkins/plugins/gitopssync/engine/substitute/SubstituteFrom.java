package io.jenkins.plugins.gitopssync.engine.substitute;

import java.util.Locale;

/**
 * One {@code substituteFrom} entry: a ConfigMap or Secret whose data keys are variables.
 *
 * @param optional a missing object defines no variables instead of failing the sync
 */
public record SubstituteFrom(Kind kind, String name, boolean optional) {

    public enum Kind { CONFIG_MAP, SECRET }

    /** {@code configmap/NAME} or {@code secret/NAME}, with a trailing {@code ?} for an optional one. */
    public static SubstituteFrom parse(String text) {
        String s = text.strip();
        boolean optional = s.endsWith("?");
        if (optional) {
            s = s.substring(0, s.length() - 1);
        }
        int slash = s.indexOf('/');
        String kind = slash < 0 ? "" : s.substring(0, slash).toLowerCase(Locale.ROOT);
        String name = slash < 0 ? "" : s.substring(slash + 1);
        if (name.isEmpty() || !(kind.equals("configmap") || kind.equals("secret"))) {
            throw new IllegalArgumentException("'" + text + "' is not configmap/NAME or secret/NAME (with ? when optional)");
        }
        return new SubstituteFrom(kind.equals("secret") ? Kind.SECRET : Kind.CONFIG_MAP, name, optional);
    }

    @Override
    public String toString() {
        return (kind == Kind.SECRET ? "Secret/" : "ConfigMap/") + name + (optional ? " (optional)" : "");
    }
}
