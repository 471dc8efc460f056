package io.jenkins.plugins.gitopssync.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopssync.engine.RecordingLog;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import io.jenkins.plugins.gitopssync.testsupport.TestCharts;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs against the parser's limits: each is refused with the file and line, before it costs
 * more than the limits allow. The timeouts only stop a regression from hanging the build (the old parser
 * took minutes and gigabytes on these); they measure nothing.
 */
class ParserLimitsTest {

    private static final int MIB = 1024 * 1024;

    @TempDir
    Path repo;

    private final RecordingLog log = new RecordingLog();

    private List<Manifest> render(String path) {
        return Renderer.render(new ManifestSource(repo, "abc123", path), log);
    }

    private void write(String rel, String content) {
        TestCharts.write(repo, rel, content);
    }

    private static String configMapHeader(String name) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n";
    }

    /** Ten anchors, each a list of ten aliases of the previous one: 100 aliases, 10^10 values once expanded. */
    private static String aliasBomb() {
        StringBuilder y = new StringBuilder(configMapHeader("bomb")).append("data:\n  l0: &l0 [\"lol\"]\n");
        for (int level = 1; level <= 10; level++) {
            y.append("  l").append(level).append(": &l").append(level).append(" [");
            for (int i = 0; i < 10; i++) {
                y.append(i == 0 ? "" : ", ").append("*l").append(level - 1);
            }
            y.append("]\n");
        }
        return y.toString();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aliasesThatExpandExponentiallyAreRefusedBySizeNamingFileAndLine() throws IOException {
        write("bomb.yaml", aliasBomb());

        assertThatThrownBy(() -> render("."))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("bomb.yaml:")
                .hasMessageContaining("expands to more than 8 MiB")
                .hasMessageContaining("aliases");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aliasesThatNestDeeperThanTheDepthLimitAreRefused() throws IOException {
        // every anchor nests the previous one three levels down: 70 aliases, 210 levels once expanded,
        // although the text itself nests only four levels
        StringBuilder y = new StringBuilder(configMapHeader("deep")).append("data:\n  d0: &d0 [x]\n");
        for (int i = 1; i <= 70; i++) {
            y.append("  d").append(i).append(": &d").append(i).append(" [[[*d").append(i - 1).append("]]]\n");
        }
        write("deep.yaml", y.toString());

        assertThatThrownBy(() -> render("."))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("deep.yaml:")
                .hasMessageContaining("nested deeper than 200 levels");
    }

    @Test
    void aFewAliasesWithinTheLimitsStillWork() throws IOException {
        StringBuilder y = new StringBuilder(configMapHeader("anchors"))
                .append("  labels: &labels {app: web, tier: front}\n  annotations: *labels\n");
        write("ok.yaml", y.toString());

        List<Manifest> manifests = render(".");

        assertThat(manifests).singleElement().satisfies(m ->
                assertThat(m.object().getMetadata().getAnnotations()).containsEntry("tier", "front"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aHugePlainScalarIsRefusedNamingFileAndLine() throws IOException {
        Path file = repo.resolve("big.yaml");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(configMapHeader("big") + "data:\n  blob: ");
            char[] chunk = "abcdefghij".repeat(100_000).toCharArray();
            for (int i = 0; i < 30; i++) {
                w.write(chunk); // 30 MB in one token
            }
            w.write("\n");
        }

        assertThatThrownBy(() -> render("."))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("big.yaml:6:")
                .hasMessageContaining("longer than 4 MiB");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aHugeQuotedScalarWithSpacesIsRefusedToo() throws IOException {
        String words = "lorem ipsum ".repeat(450_000); // 5.4 MB, no token longer than a word
        write("quoted.yaml", configMapHeader("quoted") + "data:\n  text: \"" + words + "\"\n");

        assertThatThrownBy(() -> render("."))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("quoted.yaml:6:")
                .hasMessageContaining("longer than 4 MiB");
    }

    @Test
    void aValueBelowTheLimitParses() throws IOException {
        String value = "x".repeat(3 * MIB);
        write("large.yaml", configMapHeader("large") + "data:\n  blob: " + value + "\n");

        List<Manifest> manifests = render(".");

        assertThat(manifests).singleElement().satisfies(m ->
                assertThat(String.valueOf(m.object().getAdditionalProperties().get("data"))).hasSizeGreaterThan(3 * MIB));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aDocumentLargerThanTheLimitIsRefusedNamingItsLine() throws IOException {
        StringBuilder y = new StringBuilder(configMapHeader("small")).append("---\n")
                .append(configMapHeader("huge")).append("data:\n");
        String value = "v".repeat(1000);
        for (int i = 0; y.length() < 9 * MIB; i++) {
            y.append("  key").append(i).append(": ").append(value).append('\n');
        }
        write("docs.yaml", y.toString());

        assertThatThrownBy(() -> render("."))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("docs.yaml:")
                .hasMessageContaining("document")
                .hasMessageContaining("larger than 8 MiB");
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeItIsRead() throws IOException {
        Path file = repo.resolve("dump.yaml");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String doc = "---\n" + configMapHeader("cm") + "data:\n  k: " + "z".repeat(4000) + "\n";
            for (long written = 0; written <= 64L * MIB; written += doc.length()) {
                w.write(doc);
            }
        }

        assertThatThrownBy(() -> render("."))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("dump.yaml: ")
                .hasMessageContaining("larger than the limit of 64 MiB");
    }

    @Test
    void aHugeJsonStringIsRefusedNamingFileAndLine() throws IOException {
        write("big.json", "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"ConfigMap\",\n  \"metadata\": {\"name\": \"j\"},\n"
                + "  \"data\": {\"blob\": \"" + "q".repeat(5 * MIB) + "\"}\n}\n");

        assertThatThrownBy(() -> render("."))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("big.json:5:")
                .hasMessageContaining("longer than 4 MiB");
    }

    @Test
    void deeplyNestedJsonIsRefused() throws IOException {
        write("deep.json", "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"j\"}, \"x\": "
                + "[".repeat(300) + "]".repeat(300) + "}\n");

        assertThatThrownBy(() -> render("."))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("deep.json:1:")
                .hasMessageContaining("nested deeper than 200 levels");
    }
}
