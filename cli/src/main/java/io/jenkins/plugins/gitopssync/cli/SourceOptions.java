package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.process.LocalProcessRunner;
import io.jenkins.plugins.gitopssync.engine.process.Tools;
import io.jenkins.plugins.gitopssync.engine.render.RenderOptions;
import picocli.CommandLine.Option;

/** Where the manifests are: --repo and --path (--ref lives with the commands that check out). */
final class SourceOptions {

    @Option(names = "--repo", paramLabel = "URL|DIR", defaultValue = ".",
            description = "Git URL (https, ssh, file) or local directory (Git working copy, bare repository, "
                    + "or plain directory). Default: the current directory.")
    String repo;

    @Option(names = "--path", paramLabel = "PATH", defaultValue = ".",
            description = "Directory inside the repository to render (plain YAML, or Kustomize when it holds a "
                    + "kustomization.yaml). Default: the repository root.")
    String path;

    @Option(names = "--kubectl", paramLabel = "PATH",
            description = "The kubectl that builds Kustomizations. Default: $GITOPS_KUBECTL, else kubectl on the PATH.")
    String kubectl;

    /** The programs a render runs, started in this command's environment. */
    RenderOptions renderOptions(Environment env) {
        return new RenderOptions(new Tools(new LocalProcessRunner(env.variables()), kubectl, null));
    }

    RepoLocation location(Environment env) {
        return RepoLocation.parse(repo, env.workingDirectory());
    }
}
