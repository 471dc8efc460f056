package io.jenkins.plugins.gitopssync.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopssync.engine.RecordingLog;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Kustomization may read only the repository at the synced revision: every route kustomize offers out
 * of it (directory bases, components, generator and transformer entries, files of patches and
 * generators, symbolic links, remote URLs) is refused with the kustomization file and the entry named.
 * Runs the real {@code kubectl kustomize}. The repository sits beside another checkout, as the CLI's
 * trees of several commits do.
 */
class KustomizeEscapeTest {

    @TempDir
    Path trees;

    private Path repo;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void twoCheckoutsSideBySide() throws IOException {
        repo = Files.createDirectories(trees.resolve("commit-a"));
        write(trees.resolve("commit-b/base/kustomization.yaml"), "resources: [cm.yaml]\n");
        write(trees.resolve("commit-b/base/cm.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: stolen
                data:
                  token: from-another-checkout
                """);
        write(trees.resolve("commit-b/env.txt"), "TOKEN=from-another-checkout\n");
        write(trees.resolve("commit-b/patch.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: own\n");
        write(trees.resolve("commit-b/component/kustomization.yaml"),
                "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [../base/cm.yaml]\n");
        write(repo.resolve("app/own.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: own\n");
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private List<Manifest> render(String path) {
        return Renderer.render(new ManifestSource(repo, "rev", path), log);
    }

    static Stream<Arguments> routesOut() {
        return Stream.of(
                Arguments.of("resources: [own.yaml, ../../commit-b/base]\n", "resources", "../../commit-b/base"),
                Arguments.of("bases: [../../commit-b/base]\nresources: [own.yaml]\n", "bases", "../../commit-b/base"),
                Arguments.of("resources: [own.yaml]\ncomponents: [../../commit-b/component]\n", "components",
                        "../../commit-b/component"),
                Arguments.of("resources: [own.yaml]\ngenerators: [../../commit-b/base]\n", "generators",
                        "../../commit-b/base"),
                Arguments.of("resources: [own.yaml]\ntransformers: [../../commit-b/patch.yaml]\n", "transformers",
                        "../../commit-b/patch.yaml"),
                Arguments.of("resources: [own.yaml]\npatches:\n- path: ../../commit-b/patch.yaml\n", "patches",
                        "../../commit-b/patch.yaml"),
                Arguments.of("resources: [own.yaml]\npatchesStrategicMerge: [../../commit-b/patch.yaml]\n",
                        "patchesStrategicMerge", "../../commit-b/patch.yaml"),
                Arguments.of("resources: [own.yaml]\nconfigMapGenerator:\n- name: g\n  envs: [../../commit-b/env.txt]\n",
                        "configMapGenerator", "../../commit-b/env.txt"),
                Arguments.of("resources: [own.yaml]\nsecretGenerator:\n- name: g\n  files: [token=../../commit-b/env.txt]\n",
                        "secretGenerator", "../../commit-b/env.txt"),
                Arguments.of("resources: [own.yaml, " + "../".repeat(30) + "etc]\n", "resources",
                        "../".repeat(30) + "etc"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("routesOut")
    void aRouteOutOfTheRepositoryIsRefused(String kustomization, String field, String entry) throws IOException {
        write(repo.resolve("app/kustomization.yaml"), kustomization);

        assertThatThrownBy(() -> render("app"))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("app/kustomization.yaml: " + field + " entry '" + entry + "'")
                .hasMessageContaining("outside the repository");
    }

    @Test
    void aBaseOutsideReachedThroughABaseInsideIsRefusedNamingTheInnerFile() throws IOException {
        write(repo.resolve("base/kustomization.yaml"), "resources: [../../commit-b/base]\n");
        write(repo.resolve("app/kustomization.yaml"), "resources: [own.yaml, ../base]\n");

        assertThatThrownBy(() -> render("app"))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("base/kustomization.yaml: resources entry '../../commit-b/base'");
    }

    @Test
    void aSymbolicLinkInsideThatLeadsOutIsRefused() throws IOException {
        Files.createSymbolicLink(repo.resolve("app/vendored"), trees.resolve("commit-b/base"));
        write(repo.resolve("app/kustomization.yaml"), "resources: [own.yaml, vendored]\n");

        assertThatThrownBy(() -> render("app"))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("app/kustomization.yaml: resources entry 'vendored'")
                .hasMessageContaining("symbolic link")
                .hasMessageContaining("outside the repository");
    }

    @Test
    void aKustomizationFileThatIsALinkOutIsRefused() throws IOException {
        Files.createDirectories(repo.resolve("linked"));
        Files.createSymbolicLink(repo.resolve("linked/kustomization.yaml"),
                trees.resolve("commit-b/base/kustomization.yaml"));

        assertThatThrownBy(() -> render("linked"))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("linked/kustomization.yaml: ")
                .hasMessageContaining("outside the repository");
    }

    @Test
    void remoteResourcesAreRefusedWithoutBeingFetched() throws IOException {
        write(repo.resolve("app/kustomization.yaml"),
                "resources:\n- own.yaml\n- https://git.invalid/org/repo//base?ref=main\n");

        assertThatThrownBy(() -> render("app"))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("app/kustomization.yaml: resources entry 'https://git.invalid/org/repo//base?ref=main'")
                .hasMessageContaining("remote");
    }

    @Test
    void aMissingEntryIsNamedInsteadOfBeingTriedAsARemoteRepository() throws IOException {
        write(repo.resolve("app/kustomization.yaml"), "resources: [own.yaml, example.com/org/repo]\n");

        assertThatThrownBy(() -> render("app"))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("app/kustomization.yaml: resources entry 'example.com/org/repo'")
                .hasMessageContaining("not a file or directory of the repository");
    }

    @Test
    void basesComponentsAndFilesInsideTheRepositoryStillWork() throws IOException {
        write(repo.resolve("base/kustomization.yaml"), "resources: [cm.yaml]\n");
        write(repo.resolve("base/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: base\n");
        write(repo.resolve("component/kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1alpha1
                kind: Component
                patches:
                - patch: |-
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: base
                    data:
                      from: component
                """);
        write(repo.resolve("app/env.txt"), "MODE=app\n");
        write(repo.resolve("app/kustomization.yaml"), """
                resources: [own.yaml, ../base]
                components: [../component]
                patchesStrategicMerge:
                - |-
                  apiVersion: v1
                  kind: ConfigMap
                  metadata:
                    name: own
                  data:
                    inline: patch
                configMapGenerator:
                - name: generated
                  envs: [env.txt]
                  literals: [A=b]
                """);

        List<Manifest> manifests = render("app");

        assertThat(manifests).extracting(m -> m.object().getMetadata().getName())
                .contains("own", "base").anyMatch(n -> n.startsWith("generated-"));
    }
}
