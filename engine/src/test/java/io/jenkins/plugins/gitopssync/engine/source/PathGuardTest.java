package io.jenkins.plugins.gitopssync.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathGuardTest {

    @TempDir
    Path repo;

    @TempDir
    Path outside;

    @BeforeEach
    void layout() throws IOException {
        Files.createDirectories(repo.resolve("apps/prod"));
        Files.createSymbolicLink(repo.resolve("inside-link"), repo.resolve("apps"));
        Files.createSymbolicLink(repo.resolve("apps/out"), outside);
    }

    @AfterEach
    void removeLinkOut() throws IOException {
        Files.deleteIfExists(repo.resolve("apps/out")); // JUnit warns when it has to delete a link leading out
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource({
            "'', .",
            "., .",
            "./, .",
            "apps, apps",
            "apps/, apps",
            "./apps/./prod, apps/prod",
            "inside-link/prod, apps/prod",
    })
    void acceptedPathsResolveInsideTheRoot(String path, String expected) throws IOException {
        Path resolved = PathGuard.resolve(new ManifestSource(repo, "r", path));
        assertThat(resolved).isEqualTo(repo.toRealPath().resolve(expected).normalize());
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource({
            "'..', '..'",
            "'apps/../..', '..'",
            "'apps/../apps', '..'",
            "'apps\\..\\..', '..'",
            "'/etc', 'absolute'",
            "'apps/out', 'outside the repository'",
            "'apps/out/x', 'does not exist'",
            "'nope', 'does not exist'",
    })
    void escapesAndMissingPathsAreRefusedNamingThePath(String path, String reason) {
        assertThatThrownBy(() -> PathGuard.resolve(new ManifestSource(repo, "r", path)))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("'" + path + "'")
                .hasMessageContaining(reason);
    }

    /** The part of the rule the plugin's forms check, before any file exists. */
    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource({
            "'/etc', ABSOLUTE",
            "'C:\\repo', ABSOLUTE",
            "'\\\\server\\share', ABSOLUTE",
            "' /etc', ABSOLUTE",
            "'..', PARENT_SEGMENT",
            "'apps\\..\\x', PARENT_SEGMENT",
            "'apps/../apps', PARENT_SEGMENT",
    })
    void refusalsAsWritten(String path, PathGuard.Refusal refusal) {
        assertThat(PathGuard.refusal(path)).contains(refusal);
    }

    @ParameterizedTest
    @CsvSource({"''", "'.'", "'apps/prod'", "'a..b/c'", "'./apps'"})
    void pathsInsideAreNotRefused(String path) {
        assertThat(PathGuard.refusal(path)).isEmpty();
        assertThat(PathGuard.refusal(null)).isEmpty();
    }

    @Test
    void missingRootIsAClearError() {
        assertThatThrownBy(() -> PathGuard.resolve(new ManifestSource(repo.resolve("gone"), "r", ".")))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("does not exist");
    }
}
