package io.jenkins.plugins.gitopssync.engine.cluster;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a LIST response into {@link ListedObject}s in one streaming pass: only each item's name, namespace,
 * resourceVersion, labels and whether it has a deletionTimestamp are decoded; the rest of the item is
 * skipped and kept as its byte range of the response, so no map is built for the items nobody looks at.
 */
final class ListReader {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ListReader() {
    }

    static List<ListedObject> read(byte[] body, ResourceInfo r) {
        List<ListedObject> out = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a LIST response is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("items".equals(field) && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        out.add(item(p, body, r));
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable LIST of " + r.groupResource() + " from the API server: "
                    + e.getMessage(), e);
        }
        return out;
    }

    /** One item, from its START_OBJECT to its END_OBJECT. */
    private static ListedObject item(JsonParser p, byte[] body, ResourceInfo r) throws IOException {
        int start = (int) p.currentTokenLocation().getByteOffset();
        String name = null;
        String namespace = null;
        String resourceVersion = null;
        Map<String, String> labels = Map.of();
        boolean deleting = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            boolean metadata = "metadata".equals(p.currentName());
            if (p.nextToken() != JsonToken.START_OBJECT || !metadata) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "name" -> name = p.getValueAsString();
                    case "namespace" -> namespace = p.getValueAsString();
                    case "resourceVersion" -> resourceVersion = p.getValueAsString();
                    case "labels" -> labels = value == JsonToken.START_OBJECT ? strings(p) : Map.of();
                    case "deletionTimestamp" -> deleting = value != JsonToken.VALUE_NULL;
                    default -> p.skipChildren();
                }
            }
        }
        int end = (int) p.currentLocation().getByteOffset();
        ObjectRef ref = new ObjectRef(r.group(), r.version(), r.kind(), namespace, name);
        return new ListedObject(ref, resourceVersion, labels, deleting, r, Arrays.copyOfRange(body, start, end));
    }

    private static Map<String, String> strings(JsonParser p) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            out.put(key, p.getValueAsString());
            p.skipChildren();
        }
        return out;
    }
}
