package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.jenkins.plugins.gitopssync.engine.decrypt.Decryption;
import io.jenkins.plugins.gitopssync.engine.decrypt.DecryptionKeys;
import io.jenkins.plugins.gitopssync.testsupport.SopsRepoFiles;
import io.jenkins.plugins.gitopssync.engine.render.RenderOptions;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.JsonReport;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.engine.substitute.SubstituteFrom;
import io.jenkins.plugins.gitopssync.engine.substitute.Substitution;
import io.jenkins.plugins.gitopssync.testsupport.Sops;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A Kustomization with a sops-encrypted Secret, a ConfigMap with encrypted data and a secretGenerator
 * reading an encrypted env file (all encrypted by the real sops), plus Flux-style substitution from a
 * value, a secret value and a ConfigMap in the cluster: synced onto the test cluster. The cluster gets the
 * plain values; the log, the result, the report and the diffs get none of them.
 */
class SopsSyncClusterTest extends ClusterTestBase {

    private static final String SECRET_VARIABLE = "orders-db-4b1f";

    private RenderOptions options(Sops.AgeKey key) {
        Substitution substitution = new Substitution(Map.of("database", SECRET_VARIABLE), Set.of("database"),
                List.of(new SubstituteFrom(SubstituteFrom.Kind.CONFIG_MAP, "cluster-vars", false),
                        new SubstituteFrom(SubstituteFrom.Kind.SECRET, "absent-vars", true)), true);
        return RenderOptions.defaults().withDecryption(new Decryption(DecryptionKeys.parse(key.identityFile(), "key"), true))
                .withSubstitution(substitution);
    }

    @Test
    void encryptedFilesAndSubstitutedValuesReachTheClusterAndNothingElse() throws Exception {
        Sops.AgeKey key = Sops.ageKey(tmp, "cluster-a");
        SopsRepoFiles.kustomization(tmp, repo.dir().resolve("app"), key, ns);
        repo.commit("encrypted app");
        client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("cluster-vars")
                .endMetadata().addToData("cluster_env", "prod").build()).create();

        SyncResult first = engine.sync(request("app").renderOptions(options(key)).build());

        assertThat(first.errors()).isEmpty();
        assertThat(first.status()).isEqualTo(SyncStatus.Synced);
        assertThat(secret("db")).containsEntry("password", SopsRepoFiles.DB_PASSWORD)
                .containsEntry("url", "postgres://app@db:5432/" + SECRET_VARIABLE);
        assertThat(secret("app-env")).containsEntry("API_TOKEN", SopsRepoFiles.API_TOKEN);
        assertThat(client.configMaps().inNamespace(ns).withName("settings").get().getData())
                .containsEntry("mode", "prod").containsEntry("secretish", SopsRepoFiles.CONFIG_SECRET);

        SyncResult noop = engine.sync(request("app").renderOptions(options(key)).dryRun(true).build());
        assertThat(noop.objects()).as("the substituted state is the desired state: no drift")
                .allMatch(o -> o.action() == Action.UNCHANGED);

        client.configMaps().inNamespace(ns).withName("settings").edit(cm -> {
            cm.getData().put("secretish", "edited-in-cluster");
            return cm;
        });
        SyncResult drift = engine.sync(request("app").renderOptions(options(key)).dryRun(true).build());
        assertThat(object(drift, "ConfigMap", "settings").drift()).isTrue();
        // the line of a secret value is masked on both sides: the live side may hold an earlier secret (a rotation)
        assertThat(object(drift, "ConfigMap", "settings").diff()).contains("-  secretish: ***").contains("+  secretish: ***")
                .doesNotContain(SopsRepoFiles.CONFIG_SECRET);

        List<String> outputs = new ArrayList<>(log.infos);
        outputs.addAll(log.warnings);
        for (SyncResult r : List.of(first, noop, drift)) {
            outputs.add(JsonReport.toJson(r));
            r.objects().forEach(o -> outputs.add(o.diff()));
        }
        for (String plain : List.of(SopsRepoFiles.DB_PASSWORD, SopsRepoFiles.API_TOKEN, SopsRepoFiles.CONFIG_SECRET,
                SECRET_VARIABLE)) {
            assertThat(outputs).as("outputs holding " + plain).noneMatch(s -> s != null && s.contains(plain));
        }
    }

    @Test
    void aTamperedFileFailsTheSyncNamingItAndNothingIsApplied() throws Exception {
        Sops.AgeKey key = Sops.ageKey(tmp, "cluster-b");
        SopsRepoFiles.kustomization(tmp, repo.dir().resolve("app"), key, ns);
        // swap the two encrypted values of the Secret: each decrypts only under its own key path
        repo.edit("app/secret.yaml", text -> {
            String password = line(text, "password: ENC[");
            String url = line(text, "url: ENC[");
            return text.replace(password, "PLACEHOLDER").replace(url, url.replace("url:", "password:"))
                    .replace("PLACEHOLDER", password.replace("password:", "url:"));
        });
        repo.commit("tampered");
        client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("cluster-vars")
                .endMetadata().addToData("cluster_env", "prod").build()).create();

        SyncResult r = engine.sync(request("app").renderOptions(options(key)).build());

        assertThat(r.status()).isEqualTo(SyncStatus.Failed);
        assertThat(r.errors()).singleElement().asString().startsWith("app/secret.yaml: cannot decrypt")
                .contains("does not authenticate");
        assertThat(client.secrets().inNamespace(ns).withName("db").get()).isNull();
        assertThat(client.secrets().inNamespace(ns).withName("app-env").get()).isNull();
    }

    private Map<String, String> secret(String name) {
        Secret s = client.secrets().inNamespace(ns).withName(name).get();
        Map<String, String> out = new java.util.TreeMap<>();
        s.getData().forEach((k, v) -> out.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        return out;
    }

    private static String line(String text, String fragment) {
        return text.lines().filter(l -> l.contains(fragment)).findFirst().orElseThrow().strip();
    }
}
