package io.jenkins.plugins.gitopssync.sync;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * The few Git operations a checkout is made of, on the folder of one checkout, with the remote "origin" set to the
 * repository's URL. Two implementations: git-client's in the agent's JVM ({@link GitClientCheckoutGit}) and JGit's
 * alone in the engine's child JVM ({@link JGitCheckoutGit}); {@link RevisionCheckout} is the one order they are
 * called in.
 */
interface CheckoutGit {

    /** A Git operation that failed; its message is Git's, shown (URLs redacted) to the user. */
    final class GitFailure extends Exception {
        private static final long serialVersionUID = 1L;

        GitFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    boolean hasCommit(String id) throws IOException, InterruptedException, GitFailure;

    /** Whether an earlier fetch was shallow (the repository records its cut-off commits). */
    boolean isShallow() throws IOException, InterruptedException;

    /** Empties the folder and starts a new repository there with the same remote. */
    void reset() throws IOException, InterruptedException, GitFailure;

    /**
     * @param depth 0 for the whole history, else how many commits of each ref
     * @param tags  whether tags pointing into what is fetched come too
     */
    void fetch(List<String> refSpecs, boolean tags, int depth) throws IOException, InterruptedException, GitFailure;

    /** The ref names the remote advertises (ls-remote), HEAD among them. */
    Set<String> remoteRefNames() throws IOException, InterruptedException, GitFailure;

    /** The commit a revision expression names ({@code X^{commit}} peels tags), or null when it names none. */
    String commitOf(String revision) throws IOException, InterruptedException, GitFailure;

    /** Detaches HEAD at the commit and makes the files that commit's, whatever was changed before. */
    void checkout(String commitId) throws IOException, InterruptedException, GitFailure;

    /** Removes every file the commit does not have, ignored ones too ({@code git clean -fdx}). */
    void clean() throws IOException, InterruptedException, GitFailure;
}
