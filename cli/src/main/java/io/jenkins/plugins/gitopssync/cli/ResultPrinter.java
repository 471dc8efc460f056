package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import io.jenkins.plugins.gitopssync.engine.report.SummaryLine;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints a sync or diff result: one line per changed object ("created Deployment/shop/web",
 * "configured ConfigMap/shop/x (drift)"), the masked diffs, the waves and hooks ({@link WaveLines}), problems
 * on stderr, and one summary line.
 */
final class ResultPrinter {

    private static final int NAMED_FAILURES = 3;

    private final Console console;

    ResultPrinter(Console console) {
        this.console = console;
    }

    void print(SyncResult result, boolean showDiffs) {
        for (ObjectResult o : result.objects()) {
            if (o.action() == Action.UNCHANGED && !console.verbose()) {
                continue;
            }
            console.result(objectLine(o, console.verbose()));
            if (showDiffs && o.diff() != null && !o.diff().isBlank()) {
                console.result(o.diff().stripTrailing());
            }
        }
        WaveLines.of(result, console.verbose()).forEach(console::result);
        // warnings were printed as they happened (ConsoleSyncLog); errors end the run, so they come last
        for (String error : result.errors()) {
            console.error(error);
        }
        if (result.errors().isEmpty() && result.totals().failed() > 0) {
            console.error(failedObjects(result)); // a failed run always says why on stderr
        }
        console.summary(SummaryLine.of(result));
    }

    /** "2 objects failed: ConfigMap/shop/a (a.yaml:1): <API message>; ...", the first three named. */
    static String failedObjects(SyncResult r) {
        List<ObjectResult> failed = r.objects().stream().filter(o -> o.action() == Action.FAILED).toList();
        List<String> named = new ArrayList<>();
        for (ObjectResult o : failed.subList(0, Math.min(NAMED_FAILURES, failed.size()))) {
            named.add(o.displayName() + (o.source() == null ? "" : " (" + o.source() + ")") + ": "
                    + (o.error() == null ? "failed" : o.error()));
        }
        int more = failed.size() - named.size();
        return failed.size() + (failed.size() == 1 ? " object" : " objects") + " failed: " + String.join("; ", named)
                + (more > 0 ? "; and " + more + " more (listed above)" : "");
    }

    static String objectLine(ObjectResult o, boolean withSource) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-11s%s", o.action().word(), o.displayName()));
        if (o.action() == Action.CONFIGURED) {
            line.append(o.drift() ? " (drift)" : " (git change)");
        } else if (o.drift()) {
            line.append(" (drift)");
        }
        if (o.health() != null && !o.health().isBlank() && o.action() != Action.PRUNED) {
            line.append(" [").append(o.health()).append(']');
        }
        if (withSource && o.source() != null) {
            line.append("  ").append(o.source());
        }
        if (o.action() == Action.FAILED && o.error() != null) {
            line.append(": ").append(o.error());
        }
        return line.toString();
    }


}
