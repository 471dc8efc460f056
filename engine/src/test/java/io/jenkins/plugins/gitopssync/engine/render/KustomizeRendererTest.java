package io.jenkins.plugins.gitopssync.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopssync.engine.RecordingLog;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.process.CommandLookup;
import io.jenkins.plugins.gitopssync.engine.process.LocalProcessRunner;
import io.jenkins.plugins.gitopssync.engine.process.Tools;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import io.jenkins.plugins.gitopssync.testsupport.TestCharts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code kubectl kustomize}. */
class KustomizeRendererTest {

    @TempDir
    Path repo;

    private final RecordingLog log = new RecordingLog();

    private void write(String rel, String content) {
        TestCharts.write(repo, rel, content);
    }

    private void baseAndOverlay() throws IOException {
        write("base/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - deployment.yaml
                  - configmap.yaml
                """);
        write("base/deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 1
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                        - name: web
                          image: nginx:1.27
                """);
        write("base/configmap.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  mode: base
                """);
        write("overlays/prod/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: prod
                namePrefix: prod-
                resources:
                  - ../../base
                patches:
                  - target: {kind: Deployment, name: web}
                    patch: |
                      - op: replace
                        path: /spec/replicas
                        value: 3
                """);
    }

    @Test
    void buildsBaseAndOverlayWithKubectlKustomize() throws IOException {
        baseAndOverlay();

        List<Manifest> manifests = Renderer.render(new ManifestSource(repo, "rev", "overlays/prod"), log);

        assertThat(manifests).extracting(m -> m.object().getKind() + "/" + m.object().getMetadata().getNamespace()
                        + "/" + m.object().getMetadata().getName())
                .containsExactly("ConfigMap/prod/prod-settings", "Deployment/prod/prod-web");
        assertThat(manifests).allSatisfy(m -> assertThat(m.file()).isEqualTo("overlays/prod/kustomization.yaml"));
        assertThat(manifests.get(0).line()).isEqualTo(1);
        assertThat(manifests.get(1).line()).isGreaterThan(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) manifests.get(1).object().getAdditionalProperties().get("spec");
        assertThat(spec.get("replicas")).isEqualTo(3);
    }

    @Test
    void thePathMayNameTheKustomizationFileItself() throws IOException {
        baseAndOverlay();

        List<Manifest> manifests = Renderer.render(new ManifestSource(repo, "rev", "overlays/prod/kustomization.yaml"), log);

        assertThat(manifests).hasSize(2);
        assertThat(manifests.get(0).file()).isEqualTo("overlays/prod/kustomization.yaml");
    }

    @Test
    void aKustomizationBelowAPlainDirectoryIsBuiltToo() throws IOException {
        baseAndOverlay();
        write("plain.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n");

        List<Manifest> manifests = Renderer.render(new ManifestSource(repo, "rev", "."), log);

        assertThat(manifests).extracting(Manifest::file).containsExactly(
                "base/kustomization.yaml", "base/kustomization.yaml",
                "overlays/prod/kustomization.yaml", "overlays/prod/kustomization.yaml",
                "plain.yaml");
    }

    @Test
    void kustomizeFailureCarriesItsMessage() throws IOException {
        write("broken/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - cm.yaml
                  - cm.yaml
                """);
        write("broken/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: twice\n");

        assertThatThrownBy(() -> Renderer.render(new ManifestSource(repo, "rev", "broken"), log))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("broken/kustomization.yaml: kustomize build failed")
                .hasMessageContaining("cm.yaml");
    }

    @Test
    void missingKubectlIsAClearError() throws IOException {
        baseAndOverlay();
        Tools tools = new Tools(LocalProcessRunner.ofThisProcess(), repo.resolve("no-such-kubectl").toString(), null);

        assertThatThrownBy(() -> Renderer.render(new ManifestSource(repo, "rev", "overlays/prod"), new RenderOptions(tools), log))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("kubectl could not be started at")
                .hasMessageContaining("no-such-kubectl")
                .hasMessageContaining("overlays/prod")
                .hasMessageContaining("GITOPS_KUBECTL");
    }

    @Test
    void theKubectlOnTheEnvironmentsPathIsUsedNotTheJvmsOwn() throws IOException {
        baseAndOverlay();
        // a kubectl only the given environment's PATH finds: it leaves a mark, then runs the real one
        Path bin = Files.createDirectories(repo.resolve("../tool-bin").normalize());
        Path mark = bin.resolve("ran");
        String real = CommandLookup.resolve("kubectl", System.getenv(), false);
        Path wrapper = bin.resolve("kubectl");
        Files.writeString(wrapper, "#!/bin/sh\necho \"$MARK_VALUE\" > '" + mark + "'\nexec '" + real + "' \"$@\"\n");
        wrapper.toFile().setExecutable(true);
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("MARK_VALUE", "from the build's environment");
        Tools tools = new Tools(new LocalProcessRunner(env), null, null);

        List<Manifest> manifests = Renderer.render(new ManifestSource(repo, "rev", "overlays/prod"), new RenderOptions(tools), log);

        assertThat(manifests).hasSize(2);
        assertThat(Files.readString(mark).strip()).isEqualTo("from the build's environment");
    }

    @Test
    void gitopsKubectlOfTheEnvironmentNamesTheProgram() throws IOException {
        baseAndOverlay();
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put(Tools.KUBECTL_ENV, repo.resolve("named-kubectl").toString());
        Tools tools = new Tools(new LocalProcessRunner(env), null, null);

        assertThatThrownBy(() -> Renderer.render(new ManifestSource(repo, "rev", "overlays/prod"), new RenderOptions(tools), log))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("named-kubectl");
    }

    @Test
    void kustomizationFileNamesAreRecognised() throws IOException {
        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            Path dir = repo.resolve(name.replace('.', '-'));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name), "resources: []\n");
            assertThat(KustomizeRenderer.kustomizationFile(dir)).as(name).isEqualTo(dir.resolve(name));
        }
        assertThat(KustomizeRenderer.kustomizationFile(repo)).isNull();
    }
}
