package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.source.RefNames;
import io.jenkins.plugins.gitopssync.engine.source.Revisions;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.TrackingRefUpdate;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * Brings a repository to one exact commit. A URL (or a local Git repository, addressed by its path)
 * is cloned once (bare) into {@code <cache>/repos/<sha256 of url>} and fetched incrementally on every
 * later run; the requested ref is resolved after the fetch and that commit's files are exported to
 * {@code <cache>/trees/<commit id>} (see {@link TreeExport}), which holds exactly that commit. A file
 * lock keeps two concurrent fetches of one URL apart. A plain directory (no Git) is used as it is, with
 * revision "unversioned".
 */
final class GitSource implements AutoCloseable {

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{4,40}");
    private static final String FETCHED_REF = "refs/gitops-sync/fetched";

    private final Path cacheRoot;
    private final Path home;
    private final GitCredentials credentials;
    private final Console console;
    private SshdSessionFactory sshFactory;

    GitSource(Path cacheRoot, Path home, GitCredentials credentials, Console console) {
        this.cacheRoot = cacheRoot;
        this.home = home;
        this.credentials = credentials;
        this.console = console;
    }

    GitCheckout checkout(RepoLocation repo, String ref) {
        if (repo.kind() == RepoLocation.Kind.PLAIN_DIRECTORY) {
            if (ref != null && !ref.isBlank()) {
                throw new SyncException("--ref " + ref + " needs a Git repository, but " + repo.directory()
                        + " is a plain directory");
            }
            console.progress("source: " + repo.directory() + " (not a Git repository: revision \""
                    + GitCheckout.UNVERSIONED + "\")");
            return new GitCheckout(repo.directory(), GitCheckout.UNVERSIONED, "directory", false, 0);
        }
        Path reposDir = cacheRoot.resolve("repos");
        Path dir = reposDir.resolve(repo.cacheKey());
        try {
            Files.createDirectories(reposDir);
        } catch (IOException e) {
            throw new SyncException("cannot create the Git cache " + reposDir + ": " + e.getMessage(), e);
        }
        try (FileChannel channel = FileChannel.open(reposDir.resolve(repo.cacheKey() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            boolean cloned = !Files.isRegularFile(dir.resolve("HEAD")) && !Files.isDirectory(dir.resolve(".git"));
            // a new clone is made in a temporary sibling and moved into place only once the fetch
            // succeeded, so a failed first fetch leaves no half clone behind
            Path repoDir = dir;
            if (cloned) {
                console.progress("git: cloning " + repo.display() + " into " + dir);
                repoDir = initTemporary(dir);
            } else {
                console.progress("git: fetching " + repo.display() + " (cache " + dir + ")");
            }
            Resolved resolved;
            int updated;
            try (Git git = Git.open(repoDir.toFile())) {
                FetchResult fetch = fetch(git, repo, List.of(new RefSpec("+refs/heads/*:refs/remotes/origin/*"),
                        new RefSpec("+refs/tags/*:refs/tags/*")));
                updated = countUpdates(fetch);
                if (!cloned) {
                    console.progress("git: " + (updated == 0 ? "up to date" : updated + " ref(s) updated"));
                }
                resolved = resolve(git, repo, ref, fetch);
            } catch (RuntimeException | IOException e) {
                if (cloned) {
                    deleteTree(repoDir);
                }
                throw e;
            }
            if (cloned) {
                moveIntoPlace(repoDir, dir);
            }
            Path tree;
            try (Git git = Git.open(dir.toFile())) {
                tree = TreeExport.export(git.getRepository(), resolved.commit(), cacheRoot.resolve("trees"));
            }
            console.progress("git: checked out " + resolved.commit().name() + " (" + resolved.label() + ")");
            console.debug("git: files of " + resolved.commit().name() + " in " + tree);
            return new GitCheckout(tree, resolved.commit().name(), resolved.label(), cloned, updated, dir,
                    resolved.tagRef());
        } catch (IOException e) {
            throw new SyncException("git: " + repo.display() + ": " + e.getMessage(), e);
        }
    }

    /** An empty repository in a temporary sibling of the cache entry. */
    private static Path initTemporary(Path dir) throws IOException {
        Path tmp = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".tmp");
        try {
            try (Git git = Git.init().setBare(true).setDirectory(tmp.toFile()).call()) {
                // JGit runs the fetch's automatic gc in the background by default; this directory is moved or
                // deleted right after the fetch, so that gc must be done by then
                StoredConfig config = git.getRepository().getConfig();
                config.setBoolean("gc", null, "autoDetach", false);
                config.save();
            }
            return tmp;
        } catch (GitAPIException e) {
            deleteTree(tmp);
            throw new SyncException("git: cannot create a repository in " + tmp + ": " + e.getMessage(), e);
        }
    }

    private static void moveIntoPlace(Path tmp, Path dir) throws IOException {
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir);
        }
    }

    private FetchResult fetch(Git git, RepoLocation repo, List<RefSpec> specs) {
        FetchCommand fetch = git.fetch()
                .setRemote(repo.url())
                .setRefSpecs(specs)
                .setRemoveDeletedRefs(true)
                .setCredentialsProvider(isSsh(repo) ? credentials.sshCredentials() : credentials.httpCredentials())
                .setTransportConfigCallback(transport -> {
                    if (transport instanceof SshTransport ssh) {
                        ssh.setSshSessionFactory(sshFactory());
                    }
                });
        try {
            return fetch.call();
        } catch (GitAPIException | RuntimeException e) {
            throw new SyncException("git: cannot fetch " + repo.display() + ": " + rootMessage(e)
                    + credentialsHint(e), e);
        }
    }

    /** ssh:// and scp-like user@host:path URLs; everything else (https, http, file, paths) is not ssh. */
    private static boolean isSsh(RepoLocation repo) {
        String url = repo.url();
        return url.startsWith("ssh://") || url.startsWith("git+ssh://") || url.startsWith("ssh+git://")
                || (repo.kind() == RepoLocation.Kind.REMOTE && !url.contains("://"));
    }

    private String credentialsHint(Exception e) {
        String m = String.valueOf(rootMessage(e)).toLowerCase(java.util.Locale.ROOT);
        if ((m.contains("auth") || m.contains("not authorized") || m.contains("401") || m.contains("403"))
                && credentials.password() == null && credentials.sshKeyFile() == null) {
            return " (private repository? set " + GitCredentials.USERNAME + " and " + GitCredentials.PASSWORD
                    + " or " + GitCredentials.TOKEN + " for https, " + GitCredentials.SSH_KEY_FILE + " for ssh)";
        }
        return "";
    }

    /** {@code tagRef}: the tag's full ref name when the ref was a tag (its signature may be checked). */
    private record Resolved(RevCommit commit, String label, String tagRef) {

        Resolved(RevCommit commit, String label) {
            this(commit, label, null);
        }
    }

    private Resolved resolve(Git git, RepoLocation repo, String ref, FetchResult fetch) throws IOException {
        Repository r = git.getRepository();
        if (ref == null || ref.isBlank() || ref.equals("HEAD")) {
            Ref head = fetch.getAdvertisedRef("HEAD");
            if (head == null || head.getObjectId() == null) {
                throw new SyncException("git: " + repo.display() + " has no HEAD (empty repository?); pass --ref");
            }
            String label = head.isSymbolic() ? "HEAD -> " + Repository.shortenRefName(head.getTarget().getName()) : "HEAD";
            return new Resolved(parseCommit(r, head.getObjectId(), "HEAD", repo), label);
        }
        // git's order for an ambiguous name, over what the remote advertises: the plugin's checkout and the
        // trigger's ls-remote pick from the same list with the same rule
        Set<String> advertised = fetch.getAdvertisedRefs().stream().map(Ref::getName).collect(Collectors.toSet());
        String name = RefNames.pick(advertised, ref);
        if (name != null && name.startsWith("refs/tags/") && r.exactRef(name) != null) {
            return new Resolved(parseCommit(r, r.exactRef(name).getObjectId(), ref, repo), "tag " + Repository.shortenRefName(name),
                    name);
        }
        Ref branch = name != null && name.startsWith("refs/heads/")
                ? r.exactRef("refs/remotes/origin/" + name.substring("refs/heads/".length())) : null;
        if (branch != null) {
            return new Resolved(parseCommit(r, branch.getObjectId(), ref, repo), "branch " + Repository.shortenRefName(name));
        }
        if (name != null) {
            // any other ref the server advertises (refs/pull/1/head, refs/changes/...): fetch it on its own
            FetchResult extra = fetch(git, repo, List.of(new RefSpec("+" + name + ":" + FETCHED_REF)));
            Ref fetched = extra.getAdvertisedRef(name);
            if (fetched != null && r.exactRef(FETCHED_REF) != null) {
                return new Resolved(parseCommit(r, r.exactRef(FETCHED_REF).getObjectId(), ref, repo), name);
            }
        } else if (HEX.matcher(ref).matches()) {
            try {
                ObjectId id = r.resolve(ref.toLowerCase(java.util.Locale.ROOT) + "^{commit}");
                if (id != null) {
                    return new Resolved(parseCommit(r, id, ref, repo), "commit " + Revisions.shortId(id.name()));
                }
            } catch (AmbiguousObjectException e) {
                throw new SyncException("--ref " + ref + " is ambiguous in " + repo.display()
                        + ": give more digits of the commit id");
            } catch (IncorrectObjectTypeException e) {
                throw new SyncException("--ref " + ref + " in " + repo.display() + " is not a commit");
            } catch (org.eclipse.jgit.errors.RevisionSyntaxException e) {
                // not a revision expression: fall through to "not found"
            }
        }
        throw new SyncException("--ref " + ref + " not found in " + repo.display()
                + ": no tag, branch or fetched commit of that name");
    }

    private static RevCommit parseCommit(Repository r, ObjectId id, String ref, RepoLocation repo) throws IOException {
        try (RevWalk walk = new RevWalk(r)) {
            return walk.parseCommit(id); // peels annotated tags
        } catch (IncorrectObjectTypeException e) {
            throw new SyncException("--ref " + ref + " in " + repo.display() + " does not point to a commit");
        } catch (MissingObjectException e) {
            throw new SyncException("--ref " + ref + ": commit " + id.name() + " is missing from " + repo.display());
        }
    }

    private static int countUpdates(FetchResult fetch) {
        int n = 0;
        for (TrackingRefUpdate u : fetch.getTrackingRefUpdates()) {
            if (u.getResult() != RefUpdate.Result.NO_CHANGE) {
                n++;
            }
        }
        return n;
    }

    private SshdSessionFactory sshFactory() {
        if (sshFactory == null) {
            SshdSessionFactoryBuilder builder = new SshdSessionFactoryBuilder()
                    .setHomeDirectory(home.toFile())
                    .setSshDirectory(home.resolve(".ssh").toFile());
            Path key = credentials.sshKeyFile();
            if (key != null) {
                if (!Files.isReadable(key)) {
                    throw new SyncException(GitCredentials.SSH_KEY_FILE + " names " + key + ", which cannot be read");
                }
                builder.setDefaultIdentities(sshDir -> List.of(key));
            }
            Path knownHosts = credentials.knownHosts();
            if (knownHosts != null) {
                if (!Files.isReadable(knownHosts)) {
                    throw new SyncException(GitCredentials.SSH_KNOWN_HOSTS + " names " + knownHosts + ", which cannot be read");
                }
                builder.setDefaultKnownHostsFiles(sshDir -> List.of(knownHosts));
            }
            sshFactory = builder.build(null);
        }
        return sshFactory;
    }

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

    private static void deleteTree(Path root) {
        TreeExport.deleteTree(root);
    }

    @Override
    public void close() {
        if (sshFactory != null) {
            sshFactory.close();
        }
    }
}
