package io.jenkins.plugins.gitopssync.engine.cluster;

import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import java.nio.charset.StandardCharsets;

/**
 * One item of a LIST, kept compact: its identity, resourceVersion, the ApplySet that holds it (its
 * {@code applyset.kubernetes.io/part-of} label) and, only where the caller asked for it, its JSON as the server
 * sent it. A sync reads every member of its kinds before it decides anything but needs a whole object only for
 * the few that changed or left Git: a no-op of 10,000 objects keeps none.
 *
 * @param owner    the id of the ApplySet whose member it is (its part-of label), or null
 * @param deleting whether its deletion has begun (it has a deletionTimestamp): it is still listed until its
 *                 finalizers are done, but will be gone
 * @param json     the item's bytes (UTF-8), never changed; null when the reader did not keep them
 *                 ({@link #compact()}); {@link #object()} parses them
 */
public record ListedObject(ObjectRef ref, String resourceVersion, String owner, boolean deleting, ResourceInfo resource,
                           byte[] json) {

    /** An object as a LIST of {@code resource} would return it (read by the same rule), its JSON kept. */
    public static ListedObject of(java.util.Map<String, Object> object, ResourceInfo resource) {
        String list = "{\"items\":[" + ObjectMaps.toJson(object) + "]}";
        return ListReader.read(list.getBytes(StandardCharsets.UTF_8), resource).get(0);
    }

    /** The same item, known to be on its way out (e.g. its namespace is being deleted). */
    public ListedObject asDeleting() {
        return new ListedObject(ref, resourceVersion, owner, true, resource, json);
    }

    /** Whether only its identity, version and owner were kept, not its JSON. */
    public boolean compact() {
        return json == null;
    }

    /**
     * The whole object with its apiVersion and kind, parsed anew on each call: call it once per use.
     *
     * @throws IllegalStateException when the reader was told not to keep it: a caller that needs the whole
     *                               object must say so when the LIST is read
     */
    public java.util.Map<String, Object> object() {
        if (json == null) {
            throw new IllegalStateException(ref + " was read compact; its whole object was not kept");
        }
        return KubeApi.withType(KubeApi.parse(json), resource);
    }
}
