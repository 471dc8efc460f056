package io.jenkins.plugins.gitopssync.pages;

import hudson.Extension;
import hudson.model.Job;
import hudson.model.UnprotectedRootAction;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.gitopssync.Messages;
import java.io.IOException;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * {@code /gitops-badge/?job=FOLDER/NAME}: a job's GitOps badge for those who may see its status
 * ({@link GitOpsPermissions#VIEW_STATUS}) but not read it, such as Anonymous for a public README.
 * A job that does not exist and a job the caller may not see get the same answer, so the address
 * never reveals that a job exists.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class GitOpsBadgeAction implements UnprotectedRootAction {

    public void doIndex(StaplerRequest2 req, StaplerResponse2 rsp, @QueryParameter String job) throws IOException {
        Job<?, ?> found = null;
        if (job != null && !job.isBlank()) {
            try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
                found = Jenkins.get().getItemByFullName(job.trim(), Job.class);
            }
        }
        if (found == null || !found.hasPermission(GitOpsPermissions.VIEW_STATUS)) {
            rsp.sendError(404, Messages.GitOpsBadgeAction_NoSuchJob());
            return;
        }
        new JobGitOpsAction(found).writeBadge(rsp);
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.GitOpsBadgeAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "gitops-badge";
    }
}
