package io.jenkins.plugins.gitopssync.pages;

import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.report.HookResult;
import java.io.Serializable;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** One hook of one phase and what became of it, stored with the build (a plain class for XStream). */
@Restricted(NoExternalUse.class)
public final class SyncedHook implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String phase;
    private final int wave;
    private final String kind;
    private final String namespace;
    private final String name;
    private final String source;
    private final String state;
    private final String error;
    private final boolean deleted;

    public SyncedHook(String phase, int wave, String kind, String namespace, String name, String source, String state,
                      String error, boolean deleted) {
        this.phase = phase;
        this.wave = wave;
        this.kind = kind;
        this.namespace = namespace;
        this.name = name;
        this.source = source;
        this.state = state;
        this.error = error;
        this.deleted = deleted;
    }

    public static SyncedHook of(HookResult h) {
        return new SyncedHook(h.phase(), h.wave(), h.kind(), h.namespace(), h.name(), h.source(),
                h.state() == null ? "unknown" : h.state().word(), h.error(), h.deleted());
    }

    public String getPhase() { return phase; }
    public int getWave() { return wave; }
    public String getKind() { return kind; }
    public String getNamespace() { return namespace; }
    public String getName() { return name; }
    public String getSource() { return source; }
    public String getState() { return state; }
    public String getError() { return error; }
    public boolean isDeleted() { return deleted; }

    /** kind/namespace/name, as in every message. */
    public String getDisplayName() {
        return ObjectRef.displayName(kind, namespace, name);
    }
}
