package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.source.RefNames;
import io.jenkins.plugins.gitopssync.engine.source.Revisions;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;

/**
 * The commit a user's {@code --ref} names in a freshly fetched clone, by the engine's rule ({@link RefNames}, git's
 * own order) over what the remote advertised: HEAD, a tag, a branch, any other advertised ref (fetched on its own),
 * or a full or abbreviated commit id.
 */
final class RefResolver {

    /** Where a ref the branch and tag fetch does not bring (refs/pull/1/head) is fetched to. */
    private static final String FETCHED_REF = "refs/gitops-sync/fetched";

    /** {@code tagRef}: the tag's full ref name when the ref was a tag (its signature may be checked). */
    record Resolved(RevCommit commit, String label, String tagRef) {

        Resolved(RevCommit commit, String label) {
            this(commit, label, null);
        }
    }

    private final Git git;
    private final RepoLocation repo;
    private final GitFetch fetcher;

    RefResolver(Git git, RepoLocation repo, GitFetch fetcher) {
        this.git = git;
        this.repo = repo;
        this.fetcher = fetcher;
    }

    Resolved resolve(String ref, FetchResult fetch) throws IOException {
        if (ref == null || ref.isBlank() || ref.equals(RefNames.HEAD)) {
            return head(fetch);
        }
        Repository r = git.getRepository();
        Set<String> advertised = fetch.getAdvertisedRefs().stream().map(Ref::getName).collect(Collectors.toSet());
        String name = RefNames.pick(advertised, ref);
        if (name != null && name.startsWith("refs/tags/") && r.exactRef(name) != null) {
            return new Resolved(commit(r.exactRef(name).getObjectId(), ref), "tag " + Repository.shortenRefName(name), name);
        }
        Ref branch = name != null && name.startsWith("refs/heads/")
                ? r.exactRef("refs/remotes/origin/" + name.substring("refs/heads/".length())) : null;
        if (branch != null) {
            return new Resolved(commit(branch.getObjectId(), ref), "branch " + Repository.shortenRefName(name));
        }
        Resolved found = name != null ? otherRef(name, ref) : abbreviatedId(ref);
        if (found == null) {
            throw new SyncException("--ref " + ref + " not found in " + repo.display()
                    + ": no tag, branch or fetched commit of that name");
        }
        return found;
    }

    private Resolved head(FetchResult fetch) throws IOException {
        Ref head = fetch.getAdvertisedRef(RefNames.HEAD);
        if (head == null || head.getObjectId() == null) {
            throw new SyncException("git: " + repo.display() + " has no HEAD (empty repository?); pass --ref");
        }
        String label = head.isSymbolic() ? "HEAD -> " + Repository.shortenRefName(head.getTarget().getName()) : "HEAD";
        return new Resolved(commit(head.getObjectId(), RefNames.HEAD), label);
    }

    /** Any other ref the server advertises (refs/pull/1/head, refs/changes/...): fetched on its own. */
    private Resolved otherRef(String name, String ref) throws IOException {
        FetchResult extra = fetcher.fetch(git, repo, List.of(new RefSpec("+" + name + ":" + FETCHED_REF)));
        Ref fetched = git.getRepository().exactRef(FETCHED_REF);
        if (extra.getAdvertisedRef(name) == null || fetched == null) {
            return null;
        }
        return new Resolved(commit(fetched.getObjectId(), ref), name);
    }

    /** A commit named by a (possibly abbreviated) id, when no ref has that name. */
    private Resolved abbreviatedId(String ref) throws IOException {
        if (!RefNames.mayBeAbbreviatedId(ref) && !Revisions.isCommitId(RefNames.normalizedId(ref))) {
            return null;
        }
        try {
            ObjectId id = git.getRepository().resolve(RefNames.normalizedId(ref) + "^{commit}");
            return id == null ? null : new Resolved(commit(id, ref), "commit " + Revisions.shortId(id.name()));
        } catch (AmbiguousObjectException e) {
            throw new SyncException("--ref " + ref + " is ambiguous in " + repo.display() + ": give more digits of the commit id");
        } catch (IncorrectObjectTypeException e) {
            throw new SyncException("--ref " + ref + " in " + repo.display() + " is not a commit");
        } catch (RevisionSyntaxException e) {
            return null; // not a revision expression: "not found"
        }
    }

    private RevCommit commit(ObjectId id, String ref) throws IOException {
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            return walk.parseCommit(id); // peels annotated tags
        } catch (IncorrectObjectTypeException e) {
            throw new SyncException("--ref " + ref + " in " + repo.display() + " does not point to a commit");
        } catch (MissingObjectException e) {
            throw new SyncException("--ref " + ref + ": commit " + id.name() + " is missing from " + repo.display());
        }
    }
}
