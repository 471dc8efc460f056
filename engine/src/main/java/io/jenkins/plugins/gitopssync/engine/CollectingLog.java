package io.jenkins.plugins.gitopssync.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The caller's log for one sync: workers log in parallel, the caller's log sees one call at a time; the
 * warnings are kept for the result.
 */
final class CollectingLog implements SyncLog {

    private final SyncLog log;
    private final List<String> warnings = new ArrayList<>();

    CollectingLog(SyncLog log) {
        this.log = log;
    }

    @Override
    public synchronized void info(String message) {
        log.info(message);
    }

    @Override
    public synchronized void warn(String message) {
        warnings.add(message);
        log.warn(message);
    }

    @Override
    public synchronized void debug(String message) {
        log.debug(message);
    }

    synchronized List<String> warnings() {
        return new ArrayList<>(warnings);
    }
}
