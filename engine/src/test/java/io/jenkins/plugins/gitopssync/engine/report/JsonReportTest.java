package io.jenkins.plugins.gitopssync.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitopssync.engine.inventory.AuditEntry;
import io.jenkins.plugins.gitopssync.engine.render.RenderedChart;
import io.jenkins.plugins.gitopssync.engine.verify.Signer;
import io.jenkins.plugins.gitopssync.engine.verify.VerifiedRevision;
import io.jenkins.plugins.gitopssync.engine.verify.VerifyMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static SyncResult sampleResult() {
        List<ObjectResult> objects = List.of(
                new ObjectResult("apps", "v1", "Deployment", "prod", "web", Action.CONFIGURED, true,
                        "--- live/Deployment/prod/web\n+++ desired/Deployment/prod/web\n", null, "apps/web.yaml:1", "Current"),
                new ObjectResult("", "v1", "ConfigMap", "prod", "old", Action.PRUNED, false, "", null, null, null),
                new ObjectResult("", "v1", "Service", "prod", "web", Action.FAILED, false, "", "Service/prod/web: forbidden",
                        "apps/svc.yaml:3", null));
        return SyncResult.builder("1a2b3c4", "apps", "demo").status(SyncStatus.Failed).objects(objects)
                .phaseMillis(Map.of("health", 40L, "render", 5L, "apply", 30L, "diff", 20L, "plan", 10L))
                .durationMs(120).apiRequests(17).errors(List.of("1 object failed")).warnings(List.of("apps/x.yaml:1: skipped"))
                .build();
    }

    @Test
    void aChartIsNamedWithItsVersionValuesFilesAndRelease() throws Exception {
        SyncResult chart = SyncResult.builder("1a2b3c4", "apps/shop", "demo").status(SyncStatus.Synced)
                .chart(new RenderedChart("shop", "1.2.0", "apps/shop", List.of("env/a.yaml", "env/b.yaml"), "web", "prod"))
                .build();

        JsonNode json = MAPPER.readTree(JsonReport.toJson(chart)).get("chart");

        assertThat(fieldNames(json)).containsExactly("name", "version", "path", "valuesFiles", "releaseName", "namespace");
        assertThat(json.get("version").asText()).isEqualTo("1.2.0");
        assertThat(json.get("valuesFiles").get(1).asText()).isEqualTo("env/b.yaml");
        assertThat(json.get("releaseName").asText()).isEqualTo("web");
    }

    @Test
    void syncResultHasExactlyTheDocumentedFields() throws Exception {
        JsonNode json = MAPPER.readTree(JsonReport.toJson(sampleResult()));

        assertThat(fieldNames(json)).containsExactly("revision", "path", "applySet", "status", "dryRun", "objects",
                "totals", "phases", "waves", "hooks", "durationMs", "apiRequests", "errors", "warnings", "signature", "chart");
        assertThat(json.get("signature").isNull()).as("no signature check").isTrue();
        assertThat(json.get("chart").isNull()).as("not a chart").isTrue();
        assertThat(json.get("revision").asText()).isEqualTo("1a2b3c4");
        assertThat(json.get("status").asText()).isEqualTo("Failed");
        assertThat(json.get("dryRun").asBoolean()).isFalse();
        assertThat(json.get("durationMs").asLong()).isEqualTo(120);
        assertThat(json.get("apiRequests").asLong()).isEqualTo(17);
        assertThat(fieldNames(json.get("phases"))).containsExactly("render", "plan", "diff", "apply", "health");
        assertThat(json.get("phases").get("apply").asLong()).isEqualTo(30);
        assertThat(json.get("errors").get(0).asText()).isEqualTo("1 object failed");
        assertThat(json.get("warnings").get(0).asText()).isEqualTo("apps/x.yaml:1: skipped");

        JsonNode first = json.get("objects").get(0);
        assertThat(fieldNames(first)).containsExactly("group", "version", "kind", "namespace", "name", "action", "drift",
                "diff", "error", "source", "health");
        assertThat(first.get("action").asText()).isEqualTo("configured");
        assertThat(first.get("drift").asBoolean()).isTrue();
        assertThat(first.get("source").asText()).isEqualTo("apps/web.yaml:1");
        assertThat(first.get("error").isNull()).isTrue();
        assertThat(json.get("objects").get(1).get("action").asText()).isEqualTo("pruned");
        assertThat(json.get("objects").get(2).get("error").asText()).isEqualTo("Service/prod/web: forbidden");

        JsonNode totals = json.get("totals");
        assertThat(fieldNames(totals)).containsExactly("created", "configured", "unchanged", "pruned", "skipped", "failed", "drifted");
        assertThat(totals.get("configured").asInt()).isEqualTo(1);
        assertThat(totals.get("pruned").asInt()).isEqualTo(1);
        assertThat(totals.get("failed").asInt()).isEqualTo(1);
        assertThat(totals.get("drifted").asInt()).isEqualTo(1);
    }

    @Test
    void statusNamesAreTheEnumNames() throws Exception {
        for (SyncStatus status : SyncStatus.values()) {
            SyncResult r = SyncResult.builder("r", ".", "a").status(status).dryRun(true).build();
            assertThat(MAPPER.readTree(JsonReport.toJson(r)).get("status").asText()).isEqualTo(status.name());
        }
    }

    @Test
    void wavesAndHooksAsTheyRan() throws Exception {
        SyncResult r = SyncResult.builder("1a2b3c4", ".", "a").status(SyncStatus.Failed)
                .phaseMillis(Map.of(EnginePhase.HOOKS.key(), 3000L)).errors(List.of("hook failed"))
                .waves(List.of(new WaveResult("PreSync", 0, 0, 1, "2026-01-01T00:00:00Z", 3000, WaveResult.FAILED),
                        new WaveResult("Sync", -1, 2, 0, null, 0, WaveResult.NOT_RUN)))
                .hooks(List.of(new HookResult("PreSync", 0, "batch", "v1", "Job", "prod", "migrate-x7k2p", "app/job.yaml:1",
                        HookResult.State.FAILED, "hook failed", true))).build();

        JsonNode json = MAPPER.readTree(JsonReport.toJson(r));

        assertThat(fieldNames(json.get("waves").get(0))).containsExactly("phase", "wave", "objects", "hooks",
                "startedAt", "durationMs", "outcome");
        assertThat(json.get("waves").get(0).get("startedAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(json.get("waves").get(1).get("wave").asInt()).isEqualTo(-1);
        assertThat(json.get("waves").get(1).get("outcome").asText()).isEqualTo("not run");
        JsonNode hook = json.get("hooks").get(0);
        assertThat(fieldNames(hook)).containsExactly("phase", "wave", "group", "version", "kind", "namespace", "name",
                "source", "state", "error", "deleted");
        assertThat(hook.get("state").asText()).isEqualTo("failed");
        assertThat(hook.get("deleted").asBoolean()).isTrue();
        assertThat(fieldNames(json.get("phases"))).containsExactly("hooks");
    }

    @Test
    void inventoryStatus() throws Exception {
        InventoryStatus status = InventoryStatus.builder("demo", "gitops").exists(true).lastRevision("1a2b3c4")
                .lastPath("apps").objectCount(12).apiRequests(13).drifted(List.of(new ObjectResult("apps", "v1",
                        "Deployment", "prod", "web", Action.CONFIGURED, true, "diff", null, null, null))).build();

        JsonNode json = MAPPER.readTree(JsonReport.toJson(status));

        assertThat(fieldNames(json)).containsExactly("applySet", "namespace", "exists", "lastRevision", "lastPath",
                "objectCount", "driftCount", "drifted", "apiRequests", "audit");
        assertThat(json.get("audit").size()).isZero();
        assertThat(json.get("objectCount").asInt()).isEqualTo(12);
        assertThat(json.get("driftCount").asInt()).isEqualTo(1);
        assertThat(json.get("drifted").get(0).get("name").asText()).isEqualTo("web");
        assertThat(json.get("apiRequests").asLong()).isEqualTo(13);
    }

    @Test
    void verifiedSignersAndTheAuditTrailArePublicDataOnly() throws Exception {
        VerifiedRevision v = new VerifiedRevision("1a2b3c4", VerifyMode.BOTH, List.of(
                new Signer("tag v1", "openpgp", "7D902333027D7BBA", "E20CFDF9C91E9806DB0D6AEF7D902333027D7BBA",
                        "Alice <alice@example.org>"),
                new Signer("commit 1a2b3c4", "ssh", "SHA256:abc", "SHA256:abc", "alice@example.org")));
        SyncResult r = SyncResult.builder("1a2b3c4", ".", "a").status(SyncStatus.Synced).verification(v).build();
        JsonNode signature = MAPPER.readTree(JsonReport.toJson(r)).get("signature");
        assertThat(signature.get("mode").asText()).isEqualTo("both");
        assertThat(fieldNames(signature.get("signers").get(0))).containsExactly("object", "format", "keyId",
                "fingerprint", "identity");
        assertThat(signature.get("signers").get(1).get("identity").asText()).isEqualTo("alice@example.org");

        InventoryStatus status = InventoryStatus.builder("demo", "gitops").exists(true).lastRevision("1a2b3c4")
                .lastPath("apps").objectCount(1).apiRequests(3).audit(List.of(new AuditEntry("2026-01-01T00:00:00Z",
                        "1a2b3c4", "apps", v.auditText(), "gitops-sync a@b", "applied"))).build();
        JsonNode audit = MAPPER.readTree(JsonReport.toJson(status)).get("audit");
        assertThat(fieldNames(audit.get(0))).containsExactly("time", "revision", "path", "signer", "origin", "outcome");
        assertThat(audit.get(0).get("signer").asText())
                .isEqualTo("tag v1: Alice <alice@example.org> (openpgp E20CFDF9C91E9806DB0D6AEF7D902333027D7BBA);"
                        + " commit: alice@example.org (ssh SHA256:abc)");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
