package io.jenkins.plugins.gitopssync.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.gitopssync.testsupport.Helm;
import io.jenkins.plugins.gitopssync.testsupport.TestCharts;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * A Kustomization with {@code helmCharts:} is built by the real kubectl kustomize with Helm enabled and the helm
 * named: kubectl v1.35's kustomize inflates with helm v3 only (it runs {@code helm version -c}), so that test
 * names the helm v3 the tests build, and helm v4 gets a clear error.
 */
class KustomizeHelmChartsTest {

    @TempDir
    Path repo;

    private ChartRender kustomization;

    @BeforeEach
    void kustomization() {
        kustomization = new ChartRender(repo, "kapp");
        TestCharts.web(repo, "kapp/charts/web", "web", "0.1.0");
        TestCharts.write(repo, "kapp/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namePrefix: k-
                helmCharts:
                  - name: web
                    releaseName: kr
                    namespace: kns
                    valuesInline:
                      greeting: from-kustomize
                """);
    }

    private Rendering render() {
        return kustomization.render(HelmOptions.DEFAULT, null);
    }

    @Test
    void chartsAreInflatedWithTheHelmNamed() throws Exception {
        kustomization.useHelm(Helm.v3Binary());
        Rendering r = render();

        Map<String, Object> expected = new LinkedHashMap<>();
        String oracle = Helm.run(repo, "template", "kr", repo.resolve("kapp/charts/web").toString(), "--namespace", "kns",
                "--set", "greeting=from-kustomize");
        for (Object doc : new Yaml().loadAll(oracle)) {
            if (doc instanceof Map<?, ?> m) {
                Map<?, ?> meta = (Map<?, ?>) m.get("metadata");
                expected.put(m.get("kind") + "/k-" + meta.get("name"), m.get(m.containsKey("data") ? "data" : "spec"));
            }
        }
        Map<String, Object> actual = new LinkedHashMap<>();
        for (Manifest m : r.manifests()) {
            Map<?, ?> map = Serialization.jsonMapper().convertValue(m.object(), Map.class);
            actual.put(m.object().getKind() + "/" + m.object().getMetadata().getName(),
                    map.get(map.containsKey("data") ? "data" : "spec"));
        }
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(actual.get("ConfigMap/k-kr-greeting")).isEqualTo(Map.of("greeting", "from-kustomize"));
        assertThat(kustomization.log.infos).anyMatch(l -> l.contains("charts inflated with " + kustomization.helm()));
    }

    @Test
    void kubectlsKustomizeRefusesHelmV4InOneClearLine() {
        assertThatThrownBy(this::render).hasMessageStartingWith("kapp/kustomization.yaml: kubectl kustomize inflates"
                + " charts (helmCharts) only with helm v3, and " + kustomization.helm() + " is not; name a helm v3 with the helm option");
    }

    @Test
    void aChartHomeOutsideTheKustomizationIsRefused() {
        TestCharts.write(repo, "kapp/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                helmGlobals:
                  chartHome: ../../elsewhere
                helmCharts:
                  - name: web
                """);

        assertThatThrownBy(this::render).hasMessageContaining("helmGlobals chartHome '../../elsewhere' must stay below");
    }
}
