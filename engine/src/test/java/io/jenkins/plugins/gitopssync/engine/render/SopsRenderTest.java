package io.jenkins.plugins.gitopssync.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopssync.engine.RecordingLog;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.decrypt.Decryption;
import io.jenkins.plugins.gitopssync.engine.decrypt.DecryptionKeys;
import io.jenkins.plugins.gitopssync.testsupport.SopsRepoFiles;
import io.jenkins.plugins.gitopssync.engine.process.Tools;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import io.jenkins.plugins.gitopssync.engine.substitute.Substitution;
import io.jenkins.plugins.gitopssync.testsupport.Sops;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders with sops files encrypted by the real sops: plain YAML and a Kustomization (real kubectl kustomize). */
class SopsRenderTest {

    @TempDir
    Path work;

    private RenderOptions options(Sops.AgeKey key) {
        return new RenderOptions(Tools.local()).withDecryption(new Decryption(DecryptionKeys.parse(key.identityFile(), "test key"), true));
    }

    @Test
    void aKustomizationsEncryptedFilesAreDecryptedOutsideTheCheckout() throws IOException {
        Sops.AgeKey key = Sops.ageKey(work, "k");
        Path repo = work.resolve("repo");
        SopsRepoFiles.kustomization(work, repo.resolve("app"), key, "shop");
        Map<String, String> before = snapshot(repo);
        RenderOptions options = options(key).withSubstitution(new Substitution(Map.of("database", "orders"), Set.of(), List.of(), true));

        List<Manifest> manifests = Renderer.render(new ManifestSource(repo, "rev", "app"), options, new RecordingLog());

        Map<String, Object> generated = data(manifests, "app-env");
        assertThat(decode(generated.get("API_TOKEN"))).isEqualTo(SopsRepoFiles.API_TOKEN);
        assertThat(stringData(manifests, "db")).containsEntry("password", SopsRepoFiles.DB_PASSWORD)
                .containsEntry("url", "postgres://app@db:5432/orders");
        assertThat(data(manifests, "settings")).containsEntry("secretish", SopsRepoFiles.CONFIG_SECRET)
                .as("a default, as Flux evaluates it").containsEntry("mode", "dev");
        assertThat(snapshot(repo)).as("the checkout is not touched").isEqualTo(before);
        assertThat(options.secrets().mask("x " + SopsRepoFiles.API_TOKEN + " " + SopsRepoFiles.CONFIG_SECRET + " " + SopsRepoFiles.DB_PASSWORD))
                .isEqualTo("x *** *** ***");
    }

    @Test
    void plainFilesAreDecryptedInMemoryAndNeverKeptInTheParseCache() throws IOException {
        Sops.AgeKey key = Sops.ageKey(work, "k");
        Path repo = work.resolve("repo");
        SopsRepoFiles.kustomization(work, repo.resolve("app"), key, "shop");
        Files.delete(repo.resolve("app/kustomization.yaml")); // the same files, rendered as plain YAML
        Path cache = work.resolve("parse-cache");

        List<Manifest> manifests = Renderer.render(new ManifestSource(repo, "rev", "app", cache), options(key),
                new RecordingLog());

        assertThat(stringData(manifests, "db")).containsEntry("password", SopsRepoFiles.DB_PASSWORD);
        String cached = Files.exists(cache) ? Files.readString(cache) : "";
        SopsRepoFiles.PLAINTEXTS.forEach(p -> assertThat(cached).doesNotContain(p));
    }

    @Test
    void anEncryptedFileWithoutItsKeyFailsNamingTheFileAndRecipient() throws IOException {
        Sops.AgeKey key = Sops.ageKey(work, "k");
        Sops.AgeKey other = Sops.ageKey(work, "other");
        Path repo = work.resolve("repo");
        SopsRepoFiles.kustomization(work, repo.resolve("app"), key, "shop");

        assertThatThrownBy(() -> Renderer.render(new ManifestSource(repo, "rev", "app"), options(other),
                new RecordingLog()))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("app/")
                .hasMessageContaining("cannot decrypt")
                .hasMessageContaining("encrypted for age " + key.recipient());
        assertThatThrownBy(() -> Renderer.render(new ManifestSource(repo, "rev", "app"), RenderOptions.defaults(),
                new RecordingLog()))
                .hasMessageContaining("no decryption keys were given");
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString(), Files.readString(f));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(List<Manifest> manifests, String name) {
        return (Map<String, Object>) find(manifests, name).getAdditionalProperties().get("data");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringData(List<Manifest> manifests, String name) {
        return (Map<String, Object>) find(manifests, name).getAdditionalProperties().get("stringData");
    }

    private static io.fabric8.kubernetes.api.model.GenericKubernetesResource find(List<Manifest> manifests, String name) {
        return manifests.stream().map(Manifest::object).filter(o -> o.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    private static String decode(Object base64) {
        return new String(Base64.getDecoder().decode(String.valueOf(base64)), StandardCharsets.UTF_8);
    }
}
