package io.jenkins.plugins.gitopssync.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a run gets from outside: environment variables, the two output streams, the working and
 * home directories. Passed in (not read from System) so tests run the CLI in-process.
 */
final class Environment {

    static final String CACHE = "GITOPS_SYNC_CACHE";

    private final Map<String, String> variables;
    private final PrintStream out;
    private final PrintStream err;
    private final Path workingDirectory;
    private final Path home;
    private final Redactor redactor;
    private boolean verbose;

    Environment(Map<String, String> variables, PrintStream out, PrintStream err, Path workingDirectory, Path home) {
        this.variables = Map.copyOf(variables);
        this.out = out;
        this.err = err;
        this.workingDirectory = workingDirectory;
        this.home = home;
        List<String> secrets = new ArrayList<>(GitCredentials.secretValues(variables));
        secrets.addAll(ChartOptions.secretValues(variables));
        this.redactor = new Redactor(secrets);
    }

    String get(String name) {
        String v = variables.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    Map<String, String> variables() {
        return variables;
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    Path home() {
        return home;
    }

    Redactor redactor() {
        return redactor;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /** $GITOPS_SYNC_CACHE, else $XDG_CACHE_HOME/gitops-sync, else ~/.cache/gitops-sync. */
    Path cacheRoot() {
        String explicit = get(CACHE);
        if (explicit != null) {
            return workingDirectory.resolve(explicit).toAbsolutePath().normalize();
        }
        String xdg = get("XDG_CACHE_HOME");
        return (xdg != null ? Path.of(xdg) : home.resolve(".cache")).resolve("gitops-sync");
    }

    Console console(OutputOptions output) {
        verbose = output.verbose;
        return new Console(out, err, redactor, output.quiet, output.verbose);
    }

    /**
     * Who runs this, for the audit trail in the ApplySet parent: {@code gitops-sync user@host}. The host
     * name comes from $HOSTNAME or the kernel, never from a name lookup.
     */
    String origin() {
        String user = get("USER") != null ? get("USER") : System.getProperty("user.name", "unknown");
        String host = get("HOSTNAME");
        if (host == null) {
            try {
                host = java.nio.file.Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            } catch (java.io.IOException | RuntimeException e) {
                host = "unknown-host";
            }
        }
        return "gitops-sync " + user + "@" + host;
    }

    /** Whether the running command asked for --verbose (stack traces on unexpected errors). */
    boolean verbose() {
        return verbose;
    }
}
