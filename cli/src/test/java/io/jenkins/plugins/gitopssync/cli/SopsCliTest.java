package io.jenkins.plugins.gitopssync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.jenkins.plugins.gitopssync.testsupport.Sops;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import io.jenkins.plugins.gitopssync.testsupport.TestRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI with sops files (encrypted by the real sops) and substitution: keys from the environment, as sops reads them. */
class SopsCliTest {

    private static final String PASSWORD = "cli-pass-91d3e0";
    private static final String IN_CONFIG = "cli-config-77ab";
    private static final String FROM_SECRET = "cli-secret-var-2c";

    @TempDir
    Path tmp;

    private TestRepo repo(Sops.AgeKey key, String ns) throws Exception {
        TestRepo repo = TestRepo.create(tmp.resolve("repo"));
        repo.write("app/secret.yaml", """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: db
                  namespace: %s
                stringData:
                  password: %s
                """.formatted(ns, PASSWORD));
        repo.write("app/config.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: config
                  namespace: %s
                data:
                  token: %s
                  env: ${cluster_env}
                  fromSecret: ${secret_var:=none}
                """.formatted(ns, IN_CONFIG));
        for (String[] f : new String[][] {{"app/secret.yaml", "^(data|stringData)$"}, {"app/config.yaml", "^token$"}}) {
            Sops.ok(Map.of(), tmp, "encrypt", "--in-place", "--age", key.recipient(), "--encrypted-regex", f[1],
                    repo.dir().resolve(f[0]).toString());
        }
        repo.commit("encrypted");
        return repo;
    }

    @Test
    void buildDecryptsWithTheKeyFromTheEnvironmentAndMasksEveryDecryptedValue() throws Exception {
        Sops.AgeKey key = Sops.ageKey(tmp, "cli");
        Path keyFile = Files.writeString(tmp.resolve("keys.txt"), key.identityFile());
        try (TestRepo repo = repo(key, "shop")) {
            CliRunner cli = new CliRunner(tmp).env("SOPS_AGE_KEY_FILE", keyFile.toString());
            String[] build = {"build", "--repo", repo.dir().toString(), "--path", "app", "--substitute", "cluster_env=prod"};

            CliRunner.Run masked = cli.run(build);
            assertThat(masked.exitCode()).as(masked.toString()).isEqualTo(0);
            assertThat(masked.out()).contains("env: prod").contains("token: '***'").doesNotContain(IN_CONFIG).doesNotContain(PASSWORD);

            CliRunner.Run shown = cli.run(append(build, "--show-secrets"));
            assertThat(shown.out()).contains(IN_CONFIG).contains(PASSWORD).contains("fromSecret: none");

            CliRunner.Run inline = new CliRunner(tmp).env("SOPS_AGE_KEY", key.identityFile()).run(append(build, "--show-secrets"));
            assertThat(inline.out()).as("SOPS_AGE_KEY, as sops reads it").contains(PASSWORD);

            CliRunner.Run noKey = new CliRunner(tmp).run(build);
            assertThat(noKey.exitCode()).isEqualTo(2);
            assertThat(noKey.err()).contains("error: app/config.yaml: cannot decrypt").contains("encrypted for age " + key.recipient())
                    .contains("no decryption keys were given");

            CliRunner.Run strict = cli.run("build", "--repo", repo.dir().toString(), "--path", "app", "--substitute", "other=x");
            assertThat(strict.exitCode()).isEqualTo(2);
            assertThat(strict.err()).contains("app/config.yaml:1: ConfigMap/config: variable 'cluster_env' is not defined");
            CliRunner.Run lenient = cli.run("build", "--repo", repo.dir().toString(), "--path", "app", "--substitute", "other=x",
                    "--no-strict-substitution");
            assertThat(lenient.exitCode()).as(lenient.toString()).isEqualTo(0);
        }
    }

    @Test
    void syncSubstitutesFromASecretInTheClusterAndPrintsNoSecretValue() throws Exception {
        TestCluster cluster = TestCluster.connect();
        try {
            String ns = cluster.createNamespace(cluster.name("gsc-sops"));
            cluster.client().secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName("vars")
                    .endMetadata().addToData("secret_var", Base64.getEncoder().encodeToString(FROM_SECRET.getBytes(StandardCharsets.UTF_8)))
                    .build()).create();
            Sops.AgeKey key = Sops.ageKey(tmp, "cli");
            try (TestRepo repo = repo(key, ns)) {
                Path report = tmp.resolve("report.json");
                CliRunner.Run run = new CliRunner(tmp).env("SOPS_AGE_KEY", key.identityFile()).run("sync", "--repo",
                        repo.dir().toString(), "--path", "app", "--kubeconfig", TestCluster.kubeconfig().toString(),
                        "--namespace", ns, "--substitute", "cluster_env=staging", "--substitute-from", "secret/vars",
                        "--substitute-from", "configmap/absent?", "--report", report.toString(), "--verbose");

                assertThat(run.exitCode()).as(run.toString()).isEqualTo(0);
                Map<String, String> data = cluster.client().configMaps().inNamespace(ns).withName("config").get().getData();
                assertThat(data).containsEntry("token", IN_CONFIG).containsEntry("env", "staging").containsEntry("fromSecret", FROM_SECRET);
                String everything = run.all() + Files.readString(report);
                assertThat(everything).doesNotContain(PASSWORD).doesNotContain(IN_CONFIG).doesNotContain(FROM_SECRET);
            }
        } finally {
            cluster.close();
        }
    }

    private static String[] append(String[] a, String... more) {
        String[] out = java.util.Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }
}
