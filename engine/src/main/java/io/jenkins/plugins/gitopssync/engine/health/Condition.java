package io.jenkins.plugins.gitopssync.engine.health;

import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import java.util.Map;

/** One status condition of a live object, as the health rules read it. */
record Condition(String status, String reason, String message) {

    /** The object's condition of that type, or null when it has none. */
    static Condition of(Map<String, Object> obj, String type) {
        Map<String, Object> c = ObjectMaps.condition(obj, type);
        return c == null ? null : new Condition(text(c.get("status")), text(c.get("reason")), text(c.get("message")));
    }

    /** Whether the object has the condition of that type with that status ("True", "False"). */
    static boolean has(Map<String, Object> obj, String type, String status) {
        Condition c = of(obj, type);
        return c != null && status.equals(c.status());
    }

    /** "Reason: message", either alone when the other is missing. */
    String text() {
        return (reason == null ? "" : reason + (message == null ? "" : ": ")) + (message == null ? "" : message);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
