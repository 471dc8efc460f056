package io.jenkins.plugins.gitopssync.engine.substitute;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Flux's {@code postBuild}: variables substituted into every rendered object after the build.
 *
 * @param values      {@code substitute}: name → value; these win over {@code from}
 * @param secretNames names in {@code values} whose value is a secret (from a credential): masked like
 *                    decrypted values wherever they could show
 * @param from        {@code substituteFrom}: ConfigMaps and Secrets in the ApplySet's namespace, later ones
 *                    overriding earlier ones; values from Secrets are masked
 * @param strict      an undefined variable without a default is an error naming object and variable (the
 *                    default here); off, it becomes empty, as in Flux without its strict flag
 */
public record Substitution(Map<String, String> values, Set<String> secretNames, List<SubstituteFrom> from,
                           boolean strict) {

    public static final boolean DEFAULT_STRICT = true;
    /** Flux's rule for variable names. */
    static final Pattern NAME = Pattern.compile("^[_a-zA-Z][_a-zA-Z0-9]*$");

    public Substitution {
        values = values == null ? Map.of() : Map.copyOf(new TreeMap<>(values));
        secretNames = secretNames == null ? Set.of() : Set.copyOf(secretNames);
        from = from == null ? List.of() : List.copyOf(from);
    }

    public static Substitution none() {
        return new Substitution(Map.of(), Set.of(), List.of(), DEFAULT_STRICT);
    }

    public boolean isEmpty() {
        return values.isEmpty() && from.isEmpty();
    }

    /** The first variable name Flux would refuse, if any. */
    public static String invalidName(Iterable<String> names) {
        for (String n : names) {
            if (!NAME.matcher(n).matches()) {
                return n;
            }
        }
        return null;
    }
}
