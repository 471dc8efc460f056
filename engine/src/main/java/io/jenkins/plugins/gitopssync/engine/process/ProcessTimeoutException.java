package io.jenkins.plugins.gitopssync.engine.process;

import java.io.IOException;
import java.time.Duration;

/** A process ran longer than its spec allowed and was killed. */
public final class ProcessTimeoutException extends IOException {

    private static final long serialVersionUID = 1L;

    public ProcessTimeoutException(String program, Duration timeout) {
        super(program + " did not finish within " + timeout.toSeconds() + " s and was stopped");
    }
}
