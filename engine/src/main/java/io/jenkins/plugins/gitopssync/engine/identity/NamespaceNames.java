package io.jenkins.plugins.gitopssync.engine.identity;

import java.util.Optional;
import java.util.regex.Pattern;

/** Namespace names: a DNS-1123 label (no dots, at most 63 characters), as the API server requires. */
public final class NamespaceNames {

    public static final int MAX_LENGTH = 63;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private NamespaceNames() {
    }

    /** Why the text cannot name a namespace, or empty when it can. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("no namespace given");
        }
        if (name.length() > MAX_LENGTH || !LABEL.matcher(name).matches()) {
            return Optional.of("invalid namespace '" + name + "': use lower-case letters, digits and '-', starting and"
                    + " ending with a letter or digit, at most " + MAX_LENGTH + " characters");
        }
        return Optional.empty();
    }

    public static boolean isValid(String name) {
        return problem(name).isEmpty();
    }
}
