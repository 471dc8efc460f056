package io.jenkins.plugins.gitopssync.pages;

import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import io.jenkins.plugins.gitopssync.Messages;
import java.io.Serializable;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * One object's outcome as kept in {@code build.xml} (a plain class, because build records are written by
 * XStream, which cannot write records). Records of this version keep no diff here (it is in the build's JSON
 * report) and at most {@link #ERROR_LIMIT} characters of an error; records written before kept the diff,
 * already masked by the engine.
 */
@Restricted(NoExternalUse.class)
public final class SyncedObject implements Serializable {

    /** Characters of an object's error kept in {@code build.xml}; the JSON report has all of it. */
    static final int ERROR_LIMIT = 500;

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

    /** The object with its diff, for a page of the detail page (read from the JSON report, never stored). */
    public static SyncedObject of(ObjectResult o) {
        return new SyncedObject(o.group(), o.version(), o.kind(), o.namespace(), o.name(), actionWord(o), o.drift(),
                o.diff(), o.error(), o.source(), o.health());
    }

    /** The object as {@code build.xml} keeps it: no diff, its error shortened. */
    public static SyncedObject brief(ObjectResult o) {
        return new SyncedObject(o.group(), o.version(), o.kind(), o.namespace(), o.name(), actionWord(o), o.drift(),
                null, shorten(o.error(), ERROR_LIMIT), o.source(), o.health());
    }

    /** This object without its diff and with its error shortened (for records written before this version). */
    SyncedObject brief() {
        return new SyncedObject(group, version, kind, namespace, name, action, drift, null, shorten(error, ERROR_LIMIT),
                source, health);
    }

    private static String actionWord(ObjectResult o) {
        return o.action() == null ? "unknown" : o.action().word();
    }

    /** {@code text} cut to {@code limit} characters, marked with an ellipsis when cut. */
    static String shorten(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit - 1) + "\u2026";
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

    /** The action as the pages say it. */
    public String getActionText() {
        return switch (action == null ? "" : action) {
            case "created" -> Messages.Action_Created();
            case "configured" -> Messages.Action_Configured();
            case "unchanged" -> Messages.Action_Unchanged();
            case "pruned" -> Messages.Action_Pruned();
            case "skipped" -> Messages.Action_Skipped();
            case "failed" -> Messages.Action_Failed();
            default -> Messages.Action_Unknown();
        };
    }

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
