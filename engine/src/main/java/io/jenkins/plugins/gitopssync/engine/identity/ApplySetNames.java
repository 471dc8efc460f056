package io.jenkins.plugins.gitopssync.engine.identity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ApplySet names: which are valid, and the default one of a sync.
 *
 * <p>A default name is made of readable words (a job's name, a repository's short name, the path) cut to a
 * DNS-1123 label of at most 63 characters. When those words are not the whole identity of the inventory
 * (they were altered, cut, or are a short form of a longer identity such as a URL), 8 hex digits of
 * sha256(identity) follow, so two inventories never share a name. Same input, same name, on every run.
 */
public final class ApplySetNames {

    /** A label, so the default also fits where a label is needed. */
    public static final int DEFAULT_MAX_LENGTH = 63;
    /** The lease adds "gitops-sync-" (12) to the name, and a Lease name is a DNS subdomain (253). */
    public static final int MAX_LENGTH = 240;

    private static final int HASH_LENGTH = 8;
    private static final NameRule RULE = new NameRule(
            "no ApplySet name given: it names the inventory Secret of this sync", "ApplySet name",
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"),
            "lower-case letters, digits, '-' and '.'", MAX_LENGTH);

    private ApplySetNames() {
    }

    /**
     * The default name of a Jenkins job's sync: the job's full name and the path; the name alone when it
     * already is a valid label ("team-deploy"), else with the hash ("team-deploy-prod-clusters-prod-1a2b3c4d").
     */
    public static String forJob(String jobFullName, String path) {
        String p = normalizePath(path);
        String words = p.isEmpty() ? jobFullName : jobFullName + "-" + p;
        return defaultName(words, words);
    }

    /**
     * The default name of a repository's sync: its short name ("shop" of .../org/shop.git) and the path, with
     * the hash of the URL and path always, since the short name alone is shared by forks and mirrors.
     */
    public static String forRepository(String shortName, String url, String path) {
        String p = normalizePath(path);
        return defaultName(p.isEmpty() ? shortName : shortName + "-" + p, url + "\n" + p);
    }

    /**
     * The one rule behind both defaults.
     *
     * @param words    the readable text the name is made of
     * @param identity what tells this inventory from every other one; equal to {@code words} when the
     *                 words say it all
     */
    public static String defaultName(String words, String identity) {
        String label = slug(words);
        if (label.equals(identity) && label.length() <= DEFAULT_MAX_LENGTH) {
            return label;
        }
        String hash = sha256(identity).substring(0, HASH_LENGTH);
        String head = trimDashes(label.substring(0, Math.min(label.length(), DEFAULT_MAX_LENGTH - HASH_LENGTH - 1)));
        return (head.isEmpty() ? "gitops" : head) + "-" + hash;
    }

    /** Why the name cannot name an ApplySet, or empty when it can. */
    public static Optional<String> problem(String name) {
        return RULE.problem(name);
    }

    public static boolean isValid(String name) {
        return problem(name).isEmpty();
    }

    /** "./a/b/" and "a//b" → "a/b"; ".", "./" and blank → "": one directory, one name. */
    public static String normalizePath(String path) {
        if (path == null || path.isBlank()) {
            return "";
        }
        String p = Path.of(path.trim()).normalize().toString().replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p.equals(".") ? "" : p;
    }

    private static String slug(String text) {
        return trimDashes(text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
    }

    private static String trimDashes(String s) {
        return s.replaceAll("^-+", "").replaceAll("-+$", "");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
