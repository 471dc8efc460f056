package io.jenkins.plugins.gitopssync.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

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
}
