package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.config.ChartChecks;
import io.jenkins.plugins.gitopssync.config.SyncSpec;
import io.jenkins.plugins.gitopssync.engine.render.HelmOptions;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import java.nio.file.Path;

/**
 * A sync's chart options on the agent: the chart options of the job and the build's {@link ChartInputs}, and the
 * workspace's {@code <checkout>@tmp} for Helm's temporary files, so a process in the build's container sees them
 * too.
 */
final class ChartRender {

    private ChartRender() {
    }

    static HelmOptions helmOptions(SyncSpec options, ChartInputs chart, Path repositoryRoot) {
        return HelmOptions.builder().releaseName(options.releaseName())
                .valuesFiles(ChartChecks.valuesFileList(options.valuesFiles())).values(options.values())
                .parameters(chart.parameters()).secretParameters(chart.secretParameters())
                .skipCrds(options.skipCrds()).repositoryAuth(chart.repositoryAuth())
                .tempDir(scratch(repositoryRoot)).build();
    }

    /**
     * The source keeps what the engine remembers of its renders beside the checkout: the YAML it parsed (a
     * no-op sync on the same agent then reads unchanged files back instead of parsing them again, as the CLI
     * does) and, for a chart, its renders' fingerprints (to notice a chart that renders differently each time).
     */
    static ManifestSource source(ManifestSource source) {
        return source.withParseCache(scratch(source.root()).resolve("parsed"));
    }

    private static Path scratch(Path repositoryRoot) {
        return repositoryRoot.resolveSibling(repositoryRoot.getFileName() + "@tmp");
    }
}
