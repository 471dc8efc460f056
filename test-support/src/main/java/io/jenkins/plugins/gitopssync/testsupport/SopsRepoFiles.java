package io.jenkins.plugins.gitopssync.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Kustomization as a Flux user keeps it: an encrypted Secret (data and stringData encrypted), a ConfigMap
 * whose data is encrypted, and a secretGenerator reading an encrypted env file; all encrypted in place by
 * the real sops for an age key made here. The ConfigMap names ${database}, a variable a test gives a secret value. The plain values are constants, to scan outputs for.
 */
public final class SopsRepoFiles {

    public static final String DB_PASSWORD = "db-pass-7c1e9a52";
    public static final String API_TOKEN = "api-token-3f0d8b6e";
    public static final String CONFIG_SECRET = "config-secret-5a2b";
    public static final List<String> PLAINTEXTS = List.of(DB_PASSWORD, API_TOKEN, CONFIG_SECRET);

    private SopsRepoFiles() {
    }

    /** Writes {@code dir}/kustomization.yaml and its files, encrypted for {@code key}; {@code ns} names the namespace. */
    public static void kustomization(Path work, Path dir, Sops.AgeKey key, String ns) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: %s
                resources:
                  - secret.yaml
                  - settings.yaml
                secretGenerator:
                  - name: app-env
                    envs:
                      - app.env
                generatorOptions:
                  disableNameSuffixHash: true
                """.formatted(ns));
        Files.writeString(dir.resolve("secret.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: db
                type: Opaque
                stringData:
                  password: %s
                  url: postgres://app@db:5432/${database}
                """.formatted(DB_PASSWORD));
        Files.writeString(dir.resolve("settings.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  mode: ${cluster_env:=dev}
                  database: ${database}
                  secretish: %s
                """.formatted(CONFIG_SECRET));
        Files.writeString(dir.resolve("app.env"), "API_TOKEN=" + API_TOKEN + "\nLOG_LEVEL=info\n");
        encrypt(work, key, dir.resolve("secret.yaml"), "^(data|stringData)$");
        encrypt(work, key, dir.resolve("settings.yaml"), "^data$");
        encrypt(work, key, dir.resolve("app.env"), null);
    }

    public static void encrypt(Path work, Sops.AgeKey key, Path file, String encryptedRegex) throws IOException {
        List<String> args = new ArrayList<>(List.of("encrypt", "--in-place", "--age", key.recipient()));
        if (encryptedRegex != null) {
            args.addAll(List.of("--encrypted-regex", encryptedRegex));
        }
        args.add(file.toString());
        Sops.ok(Map.of(), work, args.toArray(String[]::new));
    }
}
