package io.jenkins.plugins.gitopssync.pages;

import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.engine.report.WaveResult;
import java.io.Serializable;
import java.util.Locale;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** One wave of one phase as it ran, stored with the build (a plain class: XStream cannot write records). */
@Restricted(NoExternalUse.class)
public final class SyncedWave implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String phase;
    private final int wave;
    private final int objects;
    private final int hooks;
    private final String startedAt;
    private final long durationMs;
    private final String outcome;

    public SyncedWave(String phase, int wave, int objects, int hooks, String startedAt, long durationMs, String outcome) {
        this.phase = phase;
        this.wave = wave;
        this.objects = objects;
        this.hooks = hooks;
        this.startedAt = startedAt;
        this.durationMs = durationMs;
        this.outcome = outcome;
    }

    public static SyncedWave of(WaveResult w) {
        return new SyncedWave(w.phase(), w.wave(), w.objects(), w.hooks(), w.startedAt(), w.durationMs(), w.outcome());
    }

    public String getPhase() { return phase; }
    public int getWave() { return wave; }
    public int getObjects() { return objects; }
    public int getHooks() { return hooks; }
    /** ISO-8601 (UTC), or null when it did not run. */
    public String getStartedAt() { return startedAt; }
    public long getDurationMs() { return durationMs; }
    public String getOutcome() { return outcome; }

    /** "3.2 s", or "" when it did not run. */
    public String getDuration() {
        return startedAt == null ? "" : String.format(Locale.ROOT, "%.1f s", durationMs / 1000.0);
    }

    /** "PreSync wave 0". */
    public String getLabel() {
        return Messages.SyncedWave_Label(phase, String.valueOf(wave));
    }

    /** "PreSync wave 0 synced in 3.2 s", or "Sync wave 1 not run", for the build page's list. */
    public String getSummary() {
        return getLabel() + " " + outcome + (startedAt == null ? "" : " in " + getDuration());
    }
}
