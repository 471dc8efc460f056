package io.jenkins.plugins.gitopssync.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** git's order for an ambiguous name (gitrevisions(7)). */
class RefNamesTest {

    private static final Set<String> REMOTE = Set.of("HEAD", "refs/heads/main", "refs/heads/release", "refs/tags/release",
            "refs/tags/v1", "refs/pull/7/head", "refs/heads/tags/odd");

    @Test
    void aTagWinsOverABranchOfTheSameName() {
        assertThat(RefNames.pick(REMOTE, "release")).isEqualTo("refs/tags/release");
        assertThat(RefNames.pick(REMOTE, "main")).isEqualTo("refs/heads/main");
        assertThat(RefNames.pick(REMOTE, "v1")).isEqualTo("refs/tags/v1");
    }

    @Test
    void refsSlashNameComesFirstAndFullNamesAreExact() {
        assertThat(RefNames.pick(REMOTE, "tags/v1")).isEqualTo("refs/tags/v1");
        assertThat(RefNames.pick(REMOTE, "heads/release")).isEqualTo("refs/heads/release");
        assertThat(RefNames.pick(REMOTE, "refs/pull/7/head")).isEqualTo("refs/pull/7/head");
        assertThat(RefNames.pick(REMOTE, "refs/heads/absent")).isNull();
    }

    @Test
    void headAndNothing() {
        assertThat(RefNames.pick(REMOTE, null)).isEqualTo("HEAD");
        assertThat(RefNames.pick(REMOTE, "HEAD")).isEqualTo("HEAD");
        assertThat(RefNames.pick(REMOTE, "absent")).isNull();
        assertThat(RefNames.candidates("0123456789abcdef0123456789abcdef01234567")).isEmpty();
    }

    @Test
    void abbreviatedIdsOnlyAsALastResort() {
        assertThat(RefNames.mayBeAbbreviatedId("1a2b3c4")).isTrue();
        assertThat(RefNames.mayBeAbbreviatedId("abc")).isFalse();
        assertThat(RefNames.mayBeAbbreviatedId("release")).isFalse();
        assertThat(RefNames.pick(Set.of("refs/heads/beef"), "beef")).isEqualTo("refs/heads/beef");
    }

    @Test
    void aRemoteSaysWhichCommitARefNames() {
        String main = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b";
        String other = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";
        Map<String, String> advertised = Map.of("refs/heads/main", main, "refs/tags/release", other);
        assertThat(RefNames.advertisedCommit(advertised, "main")).isEqualTo(main);
        assertThat(RefNames.advertisedCommit(advertised, "release")).isEqualTo(other);
        assertThat(RefNames.advertisedCommit(advertised, other)).as("a full id is itself").isEqualTo(other);
        assertThat(RefNames.advertisedCommit(advertised, "9F8E7D6")).as("a short id of a tip").isEqualTo(other);
        assertThat(RefNames.advertisedCommit(advertised, "dev")).isNull();
        assertThat(RefNames.advertisedCommit(advertised, "abcdef0")).as("a short id the remote does not advertise").isNull();
    }
}
