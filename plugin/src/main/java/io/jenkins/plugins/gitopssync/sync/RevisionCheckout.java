package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.engine.source.RefNames;
import io.jenkins.plugins.gitopssync.engine.source.Revisions;
import io.jenkins.plugins.gitopssync.engine.source.UrlRedaction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The order of a checkout, whichever Git does it ({@link CheckoutGit}). Branches and tags are fetched shallow (depth
 * 1) after an ls-remote names the ref ({@link RefNames}: git's own order); a commit id needs the history that
 * contains it, so it is fetched in full, and a repository made shallow by an earlier fetch is started again (a
 * fetch into it would keep the cut, hiding older commits: a rollback). Free of Jenkins types: the child JVM runs it.
 */
final class RevisionCheckout {

    /** The ref the fetched commit is stored under. */
    static final String TARGET = "refs/remotes/origin/gitops-sync-target";
    static final String ALL_BRANCHES = "+refs/heads/*:refs/remotes/origin/*";
    private static final String TAGS = "refs/tags/";

    /** A checkout that cannot be done, with the message the user reads. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }

        /** Git's own failure, told with the repository and ref; a token written into the URL is not shown. */
        static Failure gitFailed(String url, String ref, CheckoutGit.GitFailure e) {
            return new Failure(Messages.GitCheckout_Failed(UrlRedaction.redact(url), ref == null ? "HEAD" : ref,
                    UrlRedaction.redact(e.getMessage())));
        }
    }

    private final CheckoutGit git;
    private final String url;
    private final String ref;
    private final Consumer<String> log;

    /** @param log where a line the user should see goes (without the step's prefix) */
    RevisionCheckout(CheckoutGit git, String url, String ref, Consumer<String> log) {
        this.git = git;
        this.url = url;
        this.ref = ref;
        this.log = log;
    }

    /** @return the commit id checked out */
    String checkout() throws IOException, InterruptedException, Failure {
        try {
            if (Revisions.isCommitId(ref)) {
                commit();
            } else {
                named();
            }
            git.clean();
            String head = git.commitOf("HEAD");
            if (head == null) {
                throw new Failure(Messages.GitCheckout_RefNotFound(ref == null ? "HEAD" : ref, UrlRedaction.redact(url)));
            }
            return head;
        } catch (CheckoutGit.GitFailure e) {
            throw Failure.gitFailed(url, ref, e);
        }
    }

    private void commit() throws IOException, InterruptedException, CheckoutGit.GitFailure, Failure {
        if (!git.hasCommit(ref) && git.isShallow()) {
            log.accept(Messages.GitCheckout_FullHistory(ref));
            git.reset();
        }
        if (!git.hasCommit(ref)) {
            git.fetch(List.of(ALL_BRANCHES), true, 0);
        }
        if (!git.hasCommit(ref)) {
            throw new Failure(Messages.GitCheckout_CommitNotFound(ref, UrlRedaction.redact(url)));
        }
        git.checkout(ref);
    }

    private void named() throws IOException, InterruptedException, CheckoutGit.GitFailure, Failure {
        String name = RefNames.pick(git.remoteRefNames(), ref);
        if (name == null && RefNames.mayBeAbbreviatedId(ref)) {
            abbreviated();
            return;
        }
        if (name == null) {
            throw new Failure(Messages.GitCheckout_RefNotFound(ref == null ? "HEAD" : ref, UrlRedaction.redact(url)));
        }
        List<String> specs = new ArrayList<>(List.of("+" + name + ":" + TARGET));
        if (name.startsWith(TAGS)) {
            // a tag is kept under its own name too, so its signature can be verified
            specs.add("+" + name + ":" + name);
        }
        git.fetch(specs, false, 1);
        // an annotated tag points to a tag object: check out the commit it names
        String commit = git.commitOf(TARGET + "^{commit}");
        if (commit == null) {
            throw new Failure(Messages.GitCheckout_RefNotFound(ref == null ? "HEAD" : ref, UrlRedaction.redact(url)));
        }
        git.checkout(commit);
    }

    /** A commit named by a short id, when no ref has that name: the whole history is fetched to find it, as git would. */
    private void abbreviated() throws IOException, InterruptedException, CheckoutGit.GitFailure, Failure {
        if (git.isShallow()) {
            git.reset();
        }
        git.fetch(List.of(ALL_BRANCHES), true, 0);
        String commit = git.commitOf(RefNames.normalizedId(ref) + "^{commit}");
        if (commit == null) {
            throw new Failure(Messages.GitCheckout_RefNotFound(ref, UrlRedaction.redact(url)));
        }
        git.checkout(commit);
    }
}
