package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.jenkins.plugins.gitopssync.engine.SyncRequest;
import io.jenkins.plugins.gitopssync.engine.process.LocalProcessRunner;
import io.jenkins.plugins.gitopssync.engine.process.Tools;
import io.jenkins.plugins.gitopssync.engine.render.HelmOptions;
import io.jenkins.plugins.gitopssync.engine.render.RenderOptions;
import io.jenkins.plugins.gitopssync.engine.render.RenderedChart;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.testsupport.Helm;
import io.jenkins.plugins.gitopssync.testsupport.TestCharts;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A chart synced against the test cluster like any other render: its CRD first, then its objects, each with its
 * template as its source; rendered for the real cluster (its version, and a kind only it serves); re-synced as a
 * no-op, changed in Git, pruned; hooks never applied; a render error applies and prunes nothing. No Helm release
 * exists afterwards.
 */
class HelmSyncClusterTest extends ClusterTestBase {

    private String group;
    private String release;

    @BeforeEach
    void chart() throws Exception {
        Helm.binary();
        group = TestCluster.unique("hs") + ".gitops.test";
        cleanup.add(() -> client.apiextensions().v1().customResourceDefinitions().withName("widgets." + group).delete());
        // a kind only this cluster serves: the chart renders its gadget-support ConfigMap only when Helm is told
        cleanup.add(() -> client.apiextensions().v1().customResourceDefinitions().withName("gadgets.gadgets." + group).delete());
        client.apiextensions().v1().customResourceDefinitions().resource(
                client.getKubernetesSerialization().unmarshal(TestCharts.crd("gadgets." + group)
                        .replace("widgets", "gadgets").replace("Widget", "Gadget").replace("widget", "gadget"),
                        io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition.class)).create();
        client.apiextensions().v1().customResourceDefinitions().withName("gadgets.gadgets." + group)
                .waitUntilCondition(c -> c.getStatus() != null && c.getStatus().getConditions() != null && c.getStatus().getConditions().stream()
                        .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())),
                        60, java.util.concurrent.TimeUnit.SECONDS);
        TestCharts.shop(repo.dir(), group);
        repo.commit("shop chart");
        release = applySet;
    }

    private SyncResult syncChart(UnaryOperator<HelmOptions.Builder> helm) {
        RenderOptions options = new RenderOptions(new Tools(LocalProcessRunner.ofThisProcess(), null,
                Helm.binary().toString()), helm.apply(HelmOptions.builder().valuesFiles(List.of("values/prod.yaml"))).build());
        SyncRequest.Builder b = request("apps/shop").renderOptions(options);
        return engine.sync(b.build());
    }

    private ConfigMap configMap(String name) {
        return client.configMaps().inNamespace(ns).withName(name).get();
    }

    @Test
    void aChartIsSyncedReSyncedAsANoOpChangedAndPruned() {
        SyncResult first = syncChart(h -> h);
        assertThat(first.errors()).isEmpty();
        assertThat(first.status()).isEqualTo(SyncStatus.Synced);
        assertThat(first.chart()).isEqualTo(new RenderedChart("shop", "1.2.0", "apps/shop", List.of("values/prod.yaml"),
                release, ns));
        assertThat(object(first, "CustomResourceDefinition", "widgets." + group).source())
                .isEqualTo("apps/shop/crds/widgets.yaml:1");
        assertThat(object(first, "Widget", release + "-shop-widget-0").action()).isEqualTo(Action.CREATED);
        assertThat(object(first, "ConfigMap", release + "-cache").source())
                .isEqualTo("apps/shop/charts/cache/templates/cache.yaml:1");
        ConfigMap config = configMap(release + "-shop-config");
        assertThat(config.getData()).containsEntry("color", "green").containsEntry("namespace", ns)
                .containsEntry("kubeVersion", "v1.35.4");
        assertThat(configMap(release + "-shop-gadgets")).as("rendered for what the cluster serves").isNotNull();
        var hook = client.batch().v1().jobs().inNamespace(ns).withName(release + "-shop-migrate").get();
        assertThat(hook).as("the pre-install hook ran as a hook, not as a member").isNotNull();
        assertThat(hook.getMetadata().getLabels()).containsKey("gitops-sync.jenkins.io/hook-of")
                .doesNotContainKey("applyset.kubernetes.io/part-of");
        assertThat(first.hooks()).anyMatch(h -> h.name().equals(release + "-shop-migrate") && h.phase().equals("PreSync"));
        assertThat(first.warnings()).anyMatch(w -> w.contains("lookup") && w.contains("apps/shop/templates/session.yaml"));
        assertThat(client.secrets().inNamespace(ns).list().getItems())
                .as("no Helm release Secret").noneMatch(s -> "helm.sh/release.v1".equals(s.getType()));

        SyncResult noOp = syncChart(h -> h);
        assertThat(noOp.errors()).isEmpty();
        assertThat(noOp.objects()).allMatch(o -> o.action() == Action.UNCHANGED);
        assertThat(noOp.totals().unchanged()).isEqualTo(first.totals().created());

        repo.write("values/prod.yaml", "color: purple\nsize: large\nlevel: prod\nwidgets: 0\n");
        repo.commit("purple, no widgets");
        SyncResult changed = syncChart(h -> h);
        assertThat(changed.errors()).isEmpty();
        ObjectResult cm = object(changed, "ConfigMap", release + "-shop-config");
        assertThat(cm.action()).isEqualTo(Action.CONFIGURED);
        assertThat(cm.drift()).as("a change from Git, not drift").isFalse();
        assertThat(cm.diff()).contains("purple");
        assertThat(object(changed, "Widget", release + "-shop-widget-0").action()).isEqualTo(Action.PRUNED);
        assertThat(configMap(release + "-shop-config").getData()).containsEntry("color", "purple");
        assertThat(client.genericKubernetesResources(widgets()).inNamespace(ns).list().getItems()).isEmpty();
    }

    @Test
    void aRenderErrorAppliesAndPrunesNothing() {
        assertThat(syncChart(h -> h).errors()).isEmpty();
        repo.write("values/prod.yaml", "color: [broken\n");
        repo.write("apps/shop/templates/config.yaml", "# the ConfigMap left Git\n");
        repo.commit("broken values");

        SyncResult broken = syncChart(h -> h);

        assertThat(broken.status()).isEqualTo(SyncStatus.Failed);
        assertThat(broken.errors()).singleElement().asString()
                .startsWith("chart shop (apps/shop): helm template failed: ").contains("values/prod.yaml");
        assertThat(broken.objects()).isEmpty();
        assertThat(configMap(release + "-shop-config")).as("nothing pruned").isNotNull();
    }

    @Test
    void secretParametersAreMaskedInDiffsErrorsAndTheLog() {
        SyncResult first = syncChart(h -> h.secretParameters(List.of("password=first-Secret-1")));
        assertThat(first.errors()).isEmpty();
        assertThat(configMap(release + "-shop-config").getData()).containsEntry("password", "first-Secret-1");

        SyncResult second = syncChart(h -> h.secretParameters(List.of("password=second-Secret-2")));

        ObjectResult cm = object(second, "ConfigMap", release + "-shop-config");
        assertThat(cm.action()).isEqualTo(Action.CONFIGURED);
        assertThat(cm.diff()).contains("***").doesNotContain("second-Secret-2");
        String everything = String.join("\n", log.infos) + String.join("\n", log.warnings) + second.warnings()
                + second.errors() + second.objects();
        assertThat(everything).doesNotContain("second-Secret-2");
        assertThat(configMap(release + "-shop-config").getData()).containsEntry("password", "second-Secret-2");
    }

    private ResourceDefinitionContext widgets() {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion("v1").withKind("Widget")
                .withPlural("widgets").withNamespaced(true).build();
    }
}
