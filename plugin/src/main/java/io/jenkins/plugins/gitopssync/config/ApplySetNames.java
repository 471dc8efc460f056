package io.jenkins.plugins.gitopssync.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The default ApplySet name of a job: its full name plus the path, as a DNS-1123 label (the parent
 * Secret's name). Stable across builds, so every build of a job syncs the same inventory; a short hash
 * keeps long names unique when they are cut to length.
 */
public final class ApplySetNames {

    static final int MAX = 63;

    private ApplySetNames() {
    }

    public static String defaultFor(String jobFullName, String path) {
        String p = path == null ? "" : path.trim();
        if (p.equals(".") || p.equals("./")) {
            p = "";
        }
        String raw = p.isEmpty() ? jobFullName : jobFullName + "-" + p;
        String label = sanitize(raw);
        String full = label.isEmpty() ? "gitops" : label;
        if (full.length() <= MAX && full.equals(raw)) {
            return full;
        }
        // the name was altered or is too long: add a hash of the original so different jobs stay apart
        String hash = sha256(raw).substring(0, 8);
        int keep = Math.min(full.length(), MAX - hash.length() - 1);
        String head = trimDashes(full.substring(0, keep));
        return head.isEmpty() ? "gitops-" + hash : head + "-" + hash;
    }

    /** True when the name is usable as an ApplySet (Secret) name. */
    public static boolean isValid(String name) {
        return name != null && name.length() <= MAX && name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    }

    private static String sanitize(String raw) {
        String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return trimDashes(s);
    }

    private static String trimDashes(String s) {
        return s.replaceAll("^-+", "").replaceAll("-+$", "");
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
