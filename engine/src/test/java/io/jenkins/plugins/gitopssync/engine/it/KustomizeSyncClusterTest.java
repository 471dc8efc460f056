package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Kustomize source end to end (real kubectl kustomize): a configMapGenerator's hashed name changes
 * with its content, so a Git change creates the new ConfigMap, re-points the Deployment and prunes the
 * old ConfigMap.
 */
class KustomizeSyncClusterTest extends ClusterTestBase {

    @Test
    void generatedConfigMapRollsOverAndTheOldOneIsPruned() throws Exception {
        repo.write("app/kustomization.yaml", kustomization("blue"))
                .write("app/web.yaml", Manifests.deployment("web", 1, "nginx:1.27").replace("      containers:",
                        "      volumes:\n      - name: cfg\n        configMap:\n          name: web-config\n      containers:"));
        repo.commit("blue");
        SyncResult first = sync(b -> b.defaultNamespace(ns));
        assertThat(first.errors()).isEmpty();
        assertThat(first.totals().created()).isEqualTo(2);
        String blueName = generated();

        repo.write("app/kustomization.yaml", kustomization("green"));
        repo.commit("green");
        SyncResult second = sync(b -> b.defaultNamespace(ns));
        assertThat(second.status()).isEqualTo(SyncStatus.Synced);
        String greenName = generated();
        assertThat(greenName).isNotEqualTo(blueName).startsWith("prefix-web-config-");
        assertThat(object(second, "ConfigMap", greenName).action()).isEqualTo(Action.CREATED);
        assertThat(object(second, "ConfigMap", blueName).action()).isEqualTo(Action.PRUNED);
        ObjectResult web = object(second, "Deployment", "prefix-web");
        assertThat(web.action()).isEqualTo(Action.CONFIGURED);
        assertThat(web.drift()).isFalse();
        assertThat(web.diff()).contains(greenName);
        assertThat(client.configMaps().inNamespace(ns).withName(blueName).get()).isNull();
    }

    private String generated() {
        List<ConfigMap> cms = client.configMaps().inNamespace(ns).list().getItems().stream()
                .filter(c -> c.getMetadata().getName().startsWith("prefix-web-config-")).toList();
        assertThat(cms).hasSize(1);
        return cms.get(0).getMetadata().getName();
    }

    private static String kustomization(String color) {
        return """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namePrefix: prefix-
                resources:
                - web.yaml
                configMapGenerator:
                - name: web-config
                  literals:
                  - color=%s
                """.formatted(color);
    }
}
