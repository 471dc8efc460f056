package io.jenkins.plugins.gitopssync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A private repository's credential never reaches stdout or stderr, not even on error. */
class CredentialsTest {

    private static final String PASSWORD = "s3cr3t-Pa55word-42";

    @TempDir
    Path tmp;

    @Test
    void passwordInTheUrlIsRefusedWithoutBeingPrinted() {
        CliRunner.Run run = new CliRunner(tmp).run("diff", "--verbose", "--report", "r.json",
                "--repo", "https://alice:" + PASSWORD + "@git.example.invalid/org/manifests.git");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error: --repo https://git.example.invalid/org/manifests.git holds a password")
                .contains("GITOPS_SYNC_GIT_PASSWORD");
        assertThat(run.all()).doesNotContain(PASSWORD).doesNotContain("alice:");
    }

    @Test
    void passwordFromTheEnvironmentIsSentButNeverPrinted() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger withAuthorization = new AtomicInteger();
        server.createContext("/", exchange -> {
            if (exchange.getRequestHeaders().getFirst("Authorization") != null) {
                withAuthorization.incrementAndGet();
            }
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://bob@127.0.0.1:" + server.getAddress().getPort() + "/org/private.git";
            CliRunner.Run run = new CliRunner(tmp)
                    .env(GitCredentials.USERNAME, "bob")
                    .env(GitCredentials.PASSWORD, PASSWORD)
                    .run("sync", "--verbose", "--repo", url, "--badge", "b.svg");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(withAuthorization.get()).as("the credential was offered to the server").isPositive();
            assertThat(run.err()).contains("error: git: cannot fetch http://127.0.0.1:");
            assertThat(run.all()).doesNotContain(PASSWORD).doesNotContain("bob@");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void redactorStripsUserInfoAndMasksSecrets() {
        Redactor r = new Redactor(java.util.List.of(PASSWORD, "ab"));
        assertThat(r.redact("fetch https://u:" + PASSWORD + "@h/x.git and ssh://git@h/y then " + PASSWORD + "!"))
                .isEqualTo("fetch https://h/x.git and ssh://h/y then ***!");
        assertThat(r.redact("ab stays: too short to mask")).isEqualTo("ab stays: too short to mask");
        assertThat(new GitCredentials("u", PASSWORD, null, null, "passphrase-value").toString()).doesNotContain(PASSWORD).doesNotContain("passphrase-value");
    }
}
