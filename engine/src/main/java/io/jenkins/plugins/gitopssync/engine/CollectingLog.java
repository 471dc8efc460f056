package io.jenkins.plugins.gitopssync.engine;

import io.jenkins.plugins.gitopssync.engine.render.SecretText;
import java.util.ArrayList;
import java.util.List;

/**
 * The caller's log for one sync: workers log in parallel, the caller's log sees one call at a time; the
 * warnings are kept for the result. Values from credentials (a chart's secret parameters) are masked in every
 * line before the caller's log sees it.
 */
final class CollectingLog implements SyncLog {

    private final SyncLog log;
    private final SecretText secrets;
    private final List<String> warnings = new ArrayList<>();

    CollectingLog(SyncLog log) {
        this(log, SecretText.NONE);
    }

    CollectingLog(SyncLog log, SecretText secrets) {
        this.log = log;
        this.secrets = secrets;
    }

    @Override
    public synchronized void info(String message) {
        log.info(secrets.mask(message));
    }

    @Override
    public synchronized void warn(String message) {
        String masked = secrets.mask(message);
        warnings.add(masked);
        log.warn(masked);
    }

    @Override
    public synchronized void debug(String message) {
        log.debug(secrets.mask(message));
    }

    synchronized List<String> warnings() {
        return new ArrayList<>(warnings);
    }
}
