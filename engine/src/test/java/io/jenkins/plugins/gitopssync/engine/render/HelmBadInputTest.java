package io.jenkins.plugins.gitopssync.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.testsupport.TestCharts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to a chart's render: each is one line naming the chart, the file and Helm's own message (or the
 * engine's, before Helm runs), with secret values masked, and no objects come out of it.
 */
class HelmBadInputTest {

    private static final ChartTarget OFFLINE = ChartTarget.offline("r", "ns");

    @TempDir
    Path repo;
    @TempDir
    Path elsewhere;

    private ChartRender chart;

    @BeforeEach
    void chart() {
        chart = new ChartRender(repo, "app");
        TestCharts.web(repo, "app", "web", "0.1.0");
    }

    private Rendering render(HelmOptions options) {
        return chart.render(options, OFFLINE);
    }

    private static HelmOptions values(String... files) {
        return HelmOptions.builder().valuesFiles(List.of(files)).build();
    }

    @Test
    void aMissingValuesFileIsNamed() {
        assertThatThrownBy(() -> render(values("env/prod.yaml")))
                .isInstanceOf(SyncException.class)
                .hasMessage("chart web (app): values file 'env/prod.yaml' does not exist in the repository");
    }

    @Test
    void valuesFilesOutsideTheRepositoryAreRefused() throws Exception {
        Files.writeString(elsewhere.resolve("secrets.yaml"), "greeting: stolen\n");
        Files.createSymbolicLink(repo.resolve("link.yaml"), elsewhere.resolve("secrets.yaml"));

        assertThatThrownBy(() -> render(values("../" + elsewhere.getFileName() + "/secrets.yaml")))
                .hasMessageContaining("leads outside the repository");
        assertThatThrownBy(() -> render(values(elsewhere.resolve("secrets.yaml").toString())))
                .hasMessageContaining("must be relative to the repository root");
        assertThatThrownBy(() -> render(values("link.yaml")))
                .hasMessageContaining("values file 'link.yaml' is a symbolic link that leads outside the repository");
    }

    @Test
    void aYamlErrorInAValuesFileIsOneLineWithHelmsMessage() throws Exception {
        TestCharts.write(repo, "env/broken.yaml", "greeting: [unclosed\n");

        assertThatThrownBy(() -> render(values("env/broken.yaml")))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("chart web (app): helm template failed: ")
                .hasMessageContaining("env/broken.yaml")
                .hasMessageNotContaining(repo.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aTemplateErrorNamesTheTemplate() {
        TestCharts.write(repo, "app/templates/broken.yaml", "data: {{ .Values.greeting | nosuchfunction }}\n");

        assertThatThrownBy(() -> render(HelmOptions.DEFAULT))
                .hasMessageStartingWith("chart web (app): helm template failed: ")
                .hasMessageContaining("web/templates/broken.yaml")
                .hasMessageContaining("nosuchfunction");
    }

    @Test
    void aMissingDependencyIsNamed() {
        TestCharts.write(repo, "app/Chart.yaml", """
                apiVersion: v2
                name: web
                version: 0.1.0
                dependencies:
                  - name: ghost
                    version: 1.0.0
                """);

        assertThatThrownBy(() -> render(HelmOptions.DEFAULT))
                .hasMessageStartingWith("chart web (app): helm dependency build failed: ")
                .hasMessageContaining("ghost");
    }

    @Test
    void aLockFileThatDoesNotMatchFailsClearly() {
        TestCharts.write(repo, "lib/Chart.yaml", "apiVersion: v2\nname: lib\nversion: 0.1.0\n");
        TestCharts.write(repo, "app/Chart.yaml", """
                apiVersion: v2
                name: web
                version: 0.1.0
                dependencies:
                  - name: lib
                    version: 0.1.0
                    repository: file://../lib
                """);
        TestCharts.write(repo, "app/Chart.lock", """
                dependencies:
                - name: lib
                  repository: file://../lib
                  version: 0.0.9
                digest: sha256:0000000000000000000000000000000000000000000000000000000000000000
                generated: "2026-01-01T00:00:00Z"
                """);

        assertThatThrownBy(() -> render(HelmOptions.DEFAULT))
                .hasMessageStartingWith("chart web (app): helm dependency build failed: ")
                .hasMessageContaining("Chart.lock")
                .hasMessageContaining("out of sync");
    }

    @Test
    void aSecretParameterNeverAppearsInHelmsErrorNorTheLog() {
        TestCharts.write(repo, "app/templates/check.yaml", """
                {{- if ne .Values.db.password "expected" }}
                {{- fail (printf "wrong password %s, encoded %s" .Values.db.password (.Values.db.password | b64enc)) }}
                {{- end }}
                """);
        HelmOptions options = HelmOptions.builder().secretParameters(List.of("db.password=hunter2-secret")).build();

        assertThatThrownBy(() -> render(options))
                .hasMessageContaining("wrong password ***, encoded ***")
                .hasMessageNotContaining("hunter2-secret")
                .hasMessageNotContaining("aHVudGVyMi1zZWNyZXQ=");
        assertThat(String.join("\n", chart.log.infos) + String.join("\n", chart.log.warnings)).doesNotContain("hunter2");
    }

    @Test
    void aSecretParameterReachesTheChartAsAString() {
        TestCharts.write(repo, "app/templates/check.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: check
                data:
                  password: {{ .Values.db.password | quote }}
                  kind: {{ kindOf .Values.db.password | quote }}
                """);

        Rendering r = render(HelmOptions.builder().secretParameters(List.of("db.password=12345")).build());

        assertThat(HelmRendererTest.data(r, "ConfigMap", "check")).isEqualTo(Map.of("password", "12345", "kind", "string"));
    }

    @Test
    void withoutHelmTheErrorSaysWhichVersionIsNeeded() {
        assertThatThrownBy(() -> chart.render(elsewhere.resolve("no-helm-here"), HelmOptions.DEFAULT, OFFLINE))
                .hasMessageStartingWith("chart web (app): helm could not be started at '")
                .hasMessageContaining("helm v3.8 or later (or v4)");
    }

    @Test
    void aHelmTooOldIsRefusedWithTheVersionNeeded() throws Exception {
        // helm 3.7 cannot be built here (the module proxy serves 3.18 and later): a program that answers as it does
        Path old = elsewhere.resolve("helm");
        Files.writeString(old, "#!/bin/sh\necho v3.7.2\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwx------"));

        assertThatThrownBy(() -> chart.render(old, HelmOptions.DEFAULT, OFFLINE))
                .hasMessage("chart web (app): " + old + " is v3.7.2, too old; rendering a chart needs helm v3.8 or later"
                        + " (or v4) (install a newer helm, or name one with the helm option or GITOPS_HELM)");
    }

    @Test
    void aLibraryChartRendersNothingAndSaysSo() {
        TestCharts.write(repo, "app/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\ntype: library\n");

        assertThatThrownBy(() -> render(HelmOptions.DEFAULT))
                .hasMessage("chart web (app): a library chart renders no objects; sync a chart that depends on it");
    }
}
