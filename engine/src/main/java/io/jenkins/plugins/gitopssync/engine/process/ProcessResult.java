package io.jenkins.plugins.gitopssync.engine.process;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * How a process ended.
 *
 * @param exitCode  its exit status
 * @param stdout    standard output, at most the spec's {@code maxOutputBytes}
 * @param stderr    standard error as text, at most {@link ProcessSpec#MAX_ERROR_BYTES}
 * @param truncated standard output was longer than the spec allowed (its size is {@code outputBytes})
 * @param outputBytes how many bytes the process wrote to standard output
 */
public record ProcessResult(int exitCode, byte[] stdout, String stderr, boolean truncated, long outputBytes)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }
}
