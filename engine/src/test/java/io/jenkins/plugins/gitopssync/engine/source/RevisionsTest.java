package io.jenkins.plugins.gitopssync.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RevisionsTest {

    private static final String SHA1 = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";
    private static final String SHA256 = SHA1 + "1a2b3c4d5e6f708192a3b4c5";

    @Test
    void commitIdsAreCutToSevenDigits() {
        assertThat(Revisions.shortId(SHA1)).isEqualTo("1a2b3c4");
        assertThat(Revisions.shortId(SHA256)).isEqualTo("1a2b3c4");
    }

    @Test
    void otherRevisionsAreShownWhole() {
        assertThat(Revisions.shortId("unversioned")).isEqualTo("unversioned");
        assertThat(Revisions.shortId(SHA1 + "-dirty")).isEqualTo(SHA1 + "-dirty");
        assertThat(Revisions.shortId(SHA1.toUpperCase())).as("not how Git writes ids").isEqualTo(SHA1.toUpperCase());
        assertThat(Revisions.shortId(null)).isEqualTo("(none)");
        assertThat(Revisions.shortId("")).isEqualTo("(none)");
    }

    @Test
    void commitIdsAreFullHexIds() {
        assertThat(Revisions.isCommitId(SHA1)).isTrue();
        assertThat(Revisions.isCommitId(SHA256)).isTrue();
        assertThat(Revisions.isCommitId(SHA1.substring(1))).isFalse();
        assertThat(Revisions.isCommitId("main")).isFalse();
        assertThat(Revisions.isCommitId(null)).isFalse();
    }
}
