package io.jenkins.plugins.gitopssync.engine.plan;

import io.jenkins.plugins.gitopssync.engine.render.Manifest;
import java.util.List;

/**
 * Checks apiVersion, kind and metadata.name of every object, and that no object appears twice
 * (same group, kind, namespace, name after namespace defaulting). Throws SyncException listing
 * every problem with its file:line (both locations for a duplicate).
 */
public final class ManifestValidator {

    private ManifestValidator() {
    }

    /**
     * @param manifests        rendered objects
     * @param namespaceOf      namespace each object will get (after default/target namespace), by index;
     *                         "" for cluster-scoped objects
     */
    public static void validate(List<Manifest> manifests, List<String> namespaceOf) {
        throw new UnsupportedOperationException("not yet built");
    }
}
