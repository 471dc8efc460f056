package io.jenkins.plugins.gitopssync.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The linear reader reads what SnakeYAML's own reader reads, places included. */
class LinearYamlReaderTest {

    private static Object snakeYaml(String text) {
        return new Yaml(new LoaderOptions()).loadAll(text).iterator().next();
    }

    private static Object ours(String text) {
        return YamlStream.parse("t.yaml", text).get(0).value();
    }

    @Test
    void readsLineBreaksAstralCharactersAndLongValuesLikeSnakeYaml() {
        String long1 = "y".repeat(100_000); // many windows, grown and moved
        String text = "a: \"\uD83D\uDE80 rocket\"\r\nb: |\r\n  line one\r\n  line two\r\nc: " + long1 + "\rd: [1, 2]\n"
                + "e: >\n  folded\n  text\n";

        assertThat(ours(text)).isEqualTo(snakeYaml(text));
        assertThat(((Map<?, ?>) ours(text)).get("a")).isEqualTo("\uD83D\uDE80 rocket");
    }

    @Test
    void documentLinesAreCountedAcrossBreakStyles() {
        String text = "a: 1\r\n---\r\nb: 2\r---\nc: 3\n";

        List<Integer> lines = YamlStream.parse("t.yaml", text).stream().map(YamlStream.Document::line).toList();

        assertThat(lines).containsExactly(1, 3, 5);
    }

    @Test
    void errorsNameTheSameLineAndColumn() {
        String text = "a: 1\nb:\n  - x\n  y: 2\n";

        assertThatThrownBy(() -> ours(text)).isInstanceOf(SyncException.class).hasMessageStartingWith("t.yaml:4:");
    }

    @Test
    void controlCharactersAreRefused() {
        assertThatThrownBy(() -> ours("a: \u0007bell\n")).isInstanceOf(SyncException.class)
                .hasMessageContaining("special characters are not allowed");
    }
}
