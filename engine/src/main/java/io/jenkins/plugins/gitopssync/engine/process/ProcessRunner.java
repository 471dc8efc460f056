package io.jenkins.plugins.gitopssync.engine.process;

import java.io.IOException;
import java.util.Map;

/**
 * Starts the external programs a sync needs ({@code kubectl kustomize}, {@code helm}, a kubeconfig's
 * {@code exec} credential plugin) where and as the caller decides: the CLI in its own process environment
 * ({@link LocalProcessRunner}); the Jenkins plugin through the build's launcher, with the build's environment,
 * so {@code withCredentials}, {@code withEnv}, tools on the build's PATH and {@code container()} all apply.
 */
public interface ProcessRunner {

    /** The environment every process gets before {@link ProcessSpec#environment()} is laid over it. */
    Map<String, String> environment();

    /**
     * Runs one process to its end (or until its timeout or an interrupt, which kill it and what it started).
     *
     * @throws IOException when the program cannot be started (not found, not executable) or its output read
     * @throws ProcessTimeoutException when it ran longer than the spec's timeout
     */
    ProcessResult run(ProcessSpec spec) throws IOException, InterruptedException;
}
