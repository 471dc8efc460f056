package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.render.RenderOptions;
import io.jenkins.plugins.gitopssync.engine.process.LocalProcessRunner;
import io.jenkins.plugins.gitopssync.engine.process.Tools;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How build, diff and sync render: the programs they run, a chart's options, sops decryption and post-build substitution. */
final class RenderFlags {

    @Mixin
    ChartOptions chart;

    @Option(names = "--kubectl", paramLabel = "PATH",
            description = "The kubectl that builds Kustomizations. Default: $GITOPS_KUBECTL, else kubectl on the PATH.")
    String kubectl;

    @Mixin
    DecryptionFlags decryption;

    @Mixin
    SubstitutionFlags substitution;

    RenderOptions options(Environment env) {
        // programs start in this command's environment, as the Jenkins step starts them in the build's
        return RenderOptions.defaults().withTools(new Tools(new LocalProcessRunner(env.variables()), kubectl, chart.helm))
                .withHelm(chart.helmOptions(env))
                .withDecryption(decryption.decryption(env))
                .withSubstitution(substitution.substitution());
    }
}
