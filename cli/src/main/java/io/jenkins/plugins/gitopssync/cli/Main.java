package io.jenkins.plugins.gitopssync.cli;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/**
 * Entry point of the {@code gitops-sync} jar. Every failure becomes one "error: ..." line on stderr
 * and exit code 2; the stack trace only with --verbose. All output, picocli's usage text included,
 * passes through the {@link Redactor}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err, System.getenv(), Path.of("").toAbsolutePath(),
                Path.of(System.getProperty("user.home")));
        System.exit(code);
    }

    /** Runs one command in-process; returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env,
                          Path workingDirectory, Path home) {
        Environment environment = new Environment(env, out, err, workingDirectory, home);
        StringWriter usageOut = new StringWriter();
        StringWriter usageErr = new StringWriter();
        CommandLine cl = new CommandLine(new GitOpsSyncCli(environment));
        cl.setOut(new PrintWriter(usageOut, true));
        cl.setErr(new PrintWriter(usageErr, true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // a usage mistake: the message and where to look, not the whole help text
        cl.setParameterExceptionHandler((e, arguments) -> {
            CommandLine failing = e.getCommandLine();
            failing.getErr().println("error: " + e.getMessage());
            failing.getErr().println("Try '" + failing.getCommandSpec().qualifiedName() + " --help' for the options.");
            return ExitCodes.ERROR;
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            reportError(environment, e);
            return ExitCodes.ERROR;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (RuntimeException | Error e) {
            // picocli lets nothing through normally; this is the last guard for a clean message
            reportError(environment, e);
            code = ExitCodes.ERROR;
        }
        if (usageOut.getBuffer().length() > 0) {
            out.print(environment.redactor().redact(usageOut.toString()));
        }
        if (usageErr.getBuffer().length() > 0) {
            err.print(environment.redactor().redact(usageErr.toString()));
        }
        out.flush();
        err.flush();
        return code;
    }

    private static void reportError(Environment env, Throwable e) {
        env.err().println("error: " + env.redactor().redact(message(e)));
        if (env.verbose()) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            env.err().print(env.redactor().redact(trace.toString()));
        }
    }

    /** The user-facing text: SyncException's message as it is; others with what kind of failure it was. */
    static String message(Throwable e) {
        if (e instanceof SyncException) {
            return e.getMessage();
        }
        if (e instanceof KubernetesClientException k) {
            String m = k.getMessage();
            return "Kubernetes API: " + (m == null ? k.getClass().getSimpleName() : m.strip());
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + m;
    }
}
