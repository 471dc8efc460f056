package io.jenkins.plugins.gitopssync.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code gitops-sync} command; holds the environment its subcommands run in. */
@Command(name = "gitops-sync", mixinStandardHelpOptions = true, version = "gitops-sync 1.0",
        description = "GitOps from the command line: render, diff, sync and check Kubernetes manifests from Git "
                + "with server-side apply, an ApplySet inventory, pruning, health checks and drift detection.",
        subcommands = {BuildCommand.class, DiffCommand.class, SyncCommand.class, StatusCommand.class,
                HelpCommand.class},
        footer = {"", "Git credentials come from the environment only: GITOPS_SYNC_GIT_USERNAME and "
                + "GITOPS_SYNC_GIT_PASSWORD (or GITOPS_SYNC_GIT_TOKEN) for https; GITOPS_SYNC_SSH_KEY_FILE, "
                + "GITOPS_SYNC_SSH_KEY_PASSPHRASE and GITOPS_SYNC_SSH_KNOWN_HOSTS for ssh. "
                + "Clones and parsed YAML are cached in $GITOPS_SYNC_CACHE (default ~/.cache/gitops-sync)."})
final class GitOpsSyncCli implements Runnable {

    private final Environment env;

    GitOpsSyncCli(Environment env) {
        this.env = env;
    }

    Environment env() {
        return env;
    }

    @Spec
    CommandSpec spec;

    /** No subcommand given: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: build, diff, sync or status");
    }
}
