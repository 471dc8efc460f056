package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.testsupport.TestCharts;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import org.junit.jupiter.api.Test;

/**
 * A CRD and a custom resource in one set (the resource listed first in the files): the CRD is applied in
 * stage 1 and the resource only after the CRD is Established. A Namespace and objects in it, in one set.
 */
class CrdAndNamespaceClusterTest extends ClusterTestBase {

    @Test
    void crdAndCustomResourceAndNamespaceInOneSet() throws Exception {
        String group = TestCluster.unique("t") + ".example.com";
        String appNs = TestCluster.unique("app");
        cleanup.add(() -> client.apiextensions().v1().customResourceDefinitions().withName("widgets." + group).delete());
        cluster.deleteNamespaceAtEnd(appNs);
        repo.write("a-widget.yaml", """
                apiVersion: %s/v1
                kind: Widget
                metadata:
                  name: first
                  namespace: %s
                spec:
                  size: 3
                """.formatted(group, appNs))
                .write("b-config.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: in-new-namespace
                  namespace: %s
                data:
                  k: v
                """.formatted(appNs))
                .write("c-namespace.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: %s
                """.formatted(appNs))
                .write("d-crd.yaml", TestCharts.crd(group, "integer"));
        repo.commit("crd, widget, namespace, config map");

        // a dry run before anything exists: everything would be created
        SyncResult preview = sync(b -> b.dryRun(true));
        assertThat(preview.errors()).isEmpty();
        assertThat(preview.totals().created()).isEqualTo(4);
        assertThat(preview.status()).isEqualTo(SyncStatus.OutOfSync);

        SyncResult result = sync();
        assertThat(result.errors()).isEmpty();
        assertThat(result.status()).isEqualTo(SyncStatus.Synced);
        assertThat(result.totals().created()).isEqualTo(4);
        // stage order in the result: CRD and Namespace first, the widget and the config map after
        assertThat(result.objects().get(0).kind()).isIn("CustomResourceDefinition", "Namespace");
        assertThat(result.objects().get(1).kind()).isIn("CustomResourceDefinition", "Namespace");
        assertThat(object(result, "Widget", "first").action()).isEqualTo(Action.CREATED);
        assertThat(log.infos).anyMatch(l -> l.contains("CustomResourceDefinitions established: widgets." + group));
        int established = indexOf("CustomResourceDefinitions established");
        int lastStage = indexOf("apply stage 2/2");
        assertThat(established).isLessThan(lastStage);

        GenericKubernetesResource widget = client.genericKubernetesResources(new ResourceDefinitionContext.Builder()
                .withGroup(group).withVersion("v1").withKind("Widget").withPlural("widgets").withNamespaced(true).build())
                .inNamespace(appNs).withName("first").get();
        assertThat(widget).isNotNull();
        assertThat(client.configMaps().inNamespace(appNs).withName("in-new-namespace").get()).isNotNull();

        SyncResult again = sync();
        assertThat(again.totals().changed()).isZero();
        assertThat(again.totals().unchanged()).isEqualTo(4);
    }

    private int indexOf(String prefix) {
        for (int i = 0; i < log.infos.size(); i++) {
            if (log.infos.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no log line starting with " + prefix + " in " + log.infos);
    }
}
