package io.jenkins.plugins.gitopssync.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes (a POSIX shell), as kubectl, helm and exec plugins are started. */
class LocalProcessRunnerTest {

    @TempDir
    Path dir;

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void theRunnersEnvironmentWithTheSpecsLaidOverIt() throws Exception {
        LocalProcessRunner runner = new LocalProcessRunner(env("FROM_BUILD", "build", "BOTH", "build"));

        ProcessResult r = runner.run(ProcessSpec.of(List.of("sh", "-c", "echo $FROM_BUILD $BOTH $FROM_SPEC"), dir.toString())
                .withEnvironment(Map.of("BOTH", "spec", "FROM_SPEC", "spec")));

        assertThat(r.succeeded()).isTrue();
        assertThat(r.stdoutText().strip()).isEqualTo("build spec spec");
    }

    @Test
    void variablesOfThisJvmThatTheRunnerDoesNotHaveAreNotPassed() throws Exception {
        LocalProcessRunner runner = new LocalProcessRunner(Map.of("PATH", System.getenv("PATH")));

        ProcessResult r = runner.run(ProcessSpec.of(List.of("sh", "-c", "echo \"[$HOME]\""), dir.toString()));

        assertThat(r.stdoutText().strip()).isEqualTo("[]");
    }

    @Test
    void stdinWorkingDirectoryStderrAndExitCode() throws Exception {
        ProcessResult r = LocalProcessRunner.ofThisProcess().run(ProcessSpec.of(
                List.of("sh", "-c", "cat; pwd; echo oops >&2; exit 3"), dir.toString()).withStdin("input\n"));

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stdoutText()).isEqualTo("input\n" + dir.toRealPath() + "\n");
        assertThat(r.stderr()).isEqualTo("oops\n");
    }

    @Test
    void outputBeyondTheLimitIsMarkedTruncated() throws Exception {
        ProcessResult r = LocalProcessRunner.ofThisProcess().run(ProcessSpec.of(
                List.of("sh", "-c", "printf 0123456789"), dir.toString()).withMaxOutputBytes(4));

        assertThat(r.truncated()).isTrue();
        assertThat(r.outputBytes()).isEqualTo(10);
        assertThat(r.stdoutText()).isEqualTo("0123");
    }

    @Test
    void aProcessThatRunsTooLongIsKilledWithWhatItStarted() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        long started = System.nanoTime();

        assertThatThrownBy(() -> LocalProcessRunner.ofThisProcess().run(ProcessSpec.of(
                List.of("sh", "-c", "sleep 60 & echo $! > " + pidFile + "; wait"), dir.toString())
                .withTimeout(Duration.ofMillis(500))))
                .isInstanceOf(ProcessTimeoutException.class)
                .hasMessageContaining("sh did not finish");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        long child = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).as("the grandchild sleep").isFalse();
    }

    @Test
    void aMissingProgramIsAnIoError() {
        assertThatThrownBy(() -> LocalProcessRunner.ofThisProcess().run(ProcessSpec.of(List.of("no-such-program-xyz"), null)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no-such-program-xyz");
    }

    @Test
    void bareNamesAreLookedUpOnTheEnvironmentsPath() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path tool = bin.resolve("only-here");
        Files.writeString(tool, "#!/bin/sh\necho found\n");
        tool.toFile().setExecutable(true);

        assertThat(CommandLookup.resolve("only-here", Map.of("PATH", "/nonexistent:" + bin), false)).isEqualTo(tool.toString());
        assertThat(CommandLookup.resolve("only-here", Map.of("PATH", "/nonexistent"), false)).isEqualTo("only-here");
        assertThat(CommandLookup.resolve("./rel/tool", Map.of("PATH", bin.toString()), false)).isEqualTo("./rel/tool");
        ProcessResult r = new LocalProcessRunner(env("PATH", bin + ":" + System.getenv("PATH")))
                .run(ProcessSpec.of(List.of("only-here"), dir.toString()));
        assertThat(r.stdoutText()).isEqualTo("found\n");
    }
}
