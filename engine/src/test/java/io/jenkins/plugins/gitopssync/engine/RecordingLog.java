package io.jenkins.plugins.gitopssync.engine;

import java.util.ArrayList;
import java.util.List;

/** A SyncLog that keeps what it was told, for assertions. */
public final class RecordingLog implements SyncLog {

    public final List<String> infos = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();

    @Override
    public synchronized void info(String message) {
        infos.add(message);
    }

    @Override
    public synchronized void warn(String message) {
        warnings.add(message);
    }

    /** Whether an info line so far contains {@code fragment} (safe while a sync on another thread logs). */
    public synchronized boolean sawInfo(String fragment) {
        return infos.stream().anyMatch(l -> l.contains(fragment));
    }
}
