package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import io.jenkins.plugins.gitopssync.engine.verify.SignatureCheck;
import picocli.CommandLine.Option;

/** --ref, and the checkout it leads to. */
final class RefOption {

    @Option(names = "--ref", paramLabel = "REF",
            description = "Branch, tag, full or abbreviated commit id, or full ref name (refs/...). "
                    + "Default: the remote HEAD.")
    String ref;

    /** Clones or fetches into the cache and checks out the exact commit. */
    ManifestSource checkout(Environment env, Console console, SourceOptions source) {
        return checkout(env, console, source, false);
    }

    /** The files to render and, with --verify-signatures, the check the engine runs before rendering. */
    record Checkout(ManifestSource source, SignatureCheck signatureCheck) {
    }

    Checkout checkout(Environment env, Console console, SourceOptions source, boolean uncommitted,
                      SignatureOptions signatures) {
        signatures.validate(uncommitted);
        if (!signatures.enabled()) {
            return new Checkout(checkout(env, console, source, uncommitted), null);
        }
        RepoLocation location = source.location(env);
        try (GitSource git = new GitSource(env.cacheRoot(), env.home(), GitCredentials.fromEnvironment(env.variables()),
                console)) {
            GitCheckout checkout = git.checkout(location, ref);
            return new Checkout(new ManifestSource(checkout.worktree(), checkout.commitId(), source.path)
                    .withParseCache(location.parseCacheFile(env.cacheRoot(), source.path)),
                    signatures.check(env, checkout));
        }
    }

    /** With {@code uncommitted}, a local working copy is used as it is instead (diff and build only). */
    ManifestSource checkout(Environment env, Console console, SourceOptions source, boolean uncommitted) {
        RepoLocation location = source.location(env);
        if (uncommitted) {
            if (ref != null) {
                throw new SyncException("--uncommitted and --ref exclude each other: the working copy has one state");
            }
            GitCheckout tree = WorkingTree.use(location, console);
            return new ManifestSource(tree.worktree(), tree.commitId(), source.path)
                    .withParseCache(location.parseCacheFile(env.cacheRoot(), source.path));
        }
        try (GitSource git = new GitSource(env.cacheRoot(), env.home(), GitCredentials.fromEnvironment(env.variables()),
                console)) {
            GitCheckout checkout = git.checkout(location, ref);
            return new ManifestSource(checkout.worktree(), checkout.commitId(), source.path)
                    .withParseCache(location.parseCacheFile(env.cacheRoot(), source.path));
        }
    }
}
