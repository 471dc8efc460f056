package io.jenkins.plugins.gitopssync.pages;

import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import java.io.Serializable;

/**
 * One object's outcome as stored with the build (a plain class, because build records are written by
 * XStream, which cannot write records). The diff is already masked by the engine.
 */
public final class SyncedObject implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String group;
    private final String version;
    private final String kind;
    private final String namespace;
    private final String name;
    private final String action;
    private final boolean drift;
    private final String diff;
    private final String error;
    private final String source;
    private final String health;

    public SyncedObject(String group, String version, String kind, String namespace, String name, String action,
                        boolean drift, String diff, String error, String source, String health) {
        this.group = group;
        this.version = version;
        this.kind = kind;
        this.namespace = namespace;
        this.name = name;
        this.action = action;
        this.drift = drift;
        this.diff = diff;
        this.error = error;
        this.source = source;
        this.health = health;
    }

    public static SyncedObject of(ObjectResult o) {
        return new SyncedObject(o.group(), o.version(), o.kind(), o.namespace(), o.name(),
                o.action() == null ? "unknown" : o.action().word(), o.drift(), o.diff(), o.error(), o.source(), o.health());
    }

    public String getGroup() { return group; }
    public String getVersion() { return version; }
    public String getKind() { return kind; }
    public String getNamespace() { return namespace; }
    public String getName() { return name; }
    public String getAction() { return action; }
    public boolean isDrift() { return drift; }
    public String getDiff() { return diff; }
    public String getError() { return error; }
    public String getSource() { return source; }
    public String getHealth() { return health; }

    public boolean isFailed() {
        return "failed".equals(action);
    }

    public boolean getHasDiff() {
        return diff != null && !diff.isEmpty();
    }

    /** kind/namespace/name, as in every message. */
    public String getDisplayName() {
        return ObjectRef.displayName(kind, namespace, name);
    }
}
