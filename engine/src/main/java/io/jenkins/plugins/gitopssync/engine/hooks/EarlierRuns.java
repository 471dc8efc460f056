package io.jenkins.plugins.gitopssync.engine.hooks;

import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.cluster.ApiException;
import io.jenkins.plugins.gitopssync.engine.cluster.GoneWait;
import io.jenkins.plugins.gitopssync.engine.cluster.KubeApi;
import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import io.jenkins.plugins.gitopssync.engine.identity.HookLabels;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.plan.PlannedHook;
import java.time.Duration;
import java.util.Map;

/**
 * The BeforeHookCreation policy: every earlier run of a hook is deleted before it is created again. They
 * are found by the hook's label, so runs with generated names are found too. A hook with a fixed name waits
 * until its earlier run is gone, or its name would still be taken.
 */
final class EarlierRuns {

    private final KubeApi api;
    private final String applySetId;
    private final SyncLog log;
    private final Duration timeout;

    EarlierRuns(KubeApi api, String applySetId, SyncLog log, Duration timeout) {
        this.api = api;
        this.applySetId = applySetId;
        this.log = log;
        this.timeout = timeout;
    }

    void delete(PlannedHook h) {
        ObjectRef ref = h.ref();
        for (Map<String, Object> earlier : api.list(h.resource(), ref.namespace(), HookLabels.selector(applySetId,
                h.hookId()))) {
            String name = ObjectMaps.string(earlier, "metadata", "name");
            if (api.delete(h.resource(), ref.namespace(), name, "Background")) {
                log.info("deleted " + ref.withName(name) + ", an earlier run of hook " + h.displayName()
                        + " (BeforeHookCreation)");
            }
        }
        if (!h.generated()) {
            Map<String, Object> left = GoneWait.until(api, h.resource(), ref.namespace(), ref.name(),
                    System.nanoTime() + timeout.toNanos());
            if (left != null) {
                throw ApiException.gaveUpWaiting("its earlier run is still being deleted after " + timeout.toSeconds()
                        + "s" + GoneWait.finalizers(left), new ApiException.Call("delete", h.resource().groupResource(),
                        ref.namespace()));
            }
        }
    }
}
