package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import io.jenkins.plugins.gitopssync.engine.source.PathGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders a source: Helm when the path is a chart (holds a Chart.yaml), Kustomize when it holds a kustomization
 * file, otherwise a walk of the YAML/JSON files below it (honouring .sourceignore); sops files are decrypted on the
 * way and Flux's post-build substitution applied to the result. Throws SyncException naming file and line.
 */
public final class Renderer {

    private Renderer() {
    }

    public static List<Manifest> render(ManifestSource source, SyncLog log) {
        return render(source, RenderOptions.defaults(), log);
    }

    public static List<Manifest> render(ManifestSource source, RenderOptions options, SyncLog log) {
        return render(source, options, null, log).manifests();
    }

    /** Whether the source's path is a chart: its render then needs a {@link ChartTarget}. */
    public static boolean isChart(ManifestSource source) {
        return ChartFile.isChart(PathGuard.resolve(source));
    }

    /**
     * @param target for a chart: release name, namespace and the cluster's capabilities; null renders a chart
     *               with Helm's defaults, release {@code release} in namespace {@code default}
     */
    public static Rendering render(ManifestSource source, RenderOptions options, ChartTarget target, SyncLog log) {
        SyncLog out = log == null ? SyncLog.SILENT : log;
        Path root = PathGuard.realRoot(source.root());
        Path start = PathGuard.resolve(source);
        Rendering rendering;
        if (ChartFile.isChart(start)) {
            rendering = HelmRenderer.render(root, start, source, options,
                    target == null ? ChartTarget.offline(null, null) : target, out);
        } else {
            rendering = new Rendering(renderManifests(root, start, source, options, out), null);
        }
        // Flux's postBuild: after every kind of render, per object
        rendering = new Rendering(PostBuildStep.apply(rendering.manifests(), options), rendering.chart());
        int n = rendering.manifests().size();
        out.info("Rendered " + n + " object" + (n == 1 ? "" : "s") + " from " + source.path());
        return rendering;
    }

    private static List<Manifest> renderManifests(Path root, Path start, ManifestSource source, RenderOptions options,
                                                  SyncLog out) {
        Path kustomization = Files.isDirectory(start) ? KustomizeRenderer.kustomizationFile(start) : null;
        if (kustomization == null && Files.isRegularFile(start)
                && KustomizeRenderer.KUSTOMIZATION_FILES.contains(start.getFileName().toString())) {
            kustomization = start; // the path names the kustomization file itself
        }
        if (kustomization != null) {
            String rel = root.relativize(kustomization).toString().replace('\\', '/');
            return KustomizeRenderer.render(root, kustomization.getParent(), rel, options.tools(), SopsFiles.of(options), out);
        }
        ParseCache cache = source.parseCache() == null ? ParseCache.none() : ParseCache.open(source.parseCache());
        List<Manifest> manifests = DirectoryRenderer.render(root, start, options, out, cache);
        try {
            cache.save();
        } catch (IOException e) {
            out.debug("could not keep the parsed YAML in " + source.parseCache() + ": " + e.getMessage());
        }
        return manifests;
    }
}
