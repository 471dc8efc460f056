package io.jenkins.plugins.gitopssync.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.jenkins.plugins.gitopssync.engine.GitOpsSync;
import io.jenkins.plugins.gitopssync.engine.RecordingLog;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import io.jenkins.plugins.gitopssync.testsupport.TestCharts;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RendererTest {

    @TempDir
    Path repo;

    private final RecordingLog log = new RecordingLog();

    private void write(String rel, String content) {
        TestCharts.write(repo, rel, content);
    }

    private List<Manifest> render(String path) {
        return Renderer.render(new ManifestSource(repo, "abc123", path), log);
    }

    private static List<String> locations(List<Manifest> manifests) {
        return manifests.stream().map(m -> m.location() + " " + m.object().getKind() + "/" + m.object().getMetadata().getName()).toList();
    }

    @Test
    void multiDocumentYamlKeepsFileAndLineOfEachDocument() throws IOException {
        write("apps/web.yaml", """
                # leading comment
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: one
                ---
                ---
                # an empty document above is skipped
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: two
                data:
                  a: "1"
                """);
        write("apps/sub/svc.yml", """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: svc}
                """);

        List<Manifest> manifests = render(".");

        assertThat(locations(manifests)).containsExactly(
                "apps/sub/svc.yml:2 Service/svc",
                "apps/web.yaml:2 ConfigMap/one",
                "apps/web.yaml:9 ConfigMap/two");
        assertThat(log.warnings).isEmpty();
    }

    @Test
    void walksInSortedOrderAndRendersJson() throws IOException {
        write("b.json", """
                {
                  "apiVersion": "v1",
                  "kind": "ConfigMap",
                  "metadata": {"name": "from-json"},
                  "data": {"big": "x"}
                }
                """);
        write("a.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns\n");
        write("c.txt", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ignored-extension\n");

        assertThat(locations(render(""))).containsExactly("a.yaml:1 Namespace/ns", "b.json:1 ConfigMap/from-json");
    }

    @Test
    void listKindIsExpandedWithTheLineOfEachItem() throws IOException {
        write("list.yaml", """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: a
                  - apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: b
                """);
        write("list.json", """
                {"apiVersion": "v1", "kind": "List", "items": [
                  {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s"}},
                  {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "svc"}}
                ]}
                """);

        write("typed-list.yaml", """
                apiVersion: v1
                kind: ConfigMapList
                items:
                - apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: c}
                """);

        assertThat(locations(render("."))).containsExactly(
                "list.json:2 Secret/s", "list.json:3 Service/svc",
                "list.yaml:4 ConfigMap/a", "list.yaml:8 ConfigMap/b",
                "typed-list.yaml:4 ConfigMap/c");
    }

    @Test
    void nonKubernetesDocumentsAreSkippedWithAWarningNamingFileAndLine() throws IOException {
        write("mixed.yaml", """
                some: random
                config: true
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: kept
                ---
                - a list
                - not an object
                """);

        List<Manifest> manifests = render(".");

        assertThat(locations(manifests)).containsExactly("mixed.yaml:4 ConfigMap/kept");
        assertThat(log.warnings).hasSize(2);
        assertThat(log.warnings.get(0)).startsWith("mixed.yaml:1: skipped, not a Kubernetes object");
        assertThat(log.warnings.get(1)).startsWith("mixed.yaml:9: skipped");
    }

    @Test
    void malformedYamlNamesFileLineAndColumn() throws IOException {
        write("ok.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fine\n");
        write("z/bad.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: broken
                data:
                  a: [1, 2
                  b: c
                """);

        assertThatThrownBy(() -> render("."))
                .isInstanceOf(SyncException.class)
                .hasMessageMatching("(?s)z/bad\\.yaml:\\d+:\\d+: .+");
    }

    @Test
    void malformedJsonNamesFileLineAndColumn() throws IOException {
        write("bad.json", "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"ConfigMap\"\n  \"metadata\": {}\n}\n");

        assertThatThrownBy(() -> render("."))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("bad.json:4:");
    }

    @Test
    void aYamlSyntaxErrorDoesNotEchoTheLine() {
        assertSyntaxErrorHidesTheValue("secret.yaml", "apiVersion: v1\nkind: Secret\nstringData:\n  password: \"s3cretValue\n",
                "secret.yaml:5:");
    }

    @Test
    void aJsonSyntaxErrorDoesNotEchoTheValue() {
        assertSyntaxErrorHidesTheValue("secret.json",
                "{\"apiVersion\": \"v1\", \"kind\": \"Secret\",\n \"stringData\": {\"password\": s3cretValue}}\n", "secret.json:2:");
    }

    /** A syntax error in a file holding the value s3cretValue: named by file and line, the value nowhere in it. */
    private void assertSyntaxErrorHidesTheValue(String file, String content, String location) {
        write(file, content);

        assertThatThrownBy(() -> render("."))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith(location)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"))
                .hasNoCause();
    }

    @Test
    void duplicateKeysInYamlAreAnError() throws IOException {
        write("dup.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n");

        assertThatThrownBy(() -> render("."))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("dup.yaml:5:")
                .hasMessageContaining("duplicate key");
    }

    @Test
    void scalarsKeepTheirTypesWithoutYaml11Surprises() throws IOException {
        write("types.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: types
                  annotations:
                    quoted-on: "on"
                    date: "2024-01-01"
                data:
                  plainOn: on
                  plainYes: yes
                  quotedYes: "yes"
                  date: 2024-01-01
                  version: "1.10"
                spec:
                  mode: 0644
                  big: 123456789012345678901234567890
                  long: 9007199254740993
                  enabled: true
                  ratio: 0.5
                  nothing: ~
                """);

        GenericKubernetesResource object = render(".").get(0).object();

        assertThat(object.getMetadata().getAnnotations()).containsEntry("quoted-on", "on").containsEntry("date", "2024-01-01");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) object.getAdditionalProperties().get("data");
        assertThat(data).containsEntry("plainOn", "on").containsEntry("plainYes", "yes")
                .containsEntry("quotedYes", "yes").containsEntry("date", "2024-01-01").containsEntry("version", "1.10");
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) object.getAdditionalProperties().get("spec");
        assertThat(spec.get("mode")).isEqualTo(420);
        assertThat(spec.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(spec.get("long")).isEqualTo(9007199254740993L);
        assertThat(spec.get("enabled")).isEqualTo(true);
        assertThat(spec.get("ratio")).isEqualTo(0.5);
        assertThat(spec).containsEntry("nothing", null);
    }

    @Test
    void anUnquotedNumberAsNameOrLabelIsAnErrorNotASilentConversion() throws IOException {
        write("num.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: 123
                  labels:
                    version: 1.10
                """);

        assertThatThrownBy(() -> render("."))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("num.yaml:1: metadata.name must be a string")
                .hasMessageContaining("num.yaml:1: metadata.labels.version must be a string");
    }

    @Test
    void recursiveAliasIsAnErrorNotAStackOverflow() throws IOException {
        write("loop.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: loop\ndata: &d\n  self: *d\n");

        assertThatThrownBy(() -> render("."))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("loop.yaml:")
                .hasMessageContaining("recursive alias");
    }

    @Test
    void anchorsAndMergeKeysAreResolved() throws IOException {
        write("anchors.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: anchors
                  labels: &labels
                    app: web
                data:
                  <<: *labels
                  extra: "1"
                """);

        GenericKubernetesResource object = render(".").get(0).object();
        assertThat(object.getAdditionalProperties().get("data")).isEqualTo(Map.of("app", "web", "extra", "1"));
    }

    @Test
    void aWronglyTypedMetadataFieldIsNamed() throws IOException {
        write("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  finalizers: some-value\n");

        assertThatThrownBy(() -> render("."))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("a.yaml:1: not a valid Kubernetes object at metadata.finalizers: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("some-value"));
    }

    @Test
    void hiddenDirectoriesAndFilesAreSkipped() throws IOException {
        write(".git/config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: git\n");
        write(".github/workflows/ci.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ci\n");
        write(".hidden.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hidden\n");
        write("visible.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: visible\n");

        assertThat(locations(render("."))).containsExactly("visible.yaml:1 ConfigMap/visible");
    }

    @Test
    void sourceIgnoreFilesApplyToTheirDirectoryAndBelow() throws IOException {
        String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s\n";
        write(".sourceignore", """
                # root rules
                /apps/staging/
                *.draft.yaml
                tests/
                """);
        write("apps/prod/a.yaml", cm.formatted("prod-a"));
        write("apps/prod/b.draft.yaml", cm.formatted("prod-draft"));
        write("apps/staging/s.yaml", cm.formatted("staging"));
        write("apps/tests/t.yaml", cm.formatted("tests"));
        write("infra/.sourceignore", """
                secret-*.yaml
                !secret-public.yaml
                """);
        write("infra/secret-private.yaml", cm.formatted("private"));
        write("infra/secret-public.yaml", cm.formatted("public"));
        write("infra/deep/secret-other.yaml", cm.formatted("deep-private"));
        write("other/secret-x.yaml", cm.formatted("outside-infra"));

        assertThat(locations(render("."))).containsExactly(
                "apps/prod/a.yaml:1 ConfigMap/prod-a",
                "infra/secret-public.yaml:1 ConfigMap/public",
                "other/secret-x.yaml:1 ConfigMap/outside-infra");
    }

    @Test
    void sourceIgnoreAboveTheRenderedPathStillApplies() throws IOException {
        write(".sourceignore", "*.skip.yaml\n");
        write("apps/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
        write("apps/b.skip.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n");

        assertThat(locations(render("apps"))).containsExactly("apps/a.yaml:1 ConfigMap/a");
    }

    @Test
    void aSingleFileCanBeThePath() throws IOException {
        write("apps/one.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n");

        assertThat(locations(render("apps/one.yaml"))).containsExactly("apps/one.yaml:1 ConfigMap/one");
    }

    @Test
    void pathEscapeWithDotDotIsRefused() throws IOException {
        Files.createDirectories(repo.resolve("apps"));

        assertThatThrownBy(() -> render("apps/../../etc"))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("'apps/../../etc'")
                .hasMessageContaining("..");
    }

    @Test
    void symlinkedPathLeadingOutsideIsRefused(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("x.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
        Files.createSymbolicLink(repo.resolve("escape"), outside);

        assertThatThrownBy(() -> render("escape"))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("'escape'")
                .hasMessageContaining("outside the repository");
        Files.delete(repo.resolve("escape"));
    }

    @Test
    void symlinkInsideTheWalkLeadingOutsideIsRefused(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("secret.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
        write("apps/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
        Files.createSymbolicLink(repo.resolve("apps/link.yaml"), outside.resolve("secret.yaml"));

        assertThatThrownBy(() -> render("apps"))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("apps/link.yaml")
                .hasMessageContaining("outside the repository");
        Files.delete(repo.resolve("apps/link.yaml"));
    }

    @Test
    void symlinkInsideTheRepositoryIsFollowed() throws IOException {
        write("shared/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\n");
        Files.createSymbolicLink(repo.resolve("current"), repo.resolve("shared"));

        assertThat(locations(render("current"))).containsExactly("shared/cm.yaml:1 ConfigMap/shared");
    }

    @Test
    void missingPathAndAbsolutePathAreClearErrors() {
        assertThatThrownBy(() -> render("does/not/exist"))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("'does/not/exist' does not exist");
        assertThatThrownBy(() -> render("/etc"))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("'/etc'")
                .hasMessageContaining("absolute");
    }

    @Test
    void facadeRendersThroughTheRenderer() throws IOException {
        write("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");

        assertThat(locations(GitOpsSync.render(new ManifestSource(repo, "r", "."), log))).containsExactly("a.yaml:1 ConfigMap/a");
    }
}
