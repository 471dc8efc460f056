package io.jenkins.plugins.gitopssync.engine.process;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One program to run.
 *
 * @param command        the program (a bare name is looked up on the PATH of the process's environment) and its
 *                       arguments
 * @param directory      the working directory (absolute path where the process runs), or null for the runner's
 * @param environment    variables laid over the runner's environment (e.g. an exec plugin's {@code env})
 * @param stdin          what the process reads, or null for nothing
 * @param timeout        how long it may run before it is killed
 * @param maxOutputBytes how much of standard output is kept; more marks the result truncated
 * @param secretValues   values that must not appear in anything derived from the command (arguments of a
 *                       launcher's log line); the runner masks them where it prints the command
 */
public record ProcessSpec(List<String> command, String directory, Map<String, String> environment, byte[] stdin,
                          Duration timeout, long maxOutputBytes, List<String> secretValues) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    /** Standard error is kept up to this size: messages, not data. */
    public static final int MAX_ERROR_BYTES = 64 * 1024;

    public ProcessSpec {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no command");
        }
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        maxOutputBytes = maxOutputBytes <= 0 ? Long.MAX_VALUE : maxOutputBytes;
        secretValues = secretValues == null ? List.of() : List.copyOf(secretValues);
    }

    public static ProcessSpec of(List<String> command, String directory) {
        return new ProcessSpec(command, directory, Map.of(), null, DEFAULT_TIMEOUT, 0, List.of());
    }

    public ProcessSpec withEnvironment(Map<String, String> env) {
        return new ProcessSpec(command, directory, env, stdin, timeout, maxOutputBytes, secretValues);
    }

    public ProcessSpec withStdin(String text) {
        return new ProcessSpec(command, directory, environment, text == null ? null : text.getBytes(StandardCharsets.UTF_8),
                timeout, maxOutputBytes, secretValues);
    }

    public ProcessSpec withTimeout(Duration t) {
        return new ProcessSpec(command, directory, environment, stdin, t, maxOutputBytes, secretValues);
    }

    public ProcessSpec withMaxOutputBytes(long max) {
        return new ProcessSpec(command, directory, environment, stdin, timeout, max, secretValues);
    }

    public ProcessSpec withSecretValues(List<String> values) {
        return new ProcessSpec(command, directory, environment, stdin, timeout, maxOutputBytes, values);
    }

    /** The program as written, for messages. */
    public String program() {
        return command.get(0);
    }
}
