package io.jenkins.plugins.gitopssync.engine.cluster;

import java.util.List;
import java.util.Map;

/**
 * Waits until an object whose deletion has begun is gone, or is there anew without a deletionTimestamp
 * (someone created it again). Polls with GETs a quarter of a second apart.
 */
public final class GoneWait {

    private static final long POLL_MILLIS = 250;

    private GoneWait() {
    }

    /** Null once it is gone (or there anew); the object as last seen when the deadline (System.nanoTime()) passed. */
    public static Map<String, Object> until(KubeApi api, ResourceInfo r, String namespace, String name, long deadline) {
        while (true) {
            Map<String, Object> live = api.get(r, namespace, name);
            if (live == null || ObjectMaps.at(live, "metadata", "deletionTimestamp") == null) {
                return null;
            }
            if (System.nanoTime() > deadline) {
                return live;
            }
            Pause.millis(POLL_MILLIS);
        }
    }

    /** ", held by the finalizers [a, b]" when the object has any, else "". */
    public static String finalizers(Map<String, Object> live) {
        Object finalizers = ObjectMaps.at(live, "metadata", "finalizers");
        return finalizers instanceof List<?> l && !l.isEmpty() ? ", held by the finalizers " + l : "";
    }
}
