package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.config.ChartChecks;
import io.jenkins.plugins.gitopssync.config.SyncSpec;
import io.jenkins.plugins.gitopssync.engine.render.HelmOptions;
import io.jenkins.plugins.gitopssync.engine.render.Renderer;
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
     * A chart's source keeps what the engine remembers of its renders (to notice a chart that renders differently
     * each time) beside the checkout; other sources are as they were.
     */
    static ManifestSource source(ManifestSource source) {
        try {
            return Renderer.isChart(source) ? source.withParseCache(scratch(source.root()).resolve("parsed")) : source;
        } catch (RuntimeException e) {
            return source; // a bad path: the render says so
        }
    }

    private static Path scratch(Path repositoryRoot) {
        return repositoryRoot.resolveSibling(repositoryRoot.getFileName() + "@tmp");
    }
}
