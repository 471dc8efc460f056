package io.jenkins.plugins.gitopssync.cli;

import picocli.CommandLine.Option;

/** --quiet / --verbose, shared by every command. */
final class OutputOptions {

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary line (and errors).")
    boolean quiet;

    @Option(names = {"-v", "--verbose"},
            description = "Also print unchanged objects, diffs of applied objects, debug detail and stack traces.")
    boolean verbose;
}
