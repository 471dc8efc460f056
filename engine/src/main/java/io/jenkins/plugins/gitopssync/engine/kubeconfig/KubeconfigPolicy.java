package io.jenkins.plugins.gitopssync.engine.kubeconfig;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.io.Serializable;

/**
 * What a kubeconfig may make this process do. Where builds run (an agent, the CLI) everything kubectl would
 * do is allowed; on a Jenkins controller, a job configurer's kubeconfig may by default only be read, never make
 * the controller run a command, open its files or act as its own service account — an administrator may allow
 * each.
 *
 * @param exec         run an exec credential plugin
 * @param files        read the files a kubeconfig names (certificates, keys, token files)
 * @param authProvider use a legacy auth-provider
 * @param inCluster    use this machine's in-cluster service account when no credential is given
 */
public record KubeconfigPolicy(boolean exec, boolean files, boolean authProvider, boolean inCluster) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where builds run: as kubectl would. */
    public static final KubeconfigPolicy TRUSTED = new KubeconfigPolicy(true, true, true, true);
    /** The Jenkins controller's default: the kubeconfig's own text only. */
    public static final KubeconfigPolicy TEXT_ONLY = new KubeconfigPolicy(false, false, false, false);

    /**
     * Throws {@link RefusedKubeconfigException} naming what is refused when {@code needs} asks for something not
     * allowed here.
     *
     * @param what  how the message names the kubeconfig
     * @param where why it is refused, for the message ("on the Jenkins controller")
     */
    public void check(KubeconfigNeeds needs, String what, String where) {
        StringBuilder refused = new StringBuilder();
        if (needs.exec() != null && !exec) {
            refused.append("it runs the exec plugin '").append(needs.exec()).append("'");
        }
        if (!needs.files().isEmpty() && !files) {
            refused.append(refused.isEmpty() ? "" : ", ").append("it reads files (").append(String.join(", ", needs.files())).append(')');
        }
        if (needs.authProvider() != null && !authProvider) {
            refused.append(refused.isEmpty() ? "" : ", ").append("it uses the auth-provider '").append(needs.authProvider()).append("'");
        }
        if (!refused.isEmpty()) {
            throw new RefusedKubeconfigException(what + " is not used " + where + ": " + refused);
        }
    }

    /** Throws {@link RefusedKubeconfigException} unless the in-cluster service account may be used. */
    public void checkInCluster(String where) {
        if (!inCluster) {
            throw new RefusedKubeconfigException("no cluster credential is configured, and this machine's own in-cluster "
                    + "service account is not used " + where);
        }
    }

    /** A kubeconfig (or the in-cluster account) refused by the policy: nothing was run or read. */
    public static final class RefusedKubeconfigException extends SyncException {
        private static final long serialVersionUID = 1L;

        public RefusedKubeconfigException(String message) {
            super(message);
        }
    }
}
