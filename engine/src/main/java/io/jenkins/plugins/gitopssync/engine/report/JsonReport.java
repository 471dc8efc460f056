package io.jenkins.plugins.gitopssync.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jenkins.plugins.gitopssync.engine.inventory.AuditEntry;
import io.jenkins.plugins.gitopssync.engine.render.RenderedChart;
import io.jenkins.plugins.gitopssync.engine.verify.Signer;
import io.jenkins.plugins.gitopssync.engine.verify.VerifiedRevision;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The JSON report: revision, path, applySet, status, dryRun, objects[] (group, version, kind,
 * namespace, name, action as a lower-case word, drift, diff, error, source, health), totals,
 * phases (milliseconds per step of the engine), waves[] (phase, wave, objects, hooks, startedAt,
 * durationMs, outcome), hooks[] (phase, wave, group, version, kind, namespace, name, source, state, error,
 * deleted), durationMs, apiRequests, errors, warnings, signature (null, or verified, mode and signers[] with
 * object, format, keyId, fingerprint, identity), chart (null, or name, version, path, valuesFiles,
 * releaseName, namespace); a status report adds audit[] (time, revision, path, signer, origin, outcome).
 */
public final class JsonReport {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private JsonReport() {
    }

    public static String toJson(SyncResult result) {
        return write(syncResult(result));
    }

    /** The report of a sync written straight to a file (a 10,000-object report is never one String). */
    public static void write(SyncResult result, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            MAPPER.writeValue(out, syncResult(result));
        }
    }

    private static Map<String, Object> syncResult(SyncResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("revision", result.revision());
        json.put("path", result.path());
        json.put("applySet", result.applySet());
        json.put("status", result.status() == null ? null : result.status().name());
        json.put("dryRun", result.dryRun());
        json.put("objects", each(result.objects(), JsonReport::object));
        json.put("totals", totals(result.totals() == null ? Totals.of(result.objects()) : result.totals()));
        json.put("phases", phases(result.phaseMillis()));
        json.put("waves", each(result.waves(), JsonReport::wave));
        json.put("hooks", each(result.hooks(), JsonReport::hook));
        json.put("durationMs", result.durationMs());
        json.put("apiRequests", result.apiRequests());
        json.put("errors", result.errors());
        json.put("warnings", result.warnings());
        json.put("signature", signature(result.verification()));
        json.put("chart", chart(result.chart()));
        return json;
    }

    public static String toJson(InventoryStatus status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("applySet", status.applySet());
        json.put("namespace", status.namespace());
        json.put("exists", status.exists());
        json.put("lastRevision", status.lastRevision());
        json.put("lastPath", status.lastPath());
        json.put("objectCount", status.objectCount());
        json.put("driftCount", status.drifted().size());
        json.put("drifted", each(status.drifted(), JsonReport::object));
        json.put("apiRequests", status.apiRequests());
        json.put("audit", each(status.audit(), JsonReport::auditEntry));
        return write(json);
    }

    private static Map<String, Object> chart(RenderedChart c) {
        if (c == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", c.name());
        json.put("version", c.version());
        json.put("path", c.path());
        json.put("valuesFiles", c.valuesFiles());
        json.put("releaseName", c.releaseName());
        json.put("namespace", c.namespace());
        return json;
    }

    /** Public key data only: the verified mode and, per signed object, key id, fingerprint and identity. */
    private static Map<String, Object> signature(VerifiedRevision v) {
        if (v == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("verified", true);
        json.put("mode", v.mode().word());
        json.put("signers", each(v.signers(), JsonReport::signer));
        return json;
    }

    private static Map<String, Object> signer(Signer s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("object", s.object());
        json.put("format", s.format());
        json.put("keyId", s.keyId());
        json.put("fingerprint", s.fingerprint());
        json.put("identity", s.identity());
        return json;
    }

    private static Map<String, Object> auditEntry(AuditEntry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("time", e.time());
        json.put("revision", e.revision());
        json.put("path", e.path());
        json.put("signer", e.signer());
        json.put("origin", e.origin());
        json.put("outcome", e.outcome());
        return json;
    }

    private static Map<String, Object> object(ObjectResult o) {
        Map<String, Object> json = identity(o.group(), o.version(), o.kind(), o.namespace(), o.name());
        json.put("action", o.action() == null ? null : o.action().word());
        json.put("drift", o.drift());
        json.put("diff", o.diff());
        json.put("error", o.error());
        json.put("source", o.source());
        json.put("health", o.health());
        return json;
    }

    private static Map<String, Object> wave(WaveResult w) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("phase", w.phase());
        json.put("wave", w.wave());
        json.put("objects", w.objects());
        json.put("hooks", w.hooks());
        json.put("startedAt", w.startedAt());
        json.put("durationMs", w.durationMs());
        json.put("outcome", w.outcome());
        return json;
    }

    private static Map<String, Object> hook(HookResult h) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("phase", h.phase());
        json.put("wave", h.wave());
        json.putAll(identity(h.group(), h.version(), h.kind(), h.namespace(), h.name()));
        json.put("source", h.source());
        json.put("state", h.state() == null ? null : h.state().word());
        json.put("error", h.error());
        json.put("deleted", h.deleted());
        return json;
    }

    /** How the report names an object, in objects[] and hooks[] alike. */
    private static Map<String, Object> identity(String group, String version, String kind, String namespace, String name) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("group", group);
        json.put("version", version);
        json.put("kind", kind);
        json.put("namespace", namespace);
        json.put("name", name);
        return json;
    }

    private static <T> List<Map<String, Object>> each(List<T> items, Function<T, Map<String, Object>> one) {
        List<Map<String, Object>> list = new ArrayList<>(items.size());
        items.forEach(item -> list.add(one.apply(item)));
        return list;
    }

    private static Map<String, Object> totals(Totals t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("created", t.created());
        json.put("configured", t.configured());
        json.put("unchanged", t.unchanged());
        json.put("pruned", t.pruned());
        json.put("skipped", t.skipped());
        json.put("failed", t.failed());
        json.put("drifted", t.drifted());
        return json;
    }

    /** Phases in the order they run; others follow alphabetically. */
    private static Map<String, Long> phases(Map<String, Long> phaseMillis) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (EnginePhase phase : EnginePhase.values()) {
            if (phaseMillis.containsKey(phase.key())) {
                ordered.put(phase.key(), phaseMillis.get(phase.key()));
            }
        }
        new TreeMap<>(phaseMillis).forEach(ordered::putIfAbsent);
        return ordered;
    }

    private static String write(Map<String, Object> json) {
        try {
            return MAPPER.writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
