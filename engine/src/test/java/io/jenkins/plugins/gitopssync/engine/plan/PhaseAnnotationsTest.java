package io.jenkins.plugins.gitopssync.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PhaseAnnotationsTest {

    private static PhaseSpec read(String... keyValues) {
        return PhaseAnnotations.read(map(keyValues));
    }

    private static Map<String, String> map(String... keyValues) {
        java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static PhaseSpec.Trigger trigger(SyncPhase phase, HookOccasion occasion) {
        return new PhaseSpec.Trigger(phase, occasion);
    }

    @Test
    void anObjectWithoutHookAnnotationsIsAMemberOfItsWave() {
        assertThat(read()).isEqualTo(PhaseSpec.member(0));
        assertThat(read(PhaseAnnotations.ARGO_WAVE, " -2 ")).isEqualTo(PhaseSpec.member(-2));
        // a hook weight alone does not make a hook, nor a wave: Helm reads it on hooks only
        assertThat(read(PhaseAnnotations.HELM_WEIGHT, "5")).isEqualTo(PhaseSpec.member(0));
    }

    @Test
    void argoCdHooksRunOnEverySyncInTheirPhases() {
        PhaseSpec spec = read(PhaseAnnotations.ARGO_HOOK, "PreSync, PostSync", PhaseAnnotations.ARGO_WAVE, "3");
        assertThat(spec.role()).isEqualTo(PhaseSpec.Role.HOOK);
        assertThat(spec.triggers()).containsExactly(trigger(SyncPhase.PRE_SYNC, HookOccasion.ALWAYS),
                trigger(SyncPhase.POST_SYNC, HookOccasion.ALWAYS));
        assertThat(spec.wave()).isEqualTo(3);
        assertThat(read(PhaseAnnotations.ARGO_HOOK, "SyncFail").triggers())
                .containsExactly(trigger(SyncPhase.SYNC_FAIL, HookOccasion.ALWAYS));
        assertThat(read(PhaseAnnotations.ARGO_HOOK, "Sync").triggers())
                .containsExactly(trigger(SyncPhase.SYNC, HookOccasion.ALWAYS));
    }

    @Test
    void helmHooksRunOnTheirOccasionAndBothWhenTheyNameBoth() {
        assertThat(read(PhaseAnnotations.HELM_HOOK, "pre-install").triggers())
                .containsExactly(trigger(SyncPhase.PRE_SYNC, HookOccasion.FIRST_INSTALL));
        assertThat(read(PhaseAnnotations.HELM_HOOK, "post-upgrade").triggers())
                .containsExactly(trigger(SyncPhase.POST_SYNC, HookOccasion.UPGRADE));
        assertThat(read(PhaseAnnotations.HELM_HOOK, "pre-install,pre-upgrade").triggers())
                .containsExactly(trigger(SyncPhase.PRE_SYNC, HookOccasion.ALWAYS));
        assertThat(read(PhaseAnnotations.HELM_HOOK, "post-install,pre-upgrade").triggers())
                .containsExactly(trigger(SyncPhase.PRE_SYNC, HookOccasion.UPGRADE),
                        trigger(SyncPhase.POST_SYNC, HookOccasion.FIRST_INSTALL));
        assertThat(HookOccasion.FIRST_INSTALL.runsOn(true)).isTrue();
        assertThat(HookOccasion.FIRST_INSTALL.runsOn(false)).isFalse();
        assertThat(HookOccasion.UPGRADE.runsOn(true)).isFalse();
        assertThat(HookOccasion.ALWAYS.runsOn(false)).isTrue();
    }

    @Test
    void theHookWeightIsTheWaveUnlessASyncWaveIsGiven() {
        assertThat(read(PhaseAnnotations.HELM_HOOK, "pre-install", PhaseAnnotations.HELM_WEIGHT, "-5").wave()).isEqualTo(-5);
        assertThat(read(PhaseAnnotations.HELM_HOOK, "pre-install", PhaseAnnotations.HELM_WEIGHT, "-5",
                PhaseAnnotations.ARGO_WAVE, "2").wave()).isEqualTo(2);
    }

    @Test
    void argoCdsHookAnnotationWinsOverHelms() {
        PhaseSpec spec = read(PhaseAnnotations.ARGO_HOOK, "PostSync", PhaseAnnotations.HELM_HOOK, "pre-install");
        assertThat(spec.triggers()).containsExactly(trigger(SyncPhase.POST_SYNC, HookOccasion.ALWAYS));
    }

    @Test
    void deletePoliciesOfBothVocabulariesBeforeHookCreationByDefault() {
        assertThat(read(PhaseAnnotations.ARGO_HOOK, "PreSync").deletePolicies())
                .containsExactly(DeletePolicy.BEFORE_HOOK_CREATION);
        assertThat(read(PhaseAnnotations.HELM_HOOK, "pre-upgrade").deletePolicies())
                .containsExactly(DeletePolicy.BEFORE_HOOK_CREATION);
        assertThat(read(PhaseAnnotations.ARGO_HOOK, "PreSync", PhaseAnnotations.ARGO_DELETE_POLICY, "HookSucceeded")
                .deletePolicies()).containsExactly(DeletePolicy.HOOK_SUCCEEDED);
        assertThat(read(PhaseAnnotations.HELM_HOOK, "pre-upgrade", PhaseAnnotations.HELM_DELETE_POLICY,
                "hook-failed,before-hook-creation").deletePolicies())
                .isEqualTo(Set.of(DeletePolicy.HOOK_FAILED, DeletePolicy.BEFORE_HOOK_CREATION));
        assertThat(read(PhaseAnnotations.ARGO_HOOK, "PreSync", PhaseAnnotations.ARGO_DELETE_POLICY, "HookFailed",
                PhaseAnnotations.HELM_DELETE_POLICY, "hook-succeeded").deletePolicies())
                .isEqualTo(Set.of(DeletePolicy.HOOK_FAILED, DeletePolicy.HOOK_SUCCEEDED));
    }

    @Test
    void hooksASyncNeverReachesLeaveTheObjectOut() {
        assertThat(read(PhaseAnnotations.ARGO_HOOK, "Skip").role()).isEqualTo(PhaseSpec.Role.LEFT_OUT);
        PhaseSpec test = read(PhaseAnnotations.HELM_HOOK, "test");
        assertThat(test.role()).isEqualTo(PhaseSpec.Role.LEFT_OUT);
        assertThat(test.leftOut()).contains("helm.sh/hook: test").contains("never by a sync");
        assertThat(read(PhaseAnnotations.ARGO_HOOK, "PostDelete").leftOut()).contains("deleted");
        // one phase a sync runs is enough to make it a hook of that phase
        assertThat(read(PhaseAnnotations.HELM_HOOK, "pre-delete,post-install").triggers())
                .containsExactly(trigger(SyncPhase.POST_SYNC, HookOccasion.FIRST_INSTALL));
    }

    @Test
    void valuesThatDoNotReadNameTheAnnotationAndTheValue() {
        for (List<String> bad : List.of(
                List.of(PhaseAnnotations.ARGO_WAVE, "first", "argocd.argoproj.io/sync-wave: 'first' is not a whole number"),
                List.of(PhaseAnnotations.ARGO_HOOK, "Presync", "argocd.argoproj.io/hook: unknown hook 'Presync'"),
                List.of(PhaseAnnotations.HELM_HOOK, "pre-instal", "helm.sh/hook: unknown hook 'pre-instal'"))) {
            assertThatThrownBy(() -> read(bad.get(0), bad.get(1))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad.get(2));
        }
        assertThatThrownBy(() -> read(PhaseAnnotations.HELM_HOOK, "pre-install", PhaseAnnotations.HELM_WEIGHT, "1.5"))
                .hasMessageContaining("helm.sh/hook-weight: '1.5' is not a whole number");
        assertThatThrownBy(() -> read(PhaseAnnotations.ARGO_HOOK, "PreSync", PhaseAnnotations.ARGO_DELETE_POLICY,
                "hook-succeeded")).hasMessageContaining("argocd.argoproj.io/hook-delete-policy: unknown delete policy"
                + " 'hook-succeeded'");
    }

    @Test
    void liveObjectsReadLeniently() {
        assertThat(PhaseAnnotations.waveOf(map(PhaseAnnotations.ARGO_WAVE, "7"))).isEqualTo(7);
        assertThat(PhaseAnnotations.waveOf(map(PhaseAnnotations.ARGO_WAVE, "x"))).isZero();
        assertThat(PhaseAnnotations.waveOf(map())).isZero();
        assertThat(PhaseAnnotations.keptByHelm(map(PhaseAnnotations.HELM_RESOURCE_POLICY, " Keep"))).isTrue();
        assertThat(PhaseAnnotations.keptByHelm(map(PhaseAnnotations.HELM_RESOURCE_POLICY, "delete"))).isFalse();
    }
}
