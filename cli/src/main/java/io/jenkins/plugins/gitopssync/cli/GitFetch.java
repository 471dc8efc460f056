package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.source.GitUrls;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TrackingRefUpdate;

/**
 * One fetch from the repository's URL into a cached clone, with the environment's credentials (https
 * password or token, or the ssh key's passphrase) and, when the server refuses a fetch without any, a hint
 * naming the variables that give them.
 */
final class GitFetch {

    /** Every branch and tag: what a ref may name. */
    static final List<RefSpec> BRANCHES_AND_TAGS = List.of(new RefSpec("+refs/heads/*:refs/remotes/origin/*"),
            new RefSpec("+refs/tags/*:refs/tags/*"));

    private final GitCredentials credentials;
    private final SshSessions ssh;

    GitFetch(GitCredentials credentials, SshSessions ssh) {
        this.credentials = credentials;
        this.ssh = ssh;
    }

    FetchResult fetch(Git git, RepoLocation repo, List<RefSpec> specs) {
        try {
            return git.fetch()
                    .setRemote(repo.url())
                    .setRefSpecs(specs)
                    .setRemoveDeletedRefs(true)
                    .setCredentialsProvider(GitUrls.isSsh(repo.url()) ? credentials.sshCredentials()
                            : credentials.httpCredentials())
                    .setTransportConfigCallback(ssh::configure)
                    .call();
        } catch (GitAPIException | RuntimeException e) {
            throw new SyncException("git: cannot fetch " + repo.display() + ": " + rootMessage(e) + credentialsHint(e), e);
        }
    }

    /** Refs the fetch moved, created or deleted (0 when nothing changed). */
    static int countUpdates(FetchResult fetch) {
        int n = 0;
        for (TrackingRefUpdate u : fetch.getTrackingRefUpdates()) {
            if (u.getResult() != RefUpdate.Result.NO_CHANGE) {
                n++;
            }
        }
        return n;
    }

    private String credentialsHint(Exception e) {
        String m = rootMessage(e).toLowerCase(Locale.ROOT);
        if ((m.contains("auth") || m.contains("not authorized") || m.contains("401") || m.contains("403"))
                && credentials.password() == null && credentials.sshKeyFile() == null) {
            return " (private repository? set " + GitCredentials.USERNAME + " and " + GitCredentials.PASSWORD
                    + " or " + GitCredentials.TOKEN + " for https, " + GitCredentials.SSH_KEY_FILE + " for ssh)";
        }
        return "";
    }

    /** The messages of the exception and its first causes, each once. */
    private static String rootMessage(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 3; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && parts.stream().noneMatch(p -> p.contains(m))) {
                parts.add(m);
            }
        }
        return parts.isEmpty() ? e.getClass().getSimpleName() : String.join(": ", parts);
    }
}
