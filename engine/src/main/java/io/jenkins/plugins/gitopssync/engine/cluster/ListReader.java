package io.jenkins.plugins.gitopssync.engine.cluster;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetId;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads a LIST response into {@link ListedObject}s in one streaming pass: only each item's name, namespace,
 * resourceVersion, ApplySet label and whether it has a deletionTimestamp are decoded; the rest is skipped, and
 * kept as the item's bytes only when the caller's predicate asks for them. The response is read as it
 * arrives: neither it nor the items nobody asked for are ever held whole.
 */
final class ListReader {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ListReader() {
    }

    /** Every item, its bytes kept. */
    static List<ListedObject> read(byte[] body, ResourceInfo r) {
        return read(new ByteArrayInputStream(body), r, item -> true);
    }

    /** Every item; the bytes of those {@code keepJson} accepts (it sees the item {@link ListedObject#compact()}). */
    static List<ListedObject> read(InputStream body, ResourceInfo r, Predicate<ListedObject> keepJson) {
        List<ListedObject> out = new ArrayList<>();
        try (ByteWindow window = new ByteWindow(body); JsonParser p = FACTORY.createParser(window)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a LIST response is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("items".equals(field) && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        out.add(item(p, window, r, keepJson));
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
    private static ListedObject item(JsonParser p, ByteWindow window, ResourceInfo r, Predicate<ListedObject> keepJson)
            throws IOException {
        long start = p.currentTokenLocation().getByteOffset();
        window.release(start);
        String name = null;
        String namespace = null;
        String resourceVersion = null;
        String owner = null;
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
                    case "labels" -> owner = value == JsonToken.START_OBJECT ? owner(p) : null;
                    case "deletionTimestamp" -> deleting = value != JsonToken.VALUE_NULL;
                    default -> p.skipChildren();
                }
            }
        }
        long end = p.currentLocation().getByteOffset();
        ObjectRef ref = new ObjectRef(r.group(), r.version(), r.kind(), namespace, name);
        ListedObject compact = new ListedObject(ref, resourceVersion, owner, deleting, r, null);
        return keepJson.test(compact)
                ? new ListedObject(ref, resourceVersion, owner, deleting, r, window.slice(start, end)) : compact;
    }

    /** The value of the ApplySet part-of label among the labels; the other labels are skipped. */
    private static String owner(JsonParser p) throws IOException {
        String owner = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            if (ApplySetId.PART_OF_LABEL.equals(key)) {
                owner = p.getValueAsString();
            }
            p.skipChildren();
        }
        return owner;
    }
}
