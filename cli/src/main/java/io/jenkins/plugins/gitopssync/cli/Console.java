package io.jenkins.plugins.gitopssync.cli;

import java.io.PrintStream;

/**
 * The terminal: results on stdout, progress and problems on stderr, every line redacted.
 * {@code --quiet} keeps stdout to the summary and drops progress; {@code --verbose} adds detail.
 */
final class Console {

    private final PrintStream out;
    private final PrintStream err;
    private final Redactor redactor;
    private final boolean quiet;
    private final boolean verbose;

    Console(PrintStream out, PrintStream err, Redactor redactor, boolean quiet, boolean verbose) {
        this.out = out;
        this.err = err;
        this.redactor = redactor;
        this.quiet = quiet;
        this.verbose = verbose;
    }

    boolean quiet() {
        return quiet;
    }

    boolean verbose() {
        return verbose;
    }

    /** A result line (object outcome, diff, YAML); dropped with --quiet. */
    void result(String text) {
        if (!quiet) {
            out.println(redactor.redact(text));
        }
    }

    /** The summary: printed even with --quiet. */
    void summary(String text) {
        out.println(redactor.redact(text));
    }

    /** Raw stdout content that is the command's product (build's YAML): printed even with --quiet. */
    void product(String text) {
        out.print(redactor.redact(text));
    }

    void progress(String text) {
        if (!quiet) {
            err.println(redactor.redact(text));
        }
    }

    void debug(String text) {
        if (verbose) {
            err.println(redactor.redact(text));
        }
    }

    void warn(String text) {
        err.println("warning: " + redactor.redact(text));
    }

    void error(String text) {
        err.println("error: " + redactor.redact(text));
    }

    void flush() {
        out.flush();
        err.flush();
    }
}
