package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.SyncRequest;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetNames;
import picocli.CommandLine.Option;

/** Which inventory: --applyset (default derived from repo and path) and --namespace. */
final class ApplySetOptions {

    @Option(names = "--applyset", paramLabel = "NAME",
            description = "Name of the ApplySet (the inventory Secret). Default: derived from --repo and --path, "
                    + "e.g. shop-1a2b3c4d.")
    String applySet;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = SyncRequest.DEFAULT_NAMESPACE,
            description = "Namespace of the ApplySet Secret, and of namespaced objects that name none. "
                    + "Default: ${DEFAULT-VALUE}.")
    String namespace;

    String name(SourceOptions source, Environment env) {
        if (applySet != null && !applySet.isBlank()) {
            ApplySetNames.problem(applySet).ifPresent(problem -> {
                throw new SyncException("--applyset: " + problem);
            });
            return applySet;
        }
        RepoLocation repo = source.location(env);
        return ApplySetNames.forRepository(repo.shortName(), repo.url(), source.path);
    }
}
