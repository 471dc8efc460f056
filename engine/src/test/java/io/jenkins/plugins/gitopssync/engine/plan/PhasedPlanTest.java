package io.jenkins.plugins.gitopssync.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.gitopssync.engine.RecordingLog;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.cluster.Discovery;
import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetId;
import io.jenkins.plugins.gitopssync.engine.identity.HookLabels;
import io.jenkins.plugins.gitopssync.engine.render.Manifest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the planner places objects by their phase annotations: members in waves, hooks apart, some left out. */
class PhasedPlanTest {

    private static final String CORE = """
            {"kind":"APIGroupDiscoveryList","items":[{"metadata":{},"versions":[{"version":"v1","resources":[
             {"resource":"configmaps","responseKind":{"group":"","version":"v1","kind":"ConfigMap"},"scope":"Namespaced"},
             {"resource":"pods","responseKind":{"group":"","version":"v1","kind":"Pod"},"scope":"Namespaced"},
             {"resource":"namespaces","responseKind":{"group":"","version":"v1","kind":"Namespace"},"scope":"Cluster"}]}]}]}
            """;
    private static final String APIS = """
            {"kind":"APIGroupDiscoveryList","items":[
             {"metadata":{"name":"batch"},"versions":[{"version":"v1","resources":[
              {"resource":"jobs","responseKind":{"group":"batch","version":"v1","kind":"Job"},"scope":"Namespaced"}]}]},
             {"metadata":{"name":"apps"},"versions":[{"version":"v1","resources":[
              {"resource":"deployments","responseKind":{"group":"apps","version":"v1","kind":"Deployment"},
               "scope":"Namespaced"}]}]}]}
            """;

    private final RecordingLog log = new RecordingLog();

    private static Manifest manifest(String file, String kind, String apiVersion, String nameLine, String... annotations) {
        StringBuilder yaml = new StringBuilder("apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata:\n  "
                + nameLine + "\n");
        if (annotations.length > 0) {
            yaml.append("  annotations:\n");
            for (int i = 0; i < annotations.length; i += 2) {
                yaml.append("    ").append(annotations[i]).append(": \"").append(annotations[i + 1]).append("\"\n");
            }
        }
        return new Manifest(Serialization.unmarshal(yaml.toString(), GenericKubernetesResource.class), file, 1);
    }

    private Plan plan(List<Manifest> manifests) throws Exception {
        return Planner.plan(manifests, new Placement("shop", "ops", "shop", null), Discovery.parse(CORE, APIS), log);
    }

    private static List<Manifest> argoSet() {
        return List.of(
                manifest("smoke.yaml", "Job", "batch/v1", "generateName: smoke-", PhaseAnnotations.ARGO_HOOK, "PostSync"),
                manifest("web.yaml", "Deployment", "apps/v1", "name: web"),
                manifest("db.yaml", "Deployment", "apps/v1", "name: db", PhaseAnnotations.ARGO_WAVE, "-1"),
                manifest("config.yaml", "ConfigMap", "v1", "name: config", PhaseAnnotations.ARGO_WAVE, "-1"),
                manifest("migrate.yaml", "Job", "batch/v1", "generateName: migrate-", PhaseAnnotations.ARGO_HOOK, "PreSync"),
                manifest("page.yaml", "Pod", "v1", "name: page", PhaseAnnotations.ARGO_HOOK, "Sync",
                        PhaseAnnotations.ARGO_WAVE, "-1"),
                manifest("undo.yaml", "Job", "batch/v1", "name: undo", PhaseAnnotations.ARGO_HOOK, "SyncFail"));
    }

    @Test
    void stepsRunByPhaseThenWaveThenKind() throws Exception {
        Plan plan = plan(argoSet());

        assertThat(plan.objects()).extracting(o -> o.ref().toString())
                .containsExactly("ConfigMap/shop/config", "Deployment/shop/db", "Deployment/shop/web");
        assertThat(plan.steps(true)).extracting(Step::label)
                .containsExactly("PreSync wave 0", "Sync wave -1", "Sync wave 0", "PostSync wave 0");
        Step syncFirst = plan.steps(true).get(1);
        assertThat(syncFirst.objects()).extracting(o -> o.ref().name()).containsExactly("config", "db");
        assertThat(syncFirst.hooks()).extracting(PlannedHook::displayName).containsExactly("Pod/shop/page");
        assertThat(plan.steps(true).get(0).hooks()).extracting(PlannedHook::displayName)
                .containsExactly("Job/shop/migrate-*");
        assertThat(plan.failSteps(true)).extracting(Step::label).containsExactly("SyncFail wave 0");
        assertThat(plan.isOneStep()).isFalse();
        // hooks are no members: not in the inventory's kinds, not to be pruned
        assertThat(plan.byKey()).doesNotContainKeys("batch/Job/shop/migrate-*", "/Pod/shop/page");
        assertThat(plan.groupKinds()).containsExactly("ConfigMap", "Deployment.apps");
    }

    @Test
    void hooksCarryTheHookLabelsInsteadOfThePartOfLabel() throws Exception {
        PlannedHook migrate = plan(argoSet()).hooks().stream().filter(h -> h.ref().name().equals("migrate-"))
                .findFirst().orElseThrow();

        assertThat(migrate.generated()).isTrue();
        assertThat(migrate.deletePolicies()).containsExactly(DeletePolicy.BEFORE_HOOK_CREATION);
        assertThat(ObjectMaps.stringMap(migrate.desired(), "labels"))
                .doesNotContainKey(ApplySetId.PART_OF_LABEL)
                .containsEntry(HookLabels.HOOK_OF, ApplySetId.of("shop", "ops"))
                .containsEntry(HookLabels.HOOK, migrate.hookId());
        assertThat(migrate.hookId()).matches("[0-9a-f]{16}");
        assertThat(ObjectMaps.string(migrate.desired(), "metadata", "generateName")).isEqualTo("migrate-");
        assertThat(ObjectMaps.string(migrate.desired(), "metadata", "namespace")).isEqualTo("shop");
    }

    @Test
    void aSetWithoutHooksAndWavesIsOneStep() throws Exception {
        Plan plan = plan(List.of(manifest("a.yaml", "ConfigMap", "v1", "name: a", PhaseAnnotations.ARGO_WAVE, "4"),
                manifest("b.yaml", "Deployment", "apps/v1", "name: b", PhaseAnnotations.ARGO_WAVE, "4")));
        assertThat(plan.isOneStep()).isTrue();
        assertThat(plan.steps(false)).extracting(Step::label).containsExactly("Sync wave 4");
        assertThat(plan.failSteps(false)).isEmpty();
    }

    @Test
    void helmHooksRunOnTheirOccasionOnly() throws Exception {
        Plan plan = plan(List.of(
                manifest("install.yaml", "Job", "batch/v1", "name: install", PhaseAnnotations.HELM_HOOK, "pre-install",
                        PhaseAnnotations.HELM_WEIGHT, "-3"),
                manifest("upgrade.yaml", "Job", "batch/v1", "name: upgrade", PhaseAnnotations.HELM_HOOK,
                        "pre-upgrade,post-upgrade"),
                manifest("web.yaml", "Deployment", "apps/v1", "name: web")));

        assertThat(plan.steps(true)).extracting(Step::label).containsExactly("PreSync wave -3", "Sync wave 0");
        assertThat(plan.hooksNotRunOn(true)).extracting(h -> h.phase().word() + " " + h.ref().name())
                .containsExactly("PreSync upgrade", "PostSync upgrade");
        assertThat(plan.steps(false)).extracting(Step::label)
                .containsExactly("PreSync wave 0", "Sync wave 0", "PostSync wave 0");
        assertThat(plan.hooksNotRunOn(false)).extracting(h -> h.ref().name()).containsExactly("install");
    }

    @Test
    void hooksASyncNeverRunsAreLeftOutWithALine() throws Exception {
        Plan plan = plan(List.of(manifest("t.yaml", "Pod", "v1", "name: web-test", PhaseAnnotations.HELM_HOOK, "test"),
                manifest("web.yaml", "Deployment", "apps/v1", "name: web")));
        assertThat(plan.hooks()).isEmpty();
        assertThat(plan.objects()).extracting(o -> o.ref().name()).containsExactly("web");
        assertThat(log.infos).anyMatch(l -> l.contains("left out Pod/shop/web-test from t.yaml:1")
                && l.contains("helm.sh/hook: test"));
    }

    @Test
    void generateNameIsForHooksOnlyAndBadAnnotationsNameFileAndObject() {
        assertThatThrownBy(() -> plan(List.of(
                manifest("job.yaml", "Job", "batch/v1", "generateName: once-"),
                manifest("web.yaml", "Deployment", "apps/v1", "name: web", PhaseAnnotations.ARGO_WAVE, "soon"))))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("2 problems in the manifests")
                .hasMessageContaining("job.yaml:1: Job/shop/once-*: metadata.generateName (a new object each sync) is"
                        + " only for hooks")
                .hasMessageContaining("web.yaml:1: Deployment/shop/web: argocd.argoproj.io/sync-wave: 'soon' is not a"
                        + " whole number");
    }
}
