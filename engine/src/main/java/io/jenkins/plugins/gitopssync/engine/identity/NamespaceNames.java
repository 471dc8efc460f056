package io.jenkins.plugins.gitopssync.engine.identity;

import java.util.Optional;
import java.util.regex.Pattern;

/** Namespace names: a DNS-1123 label (no dots, at most 63 characters), as the API server requires. */
public final class NamespaceNames {

    public static final int MAX_LENGTH = 63;
    /** Kubernetes' own default namespace: where an ApplySet, a release and objects that name none go by default. */
    public static final String DEFAULT = "default";
    private static final NameRule RULE = new NameRule("no namespace given", "namespace",
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?"), "lower-case letters, digits and '-'", MAX_LENGTH);

    private NamespaceNames() {
    }

    /** Why the text cannot name a namespace, or empty when it can. */
    public static Optional<String> problem(String name) {
        return RULE.problem(name);
    }

    public static boolean isValid(String name) {
        return problem(name).isEmpty();
    }
}
