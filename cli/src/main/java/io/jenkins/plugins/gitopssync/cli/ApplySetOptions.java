package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** Which inventory: --applyset (default derived from repo and path) and --namespace. */
final class ApplySetOptions {

    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    @Option(names = "--applyset", paramLabel = "NAME",
            description = "Name of the ApplySet (the inventory Secret). Default: derived from --repo and --path, "
                    + "e.g. shop-1a2b3c4d.")
    String applySet;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = "default",
            description = "Namespace of the ApplySet Secret, and of namespaced objects that name none. "
                    + "Default: default.")
    String namespace;

    String name(SourceOptions source, Environment env) {
        if (applySet != null && !applySet.isBlank()) {
            if (applySet.length() > 253 || !DNS_SUBDOMAIN.matcher(applySet).matches()) {
                throw new SyncException("--applyset " + applySet + " is not a valid name: lower-case letters, "
                        + "digits, '-' and '.', starting and ending with a letter or digit");
            }
            return applySet;
        }
        return ApplySetNames.derive(source.location(env), source.path);
    }
}
