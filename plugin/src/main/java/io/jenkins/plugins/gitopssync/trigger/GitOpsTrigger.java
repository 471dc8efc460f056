package io.jenkins.plugins.gitopssync.trigger;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Job;
import hudson.triggers.TimerTrigger;
import hudson.triggers.Trigger;
import hudson.triggers.TriggerDescriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.config.GitOpsForms;
import io.jenkins.plugins.gitopssync.config.OptionChecks;
import io.jenkins.plugins.gitopssync.config.SyncSpec;
import io.jenkins.plugins.gitopssync.engine.source.UrlRedaction;
import io.jenkins.plugins.gitopssync.pages.CheckReporter;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;
import org.jenkinsci.Symbol;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Polls like SCM polling (cron spec): starts a build when the configured ref has a new revision, or,
 * with {@code checkDrift}, when objects of the ApplySet drifted in the cluster. It never syncs itself:
 * the build does. The check runs on the plugin's own pool with a time limit ({@link TriggerChecks}), so
 * neither the cron thread nor Jenkins' shared timer is ever blocked; the remote and the cluster are
 * reached from the controller, with the job's credentials as the job's own authentication, and a job's
 * kubeconfig used there only as far as the administrator allows ({@link TriggerCheck#onController()}).
 */
public class GitOpsTrigger extends Trigger<Job<?, ?>> implements CheckReporter {

    private static final Logger LOGGER = Logger.getLogger(GitOpsTrigger.class.getName());

    private String url;
    private String ref;
    private String path;
    private String credentialsId;
    private String kubeconfigCredentialsId;
    private String serverUrl;
    private String tokenCredentialsId;
    private String caCertificate;
    private String namespace;
    private String applySet;
    private boolean checkDrift;
    private String verifySignatures;
    private String trustedKeysCredentialsId;
    private String trustedKeys;
    private String context;
    // a chart's options, as on the steps: kept with the trigger's source so the job reads the same everywhere
    private String releaseName;
    private String valuesFiles;
    private String values;
    private String parameters;
    private boolean skipCrds;
    private String helm;
    private String chartCredentialsId;

    private transient AtomicBoolean checking = new AtomicBoolean();
    private transient volatile CheckCounts counts = new CheckCounts();
    private transient volatile String lastCheck;
    private transient volatile String lastProblem;
    private transient volatile String scheduledRevision;

    @DataBoundConstructor
    public GitOpsTrigger(String spec) {
        super(spec);
    }

    /** The trigger of a job, or null. */
    @CheckForNull
    public static GitOpsTrigger of(Job<?, ?> job) {
        return ParameterizedJobMixIn.getTrigger(job, GitOpsTrigger.class);
    }

    /** What a check reads: the source and the cluster part of a sync's options, nothing applied. */
    SyncSpec toSpec() {
        return SyncSpec.builder(url).ref(ref).path(path).credentialsId(credentialsId)
                .kubeconfigCredentialsId(kubeconfigCredentialsId).serverUrl(serverUrl).tokenCredentialsId(tokenCredentialsId)
                .caCertificate(caCertificate).namespace(namespace).applySet(applySet).dryRun(true).waitForHealth(false)
                .verifySignatures(verifySignatures).trustedKeysCredentialsId(trustedKeysCredentialsId).trustedKeys(trustedKeys)
                .context(context).releaseName(releaseName).valuesFiles(valuesFiles).values(values).parameters(parameters)
                .skipCrds(skipCrds).helm(helm).chartCredentialsId(chartCredentialsId)
                .build();
    }

    @Override
    public void run() {
        Job<?, ?> j = job;
        if (j == null || j instanceof ParameterizedJobMixIn.ParameterizedJob<?, ?> pj && pj.isDisabled()) {
            return;
        }
        if (checking == null) {
            checking = new AtomicBoolean();
        }
        CheckCounts counted = counts();
        counted.polled();
        if (!checking.compareAndSet(false, true)) {
            counted.skippedStillRunning(); // the previous check is still running (slow remote or cluster)
            return;
        }
        AtomicBoolean busy = checking;
        TriggerCheck check = new TriggerCheck(j, toSpec(), checkDrift, scheduledRevision);
        long polledAt = System.nanoTime();
        try {
            TriggerChecks.submit(() -> {
                long startedAt = System.nanoTime();
                try {
                    TriggerCheck.Result result = check.run();
                    if (Thread.interrupted()) {
                        return; // timed out meanwhile: the watchdog has reported it
                    }
                    report(j, result.line(), result.problem());
                    if (result.scheduledRevision() != null) {
                        scheduledRevision = result.scheduledRevision();
                    }
                    counted.finished(polledAt, startedAt, System.nanoTime());
                } catch (Exception e) {
                    if (!Thread.interrupted()) {
                        String message = UrlRedaction.redact(e.getMessage());
                        report(j, Messages.GitOpsTrigger_CheckFailed(message), message);
                        counted.finished(polledAt, startedAt, System.nanoTime());
                    }
                } finally {
                    busy.set(false);
                }
            }, () -> {
                counted.timedOut();
                report(j, Messages.GitOpsTrigger_CheckTimedOut(TriggerChecks.timeout().toSeconds()), "timed out"); // NOI18N: a key
                busy.set(false);
            });
        } catch (RejectedExecutionException e) {
            // the pool's queue is full (remotes hanging) or Jenkins is stopping: this poll is skipped
            counted.skippedQueueFull();
            report(j, Messages.GitOpsTrigger_CheckSkipped(), "skipped");
            busy.set(false);
        }
    }

    /** What this trigger's polls came to since it was made (for bench/trigger-scale and diagnostics). */
    public CheckCounts counts() {
        CheckCounts c = counts;
        if (c == null) { // read from the job's configuration: transient fields start empty
            synchronized (this) {
                if (counts == null) {
                    counts = new CheckCounts();
                }
                c = counts;
            }
        }
        return c;
    }

    /** Records what a check found for the job page; a problem is logged once, not at every poll. */
    private void report(Job<?, ?> j, String line, String problem) {
        lastCheck = line;
        if (problem != null && !problem.equals(lastProblem)) {
            LOGGER.log(Level.WARNING, "GitOps trigger of {0}: {1}", new Object[] {j.getFullName(), line});
        }
        lastProblem = problem;
    }

    @Override
    public String getLastCheck() {
        return lastCheck;
    }

    /** Whether a check {@link #run()} started has not reported yet (for the tests and bench/trigger-scale, which wait for it). */
    @Restricted(NoExternalUse.class)
    public boolean isChecking() {
        AtomicBoolean busy = checking;
        return busy != null && busy.get();
    }

    public String getUrl() {
        return url;
    }

    @DataBoundSetter
    public void setUrl(String url) {
        this.url = Util.fixEmptyAndTrim(url);
    }

    public String getRef() {
        return ref;
    }

    @DataBoundSetter
    public void setRef(String ref) {
        this.ref = Util.fixEmptyAndTrim(ref);
    }

    public String getPath() {
        return path;
    }

    @DataBoundSetter
    public void setPath(String path) {
        this.path = Util.fixEmptyAndTrim(path);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public String getKubeconfigCredentialsId() {
        return kubeconfigCredentialsId;
    }

    @DataBoundSetter
    public void setKubeconfigCredentialsId(String kubeconfigCredentialsId) {
        this.kubeconfigCredentialsId = Util.fixEmptyAndTrim(kubeconfigCredentialsId);
    }

    public String getServerUrl() {
        return serverUrl;
    }

    @DataBoundSetter
    public void setServerUrl(String serverUrl) {
        this.serverUrl = Util.fixEmptyAndTrim(serverUrl);
    }

    public String getTokenCredentialsId() {
        return tokenCredentialsId;
    }

    @DataBoundSetter
    public void setTokenCredentialsId(String tokenCredentialsId) {
        this.tokenCredentialsId = Util.fixEmptyAndTrim(tokenCredentialsId);
    }

    public String getCaCertificate() {
        return caCertificate;
    }

    @DataBoundSetter
    public void setCaCertificate(String caCertificate) {
        this.caCertificate = OptionChecks.pem(caCertificate);
    }

    public String getNamespace() {
        return namespace;
    }

    @DataBoundSetter
    public void setNamespace(String namespace) {
        this.namespace = Util.fixEmptyAndTrim(namespace);
    }

    public String getApplySet() {
        return applySet;
    }

    @DataBoundSetter
    public void setApplySet(String applySet) {
        this.applySet = Util.fixEmptyAndTrim(applySet);
    }

    public boolean isCheckDrift() {
        return checkDrift;
    }

    /** Also start a build when objects drifted in the cluster (one status check per poll). */
    @DataBoundSetter
    public void setCheckDrift(boolean checkDrift) {
        this.checkDrift = checkDrift;
    }

    public String getVerifySignatures() {
        return verifySignatures;
    }

    /** commit, tag or both: a new revision whose signatures do not pass starts no build (the job page says why). */
    @DataBoundSetter
    public void setVerifySignatures(String verifySignatures) {
        this.verifySignatures = Util.fixEmptyAndTrim(verifySignatures);
    }

    public String getTrustedKeysCredentialsId() {
        return trustedKeysCredentialsId;
    }

    @DataBoundSetter
    public void setTrustedKeysCredentialsId(String trustedKeysCredentialsId) {
        this.trustedKeysCredentialsId = Util.fixEmptyAndTrim(trustedKeysCredentialsId);
    }

    public String getTrustedKeys() {
        return trustedKeys;
    }

    @DataBoundSetter
    public void setTrustedKeys(String trustedKeys) {
        this.trustedKeys = OptionChecks.pem(trustedKeys);
    }

    public String getContext() {
        return context;
    }

    /** The kubeconfig context, as the job's step names it. */
    @DataBoundSetter
    public void setContext(String context) {
        this.context = Util.fixEmptyAndTrim(context);
    }

    // A chart's options (help: the freestyle step's); blank strings are null.
    public String getReleaseName() { return releaseName; }
    public String getValuesFiles() { return valuesFiles; }
    public String getValues() { return values; }
    public String getParameters() { return parameters; }
    public boolean isSkipCrds() { return skipCrds; }
    public String getHelm() { return helm; }
    public String getChartCredentialsId() { return chartCredentialsId; }

    @DataBoundSetter public void setReleaseName(String v) { releaseName = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setValuesFiles(String v) { valuesFiles = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setValues(String v) { values = Util.fixEmpty(v); }
    @DataBoundSetter public void setParameters(String v) { parameters = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setSkipCrds(boolean v) { skipCrds = v; }
    @DataBoundSetter public void setHelm(String v) { helm = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setChartCredentialsId(String v) { chartCredentialsId = Util.fixEmptyAndTrim(v); }

    @Symbol("gitops")
    @Extension
    public static final class DescriptorImpl extends TriggerDescriptor {

        @Override
        public boolean isApplicable(Item item) {
            return item instanceof Job && item instanceof ParameterizedJobMixIn.ParameterizedJob;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.GitOpsTrigger_DisplayName();
        }

        @POST
        public FormValidation doCheckSpec(@AncestorInPath Item item, @QueryParameter String value) {
            GitOpsForms.checkConfigure(item);
            return Jenkins.get().getDescriptorByType(TimerTrigger.DescriptorImpl.class).doCheckSpec(value, item);
        }
    }
}
