package io.jenkins.plugins.gitopssync.engine.diff;

import static io.jenkins.plugins.gitopssync.engine.diff.NormalizerTest.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentHashTest {

    @Test
    void keyOrderDoesNotChangeTheHash() {
        String a = ContentHash.of(map("kind", "ConfigMap", "metadata", map("name", "x", "labels", map("b", "2", "a", "1"))));
        String b = ContentHash.of(map("metadata", map("labels", map("a", "1", "b", "2"), "name", "x"), "kind", "ConfigMap"));

        assertThat(a).isEqualTo(b).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void contentAndListOrderChangeTheHash() {
        String base = ContentHash.of(map("a", List.of(1, 2)));

        assertThat(ContentHash.of(map("a", List.of(2, 1)))).isNotEqualTo(base);
        assertThat(ContentHash.of(map("a", List.of(1, 3)))).isNotEqualTo(base);
        assertThat(ContentHash.of(map("a", List.of("1", "2")))).isNotEqualTo(base);
    }

    @Test
    void knownValue() {
        // sha256 of {"a":1}
        assertThat(ContentHash.canonicalJson(map("a", 1))).isEqualTo("{\"a\":1}");
        assertThat(ContentHash.of(map("a", 1))).isEqualTo("015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862");
    }
}
