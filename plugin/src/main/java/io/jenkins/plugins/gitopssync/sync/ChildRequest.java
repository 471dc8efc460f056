package io.jenkins.plugins.gitopssync.sync;

import java.io.Serializable;

/**
 * What the controller writes to a child JVM's standard input (never to its arguments, environment or a file: it
 * holds the cluster's credentials and the render's keys) and where the child leaves its answer on the agent.
 *
 * @param checkout       the checkout the child does before it syncs, or null when the agent's JVM did it
 * @param repositoryRoot the checkout on the agent
 * @param record         where the child writes the record of a finished sync
 * @param error          where the child writes the message of a failure the user can act on
 */
record ChildRequest(SyncOrder order, ChildCheckout checkout, String repositoryRoot, String record, String error)
        implements Serializable {

    /** The child's exit codes: they say which answer to read. */
    static final int SYNCED = 0;
    static final int CRASHED = 1;
    static final int BAD_REQUEST = 2;
    static final int SYNC_FAILED = 3;
}
