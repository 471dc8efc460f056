package io.jenkins.plugins.gitopssync.sync;

import static io.jenkins.plugins.gitopssync.testing.SyncRecords.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.gitopssync.sync.GitRefs;
import io.jenkins.plugins.gitopssync.engine.source.UrlRedaction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Refs, local and network URLs, credentials in URLs, commit links. */
class GitRefsTest {

    @Test
    void refsResolveToBranchTagOrCommit() {
        List<String> remote = List.of("HEAD", "refs/heads/main", "refs/tags/v1", "refs/heads/v1-branch");
        assertEquals("refs/heads/main", GitRefs.remoteRefName(remote, "main"));
        assertEquals("refs/tags/v1", GitRefs.remoteRefName(remote, "v1"));
        assertEquals("HEAD", GitRefs.remoteRefName(remote, null));
        assertEquals("refs/tags/v1", GitRefs.remoteRefName(remote, "refs/tags/v1"));
        assertNull(GitRefs.remoteRefName(remote, "nope"));
        assertEquals(REV2, GitRefs.remoteRevision(Map.of("refs/heads/main", REV1), REV2));
        assertEquals(REV1, GitRefs.remoteRevision(Map.of("refs/heads/main", REV1), "main"));
        assertNull(GitRefs.remoteRevision(Map.of("refs/heads/main", REV1), "dev"));
    }

    @Test
    void localRepositoriesAreToldApartFromNetworkOnes() {
        for (String local : List.of("file:///srv/git/r", "FILE:/srv/git/r", "/srv/git/r", "../r", "r", "C:\\git\\r", "./a:b")) {
            assertTrue(GitRefs.isLocal(local), local);
        }
        for (String network : List.of("https://git.example.com/r.git", "http://h/r", "ssh://git@h:22/r.git", "git://h/r",
                "git@git.example.com:org/r.git", "host:path/r.git")) {
            assertFalse(GitRefs.isLocal(network), network);
        }
    }

    /** What the plugin shows of a repository URL (build page, log, errors) is the engine's redaction. */
    @Test
    void tokensInRepositoryUrlsAreNeverShown() {
        assertEquals("https://git.example.com/org/repo.git", UrlRedaction.redact("https://ci:s3cr3t@git.example.com/org/repo.git"));
        assertEquals("fatal: https://h/r not found", UrlRedaction.redact("fatal: https://ci:tok@h/r not found"));
        assertEquals("https://h", UrlRedaction.redact("https://x:p@ss@h"));
        assertEquals("git@git.example.com:org/r.git", UrlRedaction.redact("git@git.example.com:org/r.git"));
        assertEquals("file:///srv/git/r", UrlRedaction.redact("file:///srv/git/r"));
    }

    @Test
    void commitLinkOnlyForHttpRepositoriesWithoutCredentials() {
        assertEquals("https://git.example.com/org/repo/commit/" + REV1, GitRefs.commitLink("https://git.example.com/org/repo.git", REV1));
        assertEquals("https://git.example.com/org/repo/commit/" + REV1, GitRefs.commitLink("https://user:pw@git.example.com/org/repo/", REV1));
        assertNull(GitRefs.commitLink("git@git.example.com:org/repo.git", REV1));
        assertNull(GitRefs.commitLink("file:///tmp/repo", REV1));
        assertNull(GitRefs.commitLink("https://git.example.com/org/repo.git", "main"));
    }
}
