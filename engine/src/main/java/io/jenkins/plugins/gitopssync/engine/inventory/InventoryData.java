package io.jenkins.plugins.gitopssync.engine.inventory;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The engine's own data in the ApplySet parent (one data key, gzip + JSON): the last applied revision
 * and path, and a record per object keyed by {@link io.jenkins.plugins.gitopssync.engine.plan.ObjectRef#key()}.
 */
public record InventoryData(String revision, String path, long syncedAtEpochSeconds, List<ObjectRecord> objects) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public InventoryData {
        objects = objects == null ? List.of() : List.copyOf(objects);
    }

    public static InventoryData empty() {
        return new InventoryData(null, null, 0, List.of());
    }

    public Map<String, ObjectRecord> byKey() {
        Map<String, ObjectRecord> m = new LinkedHashMap<>();
        for (ObjectRecord r : objects) {
            m.put(r.ref().key(), r);
        }
        return m;
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            JSON.writeValue(gz, this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** Decodes; an unreadable payload (another version, corruption) yields an empty record set. */
    public static InventoryData decode(byte[] data) {
        if (data == null || data.length == 0) {
            return empty();
        }
        try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(data))) {
            InventoryData d = JSON.readValue(gz, InventoryData.class);
            return new InventoryData(d.revision(), d.path(), d.syncedAtEpochSeconds(),
                    d.objects() == null ? new ArrayList<>() : d.objects());
        } catch (IOException e) {
            return empty();
        }
    }
}
