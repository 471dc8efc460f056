package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.config.SyncSpec;
import io.jenkins.plugins.gitopssync.engine.verify.TrustedKeys;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one engine run needs, resolved on the controller: the same plain data whether the engine runs in the
 * agent's JVM ({@link AgentSync}) or in a JVM of its own on the agent ({@link ChildJvmSync}). Holds secrets (the
 * connection, the render's keys): never logged, never on a command line.
 *
 * @param revision the commit to sync; null until a checkout in the engine's child JVM finds it ({@link ChildCheckout})
 * @param trusted the keys to verify the revision's signatures against, or null when they are not checked
 * @param origin  who runs it, for the audit trail in the ApplySet parent
 * @param report  where on the agent to write the JSON report
 */
record SyncOrder(SyncSpec options, String revision, String applySet, ClusterConnection connection, TrustedKeys trusted,
                 String origin, RenderSecrets secrets, ChartInputs chart, String report) implements Serializable {

    /** The same order for the revision a checkout found. */
    SyncOrder withRevision(String checkedOut) {
        return new SyncOrder(options, checkedOut, applySet, connection, trusted, origin, secrets, chart, report);
    }

    /** What the build log says once the revision is known, wherever the checkout ran (without the step's prefix). */
    List<String> revisionLines(long fetchedMillis) {
        String fetched = String.valueOf(fetchedMillis);
        List<String> lines = new ArrayList<>();
        lines.add(options.dryRun() ? Messages.SyncRunner_RevisionDryRun(revision, fetched, applySet, connection.describe())
                : Messages.SyncRunner_RevisionSync(revision, fetched, applySet, connection.describe()));
        if (trusted != null) {
            lines.add(Messages.SyncRunner_Verifying(options.verifyMode().word(), revision,
                    String.valueOf(trusted.openPgpKeys().size()), String.valueOf(trusted.allowedSigners().size())));
        }
        return lines;
    }

    /** The engine call for the checkout at {@code repositoryRoot}. */
    EngineSync.Call call(Path repositoryRoot) {
        return new EngineSync.Call(options, repositoryRoot, revision, applySet, trusted, origin, secrets, chart);
    }
}
