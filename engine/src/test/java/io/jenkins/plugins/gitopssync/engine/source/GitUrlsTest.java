package io.jenkins.plugins.gitopssync.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** git's reading of repository URLs (git-clone(1), "GIT URLS"), commit links and repository names. */
class GitUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"file:///srv/git/r", "FILE:/srv/git/r", "/srv/git/r", "../r", "r", "C:\\git\\r", "./a:b"})
    void localRepositories(String url) {
        assertThat(GitUrls.kind(url)).isEqualTo(GitUrls.Kind.LOCAL);
        assertThat(GitUrls.isLocal(url)).isTrue();
        assertThat(GitUrls.isSsh(url)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://git.example.com/r.git", "http://h/r", "git://h/r", "ssh://git@h:22/r.git"})
    void networkRepositories(String url) {
        assertThat(GitUrls.kind(url)).isEqualTo(GitUrls.Kind.NETWORK);
        assertThat(GitUrls.isLocal(url)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"git@git.example.com:org/r.git", "host:path/r.git", "host:r"})
    void scpLikeIsSsh(String url) {
        assertThat(GitUrls.kind(url)).isEqualTo(GitUrls.Kind.SCP_LIKE);
        assertThat(GitUrls.isSsh(url)).isTrue();
        assertThat(GitUrls.isLocal(url)).isFalse();
    }

    @Test
    void sshUrlsAndTheirAliases() {
        assertThat(GitUrls.isSsh("ssh://git@h/r.git")).isTrue();
        assertThat(GitUrls.isSsh("git+ssh://h/r.git")).isTrue();
        assertThat(GitUrls.isSsh("ssh+git://h/r.git")).isTrue();
        assertThat(GitUrls.isSsh("https://h/r.git")).isFalse();
        assertThat(GitUrls.isLocal("  ")).isFalse();
        assertThat(GitUrls.isLocal(null)).isFalse();
    }

    @Test
    void commitLinkOnlyForHttpRepositoriesWithoutCredentials() {
        String rev = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b";
        assertThat(GitUrls.commitLink("https://git.example.com/org/repo.git", rev))
                .isEqualTo("https://git.example.com/org/repo/commit/" + rev);
        assertThat(GitUrls.commitLink("https://user:pw@git.example.com/org/repo/", rev))
                .isEqualTo("https://git.example.com/org/repo/commit/" + rev);
        assertThat(GitUrls.commitLink("git@git.example.com:org/repo.git", rev)).isNull();
        assertThat(GitUrls.commitLink("file:///tmp/repo", rev)).isNull();
        assertThat(GitUrls.commitLink("https://git.example.com/org/repo.git", "main")).isNull();
    }

    @Test
    void shortNameIsTheLastSegmentWithoutGit() {
        assertThat(GitUrls.shortName("https://git.example/org/Shop.git")).isEqualTo("Shop");
        assertThat(GitUrls.shortName("git@git.example:org/infra.git/")).isEqualTo("infra");
        assertThat(GitUrls.shortName("git@git.example:infra")).isEqualTo("infra");
        assertThat(GitUrls.shortName("C:\\repos\\shop")).isEqualTo("shop");
    }
}
