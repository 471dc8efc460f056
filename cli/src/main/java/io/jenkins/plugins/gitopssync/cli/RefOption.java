package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import picocli.CommandLine.Option;

/** --ref, and the checkout it leads to. */
final class RefOption {

    @Option(names = "--ref", paramLabel = "REF",
            description = "Branch, tag, full or abbreviated commit id, or full ref name (refs/...). "
                    + "Default: the remote HEAD.")
    String ref;

    /** Clones or fetches into the cache and checks out the exact commit. */
    ManifestSource checkout(Environment env, Console console, SourceOptions source) {
        RepoLocation location = source.location(env);
        try (GitSource git = new GitSource(env.cacheRoot(), env.home(), GitCredentials.fromEnvironment(env.variables()),
                console)) {
            GitCheckout checkout = git.checkout(location, ref);
            return new ManifestSource(checkout.worktree(), checkout.commitId(), source.path);
        }
    }
}
