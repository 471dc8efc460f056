package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import java.util.List;

/**
 * Renders a source: Kustomize when the path holds a kustomization file, otherwise a walk of the
 * YAML/JSON files below it (honouring .sourceignore). Throws SyncException naming file and line.
 */
public final class Renderer {

    private Renderer() {
    }

    public static List<Manifest> render(ManifestSource source, SyncLog log) {
        throw new UnsupportedOperationException("not yet built");
    }
}
