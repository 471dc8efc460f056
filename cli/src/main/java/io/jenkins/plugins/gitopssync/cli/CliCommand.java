package io.jenkins.plugins.gitopssync.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * What every subcommand reads: the run's environment (held by the parent command), the repository and path
 * (at least for the ApplySet's default name), the ApplySet, and how much to print. Picocli reads a
 * superclass's mixins as the subclass's own.
 */
abstract class CliCommand implements Callable<Integer> {

    @ParentCommand
    GitOpsSyncCli parent;

    @Mixin
    SourceOptions source;

    @Mixin
    ApplySetOptions applySet;

    @Mixin
    OutputOptions output;
}
