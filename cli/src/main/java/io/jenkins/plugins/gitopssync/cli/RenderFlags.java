package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.render.RenderOptions;
import picocli.CommandLine.Mixin;

/** How build, diff and sync render: sops decryption and post-build substitution. */
final class RenderFlags {

    @Mixin
    DecryptionFlags decryption;

    @Mixin
    SubstitutionFlags substitution;

    RenderOptions options(Environment env) {
        return RenderOptions.defaults().withDecryption(decryption.decryption(env))
                .withSubstitution(substitution.substitution());
    }
}
