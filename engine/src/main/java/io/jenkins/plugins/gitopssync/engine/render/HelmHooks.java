package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.SyncLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Until sync phases and hooks exist, a chart's hooks (objects annotated {@code helm.sh/hook}) are left out
 * of the render, with one warning naming them: applied as plain objects they would run at the wrong time
 * (a pre-install Job after the Deployment it prepares), and kept in the inventory they would be pruned as if
 * they were ordinary members. One step, called once by {@link HelmRenderer}, so real hook handling replaces
 * it in one place.
 */
final class HelmHooks {

    static final String ANNOTATION = "helm.sh/hook";

    private HelmHooks() {
    }

    /** The manifests that are not hooks; the hooks are named in one warning. */
    static List<Manifest> leaveOut(List<Manifest> manifests, String chart, SyncLog log) {
        List<Manifest> kept = new ArrayList<>(manifests.size());
        List<String> hooks = new ArrayList<>();
        for (Manifest m : manifests) {
            Map<String, String> annotations = m.object().getMetadata() == null ? null
                    : m.object().getMetadata().getAnnotations();
            String hook = annotations == null ? null : annotations.get(ANNOTATION);
            if (hook == null) {
                kept.add(m);
            } else {
                hooks.add(m.object().getKind() + "/" + m.object().getMetadata().getName() + " (" + hook + ", "
                        + m.file() + ")");
            }
        }
        if (!hooks.isEmpty()) {
            log.warn(chart + ": left out " + hooks.size() + " Helm hook" + (hooks.size() == 1 ? "" : "s") + " ("
                    + ANNOTATION + "), which are neither applied nor pruned until hooks are supported: "
                    + String.join(", ", hooks));
        }
        return kept;
    }
}
