package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.report.HookResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.WaveResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The phases and waves of a sync as they ran (or, in a dry run, would), each followed by its hooks:
 * "wave       PreSync 0: synced in 3.2 s, started 09:58:31Z (1 hook)", "hook       Job/shop/migrate-x7k2p
 * succeeded, deleted". Printed only for a set with hooks or more than one wave: for the others it says nothing
 * the summary does not.
 */
final class WaveLines {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private WaveLines() {
    }

    static List<String> of(SyncResult r, boolean withSource) {
        List<String> lines = new ArrayList<>();
        if (r.waves().size() <= 1 && r.hooks().isEmpty()) {
            return lines;
        }
        List<HookResult> left = new ArrayList<>(r.hooks());
        for (WaveResult w : r.waves()) {
            lines.add(line("wave", w.phase() + " " + w.wave() + ": " + outcome(w) + counts(w)));
            for (HookResult h : r.hooks()) {
                if (h.phase().equals(w.phase()) && h.wave() == w.wave() && h.state() != HookResult.State.SKIPPED) {
                    lines.add(hookLine(h, withSource, false));
                    left.remove(h);
                }
            }
        }
        // hooks of no wave that ran: those of the other occasion, and SyncFail hooks of a sync that did not fail
        left.forEach(h -> lines.add(hookLine(h, withSource, true)));
        return lines;
    }

    private static String outcome(WaveResult w) {
        if (w.startedAt() == null) {
            return w.outcome();
        }
        return String.format(Locale.ROOT, "%s in %.1f s, started %s", w.outcome(), w.durationMs() / 1000.0,
                CLOCK.format(Instant.parse(w.startedAt())));
    }

    private static String counts(WaveResult w) {
        List<String> parts = new ArrayList<>();
        if (w.objects() > 0) {
            parts.add(w.objects() + (w.objects() == 1 ? " object" : " objects"));
        }
        if (w.hooks() > 0) {
            parts.add(w.hooks() + (w.hooks() == 1 ? " hook" : " hooks"));
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    /** The hook, its state and (but for a failure, which stderr tells in full) why; the first line only. */
    private static String hookLine(HookResult h, boolean withSource, boolean withWave) {
        StringBuilder s = new StringBuilder(h.displayName()).append(' ').append(h.state().word());
        if (h.deleted()) {
            s.append(", deleted");
        }
        if (h.error() != null && h.state() != HookResult.State.FAILED) {
            s.append(": ").append(h.error().lines().findFirst().orElse(""));
        }
        if (withWave) {
            s.append(" (").append(h.phase()).append(" wave ").append(h.wave()).append(')');
        }
        if (withSource && h.source() != null) {
            s.append("  ").append(h.source());
        }
        return line("hook", s.toString());
    }

    private static String line(String word, String text) {
        return String.format(Locale.ROOT, "%-11s%s", word, text);
    }
}
