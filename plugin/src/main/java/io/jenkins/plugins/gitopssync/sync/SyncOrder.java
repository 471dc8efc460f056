package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.config.SyncSpec;
import io.jenkins.plugins.gitopssync.engine.verify.TrustedKeys;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * What one engine run needs, resolved on the controller: the same plain data whether the engine runs in the
 * agent's JVM ({@link AgentSync}) or in a JVM of its own on the agent ({@link ChildJvmSync}). Holds secrets (the
 * connection, the render's keys): never logged, never on a command line.
 *
 * @param trusted the keys to verify the revision's signatures against, or null when they are not checked
 * @param origin  who runs it, for the audit trail in the ApplySet parent
 * @param report  where on the agent to write the JSON report
 */
record SyncOrder(SyncSpec options, String revision, String applySet, ClusterConnection connection, TrustedKeys trusted,
                 String origin, RenderSecrets secrets, ChartInputs chart, String report) implements Serializable {

    /** The engine call for the checkout at {@code repositoryRoot}. */
    EngineSync.Call call(Path repositoryRoot) {
        return new EngineSync.Call(options, repositoryRoot, revision, applySet, trusted, origin, secrets, chart);
    }
}
