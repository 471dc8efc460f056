package io.jenkins.plugins.gitopssync.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.engine.kubeconfig.KubeconfigPolicy;
import jenkins.model.GlobalConfiguration;
import jenkins.model.GlobalConfigurationCategory;
import jenkins.model.Jenkins;
import jenkins.util.SystemProperties;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * What an administrator decides for every job (Manage Jenkins → System → GitOps Sync; Configuration as Code:
 * {@code unclassified: gitopsSync: ...}): the trigger checks' pool, queue and time limit, and what a job's
 * configuration may make the controller itself do — read a repository on the controller's disk, or use a
 * kubeconfig's exec plugin, files and the controller's own service account for the trigger's cluster check.
 * Both are off by default: a job configurer is not trusted with the controller. The system properties of
 * earlier versions are the defaults, so existing installations keep their settings until saved here.
 */
@Extension
@Symbol("gitopsSync")
public class GitOpsGlobalSettings extends GlobalConfiguration {

    static final int DEFAULT_TRIGGER_THREADS = 4;
    // each job has at most one check waiting or running, so the queue holds at most one check per triggered job: the
    // bound is a last guard, far above what a controller has (100 skipped checks of controllers with 105 jobs or more)
    static final int DEFAULT_TRIGGER_QUEUE = 10_000;
    static final int DEFAULT_TRIGGER_TIMEOUT_SECONDS = 120;
    private static final String TRIGGER_PREFIX = "io.jenkins.plugins.gitopssync.trigger.TriggerChecks.";
    private static final String LOCAL_PROPERTY = "io.jenkins.plugins.gitopssync.sync.WorkspaceCheckout.allowLocalOnController";

    private int triggerThreads = SystemProperties.getInteger(TRIGGER_PREFIX + "threads", DEFAULT_TRIGGER_THREADS);
    private int triggerQueue = SystemProperties.getInteger(TRIGGER_PREFIX + "queue", DEFAULT_TRIGGER_QUEUE);
    private int triggerTimeoutSeconds = SystemProperties.getInteger(TRIGGER_PREFIX + "timeoutSeconds",
            DEFAULT_TRIGGER_TIMEOUT_SECONDS);
    private boolean allowLocalRepositoriesOnController = SystemProperties.getBoolean(LOCAL_PROPERTY);
    private boolean allowKubeconfigCommandsOnController;
    private EngineJvm engineJvm = EngineJvm.AUTO;
    private int engineJvmHeapMegabytes;

    public GitOpsGlobalSettings() {
        this(true);
    }

    /** Whether this is Jenkins' own instance (false: the defaults, where no Jenkins runs, never saved). */
    private final transient boolean persistent;

    /** @param load read the saved settings (false: the defaults, where no Jenkins runs) */
    private GitOpsGlobalSettings(boolean load) {
        this.persistent = load;
        if (load) {
            load();
        }
    }

    @Override
    public synchronized void save() {
        if (persistent) {
            super.save();
        }
    }

    /** The settings; outside a running Jenkins (tests of the glue without one) the defaults. */
    @NonNull
    public static GitOpsGlobalSettings get() {
        GitOpsGlobalSettings s = Jenkins.getInstanceOrNull() == null ? null : GlobalConfiguration.all().get(GitOpsGlobalSettings.class);
        return s != null ? s : new GitOpsGlobalSettings(false);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.GitOpsGlobalSettings_DisplayName();
    }

    @NonNull
    @Override
    public GlobalConfigurationCategory getCategory() {
        return GlobalConfigurationCategory.get(GlobalConfigurationCategory.Unclassified.class);
    }

    public int getTriggerThreads() {
        return triggerThreads;
    }

    @DataBoundSetter
    public void setTriggerThreads(int triggerThreads) {
        this.triggerThreads = Math.max(1, Math.min(64, triggerThreads));
        save();
    }

    public int getTriggerQueue() {
        return triggerQueue;
    }

    @DataBoundSetter
    public void setTriggerQueue(int triggerQueue) {
        this.triggerQueue = Math.max(1, Math.min(10_000, triggerQueue));
        save();
    }

    public int getTriggerTimeoutSeconds() {
        return triggerTimeoutSeconds;
    }

    @DataBoundSetter
    public void setTriggerTimeoutSeconds(int triggerTimeoutSeconds) {
        this.triggerTimeoutSeconds = Math.max(1, Math.min(3600, triggerTimeoutSeconds));
        save();
    }

    public boolean isAllowLocalRepositoriesOnController() {
        return allowLocalRepositoriesOnController;
    }

    @DataBoundSetter
    public void setAllowLocalRepositoriesOnController(boolean allow) {
        this.allowLocalRepositoriesOnController = allow;
        save();
    }

    public boolean isAllowKubeconfigCommandsOnController() {
        return allowKubeconfigCommandsOnController;
    }

    @DataBoundSetter
    public void setAllowKubeconfigCommandsOnController(boolean allow) {
        this.allowKubeconfigCommandsOnController = allow;
        save();
    }

    /** Where a build's sync runs the engine on its agent (null in settings saved before this option: AUTO). */
    @NonNull
    public EngineJvm getEngineJvm() {
        return engineJvm == null ? EngineJvm.AUTO : engineJvm;
    }

    @DataBoundSetter
    public void setEngineJvm(EngineJvm engineJvm) {
        this.engineJvm = engineJvm == null ? EngineJvm.AUTO : engineJvm;
        save();
    }

    /** The child JVM's heap limit in MB, or 0 for that JVM's default. */
    public int getEngineJvmHeapMegabytes() {
        return engineJvmHeapMegabytes;
    }

    @DataBoundSetter
    public void setEngineJvmHeapMegabytes(int megabytes) {
        this.engineJvmHeapMegabytes = megabytes <= 0 ? 0 : Math.max(64, Math.min(65_536, megabytes));
        save();
    }

    @POST
    public FormValidation doCheckEngineJvmHeapMegabytes(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        String v = value.trim();
        return v.isEmpty() || "0".equals(v) ? FormValidation.ok() : range(v, 64, 65_536);
    }

    /** What a job's kubeconfig may make the controller do when the trigger checks the cluster. */
    public KubeconfigPolicy controllerKubeconfigPolicy() {
        return allowKubeconfigCommandsOnController ? KubeconfigPolicy.TRUSTED : KubeconfigPolicy.TEXT_ONLY;
    }

    @POST
    public FormValidation doCheckTriggerThreads(@QueryParameter String value) {
        return range(value, 1, 64);
    }

    @POST
    public FormValidation doCheckTriggerQueue(@QueryParameter String value) {
        return range(value, 1, 10_000);
    }

    @POST
    public FormValidation doCheckTriggerTimeoutSeconds(@QueryParameter String value) {
        return range(value, 1, 3600);
    }

    private static FormValidation range(String value, int min, int max) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        try {
            int n = Integer.parseInt(value.trim());
            return n < min || n > max ? FormValidation.error(Messages.GitOpsGlobalSettings_Range(min, max)) : FormValidation.ok();
        } catch (NumberFormatException e) {
            return FormValidation.error(Messages.GitOpsGlobalSettings_Range(min, max));
        }
    }
}
