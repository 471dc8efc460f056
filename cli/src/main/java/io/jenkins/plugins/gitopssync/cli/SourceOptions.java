package io.jenkins.plugins.gitopssync.cli;

import picocli.CommandLine.Option;

/** Where the manifests are: --repo and --path (--ref lives with the commands that check out). */
final class SourceOptions {

    @Option(names = "--repo", paramLabel = "URL|DIR", defaultValue = ".",
            description = "Git URL (https, ssh, file) or local directory (Git working copy, bare repository, "
                    + "or plain directory). Default: the current directory.")
    String repo;

    @Option(names = "--path", paramLabel = "PATH", defaultValue = ".",
            description = "Directory inside the repository to render (plain YAML; a Helm chart when it holds a "
                    + "Chart.yaml; Kustomize when it holds a kustomization.yaml). Default: the repository root.")
    String path;

    RepoLocation location(Environment env) {
        return RepoLocation.parse(repo, env.workingDirectory());
    }
}
