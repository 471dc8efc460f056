package io.jenkins.plugins.gitopssync.engine.report;

/** What a sync did (or, in a dry run, would do) to one object. */
public enum Action {
    CREATED, CONFIGURED, UNCHANGED, PRUNED, SKIPPED, FAILED;

    /** Lower-case word used in the JSON report, logs and the build page. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
