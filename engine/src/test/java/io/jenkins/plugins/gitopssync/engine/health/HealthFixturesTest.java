package io.jenkins.plugins.gitopssync.engine.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import io.jenkins.plugins.gitopssync.engine.health.HealthStatus.State;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every health rule on whole objects as the API server returns them (src/test/resources/health), not on
 * the few fields a rule reads: a rule that looks at the wrong field, or trips over one it does not expect,
 * fails here.
 */
class HealthFixturesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "deployment-rolled-out | CURRENT | ''",
            "deployment-rolling | IN_PROGRESS | 1 of 3 replicas updated",
            "deployment-deadline-exceeded | FAILED | progress deadline exceeded",
            "deployment-generation-not-observed | IN_PROGRESS | generation 5 not yet observed",
            "statefulset-rolled-out | CURRENT | ''",
            "statefulset-updating | IN_PROGRESS | 2 of 3 replicas ready",
            "daemonset-rolled-out | CURRENT | ''",
            "daemonset-rolling | IN_PROGRESS | 1 of 3 pods updated",
            "job-complete | CURRENT | ''",
            "job-failed | FAILED | BackoffLimitExceeded",
            "job-running | IN_PROGRESS | 0 of 1 completions",
            "pod-crash-loop | FAILED | container web is CrashLoopBackOff",
            "pod-ready | CURRENT | ''",
            "pvc-pending | IN_PROGRESS | phase Pending",
            "pvc-bound | CURRENT | ''",
            "service-cluster-ip | CURRENT | ''",
            "service-load-balancer-without-address | CURRENT | ''",
            "service-load-balancer-without-cluster-ip | IN_PROGRESS | no cluster IP yet",
            "service-external-name | CURRENT | ''",
            "crd-established | CURRENT | ''",
            "crd-names-not-accepted | FAILED | names not accepted: PluralConflict",
            "apiservice-unavailable | IN_PROGRESS | not Available: ServiceNotFound",
            "configmap | CURRENT | ''",
    })
    void eachRuleReadsARealObject(String fixture, State expected, String message) throws IOException {
        Map<String, Object> live = load(fixture);
        String apiVersion = (String) live.get("apiVersion");
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        HealthStatus status = HealthRules.assess(group, (String) live.get("kind"), live);
        assertThat(status.state()).as("%s: %s", fixture, status.message()).isEqualTo(expected);
        assertThat(status.message()).contains(message);
    }

    private static Map<String, Object> load(String fixture) throws IOException {
        try (InputStream in = HealthFixturesTest.class.getResourceAsStream("/health/" + fixture + ".yaml")) {
            assertThat(in).as("fixture %s", fixture).isNotNull();
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ObjectMaps.toMap(Serialization.unmarshal(yaml, GenericKubernetesResource.class));
        }
    }
}
