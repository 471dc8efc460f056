package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import io.jenkins.plugins.gitopssync.engine.source.PathGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders a source: Kustomize when the path holds a kustomization file, otherwise a walk of the
 * YAML/JSON files below it (honouring .sourceignore). Throws SyncException naming file and line.
 */
public final class Renderer {

    private Renderer() {
    }

    public static List<Manifest> render(ManifestSource source, SyncLog log) {
        return render(source, RenderOptions.defaults(), log);
    }

    public static List<Manifest> render(ManifestSource source, RenderOptions options, SyncLog log) {
        SyncLog out = log == null ? SyncLog.SILENT : log;
        Path root = PathGuard.realRoot(source.root());
        Path start = PathGuard.resolve(source);
        Path kustomization = Files.isDirectory(start) ? KustomizeRenderer.kustomizationFile(start) : null;
        if (kustomization == null && Files.isRegularFile(start)
                && KustomizeRenderer.KUSTOMIZATION_FILES.contains(start.getFileName().toString())) {
            kustomization = start; // the path names the kustomization file itself
        }
        List<Manifest> manifests;
        if (kustomization != null) {
            String rel = root.relativize(kustomization).toString().replace('\\', '/');
            manifests = KustomizeRenderer.render(root, kustomization.getParent(), rel, options.tools(), SopsFiles.of(options), out);
        } else {
            ParseCache cache = source.parseCache() == null ? ParseCache.none() : ParseCache.open(source.parseCache());
            manifests = DirectoryRenderer.render(root, start, options, out, cache);
            try {
                cache.save();
            } catch (IOException e) {
                out.debug("could not keep the parsed YAML in " + source.parseCache() + ": " + e.getMessage());
            }
        }
        manifests = PostBuildStep.apply(manifests, options);
        out.info("Rendered " + manifests.size() + " object" + (manifests.size() == 1 ? "" : "s") + " from " + source.path());
        return manifests;
    }
}
