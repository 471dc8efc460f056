package io.jenkins.plugins.gitopssync.pages;

import hudson.model.Action;
import hudson.model.Job;
import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.engine.report.SvgBadge;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The job's GitOps state: the latest build that synced, shown on the job page, and an SVG badge at
 * {@code job/<name>/gitops/badge} for READMEs ({@code unknown} before the first sync). Both read the job's
 * {@link JobSyncState}, never its builds. The badge needs Job/ViewGitOpsStatus, which Job/Read implies;
 * {@link GitOpsBadgeAction} serves it to those who have only the former.
 */
@Restricted(NoExternalUse.class)
public final class JobGitOpsAction implements Action {

    /** How far back a job without a {@link JobSyncState} yet is searched, once, for a build that synced. */
    public static final int LOOKBACK = 20;

    private final Job<?, ?> job;

    public JobGitOpsAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    /** The job's state: its latest completed build with a sync and that build's syncs; null before the first. */
    public JobSyncState getSyncState() {
        return JobSyncState.of(job);
    }

    /** The job's trigger that reports its checks here (the GitOps trigger), or null. */
    public CheckReporter getTrigger() {
        if (job instanceof ParameterizedJobMixIn.ParameterizedJob<?, ?> pj) {
            for (Object t : pj.getTriggers().values()) {
                if (t instanceof CheckReporter r) {
                    return r;
                }
            }
        }
        return null;
    }

    /** The badge's absolute address to paste into a README (relative when Jenkins' URL is not configured). */
    public String getBadgeUrl() {
        String root = Jenkins.get().getRootUrl();
        return (root == null ? "/" : root) + job.getUrl() + getUrlName() + "/badge";
    }

    public BadgeState getState() {
        JobSyncState s = getSyncState();
        return s == null ? null : s.getBadge();
    }

    /** The SVG badge of the latest sync: synced, drift N, out of sync, failed, or unknown before any sync. */
    public String badgeSvg() {
        BadgeState s = getState();
        return s == null ? SvgBadge.unknown() : SvgBadge.render(s.status(), s.driftCount());
    }

    /** Whether the job page shows the GitOps section: the job has synced or carries the trigger. */
    public boolean isShown() {
        return getSyncState() != null || getTrigger() != null;
    }

    /** The badge's public address (for those with Job/ViewGitOpsStatus but not Job/Read). */
    public String getPublicBadgeUrl() {
        String root = Jenkins.get().getRootUrl();
        return (root == null ? "/" : root) + "gitops-badge/?job=" + URLEncoder.encode(job.getFullName(), StandardCharsets.UTF_8).replace("%2F", "/");
    }

    public void doBadge(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        job.checkPermission(GitOpsPermissions.VIEW_STATUS);
        writeBadge(rsp);
    }

    void writeBadge(StaplerResponse2 rsp) throws IOException {
        byte[] svg = badgeSvg().getBytes(StandardCharsets.UTF_8);
        rsp.setContentType("image/svg+xml;charset=utf-8");
        rsp.setHeader("Cache-Control", "no-cache, no-store, must-revalidate"); // NOI18N
        rsp.setContentLength(svg.length);
        rsp.getOutputStream().write(svg);
    }

    @Override
    public String getIconFileName() {
        // no side-panel link: the state is shown on the job page itself
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.JobGitOpsAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "gitops";
    }
}
