package io.jenkins.plugins.gitopssync.engine.cluster;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A broken kubeconfig is reported by position only: its text can hold tokens and keys. */
class KubeconfigErrorTest {

    private static final String TOKEN = "s3cr3tT0ken";

    static Stream<Arguments> brokenKubeconfigs() {
        return Stream.of(
                Arguments.of("bad indentation", """
                        apiVersion: v1
                        kind: Config
                        users:
                        - name: admin
                          user:
                            token: %s
                           bad: [unclosed
                        """.formatted(TOKEN)),
                Arguments.of("tab inside the token line", "apiVersion: v1\nusers:\n- user:\n\ttoken: " + TOKEN + "\n"),
                Arguments.of("wrong type", """
                        apiVersion: v1
                        kind: Config
                        users: "%s"
                        """.formatted(TOKEN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenKubeconfigs")
    void contentErrorsNeverQuoteTheKubeconfig(String name, String content) {
        assertThatThrownBy(() -> ClusterAccess.fromKubeconfigContent(content, null))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("the kubeconfig")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(fullText(e)).doesNotContain(TOKEN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenKubeconfigs")
    void fileErrorsNeverQuoteTheKubeconfig(String name, String content, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("config");
        Files.writeString(file, content);
        assertThatThrownBy(() -> ClusterAccess.fromKubeconfigFile(file, null))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining(file.toString())
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(fullText(e)).doesNotContain(TOKEN));
    }

    @org.junit.jupiter.api.Test
    void anUnclosedConstructIsLocatedWhereItStarts() {
        assertThatThrownBy(() -> ClusterAccess.fromKubeconfigContent(
                "apiVersion: v1\nkind: Config\nusers: [ {{ token: " + TOKEN + "\n", null))
                .hasMessageContaining("line 3")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(fullText(e)).doesNotContain(TOKEN));
    }

    /** Message and causes: a CLI with --verbose or a Jenkins log could print any of them. */
    private static String fullText(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t).append('\n');
        }
        return sb.toString();
    }
}
