package io.jenkins.plugins.gitopssync;

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
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
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
public class GitOpsSyncBuilder extends Builder implements SimpleBuildStep {

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
    private boolean wait = true;
    private String timeout;
    private boolean force;
    private String applySet;
    private int concurrency;

    public String getUrl() {
        return url;
    }

    public String getRef() {
        return ref;
    }

    /** Branch, tag or full commit id; blank = the remote's default branch. */
    @DataBoundSetter
    public void setRef(String ref) {
        this.ref = Util.fixEmptyAndTrim(ref);
    }

    public String getPath() {
        return path;
    }

    /** Folder inside the repository to render; blank = the root. */
    @DataBoundSetter
    public void setPath(String path) {
        this.path = Util.fixEmptyAndTrim(path);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** Git credential (username/password or SSH key). */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public String getKubeconfigCredentialsId() {
        return kubeconfigCredentialsId;
    }

    /** Kubeconfig as a secret file or secret text credential. */
    @DataBoundSetter
    public void setKubeconfigCredentialsId(String kubeconfigCredentialsId) {
        this.kubeconfigCredentialsId = Util.fixEmptyAndTrim(kubeconfigCredentialsId);
    }

    public String getServerUrl() {
        return serverUrl;
    }

    /** API server URL, used with tokenCredentialsId. */
    @DataBoundSetter
    public void setServerUrl(String serverUrl) {
        this.serverUrl = Util.fixEmptyAndTrim(serverUrl);
    }

    public String getTokenCredentialsId() {
        return tokenCredentialsId;
    }

    /** Bearer token as a secret text credential. */
    @DataBoundSetter
    public void setTokenCredentialsId(String tokenCredentialsId) {
        this.tokenCredentialsId = Util.fixEmptyAndTrim(tokenCredentialsId);
    }

    public String getCaCertificate() {
        return caCertificate;
    }

    /** PEM CA certificate of the API server (not secret), used with serverUrl. */
    @DataBoundSetter
    public void setCaCertificate(String caCertificate) {
        // a browser form may send CRLF line ends; PEM is stored with LF
        this.caCertificate = Util.fixEmptyAndTrim(caCertificate == null ? null : caCertificate.replace("\r\n", "\n"));
    }

    public String getNamespace() {
        return namespace;
    }

    /** Namespace of the ApplySet and default namespace of objects that name none. */
    @DataBoundSetter
    public void setNamespace(String namespace) {
        this.namespace = Util.fixEmptyAndTrim(namespace);
    }

    public String getTargetNamespace() {
        return targetNamespace;
    }

    /** When set, every namespaced object goes to this namespace. */
    @DataBoundSetter
    public void setTargetNamespace(String targetNamespace) {
        this.targetNamespace = Util.fixEmptyAndTrim(targetNamespace);
    }

    public boolean isPrune() {
        return prune;
    }

    /** Delete objects this ApplySet applied before that are no longer in Git. */
    @DataBoundSetter
    public void setPrune(boolean prune) {
        this.prune = prune;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    /** Diff only: nothing is written to the cluster. */
    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public boolean isFailOnDrift() {
        return failOnDrift;
    }

    /** Fail the build when objects drifted (instead of UNSTABLE in a dry run). */
    @DataBoundSetter
    public void setFailOnDrift(boolean failOnDrift) {
        this.failOnDrift = failOnDrift;
    }

    public boolean isWait() {
        return wait;
    }

    /** Wait until applied objects are healthy. */
    @DataBoundSetter
    public void setWait(boolean wait) {
        this.wait = wait;
    }

    public String getTimeout() {
        return timeout;
    }

    /** Health wait limit: seconds or a duration like 90s, 5m, 1h30m (default 5m). */
    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = Util.fixEmptyAndTrim(timeout);
    }

    public boolean isForce() {
        return force;
    }

    /** Delete and re-create objects whose immutable fields changed. */
    @DataBoundSetter
    public void setForce(boolean force) {
        this.force = force;
    }

    public String getApplySet() {
        return applySet;
    }

    /** ApplySet (inventory) name; blank = derived from the job name and path. */
    @DataBoundSetter
    public void setApplySet(String applySet) {
        this.applySet = Util.fixEmptyAndTrim(applySet);
    }

    public int getConcurrency() {
        return concurrency;
    }

    /** Parallel API calls inside one apply stage; 0 = engine default. */
    @DataBoundSetter
    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }
    @DataBoundConstructor
    public GitOpsSyncBuilder(String url) {
        this.url = Util.fixEmptyAndTrim(url);
    }

    /** The options with build variables expanded. */
    SyncOptions toOptions(EnvVars env) {
        java.util.function.UnaryOperator<String> x = s -> s == null ? null : env.expand(s);
        return new SyncOptions(x.apply(url), x.apply(ref), x.apply(path), credentialsId, kubeconfigCredentialsId,
                x.apply(serverUrl), tokenCredentialsId, caCertificate, x.apply(namespace), x.apply(targetNamespace),
                prune, dryRun, failOnDrift, wait, x.apply(timeout), force, x.apply(applySet), concurrency);
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
                        @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
        SyncRunner.run(run, workspace, env, listener, toOptions(env));
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
        public FormValidation doCheckConcurrency(@AncestorInPath Item item, @QueryParameter String value) {
            return GitOpsForms.checkConcurrency(item, value);
        }
    }
}
