package io.jenkins.plugins.gitopssync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.HookResult;
import io.jenkins.plugins.gitopssync.engine.report.InventoryStatus;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.engine.report.WaveResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stdout format: one line per changed object, diffs, and the summary; exit codes from results. */
class ResultPrinterTest {

    private static final String REV = "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d";

    private static ObjectResult obj(String kind, String ns, String name, Action action, boolean drift, String diff,
                                    String error) {
        return new ObjectResult(kind.equals("Deployment") ? "apps" : "", "v1", kind, ns, name, action, drift, diff, error,
                "shop/" + name + ".yaml:1", null);
    }

    private static SyncResult result(SyncStatus status, boolean dryRun, List<ObjectResult> objects, List<String> errors) {
        return SyncResult.builder(REV, "shop", "shop-1a2b3c4d").status(status).dryRun(dryRun).objects(objects)
                .phaseMillis(Map.of("apply", 1200L)).durationMs(2100).apiRequests(17).errors(errors).build();
    }

    private static final List<ObjectResult> OBJECTS = List.of(
            obj("Namespace", "", "shop", Action.CREATED, false, "", null),
            obj("ConfigMap", "shop", "x", Action.CONFIGURED, true, "--- live/ConfigMap/shop/x\n+++ desired/ConfigMap/shop/x\n-a\n+b\n", null),
            obj("Secret", "shop", "s", Action.CONFIGURED, false, "", null),
            obj("Service", "shop", "old", Action.PRUNED, false, "", null),
            obj("Deployment", "shop", "web", Action.UNCHANGED, false, "", null));

    private static String[] print(SyncResult r, boolean quiet, boolean verbose, boolean diffs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new Redactor(List.of()), quiet, verbose);
        new ResultPrinter(console).print(r, diffs);
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void syncPrintsChangedObjectsAndTheSummary() {
        String[] printed = print(result(SyncStatus.Synced, false, OBJECTS, List.of()), false, false, false);
        assertThat(printed[0]).isEqualTo("""
                created    Namespace/shop
                configured ConfigMap/shop/x (drift)
                configured Secret/shop/s (git change)
                pruned     Service/shop/old
                revision 1a2b3c4: 1 created, 2 configured (1 drift), 1 pruned, 1 unchanged in 2.1 s, 17 API requests; Synced
                """);
        assertThat(printed[1]).isEmpty();
    }

    @Test
    void dryRunShowsDiffsAndSaysNothingWasWritten() {
        String[] printed = print(result(SyncStatus.Drift, true, OBJECTS, List.of()), false, false, true);
        assertThat(printed[0]).contains("configured ConfigMap/shop/x (drift)\n--- live/ConfigMap/shop/x\n+++ desired/ConfigMap/shop/x\n-a\n+b\n")
                .contains("revision 1a2b3c4 (dry run, nothing written): 1 created");
        assertThat(ExitCodes.of(result(SyncStatus.Drift, true, OBJECTS, List.of()))).isEqualTo(1);
    }

    /** The engine's verdict: differences left exit 1 (changes pending in Git too); a sync that corrected drift, 0. */
    @Test
    void exitCodesFollowTheVerdict() {
        List<ObjectResult> changes = List.of(obj("Namespace", "", "shop", Action.CREATED, false, "", null));
        assertThat(ExitCodes.of(result(SyncStatus.OutOfSync, true, changes, List.of()))).isEqualTo(1);
        assertThat(ExitCodes.of(result(SyncStatus.Synced, false, OBJECTS, List.of()))).as("drift corrected").isZero();
        assertThat(ExitCodes.of(InventoryStatus.builder("shop", "default").build())).as("no such ApplySet").isEqualTo(2);
        assertThat(ExitCodes.of(InventoryStatus.builder("shop", "default").exists(true).build())).isZero();
        assertThat(ExitCodes.of(InventoryStatus.builder("shop", "default").exists(true).drifted(OBJECTS.subList(1, 2))
                .build())).isEqualTo(1);
    }

    @Test
    void quietKeepsOnlyTheSummaryVerboseAddsUnchangedAndSources() {
        String[] quiet = print(result(SyncStatus.Synced, false, OBJECTS, List.of()), true, false, false);
        assertThat(quiet[0].lines()).singleElement().asString().startsWith("revision 1a2b3c4: ");
        String[] verbose = print(result(SyncStatus.Synced, false, OBJECTS, List.of()), false, true, false);
        assertThat(verbose[0]).contains("unchanged  Deployment/shop/web  shop/web.yaml:1");
    }

    @Test
    void failuresGoToStderrAndExit2() {
        List<ObjectResult> objects = List.of(obj("Deployment", "shop", "web", Action.FAILED, false, "",
                "Deployment.apps \"web\" is invalid: spec.selector: field is immutable"));
        SyncResult failed = result(SyncStatus.Failed, false, objects, List.of("health: timed out after 5m"));
        String[] printed = print(failed, false, false, false);
        assertThat(printed[0]).contains("failed     Deployment/shop/web: Deployment.apps \"web\" is invalid")
                .contains(", 1 failed in 2.1 s").contains("; Failed");
        assertThat(printed[1]).isEqualTo("error: health: timed out after 5m\n");
        assertThat(ExitCodes.of(failed)).isEqualTo(2);
        SyncResult clean = result(SyncStatus.Synced, true, List.of(obj("Namespace", "", "a", Action.UNCHANGED, false, "", null)),
                List.of());
        assertThat(ExitCodes.of(clean)).isZero();
    }

    @Test
    void wavesAndTheirHooksAsTheyRan() {
        List<ObjectResult> objects = List.of(obj("Deployment", "shop", "web", Action.SKIPPED, false, "",
                "not applied: PreSync wave 0 failed"));
        SyncResult r = SyncResult.builder(REV, "shop", "shop-1a2b3c4d").status(SyncStatus.Failed).objects(objects)
                .durationMs(3400).apiRequests(30).errors(List.of("hook Job/shop/migrate-x7k2p (PreSync wave 0, from"
                + " shop/migrate.yaml:1) failed: BackoffLimitExceeded"))
                .waves(List.of(new WaveResult("PreSync", 0, 0, 1, "2026-12-07T09:58:31.250Z", 3200, WaveResult.FAILED),
                        new WaveResult("Sync", 0, 1, 0, null, 0, WaveResult.NOT_RUN),
                        new WaveResult("SyncFail", 0, 0, 1, "2026-12-07T09:58:34.500Z", 120, WaveResult.SYNCED)))
                .hooks(List.of(hook("PreSync", "migrate-x7k2p", HookResult.State.FAILED, "hook ... failed", true),
                        hook("PreSync", "seed", HookResult.State.SKIPPED, "runs on a first install only, and the"
                                + " ApplySet has an inventory (an upgrade)", false),
                        hook("SyncFail", "page-ops", HookResult.State.SUCCEEDED, null, false))).build();

        String[] printed = print(r, false, false, false);

        assertThat(printed[0]).contains("""
                wave       PreSync 0: failed in 3.2 s, started 09:58:31Z (1 hook)
                hook       Job/shop/migrate-x7k2p failed, deleted
                wave       Sync 0: not run (1 object)
                wave       SyncFail 0: synced in 0.1 s, started 09:58:34Z (1 hook)
                hook       Job/shop/page-ops succeeded
                hook       Job/shop/seed skipped: runs on a first install only, and the ApplySet has an inventory (an \
                upgrade) (PreSync wave 0)
                """);
        assertThat(printed[1]).startsWith("error: hook Job/shop/migrate-x7k2p (PreSync wave 0, from shop/migrate.yaml:1)");
        String[] oneWave = print(result(SyncStatus.Synced, false, OBJECTS, List.of()), false, false, false);
        assertThat(oneWave[0]).doesNotContain("wave ");
    }

    private static HookResult hook(String phase, String name, HookResult.State state, String error, boolean deleted) {
        return new HookResult(phase, 0, "batch", "v1", "Job", "shop", name, "shop/" + name + ".yaml:1", state, error,
                deleted);
    }

    @Test
    void objectsThatFailedEndTheRunWithAnErrorLine() {
        List<ObjectResult> objects = List.of(
                obj("ConfigMap", "shop", "ok", Action.CREATED, false, "", null),
                obj("ConfigMap", "shop", "bad", Action.FAILED, false, "", "ConfigMap \"bad\" is invalid: data[bad key]"),
                obj("Secret", "shop", "worse", Action.FAILED, false, "", "Secret \"worse\" is invalid: type"));
        String[] printed = print(result(SyncStatus.Failed, false, objects, List.of()), true, false, false);

        assertThat(printed[1]).isEqualTo("error: 2 objects failed: ConfigMap/shop/bad (shop/bad.yaml:1): ConfigMap \"bad\""
                + " is invalid: data[bad key]; Secret/shop/worse (shop/worse.yaml:1): Secret \"worse\" is invalid: type\n");
    }
}
