package io.jenkins.plugins.gitopssync.cli;

import picocli.CommandLine.Mixin;

/** What build, diff and sync add: a ref to check out, the signatures it must carry, how to render it. */
abstract class RenderCommand extends CliCommand {

    @Mixin
    RefOption ref;

    @Mixin
    SignatureOptions signatures;

    @Mixin
    RenderFlags render;
}
