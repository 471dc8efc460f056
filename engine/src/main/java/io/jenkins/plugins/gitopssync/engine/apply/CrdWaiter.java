package io.jenkins.plugins.gitopssync.engine.apply;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.cluster.ApiException;
import io.jenkins.plugins.gitopssync.engine.cluster.KubeApi;
import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import io.jenkins.plugins.gitopssync.engine.cluster.Pause;
import io.jenkins.plugins.gitopssync.engine.cluster.ResourceInfo;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetId;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Waits until the CustomResourceDefinitions just applied are Established, so the custom resources of
 * the next stages can be applied. One LIST of our CRDs per poll, every 250 ms.
 */
public final class CrdWaiter {

    public static final ResourceInfo CRDS = new ResourceInfo(ObjectRef.CRD_GROUP, "v1", ObjectRef.CRD_KIND,
            "customresourcedefinitions", false);

    private CrdWaiter() {
    }

    public static void waitEstablished(KubeApi api, String applySetId, Set<String> crdNames, Duration timeout,
                                       SyncLog log) {
        if (crdNames.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        KubeApi bounded = api.until(deadline); // a hanging API server ends the wait on time too
        Set<String> pending = new TreeSet<>(crdNames);
        while (true) {
            List<Map<String, Object>> crds;
            try {
                crds = bounded.list(CRDS, null, ApplySetId.PART_OF_LABEL + "=" + applySetId);
            } catch (ApiException e) {
                if (e.isTimedOut()) {
                    throw new SyncException("CustomResourceDefinitions not Established within " + timeout.toSeconds()
                            + "s (" + e.getMessage() + "): " + String.join(", ", pending));
                }
                throw e;
            }
            for (Map<String, Object> crd : crds) {
                Map<String, Object> est = ObjectMaps.condition(crd, "Established");
                if (est != null && "True".equals(est.get("status"))) {
                    pending.remove(ObjectMaps.string(crd, "metadata", "name"));
                }
            }
            if (pending.isEmpty()) {
                log.info("CustomResourceDefinitions established: " + String.join(", ", crdNames));
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new SyncException("CustomResourceDefinitions not Established within " + timeout.toSeconds() + "s: "
                        + String.join(", ", pending));
            }
            Pause.millis(250);
        }
    }
}
