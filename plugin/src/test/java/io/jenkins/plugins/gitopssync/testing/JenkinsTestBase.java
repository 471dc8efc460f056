package io.jenkins.plugins.gitopssync.testing;

import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import java.nio.file.Path;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * What the plugin's JenkinsRule tests share: a Jenkins of their own for each test ({@link #j}), a temporary folder,
 * and the Pipeline jobs and the kubeconfig credential most of them make. The cluster and the repository come from
 * test-support's ClusterSandbox.
 */
@WithJenkins
public abstract class JenkinsTestBase {

    /** The id of the test cluster's kubeconfig credential, as {@link #kubeconfigCredential()} adds it. */
    protected static final String KUBECONFIG_CREDENTIAL = "kc";

    protected JenkinsRule j;

    @TempDir
    protected Path tmp;

    @BeforeEach
    void startJenkins(JenkinsRule rule) {
        j = rule;
    }

    /** A Pipeline job running {@code script} (sandboxed, as a user would write it). */
    protected WorkflowJob pipeline(String name, String script) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p;
    }

    /** A Pipeline job running {@code body} in a {@code node} block (the built-in node when there is no agent). */
    protected WorkflowJob onNode(String name, String body) throws Exception {
        return pipeline(name, "node {\n" + body + "\n}");
    }

    /** A Pipeline job running {@code body} on an agent ({@code j.createOnlineSlave()} first). */
    protected WorkflowJob onAgent(String name, String body) throws Exception {
        return pipeline(name, "node('!built-in') {\n" + body + "\n}");
    }

    /** The test cluster's admin kubeconfig (self-contained) as the global credential {@value #KUBECONFIG_CREDENTIAL}. */
    protected void kubeconfigCredential() throws Exception {
        TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile(KUBECONFIG_CREDENTIAL, TestCluster.kubeconfigContent()));
    }
}
