package io.jenkins.plugins.gitopssync.engine.inventory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The audit trail as the parent's annotation (a JSON array, newest last), so {@code kubectl get secret
 * <parent> -o yaml} shows it: at most {@link #MAX_ENTRIES} entries, each field at most
 * {@link #MAX_FIELD} characters, so the annotation stays a few KiB whatever callers pass.
 */
public final class AuditTrail {

    public static final String ANNOTATION = "gitops-sync.jenkins.io/audit";
    public static final int MAX_ENTRIES = 10;
    static final int MAX_FIELD = 256;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** {@code scheme://user:password@host}: the user info part is dropped before anything is stored. */
    private static final Pattern URL_USER_INFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]*@");

    private AuditTrail() {
    }

    /** The trail with {@code entry} added, oldest entries dropped beyond the limit. */
    public static List<AuditEntry> append(List<AuditEntry> trail, AuditEntry entry) {
        List<AuditEntry> all = new ArrayList<>(trail);
        all.add(bounded(entry));
        return List.copyOf(all.subList(Math.max(0, all.size() - MAX_ENTRIES), all.size()));
    }

    public static String encode(List<AuditEntry> trail) {
        try {
            return JSON.writeValueAsString(trail);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An absent or unreadable annotation (edited by hand, another version) is an empty trail. */
    public static List<AuditEntry> decode(String annotation) {
        if (annotation == null || annotation.isBlank()) {
            return List.of();
        }
        try {
            List<AuditEntry> read = JSON.readValue(annotation, new TypeReference<List<AuditEntry>>() { });
            List<AuditEntry> trail = new ArrayList<>();
            for (AuditEntry e : read) {
                if (e != null) {
                    trail.add(bounded(e));
                }
            }
            return List.copyOf(trail.subList(Math.max(0, trail.size() - MAX_ENTRIES), trail.size()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of();
        }
    }

    static AuditEntry bounded(AuditEntry e) {
        return new AuditEntry(clean(e.time()), clean(e.revision()), clean(e.path()), clean(e.signer()),
                clean(e.origin()),
                clean(e.outcome()));
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String s = URL_USER_INFO.matcher(value).replaceAll("$1").replaceAll("[\\p{Cntrl}]", " ").strip();
        return s.length() <= MAX_FIELD ? s : s.substring(0, MAX_FIELD - 3) + "...";
    }
}
