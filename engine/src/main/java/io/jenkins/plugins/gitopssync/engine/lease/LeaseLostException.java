package io.jenkins.plugins.gitopssync.engine.lease;

import io.jenkins.plugins.gitopssync.engine.SyncException;

/**
 * The sync may no longer hold its lease, so it stops writing: it ends the whole sync, not one object.
 * Thrown before the write it would have made.
 */
public final class LeaseLostException extends SyncException {

    LeaseLostException(String message) {
        super(message);
    }
}
