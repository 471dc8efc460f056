package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.SyncRequest;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gitops-sync sync}: apply (server-side), prune, wait for health (by default, as the Pipeline step). */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Apply the manifests with server-side apply (CRDs and Namespaces first), prune with --prune, "
                + "wait for health unless --no-wait.",
                "Exit code: 0 synced, 2 error; with --dry-run as diff: 0 no difference, 1 differences, 2 error."})
final class SyncCommand extends ApplyCommand {

    @Option(names = "--wait", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Wait until applied objects are healthy (Deployments rolled out, ...). Default: on; "
                    + "--no-wait returns once everything is applied.")
    boolean waitForHealth = SyncRequest.DEFAULT_WAIT_FOR_HEALTH;

    /** Null when not given: the engine's default applies. */
    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Limit for the health wait and CRD establishment (e.g. 300, 90s, 5m, 1h30m, PT5M). "
                    + "Default: 5m.")
    Duration timeout;

    @Option(names = "--force", description = "Delete and re-create objects whose immutable fields changed.")
    boolean force;

    @Option(names = "--dry-run", description = "Only show what would change (same as the diff command).")
    boolean dryRun;

    @Override
    boolean dryRun() {
        return dryRun;
    }

    @Override
    boolean waitForHealth() {
        return waitForHealth;
    }

    @Override
    Duration timeout() {
        return timeout;
    }

    @Override
    boolean force() {
        return force;
    }
}
