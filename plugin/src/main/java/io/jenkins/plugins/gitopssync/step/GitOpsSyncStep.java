package io.jenkins.plugins.gitopssync.step;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.config.OptionChecks;
import io.jenkins.plugins.gitopssync.config.SyncSettings;
import io.jenkins.plugins.gitopssync.config.SyncSpec;
import io.jenkins.plugins.gitopssync.engine.SyncRequest;
import io.jenkins.plugins.gitopssync.engine.substitute.Substitution;
import io.jenkins.plugins.gitopssync.sync.ResultPolicy;
import io.jenkins.plugins.gitopssync.sync.SyncRunner;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The {@code gitopsSync} Pipeline step: checks the manifests repository out on the agent, syncs it to
 * the cluster from the agent, records the result on the build and returns a map to the script
 * (revision, status, created, configured, unchanged, pruned, failed, drifted, driftedObjects, reportUrl).
 * Needs a workspace ({@code node}). Like every synchronous step it cannot resume after a controller
 * restart; re-running a sync is safe (it converges).
 */
@Restricted(NoExternalUse.class)
public class GitOpsSyncStep extends Step implements SyncSettings {

    private final String url;
    private String ref;
    private String path;
    private String credentialsId;
    private String kubeconfigCredentialsId;
    private String serverUrl;
    private String tokenCredentialsId;
    private String caCertificate;
    private String namespace;
    private String targetNamespace;
    private boolean prune;
    private boolean dryRun;
    private boolean failOnDrift;
    private boolean wait = SyncRequest.DEFAULT_WAIT_FOR_HEALTH;
    private String timeout;
    private boolean force;
    private String applySet;
    private int concurrency;
    private String verifySignatures;
    private String trustedKeysCredentialsId;
    private String trustedKeys;
    private String context;
    private String kubectl;
    private String decryptionCredentialsId;
    private boolean skipMacCheck;
    private String substitute;
    private String substituteCredentials;
    private String substituteFrom;
    private boolean strictSubstitution = Substitution.DEFAULT_STRICT;
    private String releaseName;
    private String valuesFiles;
    private String values;
    private String parameters;
    private boolean skipCrds;
    private String helm;
    private String chartCredentialsId;

    // Getters and setters of the fields of SyncSettings (documented in the help files); blank strings are null.
    @Override public String getUrl() { return url; }
    @Override public String getRef() { return ref; }
    @Override public String getPath() { return path; }
    @Override public String getCredentialsId() { return credentialsId; }
    @Override public String getKubeconfigCredentialsId() { return kubeconfigCredentialsId; }
    @Override public String getServerUrl() { return serverUrl; }
    @Override public String getTokenCredentialsId() { return tokenCredentialsId; }
    @Override public String getCaCertificate() { return caCertificate; }
    @Override public String getNamespace() { return namespace; }
    @Override public String getTargetNamespace() { return targetNamespace; }
    @Override public boolean isPrune() { return prune; }
    @Override public boolean isDryRun() { return dryRun; }
    @Override public boolean isFailOnDrift() { return failOnDrift; }
    @Override public boolean isWait() { return wait; }
    @Override public String getTimeout() { return timeout; }
    @Override public boolean isForce() { return force; }
    @Override public String getApplySet() { return applySet; }
    @Override public int getConcurrency() { return concurrency; }
    @Override public String getVerifySignatures() { return verifySignatures; }
    @Override public String getTrustedKeysCredentialsId() { return trustedKeysCredentialsId; }
    @Override public String getTrustedKeys() { return trustedKeys; }
    @Override public String getContext() { return context; }
    @Override public String getKubectl() { return kubectl; }
    @Override public String getDecryptionCredentialsId() { return decryptionCredentialsId; }
    @Override public boolean isSkipMacCheck() { return skipMacCheck; }
    @Override public String getSubstitute() { return substitute; }
    @Override public String getSubstituteCredentials() { return substituteCredentials; }
    @Override public String getSubstituteFrom() { return substituteFrom; }
    @Override public boolean isStrictSubstitution() { return strictSubstitution; }
    @Override public String getReleaseName() { return releaseName; }
    @Override public String getValuesFiles() { return valuesFiles; }
    @Override public String getValues() { return values; }
    @Override public String getParameters() { return parameters; }
    @Override public boolean isSkipCrds() { return skipCrds; }
    @Override public String getHelm() { return helm; }
    @Override public String getChartCredentialsId() { return chartCredentialsId; }

    @DataBoundSetter public void setRef(String v) { ref = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setPath(String v) { path = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setCredentialsId(String v) { credentialsId = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setKubeconfigCredentialsId(String v) { kubeconfigCredentialsId = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setServerUrl(String v) { serverUrl = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setTokenCredentialsId(String v) { tokenCredentialsId = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setCaCertificate(String v) { caCertificate = OptionChecks.pem(v); }
    @DataBoundSetter public void setNamespace(String v) { namespace = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setTargetNamespace(String v) { targetNamespace = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setPrune(boolean v) { prune = v; }
    @DataBoundSetter public void setDryRun(boolean v) { dryRun = v; }
    @DataBoundSetter public void setFailOnDrift(boolean v) { failOnDrift = v; }
    @DataBoundSetter public void setWait(boolean v) { wait = v; }
    @DataBoundSetter public void setTimeout(String v) { timeout = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setForce(boolean v) { force = v; }
    @DataBoundSetter public void setApplySet(String v) { applySet = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setConcurrency(int v) { concurrency = v; }
    @DataBoundSetter public void setVerifySignatures(String v) { verifySignatures = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setTrustedKeysCredentialsId(String v) { trustedKeysCredentialsId = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setTrustedKeys(String v) { trustedKeys = OptionChecks.pem(v); }
    @DataBoundSetter public void setContext(String v) { context = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setKubectl(String v) { kubectl = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setDecryptionCredentialsId(String v) { decryptionCredentialsId = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setSkipMacCheck(boolean v) { skipMacCheck = v; }
    @DataBoundSetter public void setSubstitute(String v) { substitute = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setSubstituteCredentials(String v) { substituteCredentials = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setSubstituteFrom(String v) { substituteFrom = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setStrictSubstitution(boolean v) { strictSubstitution = v; }
    @DataBoundSetter public void setReleaseName(String v) { releaseName = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setValuesFiles(String v) { valuesFiles = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setValues(String v) { values = Util.fixEmpty(v); }
    @DataBoundSetter public void setParameters(String v) { parameters = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setSkipCrds(boolean v) { skipCrds = v; }
    @DataBoundSetter public void setHelm(String v) { helm = Util.fixEmptyAndTrim(v); }
    @DataBoundSetter public void setChartCredentialsId(String v) { chartCredentialsId = Util.fixEmptyAndTrim(v); }

    @DataBoundConstructor
    public GitOpsSyncStep(String url) {
        this.url = Util.fixEmptyAndTrim(url);
    }

    /** The spec of this call (a Pipeline's values are already interpolated by Groovy). */
    public SyncSpec toSpec() {
        return SyncSpec.of(this, UnaryOperator.identity());
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(context, toSpec());
    }

    /** Runs the sync on a thread of the step pool (never the CPS VM thread). */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;

        private final SyncSpec options;

        Execution(@NonNull StepContext context, SyncSpec options) {
            super(context);
            this.options = options;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext c = getContext();
            // withCredentials and the like name the variables that hold secrets: a chart parameter naming one is masked
            EnvironmentExpander expander = c.get(EnvironmentExpander.class);
            SyncRunner.Outcome outcome = SyncRunner.run(c.get(Run.class), c.get(FilePath.class), c.get(EnvVars.class),
                    c.get(Launcher.class), c.get(TaskListener.class), options,
                    expander == null ? Set.of() : expander.getSensitiveVariables());
            if (outcome.decision().outcome() == ResultPolicy.Outcome.UNSTABLE) {
                // marks this step (and its stage) unstable in the Pipeline views, not only the build
                FlowNode node = c.get(FlowNode.class);
                if (node != null) {
                    node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(outcome.decision().message()));
                }
            }
            return StepResult.of(outcome.record(), outcome.detailUrl());
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, EnvVars.class, Launcher.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "gitopsSync";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.GitOpsSyncStep_DisplayName();
        }
    }
}
