package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.jenkins.plugins.gitopssync.engine.plan.SyncPhase;
import io.jenkins.plugins.gitopssync.engine.Progress;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetId;
import io.jenkins.plugins.gitopssync.engine.identity.HookLabels;
import io.jenkins.plugins.gitopssync.engine.plan.PhaseAnnotations;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.HookResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.engine.report.WaveResult;
import io.jenkins.plugins.gitopssync.testsupport.Eventually;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 26 against the test cluster: PreSync hooks before the set, a failing hook stops the sync and runs
 * SyncFail, waves wait for each other, hook delete policies. Jobs run on the KWOK nodes as the cluster's own
 * pod stages say (test-cluster/kwok-stages/): a pod annotated kwok.gitops-sync.test/run-for succeeds after
 * that long, one annotated kwok.gitops-sync.test/fail fails with that message; others succeed at once.
 */
class PhasesClusterTest extends ClusterTestBase {

    @Test
    void preSyncMigrationJobWithGenerateNameCompletesBeforeTheDeploymentIsApplied() {
        repo.write("app/migrate.yaml", HookManifests.generatedJob("migrate-")
                        .annotate(PhaseAnnotations.ARGO_HOOK, "PreSync").runsFor("3s").yaml())
                .write("app/web.yaml", Manifests.deployment("web", 1, "nginx:1.27"));
        repo.commit("a migration before the rollout");
        Map<String, Object> whenSyncStarts = new ConcurrentHashMap<>();
        engine.setPhaseHook(phase -> {
            if (phase.equals(Progress.wave(SyncPhase.SYNC, 0))) {
                whenSyncStarts.put("migration complete", hookJobs().stream().allMatch(PhasesClusterTest::complete));
                whenSyncStarts.put("web exists", deployment("web") != null);
            }
        });

        SyncResult r = sync();

        assertThat(r.errors()).isEmpty();
        assertThat(r.status()).isEqualTo(SyncStatus.Synced);
        assertThat(whenSyncStarts).containsEntry("migration complete", true).containsEntry("web exists", false);
        assertThat(r.waves()).extracting(WaveResult::label, WaveResult::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PreSync wave 0", "synced"),
                org.assertj.core.groups.Tuple.tuple("Sync wave 0", "synced"));
        HookResult hook = r.hooks().get(0);
        assertThat(hook.state()).isEqualTo(HookResult.State.SUCCEEDED);
        assertThat(hook.name()).startsWith("migrate-").hasSizeGreaterThan("migrate-".length());
        Job migration = client.batch().v1().jobs().inNamespace(ns).withName(hook.name()).get();
        Deployment web = deployment("web");
        // the migration ran its 3 s and was complete before the Deployment was created
        assertThat(time(migration.getMetadata().getCreationTimestamp()))
                .isBefore(time(web.getMetadata().getCreationTimestamp()));
        assertThat(time(migration.getStatus().getCompletionTime()))
                .isBeforeOrEqualTo(time(web.getMetadata().getCreationTimestamp()));
        // a hook is created for the sync: no member of the ApplySet, so never in its inventory or pruned
        assertThat(migration.getMetadata().getLabels()).doesNotContainKey(ApplySetId.PART_OF_LABEL)
                .containsEntry(HookLabels.HOOK_OF, ApplySetId.of(applySet, ns));
        assertThat(client.secrets().inNamespace(ns).withName(applySet).get().getMetadata().getAnnotations())
                .containsEntry(ApplySetId.GROUP_KINDS_ANNOTATION, "Deployment.apps");
        assertThat(object(r, "Deployment", "web").action()).isEqualTo(Action.CREATED);
    }

    @Test
    void failingPreSyncJobLeavesTheDeploymentUntouchedAndRunsTheSyncFailHook() {
        repo.write("app/web.yaml", Manifests.deployment("web", 1, "nginx:1.27"));
        repo.commit("web");
        assertThat(sync().status()).isEqualTo(SyncStatus.Synced);
        long generation = deployment("web").getMetadata().getGeneration();

        repo.write("app/web.yaml", Manifests.deployment("web", 1, "nginx:1.28"))
                .write("app/migrate.yaml", HookManifests.generatedJob("migrate-")
                        .annotate(PhaseAnnotations.ARGO_HOOK, "PreSync").runsFor("1s")
                        .fails("relation \\\"users\\\" already exists").yaml())
                .write("app/page.yaml", HookManifests.generatedJob("page-on-call-")
                        .annotate(PhaseAnnotations.ARGO_HOOK, "SyncFail").yaml());
        repo.commit("new image, with a migration that fails");
        SyncResult r = sync();

        assertThat(r.status()).isEqualTo(SyncStatus.Failed);
        String failed = r.hooks().stream().filter(h -> h.phase().equals("PreSync")).findFirst().orElseThrow().name();
        assertThat(r.errors()).singleElement().asString()
                .startsWith("hook Job/" + ns + "/" + failed + " (PreSync wave 0, from app/migrate.yaml:1) failed: job"
                        + " failed: BackoffLimitExceeded")
                .contains("container migrate exited with code 1 (Error: relation \"users\" already exists)")
                // the test cluster's KWOK serves one log for every container: test-cluster/kwok-stages/container.log
                .endsWith("the last lines of its log:\n  | the test cluster's KWOK nodes run no container: every"
                        + " container's log is test-cluster/kwok-stages/container.log\n  | step 1 of 2: connected to the"
                        + " database\n  | step 2 of 2: failed: relation \"users\" already exists");
        // the Deployment was not touched: the same spec generation, the old image
        Deployment web = deployment("web");
        assertThat(web.getMetadata().getGeneration()).isEqualTo(generation);
        assertThat(web.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.27");
        assertThat(object(r, "Deployment", "web").action()).isEqualTo(Action.SKIPPED);
        assertThat(object(r, "Deployment", "web").error()).isEqualTo("not applied: PreSync wave 0 failed");
        // the SyncFail hook ran, and succeeded
        assertThat(r.waves()).extracting(WaveResult::label, WaveResult::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PreSync wave 0", "failed"),
                org.assertj.core.groups.Tuple.tuple("Sync wave 0", "not run"),
                org.assertj.core.groups.Tuple.tuple("SyncFail wave 0", "synced"));
        HookResult page = r.hooks().stream().filter(h -> h.phase().equals("SyncFail")).findFirst().orElseThrow();
        assertThat(page.state()).isEqualTo(HookResult.State.SUCCEEDED);
        assertThat(complete(client.batch().v1().jobs().inNamespace(ns).withName(page.name()).get())).isTrue();
        // the failed hook Job stays for inspection (its policy is BeforeHookCreation)
        assertThat(client.batch().v1().jobs().inNamespace(ns).withName(failed).get()).isNotNull();
    }

    @Test
    void waveMinusOneIsHealthyBeforeWaveZeroStarts() {
        repo.write("db/prepare.yaml", HookManifests.annotated(HookManifests.job("prepare").runsFor("3s").yaml(),
                        PhaseAnnotations.ARGO_WAVE, "-1"))
                .write("db/db.yaml", HookManifests.annotated(Manifests.deployment("db", 1, "postgres:17"),
                        PhaseAnnotations.ARGO_WAVE, "-1"))
                .write("app/settings.yaml", Manifests.configMap("settings", "db", "db:5432"))
                .write("app/web.yaml", Manifests.deployment("web", 1, "nginx:1.27"));
        repo.commit("a database in wave -1, the app in wave 0");
        Map<String, Object> whenWaveZeroStarts = new ConcurrentHashMap<>();
        engine.setPhaseHook(phase -> {
            if (phase.equals(Progress.wave(SyncPhase.SYNC, 0))) {
                whenWaveZeroStarts.put("prepare complete", complete(job("prepare")));
                Deployment db = deployment("db");
                whenWaveZeroStarts.put("db available", db.getStatus() != null
                        && Integer.valueOf(1).equals(db.getStatus().getAvailableReplicas()));
                whenWaveZeroStarts.put("settings exist",
                        client.configMaps().inNamespace(ns).withName("settings").get() != null);
            }
        });

        SyncResult r = sync();

        assertThat(r.errors()).isEmpty();
        assertThat(whenWaveZeroStarts).containsEntry("prepare complete", true).containsEntry("db available", true)
                .containsEntry("settings exist", false);
        assertThat(time(client.configMaps().inNamespace(ns).withName("settings").get().getMetadata().getCreationTimestamp()))
                .isAfterOrEqualTo(time(job("prepare").getStatus().getCompletionTime()));
        List<WaveResult> waves = r.waves();
        assertThat(waves).extracting(WaveResult::label).containsExactly("Sync wave -1", "Sync wave 0");
        assertThat(Instant.parse(waves.get(0).startedAt()).plusMillis(waves.get(0).durationMs()))
                .isBeforeOrEqualTo(Instant.parse(waves.get(1).startedAt()));
        assertThat(waves.get(0).durationMs()).isGreaterThanOrEqualTo(2_000); // it waited for the 3 s Job
        assertThat(object(r, "Deployment", "db").health()).isEqualTo("Current");
    }

    @Test
    void anUnhealthyWaveStopsTheSyncBeforeTheNextAndRunsSyncFail() {
        repo.write("seed.yaml", HookManifests.annotated(HookManifests.job("seed").fails("no such table").yaml(),
                        PhaseAnnotations.ARGO_WAVE, "-1"))
                .write("settings.yaml", Manifests.configMap("settings", "a", "1"))
                .write("page.yaml", HookManifests.generatedJob("page-").annotate(PhaseAnnotations.ARGO_HOOK, "SyncFail")
                        .yaml());
        repo.commit("a seed Job in wave -1 that fails");

        SyncResult r = sync(b -> b.prune(true));

        assertThat(r.status()).isEqualTo(SyncStatus.Failed);
        assertThat(r.errors()).anyMatch(e -> e.startsWith("unhealthy: Job/" + ns + "/seed: job failed: BackoffLimitExceeded"));
        assertThat(object(r, "ConfigMap", "settings").action()).isEqualTo(Action.SKIPPED);
        assertThat(client.configMaps().inNamespace(ns).withName("settings").get()).isNull();
        assertThat(r.waves()).extracting(WaveResult::label, WaveResult::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Sync wave -1", "failed"),
                org.assertj.core.groups.Tuple.tuple("Sync wave 0", "not run"),
                org.assertj.core.groups.Tuple.tuple("SyncFail wave 0", "synced"));
        assertThat(hook(r, "page-").state()).isEqualTo(HookResult.State.SUCCEEDED);
    }

    @Test
    void beforeHookCreationDeletesThePreviousHookObject() throws Exception {
        repo.write("migrate.yaml", HookManifests.generatedJob("migrate-").annotate(PhaseAnnotations.ARGO_HOOK, "PreSync")
                        .annotate(PhaseAnnotations.ARGO_DELETE_POLICY, "BeforeHookCreation").yaml())
                .write("seed.yaml", HookManifests.job("seed").annotate(PhaseAnnotations.ARGO_HOOK, "PostSync").yaml())
                .write("smoke.yaml", HookManifests.generatedJob("smoke-").annotate(PhaseAnnotations.ARGO_HOOK, "PostSync")
                        .annotate(PhaseAnnotations.ARGO_DELETE_POLICY, "HookSucceeded").yaml())
                .write("cm.yaml", Manifests.configMap("settings", "a", "1"));
        repo.commit("hooks with each delete policy");
        SyncResult first = sync();
        assertThat(first.errors()).isEmpty();
        String firstMigration = hook(first, "migrate-").name();
        String firstSeedUid = job("seed").getMetadata().getUid();
        // HookSucceeded: gone once it succeeded
        assertThat(hook(first, "smoke-").deleted()).isTrue();
        assertThat(job(hook(first, "smoke-").name())).isNull();

        SyncResult second = sync();

        assertThat(second.errors()).isEmpty();
        String secondMigration = hook(second, "migrate-").name();
        assertThat(secondMigration).isNotEqualTo(firstMigration);
        // the first run is deleted before the second is created, generated name and all; the named hook is new
        assertThat(job(firstMigration) == null || job(firstMigration).getMetadata().getDeletionTimestamp() != null)
                .isTrue();
        assertThat(job(secondMigration)).isNotNull();
        assertThat(job("seed").getMetadata().getUid()).isNotEqualTo(firstSeedUid);
        assertThat(log.infos).anyMatch(l -> l.contains("deleted Job/" + ns + "/" + firstMigration
                + ", an earlier run of hook Job/" + ns + "/migrate-* (BeforeHookCreation)"));
        Eventually.until("the first migration Job to be gone", Duration.ofSeconds(30), () -> job(firstMigration) == null);
        assertThat(hookJobs()).extracting(j -> j.getMetadata().getName())
                .containsExactlyInAnyOrder(secondMigration, "seed");
    }

    @Test
    void kustomizeOutputRunsItsHooks() {
        repo.write("k/kustomization.yaml", "resources:\n- migrate.yaml\n- web.yaml\nnamePrefix: staging-\n")
                .write("k/migrate.yaml", HookManifests.job("migrate").annotate(PhaseAnnotations.ARGO_HOOK, "PreSync")
                        .yaml())
                .write("k/web.yaml", Manifests.deployment("web", 1, "nginx:1.27"));
        repo.commit("a kustomization with a hook");

        SyncResult r = engine.sync(request("k").build());

        assertThat(r.errors()).isEmpty();
        assertThat(r.hooks()).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo("staging-migrate");
            assertThat(h.state()).isEqualTo(HookResult.State.SUCCEEDED);
        });
        assertThat(complete(job("staging-migrate"))).isTrue();
        assertThat(time(job("staging-migrate").getStatus().getCompletionTime()))
                .isBeforeOrEqualTo(time(deployment("staging-web").getMetadata().getCreationTimestamp()));
    }

    @Test
    void dryRunListsTheWavesAndHooksAndWritesNothing() {
        repo.write("migrate.yaml", HookManifests.generatedJob("migrate-").annotate(PhaseAnnotations.ARGO_HOOK, "PreSync")
                        .yaml())
                .write("db.yaml", HookManifests.annotated(Manifests.configMap("db", "a", "1"), PhaseAnnotations.ARGO_WAVE,
                        "-1"))
                .write("web.yaml", Manifests.deployment("web", 1, "nginx:1.27"))
                .write("smoke.yaml", HookManifests.generatedJob("smoke-").annotate(PhaseAnnotations.ARGO_HOOK, "PostSync")
                        .yaml());
        repo.commit("hooks and waves");
        Map<String, Long> before = access.requestCountByMethod();

        SyncResult r = sync(b -> b.dryRun(true));

        Map<String, Long> after = access.requestCountByMethod();
        assertThat(r.errors()).isEmpty();
        assertThat(r.status()).isEqualTo(SyncStatus.OutOfSync);
        assertThat(r.waves()).extracting(WaveResult::label, WaveResult::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PreSync wave 0", "planned"),
                org.assertj.core.groups.Tuple.tuple("Sync wave -1", "planned"),
                org.assertj.core.groups.Tuple.tuple("Sync wave 0", "planned"),
                org.assertj.core.groups.Tuple.tuple("PostSync wave 0", "planned"));
        assertThat(r.hooks()).extracting(HookResult::name, HookResult::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("migrate-*", HookResult.State.WOULD_RUN),
                org.assertj.core.groups.Tuple.tuple("smoke-*", HookResult.State.WOULD_RUN));
        // nothing written: no create, update or delete went out, and no hook ran
        for (String write : List.of("POST", "PUT", "DELETE")) {
            assertThat(after.getOrDefault(write, 0L)).as(write).isEqualTo(before.getOrDefault(write, 0L));
        }
        assertThat(client.batch().v1().jobs().inNamespace(ns).list().getItems()).isEmpty();
        assertThat(client.secrets().inNamespace(ns).withName(applySet).get()).isNull();
        assertThat(log.infos).contains("PreSync wave 0: 1 hook",
                "would run hook Job/" + ns + "/migrate-* (PreSync, wave 0) from migrate.yaml:1");
    }

    private static HookResult hook(SyncResult r, String namePrefix) {
        return r.hooks().stream().filter(h -> h.name().startsWith(namePrefix)).findFirst().orElseThrow();
    }

    private List<Job> hookJobs() {
        return client.batch().v1().jobs().inNamespace(ns).withLabel(HookLabels.HOOK_OF, ApplySetId.of(applySet, ns))
                .list().getItems();
    }

    private Job job(String name) {
        return client.batch().v1().jobs().inNamespace(ns).withName(name).get();
    }

    private Deployment deployment(String name) {
        return client.apps().deployments().inNamespace(ns).withName(name).get();
    }

    static boolean complete(Job job) {
        return job != null && job.getStatus() != null && job.getStatus().getConditions().stream()
                .anyMatch(c -> c.getType().equals("Complete") && c.getStatus().equals("True"));
    }

    static Instant time(String timestamp) {
        return Instant.parse(timestamp);
    }
}
