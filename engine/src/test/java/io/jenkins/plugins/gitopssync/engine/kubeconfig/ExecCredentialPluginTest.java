package io.jenkins.plugins.gitopssync.engine.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.process.LocalProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real exec plugins (shell scripts), started as client-go starts them. */
class ExecCredentialPluginTest {

    @TempDir
    Path dir;

    private Path script(String name, String body) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, "#!/bin/sh\n" + body);
        f.toFile().setExecutable(true);
        return f;
    }

    private static ExecConfig exec(String command, List<String> args, Map<String, String> env) {
        return new ExecConfig(command, args, env, ExecConfig.V1, true, "install it from the vendor");
    }

    private static LocalProcessRunner runner(String... pairs) {
        Map<String, String> env = new HashMap<>(System.getenv());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return new LocalProcessRunner(env);
    }

    @Test
    void theTokenComesFromThePluginRunWithTheCallersEnvironmentAndItsOwn() throws Exception {
        Path plugin = script("get-token", """
                [ -n "$FROM_BUILD" ] || { echo "FROM_BUILD is not set" >&2; exit 1; }
                echo "$KUBERNETES_EXEC_INFO" > "$(dirname "$0")/info.json"
                printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s-%s-%s"}}' \\
                  "$FROM_BUILD" "$FROM_EXEC" "$1"
                """);
        ExecCredentialPlugin p = new ExecCredentialPlugin(exec(plugin.toString(), List.of("arg"), Map.of("FROM_EXEC", "exec")),
                runner("FROM_BUILD", "build"), null, Map.of("server", "https://k:6443"), "ci", Clock.systemUTC());

        assertThat(p.credential().token()).isEqualTo("build-exec-arg");
        assertThat(Files.readString(dir.resolve("info.json")))
                .contains("\"kind\":\"ExecCredential\"").contains("\"interactive\":false").contains("\"server\":\"https://k:6443\"");
    }

    @Test
    void withoutTheVariableThePluginsOwnMessageFailsTheConnection() throws Exception {
        Path plugin = script("get-token", "echo \"error: no AWS credentials in the environment\" >&2\nexit 4\n");
        ExecCredentialPlugin p = new ExecCredentialPlugin(exec(plugin.toString(), List.of(), Map.of()), runner(), null, null,
                "ci", Clock.systemUTC());

        assertThatThrownBy(p::credential).isInstanceOf(SyncException.class)
                .hasMessage("the exec plugin '" + plugin + "' of kubeconfig user 'ci' failed (exit 4): "
                        + "error: no AWS credentials in the environment");
    }

    @Test
    void aMissingPluginGivesTheInstallHint() {
        ExecCredentialPlugin p = new ExecCredentialPlugin(exec("no-such-auth-plugin", List.of(), Map.of()), runner(), null, null,
                "ci", Clock.systemUTC());

        assertThatThrownBy(p::credential).hasMessageContaining("could not be started").hasMessageEndingWith("install it from the vendor");
    }

    @Test
    void theCredentialIsKeptUntilShortlyBeforeItExpires() throws Exception {
        Path count = dir.resolve("count");
        Path plugin = script("get-token", """
                echo x >> "%s"
                printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"t%%s","expirationTimestamp":"2030-01-01T00:10:00Z"}}' $(wc -l < "%s")
                """.formatted(count, count));
        MovableClock clock = new MovableClock(Instant.parse("2030-01-01T00:00:00Z"));
        ExecCredentialPlugin p = new ExecCredentialPlugin(exec(plugin.toString(), List.of(), Map.of()), runner(), null, null,
                "ci", clock);

        assertThat(p.credential().token()).isEqualTo("t1");
        clock.now = Instant.parse("2030-01-01T00:09:00Z");
        assertThat(p.credential().token()).isEqualTo("t1");
        clock.now = Instant.parse("2030-01-01T00:09:45Z");
        assertThat(p.credential().token()).isEqualTo("t2");
    }

    @Test
    void aRelativeCommandResolvesAgainstTheKubeconfigsDirectory() throws Exception {
        Files.createDirectories(dir.resolve("bin"));
        script("bin/tok", "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                + "\"status\":{\"clientCertificateData\":\"CERT\",\"clientKeyData\":\"KEY\"}}'\n");
        ExecCredentialPlugin p = new ExecCredentialPlugin(exec("./bin/tok", List.of(), Map.of()), runner(), dir, null, "ci",
                Clock.systemUTC());

        ExecCredential c = p.credential();
        assertThat(c.token()).isNull();
        assertThat(c.clientCertificateData()).isEqualTo("CERT");
        assertThat(c.toString()).doesNotContain("CERT").doesNotContain("KEY");
    }

    @Test
    void outputThatIsNoExecCredentialIsRefusedWithoutQuotingIt() throws Exception {
        Path plugin = script("get-token", "echo 'token: hunter2'\n");
        ExecCredentialPlugin p = new ExecCredentialPlugin(exec(plugin.toString(), List.of(), Map.of()), runner(), null, null,
                "ci", Clock.systemUTC());

        assertThatThrownBy(p::credential).hasMessageContaining("not an ExecCredential").hasMessageNotContaining("hunter2");
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
