package io.jenkins.plugins.gitopssync.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubeconfigs for the test cluster in the shapes real clusters need: a token user, an exec credential plugin,
 * a second context, a proxy-url. Each has two contexts: {@code real} (the test cluster) and {@code broken} (a
 * closed port on loopback), so a test can prove which one was used.
 */
public final class Kubeconfigs {

    private Kubeconfigs() {
    }

    /** The admin kubeconfig's server, token and CA certificate (base64), as a kubeconfig credential holds them. */
    public record Admin(String server, String token, String caData) {
    }

    public static Admin admin() {
        String text = TestCluster.kubeconfigContent();
        return new Admin(field(text, "server"), field(text, "token"), field(text, "certificate-authority-data"));
    }

    private static String field(String text, String name) {
        Matcher m = Pattern.compile("(?m)^\\s*" + name + ":\\s*(\\S+)\\s*$").matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in the test cluster's kubeconfig");
        }
        return m.group(1);
    }

    /**
     * A kubeconfig of the test cluster.
     *
     * @param current  the current-context: {@code real} or {@code broken}
     * @param userYaml the user's fields (unindented YAML), e.g. {@code "token: abc"}
     * @param proxyUrl the real cluster's proxy-url, or null
     */
    public static String of(String current, String userYaml, String proxyUrl) {
        Admin a = admin();
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: nowhere
                  cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}
                - name: real
                  cluster:
                    server: %s
                    certificate-authority-data: %s
                %s
                users:
                - name: u
                  user:
                %s
                contexts:
                - name: broken
                  context: {cluster: nowhere, user: u}
                - name: real
                  context: {cluster: real, user: u}
                current-context: %s
                """.formatted(a.server(), a.caData(), proxyUrl == null ? "" : "    proxy-url: " + proxyUrl,
                userYaml.indent(4).stripTrailing(), current);
    }

    /** The admin's token, written into the kubeconfig. */
    public static String tokenUser() {
        return "token: " + admin().token();
    }

    /** A user whose credential comes from the exec plugin {@code command}. */
    public static String execUser(String command) {
        return "exec:\n  apiVersion: client.authentication.k8s.io/v1beta1\n  command: " + command + "\n";
    }

    /**
     * An exec credential plugin (a shell script in {@code dir}) that prints the admin token it finds in the
     * environment variable {@code variable}, and fails with "error: VARIABLE is not set; log in first" without it,
     * as cloud plugins fail without their login.
     */
    public static Path tokenPlugin(Path dir, String variable) {
        Path plugin = dir.resolve("token-plugin-" + variable.toLowerCase(java.util.Locale.ROOT));
        try {
            Files.createDirectories(dir);
            Files.writeString(plugin, """
                    #!/bin/sh
                    if [ -z "$%1$s" ]; then echo "error: %1$s is not set; log in first" >&2; exit 2; fi
                    printf '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"%%s"}}' "$%1$s"
                    """.formatted(variable));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!plugin.toFile().setExecutable(true)) {
            throw new IllegalStateException("cannot make " + plugin + " executable");
        }
        return plugin;
    }
}
