package io.jenkins.plugins.gitopssync.engine.cluster;

import io.jenkins.plugins.gitopssync.engine.kubeconfig.KubeconfigPolicy;
import io.jenkins.plugins.gitopssync.engine.process.LocalProcessRunner;
import io.jenkins.plugins.gitopssync.engine.process.ProcessRunner;

/**
 * Where and how a connection is made: what a kubeconfig may make this process do, how exec plugins are started
 * and with which environment (which also gives the proxy variables), and how refusals name the place.
 *
 * @param policy what a kubeconfig may use here
 * @param runner starts exec plugins; its environment holds HTTPS_PROXY, NO_PROXY and the in-cluster variables
 * @param where  for messages: "on the Jenkins controller", "" where everything is allowed
 */
public record AccessOptions(KubeconfigPolicy policy, ProcessRunner runner, String where) {

    /** The CLI and an agent without a launcher: everything kubectl does, in this process's environment. */
    public static AccessOptions local() {
        return new AccessOptions(KubeconfigPolicy.TRUSTED, LocalProcessRunner.ofThisProcess(), "here");
    }
}
