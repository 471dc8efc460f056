package io.jenkins.plugins.gitopssync.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopssync.engine.RecordingLog;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/** Files are parsed in parallel; objects, warnings and the first error still follow the walk order. */
class DirectoryRendererOrderTest {

    private static final int FILES = 120;

    @RepeatedTest(3)
    void objectsAndWarningsComeOutInWalkOrder(@TempDir Path dir) throws Exception {
        for (int i = 0; i < FILES; i++) {
            String body = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-%03d\n---\nnot: kubernetes\n".formatted(i);
            Files.writeString(dir.resolve("f%03d.yaml".formatted(i)), body);
        }
        RecordingLog log = new RecordingLog();
        List<Manifest> manifests = DirectoryRenderer.render(dir.toRealPath(), dir.toRealPath(), io.jenkins.plugins.gitopssync.engine.process.Tools.local(), log, ParseCache.none());

        assertThat(manifests).extracting(m -> m.object().getMetadata().getName())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, FILES).mapToObj("cm-%03d"::formatted).toList());
        assertThat(log.warnings).hasSize(FILES);
        for (int i = 0; i < FILES; i++) {
            assertThat(log.warnings.get(i)).startsWith("f%03d.yaml:6:".formatted(i));
        }
    }

    @RepeatedTest(3)
    void theFirstBrokenFileInWalkOrderIsReported(@TempDir Path dir) throws Exception {
        for (int i = 0; i < FILES; i++) {
            // every file from f050 on is broken; the error must name f050 whichever thread got there first
            String body = i >= 50 ? "apiVersion: v1\nkind: [unclosed\n" : "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c%d}\n".formatted(i);
            Files.writeString(dir.resolve("f%03d.yaml".formatted(i)), body);
        }
        assertThatThrownBy(() -> DirectoryRenderer.render(dir.toRealPath(), dir.toRealPath(), io.jenkins.plugins.gitopssync.engine.process.Tools.local(), new RecordingLog(), ParseCache.none()))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("f050.yaml:");
    }
}
