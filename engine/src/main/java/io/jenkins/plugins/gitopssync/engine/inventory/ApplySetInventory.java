package io.jenkins.plugins.gitopssync.engine.inventory;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.cluster.ApiException;
import io.jenkins.plugins.gitopssync.engine.cluster.KubeApi;
import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import io.jenkins.plugins.gitopssync.engine.cluster.ResourceInfo;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The inventory: a kubectl ApplySet parent Secret. Reads it, refuses another tool's, and writes it with
 * server-side apply: first widened to the superset of the old and new group-kinds and namespaces (so a
 * sync interrupted after applying still lists every kind a later prune must look at), then, after
 * pruning, narrowed to the new set with the per-object records. Every write is conditional on the
 * parent being as this sync last read or wrote it: a sync that was overtaken cannot overwrite (and so
 * narrow) what the sync that overtook it wrote.
 */
public final class ApplySetInventory {

    public static final String DATA_KEY = "gitops-sync.inventory";
    static final ResourceInfo SECRETS = new ResourceInfo("", "v1", "Secret", "secrets", true);

    private final KubeApi api;
    private final String name;
    private final String namespace;
    private final String id;

    public ApplySetInventory(KubeApi api, String name, String namespace) {
        if (name == null || name.isBlank()) {
            throw new SyncException("no ApplySet name given (it names the inventory Secret)");
        }
        this.api = api;
        this.name = name;
        this.namespace = namespace;
        this.id = ApplySetId.of(name, namespace);
    }

    public String id() {
        return id;
    }

    public ApplySetParent read() {
        Map<String, Object> secret;
        try {
            secret = api.get(SECRETS, namespace, name);
        } catch (ApiException e) {
            throw fail("read", e);
        }
        if (secret == null) {
            return ApplySetParent.absent(name, namespace);
        }
        Map<String, String> labels = ObjectMaps.stringMap(secret, "labels");
        Map<String, String> annotations = ObjectMaps.stringMap(secret, "annotations");
        String display = "Secret/" + namespace + "/" + name;
        String tooling = annotations.get(ApplySetId.TOOLING_ANNOTATION);
        String idLabel = labels.get(ApplySetId.ID_LABEL);
        if (tooling == null && idLabel == null) {
            throw new SyncException(display + " exists and is not an ApplySet parent; choose another ApplySet name"
                    + " or delete that Secret");
        }
        if (tooling != null && !ApplySetId.TOOL_NAME.equals(ApplySetId.toolName(tooling))) {
            throw new SyncException("ApplySet " + display + " is managed by " + ApplySetId.toolName(tooling)
                    + " (tooling " + tooling + "); gitops-sync does not change another tool's ApplySet");
        }
        if (idLabel != null && !idLabel.equals(id)) {
            throw new SyncException("ApplySet " + display + " has id " + idLabel + " but its name and namespace give "
                    + id + "; refusing to use it");
        }
        InventoryData data = InventoryData.empty();
        if (ObjectMaps.at(secret, "data", DATA_KEY) instanceof String b64) {
            data = InventoryData.decode(Base64.getDecoder().decode(b64));
        }
        return new ApplySetParent(name, namespace, id, true, split(annotations.get(ApplySetId.GROUP_KINDS_ANNOTATION)),
                split(annotations.get(ApplySetId.NAMESPACES_ANNOTATION)), data,
                ObjectMaps.string(secret, "metadata", "resourceVersion"), AuditTrail.decode(annotations.get(AuditTrail.ANNOTATION)));
    }

    /**
     * Before applying: the parent lists the old and new kinds and namespaces, and any sync this one just
     * displaced. Skipped (no request) when it already does.
     */
    public ApplySetParent widen(ApplySetParent current, SortedSet<String> groupKinds, SortedSet<String> namespaces,
                                List<DisplacedSync> newlyDisplaced) {
        SortedSet<String> gks = new TreeSet<>(current.groupKinds());
        gks.addAll(groupKinds);
        SortedSet<String> nss = new TreeSet<>(current.additionalNamespaces());
        nss.addAll(namespaces);
        nss.remove(namespace);
        if (current.exists() && gks.equals(current.groupKinds()) && nss.equals(current.additionalNamespaces())
                && newlyDisplaced.isEmpty()) {
            return current;
        }
        List<DisplacedSync> displaced = new ArrayList<>(current.data().displaced());
        displaced.addAll(newlyDisplaced);
        return write(current, gks, nss, current.data().withDisplaced(displaced), current.audit());
    }

    /** After pruning: exactly the given kinds and namespaces, and the new records. Skipped when nothing changed. */
    public ApplySetParent finish(ApplySetParent current, SortedSet<String> groupKinds, SortedSet<String> namespaces,
                                 InventoryData data) {
        return finish(current, groupKinds, namespaces, data, null);
    }

    /**
     * The same, adding {@code audit} (when not null) to the audit trail. The entry is written only with a
     * change: a no-op sync does not rewrite the parent, so it costs no request and leaves no entry.
     */
    public ApplySetParent finish(ApplySetParent current, SortedSet<String> groupKinds, SortedSet<String> namespaces,
                                 InventoryData data, AuditEntry audit) {
        SortedSet<String> nss = new TreeSet<>(namespaces);
        nss.remove(namespace);
        if (current.exists() && current.groupKinds().equals(groupKinds)
                && current.additionalNamespaces().equals(nss) && sameRecords(current.data(), data)) {
            return current;
        }
        return write(current, groupKinds, nss, data,
                audit == null ? current.audit() : AuditTrail.append(current.audit(), audit));
    }

    private static boolean sameRecords(InventoryData a, InventoryData b) {
        return Objects.equals(a.revision(), b.revision()) && Objects.equals(a.path(), b.path())
                && a.byKey().equals(b.byKey()) && a.displaced().equals(b.displaced());
    }

    private ApplySetParent write(ApplySetParent current, SortedSet<String> groupKinds, SortedSet<String> namespaces,
                                 InventoryData data, List<AuditEntry> audit) {
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("apiVersion", "v1");
        secret.put("kind", "Secret");
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", name);
        meta.put("namespace", namespace);
        meta.put("labels", Map.of(ApplySetId.ID_LABEL, id));
        Map<String, Object> ann = new LinkedHashMap<>();
        ann.put(ApplySetId.TOOLING_ANNOTATION, ApplySetId.TOOLING);
        ann.put(ApplySetId.GROUP_KINDS_ANNOTATION, String.join(",", groupKinds));
        // kubectl writes the annotation only when there are additional namespaces; an empty value would
        // parse as one namespace named ""
        if (!namespaces.isEmpty()) {
            ann.put(ApplySetId.NAMESPACES_ANNOTATION, String.join(",", namespaces));
        }
        // every write carries the trail: a server-side apply without the field would remove it
        if (!audit.isEmpty()) {
            ann.put(AuditTrail.ANNOTATION, AuditTrail.encode(audit));
        }
        meta.put("annotations", ann);
        secret.put("metadata", meta);
        secret.put("type", "Opaque");
        secret.put("data", Map.of(DATA_KEY, Base64.getEncoder().encodeToString(data.encode())));
        String expected = current.exists() ? current.resourceVersion() : KubeApi.NOT_CREATED_YET;
        KubeApi.Applied written;
        try {
            written = api.applyIfUnchanged(SECRETS, namespace, name, secret, expected);
        } catch (ApiException e) {
            if (e.isConflict()) {
                throw new SyncException("the ApplySet parent " + current.displayName() + " was changed by another sync"
                        + " since this one read it (this sync was overtaken: it was paused or its lease expired), so"
                        + " it stops and writes nothing more; the other sync's inventory stands", e);
            }
            throw fail("write", e);
        }
        return new ApplySetParent(name, namespace, id, true, groupKinds, namespaces, data,
                ObjectMaps.string(written.object(), "metadata", "resourceVersion"), audit);
    }

    private SyncException fail(String what, ApiException e) {
        String obj = "the ApplySet parent Secret/" + namespace + "/" + name;
        if (e.isForbidden()) {
            return new SyncException(e.permissionMessage() + " (" + obj + ")", e);
        }
        if (e.isConnectionFailure()) {
            return new SyncException(e.getMessage(), e);
        }
        return new SyncException("cannot " + what + " " + obj + ": " + e.getMessage(), e);
    }

    static SortedSet<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return new TreeSet<>();
        }
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
