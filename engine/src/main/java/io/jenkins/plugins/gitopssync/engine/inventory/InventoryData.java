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
 * and path, a record per object keyed by {@link io.jenkins.plugins.gitopssync.engine.identity.ObjectRef#key()},
 * and the syncs that were overtaken recently and may still write.
 */
public record InventoryData(String revision, String path, long syncedAtEpochSeconds, List<ObjectRecord> objects,
                            List<DisplacedSync> displaced) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public InventoryData {
        objects = objects == null ? List.of() : List.copyOf(objects);
        displaced = displaced == null ? List.of() : List.copyOf(displaced);
    }

    public InventoryData(String revision, String path, long syncedAtEpochSeconds, List<ObjectRecord> objects) {
        this(revision, path, syncedAtEpochSeconds, objects, List.of());
    }

    public static InventoryData empty() {
        return new InventoryData(null, null, 0, List.of());
    }

    /** The same data with other displaced syncs. */
    public InventoryData withDisplaced(List<DisplacedSync> others) {
        return new InventoryData(revision, path, syncedAtEpochSeconds, objects, others);
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
                    d.objects() == null ? new ArrayList<>() : d.objects(), d.displaced());
        } catch (IOException e) {
            return empty();
        }
    }
}
