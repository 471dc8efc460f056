package io.jenkins.plugins.gitopssync.cli;

import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gitops-sync diff}: what a sync would do, with masked diffs. Exit 0 none, 1 differences, 2 error. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show what a sync would do: objects to create, configure (drift or Git change) and prune, "
                + "with diffs (Secret values masked). Nothing is written to the cluster.",
                "Exit code: 0 no difference, 1 differences, 2 error."})
final class DiffCommand extends ApplyCommand {

    @Option(names = "--uncommitted",
            description = "Diff the files of a local working copy as they are, uncommitted edits included "
                    + "(revision <HEAD>-dirty), instead of a commit.")
    boolean uncommitted;

    @Override
    boolean uncommitted() {
        return uncommitted;
    }

    @Override
    boolean dryRun() {
        return true;
    }

    @Override
    boolean waitForHealth() {
        return false;
    }

    @Override
    Duration timeout() {
        return null;
    }

    @Override
    boolean force() {
        return false;
    }
}
