package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.RecordingLog;
import io.jenkins.plugins.gitopssync.engine.process.LocalProcessRunner;
import io.jenkins.plugins.gitopssync.engine.process.Tools;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import io.jenkins.plugins.gitopssync.testsupport.Helm;
import java.nio.file.Path;

/**
 * What the chart tests share: one path of a test repository, rendered as a sync renders it with the real helm the
 * tests build (or a helm the test names), and the log of every render. Made in a test's set-up: without helm
 * the test is skipped there (or fails when the cluster is required).
 */
final class ChartRender {

    final RecordingLog log = new RecordingLog();
    private final Path repo;
    private final String path;
    private Path helm = Helm.binary();

    ChartRender(Path repo, String path) {
        this.repo = repo;
        this.path = path;
    }

    Path helm() {
        return helm;
    }

    /** Later renders run {@code other} (kubectl's kustomize inflates charts with helm v3 only). */
    void useHelm(Path other) {
        helm = other;
    }

    /** @param target null where no chart is rendered directly (a Kustomization inflates it) */
    Rendering render(HelmOptions options, ChartTarget target) {
        return render(helm, options, target);
    }

    Rendering render(Path helmCommand, HelmOptions options, ChartTarget target) {
        return Renderer.render(new ManifestSource(repo, "rev", path), options(helmCommand, options), target, log);
    }

    RenderOptions options(HelmOptions options) {
        return options(helm, options);
    }

    private static RenderOptions options(Path helmCommand, HelmOptions options) {
        return new RenderOptions(new Tools(LocalProcessRunner.ofThisProcess(), null, helmCommand.toString()), options);
    }
}
