package io.jenkins.plugins.gitopssync.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import io.jenkins.plugins.gitopssync.testsupport.Helm;
import io.jenkins.plugins.gitopssync.testsupport.TestCharts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Charts rendered with the real helm, each compared object by object with what the same helm's own
 * {@code helm template} prints for the same flags (run the way a user would: {@code helm dependency build}, then
 * {@code helm template}), minus the hooks, which the engine leaves out.
 */
class HelmRendererTest {

    static final String GROUP = "shop.gitops.test";
    static final List<String> CLUSTER = List.of("v1", "v1/ConfigMap", "apps/v1", "apps/v1/Deployment",
            "gadgets." + GROUP + "/v1", "gadgets." + GROUP + "/v1/Gadget");

    @TempDir
    Path repo;
    @TempDir
    Path oracleCopy;

    private ChartRender chart;

    @BeforeEach
    void chart() {
        chart = new ChartRender(repo, "apps/shop");
        TestCharts.shop(repo, GROUP);
    }

    private Rendering render(HelmOptions helmOptions, ChartTarget target) {
        return chart.render(helmOptions, target);
    }

    private static HelmOptions layered() {
        return HelmOptions.builder().valuesFiles(List.of("values/prod.yaml", "values/override.yaml"))
                .values("extra: inline\nlevel: inline\n").parameters(List.of("level=param", "widgets=2")).build();
    }

    @Test
    void rendersWhatHelmTemplatePrintsForTheSameFlagsObjectByObject() throws Exception {
        Rendering r = render(layered(), new ChartTarget("web", "shop-ns", "v1.35.4", CLUSTER));

        Path inline = Files.writeString(oracleCopy.resolve("inline.yaml"), "extra: inline\nlevel: inline\n");
        List<String> flags = new ArrayList<>(List.of("--namespace", "shop-ns", "--include-crds", "--kube-version", "v1.35.4",
                "--values", repo.resolve("values/prod.yaml").toString(), "--values", repo.resolve("values/override.yaml").toString(),
                "--values", inline.toString(), "--set", "level=param", "--set", "widgets=2"));
        CLUSTER.forEach(v -> flags.addAll(List.of("--api-versions", v)));
        Map<String, Map<String, Object>> expected = byKindAndName(oracle("web", flags));

        assertThat(byName(r)).isEqualTo(expected);
        assertThat(expected).containsKeys("ConfigMap/web-shop-gadgets", "CustomResourceDefinition/widgets." + GROUP,
                "Widget/web-shop-widget-0", "Widget/web-shop-widget-1", "ConfigMap/web-cache", "Secret/web-shop-session",
                "Job/web-shop-migrate");
    }

    @Test
    void valuesFilesInOrderThenInlineValuesThenParameters() {
        Rendering r = render(layered(), ChartTarget.offline("web", "shop-ns"));

        Map<?, ?> data = data(r, "ConfigMap", "web-shop-config");
        assertThat(data.get("greeting")).as("the chart's default").isEqualTo("hello");
        assertThat(data.get("color")).as("the first file over the chart").isEqualTo("green");
        assertThat(data.get("size")).as("the second file over the first").isEqualTo("huge");
        assertThat(data.get("extra")).as("inline values over the files").isEqualTo("inline");
        assertThat(data.get("level")).as("parameters over everything").isEqualTo("param");
        assertThat(data.get("banner")).as("tpl").isEqualTo("web in green");
        assertThat(data.get("namespace")).isEqualTo("shop-ns");
        assertThat(data(r, "ConfigMap", "web-cache").get("replicas")).as("the parent's values for the subchart").isEqualTo("1");
        assertThat(r.chart()).isEqualTo(new RenderedChart("shop", "1.2.0", "apps/shop",
                List.of("values/prod.yaml", "values/override.yaml"), "web", "shop-ns"));
    }

    @Test
    void eachObjectKeepsItsTemplateAsItsSource() {
        Rendering r = render(HelmOptions.builder().parameters(List.of("widgets=2")).build(), ChartTarget.offline("web", "shop-ns"));

        Map<String, String> sources = new LinkedHashMap<>();
        r.manifests().forEach(m -> sources.put(m.object().getKind() + "/" + m.object().getMetadata().getName(), m.location()));
        assertThat(sources).containsEntry("ConfigMap/web-shop-config", "apps/shop/templates/config.yaml:1")
                .containsEntry("CustomResourceDefinition/widgets." + GROUP, "apps/shop/crds/widgets.yaml:1")
                .containsEntry("ConfigMap/web-cache", "apps/shop/charts/cache/templates/cache.yaml:1")
                .containsEntry("Widget/web-shop-widget-0", "apps/shop/templates/widgets.yaml:1")
                .as("the second object of a template: its line in what the template rendered (6 lines and a blank one before)")
                .containsEntry("Widget/web-shop-widget-1", "apps/shop/templates/widgets.yaml:8");
    }

    @Test
    void theClusterCapabilitiesDecideWhatRenders() {
        Rendering with = render(HelmOptions.DEFAULT, new ChartTarget("web", "ns", "v1.35.4", CLUSTER));
        Rendering without = render(HelmOptions.DEFAULT, new ChartTarget("web", "ns", "v1.29.0", List.of()));

        assertThat(byName(with)).containsKey("ConfigMap/web-shop-gadgets");
        assertThat(data(with, "ConfigMap", "web-shop-config").get("kubeVersion")).isEqualTo("v1.35.4");
        assertThat(byName(without)).doesNotContainKey("ConfigMap/web-shop-gadgets");
        assertThat(data(without, "ConfigMap", "web-shop-config").get("kubeVersion")).isEqualTo("v1.29.0");
    }

    @Test
    void hooksStayInTheRenderWithTheirAnnotationsForThePlanToRunInTheirPhase() {
        Rendering r = render(HelmOptions.DEFAULT, ChartTarget.offline("web", "ns"));

        assertThat(byName(r)).containsKey("Job/web-shop-migrate");
        assertThat(r.manifests()).filteredOn(m -> m.object().getMetadata().getName().equals("web-shop-migrate")).singleElement()
                .satisfies(m -> {
                    assertThat(m.object().getMetadata().getAnnotations()).containsEntry("helm.sh/hook", "pre-install,pre-upgrade");
                    assertThat(m.file()).isEqualTo("apps/shop/templates/migrate-hook.yaml");
                });
        assertThat(chart.log.warnings).noneMatch(w -> w.contains("helm.sh/hook"));
    }

    @Test
    void aTemplateThatCallsLookupIsNamedInAWarning() {
        render(HelmOptions.DEFAULT, ChartTarget.offline("web", "ns"));

        assertThat(chart.log.warnings).filteredOn(w -> w.contains("lookup")).singleElement().asString()
                .contains("apps/shop/templates/session.yaml").doesNotContain("config.yaml");
    }

    @Test
    void skipCrdsLeavesTheChartsCrdsOut() {
        Rendering r = render(HelmOptions.builder().skipCrds(true).build(), ChartTarget.offline("web", "ns"));

        assertThat(byName(r)).doesNotContainKey("CustomResourceDefinition/widgets." + GROUP).containsKey("Widget/web-shop-widget-0");
    }

    @Test
    void fetchingAFileDependencyLeavesTheCheckoutAsItWas() throws IOException {
        List<String> before = files(repo);
        render(HelmOptions.DEFAULT, ChartTarget.offline("web", "ns"));

        assertThat(files(repo)).isEqualTo(before);
        assertThat(chart.log.infos).anyMatch(l -> l.contains("helm dependency build") && l.contains("common"));
    }

    @Test
    void aChartThatRendersDifferentlyEachTimeIsNamedTheSecondTime() {
        TestCharts.write(repo, "dice/Chart.yaml", "apiVersion: v2\nname: dice\nversion: 0.1.0\n");
        TestCharts.write(repo, "dice/templates/token.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: token
                data:
                  token: {{ randAlphaNum 16 | quote }}
                """);
        TestCharts.write(repo, "dice/templates/fixed.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fixed\n");
        Path cache = repo.resolveSibling(repo.getFileName() + "-cache").resolve("parsed");
        ManifestSource source = new ManifestSource(repo, "rev1", "dice").withParseCache(cache);
        RenderOptions options = chart.options(HelmOptions.DEFAULT);

        Renderer.render(source, options, ChartTarget.offline("d", "ns"), chart.log);
        assertThat(chart.log.warnings).noneMatch(w -> w.contains("renders differently"));
        Renderer.render(source, options, ChartTarget.offline("d", "ns"), chart.log);
        assertThat(chart.log.warnings).filteredOn(w -> w.contains("renders differently")).singleElement().asString()
                .contains("chart dice (dice)", "dice/templates/token.yaml").doesNotContain("fixed.yaml");

        chart.log.warnings.clear();
        Renderer.render(new ManifestSource(repo, "rev2", "dice").withParseCache(cache), options,
                ChartTarget.offline("d", "ns"), chart.log);
        assertThat(chart.log.warnings).as("another revision may render otherwise").noneMatch(w -> w.contains("renders differently"));
    }

    // --- the oracle and comparisons ---------------------------------------------------------------------

    /** What helm template prints, run as a user would: on a copy, after helm dependency build. */
    private List<Map<String, Object>> oracle(String release, List<String> flags) throws Exception {
        copy(repo, oracleCopy.resolve("repo"));
        Path chart = oracleCopy.resolve("repo/apps/shop");
        Helm.run(chart, "dependency", "build", chart.toString());
        List<String> args = new ArrayList<>(List.of("template", release, chart.toString()));
        args.addAll(flags);
        String out = Helm.run(chart, args.toArray(String[]::new));
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(out)) {
            if (doc instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) m;
                docs.add(typed);
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> byKindAndName(List<Map<String, Object>> docs) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> d : docs) {
            Map<String, Object> meta = (Map<String, Object>) d.get("metadata");
            out.put(d.get("kind") + "/" + meta.get("name"), d);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> byName(Rendering r) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Manifest m : r.manifests()) {
            out.put(m.object().getKind() + "/" + m.object().getMetadata().getName(),
                    Serialization.jsonMapper().convertValue(m.object(), Map.class));
        }
        return out;
    }

    static Map<?, ?> data(Rendering r, String kind, String name) {
        return (Map<?, ?>) byName(r).get(kind + "/" + name).get("data");
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
