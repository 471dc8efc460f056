package io.jenkins.plugins.gitopssync.pages;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.Item;
import hudson.security.Permission;
import hudson.security.PermissionScope;
import io.jenkins.plugins.gitopssync.Messages;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Job/ViewGitOpsStatus: may see a job's GitOps badge without being able to read the job, as
 * embeddable-build-status does for build badges. Everyone with Job/Read has it; an administrator grants it
 * to Anonymous to embed a badge in a public README. It reveals the sync state only, never the job's
 * configuration, builds or logs.
 */
@Restricted(NoExternalUse.class)
public final class GitOpsPermissions {

    public static final Permission VIEW_STATUS = new Permission(Item.PERMISSIONS, "ViewGitOpsStatus",
            Messages._GitOpsPermissions_ViewStatus_Description(), Item.READ, PermissionScope.ITEM);

    private GitOpsPermissions() {
    }

    /** Loads the permission before the authorization strategy is read, so it can be granted. */
    @Initializer(before = InitMilestone.SYSTEM_CONFIG_LOADED)
    public static void register() {
        VIEW_STATUS.getId();
    }
}
