package io.jenkins.plugins.gitopssync.engine.cluster;

import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One item of a LIST, kept compact: its identity, resourceVersion and labels, and its JSON as the server
 * sent it. A sync reads every member of its kinds before it decides anything but needs a whole object only
 * for the few that changed or left Git; at 10,000 members the parsed maps were most of the heap.
 *
 * @param deleting whether its deletion has begun (it has a deletionTimestamp): it is still listed until its
 *                 finalizers are done, but will be gone
 * @param json the item's bytes (UTF-8), never changed; {@link #object()} parses them
 */
public record ListedObject(ObjectRef ref, String resourceVersion, Map<String, String> labels, boolean deleting,
                           ResourceInfo resource, byte[] json) {

    /** An object as a LIST of {@code resource} would return it (read by the same rule). */
    public static ListedObject of(Map<String, Object> object, ResourceInfo resource) {
        String list = "{\"items\":[" + ObjectMaps.toJson(object) + "]}";
        return ListReader.read(list.getBytes(StandardCharsets.UTF_8), resource).get(0);
    }

    /** The same item, known to be on its way out (e.g. its namespace is being deleted). */
    public ListedObject asDeleting() {
        return new ListedObject(ref, resourceVersion, labels, true, resource, json);
    }

    /** The whole object with its apiVersion and kind, parsed anew on each call: call it once per use. */
    public Map<String, Object> object() {
        return KubeApi.withType(KubeApi.parse(json), resource);
    }
}
