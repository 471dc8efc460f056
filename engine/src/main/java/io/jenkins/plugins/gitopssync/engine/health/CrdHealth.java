package io.jenkins.plugins.gitopssync.engine.health;

import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import java.util.Map;

/** Established is current; names not accepted fails. */
final class CrdHealth implements KindHealth {

    @Override
    public HealthStatus assess(Map<String, Object> crd) {
        Map<String, Object> names = ObjectMaps.condition(crd, "NamesAccepted");
        if (names != null && "False".equals(names.get("status"))) {
            return HealthStatus.failed("names not accepted: " + GenericHealth.text(names));
        }
        Map<String, Object> est = ObjectMaps.condition(crd, "Established");
        if (est != null && "True".equals(est.get("status"))) {
            return HealthStatus.current();
        }
        return HealthStatus.inProgress("not yet Established");
    }
}
