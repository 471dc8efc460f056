package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.GitOpsSync;
import io.jenkins.plugins.gitopssync.engine.inventory.AuditEntry;
import io.jenkins.plugins.gitopssync.engine.report.InventoryStatus;
import io.jenkins.plugins.gitopssync.engine.report.JsonReport;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import io.jenkins.plugins.gitopssync.engine.report.SvgBadge;
import io.jenkins.plugins.gitopssync.engine.report.Verdict;
import io.jenkins.plugins.gitopssync.engine.source.Revisions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gitops-sync status}: the inventory's last revision, object count and drift, without Git. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the ApplySet's last applied revision, how many objects it owns, which drifted "
                + "(fast path: one LIST per kind), and its audit trail (who synced which revision, signed by whom). "
                + "Git is not contacted: --repo and --path only derive the "
                + "default ApplySet name.",
                "Exit code: 0 synced, 1 drift, 2 error or no such ApplySet."})
final class StatusCommand extends CliCommand {

    @Mixin
    ClusterOptions cluster;

    @Mixin
    ReportOptions reports;

    @Override
    public Integer call() {
        Environment env = parent.env();
        Console console = env.console(output);
        String name = applySet.name(source, env);
        InventoryStatus status;
        try (GitOpsSync engine = new GitOpsSync(cluster.connect(env, console), new ConsoleSyncLog(console))) {
            status = engine.status(name, applySet.namespace);
        }
        if (!status.exists()) {
            reports.writeBadge(env, console, SvgBadge.unknown());
            reports.writeReport(env, console, JsonReport.toJson(status));
            console.error("ApplySet " + name + " not found in namespace " + applySet.namespace
                    + " (never synced? check --applyset, --namespace, or --repo and --path)");
            return ExitCodes.ERROR;
        }
        for (ObjectResult o : status.drifted()) {
            console.result(String.format(java.util.Locale.ROOT, "%-11s%s", "drifted", o.displayName()));
            if (console.verbose() && o.diff() != null && !o.diff().isBlank()) {
                console.result(o.diff().stripTrailing());
            }
        }
        // the audit trail, oldest first: who synced which revision, signed by whom, from where
        for (AuditEntry a : status.audit()) {
            console.result(String.format(java.util.Locale.ROOT, "%-11s%s %s %s by %s%s%s", "synced", a.time(),
                    Revisions.shortId(a.revision()), a.outcome() == null ? "" : a.outcome(), a.origin(),
                    a.signer() == null ? "" : ", signed: " + a.signer(), a.path() == null ? "" : " (path " + a.path() + ")"));
        }
        reports.writeBadge(env, console, SvgBadge.forStatus(status));
        reports.writeReport(env, console, JsonReport.toJson(status));
        console.summary("applyset " + name + " (namespace " + applySet.namespace + "): revision "
                + Revisions.shortId(status.lastRevision()) + ", path " + status.lastPath() + ", "
                + status.objectCount() + " objects, " + status.drifted().size() + " drifted, " + status.apiRequests()
                + " API requests; " + Verdict.of(status).badge());
        return ExitCodes.of(status);
    }
}
