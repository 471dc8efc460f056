package io.jenkins.plugins.gitopssync.freestyle;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.config.ChartForms;
import io.jenkins.plugins.gitopssync.config.GitOpsForms;
import io.jenkins.plugins.gitopssync.config.OptionChecks;
import io.jenkins.plugins.gitopssync.config.SyncSettings;
import io.jenkins.plugins.gitopssync.config.SyncSpec;
import io.jenkins.plugins.gitopssync.engine.SyncRequest;
import io.jenkins.plugins.gitopssync.engine.substitute.Substitution;
import io.jenkins.plugins.gitopssync.sync.SyncRunner;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle build step: the same options as the {@code gitopsSync} Pipeline step. Its symbol is
 * {@code gitopsSyncBuilder}, because the step's function name would shadow a symbol of the same name.
 * Values may use ${VARIABLE} references to build variables and parameters.
 */
@Restricted(NoExternalUse.class)
public class GitOpsSyncBuilder extends Builder implements SimpleBuildStep, SyncSettings {

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
    public GitOpsSyncBuilder(String url) {
        this.url = Util.fixEmptyAndTrim(url);
    }

    /** The spec of this step with the build's variables expanded. */
    public SyncSpec toSpec(EnvVars env) {
        return SyncSpec.of(this, env::expand);
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
                        @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
        SyncRunner.run(run, workspace, env, launcher, listener, toSpec(env), java.util.Set.of());
    }

    @Symbol("gitopsSyncBuilder")
    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.GitOpsSyncBuilder_DisplayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String url,
                                                     @QueryParameter String credentialsId) {
            return GitOpsForms.gitCredentials(item, url, credentialsId);
        }

        @POST
        public ListBoxModel doFillKubeconfigCredentialsIdItems(@AncestorInPath Item item,
                                                               @QueryParameter String kubeconfigCredentialsId) {
            return GitOpsForms.kubeconfigCredentials(item, kubeconfigCredentialsId);
        }

        @POST
        public FormValidation doCheckKubeconfigCredentialsId(@AncestorInPath Item item, @QueryParameter String value,
                                                             @QueryParameter String context) {
            return GitOpsForms.checkKubeconfig(item, value, context);
        }

        @POST
        public ListBoxModel doFillTokenCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String serverUrl,
                                                          @QueryParameter String tokenCredentialsId) {
            return GitOpsForms.tokenCredentials(item, serverUrl, tokenCredentialsId);
        }

        @POST
        public FormValidation doCheckUrl(@AncestorInPath Item item, @QueryParameter String value) {
            return GitOpsForms.checkUrl(item, value);
        }

        @POST
        public FormValidation doCheckPath(@AncestorInPath Item item, @QueryParameter String value) {
            return GitOpsForms.checkPath(item, value);
        }

        @POST
        public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return GitOpsForms.checkTimeout(item, value);
        }

        @POST
        public FormValidation doCheckApplySet(@AncestorInPath Item item, @QueryParameter String value) {
            return GitOpsForms.checkApplySet(item, value);
        }

        @POST
        public FormValidation doCheckNamespace(@AncestorInPath Item item, @QueryParameter String value) {
            return GitOpsForms.checkNamespace(item, value);
        }

        @POST
        public FormValidation doCheckTargetNamespace(@AncestorInPath Item item, @QueryParameter String value) {
            return GitOpsForms.checkNamespace(item, value);
        }

        @POST
        public FormValidation doCheckServerUrl(@AncestorInPath Item item, @QueryParameter String value) {
            return GitOpsForms.checkServerUrl(item, value);
        }

        @POST
        public ListBoxModel doFillVerifySignaturesItems(@AncestorInPath Item item, @QueryParameter String verifySignatures) {
            // a fixed list: readers of the configuration may see it
            return GitOpsForms.signatureModes(verifySignatures);
        }

        @POST
        public ListBoxModel doFillTrustedKeysCredentialsIdItems(@AncestorInPath Item item,
                                                                @QueryParameter String trustedKeysCredentialsId) {
            return GitOpsForms.trustedKeysCredentials(item, trustedKeysCredentialsId);
        }

        @POST
        public FormValidation doCheckVerifySignatures(@AncestorInPath Item item, @QueryParameter String value,
                                                      @QueryParameter String trustedKeysCredentialsId,
                                                      @QueryParameter String trustedKeys) {
            return GitOpsForms.checkSignatures(item, value, trustedKeysCredentialsId, trustedKeys);
        }

        @POST
        public FormValidation doCheckTrustedKeys(@AncestorInPath Item item, @QueryParameter String value) {
            return GitOpsForms.checkTrustedKeys(item, value);
        }

        @POST
        public ListBoxModel doFillDecryptionCredentialsIdItems(@AncestorInPath Item item,
                                                               @QueryParameter String decryptionCredentialsId) {
            return GitOpsForms.decryptionCredentials(item, decryptionCredentialsId);
        }

        @POST
        public FormValidation doCheckSubstitute(@AncestorInPath Item item, @QueryParameter String value) {
            return GitOpsForms.checkSubstitute(item, value);
        }

        @POST
        public FormValidation doCheckSubstituteCredentials(@AncestorInPath Item item, @QueryParameter String value) {
            return GitOpsForms.checkSubstituteCredentials(item, value);
        }

        @POST
        public FormValidation doCheckSubstituteFrom(@AncestorInPath Item item, @QueryParameter String value) {
            return GitOpsForms.checkSubstituteFrom(item, value);
        }

        @POST
        public ListBoxModel doFillChartCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String chartCredentialsId) {
            return ChartForms.repositoryCredentials(item, chartCredentialsId);
        }

        @POST
        public FormValidation doCheckValuesFiles(@AncestorInPath Item item, @QueryParameter String value) {
            return ChartForms.checkValuesFiles(item, value);
        }

        @POST
        public FormValidation doCheckParameters(@AncestorInPath Item item, @QueryParameter String value) {
            return ChartForms.checkParameters(item, value);
        }

        @POST
        public FormValidation doCheckConcurrency(@AncestorInPath Item item, @QueryParameter String value) {
            return GitOpsForms.checkConcurrency(item, value);
        }
    }
}
