package io.jenkins.plugins.gitopssync.sync;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * A checkout the engine's child JVM does itself, before it syncs ({@link JGitCheckoutGit}, in the order of
 * {@link RevisionCheckout}): the repository, the ref and, for http(s), the account's name and password or token,
 * resolved on the controller ({@link ChildCheckoutChoice}). Travels inside the child's request on its standard
 * input, never on a command line; never printed.
 *
 * @param username null with the password: a public repository
 */
record ChildCheckout(String url, String ref, String username, String password) implements Serializable {

    /** @return the commit id checked out into {@code dir} */
    String run(Path dir, Consumer<String> log) throws IOException, InterruptedException, RevisionCheckout.Failure {
        try (JGitCheckoutGit git = new JGitCheckoutGit(dir, url,
                password == null ? null : new UsernamePasswordCredentialsProvider(username, password))) {
            return new RevisionCheckout(git, url, ref, log).checkout();
        } catch (CheckoutGit.GitFailure e) {
            throw RevisionCheckout.Failure.gitFailed(url, ref, e); // opening the folder's repository
        }
    }

    @Override
    public String toString() {
        return "ChildCheckout[" + url + " @ " + ref + ", account " // NOI18N: a debugging view, never shown to users
                + (password == null ? "none" : username + ":****") + "]"; // NOI18N
    }
}
