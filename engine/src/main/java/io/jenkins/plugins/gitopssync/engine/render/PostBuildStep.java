package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.substitute.PostBuild;
import io.jenkins.plugins.gitopssync.engine.substitute.Variables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The render's last step: Flux's post-build substitution over every object, with the variables the sync
 * resolved (or, for a render without a cluster, the substitution's own values). All failures of one render
 * are reported together, each naming file:line, the object and the variable; nothing is applied then.
 */
final class PostBuildStep {

    private PostBuildStep() {
    }

    static List<Manifest> apply(List<Manifest> manifests, RenderOptions options) {
        if (options.substitution().isEmpty()) {
            return manifests;
        }
        Map<String, String> vars = options.variables() != null ? options.variables()
                : Variables.resolve(options.substitution(), null, null, options.secrets()::add);
        if (vars.isEmpty()) {
            return manifests; // Flux substitutes only when some variable is defined
        }
        List<Manifest> out = new ArrayList<>(manifests.size());
        List<String> problems = new ArrayList<>();
        for (Manifest m : manifests) {
            try {
                out.add(new Manifest(PostBuild.substitute(m.object(), vars, options.substitution().strict()), m.file(), m.line()));
            } catch (PostBuild.Failure e) {
                problems.add(m.location() + ": " + m.object().getKind() + "/" + m.object().getMetadata().getName()
                        + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new SyncException("post-build substitution failed; nothing was applied:\n" + String.join("\n", problems));
        }
        return out;
    }
}
