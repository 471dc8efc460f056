package io.jenkins.plugins.gitopssync;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The {@code gitopsSync} Pipeline step: checks the manifests repository out on the agent, syncs it to
 * the cluster from the agent, records the result on the build and returns a map to the script
 * (revision, status, created, configured, unchanged, pruned, failed, drifted, driftedObjects, reportUrl).
 * Needs a workspace ({@code node}). Like every synchronous step it cannot resume after a controller
 * restart; re-running a sync is safe (it converges).
 */
public class GitOpsSyncStep extends Step {

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
    public GitOpsSyncStep(String url) {
        this.url = Util.fixEmptyAndTrim(url);
    }

    SyncOptions toOptions() {
        return new SyncOptions(url, ref, path, credentialsId, kubeconfigCredentialsId, serverUrl, tokenCredentialsId,
                caCertificate, namespace, targetNamespace, prune, dryRun, failOnDrift, wait, timeout, force, applySet,
                concurrency);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(context, toOptions());
    }

    /** Runs the sync on a thread of the step pool (never the CPS VM thread). */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;

        private final SyncOptions options;

        Execution(@NonNull StepContext context, SyncOptions options) {
            super(context);
            this.options = options;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext c = getContext();
            SyncRunner.Outcome outcome = SyncRunner.run(c.get(Run.class), c.get(FilePath.class), c.get(EnvVars.class),
                    c.get(TaskListener.class), options);
            if (outcome.verdict().outcome() == ResultPolicy.Outcome.UNSTABLE) {
                // marks this step (and its stage) unstable in the Pipeline views, not only the build
                FlowNode node = c.get(FlowNode.class);
                if (node != null) {
                    node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(outcome.verdict().message()));
                }
            }
            return StepResult.of(outcome.record(), outcome.detailUrl());
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        public DescriptorImpl() {
            // the help files live with the freestyle step, which has the same fields
            for (String field : GitOpsForms.SYNC_FIELDS) {
                addHelpFileRedirect(field, GitOpsSyncBuilder.class, field);
            }
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, EnvVars.class, TaskListener.class);
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
